import { Dec, roundHalfUp, toDouble } from '../angka/desimal';
import { formatNumber } from '../angka/format';
import { ParsedCell } from '../angka/parse';
import { applyNumberFormat } from '../lembar/format-sel';
import { cellAt } from '../lembar/model';
import { CheckContext } from './konteks';
import { Finding } from './temuan';

/**
 * The rounding tolerance of docs/pemeriksaan.md, shared by every check that compares a stated derived
 * value (capaian, serapan, efisiensi, a number-row formula) with what its inputs give.
 *
 * A stated value S shown with k decimals is judged against C, the exact result from the
 * inputs as shown, and against the interval the inputs allow when each input shown with j
 * decimals may hide digits (± 0,5·10⁻ʲ):
 *   consistent      S = C rounded half-up to k decimals;
 *   truncated       S = C cut to k decimals (8,92 written 8);
 *   double-rounded  S = C rounded to k+1 decimals, then to k (8,449 → 8,45 → 8,5);
 *   hidden-digits   S, widened by its own display rounding, meets the interval: it only
 *                   matches if the inputs carry digits the table does not show;
 *   wrong           none of the above.
 * Money and counts of discrete things are exact inputs: they have no ± band.
 */

export type Verdict = 'consistent' | 'truncated' | 'double-rounded' | 'hidden-digits' | 'wrong';

export interface Interval {
  lo: Dec;
  hi: Dec;
}

/** A number as the user sees it: the displayed value and the decimals it shows. */
export interface Shown {
  value: Dec;
  decimals: number;
  cell: ParsedCell;
  /** The displayed value as a double, for the quick screen. */
  num: number;
  /**
   * What a formula computes with: the full stored value of a native number (the sheet keeps
   * every digit, whatever the format shows), the written value of text.
   */
  exact: Dec;
  exactNum: number;
  /** A native number: as an input it hides no digits. */
  native: boolean;
}

/** An input of a formula: its shown value ± half a unit of its last shown digit (0 when exact). */
export interface Input {
  value: Dec;
  half: Dec;
  decimals: number;
}

/** A native number with General format shows at most this many decimals worth judging. */
const MAX_NATIVE_DECIMALS = 9;

/**
 * The cell's number as displayed: text keeps its written decimals; a native number takes
 * the decimals (and the ×100 of a percent format) of its number format, or, with General
 * format, its own digits up to nine decimals. Null when the cell holds no number.
 */
export function shownNumber(ctx: CheckContext, row: number, col: number): Shown | null {
  // Several checks read one cell: the context caches the parse, this caches the reading.
  let cache = SHOWN.get(ctx);
  if (cache === undefined) SHOWN.set(ctx, (cache = new Map()));
  const key = row * CACHE_WIDTH + col;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const shown = readShown(ctx, row, col);
  cache.set(key, shown);
  return shown;
}

function readShown(ctx: CheckContext, row: number, col: number): Shown | null {
  const parsed = ctx.cell(row, col);
  if (parsed.value === null) return null;
  const cell = parsed.fromText ? parsed : applyNumberFormat(parsed, ctx.sheet.numberFormats?.[row]?.[col]);
  const full = cell.value!;
  if (cell.fromText) {
    const num = toDouble(full);
    return { value: full, decimals: cell.decimals!, cell, num, exact: full, exactNum: num, native: false };
  }
  const decimals = cell.decimals ?? Math.min(Math.max(0, full.decimalPlaces()), MAX_NATIVE_DECIMALS);
  const value = roundHalfUp(full, decimals);
  // A percent format shows the stored fraction ×100: the stored number is no longer `raw`.
  const raw = cellAt(ctx.sheet, row, col);
  const exactNum = typeof raw === 'number' && full.eq(raw) ? raw : toDouble(full);
  return { value, decimals, cell, num: value.eq(full) ? exactNum : toDouble(value), exact: full, exactNum, native: true };
}

/** One cache per check context (one table): a WeakMap entry per table, not per cell. */
const SHOWN = new WeakMap<CheckContext, Map<number, Shown | null>>();
const CACHE_WIDTH = 1 << 14;

/**
 * Satuan of discrete things: a quantity counted in these is exact. Administrative areas
 * (kec, desa) are counted too, even though they do not add up across years.
 */
