import { a1 } from '../../core/lembar/model';
import type { BorderSide, Drawing, DrawnMerge } from '../../core/pohon/gambar';

/**
 * A core Drawing on a new sheet, written as one batch of few calls: values, fills, fonts,
 * alignment and number formats over the drawing's whole grid with the set…s calls, then merges
 * (one call per area or run of areas: SpreadsheetApp has no batch merge, so Pohon Kinerja asks
 * for a drawing without any), borders (one RangeList per side, style and colour) and sizes
 * (one height for all rows when they grow to fit their text, widths per run); writes only, so
 * Apps Script sends them together. For the one-cell pohon drawing the number of calls does not
 * grow with the boxes. Drawn cells are text or numbers, never formulas: Sheets reads a written
 * "=…" as a formula even in a text cell, so such a value gets the apostrophe that keeps it text.
 */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function gayaGaris(style: BorderSide['style']): GoogleAppsScript.Spreadsheet.BorderStyle {
  const s = SpreadsheetApp.BorderStyle;
  return { thin: s.SOLID, medium: s.SOLID_MEDIUM, thick: s.SOLID_THICK, dashed: s.DASHED }[style];
}

export function sheetAda(ss: Spreadsheet, name: string): boolean {
  return ss.getSheetByName(name) !== null;
}

