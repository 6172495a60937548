import { serapanCepat } from '../../fungsi/cepat';
import { serapan, sisa } from '../../fungsi/rumus';
import { TableColumn } from '../../tabel/model';
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
        related: [{ row: r.row, col: realCol.col }, { row: r.row, col: baseCol.col }],
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
    for (const r of checkedRows(table)) {
      const stated = shownNumber(ctx, r.row, c.col);
      const real = stated && shownNumber(ctx, r.row, realCol.col);
      const base = real && shownNumber(ctx, r.row, baseCol.col);
      if (stated === null || real === null || base === null) continue;
      // Money is exact and a subtraction is cheap: no quick screen needed.
      const computed = sisa(base.exact, real.exact);
      const f = toleranceFinding({
        ctx,
        row: r.row,
        col: c.col,
        label: 'Sisa',
        stated,
        computed,
        verdict: judge(stated, computed, null),
        working: `${showValue(base)} − ${showValue(real)}`,
        percent: false,
        related: [{ row: r.row, col: baseCol.col }, { row: r.row, col: realCol.col }],
      });
      if (f) out.push(f);
    }
  }
  return out;
}
