/**
 * Sample workbooks built from the real tables in test/fixtures/dokumen: one .xlsx per table,
 * written the way a planner's Excel with the id-ID locale holds the table after typing it in,
 * plus one .csv as id-ID Excel exports it.
 *
 * Conversion rule (what id-ID Excel does with a typed cell, kept strict):
 * - A cell becomes a NUMBER only when its whole text is an id-ID number Excel accepts on typing:
 *   digits with an optional leading `-`; `.` groups thousands (first group 1–3 digits, then
 *   groups of exactly three: `42.000.000`, `1.270`); `,` is the one decimal mark (`92,5`,
 *   `0,259`). The value is the exact decimal's nearest double (0,259 → 0.259, never 0.25899…).
 * - Such a number followed directly by `%` (`97,10%`, `3%`) becomes the fraction Excel stores
 *   (0.971) with a percent format showing the written decimals (`0.00%`, `0%`).
 * - The number format reproduces the printed text: grouped numbers get `#,##0`, written
 *   decimals get as many `0` places (`5,30` → `0.00`), a plain integer stays General.
 * - Everything else stays TEXT exactly as printed: `8,220,950,000`, `53.600.0000`,
 *   `29,822,934.850`, `16.8`, `99,88 %` (space before %), `24 bln`, `1.`, `1.1`, `-`.
 *   Integers written with a leading zero (`007`) stay text too: a planner who keeps the zero
 *   typed it as text.
 * Row 1 is the header; row 2 is a header too when it holds the column numbers 1…n. Header rows
 * and program rows (a cell with upper-case `PROGRAM`) are bold; header text wraps.
 *
 * Run directly: `node dist/node/scripts/buat-contoh.js OUTDIR` builds into OUTDIR and prints
 * the paths written.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Dec, HUNDRED, toDouble } from '../core/angka/desimal';
import { FixtureName, loadFixture } from '../test/fixtures/muat';

/** The tables, the file each comes from and the sheet name a planner would give it. */
export const SAMPLE_TABLES = [
  { fixture: 'lkjip_magetan_2024_capaian', sheet: 'Tabel 3.2 Capaian' },
  { fixture: 'lkjip_magetan_2024_efisiensi_sasaran', sheet: 'Tabel 3.9 Efisiensi' },
  { fixture: 'lkjip_magetan_2024_realisasi_anggaran', sheet: 'Tabel 3.9 Realisasi Anggaran' },
  { fixture: 'renja_magetan_2022_tc29', sheet: 'T-C.29' },
  { fixture: 'renja_magetan_2022_tc33', sheet: 'T-C.33' },
  { fixture: 'renja_malang_2024_tabel23_review_rkpd', sheet: 'Tabel 2.3' },
] as const;

/** The table also written as a semicolon CSV. */
export const CSV_TABLE = 'lkjip_magetan_2024_realisasi_anggaran';

export interface TypedCell {
  value: number;
  /** Excel number format code; null for General. */
  numFmt: string | null;
}

const ID_NUMBER = /^(-?)(0|[1-9]\d*|[1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d+))?(%?)$/;

/** The number id-ID Excel makes of a typed text, or null when Excel keeps it as text. */
export function readTypedIdNumber(text: string): TypedCell | null {
  const m = ID_NUMBER.exec(text);
  if (!m) return null;
  const [, sign, intPart, frac = '', pct] = m;
  const grouped = intPart.includes('.');
  let value = new Dec(`${sign}${intPart.split('.').join('')}${frac ? '.' + frac : ''}`);
  if (pct) value = value.div(HUNDRED);
  const places = frac ? '.' + '0'.repeat(frac.length) : '';
  const body = (grouped ? '#,##0' : '0') + places;
  let numFmt: string | null = null;
  if (pct) numFmt = body + '%';
  else if (grouped || frac) numFmt = body;
  // -0 would show as 0 and lose nothing; keep the sign-free zero Excel stores.
  const n = toDouble(value);
  return { value: Object.is(n, -0) ? 0 : n, numFmt };
}

function isColumnNumberRow(row: (string | null)[]): boolean {
  const filled = row.filter((c): c is string => c !== null && c.trim() !== '');
  return filled.length >= 2 && filled.every((c, i) => c.trim() === String(i + 1));
}

function isProgramRow(row: (string | null)[]): boolean {
  return row.some((c) => c !== null && /\bPROGRAM\b/.test(c));
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 48;

function columnWidths(rows: (string | null)[][], headerRows: number): number[] {
  const widths: number[] = [];
  rows.forEach((row, r) => {
    row.forEach((c, i) => {
      if (c === null) return;
      // A header wraps, so only its longest word needs to fit.
      const len = r < headerRows ? Math.max(...c.split(/\s+/).map((w) => w.length)) : c.length;
      widths[i] = Math.max(widths[i] ?? 0, len);
    });
  });
  return Array.from(widths, (w) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, (w ?? 0) + 2)));
}

/** Write one table as a worksheet of `wb`. */
export function addTableSheet(wb: ExcelJS.Workbook, sheetName: string, rows: (string | null)[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName);
  const headerRows = rows.length > 1 && isColumnNumberRow(rows[1]) ? 2 : 1;
  const widths = columnWidths(rows, headerRows);
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  rows.forEach((row, r) => {
    const header = r < headerRows;
    const bold = header || isProgramRow(row);
    row.forEach((text, c) => {
      if (text === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      const typed = readTypedIdNumber(text);
      if (typed) {
        cell.value = typed.value;
        if (typed.numFmt) cell.numFmt = typed.numFmt;
      } else {
        cell.value = text;
      }
      if (bold) cell.font = { bold: true };
      if (header) cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      else if (!typed && text.length > widths[c]) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  ws.views = [{ state: 'frozen', ySplit: headerRows, xSplit: 0 }];
  return ws;
}

function readFixtureRows(fixture: string): (string | null)[][] {
  return loadFixture(fixture as FixtureName).values as (string | null)[][];
}

/** A CSV as id-ID Excel's "CSV UTF-8" export writes it: BOM, `;` between fields, CRLF. */
export function toIdCsv(rows: (string | null)[][]): string {
  const field = (c: string | null) => {
    const s = c ?? '';
    return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\uFEFF' + rows.map((r) => r.map(field).join(';')).join('\r\n') + '\r\n';
}

/** Build every sample into `outDir` (created when missing); returns the paths written. */
export async function buildSamples(outDir: string): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const t of SAMPLE_TABLES) {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Lembar Kinerja';
    addTableSheet(wb, t.sheet, readFixtureRows(t.fixture));
    const file = path.join(outDir, `${t.fixture}.xlsx`);
    await wb.xlsx.writeFile(file);
    written.push(file);
  }
  const csvFile = path.join(outDir, `${CSV_TABLE}.csv`);
  fs.writeFileSync(csvFile, toIdCsv(readFixtureRows(CSV_TABLE)), 'utf8');
  written.push(csvFile);
  return written;
}

if (require.main === module) {
  const outDir = process.argv[2];
  if (!outDir) {
    process.stderr.write('Pemakaian: node dist/node/scripts/buat-contoh.js FOLDER_KELUARAN\n');
    process.exit(2);
  }
  buildSamples(path.resolve(outDir)).then(
    (files) => {
      for (const f of files) process.stdout.write(f + '\n');
    },
    (err) => {
      process.stderr.write(`Gagal membuat contoh: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(2);
    },
  );
}
