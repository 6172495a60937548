import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Finding } from '../../core/periksa/temuan';
import { buildRichWorkbook, RICH } from '../../test/fixtures/kaya';
import { entries, expectOriginalKept, sheetParts, text } from '../../test/helpers/paket-xlsx';
import { writeAnnotatedCopy } from './index';
import { attributes, closeOf, scanTags } from './xml';

const f = (sheet: string, cell: string, severity: Finding['severity'], message: string, extra: Partial<Finding> = {}): Finding => ({
  sheet,
  cell,
  rule: 'jumlah-induk',
  severity,
  actual: null,
  expected: null,
  message,
  related: [],
  ...extra,
});

/** Findings on several sheets, on the kinds of cells the brief names. */
const FINDINGS: Finding[] = [
  f('Ringkasan', 'A4', 'warning', 'Nomor program ganda.', { rule: 'hierarki' }), // has a note already
  f('Ringkasan', 'E5', 'info', 'Selisih pembulatan capaian.', { rule: 'pembulatan', actual: '99.38', expected: '99.4' }),
  f('Ringkasan', 'E5', 'error', '=HYPERLINK("http://x","klik") Capaian tidak sesuai rumus.', {
    rule: 'rumus-kolom',
    related: ['C5', 'D5'],
  }),
  f('Ringkasan', 'C11', 'info', 'Catatan di sel gabungan.', { rule: 'satuan' }), // inside merged B10:C11
  f('Ringkasan', 'G5', 'warning', 'Sel kosong di baris yang ada.', { rule: 'satuan' }), // cell does not exist, row does
  f('Ringkasan', 'H20', 'warning', 'Sel di baris yang belum ada.', { rule: 'satuan' }), // neither exists
  f('Ringkasan', RICH.customFormat.cell, 'error', 'Penulisan angka tidak sah.', { rule: 'format-angka', actual: '1234567.5' }),
  f('Ringkasan', 'C4', 'warning', 'Pagu program 5.215.862.284 berbeda dengan tabel lain.', {
    rule: 'antar-tabel',
    actual: '5215862284',
    expected: '5215862000',
  }),
  f('Rincian', 'C3', 'error', 'Pagu kegiatan tidak sama dengan jumlah rinciannya.', {
    actual: '3360862284',
    expected: '3360000000',
    related: ['C4', 'C5'],
  }),
  f('Rincian', 'E3', 'info', 'Rumus bersama.', { rule: 'rumus-kolom' }), // a shared-formula cell
  f('Kosong', 'B2', 'info', 'Lembar kosong.', { rule: 'hierarki' }),
  f('Tidak Ada', 'A1', 'error', 'Lembar ini tidak ada di buku kerja.', { rule: 'antar-tabel' }),
];
/** Cells that carry a mark: E5 twice and C11 → B10 (merge anchor); the missing sheet none. */
const MARKED: Record<string, { cell: string; severity: Finding['severity']; messages: string[] }[]> = {
  Ringkasan: [
    { cell: 'A4', severity: 'warning', messages: ['Nomor program ganda.'] },
    { cell: 'E5', severity: 'error', messages: ['Capaian tidak sesuai rumus.', 'Selisih pembulatan capaian.'] },
    { cell: 'B10', severity: 'info', messages: ['Catatan di sel gabungan.'] },
    { cell: 'G5', severity: 'warning', messages: ['Sel kosong di baris yang ada.'] },
    { cell: 'H20', severity: 'warning', messages: ['Sel di baris yang belum ada.'] },
    { cell: 'B13', severity: 'error', messages: ['Penulisan angka tidak sah.'] },
    { cell: 'C4', severity: 'warning', messages: ['berbeda dengan tabel lain'] },
  ],
  Rincian: [
    { cell: 'C3', severity: 'error', messages: ['Pagu kegiatan tidak sama'] },
    { cell: 'E3', severity: 'info', messages: ['Rumus bersama.'] },
  ],
  Kosong: [{ cell: 'B2', severity: 'info', messages: ['Lembar kosong.'] }],
};
const FILL = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };

