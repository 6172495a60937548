import { cellText, CellValue, Merge, Sheet } from '../lembar/model';

/** What a cell looks like at a glance, decided from its first characters only. */
export enum CellClass {
  Empty = 0,
  /** Starts like a number: `1.`, `29.822.934.000`, `100 %`, `Rp 5`, `-`, `(7)`, `≥ 100`. */
  Value = 1,
  Text = 2,
  /** `#REF!`, `#N/A` … */
  Error = 3,
}

/**
 * Read-only view of a sheet for table finding: cell classes computed once per row, text
 * access that never throws, and the merges indexed by row.
 */
export class Grid {
  readonly sheet: Sheet;
  readonly height: number;
  readonly width: number;
  /** Classes of all cells, row after row (rows are ragged: `start[r]` is where row r begins). */
  private readonly classes: Uint8Array;
  private readonly start: Uint32Array;
  private readonly nonEmpty: Uint32Array;
  private readonly mergesByRow = new Map<number, Merge[]>();

  constructor(sheet: Sheet) {
    this.sheet = sheet;
    const values = Array.isArray(sheet.values) ? sheet.values : [];
    this.height = values.length;
    this.start = new Uint32Array(this.height + 1);
    let total = 0;
    for (let r = 0; r < this.height; r++) {
      this.start[r] = total;
      const row = values[r];
      if (Array.isArray(row)) total += row.length;
    }
    this.start[this.height] = total;
    this.classes = new Uint8Array(total);
    this.nonEmpty = new Uint32Array(this.height);
    let width = 0;
    for (let r = 0; r < this.height; r++) {
      const row = values[r];
      if (!Array.isArray(row)) continue;
      const base = this.start[r];
      let n = 0;
      for (let c = 0; c < row.length; c++) {
        const k = classify(row[c]);
        if (k === CellClass.Empty) continue;
        this.classes[base + c] = k;
        n++;
        if (c + 1 > width) width = c + 1;
      }
      this.nonEmpty[r] = n;
    }
    this.width = width;
    for (const m of sheet.merges ?? []) {
      if (!isSaneMerge(m)) continue;
      const bottom = Math.min(m.bottom, this.height - 1);
      for (let r = m.top; r <= bottom; r++) {
        const list = this.mergesByRow.get(r);
        if (list) list.push(m);
        else this.mergesByRow.set(r, [m]);
      }
    }
  }

  cls(r: number, c: number): CellClass {
    if (r < 0 || r >= this.height) return CellClass.Empty;
    const i = this.start[r] + c;
    return c < 0 || i >= this.start[r + 1] ? CellClass.Empty : (this.classes[i] as CellClass);
  }

  value(r: number, c: number): CellValue {
    const row = this.sheet.values[r];
    if (!Array.isArray(row)) return null;
    const v = row[c];
    return v === undefined ? null : v;
  }

  /** The cell as the user reads it, trimmed; '' for an empty cell. */
  text(r: number, c: number): string {
    return cellText(this.value(r, c));
  }

  /** Non-empty cells in the whole row. */
  count(r: number): number {
    return this.nonEmpty[r] ?? 0;
  }

  isBlank(r: number, c0: number, c1: number): boolean {
    if (this.count(r) === 0) return true;
    const base = this.start[r];
    const end = Math.min(c1, this.start[r + 1] - base - 1);
    for (let c = Math.max(0, c0); c <= end; c++) if (this.classes[base + c] !== CellClass.Empty) return false;
    return true;
  }

  /** Counts of each class within columns c0..c1. */
  tally(r: number, c0: number, c1: number): { value: number; text: number; error: number; first: number; last: number } {
    const t = { value: 0, text: 0, error: 0, first: -1, last: -1 };
    if (r < 0 || r >= this.height || this.nonEmpty[r] === 0) return t;
    const base = this.start[r];
    const end = Math.min(c1, this.start[r + 1] - base - 1);
    for (let c = Math.max(0, c0); c <= end; c++) {
      const k = this.classes[base + c];
      if (k === CellClass.Empty) continue;
      if (t.first < 0) t.first = c;
      t.last = c;
      if (k === CellClass.Value) t.value++;
      else if (k === CellClass.Text) t.text++;
      else t.error++;
    }
    return t;
  }

  merges(r: number): readonly Merge[] {
    return this.mergesByRow.get(r) ?? NO_MERGES;
  }

  mergeAt(r: number, c: number): Merge | null {
    for (const m of this.merges(r)) if (c >= m.left && c <= m.right) return m;
    return null;
  }

  isBold(r: number, c: number): boolean {
    return this.sheet.bold?.[r]?.[c] === true;
  }
}

const NO_MERGES: readonly Merge[] = [];

function isSaneMerge(m: Merge): boolean {
  return (
    m !== null &&
    typeof m === 'object' &&
    Number.isInteger(m.top) &&
    Number.isInteger(m.bottom) &&
    Number.isInteger(m.left) &&
    Number.isInteger(m.right) &&
    m.top >= 0 &&
    m.left >= 0 &&
    m.bottom >= m.top &&
    m.right >= m.left
  );
}

function classify(v: unknown): CellClass {
  if (v === null || v === undefined) return CellClass.Empty;
  if (typeof v === 'number') return Number.isFinite(v) ? CellClass.Value : CellClass.Error;
  if (typeof v === 'boolean') return CellClass.Text;
  if (typeof v !== 'string') return CellClass.Empty;
  const n = v.length;
  let i = 0;
  while (i < n && isSpace(v.charCodeAt(i))) i++;
  if (i === n) return CellClass.Empty;
  const c = v.charCodeAt(i);
  if (c >= 48 && c <= 57) return CellClass.Value;
  if (c === 35 /* # */) return /^#[A-Z/0-9]+[!?]?$/i.test(v.trim()) ? CellClass.Error : CellClass.Text;
  const next = i + 1 < n ? v.charCodeAt(i + 1) : 0;
  // A dash alone is "no value" typed into a value cell; it keeps the row a data row.
  if (c === 45 || c === 8211 || c === 8212) return next === 0 || isSpace(next) || isDigit(next) ? CellClass.Value : CellClass.Text;
  if (c === 40 /* ( */ || c === 43 /* + */ || c === 177 /* ± */ || c === 8805 || c === 8804 || c === 60 || c === 62 || c === 61) {
    let j = i + 1;
    while (j < n && (isSpace(v.charCodeAt(j)) || v.charCodeAt(j) === 61)) j++;
    return j < n && isDigit(v.charCodeAt(j)) ? CellClass.Value : CellClass.Text;
  }
  if ((c === 82 || c === 114) && (next === 112 || next === 80)) {
    // "Rp 5.000", "Rp.5.000" are money; "Rp", "(Rp)", "Rupiah" are header words.
    let j = i + 2;
    while (j < n && (v.charCodeAt(j) === 46 || isSpace(v.charCodeAt(j)))) j++;
    return j < n && isDigit(v.charCodeAt(j)) ? CellClass.Value : CellClass.Text;
  }
  return CellClass.Text;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 8199 || c === 8239;
}
