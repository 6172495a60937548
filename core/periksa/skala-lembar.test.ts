import { Dec } from '../angka/desimal';
import { classify } from '../fungsi/skala';
import { Sheet } from '../lembar/model';
import { Table } from '../tabel/model';
import { parseBounds, skalaFromTable } from './skala-lembar';

describe('parseBounds', () => {
  it.each([
    ['91 - 100', '91', '100'],
    ['≥ 100', '100', null],
    ['>= 100%', '100', null],
    ['75 - < 100', '75', '100'],
    ['≤ 50', null, '50'],
    ['< 55', null, '55'],
    ['0 – 50', '0', '50'],
    ['90,5 s/d 100', '90.5', '100'],
  ])('%s', (text, lo, hi) => {
    expect(parseBounds(text)).toEqual({ lo, hi });
  });

  it('rejects text that is not a range', () => {
    expect(parseBounds('Sangat Berhasil')).toBeNull();
  });
});

function scaleTable(rows: [string, string][]): { sheet: Sheet; table: Table } {
  const sheet: Sheet = { name: 'Skala', typed: false, values: [['Capaian', 'Kategori'], ...rows] };
  const table: Table = {
    sheet: 'Skala',
    range: `A1:B${rows.length + 1}`,
    layout: 'skala',
    confidence: 1,
    headerTop: 0,
    headerBottom: 0,
    numberRow: null,
    hierarchy: 'flat',
    columns: [
      { col: 0, header: 'Capaian', role: 'capaian', money: false },
      { col: 1, header: 'Kategori', role: 'predikat', money: false },
    ],
    rows: rows.map((_, i) => ({
      row: i + 1,
      kind: 'data' as const,
      level: null,
      levelName: null,
      parent: null,
      kode: null,
      nomor: null,
      continuation: false,
      gapBefore: false,
      block: 0,
    })),
  };
  return { sheet, table };
}

describe('skalaFromTable', () => {
  it('reads the Magetan LKjIP scale (Tabel 3.1) and classifies with it', () => {
    const { sheet, table } = scaleTable([
      ['≥ 100', 'Sangat Berhasil'],
      ['75 - < 100', 'Berhasil'],
      ['55 - < 75', 'Cukup Berhasil'],
      ['< 55', 'Kurang Berhasil'],
    ]);
    const skala = skalaFromTable(sheet, table);
    expect(skala).not.toBeNull();
    expect(classify(skala!, new Dec(100))).toBe('Sangat Berhasil');
    expect(classify(skala!, new Dec('99.99'))).toBe('Berhasil');
    expect(classify(skala!, new Dec(55))).toBe('Cukup Berhasil');
    expect(classify(skala!, new Dec('54.9'))).toBe('Kurang Berhasil');
  });

  it('accepts a scale printed with integer ranges (91-100, 76-90, …)', () => {
    const { sheet, table } = scaleTable([
      ['91 - 100', 'Sangat Tinggi'],
      ['76 - 90', 'Tinggi'],
      ['66 - 75', 'Sedang'],
      ['51 - 65', 'Rendah'],
      ['≤ 50', 'Sangat Rendah'],
    ]);
    const skala = skalaFromTable(sheet, table)!;
    expect(classify(skala, new Dec('90.5'))).toBe('Tinggi');
    expect(classify(skala, new Dec(91))).toBe('Sangat Tinggi');
    expect(classify(skala, new Dec('50.5'))).toBe('Sangat Rendah');
  });

  it('does not use a table whose ranges leave a hole', () => {
    const { sheet, table } = scaleTable([
      ['91 - 100', 'Sangat Tinggi'],
      ['60 - 80', 'Tinggi'],
      ['≤ 50', 'Rendah'],
    ]);
    expect(skalaFromTable(sheet, table)).toBeNull();
  });
});
