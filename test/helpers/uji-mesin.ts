/**
 * Test-only: HyperFormula set up as a plain en-US spreadsheet engine (`,` between arguments,
 * `.` decimals) with its smart rounding off, so results and comparisons are the raw doubles
 * an Excel-like engine computes.
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { FungsiError, HasilSel, isFungsiError } from '../../core/fungsi';

export type NilaiSel = number | string | boolean | null | FungsiError;

export function mesinBaru(sheet: (string | number | boolean | null)[][]): HyperFormula {
  return HyperFormula.buildFromArray(sheet, {
    licenseKey: 'gpl-v3',
    smartRounding: false,
    precisionEpsilon: 0,
    functionArgSeparator: ',',
    decimalSeparator: '.',
    thousandSeparator: '',
    useArrayArithmetic: false,
  });
}

/** An input cell for the engine: an error is written as the error literal formula. */
export function isiSel(v: NilaiSel): string | number | boolean | null {
  if (isFungsiError(v)) return v.code === '#DIV/0!' ? '=1/0' : v.code === '#N/A' ? '=NA()' : `=${v.code}`;
  return v;
}

/** An engine value in the core's terms: blank string → null, errors by code only. */
export function bacaMesin(v: unknown): HasilSel | boolean {
  if (v instanceof DetailedCellError) return { code: v.value as FungsiError['code'], message: '' };
  if (v === '' || v === null || v === undefined) return null;
  return v as number | string | boolean;
}

/** The core's answer without its message (native errors carry no Indonesian text). */
export function tanpaPesan(v: HasilSel): HasilSel {
  return isFungsiError(v) ? { code: v.code, message: '' } : v;
}
