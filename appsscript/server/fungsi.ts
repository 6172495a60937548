import { isFungsiError } from '../../core/fungsi/galat';
import { FUNGSI } from '../../core/fungsi/registry';
import type { Hasil, HasilSel } from '../../core/fungsi/rentang';

/**
 * The registry's functions as Sheets custom functions. Sheets shows a thrown Error's message
 * on the cell (#ERROR!), and has no per-cell error value in an array result: a single value's
 * error is thrown; in a range, an error cell shows its code and message as text, so one zero
 * target does not blank a whole column, and a call where every cell fails (a bad `arah`) throws.
 */

export type SheetsValue = number | string;
export type SheetsResult = SheetsValue | SheetsValue[][];

function sel(v: HasilSel): SheetsValue {
  if (v === null) return '';
  if (isFungsiError(v)) return `${v.code} ${v.message}`;
  return v;
}

export function keSheets(h: Hasil): SheetsResult {
  if (!Array.isArray(h)) {
    if (isFungsiError(h)) throw new Error(h.message);
    return sel(h);
  }
  let first: HasilSel = null;
  let allErrors = true;
  for (const row of h) {
    for (const v of row) {
      if (isFungsiError(v)) {
        if (first === null) first = v;
      } else allErrors = false;
    }
  }
  if (allErrors && first !== null && isFungsiError(first)) throw new Error(first.message);
  return h.map((row) => row.map(sel));
}

/** Sheets passes a blank cell as ''; an omitted optional argument arrives as undefined. */
export function fungsiSheets(): Record<string, (...args: unknown[]) => SheetsResult> {
  const out: Record<string, (...args: unknown[]) => SheetsResult> = {};
  for (const f of FUNGSI) out[f.name] = (...args: unknown[]) => keSheets(f.impl(...args));
  return out;
}