let dir: string;
let input: string;
let output: string;
let inputBytes: Buffer;
let result: Awaited<ReturnType<typeof writeAnnotatedCopy>>;
let before: JSZip;
let after: JSZip;

async function loadBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandai-'));
  input = path.join(dir, 'kaya.xlsx');
  output = path.join(dir, 'keluar', 'kaya-bertanda.xlsx');
  inputBytes = await buildRichWorkbook();
  fs.writeFileSync(input, inputBytes);
  result = await writeAnnotatedCopy({ path: input }, FINDINGS, output);
  before = await JSZip.loadAsync(inputBytes);
  after = await JSZip.loadAsync(fs.readFileSync(output));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('writeAnnotatedCopy on a rich .xlsx', () => {
  test('reports the marked cells and the findings sheet, and leaves the input file as it was', () => {
    const marked = Object.values(MARKED).reduce((n, l) => n + l.length, 0);
    expect(result).toEqual({ ok: true, marked, sheetName: 'Temuan' });
    expect(fs.readFileSync(input).equals(inputBytes)).toBe(true);
  });

  test('every part other than those allowed to change is byte-identical, and none is lost', async () => {
    const a = await entries(before);
    const b = await entries(after);
    const parts = await sheetParts(before);
    const markedSheets = Object.keys(MARKED).map((s) => parts.get(s)!);
    const allowed = new Set([
      '[Content_Types].xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      ...markedSheets,
      ...markedSheets.map((p) => p.replace('worksheets/', 'worksheets/_rels/') + '.rels'),
      'xl/comments1.xml', // Ringkasan's existing notes
      'xl/drawings/vmlDrawing1.vml', // and their drawing
    ]);
    for (const [name, bytes] of a) {
      expect(b.has(name)).toBe(true);
      if (!allowed.has(name)) expect(`${name} ${b.get(name)!.equals(bytes)}`).toBe(`${name} true`);
    }
    // The parts exceljs would drop or rewrite are among the untouched ones.
    for (const kept of [
      'xl/charts/chart1.xml',
      'xl/drawings/drawing1.xml',
      'xl/drawings/_rels/drawing1.xml.rels',
      'xl/media/image1.png',
      'xl/pivotTables/pivotTable1.xml',
      'xl/pivotCache/pivotCacheDefinition1.xml',
      'xl/pivotCache/pivotCacheRecords1.xml',
      'xl/sharedStrings.xml',
      parts.get(RICH.hidden)!,
    ]) {
      expect(b.get(kept)!.equals(a.get(kept)!)).toBe(true);
    }
  });

  test('in every changed part each original element is still there, with its attributes and text', async () => {
    const a = await entries(before);
    const b = await entries(after);
    for (const [name, bytes] of a) {
      if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
      if (b.get(name)!.equals(bytes)) continue;
      expectOriginalKept(name, bytes.toString('utf8'), b.get(name)!.toString('utf8'), MAY_CHANGE);
    }
  });

  test('the elements an xlsx library tends to lose are present', async () => {
    const wb = await text(after, 'xl/workbook.xml');
    expect(wb).toContain(`<definedName name="CAPAIAN">${RICH.lambda}</definedName>`);
    expect(wb).toContain('<definedName name="TotalPagu">Ringkasan!$C$9</definedName>');
    expect(wb).toContain('<pivotCache cacheId="7" r:id="rIdPivotCache"/>');
    expect(wb).toMatch(/<sheet [^>]*name="Referensi" state="hidden"/);
    const ringkasan = await text(after, (await sheetParts(after)).get('Ringkasan')!);
    expect(ringkasan).toContain('<mergeCell ref="B10:C11"/>');
    expect(ringkasan).toContain('<conditionalFormatting sqref="E4:E8">');
    expect(ringkasan).toContain('<dataValidation type="list" allowBlank="1" sqref="F4:F8">');
    expect(ringkasan).toMatch(/<hyperlink ref="A12" r:id="rId\d+"\/>/);
    expect(ringkasan).toMatch(/<drawing r:id="rId\d+"\/><legacyDrawing r:id="rId\d+"\/><\/worksheet>$/);
    const rincianRels = await text(after, 'xl/worksheets/_rels/sheet2.xml.rels');
    expect(rincianRels).toContain('Target="../pivotTables/pivotTable1.xml"');
  });

  test('a sheet that had no notes gets <legacyDrawing> in its schema place, pointing at a new VML drawing', async () => {
    const part = (await sheetParts(after)).get('Kosong')!;
    const xml = await text(after, part);
    const children = scanTags(xml)
      .filter((t) => t.depth === 1 && t.kind !== 'close')
      .map((t) => t.local);
    expect(children.slice(-3)).toEqual(['pageMargins', 'pageSetup', 'legacyDrawing']);
    const rels = await text(after, part.replace('worksheets/', 'worksheets/_rels/') + '.rels');
    const id = /<legacyDrawing r:id="([^"]+)"/.exec(xml)![1];
    const target = new RegExp(`Id="${id}" Type="[^"]+/vmlDrawing" Target="\\.\\./drawings/(vmlDrawing\\d+\\.vml)"`).exec(rels);
    expect(target).not.toBeNull();
    const vml = await text(after, `xl/drawings/${target![1]}`);
    expect(vml).toContain('<x:Row>1</x:Row><x:Column>1</x:Column>');
    const types = await text(after, '[Content_Types].xml');
    expect(types).toContain('Extension="vml"');
    expect(types).toMatch(
      /PartName="\/xl\/comments\d+\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.comments\+xml"/,
    );
    // Every shape id in the package is unique: Excel renumbers or drops duplicates.
    const ids: string[] = [];
    for (const name of Object.keys(after.files).filter((n) => n.endsWith('.vml'))) {
      for (const m of (await text(after, name)).matchAll(/ id="(_x0000_s\d+)"/g)) ids.push(m[1]);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('values and formulas are unchanged; a marked cell changes only its fill', async () => {
    const old = await loadBook(input);
    const now = await loadBook(output);
    for (const ws of old.worksheets) {
      const copy = now.getWorksheet(ws.name)!;
      expect(copy.state).toBe(ws.state);
      ws.eachRow({ includeEmpty: true }, (row, r) =>
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const other = copy.getCell(r, c);
          expect(`${ws.name}!${cell.address} ${JSON.stringify(other.value)}`).toBe(
            `${ws.name}!${cell.address} ${JSON.stringify(cell.value)}`,
          );
          const marked = MARKED[ws.name]?.find((m) => m.cell === cell.address);
          // exceljs reports format 0 as "no style" and its copy as the default font it names;
          // the copy's equality with format 0 is checked on the XML in the next test.
          const look = (x: ExcelJS.Cell) => JSON.stringify([x.numFmt, x.font, x.border, x.alignment]);
          if (!(marked && cell.font === undefined)) {
            expect(`${ws.name}!${cell.address} ${look(other)}`).toBe(`${ws.name}!${cell.address} ${look(cell)}`);
          }
          if (marked) expect((other.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(FILL[marked.severity]);
          else expect(other.fill).toEqual(cell.fill);
        }),
      );
    }
    expect(now.getWorksheet('Ringkasan')!.getCell('B13').numFmt).toBe(RICH.customFormat.numFmt);
    // C11 is inside B10:C11: its mark is on the anchor B10, which Excel shows for the area.
    expect(now.getWorksheet('Ringkasan')!.getCell('B10').value).toBe('Catatan: angka sementara');
  });

  test('each marked cell format is a copy of the old one that differs only in fillId (and applyFill)', async () => {
    const oldStyles = await text(before, 'xl/styles.xml');
    const newStyles = await text(after, 'xl/styles.xml');
    const oldXfs = xfs(oldStyles);
    const newXfs = xfs(newStyles);
    const fills = children(newStyles, 'fills', 'fill');
    expect(newXfs.slice(0, oldXfs.length)).toEqual(oldXfs);
    expect(children(newStyles, 'fills', 'fill').slice(0, children(oldStyles, 'fills', 'fill').length)).toEqual(
      children(oldStyles, 'fills', 'fill'),
    );
    const oldParts = await sheetParts(before);
    for (const [sheet, marks] of Object.entries(MARKED)) {
      const oldSheet = await text(before, oldParts.get(sheet)!);
      const newSheet = await text(after, oldParts.get(sheet)!);
      for (const m of marks) {
        const was = styleIndex(oldSheet, m.cell);
        const now = styleIndex(newSheet, m.cell);
        expect(now).not.toBeNull();
        expect(now!).toBeGreaterThanOrEqual(oldXfs.length);
        const a = attributes(oldXfs[was ?? 0]);
        const b = attributes(newXfs[now!]);
        for (const k of new Set([...a.keys(), ...b.keys()])) {
          if (k === 'fillId' || k === 'applyFill') continue;
          expect(`${m.cell} ${k}=${b.get(k)}`).toBe(`${m.cell} ${k}=${a.get(k)}`);
        }
        expect(b.get('applyFill')).toBe('1');
        // Child elements (alignment, protection) are carried over as they were.
        expect(newXfs[now!].replace(/^<xf[^>]*>/, '')).toBe(oldXfs[was ?? 0].replace(/^<xf[^>]*>/, ''));
        expect(fills[Number(b.get('fillId'))]).toContain(`rgb="${FILL[m.severity]}"`);
      }
    }
  });

  test('notes carry the messages; an existing note keeps its text and gets ours appended', async () => {
    const now = await loadBook(output);
    const noteText = (sheet: string, cell: string) => {
      const note = now.getWorksheet(sheet)!.getCell(cell).note;
      if (note === undefined) return '';
      return typeof note === 'string' ? note : note.texts!.map((t) => t.text).join('');
    };
    for (const [sheet, marks] of Object.entries(MARKED)) {
      for (const m of marks) {
        const t = noteText(sheet, m.cell);
        expect(t).toContain('Lembar Kinerja:');
        for (const msg of m.messages) expect(t).toContain(msg);
      }
    }
    const a4 = noteText('Ringkasan', 'A4');
    expect(a4.startsWith(RICH.existingNote.text)).toBe(true);
    expect(a4).toContain('Peringatan (hierarki): Nomor program ganda.');
    // Worst first, and the formula-looking message cannot start a formula.
    expect(noteText('Ringkasan', 'E5')).toContain(
      'Galat (rumus-kolom): \'=HYPERLINK("http://x","klik") Capaian tidak sesuai rumus.\nInfo (pembulatan): Selisih pembulatan capaian.',
    );
    // One comment per cell: A4 was not given a second one.
    const comments = await text(after, 'xl/comments1.xml');
    expect(comments.match(/<comment ref="A4"/g)).toHaveLength(1);
  });

  test('"Temuan" lists every finding, in the workbook sheet order, as inline strings only', async () => {
    const now = await loadBook(output);
    const ws = now.getWorksheet('Temuan')!;
    expect(now.worksheets[now.worksheets.length - 1].name).toBe('Temuan');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['Lembar', 'Sel', 'Aturan', 'Tingkat', 'Isi sel', 'Seharusnya', 'Keterangan', 'Sel terkait']);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.rowCount).toBe(FINDINGS.length + 1);
    const rows = [];
    for (let r = 2; r <= ws.rowCount; r++) rows.push(Array.from({ length: 8 }, (_, c) => ws.getCell(r, c + 1).value ?? ''));
    for (const finding of FINDINGS) {
      const row = rows.find(
        (r) => r[0] === finding.sheet && r[1] === finding.cell && String(r[6]).endsWith(finding.message.replace(/^=/, '')),
      );
      expect(row).toBeDefined();
    }
    expect(rows.map((r) => r[0])).toEqual([...Array(8).fill('Ringkasan'), 'Rincian', 'Rincian', 'Kosong', 'Tidak Ada']);
    // E5's error row: level, id-ID numbers, related cells, neutralised message.
    const e5 = rows.find((r) => r[1] === 'E5' && r[3] === 'galat')!;
    expect(e5).toEqual([
      'Ringkasan',
      'E5',
      'rumus-kolom',
      'galat',
      '',
      '',
      `'=HYPERLINK("http://x","klik") Capaian tidak sesuai rumus.`,
      'C5, D5',
    ]);
    const c4 = rows.find((r) => r[1] === 'C4')!;
    expect(c4.slice(3, 6)).toEqual(['peringatan', '5.215.862.284', '5.215.862.000']);
    const temuanPart = (await sheetParts(after)).get('Temuan')!;
    const xml = await text(after, temuanPart);
    expect(xml).not.toMatch(/<f[ >]/);
    expect(xml).toContain('<autoFilter ref="A1:H13"/>');
    expect(xml).toContain(`<hyperlink ref="B2" location="'Ringkasan'!A4" display="A4"/>`);
    expect(xml).not.toContain('Tidak Ada&apos;!'); // no link to a sheet that is not there
  });
});

