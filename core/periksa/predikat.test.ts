import { CellValue } from '../lembar/model';
import { parseSkalaRange, SKALA_BAWAAN, Skala } from '../fungsi/skala';
import { bandText, check, inferSkala, normalizeLabel } from './predikat';
import { brief, buildTable, fixtureTable, runCheck, sheetOf, TableSpec } from '../../test/helpers/uji-tabel';

const spec: TableSpec = {
  headerBottom: 0,
  columns: [
    { col: 0, role: 'indikator' },
    { col: 1, role: 'capaian' },
    { col: 2, role: 'predikat' },
  ],
};
const run = (values: CellValue[][], options = {}, skala: Skala | null = null, typed = false, formats?: (string | null)[][]) => {
  const sheet = sheetOf(values, { typed, numberFormats: formats });
  return runCheck(check, sheet, buildTable(sheet, spec), options, skala);
};
const header: CellValue[] = ['Indikator', 'Capaian %', 'Kategori'];

describe('LKjIP Magetan 2024 capaian', () => {
  const { sheet, table } = fixtureTable('lkjip_magetan_2024_capaian');
  const found = runCheck(check, sheet, table);

  it('flags rows 1 and 4: capaian 100 is "Sangat Berhasil" on the berhasil scale', () => {
    expect(brief(found)).toEqual(['F2 predikat error', 'F5 predikat error']);
    expect(found[0]).toMatchObject({ actual: 'Berhasil', expected: 'Sangat Berhasil', related: ['E2'] });
    expect(found[0].message).toBe(
      'Predikat tertulis "Berhasil" untuk capaian 100 %, seharusnya "Sangat Berhasil" (capaian ≥ 100) menurut skala Sangat Berhasil / Berhasil / Cukup Berhasil / Kurang Berhasil, skala yang sesuai dengan predikat di tabel ini.',
    );
  });

  it('follows the workbook’s own scale table when there is one', () => {
    // An office scale where 100 still counts as "Berhasil" and only above 100 is "Sangat Berhasil".
    const own = parseSkalaRange([
      ['100,01', 'Sangat Berhasil'],
      ['75', 'Berhasil'],
      ['55', 'Cukup Berhasil'],
      ['0', 'Kurang Berhasil'],
    ]);
    if (!own.ok) throw new Error(own.message);
    expect(runCheck(check, sheet, table, {}, own.skala)).toEqual([]);
  });
});

describe('choosing the scale', () => {
  it('infers it from the labels the table uses', () => {
    expect(inferSkala(new Set(['berhasil', 'sangat berhasil']))).toBe(SKALA_BAWAAN.berhasil);
    expect(inferSkala(new Set(['melampaui target', 'sangat tinggi']))).toBe(SKALA_BAWAAN.melampaui);
    expect(inferSkala(new Set(['bb', 'a']))).toBe(SKALA_BAWAAN.sakip);
    expect(inferSkala(new Set(['tinggi', 'sedang']))).toBe(SKALA_BAWAAN.permendagri86);
    expect(inferSkala(new Set(['baik']))).toBeNull();
  });

  it('judges Permendagri 86 labels, case and spaces aside', () => {
    const found = run([
      header,
      ['A', '92,5', 'sangat  tinggi'],
      ['B', '90,99', 'Sangat Tinggi'], // 76 ≤ 90,99 < 91: Tinggi
      ['C', '91', 'Tinggi'],
      ['D', '65,99', 'Sedang'], // 51 ≤ x < 66: Rendah
    ]);
    expect(brief(found)).toEqual(['C3 predikat error', 'C4 predikat error', 'C5 predikat error']);
    expect(found.map((f) => f.expected)).toEqual(['Tinggi', 'Sangat Tinggi', 'Rendah']);
  });

  it('knows "Melampaui Target" is above 100, and 100 itself is Sangat Tinggi', () => {
    const found = run([header, ['A', '100', 'Melampaui Target'], ['B', '100,01', 'Melampaui Target']]);
    expect(brief(found)).toEqual(['C2 predikat error']);
    expect(found[0].expected).toBe('Sangat Tinggi');
  });

  it('uses the chosen scale when the labels name none, and says labels it does not know', () => {
    const found = run([header, ['A', '95', 'Baik'], ['B', '60', 'Cukup']], { skala: 'berhasil' });
    expect(brief(found)).toEqual(['C2 predikat warning']);
    expect(found[0].message).toContain('tidak ada dalam skala');
  });
});

describe('the capaian judged is the one shown', () => {
  it('classifies a text capaian at its written decimals: 91,00 is Sangat Tinggi', () => {
    expect(run([header, ['A', '91,00', 'Sangat Tinggi']])).toEqual([]);
  });

  it('classifies a native number as its format shows it: 90,995 shown 91,00', () => {
    const values: CellValue[][] = [header, ['A', 90.995, 'Sangat Tinggi'], ['B', 90.995, 'Tinggi']];
    const formats = [
      [null, null, null],
      [null, '0.00', null],
      [null, '0.0000', null],
    ];
    // Row B shows 90,9950: Tinggi is right there too.
    expect(run(values, {}, null, true, formats)).toEqual([]);
    const general = run([header, ['A', 90.995, 'Sangat Tinggi']], {}, null, true);
    expect(brief(general)).toEqual(['C2 predikat error']);
  });
});

describe('helpers', () => {
  it('normalises labels', () => expect(normalizeLabel('  Sangat   Berhasil. ')).toBe('sangat berhasil'));

  it('describes a band in words a planner reads', () => {
    expect(bandText(SKALA_BAWAAN.berhasil, 'Sangat Berhasil')).toBe('capaian ≥ 100');
    expect(bandText(SKALA_BAWAAN.berhasil, 'Berhasil')).toBe('75 ≤ capaian < 100');
    expect(bandText(SKALA_BAWAAN.berhasil, 'Kurang Berhasil')).toBe('capaian < 55');
    expect(bandText(SKALA_BAWAAN.sakip, 'A')).toBe('80 < capaian ≤ 90');
    expect(bandText(SKALA_BAWAAN.melampaui, 'Melampaui Target')).toBe('capaian > 100');
  });
});

describe("the cell's own PREDIKAT formula decides the skala and desimal", () => {
  const withFormulas = (rows: [number, string, string | null][]) => {
    const sheet = sheetOf([header, ...rows.map(([c, l]) => ['Indeks', c, l] as CellValue[])], { typed: true });
    sheet.formulas = [[null, null, null], ...rows.map(([, , f]) => [null, null, f])];
    return runCheck(check, sheet, buildTable(sheet, spec));
  };

  it('a label from the formula\'s "sakip" scale is right, though the table\'s other labels infer another scale', () => {
    // Row 2 alone says "Tinggi" (permendagri86); row 3 is a PREDIKAT(…; "sakip") result.
    const found = withFormulas([
      [80, 'Tinggi', null],
      [85, 'A', '=PREDIKAT(B3;"sakip")'],
    ]);
    expect(brief(found)).toEqual([]);
  });

  it("rounds to the formula's desimal before classifying, as the function does", () => {
    expect(brief(withFormulas([[90.995, 'Sangat Tinggi', '=SAKIP.PREDIKAT(B2,"permendagri86",2)']]))).toEqual([]);
    expect(brief(withFormulas([[90.995, 'Sangat Tinggi', null]]))).toEqual(['C2 predikat error']);
  });

  it("a label that disagrees with its own formula's scale is still an error", () => {
    expect(brief(withFormulas([[85, 'Tinggi', '=PREDIKAT(B2;"sakip")']]))).toEqual(['C2 predikat error']);
  });
});
