import { CellValue } from '../lembar/model';
import { LayoutId } from '../tabel/model';
import { BATAS_JAUH, check } from './triwulan';
import { FindingSchema } from './temuan';
import { baris, buatTabel, kolom, total } from '../../test/helpers/uji-tabel';

/**
 * A Renja "target dan penyerapan per triwulan" table as offices print it: the rencana
 * columns, then K (% of the year's target) and Rp for each of TW I–IV.
 */
function tabel(
  rows: { no: string; name: string; pagu: CellValue; tw: CellValue[] }[],
  opts: { layout?: LayoutId; group?: string } = {},
) {
  const columns = [
    kolom('No', 'nomor'),
    kolom('Program/Kegiatan/Sub Kegiatan', 'uraian'),
    kolom('Indikator', 'indikator'),
    kolom('Pagu Indikatif (Rp)', 'pagu'),
  ];
  for (let q = 1; q <= 4; q++) {
    const group = `${opts.group ?? 'Target'} Triwulan ${['I', 'II', 'III', 'IV'][q - 1]}`;
    columns.push(kolom('K (%)', 'tw-k', { quarter: q, group }), kolom('Rp', 'tw-rp', { quarter: q, group }));
  }
  return buatTabel({
    columns,
    layout: opts.layout ?? 'renja-triwulan',
    rows: rows.map((r, i) =>
      r.no === 'JUMLAH'
        ? total([null, 'JUMLAH', null, r.pagu, ...r.tw])
        : baris(i === 0 ? 0 : 1, [r.no, r.name, 'indikator', r.pagu, ...r.tw]),
    ),
  });
}

describe('triwulan: shares per quarter', () => {
  const t = tabel([
    {
      no: 'I',
      name: 'PROGRAM REHABILITASI SOSIAL',
      pagu: '500.000.000',
      tw: ['25', '125.000.000', '25', '125.000.000', '25', '125.000.000', '25', '125.000.000'],
    },
    {
      no: '1',
      name: 'Penyediaan Permakanan',
      pagu: '300.000.000',
      tw: ['10', '30.000.000', '20', '60.000.000', '30', '90.000.000', '40', '120.000.000'],
    },
    {
      no: '2',
      name: 'Penyediaan Sandang',
      pagu: '200.000.000',
      tw: ['33,33', '66.666.666', '33,33', '66.666.667', '33,33', '66.666.667', '0', '0'],
    },
    {
      no: '3',
      name: 'Penyediaan Alat Bantu',
      pagu: '100.000.000',
      tw: ['25', '25.000.000', '25', '25.000.000', '25', '25.000.000', '20', '25.000.000'],
    },
    {
      no: '4',
      name: 'Reunifikasi Keluarga',
      pagu: '100.000.000',
      tw: ['25', '25.000.000', '25', '25.000.000', '25', '25.000.000', '25', '20.000.000'],
    },
    { no: '5', name: 'Bimbingan Sosial', pagu: '100.000.000', tw: ['25', '0', '25', '0', '25', '0', '25', '100.000.000'] },
    {
      no: '6',
      name: 'Layanan Rujukan',
      pagu: '40.000.000',
      tw: ['0', '10.000.000', '0', '10.000.000', '0', '10.000.000', '0', '10.000.000'],
    },
    { no: '7', name: 'Layanan Kedaruratan', pagu: '40.000.000', tw: ['-', '-', '50', '20.000.000', '50', '20.000.000', '-', '-'] },
    {
      no: 'JUMLAH',
      name: '',
      pagu: '500.000.000',
      tw: [null, '125.000.000', null, '125.000.000', null, '125.000.000', null, '125.000.000'],
    },
  ]);
  const findings = check(t.ctx);
  const at = (row: number) => findings.filter((f) => Number(f.cell.replace(/^[A-Z]+/, '')) === row);

  test('well-formed findings, only where the plan is off', () => {
    for (const f of findings) expect(FindingSchema.safeParse(f).success).toBe(true);
    expect(findings.every((f) => f.rule === 'triwulan')).toBe(true);
    const rows = [...new Set(findings.map((f) => Number(f.cell.replace(/^[A-Z]+/, ''))))].sort((a, b) => a - b);
    expect(rows).toEqual([4, 5, 6, 7]);
  });

  test('consistent rows, all-zero K and blank quarters give nothing', () => {
    for (const r of [2, 3, 8, 9, 10]) expect(at(r)).toEqual([]);
  });

  test('33,33 × 3 = 99,99: a difference the shown decimals explain is a warning', () => {
    const f = at(4);
    expect(f.map((x) => [x.cell, x.severity, x.actual])).toEqual([['K4', 'warning', '99.99']]);
    expect(f[0].message).toBe(
      'Target kinerja triwulan I–IV berjumlah 99,99, bukan 100; selisih 0,01 masih dalam pembulatan angka yang ditampilkan.',
    );
  });

  test('25 + 25 + 25 + 20 = 95 is an error', () => {
    const f = at(5);
    expect(f.map((x) => [x.cell, x.severity, x.actual, x.expected])).toEqual([['K5', 'error', '95', '100']]);
    expect(f[0].message).toBe('Target kinerja triwulan I–IV berjumlah 95, seharusnya 100 (selisih 5).');
    expect(f[0].related).toEqual(['E5', 'G5', 'I5']);
  });

  test('Rp of the quarters must add up to the pagu exactly', () => {
    const f = at(6);
    expect(f.map((x) => [x.cell, x.severity, x.actual, x.expected])).toEqual([['L6', 'error', '95000000', '100000000']]);
    expect(f[0].message).toBe('Rupiah triwulan I–IV berjumlah 95.000.000, tidak sama dengan pagu 100.000.000 (selisih 5.000.000).');
    expect(f[0].related).toEqual(['F6', 'H6', 'J6', 'D6']);
  });

  test(`K far from the quarter's share of the pagu (more than ${BATAS_JAUH} points) is one warning per row`, () => {
    const f = at(7);
    expect(f.map((x) => [x.cell, x.severity])).toEqual([['E7', 'warning']]);
    expect(f[0].message).toBe(
      'Target kinerja per triwulan jauh dari porsi anggarannya (beda lebih dari 10 poin): ' +
        'triwulan I 25 dan 0,00% dari pagu; triwulan II 25 dan 0,00% dari pagu; ' +
        'triwulan III 25 dan 0,00% dari pagu; triwulan IV 25 dan 100,00% dari pagu.',
    );
    expect(f[0].related).toEqual(['G7', 'I7', 'K7', 'F7', 'H7', 'J7', 'L7', 'D7']);
  });

  test('exactly 10 points apart is not "jauh"', () => {
    const near = tabel([{ no: '1', name: 'K', pagu: '100', tw: ['35', '25', '15', '25', '25', '25', '25', '25'] }]);
    expect(check(near.ctx)).toEqual([]);
    const far = tabel([{ no: '1', name: 'K', pagu: '100', tw: ['35,01', '25', '14,99', '25', '25', '25', '25', '25'] }]);
    expect(check(far.ctx).map((f) => f.cell)).toEqual(['E2']);
  });
});

