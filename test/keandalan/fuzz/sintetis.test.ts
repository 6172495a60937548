import fc from 'fast-check';
import { pengintaiBerkas } from './galat-tersembunyi';
import { buku, fuzzPeriksa, pilihanPeriksa } from './jalankan';
import { LEMBAR, RUNS } from './jumlah';
import { daftarMutasi, mutasikan } from './mutasi';
import { sintetis } from './sumber';

/*
 * The synthetic tables, consistent by construction, then mutated: the checks meet broken
 * sums, retyped numbers and wrong shapes on tables they fully recognise.
 */

const pengintai = pengintaiBerkas();

test('Periksa Tabel survives every mutated synthetic Renja and LKjIP table, whatever scale is chosen, with well-formed findings', () => {
  const cases = fc.tuple(sintetis, daftarMutasi(8)).map(([s, m]) => buku(mutasikan(s, m)));
  expect(fuzzPeriksa(cases, RUNS.sintetis, pengintai, pilihanPeriksa)).toBe(LEMBAR.sintetis);
});
