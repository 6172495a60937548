import { HUNDRED } from '../angka/desimal';
import { ParsedCell } from '../angka/parse';

export interface NumberFormatInfo {
  /** The format shows the value ×100 with a % sign (Excel stores 97,10 % as 0.971). */
  percent: boolean;
  /** Decimals the format displays; null for General (shows what the value has). */
  decimals: number | null;
  /** A date or time format: the number is a date serial (Excel hands dates over this way). */
  date: boolean;
}

const GENERAL = /^(general|standard?|umum|@)?$/i;

const NO_FORMAT: NumberFormatInfo = Object.freeze({ percent: false, decimals: null, date: false });

/**
 * A sheet uses a handful of format codes over thousands of cells: each code is read once.
 * Bounded, because a host may hand over any number of distinct codes.
 */
const known = new Map<string, NumberFormatInfo>();
const KNOWN_MAX = 512;

/** Read what matters of an Excel/Sheets number format code: percent and displayed decimals. */
export function readNumberFormat(code: string | null | undefined): NumberFormatInfo {
  if (code === null || code === undefined) return NO_FORMAT;
  let f = known.get(code);
  if (f === undefined) {
    if (known.size >= KNOWN_MAX) known.clear();
    f = Object.freeze(readFormat(code));
    known.set(code, f);
  }
  return f;
}

function readFormat(code: string): NumberFormatInfo {
  // Only the positive section counts; quoted text, escapes and [colour]/[locale] tags are not digits.
  const first = code
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  if (GENERAL.test(first.trim())) return NO_FORMAT;
  // `_x` pads and `*x` fills with a character: that character is not a date part.
  const date = /[dmyhs]/i.test(first.replace(/[_*]./g, '')) && !/[0#?]/.test(first);
  if (date) return { percent: false, decimals: null, date: true };
  const percent = first.includes('%');
  const dot = first.indexOf('.');
  let decimals = 0;
  if (dot >= 0) {
    for (const ch of first.slice(dot + 1)) {
      if (ch === '0' || ch === '#' || ch === '?') decimals++;
      else if (ch !== ',') break;
    }
  }
  return { percent, decimals, date: false };
}

/**
 * A native number as the user sees it: a percent-formatted cell becomes a percent of the
 * shown magnitude (0.971 → 97,1 %), and the format's decimals become the shown decimals
 * that the rounding tolerance works with. Text cells are returned unchanged.
 */
export function applyNumberFormat(p: ParsedCell, code: string | null | undefined): ParsedCell {
  if (p.fromText || p.value === null || p.kind !== 'number') return p;
  const f = readNumberFormat(code);
  if (f.date) return dateCell(p);
  if (!f.percent && f.decimals === null) return p;
  return {
    ...p,
    kind: f.percent ? 'percent' : p.kind,
    unit: f.percent ? 'persen' : p.unit,
    value: f.percent ? p.value.times(HUNDRED) : p.value,
    decimals: f.decimals,
  };
}

/** Excel's day 0 of the 1900 date system, after its phantom 29 February 1900 (serial 60). */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * A date serial (45657 shown as 31/12/2024) is a date, not an amount: read as 45.657 it would
 * slip into a sum. The cell becomes invalid with the date as the planner sees it.
 */
function dateCell(p: ParsedCell): ParsedCell {
  const serial = p.value!.toNumber();
  const ms = EPOCH_MS + (serial < 60 ? serial + 1 : serial) * DAY_MS;
  const iso = Number.isFinite(ms) && Math.abs(ms) < 8.64e15 ? new Date(Math.round(ms)).toISOString() : null;
  const text = iso === null ? p.text : iso.slice(11, 16) === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  return {
    ...p,
    kind: 'invalid',
    value: null,
    text,
    problems: [{ code: 'date', message: `Sel berisi tanggal (${text}), bukan angka.` }],
  };
}
