import { formatNumber } from '../angka/format';
import {
  addedContinuations,
  AMBIGUOUS,
  explain,
  Explanation,
  gapBetween,
  membership,
  MoneyColumn,
  moneyColumn,
  present,
  readingsOf,
  SumIndex,
  sumIndex,
} from './jumlah-pohon';
import { actualOf, cellName, cellsOf, columnNoun, commonLevel, levelLabel, shownAmount, uniqueCells } from './jumlah-kata';
import { CheckContext, TableCheck } from './konteks';
import { capitalise } from './label';
import { Finding } from './temuan';

/**
 * jumlah-induk: every money cell of a row with children equals the sum of its children, to
 * the rupiah. The message says which side is likely wrong when the level above or below
 * settles it.
 */
export const check: TableCheck = (ctx) => {
  const idx = sumIndex(ctx.table);
  const findings: Finding[] = [];
  for (const column of ctx.table.columns) {
    if (!column.money) continue;
    checkColumn(ctx, idx, moneyColumn(ctx, column), findings);
  }
  return findings;
};

function checkColumn<T>(ctx: CheckContext, idx: SumIndex, mc: MoneyColumn<T>, out: Finding[]): void {
  const n = idx.rows.length;
  const explained = new Map<number, Explanation | null>();
  const explanationOf = (x: number): Explanation | null => {
    let e = explained.get(x);
    if (e === undefined) {
      e = explainRow(mc, idx, x);
      explained.set(x, e);
    }
    return e;
  };
  for (let p = 0; p < n; p++) {
    if (!idx.isNode[p] || idx.children[p].length === 0) continue;
    const own = mc.node[p];
    const sum = mc.sum[p];
    if (!present(own) || !present(sum)) continue;
    if (mc.ops.eq(mc.nodeValue[p], mc.sumValue[p])) continue;
    const sumDec = mc.ops.toDec(mc.sumValue[p]);
    // An ambiguous parent that one of its readings makes right is the format check's business.
    if (own === AMBIGUOUS && readingsOf(mc, idx, p).some((r) => r.eq(sumDec))) continue;
    out.push(parentFinding(ctx, idx, mc, p, explanationOf));
  }
}

/** The explanation for a node's children, or for a total's items. */
function explainRow<T>(mc: MoneyColumn<T>, idx: SumIndex, x: number): Explanation | null {
  if (idx.isNode[x]) {
    if (!present(mc.node[x])) return null;
    return explain(mc, mc.nodeValue[x], idx.children[x]);
  }
  const total = idx.totals.find((t) => t.pos === x);
  if (total === undefined || total.over !== 'rows' || !present(mc.state[x])) return null;
  return explain(mc, mc.value[x], total.items);
}

