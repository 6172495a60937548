import { CellClass, Grid } from './grid';
import { firstKeyWord, headerWords, isHeaderText } from './kata-kunci';

/**
 * Header rows: found by their words, wherever they start, whatever their wrapping, merging
 * or spelling (docs/tata-letak.md).
 */

const MAX_HEADER_ROWS = 5;

/**
 * Row r reads as a header within columns c0..c1: at least two cells are header words and
 * they make most of the row. Data rows carry numbers, or long descriptions where a key word
 * ("Program …") is an accident; a cheap look at each cell's first word rejects most of them
 * before the full test.
 */
export function isHeaderRow(grid: Grid, r: number, c0: number, c1: number): boolean {
  const t = grid.tally(r, c0, c1);
  if (t.text < 2) return false;
  let years = 0;
  if (t.value > 0) {
    years = countYears(grid, r, t.first, t.last);
    if (years < t.value) return false;
  }
  let led = 0;
  for (let c = t.first; c <= t.last; c++) {
    if (grid.cls(r, c) === CellClass.Text && firstKeyWord(grid.text(r, c)) !== null) led++;
  }
  if (led < 2 || led < t.text * 0.5) return false;
  let headers = 0;
  for (let c = t.first; c <= t.last; c++) {
    if (grid.cls(r, c) === CellClass.Text && isHeaderText(grid.text(r, c))) headers++;
  }
  return headers >= 2 && headers >= (t.text + t.value - years) * 0.6;
}

function countYears(grid: Grid, r: number, c0: number, c1: number): number {
  let n = 0;
  for (let c = c0; c <= c1; c++) {
    if (grid.cls(r, c) !== CellClass.Value) continue;
    if (/^(19|20)\d\d$/.test(grid.text(r, c))) n++;
  }
  return n;
}

/** A row inside a header band below the first one: header words, no numbers. */
function isSubHeaderRow(grid: Grid, r: number, c0: number, c1: number): boolean {
  const t = grid.tally(r, c0, c1);
  if (t.text + t.value === 0 || t.error > 0) return false;
  if (t.value > 0 && countYears(grid, r, t.first, t.last) < t.value) return false;
  let headers = 0;
  let neutral = 0;
  for (let c = t.first; c <= t.last; c++) {
    if (grid.cls(r, c) !== CellClass.Text) continue;
    const text = grid.text(r, c);
    if (isHeaderText(text) || isShortKeyed(text)) headers++;
    else if (isPeriodLabel(text)) neutral++;
  }
  return headers + neutral >= 1 && headers + neutral >= t.text * 0.6;
}

/**
 * "Jumlah (Rp)" under "Bertambah / Berkurang": a short sub header with one key word beside a
 * word that is no key ("jumlah" is also a total row's label, so it is not one). Only asked of
 * rows under a header that hold no amounts.
 */
function isShortKeyed(text: string): boolean {
  return text.length <= 20 && headerWords(text).keys >= 1;
}

/** "Tahun 2023", "n+1", "TW I": a sub header that names a period, with no key word of its own. */
function isPeriodLabel(text: string): boolean {
  return text.length <= 20 && headerWords(text).words.length === 0;
}

/**
 * A row of units under a header ("(Rp)", "(%)", "Orang"): short header words, each under a
 * filled header cell.
 */
function isUnitRow(grid: Grid, top: number, r: number, c0: number, c1: number): boolean {
  const t = grid.tally(r, c0, c1);
  if (t.text === 0 || t.value > 0 || t.error > 0) return false;
  for (let c = t.first; c <= t.last; c++) {
    if (grid.cls(r, c) === CellClass.Empty) continue;
    const text = grid.text(r, c);
    if (text.length > 12 || !isHeaderText(text)) return false;
    let above = false;
    for (let g = top; g < r && !above; g++) above = grid.cls(g, c) !== CellClass.Empty || grid.mergeAt(g, c) !== null;
    if (!above) return false;
  }
  return true;
}

/**
 * Whether cell (r, c) sits under a group label of an earlier header row g (top ≤ g < r): a
 * merge spanning several columns, or (in CSV, where merges are lost) a label whose right
 * neighbours are empty while the row below fills them.
 */
function underGroup(grid: Grid, top: number, r: number, c: number, c0: number): boolean {
  for (let g = top; g < r; g++) {
    const m = grid.mergeAt(g, c);
    if (m !== null) {
      if (m.right > m.left) return true;
      continue;
    }
    if (grid.cls(g, c) !== CellClass.Empty) continue;
    for (let k = c - 1; k >= c0; k--) {
      if (grid.cls(g, k) === CellClass.Empty) {
        if (grid.cls(r, k) === CellClass.Empty) break;
        continue;
      }
      if (grid.cls(r, k) !== CellClass.Empty) return true;
      break;
    }
  }
  return false;
}

/** A merge opened in an earlier header row that reaches down into row r. */
function mergeReachesDown(grid: Grid, top: number, r: number, c0: number, c1: number): boolean {
  for (const m of grid.merges(r)) {
    if (m.top >= top && m.top < r && m.right >= c0 && m.left <= c1) return true;
  }
  return false;
}

