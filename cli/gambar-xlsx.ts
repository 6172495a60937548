import ExcelJS from 'exceljs';
import { BorderSide, Drawing, DrawnCell } from '../core/pohon/gambar';

/*
 * Drawing → .xlsx through exceljs: the CLI's host for the platform-neutral drawing, writing
 * the same cells, merges, sizes and print setup the add-ins write through their own APIs.
 */

const argb = (rgb: string) => 'FF' + rgb.toUpperCase();

function borderOf(b: BorderSide | undefined): Partial<ExcelJS.Border> | undefined {
  return b ? { style: b.style, color: { argb: argb(b.color) } } : undefined;
}

/** A fresh style object per cell: exceljs shares one style object between a merge's cells. */
function styleOf(c: DrawnCell): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (c.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(c.fill) } };
  if (c.font) {
    style.font = {
      bold: c.font.bold,
      italic: c.font.italic,
      size: c.font.size,
      color: c.font.color ? { argb: argb(c.font.color) } : undefined,
    };
  }
  if (c.border) {
    style.border = {
      top: borderOf(c.border.top),
      right: borderOf(c.border.right),
      bottom: borderOf(c.border.bottom),
      left: borderOf(c.border.left),
    };
  }
  if (c.align) style.alignment = { horizontal: c.align.horizontal, vertical: c.align.vertical, wrapText: c.align.wrap };
  if (c.numberFormat) style.numFmt = c.numberFormat;
  return style;
}

/** Adds the drawing as a new sheet of an exceljs workbook. */
export function addDrawingSheet(workbook: ExcelJS.Workbook, drawing: Drawing): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(drawing.sheetName.slice(0, 31) || 'Pohon Kinerja', {
    views: [
      {
        state: drawing.freeze ? 'frozen' : 'normal',
        xSplit: drawing.freeze?.cols ?? 0,
        ySplit: drawing.freeze?.rows ?? 0,
        showGridLines: drawing.gridlines !== false,
      },
    ],
  });
  drawing.columnWidths.forEach((w, i) => {
    // exceljs leaves out a column whose width equals its own default (9), and the sheet then
    // shows the program's default (8,43 in Excel): nudge it so the width is written.
    ws.getColumn(i + 1).width = w === 9 ? 9.001 : w;
  });
  drawing.rowHeights.forEach((h, i) => {
    ws.getRow(i + 1).height = h;
  });
  for (const m of drawing.merges) {
    if (m.bottom === m.top && m.right === m.left) continue;
    ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  // Styles after merging (merging copies the master's style onto the other cells), values last.
  for (const c of drawing.cells) ws.getCell(c.row + 1, c.col + 1).style = styleOf(c);
  for (const c of drawing.cells) {
    if (c.value === null) continue;
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (cell.isMerged && cell.master !== cell) continue;
    cell.value = c.value;
  }
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: drawing.print.landscape ? 'landscape' : 'portrait',
    // Excel's paper codes: 9 A4, 8 A3 (exceljs's enum lacks A3).
    paperSize: (drawing.print.paper === 'A3' ? 8 : 9) as ExcelJS.PaperSize,
    fitToPage: drawing.print.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: drawing.print.repeatRows ? `1:${drawing.print.repeatRows}` : undefined,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  return ws;
}

/** Drawings, one sheet each, as the bytes of a new .xlsx (written by cli/berkas-keluaran.ts). */
export async function drawingsXlsx(drawings: readonly Drawing[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lembar Kinerja';
  for (const d of drawings) addDrawingSheet(wb, d);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
