import { Dec } from '../../angka/desimal';
import { formatNumber } from '../../angka/format';
import { efisiensiCepat, serapanCepat } from '../../fungsi/cepat';
import { efisiensi, MetodeEfisiensi, serapan } from '../../fungsi/rumus';
import { ColumnRole, TableColumn, TableRow } from '../../tabel/model';
import { CheckContext } from '../konteks';
import { Finding } from '../temuan';
import { Derivation, fits, inputOf, judge, judgeDerivation, Shown, shownNumber, toleranceFinding, Verdict } from '../toleransi';
import { computedOf, hint, showValue } from './hasil';
import { metodeDariRumus } from './fungsi-sel';
import { MONEY_BASE, nearestOfRole, partner } from './pasangan';
import { budgetRow } from './serapan';

/*
 * rumus-kolom: efisiensi, with the method (rasio, selisih, sisa) that the table's rows fit,
 * and an Efisiensi Total row judged against the natural aggregates of its rows.
 */

const METHODS: MetodeEfisiensi[] = ['rasio', 'selisih', 'sisa'];
const METHOD_FORMULA: Record<MetodeEfisiensi, string> = {
  rasio: '(1 − serapan / capaian) × 100',
  selisih: 'capaian − serapan',
  sisa: '100 − serapan',
};

interface EfisiensiRow {
  row: TableRow;
  stated: Shown;
  capaian: Shown;
  /** Serapan as used: from the Rp cells when present (exact), else the stated percent. */
  serapanValue: () => Dec;
  serapanText: () => string;
  derivation: Record<MetodeEfisiensi, Derivation>;
  /** Quick verdict without intervals, for choosing the method (memoised). */
  screen: (m: MetodeEfisiensi) => Verdict;
  budgetRow: number;
  rp: { real: Dec; base: Dec } | null;
  related: { row: number; col: number }[];
}

function efisiensiWorking(m: MetodeEfisiensi, cap: string, ser: string): string {
  switch (m) {
    case 'rasio':
      return `(1 − ${ser} / ${cap}) × 100`;
    case 'selisih':
      return `${cap} − ${ser}`;
    case 'sisa':
      return `100 − ${ser}`;
  }
}

interface EfisiensiColumns {
  e: TableColumn;
  cap: TableColumn;
  ser: TableColumn | null;
  real: TableColumn | null;
  base: TableColumn | null;
}

/**
 * The quick screen reads serapan to six decimals (the fast path wants few decimals); the
 * error that adds to efisiensi, at most 5·10⁻⁷ × (1 + 100 / capaian), widens its margin.
 */
const SCREEN_SCALE = 1e6;
const SCREEN_ERROR = 5e-7;

function evaluateEfisiensiRow(ctx: CheckContext, index: number, cols: EfisiensiColumns): EfisiensiRow | null {
  const r = ctx.table.rows[index];
  const stated = shownNumber(ctx, r.row, cols.e.col);
  const cap = stated && shownNumber(ctx, r.row, cols.cap.col);
  if (stated === null || cap === null) return null;
  const related = [{ row: r.row, col: cols.cap.col }];
  const bRow = cols.base ? budgetRow(ctx, index, cols.base) : r.row;
  const real = cols.real ? shownNumber(ctx, bRow, cols.real.col) : null;
  const base = cols.base ? shownNumber(ctx, bRow, cols.base.col) : null;
  const derivation = {} as EfisiensiRow['derivation'];
  let serapanValue: () => Dec;
  let serapanNum: number | undefined;
  let rp: EfisiensiRow['rp'] = null;
  if (real && base && !base.exact.isZero()) {
    rp = { real: real.exact, base: base.exact };
    const quick = serapanCepat(real.exactNum, base.exactNum);
    serapanNum = quick === undefined ? undefined : Math.round(quick * SCREEN_SCALE) / SCREEN_SCALE;
    const approxError = SCREEN_ERROR * (1 + 100 / Math.max(Math.abs(cap.exactNum), 1e-6));
    serapanValue = () => serapan(real.exact, base.exact)!;
    const inputs = [inputOf(cap, false), inputOf(real, true), inputOf(base, true)];
    for (const m of METHODS) {
      derivation[m] = {
        stated,
        approx: serapanNum === undefined ? undefined : efisiensiCepat(cap.exactNum, serapanNum, m),
        approxError,
        f: (xs) => {
          const s = serapan(xs[1], xs[2]);
          return s === null ? null : efisiensi(xs[0], s, m);
        },
        inputs,
      };
    }
    related.push({ row: bRow, col: cols.real!.col }, { row: bRow, col: cols.base!.col });
  } else {
    const s = cols.ser ? (shownNumber(ctx, r.row, cols.ser.col) ?? shownNumber(ctx, bRow, cols.ser.col)) : null;
    if (s === null) return null;
    serapanNum = s.exactNum;
    serapanValue = () => s.exact;
    const inputs = [inputOf(cap, false), inputOf(s, false)];
    for (const m of METHODS) {
      derivation[m] = { stated, approx: efisiensiCepat(cap.exactNum, s.exactNum, m), f: (xs) => efisiensi(xs[0], xs[1], m), inputs };
    }
    related.push({ row: r.row, col: cols.ser!.col });
  }
  const screened: Partial<Record<MetodeEfisiensi, Verdict>> = {};
  const screen = (m: MetodeEfisiensi) => (screened[m] ??= judgeDerivation(derivation[m], false)?.verdict ?? 'wrong');
  return {
    row: r,
    stated,
    capaian: cap,
    serapanValue,
    serapanText: () => formatNumber(serapanValue(), { decimals: 2 }),
    derivation,
    screen,
    budgetRow: bRow,
    rp,
    related,
  };
}

