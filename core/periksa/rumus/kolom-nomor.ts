import { Dec, HUNDRED } from '../../angka/desimal';
import { formatNumber } from '../../angka/format';
import { ColumnRole, Table, TableColumn } from '../../tabel/model';
import { CheckContext } from '../konteks';
import { declaredSatuan, isAdditiveUnit } from '../satuan';
import { Finding } from '../temuan';
import { Derivation, inputOf, isExact, Judged, judgeDerivation, Shown, shownNumber, toleranceFinding } from '../toleransi';
import {
  approximate,
  columnsOf,
  evaluate,
  Expr,
  hasColumnSum,
  hasDivision,
  hasHundred,
  labelKey,
  parseFormula,
  render,
} from './ekspresi';
import { checkedRows, computedOf, hint, lazy, showValue } from './hasil';

/*
 * rumus-kolom, part one: a formula the number row states, checked on every data and total row.
 */

const PERCENT_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['capaian', 'serapan', 'efisiensi', 'tw-k']);
const LABEL: Partial<Record<ColumnRole, string>> = {
  capaian: 'Capaian',
  serapan: 'Serapan',
  efisiensi: 'Efisiensi',
  sisa: 'Sisa',
};

export interface FormulaSpec {
  col: TableColumn;
  expr: Expr;
  /** Column of each key of expr. */
  columns: Map<string, TableColumn>;
  /** Shown in messages: "rumus kolom 11 = 10 / 4 × 100". */
  note: string;
  percent: boolean;
  /** The formula gives a ratio and the column holds percents, but the ×100 is not written. */
  times100: boolean;
  /** The columns the formula reads, in order of first appearance. */
  keys: string[];
}

/** One row judged against one formula. */
interface RowResult {
  row: number;
  d: Derivation;
  shownInputs: Shown[];
  judged: Judged;
}

function isPercentColumn(ctx: CheckContext, c: TableColumn): boolean {
  if (PERCENT_ROLES.has(c.role)) return true;
  if (/%|persen|prosen/i.test(c.header)) return true;
  let percent = 0;
  let numbers = 0;
  for (const r of ctx.table.rows) {
    if (r.kind !== 'data') continue;
    const p = ctx.cell(r.row, c.col);
    if (p.value === null) continue;
    numbers++;
    if (p.kind === 'percent') percent++;
  }
  return numbers > 0 && percent * 2 > numbers;
}

export function makeSpec(
  ctx: CheckContext,
  col: TableColumn,
  expr: Expr,
  columns: Map<string, TableColumn>,
  resultKey: string,
  inferred: boolean,
): FormulaSpec {
  const percent = isPercentColumn(ctx, col);
  const times100 = percent && hasDivision(expr) && !hasHundred(expr);
  const formula = render(expr, (k) => k) + (times100 ? ' × 100' : '');
  const note = `rumus kolom ${resultKey} = ${formula}${inferred ? ', disimpulkan dari baris lain di bagian ini' : ''}`;
  return { col, expr, columns, note, percent, times100, keys: columnsOf(expr) };
}

function formulaDerivation(ctx: CheckContext, spec: FormulaSpec, row: number): { d: Derivation; shownInputs: Shown[] } | null {
  const stated = shownNumber(ctx, row, spec.col.col);
  if (stated === null) return null;
  const keys = spec.keys;
  const shownInputs: Shown[] = [];
  for (const k of keys) {
    const s = shownNumber(ctx, row, spec.columns.get(k)!.col);
    if (s === null) return null;
    shownInputs.push(s);
  }
  // Exactness needs the row's declared satuan: read it only if an interval is ever needed.
  const inputs = lazy(() => {
    const unitHint = declaredSatuan(ctx, row)?.unit ?? null;
    return keys.map((k, i) => inputOf(shownInputs[i], isExact(shownInputs[i], spec.columns.get(k)!.money, unitHint)));
  });
  const f = (xs: Dec[]) => {
    const y = evaluate(spec.expr, (k) => xs[keys.indexOf(k)]);
    return y === null ? null : spec.times100 ? y.times(HUNDRED) : y;
  };
  const approx = approximate(spec.expr, (k) => shownInputs[keys.indexOf(k)].exactNum) * (spec.times100 ? 100 : 1);
  return {
    d: {
      stated,
      approx,
      f,
      get inputs() {
        return inputs();
      },
    },
    shownInputs,
  };
}

