import { HUNDRED } from '../angka/desimal';
import { ParsedCell } from '../angka/parse';

export interface NumberFormatInfo {
  /** The format shows the value ×100 with a % sign (Excel stores 97,10 % as 0.971). */
  percent: boolean;
  /** Decimals the format displays; null for General (shows what the value has). */
  decimals: number | null;
}

const GENERAL = /^(general|standar|umum|@)?$/i;

const NO_FORMAT: NumberFormatInfo = Object.freeze({ percent: false, decimals: null });

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
  if (GENERAL.test(code.trim())) return NO_FORMAT;
  // Only the positive section counts; quoted text, escapes and [colour]/[locale] tags are not digits.
  const first = code.split(';')[0].replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  const percent = first.includes('%');
  const dot = first.indexOf('.');
  let decimals = 0;
  if (dot >= 0) {
    for (const ch of first.slice(dot + 1)) {
      if (ch === '0' || ch === '#' || ch === '?') decimals++;
      else if (ch !== ',') break;
    }
  }
  return { percent, decimals };
}

/**
 * A native number as the user sees it: a percent-formatted cell becomes a percent of the
 * shown magnitude (0.971 → 97,1 %), and the format's decimals become the shown decimals
 * that the rounding tolerance works with. Text cells are returned unchanged.
 */
export function applyNumberFormat(p: ParsedCell, code: string | null | undefined): ParsedCell {
  if (p.fromText || p.value === null || p.kind !== 'number') return p;
  const f = readNumberFormat(code);
  if (!f.percent && f.decimals === null) return p;
  return {
    ...p,
    kind: f.percent ? 'percent' : p.kind,
    unit: f.percent ? 'persen' : p.unit,
    value: f.percent ? p.value.times(HUNDRED) : p.value,
    decimals: f.decimals,
  };
}
