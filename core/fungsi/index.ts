/**
 * The spreadsheet functions as the hosts use them: the five functions, their error value, the
 * registry that describes them and the documentation generated from it. The formulas
 * (rumus.ts) and scales (skala.ts) are imported from their own modules.
 */
export { CAPAIAN, EFISIENSI, NILAI_EFISIENSI, PREDIKAT, SERAPAN } from './spreadsheet';
export { galat, isFungsiError, KODE_GALAT } from './galat';
export type { FungsiError, KodeGalat } from './galat';
export type { Hasil, HasilSel } from './rentang';
export { FUNGSI, findFungsi, signature } from './registry';
export type { FungsiInfo, ParamInfo, ContohInfo, JenisParam } from './registry';
export {
  cliHelp,
  cliHelpFungsi,
  excelCustomFunction,
  excelCustomFunctionsSource,
  sheetsCustomFunction,
  sheetsCustomFunctionsSource,
} from './dokumentasi';
export type { BodyFor } from './dokumentasi';