describe('triwulan: cumulative tables', () => {
  const rows = [
    { no: 'I', name: 'PROGRAM', pagu: '400', tw: ['25', '100', '50', '200', '75', '300', '100', '400'] },
    { no: '1', name: 'Kegiatan 1', pagu: '200', tw: ['10', '20', '40', '80', '70', '140', '100', '200'] },
    { no: '2', name: 'Kegiatan 2', pagu: '200', tw: ['25', '50', '50', '100', '40', '100', '90', '190'] },
  ];
  const findings = check(tabel(rows).ctx);

  test('consistent cumulative rows are not asked to add up to 100', () => {
    expect(findings.filter((f) => /[A-Z](2|3)$/.test(f.cell))).toEqual([]);
  });

  test('TW IV must reach 100 and the pagu, and nothing may decrease', () => {
    expect(findings.map((f) => [f.cell, f.severity])).toEqual([
      ['K4', 'error'],
      ['I4', 'warning'],
      ['L4', 'error'],
    ]);
    expect(findings[0].message).toBe('Target kinerja kumulatif triwulan IV 90, seharusnya 100 (selisih 10).');
    expect(findings[1].message).toBe('Target kinerja kumulatif triwulan III 40 lebih kecil dari triwulan II 50.');
    expect(findings[2].message).toBe('Rupiah kumulatif triwulan IV 190, tidak sama dengan pagu 200 (selisih 10).');
  });
});

describe('triwulan: what is not a plan', () => {
  const rows = [{ no: '1', name: 'K', pagu: '100', tw: ['10', '5', '10', '5', '10', '5', '10', '5'] }];

  test('E.81 realisasi per triwulan is left to rumus-kolom', () => {
    expect(check(tabel(rows).ctx).length).toBeGreaterThan(0);
    expect(check(tabel(rows, { layout: 'renja-e81' }).ctx)).toEqual([]);
  });

  test('a series headed "Realisasi" is skipped', () => {
    expect(check(tabel(rows, { group: 'Realisasi' }).ctx)).toEqual([]);
  });

  test('a table without triwulan columns gives nothing', () => {
    const t = buatTabel({ columns: [kolom('No', 'nomor'), kolom('Pagu', 'pagu')], rows: [baris(0, ['1', '100'])] });
    expect(check(t.ctx)).toEqual([]);
  });

  test('text in a quarter cell stops that row, without a crash', () => {
    const t = tabel([{ no: '1', name: 'K', pagu: '100', tw: ['lihat lampiran', '25', '25', '25', '25', '25', '25', '25'] }]);
    expect(check(t.ctx)).toEqual([]);
  });
});
