import type { BorderSide, Drawing } from '../../core/pohon/gambar';

/**
 * A core Drawing on a new sheet, written as one batch: values, fills, fonts, alignment and
 * number formats over the drawing's whole grid with the set…s calls, then merges, borders and
 * sizes (writes only, so Apps Script sends them together). Drawn cells are text or numbers,
 * never formulas: Sheets reads a written "=…" as a formula even in a text cell, so such a value
 * gets the apostrophe that keeps it text.
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
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
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
  for (const m of d.merges) sheet.getRange(m.top + 1, m.left + 1, m.bottom - m.top + 1, m.right - m.left + 1).merge();
  for (const c of d.cells) {
    const b = c.border;
    if (!b) continue;
    const cell = sheet.getRange(c.row + 1, c.col + 1);
    for (const [side, val] of [
      ['top', b.top],
      ['left', b.left],
      ['bottom', b.bottom],
      ['right', b.right],
    ] as const) {
      if (!val) continue;
      cell.setBorder(
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
  d.columnWidths.forEach((w, i) => sheet.setColumnWidth(i + 1, Math.round(w * 7 + 5)));
  d.rowHeights.forEach((h, i) => sheet.setRowHeight(i + 1, Math.round((h * 4) / 3)));
  if (d.freeze) {
    sheet.setFrozenRows(d.freeze.rows);
    sheet.setFrozenColumns(d.freeze.cols);
  }
  return sheet;
}
