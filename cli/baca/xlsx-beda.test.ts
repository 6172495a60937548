import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import '../../test/siapkan-fast-check';
import { Sheet, Workbook } from '../../core/lembar/model';
import { periksaWorkbook } from '../../core/periksa';
import { buildRichWorkbook } from '../../test/fixtures/kaya';
import { FIXTURES, loadFixture } from '../../test/fixtures/muat';
import { ReadResult } from './hasil';
import { readXlsxBuffer } from './xlsx';
import { readXlsxBufferExceljs } from './xlsx-exceljs';

/**
 * Differential tests: the direct reader against the exceljs reader it replaced (kept as a
 * test-only oracle). Same model and same findings on the fixtures written as .xlsx, the rich
 * workbook, the same files rewritten by LibreOffice, and fuzz-generated workbooks.
 */

/**
 * Arrays that only repeat "nothing" (all null / all false) say the same as an absent one.
 * exceljs drops every backslash of a format code (`0\%`, a literal percent sign, becomes the
 * percent format `0%`); the direct reader keeps the code as written, so codes are compared
 * without backslashes.
 */
function normalise(sheet: Sheet): Sheet {
  const out: Sheet = { ...sheet };
  // A merged area shows its top-left cell's format; exceljs also reports the hidden cells' own
  // bold and format (which exceljs itself copies there when writing), the direct reader does not.
  for (const m of out.merges ?? []) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        if (out.bold?.[r]?.[c] !== undefined)
          out.bold = out.bold.map((row, i) => (i === r ? row.map((v, j) => (j === c ? false : v)) : row));
        if (out.numberFormats?.[r]?.[c] !== undefined)
          out.numberFormats = out.numberFormats.map((row, i) => (i === r ? row.map((v, j) => (j === c ? null : v)) : row));
      }
    }
  }
  if (out.numberFormats)
    out.numberFormats = out.numberFormats.map((r) => r.map((f) => (f === null ? null : f.replace(/\\(.)/g, '$1'))));
  const empty = (rows: unknown[][] | undefined, nothing: unknown) =>
    rows === undefined || rows.every((r) => r.every((v) => v === nothing));
  if (empty(out.formulas, null)) delete out.formulas;
  if (empty(out.numberFormats, null)) delete out.numberFormats;
  if (empty(out.bold, false)) delete out.bold;
  return out;
}

async function bothReaders(bytes: Buffer, name: string): Promise<{ direct: ReadResult; oracle: ReadResult }> {
  return { direct: await readXlsxBuffer(bytes, name), oracle: await readXlsxBufferExceljs(bytes, name) };
}

function expectSame(direct: ReadResult, oracle: ReadResult): void {
  expect(direct.ok).toBe(oracle.ok);
  if (!direct.ok || !oracle.ok) return;
  const a: Workbook = { ...direct.workbook, sheets: direct.workbook.sheets.map(normalise) };
  const b: Workbook = { ...oracle.workbook, sheets: oracle.workbook.sheets.map(normalise) };
  expect(a).toEqual(b);
  expect(direct.warnings).toEqual(oracle.warnings);
  expect(periksaWorkbook(direct.workbook).findings).toEqual(periksaWorkbook(oracle.workbook).findings);
}

