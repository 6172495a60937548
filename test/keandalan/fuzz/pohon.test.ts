import fc from 'fast-check';
import { CellValue, Sheet, Workbook } from '../../../core/lembar/model';
import { Drawing, PohonKinerjaOptions, templatPohon } from '../../../core/pohon';
import { lembarKaskade, lembarTabelAcak } from './bentuk';
import { pengintaiBerkas } from './galat-tersembunyi';
import { buku, fuzzPohon } from './jalankan';
import { LEMBAR, RUNS } from './jumlah';
import { daftarMutasi, mutasikan } from './mutasi';
import { dokumen, sintetis } from './sumber';
import { gambarBermasalah, pastikan } from './syarat';

/*
 * Pohon Kinerja from the mess: cascading sheets with orphans, skipped levels, kode induk
 * cycles, blank pernyataan and odd level names; real and synthetic Renja/LKjIP tables and
 * table-like sheets, mutated. The tree's messages must read as sentences and the drawing must
 * be writable by every host (integer cells, merges that do not overlap).
 */

const pengintai = pengintaiBerkas();

/** The template as a planner gets it on a new sheet: the drawing's values, nothing else. */
function lembarDariGambar(d: Drawing): Sheet {
  const values: CellValue[][] = [];
  for (const c of d.cells) {
    while (values.length <= c.row) values.push([]);
    const row = values[c.row];
    while (row.length < c.col) row.push(null);
    row[c.col] = c.value;
  }
  return { name: d.sheetName, values, typed: true };
}

const TEMPLAT = lembarDariGambar(templatPohon());

const pilihan = (name: string): fc.Arbitrary<PohonKinerjaOptions> =>
  fc.record(
    {
      lembar: fc.constantFrom(name, ` ${name.toUpperCase()} `),
      compact: fc.boolean(),
      arah: fc.constantFrom('atas-bawah' as const, 'kiri-kanan' as const),
    },
    { requiredKeys: [] },
  );

test('the template of the cascading sheet is a well-formed drawing', () => {
  pastikan(gambarBermasalah(templatPohon(), new Set()), 'templatPohon');
});

/** A mutated sheet of `source`, with the options a planner may pick for it. */
const kasus = (source: fc.Arbitrary<Sheet>, mutations: number): fc.Arbitrary<[Workbook, PohonKinerjaOptions]> =>
  source
    .chain((s) => fc.tuple(fc.constant(s), daftarMutasi(mutations), pilihan(s.name)))
    .map(([s, m, o]) => [buku(mutasikan(s, m), 'pohon.xlsx'), o]);

test('Pohon Kinerja survives cascading sheets built from scratch and the mutated template', () => {
  const source = fc.oneof({ weight: 4, arbitrary: lembarKaskade }, { weight: 1, arbitrary: fc.constant(TEMPLAT) });
  expect(fuzzPohon(kasus(source, 4), RUNS.pohonKaskade, pengintai)).toBe(LEMBAR.pohonKaskade);
});

test('Pohon Kinerja survives mutated real, synthetic and made-up tables as its source', () => {
  const source = fc.oneof(dokumen, sintetis, lembarTabelAcak);
  expect(fuzzPohon(kasus(source, 5), RUNS.pohonTabel, pengintai)).toBe(LEMBAR.pohonTabel);
});
