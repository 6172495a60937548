import { Dec, HUNDRED } from '../angka/desimal';
import { formatNumber } from '../angka/format';
import { capaianCepat, efisiensiCepat, serapanCepat } from '../fungsi/cepat';
import { Arah, capaian, efisiensi, MetodeEfisiensi, serapan, sisa } from '../fungsi/rumus';
import { cellAt } from '../lembar/model';
import { ColumnRole, Table, TableColumn, TableRow } from '../tata-letak/model';
import { CheckContext, TableCheck } from './konteks';
import { declaredSatuan, isAdditiveUnit } from './satuan';
import { Finding } from './temuan';
import {
  Derivation,
  fits,
  guarded,
  hiddenValue,
  Input,
  inputOf,
  isExact,
  judge,
  judgeDerivation,
  Judged,
  Shown,
  shownNumber,
  toleranceFinding,
  Verdict,
  VERDICT_RANK,
} from './toleransi';

/**
 * Rule 'rumus-kolom': every derived value a row states is recomputed from the row's own
 * cells and judged with the rounding tolerance (toleransi.ts):
 *   - a formula the number row states ("11 =10/4", "13=6+12", "8 = (7/6)");
 *   - in a T-C.29 table, the formula inferred per block from the rows themselves;
 *   - capaian = realisasi / target × 100 (arah from the indicator), serapan = realisasi Rp /
 *     anggaran × 100, sisa = pagu − realisasi, efisiensi with the method the table's rows fit.
 * A column checked by a stated or inferred formula is not checked again by its role.
 */

type Op = '+' | '-' | '*' | '/';
export type Expr = { t: 'col'; key: string } | { t: 'num'; v: Dec } | { t: 'op'; op: Op; a: Expr; b: Expr };

const PERCENT_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['capaian', 'serapan', 'efisiensi', 'tw-k']);
const LABEL: Partial<Record<ColumnRole, string>> = {
  capaian: 'Capaian',
  serapan: 'Serapan',
  efisiensi: 'Efisiensi',
  sisa: 'Sisa',
};

/** "(7)", "11.", " 4 " → "7", "11", "4": how a number-row label is referred to in a formula. */
export function labelKey(label: string): string {
  return label.replace(/[()\s[\]]/g, '').replace(/\.$/, '');
}

// ---------------------------------------------------------------- number-row formulas

/**
 * Parse a number-row formula into column arithmetic. A number is a column when the table
 * has a column of that number (100 is always the constant of ×100). Tolerates what people
 * type: "x" and "×" for times, ":" for divide, a leading "11 =", a trailing "%".
 */
export function parseFormula(text: string, isColumn: (key: string) => boolean): Expr | null {
  let s = text.trim();
  const eq = s.lastIndexOf('=');
  if (eq >= 0) s = s.slice(eq + 1);
  s = s.replace(/[xX×]/g, '*').replace(/[:÷]/g, '/').replace(/%/g, '').replace(/\s+/g, '');
  if (s === '') return null;
  const tokens = s.match(/\d+(?:[.,]\d+)?|[-+*/()]/g);
  if (!tokens || tokens.join('') !== s) return null;
  let i = 0;
  const peek = () => tokens[i];
  const factor = (): Expr | null => {
    const t = tokens[i++];
    if (t === undefined) return null;
    if (t === '(') {
      const e = sum();
      if (tokens[i++] !== ')') return null;
      return e;
    }
    if (/^\d/.test(t)) {
      if (t !== '100' && isColumn(t)) return { t: 'col', key: t };
      return { t: 'num', v: new Dec(t.replace(',', '.')) };
    }
    return null;
  };
  const product = (): Expr | null => {
    let a = factor();
    while (a !== null && (peek() === '*' || peek() === '/')) {
      const op = tokens[i++] as Op;
      const b = factor();
      a = b === null ? null : { t: 'op', op, a, b };
    }
    return a;
  };
  const sum = (): Expr | null => {
    let a = product();
    while (a !== null && (peek() === '+' || peek() === '-')) {
      const op = tokens[i++] as Op;
      const b = product();
      a = b === null ? null : { t: 'op', op, a, b };
    }
    return a;
  };
  const e = sum();
  if (e === null || i !== tokens.length || columnsOf(e).length === 0) return null;
  return e;
}

export function columnsOf(e: Expr, out: string[] = []): string[] {
  if (e.t === 'col') {
    if (!out.includes(e.key)) out.push(e.key);
  } else if (e.t === 'op') {
    columnsOf(e.a, out);
    columnsOf(e.b, out);
  }
  return out;
}

