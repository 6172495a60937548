import { recordFormulaColumns } from './cakupan';
import { TableCheck } from './konteks';
import { checkCapaian } from './rumus/capaian';
import { checkEfisiensi } from './rumus/efisiensi';
import { checkNumberFormulas } from './rumus/kolom-nomor';
import { checkSerapan, checkSisa } from './rumus/serapan';
import { checkTc29 } from './rumus/tc29';
import { checkRelations, overruledByNumbers } from './rumus/relasi';

export { columnsOf, evaluate, labelKey, parseFormula, render } from './rumus/ekspresi';
export type { Expr } from './rumus/ekspresi';
export { arahOf } from './rumus/capaian';
export { effectiveRole } from './rumus/pasangan';

/**
 * Rule 'rumus-kolom': every derived value a row states is recomputed from the row's own
 * cells and judged with the rounding tolerance (toleransi.ts):
 *   - a formula the number row states ("11 =10/4", "13=6+12", "8 = (7/6)");
 *   - in a T-C.29 table, the formula inferred per block from the rows themselves;
 *   - capaian = realisasi / target × 100 (arah from the indicator), serapan = realisasi Rp /
 *     anggaran × 100, sisa = pagu − realisasi, efisiensi with the method the table's rows fit.
 *   - last, on the columns none of these explained, the relations the numbers show
 *     (tata-letak/relasi.ts): a percent, difference or sum of other columns.
 * A column checked by a stated or inferred formula is not checked again by its role.
 */

export const check: TableCheck = (ctx) => {
  // Where header words and numbers disagree, the numbers win: those columns skip the header checks.
  const overruled = overruledByNumbers(ctx);
  const handled = new Set<number>(overruled.keys());
  recordFormulaColumns(ctx, handled);
  return [
    ...checkNumberFormulas(ctx, handled),
    ...(ctx.table.layout === 'renja-tc29' ? checkTc29(ctx, handled) : []),
    ...checkCapaian(ctx, handled),
    ...checkSerapan(ctx, handled),
    ...checkSisa(ctx, handled),
    ...checkEfisiensi(ctx, handled),
    // Last: only columns no header word explained.
    ...checkRelations(ctx, handled, overruled),
  ];
};
