import { Dec } from '../angka/desimal';
import { formatNumber } from '../angka/format';
import { CheckContext, TableCheck } from './konteks';
import { capitalise } from './label';
import { actualOf, cellName, cellsOf, columnNoun, commonLevel, shownAmount, uniqueCells } from './jumlah-kata';
import {
  ABSENT,
  AMBIGUOUS,
  CellState,
  combine,
  deltaOf,
  gapBetween,
  INVALID,
  MoneyColumn,
  moneyColumn,
  present,
  readingsOf,
  SumIndex,
  sumIndex,
  SumTotal,
} from './jumlah-pohon';
import { Finding } from './temuan';

/**
 * jumlah-total: a TOTAL / JUMLAH row equals the sum of the top-level rows it closes, in every
 * money column. When it does not but equals the sum of a deeper level, the total is probably
 * right and a top-level row is not: the message names it (jumlah-induk reports that row).
 */
export const check: TableCheck = (ctx) => {
  const idx = sumIndex(ctx.table);
  if (idx.totals.length === 0) return [];
  const findings: Finding[] = [];
  for (const column of ctx.table.columns) {
    if (!column.money) continue;
    const mc = moneyColumn(ctx, column);
    for (const t of idx.totals) {
      const f = checkTotal(ctx, idx, mc, t);
      if (f !== null) findings.push(f);
    }
  }
  return findings;
};

interface Sum<T> {
  state: CellState;
  value: T;
  absent: number;
}

function sumItems<T>(mc: MoneyColumn<T>, idx: SumIndex, t: SumTotal): Sum<T> {
  const ops = mc.ops;
  let state: CellState = ABSENT;
  let value = ops.zero;
  let absent = 0;
  for (const i of t.items) {
    const s = (t.over === 'rows' ? mc.eff[i] : mc.state[i]) as CellState;
    const v = t.over === 'rows' ? mc.effValue[i] : mc.value[i];
    if (s === ABSENT) absent++;
    state = combine(state, s);
    if (present(s)) value = ops.add(value, v);
  }
  return { state, value, absent };
}

/**
 * The rows whose cells hold the amounts summed: a heading without an amount of its own
 * (4 PENDAPATAN over 4.1 …) stands for its children, so the finding points at those.
 */
function holdersOf<T>(mc: MoneyColumn<T>, idx: SumIndex, items: readonly number[]): number[] {
  const out: number[] = [];
  const visit = (i: number, depth: number) => {
    if (present(mc.state[i]) || depth > 32 || idx.children[i].length === 0) out.push(i);
    else for (const k of idx.children[i]) visit(k, depth + 1);
  };
  for (const i of items) visit(i, 0);
  return out;
}

