import { ColumnRole, Table, TableColumn } from '../../tabel/model';

/* Which column a derived column is computed from: the nearest partner of the right role. */

export const MONEY_BASE: ColumnRole[] = ['anggaran', 'pagu'];
const BUDGET_WORDS = /anggaran|keuangan|\brp\b|dana/i;

/**
 * The column of one of `roles` that belongs with `c`: same period, else same group, else
 * the nearest one to its left (after `after`), else the only one in the table.
 */
export function partner(table: Table, c: TableColumn, roles: ColumnRole[], after = -1): TableColumn | null {
  const pools = poolsOf(table, roles);
  const inAll = pools.all.members.has(c);
  if (pools.all.inOrder.length - (inAll ? 1 : 0) === 0) return null;
  if (c.period !== undefined) {
    const same = pools.byPeriod.get(c.period);
    const size = same === undefined ? 0 : same.inOrder.length - (inAll ? 1 : 0);
    if (same !== undefined && size > 0) return nearestLeft(same, c.col, after) ?? firstBesides(same, c);
  }
  if (c.group !== undefined) {
    const same = pools.byGroup.get(c.group);
    const size = same === undefined ? 0 : same.inOrder.length - (inAll ? 1 : 0);
    if (same !== undefined && size > 0) return nearestLeft(same, c.col, after) ?? firstBesides(same, c);
  }
  const size = pools.all.inOrder.length - (inAll ? 1 : 0);
  return nearestLeft(pools.all, c.col, after) ?? (size === 1 ? firstBesides(pools.all, c) : null);
}

/**
 * A "% Capaian" under an Anggaran header, or beside money in a table without target,
 * realisasi or a serapan column of its own, is a serapan.
 */
export function effectiveRole(table: Table, c: TableColumn): ColumnRole {
  if (c.role !== 'capaian') return c.role;
  if (BUDGET_WORDS.test(c.group ?? '') || /anggaran|keuangan/i.test(c.header)) return 'serapan';
  const present = indexOf(table).roles;
  const other = (roles: ColumnRole[]) => roles.some((r) => present.has(r));
  return !other(['target', 'realisasi', 'serapan']) && other(['realisasi-rp']) ? 'serapan' : 'capaian';
}

export function previousOfRole(table: Table, c: TableColumn, role: ColumnRole): number {
  return nearestOfRole(table, c, role)?.col ?? -1;
}

/** The nearest column left of `c` whose effective role is `role`. */
export function nearestOfRole(table: Table, c: TableColumn, role: ColumnRole): TableColumn | null {
  return nearestLeft(effectivePool(table, role), c.col, -1) ?? null;
}

/** The columns whose effective role is `role`, in table order. */
export function columnsOfRole(table: Table, role: ColumnRole): readonly TableColumn[] {
  return effectivePool(table, role).inOrder;
}

// ---------------------------------------------------------------------------------------------
// Each derived column looks for its partners among all the table's columns. A header merged
// across the whole grid gives a table of 16,384 columns of one role, and a scan per column was
// 16,384² steps (seconds per sheet): the columns are indexed once per table instead, and the
// nearest one to the left is a binary search. A table's columns are settled by tata-letak
// before any check runs, so the index is kept per columns array.

/** Columns in table order, and the same sorted by column (ties in table order). */
interface Pool {
  inOrder: TableColumn[];
  byCol: TableColumn[];
  members: Set<TableColumn>;
}

interface TableIndex {
  roles: Set<ColumnRole>;
  byRoles: Map<string, { all: Pool; byPeriod: Map<string, Pool>; byGroup: Map<string, Pool> }>;
  effective: Map<ColumnRole, Pool> | null;
}

const indexes = new WeakMap<readonly TableColumn[], TableIndex>();

function indexOf(table: Table): TableIndex {
  let index = indexes.get(table.columns);
  if (index === undefined) {
    index = { roles: new Set(table.columns.map((x) => x.role)), byRoles: new Map(), effective: null };
    indexes.set(table.columns, index);
  }
  return index;
}

function pool(inOrder: TableColumn[]): Pool {
  const byCol = inOrder.slice().sort((a, b) => a.col - b.col);
  return { inOrder, byCol, members: new Set(inOrder) };
}

function poolsOf(table: Table, roles: ColumnRole[]) {
  const index = indexOf(table);
  const key = roles.join('|');
  let pools = index.byRoles.get(key);
  if (pools === undefined) {
    const all = table.columns.filter((x) => roles.includes(x.role));
    const groupBy = (of: (x: TableColumn) => string | undefined) => {
      const lists = new Map<string, TableColumn[]>();
      for (const x of all) {
        const k = of(x);
        if (k === undefined) continue;
        const list = lists.get(k);
        if (list === undefined) lists.set(k, [x]);
        else list.push(x);
      }
      return new Map([...lists].map(([k, xs]) => [k, pool(xs)]));
    };
    pools = { all: pool(all), byPeriod: groupBy((x) => x.period), byGroup: groupBy((x) => x.group) };
    index.byRoles.set(key, pools);
  }
  return pools;
}

function effectivePool(table: Table, role: ColumnRole): Pool {
  const index = indexOf(table);
  if (index.effective === null) {
    const lists = new Map<ColumnRole, TableColumn[]>();
    for (const x of table.columns) {
      const r = effectiveRole(table, x);
      const list = lists.get(r);
      if (list === undefined) lists.set(r, [x]);
      else list.push(x);
    }
    index.effective = new Map([...lists].map(([r, xs]) => [r, pool(xs)]));
  }
  return index.effective.get(role) ?? pool([]);
}

/** The column of `p` with the greatest col below `col` (the first in table order among equals), if it is right of `after`. */
function nearestLeft(p: Pool, col: number, after: number): TableColumn | undefined {
  const xs = p.byCol;
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid].col < col) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return undefined;
  let at = lo - 1;
  while (at > 0 && xs[at - 1].col === xs[at].col) at--;
  return xs[at].col > after ? xs[at] : undefined;
}

function firstBesides(p: Pool, c: TableColumn): TableColumn {
  return p.inOrder[0] !== c ? p.inOrder[0] : p.inOrder[1];
}
