/*
 * How much text fits in a box. The drawing never relies on a host to grow rows: every wrapped
 * cell gets rows tall enough for its text as estimated here, on the safe side (spreadsheets
 * size rows to fonts the machine has; an estimate that errs tall keeps every line visible).
 */

/** Font size of box and table text, points. */
export const FONT_PT = 9;
/** Height of one line of FONT_PT text, points, with leading. */
export const LINE_PT = 12.5;
/** Padding above and below the text of a cell, points. */
export const PAD_PT = 4;
/**
 * Characters of FONT_PT text per column-width unit. A width unit is one "0" of the 11-pt
 * default font; average 9-pt text is narrower, but capitals and wide letters are not, so 1.0
 * leaves room.
 */
export const CHARS_PER_UNIT = 1.0;
/** Characters lost to the cell's inner margins. */
export const MARGIN_CHARS = 2;

/** Characters of one line in a cell of this width (Excel width units). */
export function charsPerLine(widthUnits: number): number {
  return Math.max(4, Math.floor(widthUnits * CHARS_PER_UNIT) - MARGIN_CHARS);
}

/** Lines a wrapped text takes: greedy word wrap per paragraph, long words broken. */
export function wrappedLines(text: string, widthUnits: number): number {
  const cpl = charsPerLine(widthUnits);
  let lines = 0;
  for (const para of text.split('\n')) {
    let line = 0;
    let count = 1;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      let w = word.length;
      if (line > 0 && line + 1 + w <= cpl) {
        line += 1 + w;
        continue;
      }
      if (line > 0) count++;
      while (w > cpl) {
        w -= cpl;
        count++;
      }
      line = w;
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** Points a wrapped text needs in a cell of this width. */
export function textHeight(text: string, widthUnits: number): number {
  return wrappedLines(text, widthUnits) * LINE_PT + PAD_PT;
}
