import { compact, Dec } from './desimal';
import { normalizeSatuan } from './satuan';
import { formatNumber as fmtPlain } from './format';

/**
 * What a cell holds, as docs/angka.md describes it. `number` is a bare number, `money` one written
 * with `Rp`/`,-` or grouped thousands, `percent` one marked with `%`, `(%)` or `persen`,
 * `quantity` a number followed by its satuan.
 */
export type NumberKind = 'number' | 'money' | 'percent' | 'quantity' | 'empty' | 'text' | 'invalid';

export type ProblemCode =
  | 'ambiguous-group' // `1.270`: 1270 or 1,27 — decided by the column, reported when it mattered
  | 'mixed-marks' // `29,822,934.850`: grouping and decimal marks that contradict each other
  | 'malformed-group' // `53.600.0000`, `96.080.00`
  | 'error-value' // `#REF!`, `#N/A` in a cell
  | 'date' // a date where a number was expected
  | 'not-a-number'; // NaN, Infinity, a boolean, scientific notation typed as text

export interface NumberProblem {
  code: ProblemCode;
  /** One Indonesian sentence a planner understands. */
  message: string;
}

export type Mark = '.' | ',';

export interface ParsedCell {
  kind: NumberKind;
  /** The exact value for number/money/percent/quantity; null otherwise. */
  value: Dec | null;
  /** Canonical satuan (`persen` for percents), null when none was written. */
  unit: string | null;
  /** The satuan as typed. */
  rawUnit: string | null;
  /** Digits shown after the decimal mark, for text input; null for native numbers. */
  decimals: number | null;
  /** A numeric value that arrived as text rather than as a spreadsheet number. */
  fromText: boolean;
  /** The cell as text, trimmed (what the user sees). */
  text: string;
  /** Shared and frozen when empty (most cells): replace it, never push to it. */
  problems: readonly NumberProblem[];
  /**
   * The other reading of an ambiguous single group (`1.270` → 1,27) or of mixed marks
   * (`29,822,934.850` → 29.822.934.850). Checks may try it; it is never used silently.
   */
  alternative: Dec | null;
  /**
   * Every reading the text allows when it has no single value (`29,822,934.850` →
   * [29822934850, 29822934.85]); absent otherwise.
   */
  readings?: Dec[];
  /** Marks seen in the numeric token, for column-level inference. */
  marks: MarkEvidence;
}

export interface MarkEvidence {
  /** The mark used as a thousands separator (certain), if any. */
  grouping: Mark | null;
  /** The mark used as the decimal mark (certain), if any. */
  decimal: Mark | null;
  /** The mark of a single ambiguous group, if any. */
  ambiguous: Mark | null;
}

export interface ParseOptions {
  /**
   * The column's decimal mark, decided from its other cells (see `inferColumnMarks`).
   * Only used to read an ambiguous single group; without it the id-ID reading wins.
   * `'none'`: the column groups thousands with both marks, so a single group is grouping.
   */
  decimalMark?: Mark | 'none';
}

