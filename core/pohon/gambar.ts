/**
 * A drawing on a cell grid: what the pohon kinerja layout produces and what every host
 * writes to a new sheet in one batch (Excel through Office.js, Sheets through SpreadsheetApp,
 * the CLI through an .xlsx writer). Platform-neutral on purpose: the same drawing gives the
 * same sheet everywhere. Rows and columns are 0-based.
 */

export type BorderStyle = 'thin' | 'medium' | 'thick' | 'dashed';

export interface BorderSide {
  style: BorderStyle;
  /** RRGGBB */
  color: string;
}

export interface DrawnCell {
  row: number;
  col: number;
  value: string | number | null;
  /** RRGGBB background. */
  fill?: string;
  font?: { bold?: boolean; italic?: boolean; size?: number; color?: string };
  border?: { top?: BorderSide; right?: BorderSide; bottom?: BorderSide; left?: BorderSide };
  align?: { horizontal?: 'left' | 'center' | 'right'; vertical?: 'top' | 'middle' | 'bottom'; wrap?: boolean };
  /** Excel number format code ("#,##0"). */
  numberFormat?: string;
}

export interface DrawnMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Drawing {
  sheetName: string;
  /** Column widths in Excel character units (Sheets: pixels ≈ width × 7 + 5). */
  columnWidths: number[];
  /** Row heights in points (Sheets: pixels ≈ points × 4 / 3). */
  rowHeights: number[];
  cells: DrawnCell[];
  merges: DrawnMerge[];
  print: {
    landscape: boolean;
    fitToWidth: boolean;
    repeatRows?: number;
    /** Paper size; absent: the host's default. */ paper?: 'A4' | 'A3';
  };
  freeze?: { rows: number; cols: number };
  /** False: hide the sheet's gridlines (a drawing reads better without them). Absent: leave as is. */
  gridlines?: boolean;
  /**
   * True: no text cell is merged, so a host whose rows grow to fit their text (Sheets) may give
   * every row the smallest of rowHeights and let the text size the rest, in one call.
   */
  rowsFitText?: boolean;
}
