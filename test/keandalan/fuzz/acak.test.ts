import fc from 'fast-check';
import { pengintaiBerkas } from './galat-tersembunyi';
import { lembarBebas, lembarDuaTabel, lembarSkala, lembarTabelAcak } from './bentuk';
import { buku, fuzzPeriksa, pilihanPeriksa } from './jalankan';
import { LEMBAR, RUNS } from './jumlah';
import { daftarMutasi, mutasikan } from './mutasi';
import { sintetis } from './sumber';

/*
 * Sheets no document ever printed: tables assembled from the key words, values and number
 * rows of the families (so table finding and the checks have work to do), alone, two on a
 * sheet, or beside an office's own predikat scale, then mutated; and sheets of arbitrary
 * cells, where nothing may break.
 */

const pengintai = pengintaiBerkas();

test('Periksa Tabel survives table-like sheets built from scratch with well-formed findings', () => {
  const cases = fc.tuple(lembarTabelAcak, daftarMutasi(4)).map(([s, m]) => buku(mutasikan(s, m)));
  expect(fuzzPeriksa(cases, RUNS.acakTabel, pengintai)).toBe(LEMBAR.acakTabel);
});

test('Periksa Tabel survives two made-up tables on one sheet, side by side or stacked', () => {
  const cases = fc.tuple(lembarDuaTabel, daftarMutasi(3)).map(([s, m]) => buku(mutasikan(s, m)));
  expect(fuzzPeriksa(cases, RUNS.acakDuaTabel, pengintai)).toBe(LEMBAR.acakDuaTabel);
});

test('Periksa Tabel survives an office scale on one sheet judging the predikat of a table on another', () => {
  const tabel = fc.oneof(sintetis, lembarTabelAcak);
  const cases = fc
    .tuple(lembarSkala, daftarMutasi(2), tabel, daftarMutasi(3))
    .map(([skala, m1, t, m2]) => ({ name: 'skala.xlsx', sheets: [mutasikan(skala, m1), { ...mutasikan(t, m2), name: 'Capaian' }] }));
  expect(fuzzPeriksa(cases, RUNS.acakSkala, pengintai, pilihanPeriksa)).toBe(LEMBAR.acakSkala);
});

test('Periksa Tabel survives sheets of arbitrary cells', () => {
  const cases = fc.tuple(lembarBebas, daftarMutasi(3)).map(([s, m]) => buku(mutasikan(s, m)));
  expect(fuzzPeriksa(cases, RUNS.acakBebas, pengintai)).toBe(LEMBAR.acakBebas);
});