export function evaluate(e: Expr, get: (key: string) => Dec): Dec | null {
  if (e.t === 'col') return get(e.key);
  if (e.t === 'num') return e.v;
  const a = evaluate(e.a, get);
  const b = evaluate(e.b, get);
  if (a === null || b === null) return null;
  switch (e.op) {
    case '+':
      return a.plus(b);
    case '-':
      return a.minus(b);
    case '*':
      return a.times(b);
    case '/':
      return b.isZero() ? null : a.div(b);
  }
}

const PRECEDENCE: Record<Op, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };
const SHOW_OP: Record<Op, string> = { '+': '+', '-': '−', '*': '×', '/': '/' };

/** The formula with each column shown by `show`: "1 / 3 × 100", "(12 + 12) / 24 × 100". */
export function render(e: Expr, show: (key: string) => string): string {
  if (e.t === 'col') return show(e.key);
  if (e.t === 'num') return formatNumber(e.v);
  const wrap = (x: Expr, right: boolean) => {
    const inner = render(x, show);
    if (x.t !== 'op') return inner;
    const p = PRECEDENCE[x.op];
    const need = p < PRECEDENCE[e.op] || (right && p === PRECEDENCE[e.op] && (e.op === '-' || e.op === '/'));
    return need ? `(${inner})` : inner;
  };
  return `${wrap(e.a, false)} ${SHOW_OP[e.op]} ${wrap(e.b, true)}`;
}

function some(e: Expr, p: (x: Expr) => boolean): boolean {
  if (p(e)) return true;
  return e.t === 'op' && (some(e.a, p) || some(e.b, p));
}

const hasHundred = (e: Expr) => some(e, (x) => x.t === 'op' && x.op === '*' && [x.a, x.b].some((y) => y.t === 'num' && y.v.eq(100)));
const hasDivision = (e: Expr) => some(e, (x) => x.t === 'op' && x.op === '/');
/** A sum of columns: the formula adds values (of years, of parts). */
const hasColumnSum = (e: Expr) => some(e, (x) => x.t === 'op' && x.op === '+');

