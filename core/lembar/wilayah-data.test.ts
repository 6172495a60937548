import { Sheet } from './model';
import { cropSheet, dataRegion, wilayahSelAktif } from './wilayah-data';

const sheet = (values: Sheet['values'], extra: Partial<Sheet> = {}): Sheet => ({ name: 'L', values, typed: true, ...extra });

describe('dataRegion', () => {
  // A title, a blank row, then a 3×3 table; a note two columns right of the table.
  const s = sheet([
    ['Judul', null, null, null, null, null],
    [null, null, null, null, null, null],
    ['Kode', 'Uraian', 'Pagu', null, null, null],
    ['1', 'Program', 100, null, 'catatan', null],
    ['1.1', 'Kegiatan', 100, null, null, null],
  ]);

  test('a cursor inside a table gives the whole table, not the title above a blank row', () => {
    expect(dataRegion(s, 3, 1)).toEqual({ top: 2, left: 0, bottom: 4, right: 2 });
  });

  test('an empty cell just below the table still finds it', () => {
    expect(dataRegion(s, 5, 2)).toEqual({ top: 2, left: 0, bottom: 5, right: 2 });
  });

  test('an isolated empty cell has no region', () => {
    expect(dataRegion(s, 1, 5)).toBeNull();
    expect(dataRegion(s, 40, 40)).toBeNull();
  });

  test('a cell separated by an empty column is its own region', () => {
    expect(dataRegion(s, 3, 4)).toEqual({ top: 3, left: 4, bottom: 3, right: 4 });
  });

  test("coordinates are the sheet's: a block read from C5 is found where the user sees it", () => {
    const moved = { ...s, origin: { row: 4, col: 2 } };
    expect(dataRegion(moved, 7, 3)).toEqual({ top: 6, left: 2, bottom: 8, right: 4 });
  });

  test('a merged heading bridges the empty cells under it', () => {
    const m = sheet(
      [
        ['Anggaran', null, null],
        [null, null, null],
        ['Pagu', 'Realisasi', '%'],
      ],
      { merges: [{ top: 0, left: 0, bottom: 1, right: 1 }] },
    );
    expect(dataRegion(m, 2, 2)).toEqual({ top: 0, left: 0, bottom: 2, right: 2 });
  });
});

test('a merge claimed over the whole grid is tested by its bounds, not walked cell by cell', () => {
  const s = sheet([['Pagu', 1]], { merges: [{ top: 0, left: 0, bottom: 1_048_575, right: 16_383 }] });
  // Walking its 17 billion cells would never end (jest's timeout fails it); the region stays
  // inside the block the host read.
  expect(dataRegion(s, 0, 1)).toEqual({ top: 0, left: 0, bottom: 0, right: 1 });
});

describe('cropSheet', () => {
  test('keeps values, formulas, formats, merges and hidden rows aligned, with the origin moved', () => {
    const s = sheet(
      [
        ['a', 'b', 'c'],
        ['d', 'e', 'f'],
        ['g', 'h', 'i'],
      ],
      {
        formulas: [
          [null, null, null],
          [null, '=1', null],
          [null, null, null],
        ],
        merges: [
          { top: 1, left: 1, bottom: 2, right: 2 },
          { top: 0, left: 0, bottom: 0, right: 1 },
        ],
        hiddenRows: [0, 2],
        origin: { row: 10, col: 1 },
      },
    );
    const c = cropSheet(s, { top: 11, left: 2, bottom: 12, right: 3 });
    expect(c.values).toEqual([
      ['e', 'f'],
      ['h', 'i'],
    ]);
    expect(c.formulas).toEqual([
      ['=1', null],
      [null, null],
    ]);
    expect(c.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
    expect(c.hiddenRows).toEqual([1]);
    expect(c.origin).toEqual({ row: 11, col: 2 });
  });
});

describe('wilayahSelAktif', () => {
  const s = sheet(
    [
      ['Judul', null, null, null],
      [null, null, null, null],
      ['Kode', 'Uraian', 'Pagu', null],
      ['1', 'Program', 100, null],
    ],
    { name: 'Renja', origin: { row: 4, col: 1 } },
  );

  test('a cursor in a table checks that table and names its range', () => {
    const w = wilayahSelAktif(s, 7, 2);
    expect(w.keterangan).toBe('sekitar sel C8 (Renja!B7:D8)');
    expect(w.sheet.values).toEqual([
      ['Kode', 'Uraian', 'Pagu'],
      ['1', 'Program', 100],
    ]);
    expect(w.sheet.origin).toEqual({ row: 6, col: 1 });
  });

  test('a cursor far from any data checks the whole sheet and says why', () => {
    const w = wilayahSelAktif(s, 0, 0);
    expect(w.sheet).toBe(s);
    expect(w.keterangan).toBe('seluruh lembar "Renja" (sel A1 tidak berada di dalam tabel)');
  });
});