/** A row above the first header row that carries group labels for it ("Kinerja", "2023"). */
function isGroupRowAbove(grid: Grid, g: number, top: number, c0: number, c1: number): boolean {
  const t = grid.tally(g, c0, c1);
  if (t.text + t.value === 0 || t.error > 0) return false;
  if (t.value > 0 && countYears(grid, g, t.first, t.last) < t.value) return false;
  const single = t.text + t.value === 1;
  for (let c = t.first; c <= t.last; c++) {
    if (grid.cls(g, c) === CellClass.Empty) continue;
    const text = grid.text(g, c);
    // "Sumber: …", "Satuan: Rupiah" above a header are notes, not group labels.
    if (text.includes(':')) return false;
    if (single && grid.cls(g, c) === CellClass.Text && !isHeaderText(text)) return false;
    const m = grid.mergeAt(g, c);
    const width = c1 - c0 + 1;
    if (m !== null && m.right > m.left) {
      // A title merged across (nearly) the whole table is not a group label.
      if (single && m.right - m.left + 1 >= width * 0.8) return false;
      if (spansFilledCells(grid, top, m.left, m.right) >= 2) return true;
      continue;
    }
    // Without a merge a lone label is a title or a note: in CSV a real group row also
    // carries the headers of the columns that span both rows.
    if (single) return false;
    if (c + 1 <= c1 && grid.cls(g, c + 1) === CellClass.Empty && grid.mergeAt(g, c + 1) === null) {
      if (grid.cls(top, c) !== CellClass.Empty && grid.cls(top, c + 1) !== CellClass.Empty) return true;
    }
  }
  return false;
}

function spansFilledCells(grid: Grid, r: number, left: number, right: number): number {
  let n = 0;
  for (let c = left; c <= right; c++) if (grid.cls(r, c) !== CellClass.Empty) n++;
  return n;
}

/** The header band around a header row: group rows above it, sub-header rows below it. */
export function headerBand(grid: Grid, r: number, c0: number, c1: number, floor: number): { top: number; bottom: number } {
  let top = r;
  while (top - 1 > floor && r - top < MAX_HEADER_ROWS - 1 && isGroupRowAbove(grid, top - 1, top, c0, c1)) top--;
  let bottom = r;
  while (bottom + 1 < grid.height && bottom - top < MAX_HEADER_ROWS - 1) {
    const next = bottom + 1;
    if (grid.isBlank(next, c0, c1)) break;
    if (mergeReachesDown(grid, top, next, c0, c1) && !hasNonYearValues(grid, next, c0, c1)) {
      bottom = next;
      continue;
    }
    if (isUnitRow(grid, top, next, c0, c1)) {
      bottom = next;
      continue;
    }
    if (!isSubHeaderRow(grid, next, c0, c1)) break;
    let grouped = false;
    for (let c = c0; c <= c1 && !grouped; c++) {
      if (grid.cls(next, c) !== CellClass.Empty && underGroup(grid, top, next, c, c0)) grouped = true;
    }
    if (!grouped) break;
    bottom = next;
  }
  return { top, bottom };
}

function hasNonYearValues(grid: Grid, r: number, c0: number, c1: number): boolean {
  const t = grid.tally(r, c0, c1);
  return t.value > 0 && countYears(grid, r, t.first, t.last) < t.value;
}

/**
 * Each column's header parts, top to bottom, group first: merged group labels spread over
 * the columns they span, CSV group labels spread right over the sub-columns under them, and
 * headers already flattened as "Group | Sub" or "Group / Sub" split again.
 */
export function flattenHeader(grid: Grid, top: number, bottom: number, c0: number, c1: number): string[][] {
  const parts: string[][] = [];
  for (let c = c0; c <= c1; c++) parts.push([]);
  for (let r = top; r <= bottom; r++) {
    let label = '';
    let labelCol = -1;
    for (let c = c0; c <= c1; c++) {
      const m = grid.mergeAt(r, c);
      let text = '';
      if (m !== null) {
        text = grid.text(m.top, m.left);
        labelCol = -1;
      } else if (grid.cls(r, c) !== CellClass.Empty) {
        text = grid.text(r, c);
        label = text;
        labelCol = c;
      } else if (labelCol >= 0 && r < bottom && filledBelow(grid, r, bottom, c) && filledBelow(grid, r, bottom, labelCol)) {
        text = label;
      } else {
        labelCol = -1;
      }
      const list = parts[c - c0];
      if (text !== '' && list[list.length - 1] !== text) list.push(text);
    }
  }
  return splitFlattened(parts);
}

function filledBelow(grid: Grid, r: number, bottom: number, c: number): boolean {
  for (let k = r + 1; k <= bottom; k++) if (grid.cls(k, c) !== CellClass.Empty) return true;
  return false;
}

/**
 * "Group | Sub" always splits. "Group / Sub" splits only when a neighbouring column has the
 * same group: "Program/Kegiatan/ Sub Kegiatan" and "Indikator Kinerja Program / Kegiatan"
 * are single headers that happen to contain a slash.
 */
function splitFlattened(parts: string[][]): string[][] {
  const out = parts.map((p) =>
    p.flatMap((x) =>
      x
        .split(' | ')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  );
  const prefixes = out.map((p) => (p.length === 1 ? slashPrefix(p[0]) : null));
  for (let i = 0; i < out.length; i++) {
    const pre = prefixes[i];
    if (pre === null) continue;
    if (prefixes[i - 1] === pre || prefixes[i + 1] === pre) {
      const rest = out[i][0].slice(out[i][0].indexOf(' / ') + 3).trim();
      out[i] = rest === '' ? [pre] : [pre, rest];
    }
  }
  return out;
}

function slashPrefix(text: string): string | null {
  const i = text.indexOf(' / ');
  return i > 0 ? text.slice(0, i).trim() : null;
}