const COUNT_UNITS = new Set([
  'dokumen',
  'orang',
  'bulan',
  'kali',
  'unit',
  'paket',
  'lembaga',
  'kk',
  'keluarga',
  'desa',
  'kec',
  'kecamatan',
  'kelurahan',
  'desa/kelurahan',
  'klien',
  'anak',
  'makam',
  'laporan',
  'kegiatan',
  'buah',
  'kelompok',
  'tahun',
  'stel',
  'asn',
  'kpm',
  'orang/bulan',
  'jiwa',
  'pegawai',
  'peserta',
  'rumah',
  'titik',
  'lokasi',
  'set',
  'eksemplar',
  'sekolah',
  'hari',
  'minggu',
  'lembar',
  'berkas',
  'surat',
  'pokja',
  'forum',
  'rt',
  'rw',
  'ekor',
  'pasang',
]);

export function isCountUnit(unit: string | null | undefined): boolean {
  return unit !== null && unit !== undefined && COUNT_UNITS.has(unit);
}

/**
 * Whether an input is exact: money (a money column, or a cell written as money) and whole
 * counts of discrete things. Percents, indices, scores and bare numbers may hide digits.
 * `unitHint` is the row's declared satuan, for bare numbers in a table with a Satuan column.
 */
export function isExact(shown: Shown, moneyColumn: boolean, unitHint: string | null = null): boolean {
  if (moneyColumn || shown.cell.kind === 'money') return true;
  if (!shown.value.isInteger()) return false;
  if (shown.cell.kind === 'quantity') return isCountUnit(shown.cell.unit);
  if (shown.cell.kind === 'number') return isCountUnit(unitHint);
  return false;
}

const ZERO = new Dec(0);
const HALVES: Dec[] = [];

/** Half a unit of the last shown digit: the display band of a value shown with k decimals. */
export function displayHalf(decimals: number): Dec {
  let h = HALVES[decimals];
  if (h === undefined) {
    h = new Dec(10).pow(-decimals).div(2);
    if (decimals >= 0 && decimals < 64) HALVES[decimals] = h;
  }
  return h;
}

/**
 * An input as a formula meets it: a native number in full and exact; a written number as
 * written, with the band of its last digit unless it is exact by nature.
 */
export function inputOf(shown: Shown, exact: boolean): Input {
  if (shown.native) return { value: shown.exact, half: ZERO, decimals: Math.max(0, shown.exact.decimalPlaces()) };
  return { value: shown.value, half: exact ? ZERO : displayHalf(shown.decimals), decimals: shown.decimals };
}

/** Most corners evaluated for an interval: 2⁸ combinations. */
const MAX_VARYING_INPUTS = 8;

/**
 * The range of f over the box of its inputs' bands, from the box's corners. Sound for the
 * formulas of this project, each monotone in every argument while denominators keep their
 * sign. A band that reaches zero could be a denominator changing sign, where corners say
 * nothing: then, and when a corner has no result, there is no interval (null).
 */
export function rangeOf(f: (xs: Dec[]) => Dec | null, inputs: readonly Input[]): Interval | null {
  const varying = inputs.map((x, i) => (x.half.isZero() ? -1 : i)).filter((i) => i >= 0);
  if (varying.length > MAX_VARYING_INPUTS) return null;
  if (varying.some((i) => inputs[i].value.abs().lte(inputs[i].half))) return null;
  let lo: Dec | null = null;
  let hi: Dec | null = null;
  for (let mask = 0; mask < 1 << varying.length; mask++) {
    const xs = inputs.map((x) => x.value);
    varying.forEach((i, bit) => {
      xs[i] = mask & (1 << bit) ? inputs[i].value.plus(inputs[i].half) : inputs[i].value.minus(inputs[i].half);
    });
    const y = f(xs);
    if (y === null || !y.isFinite()) return null;
    if (lo === null || y.lt(lo)) lo = y;
    if (hi === null || y.gt(hi)) hi = y;
  }
  return lo === null || hi === null ? null : { lo, hi };
}

/**
 * Judge a stated value against the exact result of its shown inputs. `allowed` is computed
 * only when needed (most cells are consistent), so a caller passes a thunk.
 */