describe('writeAnnotatedCopy refusals and repeats', () => {
  test('refuses to write over the input, whatever the path spelling', async () => {
    const spelled = path.join(dir, 'keluar', '..', 'kaya.xlsx');
    const r = await writeAnnotatedCopy({ path: input }, FINDINGS, spelled);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/sama dengan berkas yang diperiksa/);
    const link = path.join(dir, 'tautan.xlsx');
    fs.symlinkSync(input, link);
    expect((await writeAnnotatedCopy({ path: input }, FINDINGS, link)).ok).toBe(false);
    expect(fs.readFileSync(input).equals(inputBytes)).toBe(true);
  });

  test('a missing or unreadable input gives an Indonesian message, not a crash', async () => {
    const missing = await writeAnnotatedCopy({ path: path.join(dir, 'tidak-ada.xlsx') }, FINDINGS, path.join(dir, 'x.xlsx'));
    expect(missing).toEqual({ ok: false, message: expect.stringMatching(/tidak ditemukan/) });
    const junk = path.join(dir, 'rusak.xlsx');
    fs.writeFileSync(junk, 'PK\u0003\u0004 ini bukan zip');
    const broken = await writeAnnotatedCopy({ path: junk }, FINDINGS, path.join(dir, 'y.xlsx'));
    expect(broken).toEqual({ ok: false, message: 'Berkas bukan .xlsx yang sah atau rusak.' });
    expect(fs.existsSync(path.join(dir, 'y.xlsx'))).toBe(false);
  });

  test('annotating an annotated copy again keeps both rounds: "Temuan (2)", notes appended', async () => {
    const again = path.join(dir, 'dua-kali.xlsx');
    const r = await writeAnnotatedCopy({ path: output }, [f('Ringkasan', 'H20', 'error', 'Putaran kedua.')], again);
    expect(r).toEqual({ ok: true, marked: 1, sheetName: 'Temuan (2)' });
    const wb = await loadBook(again);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...RICH.sheets, 'Temuan', 'Temuan (2)']);
    const note = wb.getWorksheet('Ringkasan')!.getCell('H20').note as ExcelJS.Comment;
    const t = note.texts!.map((x) => x.text).join('');
    expect(t).toContain('Sel di baris yang belum ada.');
    expect(t).toContain('Putaran kedua.');
    expect((wb.getWorksheet('Ringkasan')!.getCell('H20').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(FILL.error);
  });
});

