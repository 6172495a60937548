import type { BorderSide, Drawing, DrawnCell } from '../../core/pohon/gambar';
import { neutralise } from '../../core/tanda';
import { a1, columnLetters } from '../../core/lembar/model';
import { BATAS_BYTE, byteJson, potongan } from './ukuran';

/**
 * A Drawing (core/pohon/gambar.ts) written to a new sheet in as few batches as Excel's 5 MB
 * per request allows. With `ganti` false an
 * existing sheet of that name is left alone and false is returned, so the pane can ask first.
 */

const WEIGHT: Record<BorderSide['style'], Excel.BorderWeight | 'Thin' | 'Medium' | 'Thick'> = {
  thin: 'Thin',
  medium: 'Medium',
  thick: 'Thick',
  dashed: 'Thin',
};
const H: Record<string, 'Left' | 'Center' | 'Right'> = { left: 'Left', center: 'Center', right: 'Right' };
const V: Record<string, 'Top' | 'Center' | 'Bottom'> = { top: 'Top', middle: 'Center', bottom: 'Bottom' };
const EDGE = { top: 'EdgeTop', right: 'EdgeRight', bottom: 'EdgeBottom', left: 'EdgeLeft' } as const;

/** Excel's character-width columns in points: a character is about 7 px, plus 5 px padding, at 0.75 pt/px. */
export function lebarPoin(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Estimated request bytes of one cell's commands: Office.js's own serialiser gives about 250
 * per property set on a cell (the cell's path is shared by its sets) plus the value's JSON; the
 * margin covers long sheet names and ids. Checked against the real serialiser by the bench
 * (excel-request-max-mb).
 */
const BYTE_PER_SET = 300;
const BYTE_PER_SEL = 400;

function byteSel(c: DrawnCell): number {
  let sets = 0;
  if (c.value !== null) sets++;
  if (c.numberFormat) sets++;
  if (c.fill) sets++;
  if (c.font) sets += Object.keys(c.font).length;
  if (c.align) sets += Object.keys(c.align).length;
  if (c.border) sets += 3 * Object.keys(c.border).length;
  return BYTE_PER_SEL + sets * BYTE_PER_SET + (c.value === null ? 0 : byteJson(c.value));
}

function writeCell(ws: Excel.Worksheet, c: DrawnCell): void {
  const r = ws.getCell(c.row, c.col);
  if (c.value !== null) r.values = [[typeof c.value === 'string' ? neutralise(c.value) : c.value]];
  if (c.numberFormat) r.numberFormat = [[c.numberFormat]];
  if (c.fill) r.format.fill.color = `#${c.fill}`;
  if (c.font) {
    if (c.font.bold !== undefined) r.format.font.bold = c.font.bold;
    if (c.font.italic !== undefined) r.format.font.italic = c.font.italic;
    if (c.font.size !== undefined) r.format.font.size = c.font.size;
    if (c.font.color !== undefined) r.format.font.color = `#${c.font.color}`;
  }
  if (c.align) {
    if (c.align.horizontal) r.format.horizontalAlignment = H[c.align.horizontal];
    if (c.align.vertical) r.format.verticalAlignment = V[c.align.vertical];
    if (c.align.wrap !== undefined) r.format.wrapText = c.align.wrap;
  }
  if (c.border) {
    for (const side of ['top', 'right', 'bottom', 'left'] as const) {
      const b = c.border[side];
      if (!b) continue;
      const edge = r.format.borders.getItem(EDGE[side]);
      edge.style = b.style === 'dashed' ? 'Dash' : 'Continuous';
      edge.weight = WEIGHT[b.style] as Excel.BorderWeight;
      edge.color = `#${b.color}`;
    }
  }
}

export async function tulisGambar(context: Excel.RequestContext, d: Drawing, ganti: boolean): Promise<boolean> {
  const sheets = context.workbook.worksheets;
  const existing = sheets.getItemOrNullObject(d.sheetName);
  existing.load('name');
  await context.sync();
  if (!existing.isNullObject) {
    if (!ganti) return false;
    existing.delete();
  }
  let ws = sheets.add(d.sheetName);
  // The drawing in batches under the budget (a 500-node tree is 5–8 MB of commands): columns,
  // rows, cells, merges, in that order; the sheet's settings and activation with the last.
  const ops: { bytes: number; run: () => void }[] = [];
  d.columnWidths.forEach((w, i) => {
    ops.push({
      bytes: BYTE_PER_SEL + BYTE_PER_SET,
      run: () => (ws.getRange(`${columnLetters(i)}:${columnLetters(i)}`).format.columnWidth = lebarPoin(w)),
    });
  });
  d.rowHeights.forEach((h, i) => {
    ops.push({ bytes: BYTE_PER_SEL + BYTE_PER_SET, run: () => (ws.getRange(`${i + 1}:${i + 1}`).format.rowHeight = h) });
  });
  for (const c of d.cells) ops.push({ bytes: byteSel(c), run: () => writeCell(ws, c) });
  for (const m of d.merges)
    ops.push({
      bytes: BYTE_PER_SEL + BYTE_PER_SET,
      run: () => ws.getRange(`${a1({}, m.top, m.left)}:${a1({}, m.bottom, m.right)}`).merge(false),
    });
  const parts = potongan(ops, (o) => o.bytes, BATAS_BYTE - 20 * BYTE_PER_SEL);
  for (let i = 0; i < parts.length - 1; i++) {
    for (const o of parts[i]) o.run();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch sized under Excel's 5 MB request limit: the loop is the chunking
    await context.sync();
    // The object `add` returned does not outlive its sync in Office.js: the sheet by name.
    ws = context.workbook.worksheets.getItem(d.sheetName);
  }
  for (const o of parts[parts.length - 1] ?? []) o.run();
  if (d.gridlines === false) ws.showGridlines = false;
  if (d.print.paper) ws.pageLayout.paperSize = d.print.paper;
  ws.pageLayout.orientation = d.print.landscape ? 'Landscape' : 'Portrait';
  if (d.print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (d.print.repeatRows) ws.pageLayout.setPrintTitleRows(`$1:$${d.print.repeatRows}`);
  const f = d.freeze;
  if (f && f.rows > 0 && f.cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, f.rows, f.cols));
  else if (f && f.rows > 0) ws.freezePanes.freezeRows(f.rows);
  else if (f && f.cols > 0) ws.freezePanes.freezeColumns(f.cols);
  ws.activate();
  await context.sync();
  return true;
}
