import { Dec } from './desimal';
import { normalizeSatuan } from './satuan';
import { formatNumber as fmtPlain } from './format';

/**
 * What a cell holds, as SPEC §1 describes it. `number` is a bare number, `money` one written
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
  | 'not-a-number'; // NaN, Infinity, a boolean

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
  problems: NumberProblem[];
  /**
   * The other reading of an ambiguous single group (`1.270` → 1,27) or of mixed marks
   * (`29,822,934.850` → 29.822.934.850). Checks may try it; it is never used silently.
   */
  alternative: Dec | null;
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
   */
  decimalMark?: Mark | 'none';
}

const ERROR_VALUES = /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|ERROR!)$/i;
const EMPTY_TOKENS = new Set(['', '-', '–', '—', '--', 'nihil', '0 0', 'n/a', 'na']);
const NUMERIC = /^[+-]?\d[\d.,]*$/;
const PERCENT_SUFFIX = /\s*(%|\(\s*%\s*\)|persen|prosen)$/i;
const RP_PREFIX = /^rp\.?\s*/i;
const DASH_SUFFIX = /[.,]-$/;
const QUANTITY = /^([+-]?\d[\d.,]*\d|\d)\s*([A-Za-z/(][A-Za-z0-9/().\-\s]*)$/;

const NO_MARKS: MarkEvidence = { grouping: null, decimal: null, ambiguous: null };

function base(text: string, kind: NumberKind, fromText: boolean): ParsedCell {
  return {
    kind,
    value: null,
    unit: null,
    rawUnit: null,
    decimals: null,
    fromText,
    text,
    problems: [],
    alternative: null,
    marks: NO_MARKS,
  };
}

/** Parse one cell, whatever the host handed over, into value + kind + problems. Never throws. */
export function parseCell(input: unknown, options: ParseOptions = {}): ParsedCell {
  if (input === null || input === undefined) return base('', 'empty', false);
  if (typeof input === 'number') return parseNativeNumber(input);
  if (typeof input === 'boolean') {
    const p = base(input ? 'TRUE' : 'FALSE', 'invalid', false);
    p.problems.push({ code: 'not-a-number', message: `Nilai logika ${p.text} bukan angka.` });
    return p;
  }
  if (input instanceof Date) {
    const p = base(input.toISOString().slice(0, 10), 'invalid', false);
    p.problems.push({ code: 'date', message: `Sel berisi tanggal (${p.text}), bukan angka.` });
    return p;
  }
  if (typeof input !== 'string') {
    const p = base(String(input), 'invalid', false);
    p.problems.push({ code: 'not-a-number', message: 'Isi sel tidak dapat dibaca sebagai angka.' });
    return p;
  }
  return parseText(input, options);
}

function parseNativeNumber(n: number): ParsedCell {
  if (!Number.isFinite(n)) {
    const p = base(String(n), 'invalid', false);
    p.problems.push({ code: 'not-a-number', message: 'Nilai sel bukan angka yang sah.' });
    return p;
  }
  const p = base(String(n), 'number', false);
  p.value = new Dec(n);
  return p;
}

function parseText(raw: string, options: ParseOptions): ParsedCell {
  const text = raw.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
  if (EMPTY_TOKENS.has(text.toLowerCase())) return base(text, 'empty', true);
  if (ERROR_VALUES.test(text)) {
    const p = base(text, 'invalid', false);
    p.problems.push({ code: 'error-value', message: `Sel berisi nilai galat ${text.toUpperCase()}.` });
    return p;
  }

  let body = text;
  let kind: NumberKind = 'number';
  if (RP_PREFIX.test(body)) {
    body = body.replace(RP_PREFIX, '');
    kind = 'money';
  }
  if (DASH_SUFFIX.test(body)) {
    body = body.replace(DASH_SUFFIX, '');
    kind = 'money';
  }
  if (kind !== 'money' && PERCENT_SUFFIX.test(body)) {
    body = body.replace(PERCENT_SUFFIX, '').trim();
    kind = 'percent';
  }
  body = body.trim();

  if (NUMERIC.test(body) && /\d$/.test(body)) {
    return fromToken(text, body, kind, null, options);
  }
  if (kind === 'number') {
    const q = QUANTITY.exec(body);
    if (q && isPlausibleUnit(q[2])) {
      const unit = normalizeSatuan(q[2]);
      return fromToken(text, q[1], unit === 'persen' ? 'percent' : 'quantity', q[2].trim(), options);
    }
  }
  return base(text, 'text', true);
}

function isPlausibleUnit(u: string): boolean {
  const t = u.trim();
  if (t.length === 0 || t.length > 25) return false;
  // "1 Nilai SAKIP Dinas Sosial" is a sentence, not a satuan.
  return t.split(/[\s/]+/).filter(Boolean).length <= 3;
}

function fromToken(
  text: string,
  token: string,
  kind: NumberKind,
  rawUnit: string | null,
  options: ParseOptions,
): ParsedCell {
  const read = readToken(token, options);
  const p = base(text, kind, true);
  p.marks = read.marks;
  p.problems.push(...read.problems);
  if (rawUnit !== null) {
    p.rawUnit = rawUnit;
    p.unit = normalizeSatuan(rawUnit);
  }
  if (kind === 'percent') p.unit = 'persen';
  if (read.value === null) {
    p.kind = 'invalid';
    p.alternative = read.alternative;
    return p;
  }
  p.value = read.value;
  p.decimals = read.decimals;
  p.alternative = read.alternative;
  if (kind === 'number' && read.marks.grouping !== null) p.kind = 'money';
  return p;
}

interface TokenReading {
  value: Dec | null;
  decimals: number;
  alternative: Dec | null;
  problems: NumberProblem[];
  marks: MarkEvidence;
}

const other = (m: Mark): Mark => (m === '.' ? ',' : '.');

function groupedPattern(mark: Mark): RegExp {
  const m = mark === '.' ? '\\.' : ',';
  return new RegExp(`^\\d{1,3}(${m}\\d{3})+$`);
}

function readToken(token: string, options: ParseOptions): TokenReading {
  const sign = token.startsWith('-') ? '-' : '';
  const digits = token.replace(/^[+-]/, '');
  const dots = (digits.match(/\./g) ?? []).length;
  const commas = (digits.match(/,/g) ?? []).length;
  const result = (value: Dec | null, decimals: number, marks: Partial<MarkEvidence> = {}): TokenReading => ({
    value,
    decimals,
    alternative: null,
    problems: [],
    marks: { ...NO_MARKS, ...marks },
  });
  const malformed = (): TokenReading => {
    const r = result(null, 0);
    r.problems.push({
      code: 'malformed-group',
      message: `Penulisan angka "${token}" tidak sah: pemisah ribuan harus diikuti tepat tiga angka.`,
    });
    return r;
  };

  if (dots === 0 && commas === 0) return result(new Dec(sign + digits), 0);

  if (dots === 0 || commas === 0) {
    const mark: Mark = dots > 0 ? '.' : ',';
    const count = dots + commas;
    if (count >= 2) {
      if (!groupedPattern(mark).test(digits)) return malformed();
      return result(new Dec(sign + digits.split(mark).join('')), 0, { grouping: mark });
    }
    const [intPart, fracPart] = digits.split(mark);
    const asDecimal = new Dec(`${sign}${intPart}.${fracPart}`);
    if (fracPart.length !== 3 || intPart === '0' || intPart.length > 3 || /^0/.test(intPart)) {
      return result(asDecimal, fracPart.length, { decimal: mark });
    }
    // A single group of three digits: 1.270 or 1,270.
    const asGrouping = new Dec(sign + intPart + fracPart);
    // 'none': the column groups thousands with both marks, so a single group is grouping too.
    const decimalMark = options.decimalMark ?? ',';
    const r =
      decimalMark === mark
        ? result(asDecimal, 3, { ambiguous: mark })
        : result(asGrouping, 0, { ambiguous: mark });
    r.alternative = decimalMark === mark ? asGrouping : asDecimal;
    if (options.decimalMark === undefined) {
      r.problems.push({
        code: 'ambiguous-group',
        message: `Angka "${token}" dapat dibaca ${fmtPlain(asGrouping)} atau ${fmtPlain(asDecimal)}; dibaca ${fmtPlain(r.value!)} sesuai kebiasaan Indonesia.`,
      });
    }
    return r;
  }

  // Both marks: the last one is the decimal mark.
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  const dec: Mark = lastDot > lastComma ? '.' : ',';
  const grp = other(dec);
  const at = Math.max(lastDot, lastComma);
  const intPart = digits.slice(0, at);
  const fracPart = digits.slice(at + 1);
  if (intPart.includes(dec) || !groupedPattern(grp).test(intPart)) return malformed();
  const value = new Dec(`${sign}${intPart.split(grp).join('')}.${fracPart}`);
  if (fracPart.length === 3) {
    // `29,822,934.850`: a decimal part of three digits after grouping looks like one more
    // thousands group typed with the wrong mark. Both readings are possible; say so.
    const asGrouping = new Dec(sign + intPart.split(grp).join('') + fracPart);
    const r = result(null, 0, { grouping: grp });
    r.alternative = asGrouping;
    r.problems.push({
      code: 'mixed-marks',
      message: `Penulisan angka "${token}" mencampur pemisah ribuan "${grp}" dan "${dec}": dapat dibaca ${fmtPlain(asGrouping)} atau ${fmtPlain(value)}.`,
    });
    return r;
  }
  return result(value, fracPart.length, { grouping: grp, decimal: dec });
}

/** True for the kinds that carry a value. */
export function hasValue(p: ParsedCell): p is ParsedCell & { value: Dec } {
  return p.value !== null;
}
