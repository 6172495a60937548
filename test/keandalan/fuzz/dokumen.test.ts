import fc from 'fast-check';
import { Sheet } from '../../../core/lembar/model';
import { pengintaiBerkas } from './galat-tersembunyi';
import { buku, fuzzPeriksa } from './jalankan';
import { LEMBAR, RUNS, SHEETS_PER_WORKBOOK_GANDA } from './jumlah';
import { daftarMutasi, mutasikan } from './mutasi';
import { dokumen, potong } from './sumber';

/*
 * The real tables of test/fixtures/dokumen, as a planner's workbook mangles them: cropped to a
 * window of rows (header kept or not), then shuffled, deleted, duplicated, retyped, broken.
 * Periksa Tabel must never crash and every finding must point into the sheet it names.
 */

const pengintai = pengintaiBerkas();

const dokumenRusak: fc.Arbitrary<Sheet> = fc
  .tuple(dokumen, potong, daftarMutasi())
  .map(([s, crop, muts]) => mutasikan(s, [...crop, ...muts]));

test('Periksa Tabel survives every mutated real table with well-formed findings', () => {
  expect(
    fuzzPeriksa(
      dokumenRusak.map((s) => buku(s)),
      RUNS.dokumenTunggal,
      pengintai,
    ),
  ).toBe(LEMBAR.dokumenTunggal);
});

test('Periksa Tabel survives workbooks of several mutated real tables, compared with each other', () => {
  const cases = fc.array(dokumenRusak, { minLength: SHEETS_PER_WORKBOOK_GANDA, maxLength: SHEETS_PER_WORKBOOK_GANDA }).map((list) => ({
    name: 'dokumen.xlsx',
    // A workbook never holds two sheets of one name.
    sheets: list.map((s, i) => ({ ...s, name: list.findIndex((t) => t.name === s.name) < i ? `${s.name} (${i + 1})` : s.name })),
  }));
  expect(fuzzPeriksa(cases, RUNS.dokumenGanda, pengintai)).toBe(LEMBAR.dokumenGanda);
});
