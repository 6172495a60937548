import { excelCustomFunctionsSource } from '../core/fungsi/dokumentasi';

/**
 * The text of addin/fungsi.js: the custom functions Excel registers under SAKIP., generated
 * from the core registry (core/fungsi/dokumentasi.ts) so the descriptions Excel shows are the
 * registry's. The file is committed because the metadata generator reads a source file; a test
 * fails when it differs from this text (regenerate with LK_TULIS=1 npx jest addin/fungsi).
 *
 * Top-level `function` declarations on purpose: the metadata generator skips arrow functions.
 * No Office API call happens inside a function, so they also run in a plain page.
 */
export function sumberFungsiExcel(): string {
  const header = [
    '// GENERATED from core/fungsi/registry.ts by addin/fungsi-sumber.ts: do not edit by hand.',
    "import * as inti from '../core/fungsi/spreadsheet';",
    "import { dariExcel, keExcel } from './fungsi-excel';",
    '',
    '',
  ].join('\n');
  // Excel hands an omitted optional argument as null or undefined; the core reads both as blank.
  // An error cell in an argument arrives as an error object (functions.json allows errors for
  // `any`); dariExcel hands the core its error text, so only that cell's result is an error.
  return (
    header +
    excelCustomFunctionsSource((f, params) => `return keExcel(inti.${f.name}(${params.map((p) => `dariExcel(${p})`).join(', ')}));`)
  );
}
