import { FungsiError, galat } from './galat';

/**
 * Element-wise evaluation over single values and 2-D ranges, as Excel does it: the result has
 * the largest height and width among the range arguments; a single value (or 1×1 range) pairs
 * with every cell, a 1-row range repeats down, a 1-column range repeats across, and a cell
 * that one argument cannot reach gets #N/A.
 */

/** What one cell of a function's result holds. */
export type HasilSel = number | string | null | FungsiError;
/** A single value when every argument was a single value, else a 2-D range. */
export type Hasil = HasilSel | HasilSel[][];

interface Bentuk {
  /** null for a single value. */
  grid: unknown[][] | null;
  value: unknown;
  rows: number;
  cols: number;
}

/**
 * A flat array is taken as one row (Excel's `{1;2;3}` literal is a column only when written so);
 * an element that is not an array inside a range is a one-cell row; an empty range is one blank
 * cell. Missing cells of ragged rows are blank.
 */
function bentuk(x: unknown): Bentuk {
  if (!Array.isArray(x)) return { grid: null, value: x, rows: 1, cols: 1 };
  if (x.length === 0) return { grid: [[null]], value: null, rows: 1, cols: 1 };
  let arrays = 0;
  for (let i = 0; i < x.length; i++) if (Array.isArray(x[i])) arrays++;
  const grid: unknown[][] =
    arrays === x.length ? (x as unknown[][]) : arrays === 0 ? [x] : Array.from(x, (r) => (Array.isArray(r) ? r : [r]));
  let cols = 0;
  for (let i = 0; i < grid.length; i++) if (grid[i].length > cols) cols = grid[i].length;
  return { grid, value: undefined, rows: grid.length, cols: Math.max(cols, 1) };
}

const NO_PARTNER = Symbol('no-partner');

function cellAt(b: Bentuk, i: number, j: number): unknown {
  if (b.grid === null) return b.value;
  const r = b.rows === 1 ? 0 : i;
  const c = b.cols === 1 ? 0 : j;
  if (r >= b.rows || c >= b.cols) return NO_PARTNER;
  const row = b.grid[r];
  return c < row.length ? row[c] : null;
}

/**
 * Apply `fn` to every cell. `fn` receives one reused array of the cell's argument values (it
 * must not keep it) and must not throw. `labels` name the arguments for the #N/A message.
 */
export function perSel(args: readonly unknown[], labels: readonly string[], fn: (cells: unknown[]) => HasilSel): Hasil {
  const shapes = args.map(bentuk);
  const cells: unknown[] = new Array(args.length);
  if (shapes.every((s) => s.grid === null)) {
    for (let k = 0; k < shapes.length; k++) cells[k] = shapes[k].value;
    return fn(cells);
  }
  let rows = 1;
  let cols = 1;
  for (const s of shapes) {
    if (s.grid === null) continue;
    if (s.rows > rows) rows = s.rows;
    if (s.cols > cols) cols = s.cols;
  }
  const out: HasilSel[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const row: HasilSel[] = new Array(cols);
    for (let j = 0; j < cols; j++) {
      let missing = -1;
      for (let k = 0; k < shapes.length; k++) {
        const v = cellAt(shapes[k], i, j);
        if (v === NO_PARTNER) {
          missing = k;
          break;
        }
        cells[k] = v;
      }
      row[j] = missing >= 0 ? tanpaPasangan(labels[missing] ?? `Argumen ${missing + 1}`) : fn(cells);
    }
    out[i] = row;
  }
  return out;
}

function tanpaPasangan(label: string): FungsiError {
  return galat('#N/A', `Rentang ${label} lebih kecil: sel ini tidak punya pasangan.`);
}