export function judge(
  stated: { value: Dec; decimals: number },
  computed: Dec,
  allowed: (() => Interval | null) | Interval | null,
): Verdict {
  const k = stated.decimals;
  const s = stated.value;
  if (roundHalfUp(computed, k).eq(s)) return 'consistent';
  if (computed.toDecimalPlaces(k, Dec.ROUND_DOWN).eq(s)) return 'truncated';
  if (roundHalfUp(roundHalfUp(computed, k + 1), k).eq(s)) return 'double-rounded';
  const band = typeof allowed === 'function' ? allowed() : allowed;
  if (band !== null) {
    const h = displayHalf(k);
    if (s.minus(h).lte(band.hi) && s.plus(h).gte(band.lo)) return 'hidden-digits';
  }
  return 'wrong';
}

/** Better verdicts first: used to pick the best of several candidate formulas. */
export const VERDICT_RANK: Record<Verdict, number> = {
  consistent: 0,
  truncated: 1,
  'double-rounded': 2,
  'hidden-digits': 3,
  wrong: 4,
};

export function fits(v: Verdict): boolean {
  return v !== 'wrong';
}

/**
 * A value of one input that would make f land on the stated value's display band, the other
 * inputs as shown: "realisasi ≈ 0,0384". Found by bisection inside the input's own band, so
 * it never re-derives a formula; null when varying that input alone cannot explain S.
 */
export function hiddenValue(
  f: (xs: Dec[]) => Dec | null,
  inputs: readonly Input[],
  index: number,
  stated: { value: Dec; decimals: number },
): Dec | null {
  const x = inputs[index];
  if (x.half.isZero()) return null;
  const at = (v: Dec): Dec | null => f(inputs.map((inp, i) => (i === index ? v : inp.value)));
  const lo = x.value.minus(x.half);
  const hi = x.value.plus(x.half);
  const flo = at(lo);
  const fhi = at(hi);
  if (flo === null || fhi === null) return null;
  const h = displayHalf(stated.decimals);
  const [fmin, fmax] = flo.lte(fhi) ? [flo, fhi] : [fhi, flo];
  if (stated.value.minus(h).gt(fmax) || stated.value.plus(h).lt(fmin)) return null;
  const goal = Dec.min(Dec.max(stated.value, fmin), fmax);
  const increasing = flo.lte(fhi);
  let a = lo;
  let b = hi;
  for (let i = 0; i < 60; i++) {
    const m = a.plus(b).div(2);
    const fm = at(m);
    if (fm === null) return null;
    if (fm.lt(goal) === increasing) a = m;
    else b = m;
  }
  const found = a.plus(b).div(2);
  // The shortest writing of the value that still lands in the band and reads as the shown input.
  for (let d = x.decimals + 1; d <= x.decimals + 6; d++) {
    const r = roundHalfUp(found, d);
    const fr = at(r);
    if (fr !== null && fr.minus(stated.value).abs().lte(h) && r.gte(lo) && r.lte(hi)) return r;
  }
  return roundHalfUp(found, x.decimals + 6);
}

/**
 * The quick screen: decide from a double close to the exact result whether the stated value
 * is certainly consistent, certainly more than one unit of its last digit away ('far': only
 * hidden digits could explain it), or too close to a rounding boundary to tell ('unsure':
 * decide exactly). `approx` must be within a few ulps of the exact result (the fast paths
 * of core/fungsi/cepat.ts, or double arithmetic on the shown inputs).
 */
export function quickVerdict(
  stated: Pick<Shown, 'num' | 'decimals'>,
  approx: number,
  approxError = 0,
): 'consistent' | 'far' | 'unsure' {
  if (!Number.isFinite(approx)) return 'unsure';
  const unit = UNITS[stated.decimals] ?? 10 ** -stated.decimals;
  const margin = Math.max(approxError, 1e-9 * Math.max(1, Math.abs(stated.num), Math.abs(approx)));
  const gap = Math.abs(approx - stated.num);
  if (gap < unit / 2 - margin) return 'consistent';
  if (gap > unit + margin) return 'far';
  return 'unsure';
}

const UNITS: readonly number[] = Array.from({ length: 16 }, (_, k) => 10 ** -k);

/** One derived value of one row, ready to be judged: quickly when possible, exactly when needed. */
export interface Derivation {
  stated: Shown;
  /** A double close to the exact result, or undefined when there is none. */
  approx: number | undefined;
  /** A bound on |approx − exact| beyond double rounding, when approx was computed from rounded parts. */
  approxError?: number;
  /** The exact result of the formula on the shown inputs (rumus.ts), null for a zero divisor. */
  f: (xs: Dec[]) => Dec | null;
  inputs: Input[];
}

