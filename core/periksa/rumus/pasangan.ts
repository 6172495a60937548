import { ColumnRole, Table, TableColumn } from '../../tabel/model';

/* Which column a derived column is computed from: the nearest partner of the right role. */

export const MONEY_BASE: ColumnRole[] = ['anggaran', 'pagu'];
const BUDGET_WORDS = /anggaran|keuangan|\brp\b|dana/i;

/**
 * The column of one of `roles` that belongs with `c`: same period, else same group, else
 * the nearest one to its left (after `after`), else the only one in the table.
 */
export function partner(table: Table, c: TableColumn, roles: ColumnRole[], after = -1): TableColumn | null {
  const all = table.columns.filter((x) => roles.includes(x.role) && x !== c);
  if (all.length === 0) return null;
  const left = (xs: TableColumn[]) => xs.filter((x) => x.col < c.col && x.col > after).sort((a, b) => b.col - a.col)[0];
  if (c.period !== undefined) {
    const same = all.filter((x) => x.period === c.period);
    if (same.length > 0) return left(same) ?? same[0];
  }
  if (c.group !== undefined) {
    const same = all.filter((x) => x.group === c.group);
    if (same.length > 0) return left(same) ?? same[0];
  }
  return left(all) ?? (all.length === 1 ? all[0] : null);
}

/**
 * A "% Capaian" under an Anggaran header, or beside money in a table without target,
 * realisasi or a serapan column of its own, is a serapan.
 */
export function effectiveRole(table: Table, c: TableColumn): ColumnRole {
  if (c.role !== 'capaian') return c.role;
  if (BUDGET_WORDS.test(c.group ?? '') || /anggaran|keuangan/i.test(c.header)) return 'serapan';
  const other = (roles: ColumnRole[]) => table.columns.some((x) => roles.includes(x.role));
  return !other(['target', 'realisasi', 'serapan']) && other(['realisasi-rp']) ? 'serapan' : 'capaian';
}

export function previousOfRole(table: Table, c: TableColumn, role: ColumnRole): number {
  let at = -1;
  for (const x of table.columns) if (x.col < c.col && x.col > at && effectiveRole(table, x) === role) at = x.col;
  return at;
}
