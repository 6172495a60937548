import fc from 'fast-check';
import { columnLetters, parseCellRef, Sheet } from '../../../core/lembar/model';
import { Finding, periksaWorkbook } from '../../../core/periksa';
import { lembarTabelAcak } from './bentuk';
import { pengintaiBerkas } from './galat-tersembunyi';
import { periksaSah } from './jalankan';
import { LEMBAR, RUNS } from './jumlah';
import { daftarMutasi, mutasikan } from './mutasi';
import { dokumen, sintetis } from './sumber';

/*
 * Two things a planner never sees but always relies on. A table whose used range starts at
 * K200 gets the same findings as the same table at A1, every address moved with it (hosts
 * hand the core a block and its origin). And the findings of one table do not depend on which
 * other sheets the workbook holds or in what order (only antar-tabel compares tables).
 */

const pengintai = pengintaiBerkas();

const sumber: fc.Arbitrary<Sheet> = fc.oneof(dokumen, sintetis, lembarTabelAcak);

/** Mutations that keep the block where it is: the shift is the test's own. */
const tanpaAsal = daftarMutasi(5).map((ms) => ms.filter((m) => m.k !== 'asal'));

function geser(ref: string, sheet: string, dr: number, dc: number): string {
  const p = parseCellRef(ref, sheet);
  if (p === null) return `?${ref}`;
  const cell = `${columnLetters(p.col - dc)}${p.row - dr + 1}`;
  return p.sheet === sheet ? cell : `${p.sheet}!${cell}`;
}

/** A finding as a host acts on it, addresses taken back to A1; the sentence may name rows, so it is left out. */
function kunci(f: Finding, dr: number, dc: number): string {
  const shift = (r: string) => geser(r, f.sheet, dr, dc);
  const table = f.table?.split(':').map(shift).join(':');
  return [f.sheet, shift(f.cell), f.rule, f.severity, f.actual, f.expected, f.related.map(shift).join(','), table].join('|');
}

test('a table gets the same findings wherever its block starts in the sheet', () => {
  let sheets = 0;
  fc.assert(
    fc.property(sumber, tanpaAsal, fc.nat({ max: 1_000_000 }), fc.nat({ max: 700 }), (source, muts, dr, dc) => {
      const atA1 = mutasikan(source, muts);
      const moved: Sheet = { ...structuredClone(atA1), origin: { row: dr, col: dc } };
      sheets += periksaSah({ name: 'a.xlsx', sheets: [atA1] }, pengintai);
      sheets += periksaSah({ name: 'b.xlsx', sheets: [moved] }, pengintai);
      const a = periksaWorkbook({ name: 'a.xlsx', sheets: [atA1] }).findings.map((f) => kunci(f, 0, 0));
      const b = periksaWorkbook({ name: 'b.xlsx', sheets: [moved] }).findings.map((f) => kunci(f, dr, dc));
      expect(b.sort()).toEqual(a.sort());
    }),
    { numRuns: RUNS.geserAsal },
  );
  expect(sheets).toBe(LEMBAR.geserAsal);
});

test('the findings of a table do not depend on the other sheets of the workbook or their order', () => {
  let sheets = 0;
  fc.assert(
    fc.property(fc.array(fc.tuple(sumber, tanpaAsal), { minLength: 2, maxLength: 2 }), ([[s1, m1], [s2, m2]]) => {
      const a = { ...mutasikan(s1, m1), name: 'Satu' };
      const b = { ...mutasikan(s2, m2), name: 'Dua' };
      const perTable = (fs: Finding[]) =>
        fs
          .filter((f) => f.rule !== 'antar-tabel')
          .map((f) => kunci(f, 0, 0))
          .sort();
      sheets += periksaSah({ name: 'ab.xlsx', sheets: [a, b] }, pengintai);
      const both = periksaWorkbook({ name: 'ab.xlsx', sheets: [a, b] }).findings;
      const reversed = periksaWorkbook({ name: 'ba.xlsx', sheets: [b, a] }).findings;
      const alone = [
        ...periksaWorkbook({ name: 'a.xlsx', sheets: [a] }).findings,
        ...periksaWorkbook({ name: 'b.xlsx', sheets: [b] }).findings,
      ];
      expect(perTable(reversed)).toEqual(perTable(both));
      expect(perTable(alone)).toEqual(perTable(both));
    }),
    { numRuns: RUNS.geserUrutan },
  );
  expect(sheets).toBe(LEMBAR.geserUrutan);
});
