import { isFungsiError, KodeGalat } from '../core/fungsi/galat';
import type { Hasil, HasilSel } from '../core/fungsi/rentang';

/**
 * A core result as an Excel custom function returns it: always a 2-D array (a single value is a
 * 1×1 range, a range spills with its shape), a blank as "" and an error as
 * CustomFunctions.Error carrying the Indonesian message Excel shows on the cell.
 */

type ErrorCodeName = 'invalidValue' | 'divisionByZero' | 'notAvailable' | 'invalidNumber';

const KODE: Record<KodeGalat, ErrorCodeName> = {
  '#VALUE!': 'invalidValue',
  '#DIV/0!': 'divisionByZero',
  '#N/A': 'notAvailable',
  '#NUM!': 'invalidNumber',
};

export interface CustomFunctionsApi {
  Error: new (code: never, message?: string) => unknown;
  ErrorCode: Record<ErrorCodeName, unknown>;
}

/** The CustomFunctions global of the Excel runtime (undefined outside Excel). */
function api(): CustomFunctionsApi {
  return (globalThis as unknown as { CustomFunctions: CustomFunctionsApi }).CustomFunctions;
}

export function keSel(v: HasilSel, cf: CustomFunctionsApi = api()): unknown {
  if (v === null) return '';
  if (isFungsiError(v)) return new cf.Error(cf.ErrorCode[KODE[v.code]] as never, v.message);
  return v;
}

export function keExcel(h: Hasil, cf: CustomFunctionsApi = api()): unknown[][] {
  if (Array.isArray(h)) return h.map((row) => row.map((v) => keSel(v, cf)));
  return [[keSel(h, cf)]];
}