describe('writeAnnotatedCopy on CSV and TSV', () => {
  const csv = '\uFEFFNo;Program;Pagu;Capaian\r\n1.;PROGRAM A;"42.000.000";92,5\r\n1.1;=SUM(A1);8,220,950,000;100 %\r\n';

  test('a CSV becomes a new workbook: cells as text exactly as in the file, marks, notes and "Temuan"', async () => {
    const file = path.join(dir, 'tabel.csv');
    fs.writeFileSync(file, csv);
    const out = path.join(dir, 'tabel-bertanda.xlsx');
    const findings = [
      f('tabel', 'C3', 'error', 'Penulisan angka mencampur pemisah.', { rule: 'format-angka', actual: '8,220,950,000' }),
      f('tabel', 'C3', 'info', 'Angka teks.', { rule: 'angka-teks' }),
      f('tabel', 'D2', 'warning', 'Capaian dibulatkan.', { rule: 'pembulatan', actual: '92.5', expected: '92.52' }),
    ];
    const r = await writeAnnotatedCopy({ path: file }, findings, out);
    expect(r).toEqual({ ok: true, marked: 2, sheetName: 'Temuan' });
    const wb = await loadBook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['tabel', 'Temuan']);
    const ws = wb.getWorksheet('tabel')!;
    expect(ws.getCell('C2').value).toBe('42.000.000');
    expect(ws.getCell('D2').value).toBe('92,5');
    expect(ws.getCell('B3').value).toBe('=SUM(A1)'); // text, not a formula
    expect(ws.getCell('D3').value).toBe('100 %');
    expect((ws.getCell('C3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(FILL.error);
    expect((ws.getCell('D2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(FILL.warning);
    const note = (ws.getCell('C3').note as ExcelJS.Comment).texts!.map((t) => t.text).join('');
    expect(note).toBe('Lembar Kinerja:\nGalat (format-angka): Penulisan angka mencampur pemisah.\nInfo (angka-teks): Angka teks.');
    const list = wb.getWorksheet('Temuan')!;
    expect(list.rowCount).toBe(4);
    expect(list.getCell('A1').font?.bold).toBe(true);
    expect(list.autoFilter).toBeDefined();
    expect((list.getRow(2).values as unknown[]).slice(1)).toEqual([
      'tabel',
      'D2',
      'pembulatan',
      'peringatan',
      '92,5',
      '92,52',
      'Capaian dibulatkan.',
    ]);
    expect(fs.readFileSync(file, 'utf8')).toBe(csv);
  });

  test('a TSV too, tabs splitting the cells', async () => {
    const file = path.join(dir, 'tabel.tsv');
    fs.writeFileSync(file, 'No\tPagu\n1\t53.600.0000\n');
    const out = path.join(dir, 'tsv-bertanda.xlsx');
    const r = await writeAnnotatedCopy(
      { path: file },
      [f('tabel', 'B2', 'error', 'Pemisah ribuan salah.', { rule: 'format-angka' })],
      out,
    );
    expect(r.ok).toBe(true);
    const ws = (await loadBook(out)).getWorksheet('tabel')!;
    expect(ws.getCell('B2').value).toBe('53.600.0000');
    expect(ws.getCell('A2').value).toBe('1');
    expect((ws.getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(FILL.error);
  });
});

// ---- helpers reading the parts ----

/** The `<xf>` elements of cellXfs, whole. */
function xfs(styles: string): string[] {
  return children(styles, 'cellXfs', 'xf');
}

function children(xml: string, parent: string, child: string): string[] {
  const tags = scanTags(xml);
  const i = tags.findIndex((t) => t.local === parent && t.kind === 'open');
  const close = closeOf(tags, i)!;
  const out: string[] = [];
  for (let j = i + 1; j < close; j++) {
    const t = tags[j];
    if (t.local !== child || t.kind === 'close' || t.depth !== tags[i].depth + 1) continue;
    out.push(xml.slice(t.start, t.kind === 'open' ? tags[closeOf(tags, j)!].end : t.end));
  }
  return out;
}

function styleIndex(sheetXml: string, cell: string): number | null {
  const m = new RegExp(`<c r="${cell}"([^>]*)>|<c r="${cell}"([^>]*)/>`).exec(sheetXml);
  if (!m) return null;
  const s = /\ss="(\d+)"/.exec(m[1] ?? m[2] ?? '');
  return s ? Number(s[1]) : 0;
}

/** Attributes the writer may change on an existing element. */
const MAY_CHANGE: Record<string, string[]> = {
  c: ['s'],
  row: ['spans'],
  dimension: ['ref'],
  fonts: ['count'],
  fills: ['count'],
  cellXfs: ['count'],
};