/** Draw on a sheet of the drawing's name, replacing one that exists (the caller has asked). */
export function tulisGambar(ss: Spreadsheet, d: Drawing): GoogleAppsScript.Spreadsheet.Sheet {
  const old = ss.getSheetByName(d.sheetName);
  if (old) ss.deleteSheet(old);
  const sheet = ss.insertSheet(d.sheetName);
  let rows = d.rowHeights.length;
  let cols = d.columnWidths.length;
  for (const c of d.cells) {
    // A right or bottom side is drawn on the next cell (garisSemua), which must exist.
    rows = Math.max(rows, c.row + (c.border?.bottom ? 2 : 1));
    cols = Math.max(cols, c.col + (c.border?.right ? 2 : 1));
  }
  for (const m of d.merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  if (rows === 0 || cols === 0) return sheet;
  const grid = <T>(v: T): T[][] => Array.from({ length: rows }, () => new Array<T>(cols).fill(v));
  const values = grid<string | number>('');
  const fills = grid<string | null>(null);
  const weights = grid<GoogleAppsScript.Spreadsheet.FontWeight>('normal');
  const styles = grid<GoogleAppsScript.Spreadsheet.FontStyle>('normal');
  const sizes = grid<number>(10);
  const colours = grid<string>('#000000');
  const hAlign = grid<'left' | 'center' | 'right'>('left');
  const vAlign = grid<'top' | 'middle' | 'bottom'>('top');
  const wraps = grid<boolean>(false);
  const formats = grid<string>('@');
  for (const c of d.cells) {
    const v = c.value;
    values[c.row][c.col] = v === null ? '' : typeof v === 'string' && v.startsWith('=') ? `'${v}` : v;
    if (typeof v === 'number') formats[c.row][c.col] = c.numberFormat ?? '#,##0';
    else if (c.numberFormat) formats[c.row][c.col] = c.numberFormat;
    if (c.fill) fills[c.row][c.col] = `#${c.fill}`;
    if (c.font?.bold) weights[c.row][c.col] = 'bold';
    if (c.font?.italic) styles[c.row][c.col] = 'italic';
    if (c.font?.size) sizes[c.row][c.col] = c.font.size;
    if (c.font?.color) colours[c.row][c.col] = `#${c.font.color}`;
    if (c.align?.horizontal) hAlign[c.row][c.col] = c.align.horizontal;
    if (c.align?.vertical) vAlign[c.row][c.col] = c.align.vertical;
    if (c.align?.wrap) wraps[c.row][c.col] = true;
  }
  // A new sheet has 1,000 rows and 26 columns; a range outside them is refused.
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
  const range = sheet.getRange(1, 1, rows, cols);
  // Text format first, so a drawn "1.270" stays the text it is.
  range.setNumberFormats(formats);
  range.setValues(values);
  range.setBackgrounds(fills);
  range.setFontWeights(weights);
  range.setFontStyles(styles);
  range.setFontSizes(sizes);
  range.setFontColors(colours);
  range.setHorizontalAlignments(hAlign);
  range.setVerticalAlignments(vAlign);
  range.setWraps(wraps);
  gabungSemua(sheet, d.merges);
  garisSemua(sheet, d);
  lebarKolom(
    sheet,
    d.columnWidths.map((w) => Math.round(w * 7 + 5)),
  );
  const heights = d.rowHeights.map((h) => Math.round((h * 4) / 3));
  // Rows that grow to fit their text (Sheet.setRowHeights: "By default, rows grow to fit cell
  // contents"; only setRowHeightsForced holds a row below its text): one call for all, the
  // spacers keep the small height and Sheets sizes every text row to the fonts it really has.
  if (d.rowsFitText && heights.length > 0)
    sheet.setRowHeights(
      1,
      heights.length,
      heights.reduce((a, b) => Math.min(a, b)),
    );
  else sizes1D(heights, (start, n, px) => sheet.setRowHeights(start, n, px));
  if (d.gridlines === false) sheet.setHiddenGridlines(true);
  if (d.freeze) {
    sheet.setFrozenRows(d.freeze.rows);
    sheet.setFrozenColumns(d.freeze.cols);
  }
  return sheet;
}

/** Runs of equal consecutive values: one setColumnWidths / setRowHeights call each. */
function runs<T>(values: readonly T[]): { start: number; n: number; value: T }[] {
  const out: { start: number; n: number; value: T }[] = [];
  values.forEach((v, i) => {
    const last = out[out.length - 1];
    if (last && last.value === v && last.start + last.n === i) last.n++;
    else out.push({ start: i, n: 1, value: v });
  });
  return out;
}

/**
 * Column widths. A top-down tree repeats one pair of columns (gap, box) per slot, up to 24
 * times: set once, that pair is copied onto the next, then the two onto the next two, and so
 * on (Range.copyTo with PASTE_COLUMN_WIDTHS), so the calls grow with the logarithm of the slots,
 * not the slots. The destination is exactly the source's size: the reference says only its
 * top-left cell counts, but Sheets is reported to repeat or cut the copy to the destination's
 * size (https://issuetracker.google.com/issues/427192537); an equal size means the same either way.
 */
function lebarKolom(sheet: GoogleAppsScript.Spreadsheet.Sheet, px: readonly number[]): void {
  const FIRST = 1;
  let pairs = 0;
  while (FIRST + 2 * pairs + 1 < px.length && px[FIRST + 2 * pairs] === px[FIRST] && px[FIRST + 2 * pairs + 1] === px[FIRST + 1])
    pairs++;
  const copied = (i: number) => i >= FIRST + 2 && i < FIRST + 2 * pairs;
  const rest = px.map((w, i) => (copied(i) ? null : w));
  let plain = 0;
  let withCopies = 0;
  sizes1D(px, () => plain++);
  sizes1D(rest, () => withCopies++);
  // Each copy is three calls: the two ranges and copyTo.
  for (let done = 1; done < pairs; done *= 2) withCopies += 3;
  if (plain <= withCopies) {
    sizes1D(px, (start, n, w) => sheet.setColumnWidths(start, n, w));
    return;
  }
  sizes1D(rest, (start, n, w) => sheet.setColumnWidths(start, n, w));
  for (let done = 1; done < pairs;) {
    const n = Math.min(done, pairs - done);
    sheet
      .getRange(1, FIRST + 1, 1, 2 * n)
      .copyTo(sheet.getRange(1, FIRST + 1 + 2 * done, 1, 2 * n), SpreadsheetApp.CopyPasteType.PASTE_COLUMN_WIDTHS, false);
    done += n;
  }
}

/**
 * Widths or heights in the fewest calls of set(start, n, px) (1-based start): one value for
 * all first, then one call per run of the others, the first value chosen to leave fewest runs.
 */
function sizes1D(px: readonly (number | null)[], set: (start: number, n: number, px: number) => void): void {
  const all = runs(px).filter((r): r is { start: number; n: number; value: number } => r.value !== null);
  if (all.length === 0) return;
  let base = all[0].value;
  let best = Infinity;
  for (const v of new Set(all.map((r) => r.value))) {
    const left = all.filter((r) => r.value !== v).length;
    if (left < best || (left === best && v < base)) [base, best] = [v, left];
  }
  set(1, px.length, base);
  for (const r of all) if (r.value !== base) set(r.start + 1, r.n, r.value);
}

/**
 * Merges in as few calls as SpreadsheetApp allows (RangeList cannot merge): one-row merges of
 * the same columns on consecutive rows (the lines of a box) as one mergeAcross, one-column
 * merges of the same rows on consecutive columns as one mergeVertically, any other alone.
 */
function gabungSemua(sheet: GoogleAppsScript.Spreadsheet.Sheet, merges: readonly DrawnMerge[]): void {
  const across = new Map<string, DrawnMerge[]>();
  const down = new Map<string, DrawnMerge[]>();
  for (const m of merges) {
    if (m.top === m.bottom) pushTo(across, `${m.left},${m.right}`, m);
    else if (m.left === m.right) pushTo(down, `${m.top},${m.bottom}`, m);
    else sheet.getRange(m.top + 1, m.left + 1, m.bottom - m.top + 1, m.right - m.left + 1).merge();
  }
  for (const list of across.values()) {
    for (const r of runs(
      list
        .map((m) => m.top)
        .sort((a, b) => a - b)
        .map((top, i) => top - i),
    )) {
      const top = list.map((m) => m.top).sort((a, b) => a - b)[r.start];
      const { left, right } = list[0];
      sheet.getRange(top + 1, left + 1, r.n, right - left + 1).mergeAcross();
    }
  }
  for (const list of down.values()) {
    for (const r of runs(
      list
        .map((m) => m.left)
        .sort((a, b) => a - b)
        .map((left, i) => left - i),
    )) {
      const left = list.map((m) => m.left).sort((a, b) => a - b)[r.start];
      const { top, bottom } = list[0];
      sheet.getRange(top + 1, left + 1, bottom - top + 1, r.n).mergeVertically();
    }
  }
}

function pushTo<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

const SISI = ['top', 'left', 'bottom', 'right'] as const;

/**
 * Borders batched by side, style and colour: one RangeList.setBorder per group. A cell's right
 * side is drawn as the left side of the cell after it, its bottom as the top of the cell below
 * (one line in Sheets either way), so there are two sides to batch, not four. A top side on
 * cells side by side in a row is one range; a left side on cells one under another is one range
 * (setBorder draws a range's outer edge on each of its cells there).
 */
function garisSemua(sheet: GoogleAppsScript.Spreadsheet.Sheet, d: Drawing): void {
  const groups = new Map<
    string,
    { side: (typeof SISI)[number]; val: BorderSide; cells: { row: number; col: number }[]; seen: Set<string> }
  >();
  for (const c of d.cells) {
    if (!c.border) continue;
    for (const drawn of SISI) {
      const val = c.border[drawn];
      if (!val) continue;
      const side = drawn === 'right' ? 'left' : drawn === 'bottom' ? 'top' : drawn;
      const at = { row: c.row + (drawn === 'bottom' ? 1 : 0), col: c.col + (drawn === 'right' ? 1 : 0) };
      const k = `${side} ${val.style} ${val.color}`;
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { side, val, cells: [], seen: new Set() }));
      // A table cell's right side is its neighbour's left side: one line, drawn once.
      const key = `${at.row},${at.col}`;
      if (g.seen.has(key)) continue;
      g.seen.add(key);
      g.cells.push(at);
    }
  }
  for (const { side, val, cells } of groups.values()) {
    const horizontal = side === 'top' || side === 'bottom';
    const line = (c: { row: number; col: number }) => (horizontal ? c.row : c.col);
    const along = (c: { row: number; col: number }) => (horizontal ? c.col : c.row);
    const sorted = [...cells].sort((a, b) => line(a) - line(b) || along(a) - along(b));
    const a1s: string[] = [];
    let i = 0;
    while (i < sorted.length) {
      let j = i;
      while (j + 1 < sorted.length && line(sorted[j + 1]) === line(sorted[i]) && along(sorted[j + 1]) === along(sorted[j]) + 1) j++;
      const first = sorted[i];
      const last = sorted[j];
      a1s.push(first === last ? a1({}, first.row, first.col) : `${a1({}, first.row, first.col)}:${a1({}, last.row, last.col)}`);
      i = j + 1;
    }
    sheet
      .getRangeList(a1s)
      .setBorder(
        side === 'top' ? true : null,
        side === 'left' ? true : null,
        side === 'bottom' ? true : null,
        side === 'right' ? true : null,
        null,
        null,
        `#${val.color}`,
        gayaGaris(val.style),
      );
  }
}
