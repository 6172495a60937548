import { CellClass, Grid } from './grid';

/** One cell of the column-number row: `5`, `(7)`, `11 =10/4`, `14=13/5x100%`. */
export interface NumberLabel {
  /** The label as printed before any `=` ("11", "(7)"). */
  label: string;
  /** The column number it gives (7 for "(7)"). */
  number: number;
  /** The stated formula in column-number arithmetic ("10/4", "13/5*100"), or null. */
  formula: string | null;
}

const LABEL = /^(\(?\s*(\d{1,3})\s*\)?)\s*(?:=\s*(.*))?$/;

/** Read one number-row cell; null when the cell is not a column number. */
export function parseNumberLabel(value: unknown): NumberLabel | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value > 0 && value < 1000 ? { label: String(value), number: value, formula: null } : null;
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '' || text.length > 60) return null;
  const m = LABEL.exec(text);
  if (!m) return null;
  const number = Number(m[2]);
  if (number <= 0) return null;
  const formula = m[3] === undefined ? null : normalizeFormula(m[3]);
  if (m[3] !== undefined && formula === null) return null;
  return { label: m[1].replace(/\s+/g, ''), number, formula };
}

/**
 * `4/5*100`, `(7/6)`, `5 + 7 + 9`, `13 / 5 × 100 %`, `(4)/(5) x 100` → plain column-number
 * arithmetic with `*` for every way people write "times" and the trailing percent sign dropped.
 */
export function normalizeFormula(text: string): string | null {
  let f = text.toLowerCase().replace(/[×x]/g, '*').replace(/[:÷]/g, '/').replace(/\s+/g, '');
  f = f.replace(/%+$/, '');
  f = f.replace(/\((\d+)\)/g, '$1');
  if (f === '' || !/^[\d+\-*/().]+$/.test(f) || !/\d/.test(f)) return null;
  if (!/[+\-*/()]/.test(f)) return null;
  let depth = 0;
  for (const ch of f) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return null;
  }
  return depth === 0 ? f : null;
}

/**
 * The row of column numbers under a header: every filled cell a column number, rising left
 * to right, mostly by one (a number may span merged sub-columns, so gaps are allowed).
 * Returns the labels by column, or null when the row is something else.
 */
export function readNumberRow(grid: Grid, r: number, c0: number, c1: number): Map<number, NumberLabel> | null {
  const t = grid.tally(r, c0, c1);
  if (t.value < 2 || t.text > 0 || t.error > 0) return null;
  const labels = new Map<number, NumberLabel>();
  let prev = 0;
  let steps = 0;
  let ones = 0;
  for (let c = t.first; c <= t.last; c++) {
    if (grid.cls(r, c) === CellClass.Empty) continue;
    const l = parseNumberLabel(grid.value(r, c));
    if (l === null || l.number <= prev) return null;
    if (labels.size > 0) {
      steps++;
      if (l.number === prev + 1) ones++;
    }
    prev = l.number;
    labels.set(c, l);
  }
  if (labels.size < 2 || ones < steps * 0.6) return null;
  const first = labels.values().next().value as NumberLabel;
  // "2021 2022 2023" under a header is a row of years, not of column numbers.
  if (first.number > t.first - c0 + 3) return null;
  return labels;
}
