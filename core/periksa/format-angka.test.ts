import { CellValue } from '../lembar/model';
import { check } from './format-angka';
import { periksaWorkbook } from './index';
import { brief, buildTable, fixtureTable, runCheck, sheetOf, TableSpec } from '../../test/helpers/uji-tabel';

const spec: TableSpec = {
  headerBottom: 0,
  columns: [
    { col: 0, role: 'uraian' },
    { col: 1, role: 'pagu' },
    { col: 2, role: 'capaian' },
  ],
};
const run = (values: CellValue[][]) => {
  const sheet = sheetOf(values);
  return runCheck(check, sheet, buildTable(sheet, spec));
};

describe('Review RKPD Malang 2024', () => {
  const { sheet, table } = fixtureTable('renja_malang_2024_tabel23_review_rkpd');
  const found = runCheck(check, sheet, table);

  it('finds the malformed and the mixed number, and the two styles of the pagu column', () => {
    expect(brief(found)).toEqual(['F3 format-angka info', 'K27 format-angka error', 'K76 format-angka error']);
  });

  it('gives both readings of the mixed number', () => {
    const mixed = found.find((f) => f.cell === 'K76')!;
    expect(mixed.message).toContain('29.822.934.850');
    expect(mixed.message).toContain('29.822.934,85');
    expect(found.find((f) => f.cell === 'K27')!.message).toContain('tidak sah');
  });

  it('reports the mixed styles once, at the style used less', () => {
    const info = found.find((f) => f.cell === 'F3')!;
    expect(info.message).toContain('"8,220,950,000" (pemisah ribuan koma, 34 sel)');
    expect(info.message).toContain('(pemisah ribuan titik, 39 sel)');
  });
});

describe('number writing in checked columns', () => {
  it('flags error values in a numeric column, not in the text columns', () => {
    const found = run([
      ['Program', 'Pagu', 'Capaian'],
      ['#N/A', '#REF!', '92,5'],
      ['B', '1.000.000', '#N/A'],
    ]);
    expect(brief(found)).toEqual(['B2 format-angka error', 'C3 format-angka error']);
    expect(found[0].message).toContain('#REF!');
  });

  it('names how a column read its ambiguous single groups', () => {
    const byColumn = run([
      ['Program', 'Pagu', 'Capaian'],
      ['A', '1.270', '16.8'],
      ['B', '29.822.934.000', '41.5'],
      ['C', '5.000', '1.270'],
    ]);
    expect(brief(byColumn)).toEqual(['B2 format-angka info', 'C4 format-angka info']);
    expect(byColumn[0].message).toContain(
      'dibaca sebagai ribuan (titik sebagai pemisah ribuan), mengikuti angka lain di kolom ini (2 sel)',
    );
    expect(byColumn[1].message).toContain('dibaca sebagai desimal (titik sebagai tanda desimal)');
  });

  it('flags a negative amount, but not a negative sisa (spending over the pagu)', () => {
    const sheet = sheetOf([
      ['Program', 'Pagu', 'Realisasi (Rp)', 'Sisa'],
      ['A', -5_000_000, 1_000_000, -6_000_000],
      ['B', 5_000_000, '-1.000.000', 4_000_000],
    ]);
    const table = buildTable(sheet, {
      headerBottom: 0,
      columns: [
        { col: 0, role: 'uraian' },
        { col: 1, role: 'pagu' },
        { col: 2, role: 'realisasi-rp' },
        { col: 3, role: 'sisa' },
      ],
    });
    const found = runCheck(check, sheet, table);
    expect(brief(found)).toEqual(['B2 format-angka error', 'C3 format-angka error']);
    expect(found[0].message).toBe(
      'Pagu bernilai negatif (-5.000.000); jumlah uang di kolom ini tidak boleh kurang dari nol. Periksa tanda minus atau rumus sel ini.',
    );
    expect(found[1].message).toMatch(/^Realisasi anggaran bernilai negatif \(-1\.000\.000\)/);
  });

  it('flags what has no single value: scientific notation and TRUE', () => {
    const found = run([
      ['Program', 'Pagu', 'Capaian'],
      ['A', '2,98229E+10', true],
    ]);
    expect(brief(found)).toEqual(['B2 format-angka error', 'C2 format-angka error']);
    expect(found[0].message).toContain('notasi ilmiah');
    expect(found[1].message).toBe('Nilai logika TRUE bukan angka.');
  });

  it('names the formula that produced an error value', () => {
    const sheet = sheetOf([
      ['Program', 'Pagu', 'Capaian'],
      ['A', 1_000_000, '#DIV/0!'],
    ]);
    sheet.formulas = [[], [null, null, '=F5/G5']];
    const found = runCheck(check, sheet, buildTable(sheet, spec));
    expect(found.map((f) => f.message)).toEqual([
      'Rumus =F5/G5 di sel ini menghasilkan nilai galat #DIV/0! (pembagian dengan nol atau dengan sel kosong); nilainya tidak dapat dijumlahkan atau diperiksa.',
    ]);
  });

  it('says nothing of a clean column', () => {
    const { sheet, table } = fixtureTable('renja_magetan_2022_tc33');
    expect(runCheck(check, sheet, table)).toEqual([]);
  });
});

describe('typos are named, not read as numbers (periksaWorkbook)', () => {
  it('0,2S9 in realisasi: the typo cell is an error, and no capaian galat is computed from a wrong value', () => {
    const sheet = sheetOf([
      ['Sasaran', 'Indikator', 'Satuan', 'Target', 'Realisasi', 'Capaian (%)'],
      ['Meningkatnya kinerja', 'Indeks A', 'Indeks', '0,28', '0,2S9', '92,5'],
      ['', 'Indeks B', 'Indeks', '80', '1O0', '125'],
      ['', 'Indeks C', 'Indeks', '80', '79,72', '99,65'],
    ]);
    const result = periksaWorkbook({ name: 'lkjip.xlsx', sheets: [sheet] });
    expect(result.tables).toHaveLength(1);
    const at = (cell: string) => result.findings.filter((f) => f.cell === cell).map((f) => `${f.rule} ${f.severity}`);
    expect(at('E2')).toEqual(['format-angka error']);
    expect(at('E3')).toEqual(['format-angka error']);
    expect(result.findings.find((f) => f.cell === 'E2')!.message).toContain('huruf "S"');
    expect(at('F2')).toEqual([]);
    expect(at('F3')).toEqual([]);
  });
});
