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

/** Excel shows a custom function's own message only for #VALUE! and #N/A (Microsoft Learn, "Handle and return errors from your custom function"). */
const DENGAN_PESAN = new Set<KodeGalat>(['#VALUE!', '#N/A']);

export function keSel(v: HasilSel, cf: CustomFunctionsApi = api()): unknown {
  if (v === null) return '';
  if (isFungsiError(v))
    return DENGAN_PESAN.has(v.code)
      ? new cf.Error(cf.ErrorCode[KODE[v.code]] as never, v.message)
      : new cf.Error(cf.ErrorCode[KODE[v.code]] as never);
  return v;
}

/** An error value Excel hands in (allowErrorForDataTypeAny): a CustomFunctions.Error, whose code is the cell's error text. */
function galatMasukan(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const code = (v as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('#') ? code : null;
}

/**
 * An argument as the core reads it: an error cell becomes its error text (`#N/A`), which the
 * core answers per cell like the error cells Sheets hands in; everything else is unchanged.
 */
export function dariExcel(arg: unknown): unknown {
  if (Array.isArray(arg))
    return arg.map((row) => (Array.isArray(row) ? row.map((v) => galatMasukan(v) ?? v) : (galatMasukan(row) ?? row)));
  return galatMasukan(arg) ?? arg;
}

export function keExcel(h: Hasil, cf: CustomFunctionsApi = api()): unknown[][] {
  if (Array.isArray(h)) return h.map((row) => row.map((v) => keSel(v, cf)));
  return [[keSel(h, cf)]];
}
