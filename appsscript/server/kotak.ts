/**
 * The smallest box holding every cell (0-based), for one read or write over it. A loop, not
 * Math.min(...spread): a sheet with 100,000+ marked cells has more than a call has room for.
 */
export function kotakSel(cells: readonly { row: number; col: number }[]): { top: number; left: number; bottom: number; right: number } {
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const c of cells) {
    if (c.row < top) top = c.row;
    if (c.row > bottom) bottom = c.row;
    if (c.col < left) left = c.col;
    if (c.col > right) right = c.col;
  }
  return { top, left, bottom, right };
}
