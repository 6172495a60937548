/**
 * What the first sync of every pane action loads to know its scope: the active sheet and its
 * used range, the sheet names, and the selection. Queued here, synced by the caller together
 * with whatever else it needs, so the action keeps its sync count.
 */
export function muatCakupan(wb: Excel.Workbook) {
  const active = wb.worksheets.getActiveWorksheet();
  active.load('name');
  const activeUsed = active.getUsedRange();
  activeUsed.load('address');
  const worksheets = wb.worksheets;
  worksheets.load('items/name');
  const selection = wb.getSelectedRange();
  selection.load('address,cellCount');
  return { active, activeUsed, worksheets, selection };
}