function parentFinding<T>(
  ctx: CheckContext,
  idx: SumIndex,
  mc: MoneyColumn<T>,
  p: number,
  explanationOf: (x: number) => Explanation | null,
): Finding {
  const ops = mc.ops;
  const col = mc.column.col;
  const kids = idx.children[p];
  const noun = columnNoun(mc.column);
  const level = levelLabel(idx.rows[p].levelName) ?? 'baris ini';
  const kidLevel = commonLevel(idx, kids);
  const kidsWord = kidLevel === null ? 'rinciannya' : `${kidLevel}nya`;
  const own = mc.nodeValue[p];
  const sum = mc.sumValue[p];
  const diff = ops.toDec(ops.sub(own, sum)).abs();
  const ambiguousKids = kids.filter((c) => mc.eff[c] === AMBIGUOUS);
  const ambiguous = mc.node[p] === AMBIGUOUS || ambiguousKids.length > 0;
  const related = cellsOf(idx, col, [...kids, ...addedContinuations(mc, idx, p)]);
  const base = {
    row: idx.rows[p].row,
    col,
    rule: 'jumlah-induk' as const,
    actual: actualOf(mc, idx, p),
    expected: ops.toDec(sum).toFixed(),
  };

  let message =
    `${capitalise(noun)} ${level} ${shownAmount(mc, idx, p)} tidak sama dengan jumlah ${noun} ${kidsWord} ` +
    `${formatNumber(ops.toDec(sum))} (selisih ${formatNumber(diff)}).`;
  const absent = mc.absentChildren[p];
  if (absent > 0) message += ` ${absent} baris ${kidLevel ?? 'rincian'} kosong tidak dihitung.`;

  if (gapBetween(idx, p + 1, idx.spanEnd[p] + 1)) {
    return ctx.finding({
      ...base,
      severity: 'info',
      message: `Jumlah tidak dapat diperiksa: ada baris yang hilang di antara ${kidsWord}. ${message}`,
      related,
    });
  }

  const extra: number[] = [];
  const why = judgeSides(ctx, mc, idx, p, explanationOf, noun, level, kidLevel, extra);
  if (why !== null) message += ` ${why}`;
  for (const c of ambiguousKids)
    message += ` Sel ${ctx.addr(idx.rows[c].row, col)} penulisannya meragukan ("${mc.readings.get(c)?.text ?? ''}").`;
  return ctx.finding({
    ...base,
    severity: ambiguous ? 'warning' : 'error',
    message,
    related: uniqueCells([...related, ...cellsOf(idx, col, extra)]),
  });
}

/**
 * One sentence on the likely culprit, from the level above (does the grandparent agree with
 * the stated parent or with the children's sum?) and the level below (do the children agree
 * with their own children?). Null when the evidence is missing or contradicts itself.
 */
function judgeSides<T>(
  ctx: CheckContext,
  mc: MoneyColumn<T>,
  idx: SumIndex,
  p: number,
  explanationOf: (x: number) => Explanation | null,
  noun: string,
  level: string,
  kidLevel: string | null,
  extra: number[],
): string | null {
  const addr = (i: number) => cellName(ctx, idx, mc, i);
  const kidsName = kidLevel ?? 'rincian';

  // Above: the parent row, or for a top-level row the total that adds it up.
  const above = idx.parent[p] >= 0 ? idx.parent[p] : idx.coveringTotal[p];
  const up = above >= 0 ? membership(explanationOf(above), p) : 'unknown';
  const aboveName =
    above < 0 ? '' : idx.isNode[above] ? `${noun} ${levelLabel(idx.rows[above].levelName) ?? 'induknya'}` : `total ${noun}`;

  // Below: children whose own sums explain the whole difference.
  const down = explanationOf(p);
  let named: number[] = [];
  if (down !== null && down.solutions > 0) named = down.discrepant.filter((c) => (down.containing.get(c) ?? 0) === down.solutions);
  const verified = down !== null && down.discrepant.length === 0 && idx.children[p].some((c) => present(mc.sum[c]));

  if (up === 'all' && named.length === 0) {
    extra.push(above);
    return `Dengan jumlah ${kidsName} itu, ${aboveName} di ${addr(above)} menjadi sesuai; kemungkinan ${noun} ${level} inilah yang salah.`;
  }
  if (named.length > 0 && up !== 'all') {
    for (const c of named) extra.push(c);
    const where = named.map(addr).join(', ');
    return (
      `Selisihnya berasal dari ${noun} ${kidsName} di ${where} yang tidak sama dengan jumlah rinciannya sendiri; ` +
      `dengan jumlah rincian itu ${noun} ${level} ini sesuai.`
    );
  }
  if (up === 'none') {
    extra.push(above);
    return `${capitalise(noun)} ${level} ini sesuai dengan ${aboveName} di ${addr(above)}; kemungkinan ada ${kidsName} yang salah atau belum tercantum.`;
  }
  if (up === 'unknown' && verified) {
    return `Setiap ${kidsName} sesuai dengan jumlah rinciannya sendiri; kemungkinan ${noun} ${level} inilah yang salah.`;
  }
  return null;
}
