import { periksaWorkbook } from '../index';
import { arahOf } from './capaian';

describe('arahOf', () => {
  it('reads lower-is-better only from clear words', () => {
    expect(arahOf('Persentase angka kemiskinan')).toBe('turun');
    expect(arahOf('Tingkat pengangguran terbuka')).toBe('turun');
    expect(arahOf('Rata-rata waktu pelayanan')).toBe('turun');
    expect(arahOf('Persentase dokumen yang selesai tepat waktu')).toBe('naik');
    expect(arahOf('Persentase keluarga miskin yang mendapat bantuan')).toBe('naik');
    expect(arahOf('Persentase penurunan angka kemiskinan')).toBe('naik');
  });
});

describe("the cell's own CAPAIAN formula decides the arah", () => {
  /** An LKjIP capaian table whose capaian cells hold `formula` (with {r} for the row). */
  const check = (formula: string | null, stated: number, extra: (string | number | null)[][] = []) => {
    const values = [
      ['Sasaran', 'Indikator', 'Satuan', 'Target', 'Realisasi', 'Capaian (%)', 'Arah'],
      ['Menurunnya beban', 'Persentase rumah tangga sasaran', '%', 12.84, 13.26, stated, 'turun'],
      ...extra,
    ];
    const formulas = values.map((row, r) => row.map((_, c) => (c === 5 && r === 1 && formula !== null ? formula : null)));
    const result = periksaWorkbook({ name: 'lkjip.xlsx', sheets: [{ name: 'Capaian', values, typed: true, formulas }] });
    expect(result.tables).toHaveLength(1);
    return result.findings.filter((f) => f.cell === 'F2' && f.rule === 'rumus-kolom');
  };
  // (2 × 12,84 − 13,26) / 12,84 × 100
  const TURUN = 96.73;

  it('without a formula the indicator\'s words give "naik", and the turun result is a galat (as before)', () => {
    expect(check(null, TURUN).map((f) => f.severity)).toEqual(['error']);
  });

  it.each([
    '=CAPAIAN(E2;D2;"turun")',
    '=SAKIP.CAPAIAN(E2,D2,"Turun")',
    'sakip.capaian(E2, D2, -1)',
    '=_xldudf_SAKIP_CAPAIAN(E2,D2,"negatif")',
    '=CAPAIAN(E2;D2;G2)',
  ])('%s: the turun result is right', (formula) => {
    expect(check(formula, TURUN)).toEqual([]);
  });

  it('a formula saying "naik" holds the cell to the naik result', () => {
    const found = check('=CAPAIAN(E2;D2;"naik")', TURUN);
    expect(found.map((f) => f.severity)).toEqual(['error']);
    expect(found[0].expected).toBe('103.27');
  });

  it('batas caps the result as the function does', () => {
    expect(check('=CAPAIAN(E2;D2;"naik";100)', 100)).toEqual([]);
    expect(check('=CAPAIAN(E2;D2;"naik";100)', 103.27).map((f) => f.severity)).toEqual(['error']);
  });
});