const ERROR_VALUES = /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|ERROR!)$/i;
const EMPTY_TOKENS = new Set(['', '-', '–', '—', '--', 'nihil', '0 0', 'n/a', 'na']);
const NUMERIC = /^[+-]?\d[\d.,]*\d$|^[+-]?\d$/;
const LEADING_MARK = /^([+-]?)[.,](\d+)$/;
const SCIENTIFIC = /^([+-]?\d+)(?:[.,](\d+))?e([+-]?\d{1,4})$/i;
const PERCENT_SUFFIX = /\s*(%|\(\s*%\s*\)|persen|prosen)$/i;
const RP_PREFIX = /^([+-]?)\s*rp\.?\s*/i;
const DASH_SUFFIX = /[.,]-$/;
/** A number, then a satuan that starts with a letter or `(` (`34 Orang/Bulan`, `12bln`, `100 m²`). */
const QUANTITY = /^([+-]?\d[\d.,]*\d|[+-]?\d)\s*([\p{L}(][\p{L}\p{N}/().\-\s]*)$/u;
/** Spaces other than U+0020, runs of spaces, edge spaces, and the Unicode minus need cleaning. */
const NEEDS_CLEANING = /^\s|\s$|\s\s|[\u00a0\u2007\u202f\t\n\r\v\f\u2212]/;
const DOTS = /\./g;
const COMMAS = /,/g;

const NO_MARKS: MarkEvidence = Object.freeze({ grouping: null, decimal: null, ambiguous: null }) as MarkEvidence;
/**
 * One empty problem list for every cell without a problem. A check caches the parsed cells of
 * a table's columns: on a 100,000-row Renja that is 1.7 million cells, and an empty array each
 * was some 50 MB of its peak memory.
 */
const NO_PROBLEMS: readonly NumberProblem[] = Object.freeze([]);

function base(text: string, kind: NumberKind, fromText: boolean): ParsedCell {
  return {
    kind,
    value: null,
    unit: null,
    rawUnit: null,
    decimals: null,
    fromText,
    text,
    problems: NO_PROBLEMS,
    alternative: null,
    marks: NO_MARKS,
  };
}

/** An empty cell, one for all: nothing changes a parsed cell once made. */
const EMPTY_CELL: ParsedCell = Object.freeze(base('', 'empty', false));

function invalid(text: string, code: ProblemCode, message: string): ParsedCell {
  const p = base(text, 'invalid', false);
  p.problems = [{ code, message }];
  return p;
}

/** Parse one cell, whatever the host handed over, into value + kind + problems. Never throws. */
export function parseCell(input: unknown, options: ParseOptions = {}): ParsedCell {
  try {
    if (typeof input === 'string') return parseText(input, options);
    return parseNonText(input);
  } catch {
    // A last guard so one strange cell (an object whose toString throws, a pathological
    // string) cannot stop a whole check.
    return invalid(safeText(input), 'not-a-number', 'Isi sel tidak dapat dibaca sebagai angka.');
  }
}

function safeText(input: unknown): string {
  try {
    return typeof input === 'string' ? input.trim() : String(input);
  } catch {
    return '';
  }
}

function parseNonText(input: unknown): ParsedCell {
  if (input === null || input === undefined) return EMPTY_CELL;
  if (typeof input === 'number') return parseNativeNumber(input);
  if (typeof input === 'bigint') {
    const p = base(input.toString(), 'number', false);
    p.value = new Dec(input.toString());
    return p;
  }
  if (typeof input === 'boolean') {
    const text = input ? 'TRUE' : 'FALSE';
    return invalid(text, 'not-a-number', `Nilai logika ${text} bukan angka.`);
  }
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return invalid('', 'date', 'Sel berisi tanggal yang tidak sah, bukan angka.');
    const text = input.toISOString().slice(0, 10);
    return invalid(text, 'date', `Sel berisi tanggal (${text}), bukan angka.`);
  }
  return invalid(safeText(input), 'not-a-number', 'Isi sel tidak dapat dibaca sebagai angka.');
}

function parseNativeNumber(n: number): ParsedCell {
  if (!Number.isFinite(n)) return invalid(String(n), 'not-a-number', 'Nilai sel bukan angka yang sah.');
  // -0 would read as "-0" in messages; a sheet shows it as 0.
  const v = n === 0 ? 0 : n;
  const p = base(String(v), 'number', false);
  p.value = compact(new Dec(v));
  return p;
}

/** The longest of EMPTY_TOKENS; longer text is never one, so no lower-casing is needed. */
const EMPTY_TOKEN_MAX = 5;

function isEmptyToken(s: string): boolean {
  return s.length <= EMPTY_TOKEN_MAX && EMPTY_TOKENS.has(s.toLowerCase());
}

/** Cheap guards before the regexes: most cells have no `Rp` and no percent sign. */
function mayStartWithRp(s: string): boolean {
  let c = s.charCodeAt(0);
  if (c === 45 || c === 43) c = s.charCodeAt(s.charCodeAt(1) === 32 ? 2 : 1);
  return c === 82 || c === 114; // R r
}

