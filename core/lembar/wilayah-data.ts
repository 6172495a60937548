import { a1, Sheet } from './model';

/** A block of cells, 0-based and inclusive, in the sheet's own coordinates (origin applied). */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The data region around one cell, as Excel's Ctrl+A / `Range.getCurrentRegion` and Sheets'
 * `Range.getDataRegion` find it: grow the block while any cell touching its border (diagonals
 * too) holds something; a merged area counts as filled wherever its anchor is.
 *
 * Real hosts always have an active cell, and "Sel yang dipilih" with the cursor in one cell
 * means "the table I am in", not that one cell. Null when the cell and all its neighbours are
 * empty: the host then checks the whole sheet, and says so.
 */
export function dataRegion(sheet: Sheet, row: number, col: number): Rect | null {
  const oRow = sheet.origin?.row ?? 0;
  const oCol = sheet.origin?.col ?? 0;
  const filled = filledTest(sheet);
  const r = { top: row - oRow, left: col - oCol, bottom: row - oRow, right: col - oCol };
  const height = sheet.values.length;
  let width = 0;
  for (const line of sheet.values) width = Math.max(width, line.length);
  const anyInRow = (rr: number, c0: number, c1: number) => {
    if (rr < 0 || rr >= height) return false;
    for (let c = Math.max(0, c0); c <= Math.min(width - 1, c1); c++) if (filled(rr, c)) return true;
    return false;
  };
  const anyInCol = (cc: number, r0: number, r1: number) => {
    if (cc < 0 || cc >= width) return false;
    for (let rr = Math.max(0, r0); rr <= Math.min(height - 1, r1); rr++) if (filled(rr, cc)) return true;
    return false;
  };
  let grown = true;
  while (grown) {
    grown = false;
    if (anyInRow(r.top - 1, r.left - 1, r.right + 1)) {
      r.top--;
      grown = true;
    }
    if (anyInRow(r.bottom + 1, r.left - 1, r.right + 1)) {
      r.bottom++;
      grown = true;
    }
    if (anyInCol(r.left - 1, r.top - 1, r.bottom + 1)) {
      r.left--;
      grown = true;
    }
    if (anyInCol(r.right + 1, r.top - 1, r.bottom + 1)) {
      r.right++;
      grown = true;
    }
  }
  const single = r.top === r.bottom && r.left === r.right;
  if (single && !filled(r.top, r.left)) return null;
  return { top: r.top + oRow, left: r.left + oCol, bottom: r.bottom + oRow, right: r.right + oCol };
}

function filledTest(sheet: Sheet): (row: number, col: number) => boolean {
  // Merges whose anchor holds something; tested by bounds, never expanded cell by cell (a file
  // can claim a merge over the whole grid).
  const filledMerges = (sheet.merges ?? []).filter((m) => {
    const v = sheet.values[m.top]?.[m.left];
    return v !== null && v !== undefined && v !== '';
  });
  return (row, col) => {
    if (row < 0 || col < 0) return false;
    const v = sheet.values[row]?.[col];
    if (v !== null && v !== undefined && v !== '') return true;
    for (const m of filledMerges) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return true;
    return false;
  };
}

/** The part of a sheet inside `rect` (sheet coordinates), keeping every per-cell array aligned. */
export function cropSheet(sheet: Sheet, rect: Rect): Sheet {
  const oRow = sheet.origin?.row ?? 0;
  const oCol = sheet.origin?.col ?? 0;
  const top = Math.max(rect.top - oRow, 0);
  const left = Math.max(rect.left - oCol, 0);
  const bottom = Math.min(rect.bottom - oRow, sheet.values.length - 1);
  const right = rect.right - oCol;
  const cut = <T>(grid: T[][] | undefined): T[][] | undefined =>
    grid === undefined ? undefined : grid.slice(top, bottom + 1).map((line) => line.slice(left, right + 1));
  const merges = (sheet.merges ?? [])
    .filter((m) => m.top >= top && m.bottom <= bottom && m.left >= left && m.right <= right)
    .map((m) => ({ top: m.top - top, left: m.left - left, bottom: m.bottom - top, right: m.right - left }));
  const out: Sheet = {
    name: sheet.name,
    values: cut(sheet.values) ?? [],
    typed: sheet.typed,
    origin: { row: oRow + top, col: oCol + left },
  };
  if (sheet.formulas) out.formulas = cut(sheet.formulas);
  if (sheet.numberFormats) out.numberFormats = cut(sheet.numberFormats);
  if (sheet.bold) out.bold = cut(sheet.bold);
  if (sheet.merges) out.merges = merges;
  if (sheet.hiddenRows) out.hiddenRows = sheet.hiddenRows.filter((r) => r >= top && r <= bottom).map((r) => r - top);
  return out;
}

/** What "Sel yang dipilih" covers when the selection is one cell, and how the planner is told. */
export interface WilayahSelAktif {
  sheet: Sheet;
  /** Completes "… di {keterangan}": which range was checked and why. */
  keterangan: string;
}

/**
 * One active cell means "the table I am in": its data region, cropped from the whole sheet
 * (read once by the host); a cell with nothing around it gives the whole sheet. The same rule
 * in every host, so the planner reads the same sentence in Excel and Sheets.
 */
export function wilayahSelAktif(whole: Sheet, row: number, col: number): WilayahSelAktif {
  const cell = a1({}, row, col);
  const rect = dataRegion(whole, row, col);
  if (rect === null) return { sheet: whole, keterangan: `seluruh lembar "${whole.name}" (sel ${cell} tidak berada di dalam tabel)` };
  const range = `${a1({}, rect.top, rect.left)}:${a1({}, rect.bottom, rect.right)}`;
  return { sheet: cropSheet(whole, rect), keterangan: `sekitar sel ${cell} (${whole.name}!${range})` };
}