interface FormulaSpec {
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

/** The exact result: kept from judging, or computed now for a message. */
function computedOf(res: { d: Derivation; judged: Judged }): Dec {
  return res.judged.computed ?? res.d.f(res.d.inputs.map((x) => x.value))!;
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

function makeSpec(
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

/** The formula in doubles, for the quick screen only; the verdict itself is exact. */
function approximate(e: Expr, get: (key: string) => number): number {
  if (e.t === 'col') return get(e.key);
  if (e.t === 'num') return e.v.toNumber();
  const a = approximate(e.a, get);
  const b = approximate(e.b, get);
  switch (e.op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
  }
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

function evaluateFormulaRow(ctx: CheckContext, spec: FormulaSpec, row: number, withInterval = true): RowResult | null {
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

function reportFormulaRow(ctx: CheckContext, spec: FormulaSpec, res: RowResult): Finding | null {
  if (res.judged.verdict === 'consistent') return null;
  const keys = spec.keys;
  const computed = computedOf(res);
  const working =
    render(spec.expr, (k) => showValue(res.shownInputs[keys.indexOf(k)])) + (spec.times100 ? ' × 100' : '');
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
    hiddenHint: hint(res.d, res.judged.verdict, keys.map((k) => `kolom ${k}`)),
  });
}

function showValue(s: Shown): string {
  return formatNumber(s.value, { decimals: s.decimals });
}

function hint(d: Derivation, verdict: Verdict, names: string[]): string | null {
  if (verdict !== 'hidden-digits') return null;
  for (let i = 0; i < d.inputs.length; i++) {
    const v = hiddenValue(d.f, d.inputs, i, d.stated);
    if (v !== null) return `${names[i]} sebenarnya ${formatNumber(v)}`;
  }
  return null;
}

function checkedRows(table: Table): TableRow[] {
  return table.rows.filter((r) => r.kind === 'data' || r.kind === 'total');
}

function labelledColumns(table: Table): Map<string, TableColumn> {
  const m = new Map<string, TableColumn>();
  for (const c of table.columns) if (c.numberLabel) m.set(labelKey(c.numberLabel), c);
  return m;
}

function checkNumberFormulas(ctx: CheckContext, handled: Set<number>): Finding[] {
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

// ---------------------------------------------------------------- T-C.29

/** Formulas a T-C.29 uses without writing them, per result column (Permendagri 86/2017 numbering). */
const TC29_CANDIDATES: Record<string, string[]> = {
  '8': ['7/6*100'],
  '11': ['10/4*100', '(5+7)/4*100', '(5+7+10)/4*100'],
};

/** T-C.29 column numbers 1..11: from the number row, else from the order of the roles. */
function tc29Numbers(table: Table): Map<string, TableColumn> | null {
  const byLabel = labelledColumns(table);
  if (['4', '5', '6', '7', '8', '10', '11'].every((k) => byLabel.has(k))) return byLabel;
  const ordered = (role: ColumnRole) => table.columns.filter((c) => c.role === role).sort((a, b) => a.col - b.col);
  const t = ordered('target');
  const r = ordered('realisasi');
  const c = ordered('capaian');
  if (t.length !== 3 || r.length !== 3 || c.length !== 2) return null;
  return new Map([
    ['4', t[0]], ['5', r[0]], ['6', t[1]], ['7', r[1]], ['8', c[0]], ['9', t[2]], ['10', r[2]], ['11', c[1]],
  ]);
}

/**
 * The candidate most rows of a block fit. Ranked first without intervals (one double
 * comparison per row); only when no candidate fits half the rows that way are the
 * hidden-digit bands computed.
 */
function bestCandidate(ctx: CheckContext, specs: FormulaSpec[], rows: TableRow[]): { spec: FormulaSpec; evaluable: number } | null {
  for (const withInterval of [false, true]) {
    let best: { spec: FormulaSpec; evaluable: number; fit: number; exact: number } | null = null;
    for (const spec of specs) {
      let fit = 0;
      let exact = 0;
      let evaluable = 0;
      for (const r of rows) {
        const res = evaluateFormulaRow(ctx, spec, r.row, withInterval);
        if (res === null) continue;
        evaluable++;
        if (fits(res.judged.verdict)) fit++;
        if (res.judged.verdict === 'consistent') exact++;
      }
      if (best === null || fit > best.fit || (fit === best.fit && exact > best.exact)) best = { spec, evaluable, fit, exact };
    }
    // A candidate that most rows of the block contradict is not the block's formula.
    if (best !== null && best.fit > 0 && best.fit * 2 >= best.evaluable) return best;
  }
  return null;
}

function checkTc29(ctx: CheckContext, handled: Set<number>): Finding[] {
  const numbers = tc29Numbers(ctx.table);
  if (numbers === null) return [];
  const out: Finding[] = [];
  const blocks = new Map<number, TableRow[]>();
  for (const r of checkedRows(ctx.table)) {
    const list = blocks.get(r.block);
    if (list) list.push(r);
    else blocks.set(r.block, [r]);
  }
  for (const [key, candidates] of Object.entries(TC29_CANDIDATES)) {
    const col = numbers.get(key);
    if (col === undefined || col.numberFormula || handled.has(col.col)) continue;
    handled.add(col.col);
    const specs = candidates
      .map((text) => parseFormula(text, (k) => numbers.has(k)))
      .filter((e): e is Expr => e !== null && columnsOf(e).every((k) => numbers.has(k)))
      .map((e) => makeSpec(ctx, col, e, numbers, key, true));
    for (const rows of blocks.values()) {
      const best = bestCandidate(ctx, specs, rows);
      if (best === null) continue;
      for (const r of rows) {
        const res = evaluateFormulaRow(ctx, best.spec, r.row);
        const f = res && reportFormulaRow(ctx, best.spec, res);
        if (f) out.push(f);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- column pairing

const MONEY_BASE: ColumnRole[] = ['anggaran', 'pagu'];
const BUDGET_WORDS = /anggaran|keuangan|\brp\b|dana/i;

/**
 * The column of one of `roles` that belongs with `c`: same period, else same group, else
 * the nearest one to its left (after `after`), else the only one in the table.
 */
function partner(table: Table, c: TableColumn, roles: ColumnRole[], after = -1): TableColumn | null {
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

function previousOfRole(table: Table, c: TableColumn, role: ColumnRole): number {
  let at = -1;
  for (const x of table.columns) if (x.col < c.col && x.col > at && effectiveRole(table, x) === role) at = x.col;
  return at;
}

// ---------------------------------------------------------------- capaian

const LOWER_IS_BETTER =
  /angka kemiskinan|tingkat kemiskinan|penduduk miskin|pengangguran|angka kematian|prevalensi|stunting|angka kesakitan|gini|putus sekolah|\bwaktu\b/i;
const NOT_LOWER =
  /tepat waktu|ketepatan waktu|penurunan|menurun|berkurang|mendapat|tertangani|ditangani|terlayani|dilayani|yang menerima/i;

/** Lower is better only when the indicator clearly says so ("angka kemiskinan", "waktu pelayanan"). */
export function arahOf(indicator: string): Arah {
  return LOWER_IS_BETTER.test(indicator) && !NOT_LOWER.test(indicator) ? 'turun' : 'naik';
}

function capaianWorking(arah: Arah, r: string, t: string): string {
  switch (arah) {
    case 'naik':
      return `${r} / ${t} × 100`;
    case 'turun':
      return `(2 × ${t} − ${r}) / ${t} × 100`;
    case 'turun-rasio':
      return `${t} / ${r} × 100`;
  }
}

function indicatorText(ctx: CheckContext, row: number): string {
  const c = ctx.table.columns.find((x) => x.role === 'indikator');
  return c ? String(cellAt(ctx.sheet, row, c.col) ?? '') : '';
}

const CAPS = [new Dec(100), new Dec(120)];

function capaianDerivation(stated: Shown, re: Shown, t: Shown, inputs: () => Input[], arah: Arah): Derivation {
  const divisor = arah === 'turun-rasio' ? re.exactNum : t.exactNum;
  return {
    stated,
    approx: divisor === 0 ? undefined : capaianCepat(re.exactNum, t.exactNum, arah),
    f: (xs) => capaian(xs[0], xs[1], arah),
    get inputs() {
      return inputs();
    },
  };
}

function checkCapaian(ctx: CheckContext, handled: Set<number>): Finding[] {
  const out: Finding[] = [];
  const table = ctx.table;
  for (const c of table.columns) {
    if (c.role !== 'capaian' || handled.has(c.col) || effectiveRole(table, c) !== 'capaian') continue;
    if (table.layout === 'renja-tc29') continue; // its percent columns follow the block's inferred formula
    const after = previousOfRole(table, c, 'capaian');
    const tCol = partner(table, c, ['target'], after);
    const rCol = partner(table, c, ['realisasi'], after);
    if (tCol === null || rCol === null) continue;
    handled.add(c.col);
    const arahs = new Map<string, Arah>();
    for (const r of checkedRows(table)) {
      const stated = shownNumber(ctx, r.row, c.col);
      const t = stated && shownNumber(ctx, r.row, tCol.col);
      const re = t && shownNumber(ctx, r.row, rCol.col);
      if (stated === null || t === null || re === null) continue;
      const indicator = indicatorText(ctx, r.row);
      let arah = arahs.get(indicator);
      if (arah === undefined) arahs.set(indicator, (arah = arahOf(indicator)));
      const inputs = lazy(() => {
        const unitHint = declaredSatuan(ctx, r.row)?.unit ?? null;
        return [inputOf(re, isExact(re, rCol.money, unitHint)), inputOf(t, isExact(t, tCol.money, unitHint))];
      });
      let best: { a: Arah; d: Derivation; judged: Judged } | null = null;
      for (const a of arah === 'naik' ? (['naik'] as Arah[]) : (['turun', 'turun-rasio'] as Arah[])) {
        const d = capaianDerivation(stated, re, t, inputs, a);
        const judged = judgeDerivation(d);
        if (judged !== null && (best === null || VERDICT_RANK[judged.verdict] < VERDICT_RANK[best.judged.verdict])) {
          best = { a, d, judged };
        }
      }
      if (best === null || best.judged.verdict === 'consistent') continue;
      const computed = computedOf(best);
      const related = [{ row: r.row, col: rCol.col }, { row: r.row, col: tCol.col }];
      const base = { row: r.row, col: c.col, actual: stated.value.toFixed(), related };
      const working = capaianWorking(best.a, showValue(re), showValue(t));
      if (best.judged.verdict === 'wrong' && arah !== 'naik') {
        const naik = judgeDerivation(capaianDerivation(stated, re, t, inputs, 'naik'), false);
        if (naik?.verdict === 'consistent') {
          out.push(
            ctx.finding({
              ...base,
              rule: 'rumus-kolom',
              severity: 'info',
              expected: computed.toDecimalPlaces(2).toFixed(),
              message: `Capaian dihitung realisasi / target × 100, padahal indikator ini lebih baik bila nilainya turun; dengan rumus indikator turun hasilnya ${formatNumber(computed, { decimals: 2 })} %.`,
            }),
          );
          continue;
        }
      }
      if (best.judged.verdict === 'wrong' && CAPS.some((cap) => stated.value.eq(cap)) && computed.gt(stated.value)) {
        out.push(
          ctx.finding({
            ...base,
            rule: 'rumus-kolom',
            severity: 'info',
            expected: stated.value.toFixed(),
            message: `Capaian tertulis ${formatNumber(stated.value)} %, hasil hitung ${formatNumber(computed, { decimals: 2 })} % (${working}): tampaknya dibatasi ${formatNumber(stated.value)} %.`,
          }),
        );
        continue;
      }
      const f = toleranceFinding({
        ctx,
        row: r.row,
        col: c.col,
        label: 'Capaian',
        stated,
        computed,
        verdict: best.judged.verdict,
        working,
        percent: true,
        related,
        note: best.a === 'naik' ? undefined : `indikator turun, rumus ${best.a}`,
        hiddenHint: hint(best.d, best.judged.verdict, ['realisasi', 'target']),
      });
      if (f) out.push(f);
    }
  }
  return out;
}

// ---------------------------------------------------------------- serapan and sisa

/**
 * The budget row of a row: a continuation row with empty Anggaran cells (a second
 * indicator sharing one budget, as the IKM row under SAKIP) uses the row it continues.
 */
function budgetRow(ctx: CheckContext, index: number, base: TableColumn): number {
  const rows = ctx.table.rows;
  const row = rows[index];
  if (!row.continuation || ctx.cell(row.row, base.col).value !== null) return row.row;
  for (let i = index - 1; i >= 0; i--) {
    if (rows[i].kind === 'data' && !rows[i].continuation) return rows[i].row;
  }
  return row.row;
}

function checkSerapan(ctx: CheckContext, handled: Set<number>): Finding[] {
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

function checkSisa(ctx: CheckContext, handled: Set<number>): Finding[] {
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

// ---------------------------------------------------------------- efisiensi

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

function checkEfisiensi(ctx: CheckContext, handled: Set<number>): Finding[] {
  const out: Finding[] = [];
  const table = ctx.table;
  const lastLeftOf = (e: TableColumn, role: ColumnRole) =>
    table.columns.filter((x) => x.col < e.col && effectiveRole(table, x) === role).sort((a, b) => b.col - a.col)[0] ?? null;
  for (const e of table.columns) {
    if (e.role !== 'efisiensi' || handled.has(e.col)) continue;
    const cap = lastLeftOf(e, 'capaian');
    if (cap === null) continue;
    handled.add(e.col);
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
    const data = rows.filter((x) => x.row.kind === 'data');
    const { method, fit } = chooseMethod(data.length > 0 ? data : rows);
    const methodNote =
      fit > 0
        ? `metode ${method}: ${METHOD_FORMULA[method]}, yang cocok dengan ${fit} dari ${data.length} baris`
        : 'tidak cocok dengan metode rasio, selisih maupun sisa';
    for (const x of rows) {
      if (x.screen(method) === 'consistent') continue;
      const judged = judgeDerivation(x.derivation[method]);
      if (judged === null || judged.verdict === 'consistent') continue;
      const computed = computedOf({ d: x.derivation[method], judged });
      if (judged.verdict === 'wrong') {
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
        note: methodNote,
        hiddenHint: hint(x.derivation[method], judged.verdict, ['capaian', 'realisasi', 'anggaran']),
      });
      if (f) out.push(f);
    }
    for (const t of totals) {
      const f = checkEfisiensiTotal(ctx, t, e, data, method);
      if (f) out.push(f);
    }
  }
  return out;
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
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
    value: mean(rows.map((x) => x.derivation[method].f(x.derivation[method].inputs.map((i) => i.value))).filter((v): v is Dec => v !== null)),
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

export const check: TableCheck = guarded('rumus-kolom', (ctx) => {
  const handled = new Set<number>();
  return [
    ...checkNumberFormulas(ctx, handled),
    ...(ctx.table.layout === 'renja-tc29' ? checkTc29(ctx, handled) : []),
    ...checkCapaian(ctx, handled),
    ...checkSerapan(ctx, handled),
    ...checkSisa(ctx, handled),
    ...checkEfisiensi(ctx, handled),
  ];
});