function checkTotal<T>(ctx: CheckContext, idx: SumIndex, mc: MoneyColumn<T>, t: SumTotal): Finding | null {
  const ops = mc.ops;
  const own = mc.state[t.pos];
  if (!present(own)) return null;
  const sum = sumItems(mc, idx, t);
  if (!present(sum.state)) return null;
  const sumDec = ops.toDec(sum.value);
  const readings = readingsOf(mc, idx, t.pos);
  const noun = columnNoun(mc.column);
  const col = mc.column.col;
  const itemsLabel = t.over === 'subtotals' ? 'subtotal' : (commonLevel(idx, t.items) ?? 'baris teratas');
  const base = {
    row: idx.rows[t.pos].row,
    col,
    rule: 'jumlah-total' as const,
    actual: actualOf(mc, idx, t.pos),
    expected: sumDec.toFixed(),
    related: cellsOf(idx, col, holdersOf(mc, idx, t.items)),
  };

  if (readings.some((r) => r.eq(sumDec))) {
    if (own !== AMBIGUOUS) return null;
    return ctx.finding({
      ...base,
      severity: 'info',
      message: `Total ${noun} ditulis "${mc.readings.get(t.pos)?.text ?? ''}" (penulisan meragukan); dibaca ${formatNumber(sumDec)} sama dengan jumlah ${noun} ${itemsLabel}.`,
    });
  }

  const stated = ops.toDec(mc.value[t.pos]);
  let message =
    `Total ${noun} ${shownAmount(mc, idx, t.pos)} tidak sama dengan jumlah ${noun} ${itemsLabel} ` +
    `${formatNumber(sumDec)} (selisih ${formatNumber(stated.minus(sumDec).abs())}).`;
  if (sum.absent > 0) message += ` ${sum.absent} baris ${itemsLabel} kosong tidak dihitung.`;

  if (gapBetween(idx, t.gapFrom, t.gapTo)) {
    return ctx.finding({
      ...base,
      severity: 'info',
      message: `Jumlah tidak dapat diperiksa: ada baris yang hilang di atas total. ${message}`,
    });
  }

  const deeper = t.over === 'rows' ? deeperMatch(mc, idx, t, readings) : null;
  if (deeper !== null) {
    const culprits = t.scope.filter((i) => idx.depth[i] < deeper.depth && deltaOf(mc, i) !== null);
    const where =
      culprits.length > 0
        ? `${noun} ${commonLevel(idx, culprits) ?? itemsLabel} di ${culprits
            .slice(0, 5)
            .map((i) => cellName(ctx, idx, mc, i))
            .join(', ')}`
        : `${noun} ${itemsLabel} yang tidak sama dengan jumlah rinciannya`;
    message +=
      ` Total ini sama dengan jumlah ${noun} ${deeper.level ?? 'tingkat di bawahnya'} ${formatNumber(deeper.sum)}; ` +
      `kemungkinan yang salah adalah ${where}, bukan totalnya.`;
    return ctx.finding({
      ...base,
      severity: 'warning',
      message,
      related: uniqueCells([...base.related, ...cellsOf(idx, col, culprits)]),
    });
  }

  const ambiguous = own === AMBIGUOUS || sum.state === AMBIGUOUS;
  if (sum.state === AMBIGUOUS) {
    const unsure = t.items.filter((i) => mc.eff[i] === AMBIGUOUS && mc.readings.has(i));
    if (unsure.length > 0) message += ` ${capitalise(unsure.map((i) => cellName(ctx, idx, mc, i)).join(', '))} penulisannya meragukan.`;
  }
  return ctx.finding({ ...base, severity: ambiguous ? 'warning' : 'error', message });
}

/**
 * The shallowest level whose sum equals the total: each node of the scope at that depth, and
 * each shallower node that has no children with money (a kegiatan without sub kegiatan).
 */
function deeperMatch<T>(
  mc: MoneyColumn<T>,
  idx: SumIndex,
  t: SumTotal,
  readings: Dec[],
): { depth: number; sum: Dec; level: string | null } | null {
  const ops = mc.ops;
  let minDepth = Infinity;
  let maxDepth = -Infinity;
  for (const i of t.scope) {
    if (idx.depth[i] < minDepth) minDepth = idx.depth[i];
    if (idx.depth[i] > maxDepth) maxDepth = idx.depth[i];
  }
  const leaf = new Set<number>();
  for (const i of t.scope) if (!idx.children[i].some((c) => present(mc.eff[c]))) leaf.add(i);
  const items = new Set(t.items);
  for (let d = minDepth + 1; d <= maxDepth; d++) {
    let state: CellState = ABSENT;
    let value = ops.zero;
    const atDepth: number[] = [];
    for (const i of t.scope) {
      const depth = idx.depth[i];
      const counts = depth === d || (depth < d && leaf.has(i)) || (depth > d && items.has(i));
      if (!counts) continue;
      if (depth === d) atDepth.push(i);
      state = combine(state, mc.eff[i]);
      if (present(mc.eff[i])) value = ops.add(value, mc.effValue[i]);
    }
    if (state === INVALID || !present(state)) continue;
    const sum = ops.toDec(value);
    if (readings.some((r) => r.eq(sum))) return { depth: d, sum, level: commonLevel(idx, atDepth) };
  }
  return null;
}
