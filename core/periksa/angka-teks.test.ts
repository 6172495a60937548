import { CellValue } from '../lembar/model';
import { check } from './angka-teks';
import { brief, buildTable, runCheck, sheetOf, TableSpec } from '../../test/helpers/uji-tabel';

const spec: TableSpec = {
  headerBottom: 0,
  columns: [
    { col: 0, role: 'uraian' },
    { col: 1, role: 'target' },
    { col: 2, role: 'anggaran' },
    { col: 3, role: 'serapan' },
  ],
};
const run = (values: CellValue[][], typed: boolean) => {
  const sheet = sheetOf(values, { typed });
  return runCheck(check, sheet, buildTable(sheet, spec));
};
const rows: CellValue[][] = [
  ['Program', 'Target', 'Anggaran', '%'],
  ['A', '24 bln', 5215862284, 97.1],
  ['B', '12 bulan', '5.064.388.054', 99.66],
  ['C', '6 dokumen', 39845000, '98,23'],
];

describe('numbers stored as text', () => {
  it('flags a text number in a money column of a typed sheet', () => {
    const found = run(rows, true);
    expect(brief(found)).toEqual(['C3 angka-teks warning', 'D4 angka-teks warning']);
    expect(found[0]).toMatchObject({ actual: '5.064.388.054', expected: '5064388054' });
    expect(found[0].message).toBe(
      'Angka "5.064.388.054" tersimpan sebagai teks, bukan sebagai angka; SUM di Excel melewatinya tanpa peringatan.',
    );
  });

  it('says nothing for a CSV or TSV, where every cell is text', () => {
    expect(run(rows, false)).toEqual([]);
  });

  it('leaves a column of quantities with units alone', () => {
    expect(run(rows, true).some((f) => f.cell.startsWith('B'))).toBe(false);
  });

  it('gathers many text numbers of one column into one finding', () => {
    const many: CellValue[][] = [rows[0], ...Array.from({ length: 8 }, (_, i) => [`P${i}`, null, `${i + 1}.000.000`, null])];
    const found = run(many, true);
    expect(brief(found)).toEqual(['C2 angka-teks warning']);
    expect(found[0].related).toHaveLength(7);
    expect(found[0].message).toContain('8 angka di kolom ini tersimpan sebagai teks');
  });

  it('leaves a percent written with its sign in a target column alone, but not in a derived column', () => {
    const withSigns: CellValue[][] = [rows[0], ['A', '100 (%)', 5215862284, '97,10 %'], ['B', 80, 39845000, 99.66]];
    expect(brief(run(withSigns, true))).toEqual(['D2 angka-teks warning']);
  });
});