export function evaluateFormulaRow(ctx: CheckContext, spec: FormulaSpec, row: number, withInterval = true): RowResult | null {
  const x = formulaDerivation(ctx, spec, row);
  if (x === null) return null;
  const judged = judgeDerivation(x.d, withInterval);
  return judged === null ? null : { row, d: x.d, shownInputs: x.shownInputs, judged };
}

/** A sum over units that do not add up (kec, persen, indeks): the cumulative reading is doubtful. */
function nonAdditiveSum(ctx: CheckContext, spec: FormulaSpec, res: RowResult): string | null {
  if (!hasColumnSum(spec.expr)) return null;
  const declared = declaredSatuan(ctx, res.row)?.unit ?? null;
  for (const s of res.shownInputs) {
    const unit = s.cell.unit ?? declared;
    if (!isAdditiveUnit(unit)) return s.cell.rawUnit ?? unit;
  }
  for (const k of spec.keys) if (PERCENT_ROLES.has(spec.columns.get(k)!.role)) return '%';
  return null;
}

export function reportFormulaRow(ctx: CheckContext, spec: FormulaSpec, res: RowResult): Finding | null {
  if (res.judged.verdict === 'consistent') return null;
  const keys = spec.keys;
  const computed = computedOf(res);
  const working = render(spec.expr, (k) => showValue(res.shownInputs[keys.indexOf(k)])) + (spec.times100 ? ' × 100' : '');
  const related = keys.map((k) => ({ row: res.row, col: spec.columns.get(k)!.col }));
  const unit = res.judged.verdict === 'wrong' ? nonAdditiveSum(ctx, spec, res) : null;
  if (unit !== null) {
    if (!hasDivision(spec.expr)) return null; // a plain sum of non-additive values is not a rule at all
    const u = spec.percent ? ' %' : '';
    const stated = res.d.stated;
    return ctx.finding({
      row: res.row,
      col: spec.col.col,
      rule: 'rumus-kolom',
      severity: 'warning',
      actual: stated.value.toFixed(),
      expected: null,
      related,
      message: `Rumus kumulatif memberi ${formatNumber(computed, { decimals: 2 })}${u} (${working}; ${spec.note}), tertulis ${formatNumber(stated.value, { decimals: stated.decimals })}${u}; satuan "${unit}" mungkin tidak dapat dijumlahkan antartahun.`,
    });
  }
  const label = spec.col.numberLabel ? labelKey(spec.col.numberLabel) : ctx.addr(res.row, spec.col.col).replace(/\d+$/, '');
  return toleranceFinding({
    ctx,
    row: res.row,
    col: spec.col.col,
    label: LABEL[spec.col.role] ?? `Nilai kolom ${label}`,
    stated: res.d.stated,
    computed,
    verdict: res.judged.verdict,
    working,
    percent: spec.percent,
    related,
    note: spec.note,
    hiddenHint: hint(
      res.d,
      res.judged.verdict,
      keys.map((k) => `kolom ${k}`),
    ),
  });
}

export function labelledColumns(table: Table): Map<string, TableColumn> {
  const m = new Map<string, TableColumn>();
  for (const c of table.columns) if (c.numberLabel) m.set(labelKey(c.numberLabel), c);
  return m;
}

export function checkNumberFormulas(ctx: CheckContext, handled: Set<number>): Finding[] {
  const out: Finding[] = [];
  const byLabel = labelledColumns(ctx.table);
  for (const col of ctx.table.columns) {
    if (!col.numberFormula) continue;
    const expr = parseFormula(col.numberFormula, (k) => byLabel.has(k) && byLabel.get(k) !== col);
    if (expr === null) continue;
    const spec = makeSpec(ctx, col, expr, byLabel, col.numberLabel ? labelKey(col.numberLabel) : '?', false);
    handled.add(col.col);
    for (const r of checkedRows(ctx.table)) {
      const res = evaluateFormulaRow(ctx, spec, r.row);
      if (res === null) continue;
      const f = reportFormulaRow(ctx, spec, res);
      if (f) out.push(f);
    }
  }
  return out;
}