/**
 * The method most rows fit: ranked by the quick screen, and with the hidden-digit bands
 * only when the screen finds no method that half the rows fit.
 */
function chooseMethod(rows: EfisiensiRow[]): { method: MetodeEfisiensi; fit: number } {
  const rank = (verdictOf: (x: EfisiensiRow, m: MetodeEfisiensi) => Verdict) => {
    let best = { method: METHODS[0], fit: -1, exact: -1 };
    for (const m of METHODS) {
      let fit = 0;
      let exact = 0;
      for (const x of rows) {
        const v = verdictOf(x, m);
        if (fits(v)) fit++;
        if (v === 'consistent') exact++;
      }
      if (fit > best.fit || (fit === best.fit && exact > best.exact)) best = { method: m, fit, exact };
    }
    return best;
  };
  // A method every row fits wins whatever the others do: the others need not be screened.
  let all = true;
  for (const x of rows) if (!fits(x.screen(METHODS[0]))) all = false;
  if (all) return { method: METHODS[0], fit: rows.length };
  const quick = rank((x, m) => x.screen(m));
  if (quick.fit * 2 >= rows.length) return quick;
  return rank((x, m) => judgeDerivation(x.derivation[m])?.verdict ?? 'wrong');
}

export function checkEfisiensi(ctx: CheckContext, handled: Set<number>): Finding[] {
  const out: Finding[] = [];
  const table = ctx.table;
  const lastLeftOf = (e: TableColumn, role: ColumnRole) => nearestOfRole(table, e, role);
  for (const e of table.columns) {
    if (e.role !== 'efisiensi' || handled.has(e.col)) continue;
    const cap = lastLeftOf(e, 'capaian');
    if (cap === null) continue;
    const cols: EfisiensiColumns = {
      e,
      cap,
      ser: lastLeftOf(e, 'serapan'),
      real: partner(table, e, ['realisasi-rp']),
      base: partner(table, e, MONEY_BASE),
    };
    const rows: EfisiensiRow[] = [];
    const totals: TableRow[] = [];
    table.rows.forEach((r, index) => {
      if (r.kind !== 'data' && r.kind !== 'total') return;
      const res = evaluateEfisiensiRow(ctx, index, cols);
      if (res !== null) rows.push(res);
      else if (r.kind === 'total' && shownNumber(ctx, r.row, e.col) !== null) totals.push(r);
    });
    // Columns the header words pair wrongly (a reworded table where the numbers made the
    // serapan a "capaian" and left no serapan or Rp columns) give no row to judge: the column
    // is then left to the relation the numbers show, instead of being claimed and not checked.
    if (rows.length === 0) continue;
    handled.add(e.col);
    const data = rows.filter((x) => x.row.kind === 'data');
    const { method: tableMethod, fit } = chooseMethod(data.length > 0 ? data : rows);
    const methodNote =
      fit > 0
        ? `metode ${tableMethod}: ${METHOD_FORMULA[tableMethod]}, yang cocok dengan ${fit} dari ${data.length} baris`
        : 'tidak cocok dengan metode rasio, selisih maupun sisa';
    for (const x of rows) {
      // A cell holding our EFISIENSI names its metode: that, not the table's majority, is its formula.
      const own = metodeDariRumus(ctx, x.row.row, e.col);
      const method = own ?? tableMethod;
      if (x.screen(method) === 'consistent') continue;
      const judged = judgeDerivation(x.derivation[method]);
      if (judged === null || judged.verdict === 'consistent') continue;
      const computed = computedOf({ d: x.derivation[method], judged });
      if (judged.verdict === 'wrong' && own === null) {
        const other = METHODS.find((m) => m !== method && fits(judgeDerivation(x.derivation[m])?.verdict ?? 'wrong'));
        if (other !== undefined) {
          out.push(
            ctx.finding({
              row: x.row.row,
              col: e.col,
              rule: 'rumus-kolom',
              severity: 'info',
              actual: x.stated.value.toFixed(),
              expected: computed.toDecimalPlaces(Math.max(2, x.stated.decimals)).toFixed(),
              related: x.related,
              message: `Efisiensi baris ini cocok dengan metode ${other} (${METHOD_FORMULA[other]}), sedangkan baris lain memakai metode ${method}; dengan metode ${method} hasilnya ${formatNumber(computed, { decimals: 2 })} %.`,
            }),
          );
          continue;
        }
      }
      const f = toleranceFinding({
        ctx,
        row: x.row.row,
        col: e.col,
        label: 'Efisiensi',
        stated: x.stated,
        computed,
        verdict: judged.verdict,
        working: efisiensiWorking(method, showValue(x.capaian), x.serapanText()),
        percent: true,
        related: x.related,
        note: own === null ? methodNote : `metode ${own} dari rumus sel: ${METHOD_FORMULA[own]}`,
        hiddenHint: hint(x.derivation[method], judged.verdict, ['capaian', 'realisasi', 'anggaran']),
      });
      if (f) out.push(f);
    }
    for (const t of totals) {
      const f = checkEfisiensiTotal(ctx, t, e, data, tableMethod);
      if (f) out.push(f);
    }
  }
  return out;
}

