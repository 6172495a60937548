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

/** One cell's argument values; functions take at most four. */
export type SelFn = (a: unknown, b: unknown, c: unknown, d: unknown) => HasilSel;

const ABSENT: Bentuk = { grid: null, value: undefined, rows: 1, cols: 1 };

/**
 * Apply `fn` to every cell (at most four arguments; missing ones are undefined). `fn` must not
 * throw. `labels` name the arguments for the #N/A message. Values are passed as parameters,
 * not in an array, because this loop is the hot path of a 100,000-row range.
 */
export function perSel(args: readonly unknown[], labels: readonly string[], fn: SelFn): Hasil {
  const shapes = args.slice(0, 4).map(bentuk);
  while (shapes.length < 4) shapes.push(ABSENT);
  const [s0, s1, s2, s3] = shapes;
  if (shapes.every((x) => x.grid === null)) return fn(s0.value, s1.value, s2.value, s3.value);
  let rows = 1;
  let cols = 1;
  for (const x of shapes) {
    if (x.grid === null) continue;
    if (x.rows > rows) rows = x.rows;
    if (x.cols > cols) cols = x.cols;
  }
  const out: HasilSel[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    if (cols === 1) {
      // The common case, a column: a row literal keeps a number unboxed (far less garbage).
      out[i] = [cellOf(s0, s1, s2, s3, labels, i, 0, fn)];
      continue;
    }
    const row: HasilSel[] = new Array(cols);
    for (let j = 0; j < cols; j++) row[j] = cellOf(s0, s1, s2, s3, labels, i, j, fn);
    out[i] = row;
  }
  return out;
}

function cellOf(s0: Bentuk, s1: Bentuk, s2: Bentuk, s3: Bentuk, labels: readonly string[], i: number, j: number, fn: SelFn): HasilSel {
  const a = cellAt(s0, i, j);
  const b = cellAt(s1, i, j);
  const c = cellAt(s2, i, j);
  const d = cellAt(s3, i, j);
  if (a === NO_PARTNER || b === NO_PARTNER || c === NO_PARTNER || d === NO_PARTNER) {
    const k = [a, b, c, d].indexOf(NO_PARTNER);
    return galat('#N/A', `Rentang ${labels[k] ?? `argumen ${k + 1}`} lebih kecil: sel ini tidak punya pasangan.`);
  }
  return fn(a, b, c, d);
}

/** A cell's result computed straight from two native numbers, or undefined to take the full path. */
export type CepatFn = (a: number, b: number) => number | undefined;

/**
 * perSel with a shortcut for the common case of a long table: the first two arguments are
 * ranges of one shape, the others single values, and most cells hold native numbers. Those
 * cells go to `fast`; any other cell (text, blank, zero divisor, too many digits) goes to `fn`,
 * so the result is the same as perSel's.
 */
export function perSelCepat(args: readonly unknown[], labels: readonly string[], fn: SelFn, fast: CepatFn | null): Hasil {
  const x = bentuk(args[0]);
  const y = bentuk(args[1]);
  const c = args.length > 2 ? args[2] : undefined;
  const d = args.length > 3 ? args[3] : undefined;
  if (
    fast === null ||
    x.grid === null ||
    y.grid === null ||
    x.rows !== y.rows ||
    x.cols !== y.cols ||
    Array.isArray(c) ||
    Array.isArray(d)
  ) {
    return perSel(args, labels, fn);
  }
  const gx = x.grid;
  const gy = y.grid;
  const rows = x.rows;
  const cols = x.cols;
  const out: HasilSel[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const rx = gx[i];
    const ry = gy[i];
    if (cols === 1) {
      const a = rx.length > 0 ? rx[0] : null;
      const b = ry.length > 0 ? ry[0] : null;
      const v = typeof a === 'number' && typeof b === 'number' ? fast(a, b) : undefined;
      // A row literal of a local double stays unboxed: no garbage per cell.
      out[i] = v !== undefined ? [v] : [fn(a, b, c, d)];
      continue;
    }
    const row: HasilSel[] = new Array(cols);
    for (let j = 0; j < cols; j++) {
      const a = j < rx.length ? rx[j] : null;
      const b = j < ry.length ? ry[j] : null;
      const v = typeof a === 'number' && typeof b === 'number' ? fast(a, b) : undefined;
      row[j] = v !== undefined ? v : fn(a, b, c, d);
    }
    out[i] = row;
  }
  return out;
}
