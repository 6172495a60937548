import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { parseCell } from '../../core/angka/parse';
import { CellValue, parseA1, Sheet, sheetWidth } from '../../core/lembar/model';
import { periksaWorkbook, PeriksaResult } from '../../core/periksa';
import { Finding, FindingSchema } from '../../core/periksa/temuan';
import { FixtureName, loadFixture } from '../fixtures/muat';
import { jalankan } from '../helpers/jalankan-cli';

/**
 * Builders of the bad-input catalogue (katalog.test.ts): real tables typed as Excel and Sheets
 * hand them over, one cell spoiled at a time, checked through the path a planner takes.
 */

/**
 * A real fixture as a spreadsheet holds it after a planner typed it: every clean number a
 * number (92,5 → 92.5), everything else text. The header row stays text.
 */
export function typedFixture(name: FixtureName, sheetName: string): Sheet {
  const values = loadFixture(name).values.map((row, r) =>
    row.map((v): CellValue => {
      if (r === 0 || typeof v !== 'string') return v;
      const p = parseCell(v);
      return (p.kind === 'number' || p.kind === 'money') && p.value !== null && p.problems.length === 0 ? p.value.toNumber() : v;
    }),
  );
  return { name: sheetName, values, typed: true };
}

/**
 * LKjIP Magetan 2024 realisasi anggaran, typed: A No., B Program/Kegiatan, C Bidang,
 * D Anggaran, E Realisasi, F % Capaian. Row 2 is program 1 over kegiatan rows 3–8, row 16
 * program 5 over rows 17–18, row 21 the TOTAL. Consistent: it has no finding of its own.
 */
export function realisasiAnggaran(): Sheet {
  return typedFixture('lkjip_magetan_2024_realisasi_anggaran', 'Realisasi');
}

/** The sheet with cells replaced, by A1 address, as a planner would have typed them. */
export function withCells(sheet: Sheet, cells: Record<string, CellValue>): Sheet {
  const values = sheet.values.map((r) => r.slice());
  for (const [ref, v] of Object.entries(cells)) {
    const at = parseA1(ref)!;
    while (values.length <= at.row) values.push([]);
    values[at.row][at.col] = v;
  }
  return { ...sheet, values };
}

/**
 * Periksa Tabel as a host runs it, with what every case of the catalogue demands: the input is
 * not changed (deep-equal before and after), and every finding is well formed: its cell inside
 * the sheet, one non-empty sentence without a stack trace.
 */
export function periksaLembar(...sheets: Sheet[]): PeriksaResult {
  const workbook = { name: 'katalog', sheets };
  const before = structuredClone(workbook);
  const result = periksaWorkbook(workbook);
  expect(workbook).toEqual(before);
  for (const f of result.findings)
    expectWellFormed(
      f,
      sheets.find((s) => s.name === f.sheet)!,
    );
  return result;
}

function expectWellFormed(f: Finding, sheet: Sheet): void {
  expect(FindingSchema.safeParse(f).success).toBe(true);
  expect(f.message.trim()).not.toBe('');
  noStackTrace(f.message);
  const at = parseA1(f.cell)!;
  const top = sheet.origin?.row ?? 0;
  const left = sheet.origin?.col ?? 0;
  expect(at.row - top).toBeGreaterThanOrEqual(0);
  expect(at.row - top).toBeLessThan(sheet.values.length);
  expect(at.col - left).toBeGreaterThanOrEqual(0);
  expect(at.col - left).toBeLessThan(sheetWidth(sheet));
}

export function noStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at [\w.<]+ \(|Error: |TypeError|undefined|NaN|\[object /);
}

/** The findings at one cell, optionally of one rule. */
export function at(result: PeriksaResult, cell: string, rule?: Finding['rule']): Finding[] {
  return result.findings.filter((f) => f.cell === cell && (rule === undefined || f.rule === rule));
}

/** The one message at a cell (of a rule): the case fails when there is none or several. */
export function messageAt(result: PeriksaResult, cell: string, rule?: Finding['rule']): string {
  const found = at(result, cell, rule);
  expect(found.map((f) => `${f.cell} ${f.rule}`)).toHaveLength(1);
  return found[0].message;
}

/**
 * The CLI's `periksa` as a person types it: nothing it prints may be a stack trace, and the
 * files it was given are byte for byte what they were.
 */
export async function periksaBerkas(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const inputs = argv.filter((a) => fs.existsSync(a));
  const before = inputs.map((f) => fs.readFileSync(f));
  const r = await jalankan('periksa', ...argv);
  inputs.forEach((f, i) => expect(fs.readFileSync(f).equals(before[i])).toBe(true));
  noStackTrace(r.out);
  noStackTrace(r.err);
  return r;
}

/** A fresh folder for the files of one test file. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lk-katalog-'));
}

/** An .xlsx written by exceljs, as Excel would save it, with one sheet built by `fill`. */
export async function writeXlsx(file: string, sheetName: string, fill: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet(sheetName));
  await wb.xlsx.writeFile(file);
  return file;
}

/** Rows as a CSV file (quotes only where needed), as a spreadsheet exports them. */
export function writeCsv(file: string, rows: CellValue[][]): string {
  const cell = (v: CellValue) => {
    const s = v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  fs.writeFileSync(file, rows.map((r) => r.map(cell).join(',')).join('\n'));
  return file;
}
