import { NAMA_TANPA_AWALAN, rumusLambda } from '../rumus-lambda';

/**
 * "Pasang =CAPAIAN tanpa awalan": workbook-scoped names CAPAIAN, EFISIENSI, PREDIKAT, SERAPAN
 * holding LAMBDA definitions. Whether this Excel has LAMBDA is asked of Excel itself: a
 * throw-away name holding LAMBDA(x,x+1)(1) is 2 where LAMBDA exists and #NAME? elsewhere.
 * A second run updates the names rather than adding duplicates.
 */
const UJI = 'LembarKinerja_UjiLambda';

export async function pasangLambda(
  context: Excel.RequestContext,
): Promise<{ status: 'terpasang' | 'diperbarui' | 'tidak-didukung'; names: string[] }> {
  const names = context.workbook.names;
  const lama = NAMA_TANPA_AWALAN.map((n) => {
    const item = names.getItemOrNullObject(n);
    item.load('name');
    return item;
  });
  const leftover = names.getItemOrNullObject(UJI);
  leftover.load('name');
  await context.sync();
  if (!leftover.isNullObject) leftover.delete();
  const uji = names.add(UJI, '=LAMBDA(x,x+1)(1)');
  uji.load('value');
  await context.sync();
  const supported = String(uji.value) === '2';
  uji.delete();
  if (!supported) {
    await context.sync();
    return { status: 'tidak-didukung', names: [] };
  }
  let updated = false;
  NAMA_TANPA_AWALAN.forEach((n, i) => {
    const formula = rumusLambda(n);
    if (lama[i].isNullObject) names.add(n, formula, 'Lembar Kinerja: sama dengan SAKIP.' + n);
    else {
      lama[i].formula = formula;
      updated = true;
    }
  });
  await context.sync();
  return { status: updated ? 'diperbarui' : 'terpasang', names: [...NAMA_TANPA_AWALAN] };
}
