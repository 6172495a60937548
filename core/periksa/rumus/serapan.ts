import { serapanCepat } from '../../fungsi/cepat';
import { serapan, sisa } from '../../fungsi/rumus';
import { Dec } from '../../angka/desimal';
import { Table, TableColumn } from '../../tabel/model';
import { CheckContext } from '../konteks';
import { Finding } from '../temuan';
import { Derivation, inputOf, judge, judgeDerivation, shownNumber, toleranceFinding } from '../toleransi';
import { checkedRows, computedOf, showValue } from './hasil';
import { effectiveRole, MONEY_BASE, partner } from './pasangan';

/* rumus-kolom: serapan = realisasi Rp / anggaran × 100, and sisa = pagu − realisasi. */

/**
 * The budget row of a row: a continuation row with empty Anggaran cells (a second
 * indicator sharing one budget, as the IKM row under SAKIP) uses the row it continues.
 */
export function budgetRow(ctx: CheckContext, index: number, base: TableColumn): number {
  const rows = ctx.table.rows;
  const row = rows[index];
  if (!row.continuation || ctx.cell(row.row, base.col).value !== null) return row.row;
  for (let i = index - 1; i >= 0; i--) {
    if (rows[i].kind === 'data' && !rows[i].continuation) return rows[i].row;
  }
  return row.row;
}

export function checkSerapan(ctx: CheckContext, handled: Set<number>): Finding[] {
  const out: Finding[] = [];
  const table = ctx.table;
  for (const c of table.columns) {
    if (handled.has(c.col) || effectiveRole(table, c) !== 'serapan') continue;
    const realCol = partner(table, c, ['realisasi-rp']);
    const baseCol = partner(table, c, MONEY_BASE);
    if (realCol === null || baseCol === null) continue;
    handled.add(c.col);
    const baseName = baseCol.role === 'pagu' ? 'pagu' : 'anggaran';
    for (const r of checkedRows(table)) {
      const stated = shownNumber(ctx, r.row, c.col);
      const real = stated && shownNumber(ctx, r.row, realCol.col);
      const base = real && shownNumber(ctx, r.row, baseCol.col);
      if (stated === null || real === null || base === null || base.exact.isZero()) continue;
      const d: Derivation = {
        stated,
        approx: serapanCepat(real.exactNum, base.exactNum),
        f: (xs) => serapan(xs[0], xs[1]),
        inputs: [inputOf(real, true), inputOf(base, true)],
      };
      const judged = judgeDerivation(d);
      if (judged === null || judged.verdict === 'consistent') continue;
      const f = toleranceFinding({
        ctx,
        row: r.row,
        col: c.col,
        label: 'Serapan',
        stated,
        computed: computedOf({ d, judged }),
        verdict: judged.verdict,
        working: `${showValue(real)} / ${showValue(base)} × 100`,
        percent: true,
        related: [
          { row: r.row, col: realCol.col },
          { row: r.row, col: baseCol.col },
        ],
        note: `realisasi / ${baseName} × 100`,
      });
      if (f) out.push(f);
    }
  }
  return out;
}

export function checkSisa(ctx: CheckContext, handled: Set<number>): Finding[] {
  const out: Finding[] = [];
  const table = ctx.table;
  for (const c of table.columns) {
    if (c.role !== 'sisa' || handled.has(c.col)) continue;
    const realCol = partner(table, c, ['realisasi-rp']);
    const baseCol = partner(table, c, ['pagu', 'anggaran']);
    if (realCol === null || baseCol === null) continue;
    handled.add(c.col);
    const rows = checkedRows(table).flatMap((r) => {
      const stated = shownNumber(ctx, r.row, c.col);
      const real = stated && shownNumber(ctx, r.row, realCol.col);
      const base = real && shownNumber(ctx, r.row, baseCol.col);
      return stated === null || real === null || base === null ? [] : [{ r, stated, real, base }];
    });
    const flipped = flippedGroups(
      table,
      rows.map((x) => ({ row: x.r.row, stated: x.stated.exact, base: x.base.exact, real: x.real.exact })),
    );
    for (const { r, stated, real, base } of rows) {
      // Money is exact and a subtraction is cheap: no quick screen needed.
      const reversed = flipped.has(r.row);
      const computed = reversed ? sisa(real.exact, base.exact) : sisa(base.exact, real.exact);
      const f = toleranceFinding({
        ctx,
        row: r.row,
        col: c.col,
        label: 'Sisa',
        stated,
        computed,
        verdict: judge(stated, computed, null),
        working: reversed ? `${showValue(real)} − ${showValue(base)}` : `${showValue(base)} − ${showValue(real)}`,
        percent: false,
        related: [
          { row: r.row, col: baseCol.col },
          { row: r.row, col: realCol.col },
        ],
        note: reversed
          ? 'pada kelompok baris ini kolom selisih ditulis realisasi − anggaran, seperti baris lain di kelompoknya'
          : undefined,
      });
      if (f) out.push(f);
    }
  }
  return out;
}

/**
 * Rows of one group that must agree on the other sign before the group is read that way; one
 * is enough in a table of account codes (akun, kelompok, …), where the LRA convention makes
 * the sign differ by group, so that a two-row group with one wrong amount keeps its sign.
 */
const MIN_FLIPPED = 2;
const MIN_FLIPPED_ACCOUNTS = 1;
const ACCOUNT_LEVELS = new Set<string>(['akun', 'kelompok', 'jenis', 'objek', 'rincian-objek', 'sub-rincian-objek']);

/**
 * An LRA writes "Lebih / (Kurang)" as realisasi − anggaran under pendapatan and as anggaran −
 * realisasi under belanja (a favourable difference is positive in both): the sign may differ
 * between the top-level groups of one table. Each group (the rows under one top-level row,
 * with the total that closes it) is read with the sign most of its rows follow; a group turns
 * to realisasi − anggaran only when at least MIN_FLIPPED of its rows, and more than follow
 * the header's formula, do so, so that one mistyped sign is still found.
 */
function flippedGroups(table: Table, rows: readonly { row: number; stated: Dec; base: Dec; real: Dec }[]): Set<number> {
  const byRow = new Map(table.rows.map((r) => [r.row, r]));
  const groupOf = new Map<number, number>();
  let lastRoot = -1;
  for (const r of table.rows) {
    if (r.kind === 'data') {
      let root = r;
      for (let depth = 0; root.parent !== null && depth < 64; depth++) root = byRow.get(root.parent) ?? root;
      lastRoot = root.row;
    }
    groupOf.set(r.row, lastRoot);
  }
  const votes = new Map<number, { plain: number; reversed: number }>();
  for (const x of rows) {
    const g = groupOf.get(x.row) ?? -1;
    let v = votes.get(g);
    if (v === undefined) votes.set(g, (v = { plain: 0, reversed: 0 }));
    if (x.stated.equals(x.base.minus(x.real))) v.plain++;
    else if (x.stated.equals(x.real.minus(x.base))) v.reversed++;
  }
  const accounts = table.rows.some((r) => r.levelName !== null && ACCOUNT_LEVELS.has(r.levelName));
  const min = accounts ? MIN_FLIPPED_ACCOUNTS : MIN_FLIPPED;
  const out = new Set<number>();
  for (const x of rows) {
    const v = votes.get(groupOf.get(x.row) ?? -1);
    if (v !== undefined && v.reversed >= min && v.reversed > v.plain) out.add(x.row);
  }
  return out;
}