function mean(xs: Dec[]): Dec | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a.plus(b), new Dec(0)).div(xs.length);
}

/**
 * An "Efisiensi Total" row without its own capaian and serapan: it is accepted when any
 * natural aggregate of the rows reproduces it; otherwise it cannot be derived from them.
 */
function checkEfisiensiTotal(
  ctx: CheckContext,
  t: TableRow,
  e: TableColumn,
  rows: EfisiensiRow[],
  method: MetodeEfisiensi,
): Finding | null {
  const stated = shownNumber(ctx, t.row, e.col)!;
  if (rows.length === 0) return null;
  const candidates: { name: string; value: Dec | null; quiet?: boolean }[] = [];
  candidates.push({ name: 'rata-rata baris', value: mean(rows.map((x) => x.stated.value)) });
  candidates.push({
    name: 'rata-rata hasil hitung baris',
    value: mean(
      rows.map((x) => x.derivation[method].f(x.derivation[method].inputs.map((i) => i.value))).filter((v): v is Dec => v !== null),
    ),
    quiet: true,
  });
  // A sasaran spans its continuation rows (one sasaran, several indicators).
  const groups: Dec[][] = [];
  for (const x of rows) {
    if (!x.row.continuation || groups.length === 0) groups.push([]);
    groups[groups.length - 1].push(x.stated.value);
  }
  if (groups.length < rows.length) {
    candidates.push({ name: 'rata-rata per sasaran', value: mean(groups.map((g) => mean(g)!)) });
  }
  const meanCapaian = mean(rows.map((x) => x.capaian.value))!;
  const budgets = new Map<number, { real: Dec; base: Dec }>();
  for (const x of rows) if (x.rp) budgets.set(x.budgetRow, x.rp);
  if (budgets.size > 0) {
    let real = new Dec(0);
    let base = new Dec(0);
    for (const b of budgets.values()) {
      real = real.plus(b.real);
      base = base.plus(b.base);
    }
    const s = serapan(real, base);
    if (s !== null) candidates.push({ name: 'dari total anggaran dan rata-rata capaian', value: efisiensi(meanCapaian, s, method) });
  }
  const meanSerapan = mean(rows.map((x) => x.serapanValue()))!;
  candidates.push({
    name: 'dari rata-rata capaian dan rata-rata serapan',
    value: efisiensi(meanCapaian, meanSerapan, method),
    quiet: true,
  });
  const unit = new Dec(10).pow(-stated.decimals);
  const valid = candidates.filter((c): c is { name: string; value: Dec; quiet?: boolean } => c.value !== null);
  // One unit of the last digit absorbs the hidden digits of the rows' own rounding.
  if (valid.some((c) => fits(judge(stated, c.value, null)) || c.value.minus(stated.value).abs().lte(unit))) {
    return null;
  }
  const seen = new Set<string>();
  const tried = valid
    .filter((c) => !c.quiet)
    .map((c) => `${c.name} ${formatNumber(c.value, { decimals: 2 })} %`)
    .filter((s) => (seen.has(s) ? false : (seen.add(s), true)));
  return ctx.finding({
    row: t.row,
    col: e.col,
    rule: 'rumus-kolom',
    severity: 'warning',
    actual: stated.value.toFixed(),
    expected: null,
    related: rows.map((x) => ({ row: x.row.row, col: e.col })),
    message: `Efisiensi total tertulis ${formatNumber(stated.value, { decimals: stated.decimals })} %, tidak dapat diturunkan dari baris-barisnya (${tried.join('; ')}).`,
  });
}