function mayEndWithPercent(s: string): boolean {
  const c = s.charCodeAt(s.length - 1);
  return c === 37 || c === 41 || c === 110 || c === 78; // % ) n N
}

/** True when `s` is a sign-less or signed run of digits, dots and commas ending in a digit. */
function isPlainNumeric(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 64) return false;
  let i = 0;
  const c0 = s.charCodeAt(0);
  if (c0 === 45 /* - */ || c0 === 43 /* + */) i = 1;
  if (i >= n) return false;
  const first = s.charCodeAt(i);
  if (first < 48 || first > 57) return false;
  const last = s.charCodeAt(n - 1);
  if (last < 48 || last > 57) return false;
  for (let j = i + 1; j < n - 1; j++) {
    const c = s.charCodeAt(j);
    if ((c < 48 || c > 57) && c !== 46 && c !== 44) return false;
  }
  return true;
}

/**
 * The digits of money as documents print it, found by character checks: `Rp 1.234`,
 * `Rp. 1.234,00`, `Rp.1.234`, `1.234,-` (the sign-less forms the general path reads the same
 * way, with no space to clean). Null for anything else, which the general path reads.
 */
function plainMoneyToken(s: string): string | null {
  let start = 0;
  let end = s.length;
  const c0 = s.charCodeAt(0);
  if ((c0 === 82 || c0 === 114) /* R r */ && (s.charCodeAt(1) === 112 || s.charCodeAt(1) === 80) /* p P */) {
    start = 2;
    if (s.charCodeAt(start) === 46 /* . */) start++;
    if (s.charCodeAt(start) === 32) start++;
  }
  const last = s.charCodeAt(end - 1);
  const beforeLast = s.charCodeAt(end - 2);
  if (last === 45 /* - */ && (beforeLast === 44 || beforeLast === 46)) end -= 2;
  if (start === 0 && end === s.length) return null;
  const body = s.slice(start, end);
  const first = body.charCodeAt(0);
  // A sign after `Rp` is for the general path, which knows `Rp -` and `-Rp`.
  if (start > 0 && !(first >= 48 && first <= 57)) return null;
  return isPlainNumeric(body) ? body : null;
}

