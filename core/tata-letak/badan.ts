import { RowKind } from '../tabel/model';
import { CellClass, Grid } from './grid';
import { isHeaderRow } from './kepala';
import { splitWords } from './kata-kunci';
import { NumberLabel, readNumberRow } from './nomor-kolom';

/**
 * The body of a table: which rows below the header belong to it and what each one is
 * (data, total, section heading, the header or number row printed again after a page break,
 * blank). One pass, each row looked at a constant number of times.
 */

export interface BodyRow {
  row: number;
  kind: RowKind;
}

export interface BodyInput {
  grid: Grid;
  c0: number;
  c1: number;
  headerTop: number;
  headerBottom: number;
  numberLabels: Map<number, NumberLabel> | null;
  /** Columns that name a row: nomor, kode, uraian, sasaran. */
  labelCols: number[];
}

/** Blank rows tolerated inside a table (a spacer, a page break) before it is taken as ended. */
const MAX_BLANK_RUN = 2;
/** Cheap pre-test so that ordinary names are not split into words. */
const TOTAL_HINT = /^\s*(jumlah|grand|rata)|t\s*o\s*t\s*a\s*l/i;
const TOTAL_FOLLOWERS = new Set(['total', 'keseluruhan', 'seluruhnya', 'semua', 'pagu', 'anggaran', 'dana', 'belanja', 'akhir']);

interface HeaderSignature {
  firstCol: number;
  firstRaw: string;
  firstNorm: string;
  cells: Map<number, string>;
}

export function scanBody(input: BodyInput, start: number): BodyRow[] {
  const { grid, c0, c1 } = input;
  const signatures = headerSignatures(input);
  const out: BodyRow[] = [];
  let blankRun = 0;
  let previous: RowKind | null = null;
  for (let r = start; r < grid.height; r++) {
    if (grid.isBlank(r, c0, c1)) {
      blankRun++;
      if (blankRun > MAX_BLANK_RUN) break;
      out.push({ row: r, kind: 'blank' });
      continue;
    }
    const t = grid.tally(r, c0, c1);
    let kind: RowKind | null = null;
    if (t.value === 0 && t.text > 0) {
      if (isRepeatedHeader(grid, r, signatures, previous === 'header-repeat')) kind = 'header-repeat';
      else if (t.text >= 2 && isHeaderRow(grid, r, c0, c1)) break;
      else if (t.text === 1 && (blankRun > 0 || headerFollows(grid, r, c0, c1))) break;
    } else if (t.text === 0 && input.numberLabels !== null && repeatsNumberRow(grid, r, c0, c1, input.numberLabels)) {
      kind = 'number-row';
    }
    if (kind === null) kind = classifyRow(input, r, t);
    out.push({ row: r, kind });
    previous = kind;
    blankRun = 0;
  }
  trimTail(out);
  markUnlabelledTotal(input, out);
  return out;
}

function headerSignatures(input: BodyInput): HeaderSignature[] {
  const { grid, c0, c1 } = input;
  const sigs: HeaderSignature[] = [];
  for (let h = input.headerTop; h <= input.headerBottom; h++) {
    const t = grid.tally(h, c0, c1);
    if (t.first < 0) continue;
    let firstCol = -1;
    const cells = new Map<number, string>();
    for (let c = t.first; c <= t.last; c++) {
      if (grid.cls(h, c) !== CellClass.Text) continue;
      if (firstCol < 0) firstCol = c;
      cells.set(c, norm(grid.text(h, c)));
    }
    if (firstCol < 0) continue;
    sigs.push({ firstCol, firstRaw: grid.text(h, firstCol), firstNorm: cells.get(firstCol) as string, cells });
  }
  return sigs;
}

function norm(text: string): string {
  return splitWords(text).join(' ');
}

/** The header printed again after a page break: its cells match the header's, column by column. */
function isRepeatedHeader(grid: Grid, r: number, sigs: HeaderSignature[], afterRepeat: boolean): boolean {
  for (const s of sigs) {
    if (!afterRepeat) {
      if (grid.cls(r, s.firstCol) !== CellClass.Text) continue;
      const raw = grid.text(r, s.firstCol);
      if (raw !== s.firstRaw && norm(raw) !== s.firstNorm) continue;
    }
    let same = 0;
    for (const [c, text] of s.cells) if (grid.cls(r, c) === CellClass.Text && norm(grid.text(r, c)) === text) same++;
    if (same >= Math.max(1, s.cells.size * 0.6)) return true;
  }
  return false;
}

