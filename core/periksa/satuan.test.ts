import { CellValue } from '../lembar/model';
import { check, declaredSatuan, isAdditiveUnit, sameUnit } from './satuan';
import { brief, buildTable, contextOf, fixtureTable, runCheck, sheetOf, TableSpec } from '../../test/helpers/uji-tabel';

const spec: TableSpec = {
  headerBottom: 0,
  columns: [
    { col: 0, role: 'indikator' },
    { col: 1, role: 'satuan' },
    { col: 2, role: 'target' },
    { col: 3, role: 'realisasi' },
  ],
};
const run = (values: CellValue[][], s: TableSpec = spec) => {
  const sheet = sheetOf(values);
  return runCheck(check, sheet, buildTable(sheet, s));
};
const header: CellValue[] = ['Indikator', 'Satuan', 'Target', 'Realisasi'];

describe('T-C.29 Renja Magetan 2022', () => {
  const { sheet, table } = fixtureTable('renja_magetan_2022_tc29');
  const found = runCheck(check, sheet, table);

  it('flags each block A1 row whose declared satuan contradicts its cells, once per row', () => {
    // "|| Dokumen" with "2 dok" (D6), "|| Orang" with "10 org" (D12), "|| kali" with "2 kali" (D34) agree.
    expect(brief(found)).toEqual(
      ['D4', 'D5', 'D8', 'D9', 'D14', 'D19', 'D21', 'D28', 'D35', 'D38', 'D39', 'I91'].map((c) => `${c} satuan warning`),
    );
    expect(found[0]).toMatchObject({ actual: '24 bln', expected: null, related: ['C4'] });
    expect(found[0].message).toBe('Satuan yang dinyatakan pada indikator ("%") tidak sesuai dengan isi sel target "24 bln".');
  });

  it('reads "yang tersedia%" as a declared percent', () => {
    expect(found.find((f) => f.cell === 'D14')!.message).toContain('("%")');
  });

  it('catches the unit typo between the target columns of block A2', () => {
    expect(found.find((f) => f.cell === 'I91')!.message).toBe(
      'Satuan target dalam satu baris berbeda: "705 desa/keluaran" (D91) dan "235 desa / kelurahan".',
    );
  });
});

describe('units within a row', () => {
  it('treats "24 bln" and "12 bulan" as one unit, and bare numbers as unit-free', () => {
    expect(run([header, ['Jumlah layanan', null, '24 bln', '12 bulan'], ['Persentase x', '%', '99,88', '92,5 %']])).toEqual([]);
  });

  it('flags target and realisasi in different units', () => {
    const found = run([header, ['Jumlah pegawai', null, '34 Orang/Bulan', '34 ASN']]);
    expect(brief(found)).toEqual(['D2 satuan warning']);
    expect(found[0].message).toBe('Satuan target dan realisasi dalam satu baris berbeda: "34 Orang/Bulan" (C2) dan "34 ASN".');
  });

  it('holds the Satuan column against the cells', () => {
    const found = run([header, ['Jumlah dokumen', 'Dokumen', '5 dokumen', '5 laporan'], ['Jumlah KK', 'KK', '10 keluarga', '9 kk']]);
    expect(brief(found)).toEqual(['D2 satuan warning']);
    expect(found[0].message).toContain('di kolom satuan ("Dokumen")');
  });

  it('leaves side-by-side indicators of a review table to themselves (Malang)', () => {
    const { sheet, table } = fixtureTable('renja_malang_2024_tabel23_review_rkpd');
    expect(runCheck(check, sheet, table)).toEqual([]);
  });
});

describe('helpers', () => {
  it('finds the declared satuan', () => {
    const sheet = sheetOf([
      header,
      ['Jumlah ketersediaan dokumen IKM || Dokumen', null, null, null],
      ['Jumlah dokumen yang tersedia%', null, null, null],
      ['Persentase pemenuhan (%)', null, null, null],
      ['Jumlah pegawai', 'Orang', null, null],
      ['Jumlah pegawai', null, null, null],
    ]);
    const ctx = contextOf(sheet, buildTable(sheet, spec));
    expect([1, 2, 3, 4, 5].map((r) => declaredSatuan(ctx, r)?.unit ?? null)).toEqual(['dokumen', 'persen', 'persen', 'orang', null]);
  });

  it('knows which units add up', () => {
    expect(isAdditiveUnit('orang')).toBe(true);
    expect(isAdditiveUnit('bulan')).toBe(true);
    expect(isAdditiveUnit(null)).toBe(true);
    expect(isAdditiveUnit('kec')).toBe(false);
    expect(isAdditiveUnit('persen')).toBe(false);
    expect(isAdditiveUnit('indeks')).toBe(false);
    expect(sameUnit('kk', 'keluarga')).toBe(true);
    expect(sameUnit('kk', 'orang')).toBe(false);
  });
});