function parseText(raw: string, options: ParseOptions): ParsedCell {
  // Fast path: most cells of a money column are plain grouped digits (`29.822.934.000`).
  if (isPlainNumeric(raw)) return fromToken(raw, raw, 'number', null, options);
  const money = plainMoneyToken(raw);
  if (money !== null) return fromToken(raw, money, 'money', null, options);

  const text = NEEDS_CLEANING.test(raw)
    ? raw
        .replace(/[\u00a0\u2007\u202f]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : raw;
  if (isEmptyToken(text)) return base(text, 'empty', true);
  if (text.charCodeAt(0) === 35 /* # */ && ERROR_VALUES.test(text)) {
    return invalid(text, 'error-value', `Sel berisi nilai galat ${text.toUpperCase()}.`);
  }
  if (text.charCodeAt(0) === 40 /* ( */) {
    const negative = accountingNegative(text, options);
    if (negative !== null) return negative;
  }

  // U+2212 is how word processors print a minus; the user means a negative number.
  let body = text.indexOf('\u2212') >= 0 ? text.replace(/\u2212/g, '-') : text;
  let kind: NumberKind = 'number';
  let sign = '';
  const rp = mayStartWithRp(body) ? RP_PREFIX.exec(body) : null;
  if (rp) {
    sign = rp[1] === '-' ? '-' : '';
    body = body.slice(rp[0].length);
    kind = 'money';
  }
  if (DASH_SUFFIX.test(body)) {
    body = body.slice(0, -2);
    kind = 'money';
  }
  if (kind !== 'money' && mayEndWithPercent(body) && PERCENT_SUFFIX.test(body)) {
    body = body.replace(PERCENT_SUFFIX, '');
    kind = 'percent';
  }
  body = body.trim();
  // `Rp -`, `Rp. -,-`: the money form of "nothing".
  // A bare `Rp` stays text: it is the heading of a money column in many tables.
  if (kind === 'money' && body !== '' && isEmptyToken(body)) return base(text, 'empty', true);
  if (sign !== '') {
    if (body.startsWith('-') || body.startsWith('+')) return base(text, 'text', true);
    body = sign + body;
  }

  if (NUMERIC.test(body)) return fromToken(text, body, kind, null, options);

  const lead = LEADING_MARK.exec(body);
  if (lead) {
    // `,5` / `.5`: a mark that starts a number can only be a decimal mark.
    return fromToken(text, `${lead[1]}0${body.slice(lead[1].length)}`, kind, null, options);
  }

  const sci = SCIENTIFIC.exec(body);
  if (sci) return scientific(text, sci);

  const typo = letterTypo(text, body);
  if (typo !== null) return typo;

  if (kind === 'number') {
    const q = QUANTITY.exec(body);
    if (q && isPlausibleUnit(q[2])) {
      const unit = normalizeSatuan(q[2]);
      return fromToken(text, q[1], unit === 'persen' ? 'percent' : 'quantity', q[2].trim(), options);
    }
  }
  return base(text, 'text', true);
}

/**
 * Accountants write a negative amount in brackets: `(20.543.351.000)`, `(22,17)`, `(Rp 5.000)`
 * in an LRA's Surplus/(Defisit) or an APBD revision's Bertambah/(Berkurang). The bracketed text
 * is read as any other cell and negated; a bracket around a word, a sign or a satuan stays
 * text, and a malformed amount keeps its problem.
 */
function accountingNegative(text: string, options: ParseOptions): ParsedCell | null {
  if (text.charCodeAt(text.length - 1) !== 41 /* ) */) return null;
  const inner = text.slice(1, -1).trim();
  if (inner === '' || /[()\-+\u2212]/.test(inner)) return null;
  const p = parseText(inner, options);
  if (p.kind === 'text' || p.kind === 'empty' || p.kind === 'quantity') return null;
  if (p.kind === 'invalid' && !p.problems.some((x) => x.code === 'malformed-group' || x.code === 'mixed-marks')) return null;
  return {
    ...p,
    text,
    value: p.value === null ? null : p.value.neg(),
    alternative: p.alternative === null ? null : p.alternative.neg(),
    ...(p.readings === undefined ? {} : { readings: p.readings.map((r) => r.neg()) }),
  };
}

/**
 * `2,98229E+10` is what a spreadsheet writes for a long number in a narrow column: the
 * digits past the sixth are already lost, so the cell is reported, with the written value
 * offered as the alternative.
 */
function scientific(text: string, m: RegExpExecArray): ParsedCell {
  const p = invalid(
    text,
    'not-a-number',
    `Angka "${text}" ditulis dalam notasi ilmiah; nilainya mungkin sudah terpotong. Tulis angka lengkapnya.`,
  );
  p.fromText = true;
  p.alternative = new Dec(`${m[1]}${m[2] !== undefined ? '.' + m[2] : ''}e${m[3]}`);
  return p;
}

/**
 * A letter that looks like a digit typed inside a number: `1O0` (O for 0), `0,2S9` (S for 5),
 * `1.2l0.000`, or ending a decimal number (`99,8B`). Read as a quantity it would give 1 with
 * satuan "O0" or 0,2 with satuan "S9": a wrong value and a wrong capaian, with the typo cell
 * never named. A real satuan follows the number (`12bln`, `100 m2`), it does not sit inside it.
 */
const LOOKALIKE_INSIDE = /^[+-]?\d[\d.,]*([OoIlSBZGg])[\d.,]*\d$/;
const LOOKALIKE_END = /^[+-]?\d[\d.,]*[.,]\d+([OISBZG])$|^[+-]?\d+(O)$/;
const LOOKALIKE_DIGIT: Record<string, string> = { O: '0', o: '0', I: '1', l: '1', S: '5', B: '8', Z: '2', G: '6', g: '9' };

function letterTypo(text: string, body: string): ParsedCell | null {
  const c0 = body.charCodeAt(0);
  const start = c0 === 43 || c0 === 45 ? 1 : 0;
  const first = body.charCodeAt(start);
  if (!(first >= 48 && first <= 57)) return null;
  const space = body.indexOf(' ');
  const word = space < 0 ? body : body.slice(0, space);
  const m = LOOKALIKE_INSIDE.exec(word) ?? LOOKALIKE_END.exec(word);
  if (m === null) return null;
  const letter = m[1] ?? m[2];
  const p = invalid(
    text,
    'not-a-number',
    `Angka "${text}" memuat huruf "${letter}" di antara angkanya; kemungkinan salah ketik (angka ${LOOKALIKE_DIGIT[letter]}?). Perbaiki isi sel ini; nilainya tidak dihitung.`,
  );
  p.fromText = true;
  return p;
}

function isPlausibleUnit(u: string): boolean {
  const t = u.trim();
  if (t.length === 0 || t.length > 25) return false;
  const words = t.split(/[\s/]+/).filter(Boolean);
  // "1 Nilai SAKIP Dinas Sosial" is a sentence, not a satuan.
  if (words.length > 3) return false;
  // `2 x 3`, `1 - 2`: a second number means an expression or a range, not a satuan.
  return words.every((w) => /\p{L}/u.test(w));
}

function fromToken(text: string, token: string, kind: NumberKind, rawUnit: string | null, options: ParseOptions): ParsedCell {
  const read = readToken(token, options);
  if (read.isText) return base(text, 'text', true);
  const p = base(text, kind, true);
  p.marks = read.marks;
  if (read.problem !== null) p.problems = [read.problem];
  if (rawUnit !== null) {
    p.rawUnit = rawUnit;
    p.unit = normalizeSatuan(rawUnit);
  }
  if (kind === 'percent') p.unit = 'persen';
  p.alternative = read.alternative;
  if (read.readings !== null) p.readings = read.readings;
  if (read.value === null) {
    p.kind = 'invalid';
    return p;
  }
  p.value = compact(read.value);
  p.decimals = read.decimals;
  if (kind === 'number' && read.marks.grouping !== null) p.kind = 'money';
  return p;
}

interface TokenReading {
  value: Dec | null;
  decimals: number;
  alternative: Dec | null;
  readings: Dec[] | null;
  problem: NumberProblem | null;
  marks: MarkEvidence;
  /** Not a number at all: `1.1.1` numbering, `1.06.04.2.01.0001` kode. */
  isText: boolean;
}

function reading(value: Dec | null, decimals: number, marks: MarkEvidence = NO_MARKS): TokenReading {
  return { value, decimals, alternative: null, readings: null, problem: null, marks, isText: false };
}

function evidence(grouping: Mark | null, decimal: Mark | null, ambiguous: Mark | null): MarkEvidence {
  return { grouping, decimal, ambiguous };
}

/** `d{1,3}(mark d{3})+` between `start` and `end`, checked without a regex per call. */
function isGrouped(s: string, start: number, end: number, mark: number): boolean {
  let run = 0;
  let groups = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === mark) {
      if (groups === 0 ? run < 1 || run > 3 : run !== 3) return false;
      groups++;
      run = 0;
    } else if (c >= 48 && c <= 57) run++;
    else return false;
  }
  return groups > 0 && run === 3;
}