/** A fixture table written as a planner's workbook would hold it: typed numbers, bold header, formats, a merge, sums. */
async function fixtureWorkbook(name: string): Promise<Buffer> {
  const sheet = loadFixture(name as (typeof FIXTURES)[number]);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name.slice(0, 31));
  const numericCols = new Map<number, number>();
  sheet.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) {
        cell.value = Number(v);
        cell.numFmt = '#,##0';
        numericCols.set(c, (numericCols.get(c) ?? 0) + Number(v));
      } else {
        cell.value = v;
      }
      if (r < 3) cell.font = { bold: true };
    });
  });
  // A sum row under the table, with the first formula shared along the row as Excel saves a fill.
  const last = sheet.values.length + 2;
  const cols = [...numericCols.keys()].sort((a, b) => a - b);
  cols.forEach((c, i) => {
    const letter = ws.getColumn(c + 1).letter;
    const master = ws.getColumn(cols[0] + 1).letter;
    ws.getCell(last, c + 1).value =
      i === 0 || c !== cols[i - 1] + 1
        ? { formula: `SUM(${letter}1:${letter}${last - 1})`, result: numericCols.get(c)! }
        : { sharedFormula: `${master}${last}`, result: numericCols.get(c)! };
  });
  ws.getCell(last + 2, 1).value = 'Catatan penutup';
  ws.getCell(last + 2, 1).font = { bold: true };
  ws.mergeCells(last + 2, 1, last + 2, 3);
  ws.getRow(last + 1).hidden = true;
  ws.getCell(last + 3, 1).value = new Date(Date.UTC(2024, 11, 31));
  ws.getCell(last + 3, 2).value = { error: '#DIV/0!' };
  ws.getCell(last + 3, 3).value = {
    richText: [
      { text: 'Jumlah ', font: { bold: true } },
      { text: 'Total', font: { bold: true } },
    ],
  };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-baca-beda-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('direct reader = exceljs reader', () => {
  it.each([...FIXTURES])('fixture %s as .xlsx: same model, warnings and findings', async (name) => {
    const bytes = await fixtureWorkbook(name);
    const { direct, oracle } = await bothReaders(bytes, `${name}.xlsx`);
    expect(direct.ok).toBe(true);
    expectSame(direct, oracle);
  });

  it('the rich workbook (chart, pivot, image, notes, hidden sheet, LAMBDA name)', async () => {
    const { direct, oracle } = await bothReaders(await buildRichWorkbook(), 'kaya.xlsx');
    expect(direct.ok).toBe(true);
    expectSame(direct, oracle);
  });

  const SOFFICE = ['soffice', 'libreoffice'].find((b) => spawnSync('sh', ['-c', `command -v ${b}`]).status === 0);
  (SOFFICE ? it : it.skip)(
    'the same workbooks saved again by LibreOffice (its own shared strings, styles and shared formulas)',
    async () => {
      const inDir = path.join(dir, 'lo-in');
      const outDir = path.join(dir, 'lo-out');
      fs.mkdirSync(inDir, { recursive: true });
      const names = [...FIXTURES, 'kaya'];
      for (const name of FIXTURES) fs.writeFileSync(path.join(inDir, `${name}.xlsx`), await fixtureWorkbook(name));
      fs.writeFileSync(path.join(inDir, 'kaya.xlsx'), await buildRichWorkbook());
      const profile = 'file://' + path.join(dir, 'lo-profil');
      execFileSync(
        SOFFICE!,
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--convert-to',
          'xlsx',
          '--outdir',
          outDir,
          ...names.map((n) => path.join(inDir, `${n}.xlsx`)),
        ],
        { stdio: 'pipe', timeout: 170_000 },
      );
      for (const name of names) {
        const bytes = fs.readFileSync(path.join(outDir, `${name}.xlsx`));
        const { direct, oracle } = await bothReaders(bytes, `${name}.xlsx`);
        expect(direct.ok).toBe(true);
        expectSame(direct, oracle);
      }
    },
    180_000,
  );

  it('fuzz-generated workbooks: values, formulas, shared formulas, bold, formats, merges, hidden rows', async () => {
    const cellArb = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -1e9, max: 1e12 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('1.270', '92,5', 'Rp. 3.608.747.543,00', '-', 'NIHIL', '#N/A', 'Jumlah', '_x000D_'),
      fc.boolean(),
    );
    const sheetArb = fc.record({
      name: fc.constantFrom('Data', 'T-C.33', 'Lembar 2', 'Renja 2024'),
      rows: fc.array(fc.array(cellArb, { maxLength: 8 }), { maxLength: 14 }),
      bold: fc.array(fc.tuple(fc.nat(13), fc.nat(7)), { maxLength: 6 }),
      formats: fc.array(fc.tuple(fc.nat(13), fc.nat(7), fc.constantFrom('0.00%', '#,##0', '0.00', 'dd/mm/yyyy', '@')), {
        maxLength: 6,
      }),
      formulas: fc.array(fc.tuple(fc.nat(13), fc.nat(7), fc.option(fc.integer(), { nil: undefined })), { maxLength: 4 }),
      merge: fc.option(fc.tuple(fc.nat(12), fc.nat(6)), { nil: undefined }),
      hidden: fc.array(fc.nat(15), { maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(sheetArb, { minLength: 1, maxLength: 3 }), async (specs) => {
        const wb = new ExcelJS.Workbook();
        specs.forEach((s, i) => {
          const ws = wb.addWorksheet(`${s.name} ${i}`);
          s.rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
          for (const [r, c] of s.bold) ws.getCell(r + 1, c + 1).font = { bold: true };
          for (const [r, c, f] of s.formats) ws.getCell(r + 1, c + 1).numFmt = f;
          for (const [r, c, result] of s.formulas) ws.getCell(r + 1, c + 1).value = { formula: `SUM(A1:B${r + 1})*2`, result };
          if (s.merge) ws.mergeCells(s.merge[0] + 1, s.merge[1] + 1, s.merge[0] + 2, s.merge[1] + 2);
          for (const r of s.hidden) ws.getRow(r + 1).hidden = true;
        });
        const bytes = Buffer.from(await wb.xlsx.writeBuffer());
        const { direct, oracle } = await bothReaders(bytes, 'acak.xlsx');
        expectSame(direct, oracle);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
