import { loadFixture } from '../../test/fixtures/muat';
import { CellValue } from '../lembar/model';
import { check } from './jumlah-total';
import { FindingSchema } from './temuan';
import {
  bagian,
  baris,
  buatTabel,
  kolom,
  magetanEfisiensi,
  magetanRealisasiAnggaran,
  magetanTC33,
  malangTabel23,
  total,
} from '../../test/helpers/uji-tabel';

const COLUMNS = [kolom('No', 'nomor'), kolom('Program/Kegiatan', 'uraian'), kolom('Pagu', 'pagu')];
const row = (level: number, no: string, name: string, pagu: CellValue) => baris(level, [no, name, pagu]);
const jumlah = (pagu: CellValue) => total([null, 'JUMLAH', pagu]);

describe('jumlah-total on the fixture tables', () => {
  const malang = check(malangTabel23(loadFixture('renja_malang_2024_tabel23_review_rkpd')).ctx);

  test('Malang pagu RKPD: TOTAL 18.032.750.000 is the sum of the seven programs', () => {
    expect(malang.filter((f) => f.cell === 'F76')).toEqual([]);
  });

  test('Malang kebutuhan dana: TOTAL equals the kegiatan sum, program V is the likely culprit', () => {
    expect(malang.map((f) => f.cell)).toEqual(['K76']);
    const f = malang[0];
    expect(FindingSchema.safeParse(f).success).toBe(true);
    expect(f.rule).toBe('jumlah-total');
    expect(f.severity).toBe('warning');
    expect(f.actual).toBe('29,822,934.850');
    // Σ programs: 6.822.934.850 + 0 × 6; program V says 0 instead of 23.000.000.000.
    expect(f.expected).toBe('6822934850');
    expect(f.message).toBe(
      'Total kebutuhan dana 29.822.934.850 (ditulis "29,822,934.850", penulisan meragukan) tidak sama dengan ' +
        'jumlah kebutuhan dana program 6.822.934.850 (selisih 23.000.000.000). Total ini sama dengan jumlah ' +
        'kebutuhan dana kegiatan 29.822.934.850; kemungkinan yang salah adalah kebutuhan dana program di K60, bukan totalnya.',
    );
    expect(f.related).toEqual(['K3', 'K32', 'K41', 'K44', 'K60', 'K65', 'K72']);
  });

  test('Magetan realisasi anggaran: TOTAL 24.175.862.284 / 23.594.861.370 agree with the programs', () => {
    expect(check(magetanRealisasiAnggaran(loadFixture('lkjip_magetan_2024_realisasi_anggaran')).ctx)).toEqual([]);
  });

  test('Magetan realisasi anggaran: a changed TOTAL is an error', () => {
    const sheet = loadFixture('lkjip_magetan_2024_realisasi_anggaran');
    sheet.values[20][4] = '23.594.816.370';
    const f = check(magetanRealisasiAnggaran(sheet).ctx);
    expect(f.map((x) => [x.cell, x.severity, x.actual, x.expected])).toEqual([['E21', 'error', '23594816370', '23594861370']]);
    expect(f[0].message).toBe(
      'Total realisasi anggaran 23.594.816.370 tidak sama dengan jumlah realisasi anggaran program 23.594.861.370 (selisih 45.000).',
    );
  });

  test('Magetan efisiensi: "Efisiensi Total" has no money to check', () => {
    expect(check(magetanEfisiensi(loadFixture('lkjip_magetan_2024_efisiensi_sasaran')).ctx)).toEqual([]);
  });

  test('Magetan T-C.33 has no total row', () => {
    expect(check(magetanTC33(loadFixture('renja_magetan_2022_tc33')).ctx)).toEqual([]);
  });
});

