import { parseAddress, RangeArea } from './model';

/**
 * What the first sync of every pane action loads to know its scope: the active sheet and its
 * used range, the sheet names, and the selection. Queued here, synced by the caller together
 * with whatever else it needs, so the action keeps its sync count.
 *
 * The selection is read with getSelectedRanges (ExcelApi 1.9): getSelectedRange throws as soon
 * as the planner has Ctrl+clicked a second area.
 */
export function muatCakupan(wb: Excel.Workbook) {
  const active = wb.worksheets.getActiveWorksheet();
  active.load('name');
  const activeUsed = active.getUsedRange();
  activeUsed.load('address');
  const worksheets = wb.worksheets;
  worksheets.load('items/name');
  const selection = wb.getSelectedRanges();
  selection.load('address,cellCount');
  return { active, activeUsed, worksheets, selection };
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/**
 * One area of an address as Excel writes it: a cell or block (`'Renja 2024'!B3:L40`), whole
 * columns (`Sheet1!C:E`) or whole rows (`Sheet1!5:40`). Null when it is none of these.
 */
export function areaAlamat(address: string): RangeArea | null {
  const a = parseAddress(address);
  if (a) return a;
  const bang = address.lastIndexOf('!');
  let sheet = bang < 0 ? '' : address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const ref = address.slice(bang + 1).replace(/\$/g, '');
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(ref);
  if (cols) {
    const p = parseAddress(`${cols[1]}1:${cols[2]}1`);
    return p ? { sheet, top: 0, bottom: MAX_ROW, left: p.left, right: p.right } : null;
  }
  const rows = /^(\d+):(\d+)$/.exec(ref);
  if (rows) {
    const [x, y] = [Number(rows[1]) - 1, Number(rows[2]) - 1];
    return { sheet, top: Math.min(x, y), bottom: Math.max(x, y), left: 0, right: MAX_COL };
  }
  return null;
}

/** Every area of a RangeAreas address (`Sheet1!B3:C9,Sheet1!E3:E9`); a comma inside a quoted sheet name is not a separator. */
export function areasAlamat(address: string): RangeArea[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  const out: RangeArea[] = [];
  let sheet = '';
  for (const p of parts.map((x) => x.trim()).filter((x) => x !== '')) {
    const a = areaAlamat(p);
    if (!a) continue;
    // Excel names the sheet on every area; an area without one is on the previous area's sheet.
    if (a.sheet === '') a.sheet = sheet;
    sheet = a.sheet;
    out.push(a);
  }
  return out;
}

/** The part of `b` inside `a`, or null (both on one sheet; the sheet of `a` is kept). */
export function potong(a: RangeArea, b: RangeArea): RangeArea | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top > bottom || left > right ? null : { sheet: a.sheet, top, left, bottom, right };
}
