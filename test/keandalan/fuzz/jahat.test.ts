import fc from 'fast-check';
import { pengintaiBerkas } from './galat-tersembunyi';
import { buku, fuzzPeriksa } from './jalankan';
import { LEMBAR, RUNS } from './jumlah';
import { daftarMutasi, mutasikan, mutasiJahat } from './mutasi';
import { dokumen, potong, sintetis } from './sumber';

/*
 * The structures a hostile or odd .xlsx can claim (a merge over the whole grid, thousands of
 * merges, a stray cell in column XFD), each on a real or synthetic table with a few other
 * mutations: Periksa Tabel stays well-formed and finishes.
 */

const pengintai = pengintaiBerkas();

test('Periksa Tabel survives hostile structures on real and synthetic tables, with well-formed findings', () => {
  const sheets = fc.oneof(
    fc.tuple(dokumen, potong).map(([s, crop]) => mutasikan(s, crop)),
    sintetis,
  );
  const cases = fc
    .tuple(sheets, fc.array(mutasiJahat, { minLength: 1, maxLength: 2 }), daftarMutasi(3))
    .map(([s, jahat, other]) => buku(mutasikan(s, [...other, ...jahat])));
  expect(fuzzPeriksa(cases, RUNS.jahat, pengintai)).toBe(LEMBAR.jahat);
});