describe('jumlah-total on synthetic tables', () => {
  test('a wrong total is an error with the difference', () => {
    const t = buatTabel({
      columns: COLUMNS,
      rows: [row(0, 'I', 'P1', '100'), row(1, '1', 'K1', '100'), row(0, 'II', 'P2', '50'), jumlah('160')],
    });
    const f = check(t.ctx);
    expect(f.map((x) => [x.cell, x.severity, x.actual, x.expected])).toEqual([['C5', 'error', '160', '150']]);
    expect(f[0].message).toBe('Total pagu 160 tidak sama dengan jumlah pagu program 150 (selisih 10).');
    expect(f[0].related).toEqual(['C2', 'C4']);
  });

  test('a blank total cell, or a malformed one, gives no finding', () => {
    for (const cell of [null, '-', '53.600.0000']) {
      const t = buatTabel({ columns: COLUMNS, rows: [row(0, 'I', 'P1', '100'), jumlah(cell)] });
      expect(check(t.ctx)).toEqual([]);
    }
  });

  test('empty top rows are absent and said so', () => {
    const t = buatTabel({
      columns: COLUMNS,
      rows: [row(0, 'I', 'P1', '100'), row(0, 'II', 'P2', '-'), jumlah('150')],
    });
    expect(check(t.ctx)[0].message).toContain('1 baris program kosong tidak dihitung.');
  });

  test('a blank top row counts with the sum of its children', () => {
    const t = buatTabel({
      columns: COLUMNS,
      levelNames: ['urusan', 'bidang', 'program'],
      rows: [row(0, '1', 'URUSAN', null), row(1, '1.06', 'BIDANG', '70'), row(2, '1.06.01', 'PROGRAM', '70'), jumlah('70')],
    });
    expect(check(t.ctx)).toEqual([]);
  });

  test('a total equal to a deeper level names the parent rows that disagree', () => {
    const t = buatTabel({
      columns: COLUMNS,
      rows: [
        row(0, 'I', 'P1', '100'),
        row(1, '1', 'K1', '100'),
        row(0, 'II', 'P2', '0'),
        row(1, '2', 'K2', '30'),
        row(2, '2.1', 'S2.1', '30'),
        jumlah('130'),
      ],
    });
    const f = check(t.ctx);
    expect(f.map((x) => [x.cell, x.severity])).toEqual([['C7', 'warning']]);
    expect(f[0].message).toContain('Total ini sama dengan jumlah pagu kegiatan 130');
    expect(f[0].message).toContain('pagu program di C4, bukan totalnya');
    expect(f[0].related).toContain('C4');
  });

  test('a gap above the total: the sum cannot be checked', () => {
    const t = buatTabel({
      columns: COLUMNS,
      rows: [row(0, 'I', 'P1', '100'), baris(0, ['III', 'P3', '50'], { gapBefore: true }), jumlah('200')],
    });
    const f = check(t.ctx);
    expect(f.map((x) => x.severity)).toEqual(['info']);
    expect(f[0].message).toMatch(/^Jumlah tidak dapat diperiksa: ada baris yang hilang/);
  });

  test('a total printed above its rows', () => {
    const t = buatTabel({
      columns: COLUMNS,
      rows: [jumlah('150'), row(0, 'I', 'P1', '100'), row(0, 'II', 'P2', '40')],
    });
    expect(check(t.ctx).map((x) => [x.cell, x.expected])).toEqual([['C2', '140']]);
  });

  test('subtotals per block and a grand total over the subtotals', () => {
    const rows = [
      bagian(['A', 'Belanja langsung']),
      row(0, 'I', 'P1', '100'),
      row(0, 'II', 'P2', '50'),
      jumlah('150'),
      bagian(['B', 'Belanja tidak langsung']),
      row(0, 'I', 'P3', '70'),
      jumlah('70'),
      bagian(['', '']),
      total([null, 'TOTAL', '220']),
    ];
    expect(check(buatTabel({ columns: COLUMNS, rows }).ctx)).toEqual([]);
    rows[8] = total([null, 'TOTAL', '230']);
    const f = check(buatTabel({ columns: COLUMNS, rows }).ctx);
    expect(f.map((x) => [x.cell, x.expected])).toEqual([['C10', '220']]);
    expect(f[0].message).toBe('Total pagu 230 tidak sama dengan jumlah pagu subtotal 220 (selisih 10).');
  });

  test('a mixed-mark total that one reading makes right: an info naming the reading', () => {
    const t = buatTabel({ columns: COLUMNS, rows: [row(0, 'I', 'P1', '1.500.000'), jumlah('1,500.000')] });
    const f = check(t.ctx);
    expect(f.map((x) => [x.cell, x.severity])).toEqual([['C3', 'info']]);
    expect(f[0].message).toContain('dibaca 1.500.000 sama dengan jumlah pagu program');
  });

  test('non-money columns of a total row are not summed', () => {
    const t = buatTabel({
      columns: [...COLUMNS, kolom('Capaian', 'capaian')],
      rows: [baris(0, ['I', 'P1', '100', '90']), baris(0, ['II', 'P2', '50', '80']), total([null, 'TOTAL', '150', '85'])],
    });
    expect(check(t.ctx)).toEqual([]);
  });
});