export interface Judged {
  verdict: Verdict;
  /** The exact result; computed only when the verdict is not a quick 'consistent'. */
  computed: Dec | null;
}

/**
 * judge() with the quick screen in front, so a clean table costs one double comparison per
 * cell. Without `withInterval` a value only hidden digits could explain counts as wrong
 * (used to rank candidate formulas cheaply).
 */
export function judgeDerivation(d: Derivation, withInterval = true): Judged | null {
  const quick = d.approx === undefined ? 'unsure' : quickVerdict(d.stated, d.approx, d.approxError);
  if (quick === 'consistent') return { verdict: 'consistent', computed: null };
  if (quick === 'far' && !withInterval) return { verdict: 'wrong', computed: null };
  const computed = d.f(d.inputs.map((x) => x.value));
  if (computed === null) return null;
  return { verdict: judge(d.stated, computed, withInterval ? () => rangeOf(d.f, d.inputs) : null), computed };
}

export interface ToleranceReport {
  ctx: CheckContext;
  row: number;
  col: number;
  /** "Capaian", "Serapan", "Efisiensi", "Kolom 11": what the cell is, capitalised. */
  label: string;
  stated: Shown;
  computed: Dec;
  verdict: Verdict;
  /** The computation with the shown numbers: "1 / 3 × 100". */
  working: string;
  percent: boolean;
  related: { row: number; col: number }[];
  /** Added to the hidden-digits warning: "realisasi sebenarnya ≈ 0,0384". */
  hiddenHint?: string | null;
  /** Added after the working: "rumus kolom 11 = 10 / 4 × 100", "metode rasio". */
  note?: string;
}

/**
 * The finding for a verdict, in the project's words: nothing when consistent, a rounding
 * note (info) for truncation or double rounding, a rounding warning when only hidden digits
 * explain it, a rumus-kolom error otherwise.
 */
export function toleranceFinding(r: ToleranceReport): Finding | null {
  if (r.verdict === 'consistent') return null;
  const u = r.percent ? ' %' : '';
  const k = r.stated.decimals;
  const said = formatNumber(r.stated.value, { decimals: k }) + u;
  const shownK = Math.max(k, 2);
  const exact = formatNumber(r.computed, { decimals: shownK }) + u;
  const rounded = roundHalfUp(r.computed, k);
  const roundedText = formatNumber(rounded, { decimals: k }) + u;
  const base = { row: r.row, col: r.col, actual: r.stated.value.toFixed(), related: r.related };
  const working = r.note ? `${r.working}; ${r.note}` : r.working;
  switch (r.verdict) {
    case 'truncated':
      return r.ctx.finding({
        ...base,
        rule: 'pembulatan',
        severity: 'info',
        expected: rounded.toFixed(),
        message: `${r.label} tertulis ${said}, hasil hitung ${exact} dibulatkan menjadi ${roundedText} (${working}): angka terpotong, bukan dibulatkan.`,
      });
    case 'double-rounded':
      return r.ctx.finding({
        ...base,
        rule: 'pembulatan',
        severity: 'info',
        expected: rounded.toFixed(),
        message: `${r.label} tertulis ${said}, hasil hitung ${formatNumber(r.computed, { decimals: k + 2 })}${u} dibulatkan menjadi ${roundedText} (${working}): dibulatkan dua kali.`,
      });
    case 'hidden-digits': {
      const hint = r.hiddenHint ? `, misalnya ${r.hiddenHint}` : '';
      return r.ctx.finding({
        ...base,
        rule: 'pembulatan',
        severity: 'warning',
        expected: rounded.toFixed(),
        message: `${r.label} tertulis ${said}, sedangkan angka yang tampak memberi ${exact} (${working}); hanya cocok bila angka masukannya memiliki digit yang tidak ditampilkan${hint}.`,
      });
    }
    case 'wrong':
      return r.ctx.finding({
        ...base,
        rule: 'rumus-kolom',
        severity: 'error',
        expected: roundHalfUp(r.computed, shownK).toFixed(),
        message: `${r.label} tertulis ${said}, seharusnya ${exact} (${working}).`,
      });
  }
}
