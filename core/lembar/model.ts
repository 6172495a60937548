import * as z from 'zod/mini';

/**
 * The sheet model every host hands to the core: a rectangular block of cells read in one
 * batch (Office `Range.values/formulas/numberFormat`, Apps Script `getValues/getFormulas/…`,
 * an .xlsx or .csv file), with the block's top-left position in the sheet so that findings
 * name cells as the user sees them.
 */
export const CellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof CellValueSchema>;

export const MergeSchema = z.object({
  /** 0-based, inclusive, relative to the block's top-left cell. */
  top: z.int().check(z.nonnegative()),
  left: z.int().check(z.nonnegative()),
  bottom: z.int().check(z.nonnegative()),
  right: z.int().check(z.nonnegative()),
});
export type Merge = z.infer<typeof MergeSchema>;

export const SheetSchema = z.object({
  name: z.string(),
  /** Row-major values; rows may be ragged, missing cells are empty. */
  values: z.array(z.array(CellValueSchema)),
  /** Formula text (`=SUM(F5:F9)`) where a cell has one; same shape as values, or absent. */
  formulas: z.optional(z.array(z.array(z.nullable(z.string())))),
  /** Number format codes, same shape, or absent. */
  numberFormats: z.optional(z.array(z.array(z.nullable(z.string())))),
  /** Bold font, same shape, or absent. */
  bold: z.optional(z.array(z.array(z.boolean()))),
  merges: z.optional(z.array(MergeSchema)),
  /** 0-based position of values[0][0] in the sheet (a used range that does not start at A1). */
  origin: z.optional(z.object({ row: z.int().check(z.nonnegative()), col: z.int().check(z.nonnegative()) })),
  /**
   * True when the host says which cells are numbers and which are text (xlsx, Excel, Sheets).
   * False for CSV/TSV, where every cell is text and "number stored as text" means nothing.
   */
  typed: z.boolean(),
  /** Rows hidden by the user (0-based, relative), when the host knows. */
  hiddenRows: z.optional(z.array(z.int().check(z.nonnegative()))),
});
export type Sheet = z.infer<typeof SheetSchema>;

export const WorkbookSchema = z.object({
  /** File name or document title, for reports. */
  name: z.string(),
  sheets: z.array(SheetSchema),
});
export type Workbook = z.infer<typeof WorkbookSchema>;

export function cellAt(sheet: Sheet, row: number, col: number): CellValue {
  const r = sheet.values[row];
  if (r === undefined) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function formulaAt(sheet: Sheet, row: number, col: number): string | null {
  return sheet.formulas?.[row]?.[col] ?? null;
}

export function isBold(sheet: Sheet, row: number, col: number): boolean {
  return sheet.bold?.[row]?.[col] ?? false;
}

export function sheetWidth(sheet: Sheet): number {
  let w = 0;
  for (const r of sheet.values) if (r.length > w) w = r.length;
  return w;
}

/** `A1` address of a block-relative cell, as the user sees it in the sheet. */
export function a1(sheet: Pick<Sheet, 'origin'>, row: number, col: number): string {
  const r = row + (sheet.origin?.row ?? 0);
  const c = col + (sheet.origin?.col ?? 0);
  return columnLetters(c) + String(r + 1);
}

export function columnLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Parse `B12` to 0-based absolute row/col; null when it is not an A1 address. */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * A single-cell reference as a formula writes it (`F5`, `$F$5`, `'Data 2024'!B3`, `Data!B3`):
 * its sheet (the given one when none is written) and 0-based absolute position; null when it
 * is not one cell.
 */
export function parseCellRef(ref: string, sheet: string): { sheet: string; row: number; col: number } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref.trim());
  const name = m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]) : sheet;
  const pos = parseA1((m ? m[3] : ref).replace(/\$/g, ''));
  return pos ? { sheet: name, ...pos } : null;
}

/** A cell as the text key words are matched against: trimmed; '' for blanks and error values. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return '';
}