function repeatsNumberRow(grid: Grid, r: number, c0: number, c1: number, labels: Map<number, NumberLabel>): boolean {
  const again = readNumberRow(grid, r, c0, c1);
  if (again === null) return false;
  let same = 0;
  for (const [c, l] of labels) if (again.get(c)?.number === l.number) same++;
  return same >= labels.size * 0.6;
}

/** A one-cell row right above a header is the title of the next table. */
function headerFollows(grid: Grid, r: number, c0: number, c1: number): boolean {
  for (let k = r + 1; k <= r + 3 && k < grid.height; k++) {
    if (grid.isBlank(k, c0, c1)) continue;
    return isHeaderRow(grid, k, c0, c1);
  }
  return false;
}

function classifyRow(input: BodyInput, r: number, t: ReturnType<Grid['tally']>): RowKind {
  const label = labelText(input, r, t);
  if (label !== null && isTotalLabel(label)) return 'total';
  if (label !== null && isSummaryLabel(label)) return 'summary';
  if (t.text === 1 && t.value === 0 && t.error === 0 && isSectionCell(input, r, t.first)) return 'section';
  return 'data';
}

/** The first text in the row's naming columns (nomor, kode, uraian, sasaran). */
function labelText(input: BodyInput, r: number, t: ReturnType<Grid['tally']>): string | null {
  const { grid } = input;
  const cols = input.labelCols.length > 0 ? input.labelCols : [t.first, t.first + 1, t.first + 2];
  for (const c of cols) {
    if (grid.cls(r, c) === CellClass.Text) return grid.text(r, c);
  }
  return null;
}

/** TOTAL, JUMLAH, "T O T A L", "Jumlah Pagu", "Efisiensi Total", "Rata-rata". */
export function isTotalLabel(text: string): boolean {
  if (text.length > 40 || !TOTAL_HINT.test(text)) return false;
  const w = splitWords(text);
  if (w.length === 0 || w.length > 4) return false;
  if (w.includes('total') || w.includes('subtotal')) return true;
  if (w[0] === 'jumlah' || w[0] === 'grand') return w.length === 1 || TOTAL_FOLLOWERS.has(w[1]);
  return w[0] === 'rata' && (w.length === 1 || w[1] === 'rata');
}

/** Surplus / (Defisit), Pembiayaan Netto, SiLPA, Sisa Lebih Pembiayaan: rows that net others. */
const SUMMARY_LABEL = /^\s*(surplus|defisit|pembiayaan\s+net+o|silpa|sikpa|sisa\s+lebih|sisa\s+kurang)\b/i;

export function isSummaryLabel(text: string): boolean {
  return text.length <= 80 && SUMMARY_LABEL.test(text);
}

/**
 * A heading inside the table ("Nama OPD: Dinas Sosial …"): one text cell that is not a
 * program name standing alone in the uraian column — it sits in a naming column meant for
 * codes, spans the table, or reads as "label: value".
 */
function isSectionCell(input: BodyInput, r: number, c: number): boolean {
  const { grid } = input;
  const text = grid.text(r, c);
  if (text.length < 3) return false;
  const m = grid.mergeAt(r, c);
  if (m !== null && m.right - m.left + 1 >= Math.max(3, (input.c1 - input.c0 + 1) * 0.5)) return true;
  const colon = text.indexOf(':');
  if (colon > 0 && colon < 40) return true;
  // Text in the first naming column when that column holds codes or numbers elsewhere.
  return input.labelCols.length > 1 && c === input.labelCols[0] && text.length > 12;
}

/** Blank rows and notes after the last data row are not part of the table. */
function trimTail(out: BodyRow[]): void {
  while (out.length > 0) {
    const k = out[out.length - 1].kind;
    if (k === 'blank' || k === 'section' || k === 'header-repeat' || k === 'number-row') out.pop();
    else break;
  }
}

/** The last row, unlabelled and carrying only numbers, is the grand total. */
function markUnlabelledTotal(input: BodyInput, out: BodyRow[]): void {
  const last = out[out.length - 1];
  if (last === undefined || last.kind !== 'data') return;
  const t = input.grid.tally(last.row, input.c0, input.c1);
  if (t.text > 0 || t.value === 0) return;
  const dataRows = out.filter((b) => b.kind === 'data').length;
  if (dataRows < 2) return;
  for (const c of input.labelCols) if (input.grid.cls(last.row, c) !== CellClass.Empty) return;
  last.kind = 'total';
}