/** True when some group after the first has exactly three digits: an attempt at grouping. */
function hasThreeDigitGroup(parts: string[]): boolean {
  for (let i = 1; i < parts.length; i++) if (parts[i].length === 3) return true;
  return false;
}

function malformed(token: string): TokenReading {
  const r = reading(null, 0);
  r.problem = {
    code: 'malformed-group',
    message: `Penulisan angka "${token}" tidak sah: pemisah ribuan harus diikuti tepat tiga angka.`,
  };
  return r;
}

function isZeros(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 48) return false;
  return true;
}

function readToken(token: string, options: ParseOptions): TokenReading {
  const c0 = token.charCodeAt(0);
  const signed = c0 === 45 || c0 === 43;
  const sign = c0 === 45 ? '-' : '';
  const digits = signed ? token.slice(1) : token;
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c === 46) {
      dots++;
      lastDot = i;
    } else if (c === 44) {
      commas++;
      lastComma = i;
    }
  }

  if (dots === 0 && commas === 0) return reading(new Dec(sign + digits), 0);

  if (dots === 0 || commas === 0) {
    const mark: Mark = dots > 0 ? '.' : ',';
    if (dots + commas >= 2) {
      if (!isGrouped(digits, 0, digits.length, mark.charCodeAt(0))) {
        const parts = digits.split(mark);
        if (parts.some((x) => x === '') || hasThreeDigitGroup(parts)) return malformed(token);
        const r = reading(null, 0);
        r.isText = true;
        return r;
      }
      return reading(new Dec(sign + digits.replace(mark === '.' ? DOTS : COMMAS, '')), 0, evidence(mark, null, null));
    }
    const at = mark === '.' ? lastDot : lastComma;
    const intPart = digits.slice(0, at);
    const fracPart = digits.slice(at + 1);
    const asDecimal = new Dec(`${sign}${intPart}.${fracPart}`);
    if (fracPart.length !== 3 || intPart.length > 3 || intPart.charCodeAt(0) === 48 /* 0 */) {
      return reading(asDecimal, fracPart.length, evidence(null, mark, null));
    }
    // A single group of three digits: 1.270 or 1,270.
    const asGrouping = new Dec(sign + intPart + fracPart);
    const decimalMark = options.decimalMark ?? ',';
    const readAsDecimal = decimalMark === mark;
    const r = readAsDecimal ? reading(asDecimal, 3, evidence(null, null, mark)) : reading(asGrouping, 0, evidence(null, null, mark));
    r.alternative = readAsDecimal ? asGrouping : asDecimal;
    if (options.decimalMark === undefined) {
      // Both readings in id-ID form, built from the digits: formatNumber here would triple the
      // cost of parsing a column of `12.345` cells.
      const grouped = `${sign}${intPart}.${fracPart}`;
      const frac = fracPart.replace(/0+$/, '');
      const decimal = `${sign}${intPart}${frac === '' ? '' : ',' + frac}`;
      r.problem = {
        code: 'ambiguous-group',
        message: `Angka "${token}" dapat dibaca ${grouped} atau ${decimal}; dibaca ${readAsDecimal ? decimal : grouped} sesuai kebiasaan Indonesia.`,
      };
    }
    return r;
  }

  // Both marks: the last one is the decimal mark.
  const dec: Mark = lastDot > lastComma ? '.' : ',';
  const grp: Mark = dec === '.' ? ',' : '.';
  const at = dec === '.' ? lastDot : lastComma;
  if ((dec === '.' ? dots : commas) > 1 || !isGrouped(digits, 0, at, grp.charCodeAt(0))) return malformed(token);
  const intDigits = digits.slice(0, at).replace(grp === '.' ? DOTS : COMMAS, '');
  const fracPart = digits.slice(at + 1);
  // `,00` adds nothing to the value: decimal.js reads the digits alone faster.
  const value = new Dec(isZeros(fracPart) ? sign + intDigits : `${sign}${intDigits}.${fracPart}`);
  if (fracPart.length === 3) {
    // `29,822,934.850`: a decimal part of three digits after grouping looks like one more
    // thousands group typed with the wrong mark. Both readings are possible; say so.
    const asGrouping = new Dec(sign + intDigits + fracPart);
    const r = reading(null, 0, evidence(grp, null, null));
    r.alternative = asGrouping;
    r.readings = [asGrouping, value];
    r.problem = {
      code: 'mixed-marks',
      message: `Penulisan angka "${token}" mencampur pemisah ribuan "${grp}" dan "${dec}": dapat dibaca ${fmtPlain(asGrouping)} atau ${fmtPlain(value)}.`,
    };
    return r;
  }
  return reading(value, fracPart.length, evidence(grp, dec, null));
}

/** True for the kinds that carry a value. */
export function hasValue(p: ParsedCell): p is ParsedCell & { value: Dec } {
  return p.value !== null;
}
