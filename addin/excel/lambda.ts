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
  let supported: boolean;
  try {
    await context.sync();
    supported = String(uji.value) === '2';
  } catch {
    // An Excel without LAMBDA may refuse the name outright instead of showing #NAME?.
    supported = false;
  }
  if (supported) uji.delete();
  else names.getItemOrNullObject(UJI).delete();
  if (!supported) {
    await context.sync().catch(() => undefined);
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
  try {
    await context.sync();
  } catch {
    // Definitions of 3,500-3,800 characters are more than some Excel versions take in a name:
    // the names this run added are taken back, and the planner hears it is not supported here.
    for (const [i, n] of NAMA_TANPA_AWALAN.entries()) if (lama[i].isNullObject) names.getItemOrNullObject(n).delete();
    await context.sync().catch(() => undefined);
    return { status: 'tidak-didukung', names: [] };
  }
  return { status: updated ? 'diperbarui' : 'terpasang', names: [...NAMA_TANPA_AWALAN] };
}
