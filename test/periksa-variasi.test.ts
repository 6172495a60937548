import { CellValue, Sheet, Workbook } from '../core/lembar/model';
import { periksaWorkbook } from '../core/periksa';
import { findTables } from '../core/tata-letak';
import { Finding } from '../core/periksa/temuan';

/**
 * The engine will meet real tables of the same families that are not in the repository. Each
 * case here is a variation built by hand on what real documents do, checked end to end.
 */

function periksa(...sheets: { name: string; values: CellValue[][]; merges?: Sheet['merges'] }[]): Finding[] {
  const wb: Workbook = { name: 'variasi', sheets: sheets.map((s) => ({ ...s, typed: false })) };
  return periksaWorkbook(wb).findings;
}

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error').map((f) => `${f.cell} ${f.rule}`);

/** A T-C.33 in English-format money, five-cell kode, kegiatan pagu not the sum of its subs. */
const TC33_EN: CellValue[][] = [
  [
    'Kode',
    null,
    null,
    null,
    null,
    'Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan',
    'Indikator',
    'Target 2025',
    'Pagu Indikatif 2025',
  ],
  ['1', '06', '02', null, null, 'PROGRAM PEMBERDAYAAN SOSIAL', 'Persentase PSKS aktif', '100 %', '6,867,723,003.00'],
  ['1', '06', '02', '2.01', null, 'Pengembangan Potensi Sumber Kesejahteraan Sosial', 'Jumlah PSKS', '230 orang', '6,867,723,003.00'],
  ['1', '06', '02', '2.01', '0001', 'Peningkatan Kemampuan Potensi Pekerja Sosial', 'Jumlah orang', '50 orang', '1,867,723,003.00'],
  [
    '1',
    '06',
    '02',
    '2.01',
    '0002',
    'Peningkatan Kemampuan Potensi Tenaga Kesejahteraan Sosial',
    'Jumlah orang',
    '50 orang',
    '4,000,000,000.00',
  ],
];

describe('variations of real tables', () => {
  it('English-format money (6,867,723,003.00) with five-cell kode and a wrong kegiatan', () => {
    const findings = periksa({
      name: 'T-C.33',
      values: TC33_EN,
      // "Kode" merged over its five parts, as in the printed Renja.
      merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
    });
    expect(errors(findings)).toEqual(['I3 jumlah-induk']);
    const f = findings.find((x) => x.cell === 'I3')!;
    expect(f.expected).toBe('5867723003');
    expect(f.message).toContain('5.867.723.003');
  });

  it('the same table when "Kode" lost its merge over the five parts (a PDF conversion)', () => {
    const findings = periksa({
      name: 'T-C.33',
      values: TC33_EN,
    });
    expect(errors(findings)).toEqual(['I3 jumlah-induk']);
  });

  it('a lost page: a numbering gap means no sum error is claimed across it', () => {
    const findings = periksa({
      name: 'Anggaran',
      values: [
        ['No.', 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)', '% Capaian'],
        ['1.', 'PROGRAM PENUNJANG URUSAN', '300.000.000', '270.000.000', '90,00'],
        ['1.1', 'Perencanaan', '100.000.000', '90.000.000', '90,00'],
        ['1.2', 'Administrasi Keuangan', '100.000.000', '90.000.000', '90,00'],
        // 1.3 was on the lost page
        ['1.4', 'Administrasi Umum', '50.000.000', '45.000.000', '90,00'],
      ],
    });
    expect(errors(findings)).toEqual([]);
    expect(findings.some((f) => f.rule === 'hierarki' && /hilang/i.test(f.message))).toBe(true);
  });

  it('a number row that states its formula (11 =10/4) is checked', () => {
    const findings = periksa({
      name: 'Renstra',
      values: [
        ['No', 'Sasaran', 'Indikator', 'Target akhir Renstra', '', '', '', '', '', 'Realisasi 2024', 'Capaian thd Renstra (%)'],
        ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11 =10/4'],
        ['1', 'Meningkatnya perlindungan sosial', 'Persentase PPKS terlindungi', '80', '', '', '', '', '', '60', '75,00'],
        ['2', 'Meningkatnya pemberdayaan', 'Persentase PSKS aktif', '50', '', '', '', '', '', '45', '95,00'],
      ],
    });
    expect(errors(findings)).toEqual(['K4 rumus-kolom']);
  });

  it('an efficiency table using the difference method: only the row that fits no method is wrong', () => {
    const findings = periksa({
      name: 'Efisiensi',
      values: [
        [
          'Program',
          'Indikator',
          'Kinerja | Target',
          'Kinerja | Realisasi',
          'Kinerja | % Capaian',
          'Anggaran | Anggaran (Rp)',
          'Anggaran | Realisasi (Rp)',
          'Anggaran | % Serapan',
          'Tingkat Efisiensi',
        ],
        ['Program A', 'Indikator A', '100', '98', '98,00', '1.000.000.000', '900.000.000', '90,00', '8,00'],
        ['Program B', 'Indikator B', '100', '95', '95,00', '2.000.000.000', '1.700.000.000', '85,00', '10,00'],
        ['Program C', 'Indikator C', '100', '99', '99,00', '500.000.000', '480.000.000', '96,00', '3,00'],
        ['Program D', 'Indikator D', '100', '92', '92,00', '800.000.000', '640.000.000', '80,00', '15,00'],
      ],
    });
    expect(errors(findings)).toEqual(['I5 rumus-kolom']);
    expect(findings.find((f) => f.cell === 'I5')!.expected).toBe('12');
  });

  it('a triwulan plan whose shares do not reach 100 %', () => {
    const findings = periksa({
      name: 'Triwulan',
      values: [
        [
          'No',
          'Kegiatan',
          'Pagu (Rp)',
          'TW I | K (%)',
          'TW I | Rp',
          'TW II | K (%)',
          'TW II | Rp',
          'TW III | K (%)',
          'TW III | Rp',
          'TW IV | K (%)',
          'TW IV | Rp',
        ],
        ['1', 'Penyediaan Makanan', '200.000.000', '25', '50.000.000', '25', '50.000.000', '25', '50.000.000', '25', '50.000.000'],
        ['2', 'Penyediaan Sandang', '100.000.000', '10', '10.000.000', '30', '30.000.000', '30', '30.000.000', '20', '30.000.000'],
      ],
    });
    const tw = findings.filter((f) => f.rule === 'triwulan' && f.severity !== 'info');
    expect(tw.length).toBeGreaterThan(0);
    expect(tw.every((f) => /3$/.test(f.cell))).toBe(true);
  });

  it('a scale table in the workbook decides the predikat', () => {
    const findings = periksa(
      {
        name: 'Skala',
        values: [
          ['Capaian', 'Predikat'],
          ['≥ 90', 'Sangat Baik'],
          ['75 - < 90', 'Baik'],
          ['< 75', 'Kurang'],
        ],
      },
      {
        name: 'Capaian',
        values: [
          ['Sasaran Strategis', 'Indikator Kinerja', 'Target', 'Realisasi', 'Capaian %', 'Predikat'],
          ['Sasaran 1', 'Indikator 1', '100', '92', '92,00', 'Sangat Baik'],
          ['Sasaran 2', 'Indikator 2', '100', '80', '80,00', 'Sangat Baik'],
        ],
      },
    );
    expect(errors(findings)).toEqual(['F3 predikat']);
  });
});

/** Issue 13: tables whose headers the checker does not know, read from their numbers. */
describe('tables read from their own numbers', () => {
  const run = (name: string, values: CellValue[][]) => periksaWorkbook({ name: 'variasi', sheets: [{ name, values, typed: false }] });

  // A realisation report with neutral words for Anggaran | Pagu / Realisasi / Sisa / Realisasi (%).
  const REWORDED: CellValue[][] = [
    ['No', 'Uraian', 'Dana | Alokasi', 'Dana | Terpakai', 'Dana | Selisih', 'Dana | Persentase'],
    ['1.', 'PROGRAM PENUNJANG', '5.215.862.284', '5.064.388.054', '151.474.230', '97,10'],
    ['1.1', 'Perencanaan', '39.845.000', '39.709.000', '136.000', '99,66'],
    ['1.2', 'Administrasi Keuangan', '5.176.017.284', '5.024.679.054', '151.338.230', '97,08'],
    ['2.', 'PROGRAM KESEHATAN', '1.000.000.000', '900.000.000', '100.000.000', '90,00'],
    ['2.1', 'Pelayanan', '600.000.000', '550.000.000', '50.000.000', '91,67'],
    ['2.2', 'Pencegahan', '400.000.000', '350.000.000', '50.000.000', '87,50'],
    ['', 'JUMLAH', '6.215.862.284', '5.964.388.054', '251.474.230', '95,95'],
  ];

  it('a reworded realisation report: the percent column is never summed, and nothing is wrong', () => {
    const r = run('Dana', REWORDED);
    expect(errors(r.findings)).toEqual([]);
    const checks = r.tables[0].coverage!.checks;
    expect(checks.map((c) => c.relation?.formula).filter(Boolean)).toEqual(['E = C − D', 'F = D / C × 100']);
    expect(r.tables[0].coverage!.valuesChecked).toBe(true);
  });

  it('a planted wrong percent and a wrong difference are found, naming the relation and its support', () => {
    const bad = REWORDED.map((row) => row.slice());
    bad[2][5] = '95,66';
    bad[5][4] = '40.000.000';
    const found = run('Dana', bad).findings.filter((f) => f.severity === 'error');
    const f3 = found.find((f) => f.cell === 'F3')!;
    expect(f3.rule).toBe('rumus-kolom');
    expect(f3.message).toContain('kolom F = D / C × 100 pada 6 dari 7 baris');
    expect(found.some((f) => f.cell === 'E6' && f.rule === 'rumus-kolom' && f.expected === '50000000')).toBe(true);
  });

  it('a capaian column headed "Target Kinerja(%)": a wrong capaian is found, not "Tidak ada temuan"', () => {
    const r = run('Capaian', [
      ['No', 'Sasaran', 'Indikator', 'Target Kinerja', 'Realisasi Kinerja', 'Target Kinerja(%)'],
      ['1', 'Meningkatnya derajat kesehatan', 'Angka harapan hidup', '72,5', '72,8', '100,41'],
      ['2', 'Meningkatnya derajat kesehatan', 'Persentase balita gizi baik', '90', '92', '102,22'],
      ['3', 'Meningkatnya mutu layanan', 'Indeks kepuasan masyarakat', '80', '78', '95,50'],
      ['4', 'Meningkatnya mutu layanan', 'Puskesmas terakreditasi', '20', '19', '95,00'],
      ['5', 'Meningkatnya mutu layanan', 'RS terakreditasi', '4', '4', '100,00'],
    ]);
    expect(errors(r.findings)).toEqual(['F4 rumus-kolom']);
    expect(r.findings.find((f) => f.cell === 'F4')!.expected).toBe('97.5');
  });

  it('an APBD revision table: found, bertambah = sesudah − sebelum checked, (negatives) read and not flagged', () => {
    const r = run('Perubahan', [
      [
        'Kode Rekening',
        'Uraian',
        'Sebelum Perubahan (Rp)',
        'Setelah Perubahan (Rp)',
        'Bertambah / (Berkurang) Rp',
        'Bertambah / (Berkurang) %',
      ],
      ['4.1', 'Pendapatan Asli Daerah', '250.000.000', '280.000.000', '30.000.000', '12,00'],
      ['4.2', 'Pendapatan Transfer', '1.000.000.000', '1.020.000.000', '20.000.000', '2,00'],
      ['5.1', 'Belanja Operasi', '900.000.000', '870.000.000', '(30.000.000)', '(3,33)'],
      ['5.2', 'Belanja Modal', '500.000.000', '510.000.000', '10.000.000', '2,00'],
      ['5.3', 'Belanja Tidak Terduga', '100.000.000', '90.000.000', '(20.000.000)', '(10,00)'],
    ]);
    expect(r.tables).toHaveLength(1);
    expect(errors(r.findings)).toEqual(['E6 rumus-kolom']);
    expect(r.findings.find((f) => f.cell === 'E6')!.expected).toBe('-10000000');
    expect(r.findings.filter((f) => /negatif/.test(f.message))).toEqual([]);
  });

  // An efisiensi table with every value header reworded: the numbers make the serapan column a
  // "capaian" and leave no serapan or Rp partner, so the efisiensi check by role finds no row.
  it('a reworded efisiensi table: a wrong efisiensi is found through the relation the numbers show', () => {
    const values: CellValue[][] = [
      ['Sasaran', 'Indikator', 'Data A', 'Data B', 'Data C', 'Data D', 'Data E', 'Data F', 'Data G'],
      ['Meningkatnya layanan', 'Indeks kepuasan', '80', '84', '105,00', '1.000.000.000', '950.000.000', '95,00', '9,52'],
      ['Meningkatnya mutu', 'Puskesmas terakreditasi', '20', '19', '95,00', '500.000.000', '400.000.000', '80,00', '15,79'],
      ['Meningkatnya cakupan', 'Cakupan imunisasi', '90', '93', '103,33', '800.000.000', '760.000.000', '95,00', '8,06'],
      ['Meningkatnya gizi', 'Balita gizi baik', '85', '85', '100,00', '600.000.000', '540.000.000', '90,00', '10,00'],
      ['Menurunnya stunting', 'Desa bebas stunting', '40', '44', '110,00', '300.000.000', '297.000.000', '99,00', '10,00'],
    ];
    expect(errors(run('Efisiensi', values).findings)).toEqual([]);
    values[3][8] = '12,06';
    const found = run('Efisiensi', values).findings.filter((f) => f.severity === 'error');
    expect(found.map((f) => `${f.cell} ${f.rule}`)).toEqual(['I4 rumus-kolom']);
    expect(found[0].message).toContain('kolom I = (1 − H / E) × 100 pada 4 dari 5 baris');
  });

  // A Renja per triwulan with neutral headers: K and Rp alternate, so the Rp of TW I … IV are
  // every other column after the pagu they share out.
  it('a reworded triwulan plan: Rp per triwulan that do not add up to the pagu are found', () => {
    const values: CellValue[][] = [
      ['No', 'Kegiatan', 'Data A', 'Data B', 'Data C', 'Data D', 'Data E', 'Data F', 'Data G', 'Data H', 'Data I'],
    ];
    const shares = [
      [10, 20, 30, 40],
      [25, 25, 25, 25],
      [15, 35, 30, 20],
      [5, 15, 40, 40],
      [20, 30, 30, 20],
    ];
    shares.forEach((k, i) => {
      const pagu = 200_000_000 * (i + 1);
      values.push([String(i + 1), `Kegiatan ${i + 1}`, String(pagu), ...k.flatMap((x) => [String(x), String((pagu * x) / 100)])]);
    });
    expect(errors(run('Triwulan', values).findings)).toEqual([]);
    values[2][8] = String(Number(values[2][8]) + 1_000_000);
    const found = run('Triwulan', values).findings.filter((f) => f.severity === 'error');
    const sum = found.find((f) => f.cell === 'C3')!;
    expect(sum.rule).toBe('rumus-kolom');
    expect(sum.related).toContain('I3');
    expect(sum.message).toContain('tidak sama dengan jumlah');
    expect(sum.message).toContain('kolom C = E + G + I + K pada 4 dari 5 baris');
  });

  // Relations are learned from a sample spread over the table: a wrong percent near the end of
  // a long realisation report whose first 2,100 rows are not yet realised is still found.
  it('a long table whose first rows are atypical: a wrong percent near its end is found', () => {
    const values: CellValue[][] = [['No', 'Uraian', 'Data A', 'Data B', 'Data C']];
    for (let i = 1; i <= 2_500; i++) {
      const pagu = 1_000_000 * (i + 3);
      const real = 1_000 * (i * 37 + 500);
      const done = i > 2_100;
      values.push([
        String(i),
        `Sub kegiatan ${i}`,
        pagu.toLocaleString('id-ID'),
        done ? real.toLocaleString('id-ID') : '',
        done ? ((real / pagu) * 100).toFixed(2).replace('.', ',') : '',
      ]);
    }
    values[2_400][4] = '99,99';
    const found = run('Panjang', values).findings.filter((f) => f.severity === 'error');
    expect(found.map((f) => `${f.cell} ${f.rule}`)).toEqual(['E2401 rumus-kolom']);
    expect(found[0].message).toMatch(/kolom E = D \/ C × 100 pada [\d.]+ dari [\d.]+ baris contoh \(tabel 2\.500 baris\)/);
  });

  // A capaian table of five indicators with neutral headers, one of them lower-is-better (Rumus
  // 2): its row is noted, not an error, and does not count against the relation, so a real
  // error in another row is still found.
  it('five indicators, one lower-is-better: its row is a note, a wrong capaian an error', () => {
    const values: CellValue[][] = [
      ['No', 'Indikator', 'Data A', 'Data B', 'Data C'],
      ['1', 'Cakupan imunisasi dasar lengkap', '90', '93', '103,33'],
      ['2', 'Angka kesakitan DBD per 100.000 penduduk', '20', '15', '125,00'],
      ['3', 'Persentase puskesmas terakreditasi', '80', '76', '95,00'],
      ['4', 'Persentase balita gizi baik', '85', '87', '102,35'],
      ['5', 'Persentase desa stop buang air besar sembarangan', '60', '63', '105,00'],
    ];
    const noted = run('Capaian', values).findings;
    expect(errors(noted)).toEqual([]);
    expect(noted.find((f) => f.cell === 'E3')).toMatchObject({ severity: 'info', rule: 'rumus-kolom' });
    values[4][4] = '100,35';
    expect(errors(run('Capaian', values).findings)).toEqual(['E5 rumus-kolom']);
  });

  it('a table of numbers nothing relates says so instead of "no findings", and a sheet without a table is named', () => {
    const r = periksaWorkbook({
      name: 'variasi',
      sheets: [
        {
          name: 'Data',
          typed: false,
          values: [
            ['No', 'Indikator', 'Target', 'Realisasi'],
            ['1', 'Jumlah kunjungan', '1.200', '1.350'],
            ['2', 'Jumlah kader', '45', '40'],
            ['3', 'Jumlah posyandu', '30', '31'],
          ],
        },
        {
          name: 'Catatan',
          typed: false,
          values: [
            ['12', '15'],
            ['18', '21'],
          ],
        },
      ],
    });
    expect(r.tables[0].coverage!.valuesChecked).toBe(false);
    expect(r.tables[0].coverage!.understood).toMatch(/tidak dipahami/);
    expect(r.tables[0].coverage!.unchecked.flatMap((u) => u.columns)).toEqual(['C', 'D']);
    expect(r.sheetsWithoutTable).toEqual(['Catatan']);
  });
});

describe('rows of budget layouts and exports', () => {
  const run = (name: string, values: CellValue[][]) => periksaWorkbook({ name: 'variasi', sheets: [{ name, values, typed: false }] });

  it('a label row "Sub-Kegiatan :" between a kegiatan and its sub kegiatan keeps the sum checked', () => {
    const r = run('SIPD', [
      ['Kode', 'Uraian', 'Indikator', 'Target', 'Pagu (Rp)'],
      ['1.02.02', 'PROGRAM PEMENUHAN UPAYA KESEHATAN', 'Cakupan layanan', '100 %', '1.500.000.000'],
      ['1.02.02.2.01', 'Penyediaan Fasilitas Pelayanan Kesehatan', 'Jumlah fasilitas', '5 unit', '1.000.000.000'],
      ['Sub-Kegiatan :', '', '', '', ''],
      ['1.02.02.2.01.0001', 'Pembangunan Puskesmas', 'Jumlah puskesmas', '1 unit', '600.000.000'],
      ['1.02.02.2.01.0002', 'Rehabilitasi Puskesmas', 'Jumlah puskesmas', '2 unit', '300.000.000'],
      ['1.02.02.2.02', 'Penyediaan Layanan Kesehatan', 'Jumlah layanan', '3 jenis', '500.000.000'],
      ['Sub-Kegiatan :', '', '', '', ''],
      ['1.02.02.2.02.0001', 'Pengelolaan Pelayanan Kesehatan Ibu Hamil', 'Jumlah ibu hamil', '900 orang', '500.000.000'],
    ]);
    expect(errors(r.findings)).toEqual(['E3 jumlah-induk']);
  });

  // One wrong kegiatan breaks two sums (its own and its program's): with only three parents
  // the column must still be recognised as money that adds up, or the error hides its check.
  it('a reworded SIPD export with label rows: a wrong kegiatan pagu under a neutral header is found', () => {
    const values: CellValue[][] = [
      ['Kode', 'Uraian', 'Indikator', 'Data A', 'Satuan', 'Data B'],
      ['1.01.02', 'PROGRAM PENGELOLAAN PENDIDIKAN', 'Persentase sekolah terakreditasi', '85', '%', '9.500.000.000'],
      ['Kegiatan :', '', '', '', '', ''],
      ['1.01.02.2.01', 'Pengelolaan Pendidikan Sekolah Dasar', 'Jumlah SD', '214', 'Unit', '6.350.000.000'],
      ['Sub Kegiatan :', '', '', '', '', ''],
      ['1.01.02.2.01.0012', 'Pembangunan Ruang Kelas Baru', 'Jumlah ruang kelas', '12', 'Unit', '2.400.000.000'],
      ['1.01.02.2.01.0030', 'Pengadaan Perlengkapan Sekolah', 'Jumlah paket', '40', 'Paket', '3.950.000.000'],
      ['Kegiatan :', '', '', '', '', ''],
      ['1.01.02.2.02', 'Pengelolaan Pendidikan SMP', 'Jumlah SMP', '62', 'Unit', '3.149.000.000'],
      ['Sub Kegiatan :', '', '', '', '', ''],
      ['1.01.02.2.02.0012', 'Pembangunan Ruang Kelas Baru', 'Jumlah ruang kelas', '6', 'Unit', '1.350.000.000'],
      ['1.01.02.2.02.0030', 'Pengadaan Perlengkapan Sekolah', 'Jumlah paket', '25', 'Paket', '1.800.000.000'],
    ];
    const found = errors(run('SIPD', values).findings);
    expect(found).toContain('F9 jumlah-induk');
  });

  it('an LRA: account codes skip levels without "Baris hilang?", Surplus / (Defisit) is no child, negatives are normal', () => {
    const r = run('LRA', LRA);
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.cell} ${f.rule}`)).toEqual([]);
    // "Lebih / (Kurang)" reads as sisa, but the numbers are realisasi − anggaran: the numbers win.
    expect(r.tables[0].coverage!.checks.map((c) => c.relation?.formula).filter(Boolean)).toEqual(['E = D − C']);
    const rows = findTables({ name: 'LRA', typed: false, values: LRA })[0].rows;
    expect(rows.find((x) => x.row === 7)).toMatchObject({ kind: 'summary', parent: null });
  });

  // Realisasi − anggaran under pendapatan, anggaran − realisasi under belanja, as the RSUD
  // Kudus LRA of 2011 prints it: each group's rows decide its sign, and a single mistyped sign
  // or a wrong amount is still found.
  it('an LRA whose Lebih / Kurang changes sign between pendapatan and belanja: only real errors', () => {
    const values: CellValue[][] = [
      ['Kode Rekening', 'Uraian', 'Anggaran', 'Realisasi', 'Lebih / Kurang'],
      ['4.1.2.01.01', 'Retribusi Pelayanan Kesehatan', '41.106.544.000', '16.105.590.736', '(25.000.953.264)'],
      ['', 'Jumlah', '41.106.544.000', '16.105.590.736', '(25.000.953.264)'],
      ['5.2', 'BELANJA LANGSUNG', '42.608.644.000', '11.980.712.153', '30.627.931.847'],
      ['5.2.1', 'Belanja Pegawai', '1.374.184.000', '297.327.100', '1.076.856.900'],
      ['5.2.2', 'Belanja Barang dan Jasa', '32.590.385.000', '11.624.804.553', '20.965.580.447'],
      ['5.2.3', 'Belanja Modal', '8.644.075.000', '58.580.500', '8.585.494.500'],
    ];
    expect(errors(run('LRA', values).findings)).toEqual([]);
    const bad = values.map((row) => row.slice());
    bad[5][4] = '(20.965.580.447)'; // a sign typed the pendapatan way under belanja
    bad[1][4] = '(25.000.000.000)'; // a wrong amount under pendapatan
    const found = run('LRA', bad).findings.filter((f) => f.severity === 'error');
    expect(
      found
        .filter((f) => f.rule === 'rumus-kolom')
        .map((f) => f.cell)
        .sort(),
    ).toEqual(['E2', 'E6']);
    expect(found.find((f) => f.cell === 'E2')!.message).toContain('realisasi − anggaran');
    // The sums that now disagree (Jumlah, BELANJA LANGSUNG) point at the wrong cells.
    for (const f of found.filter((x) => x.rule !== 'rumus-kolom')) expect(f.related.some((c) => c === 'E2' || c === 'E6')).toBe(true);
  });

  it('a wrong Lebih / (Kurang) in an LRA is found, saying the numbers overruled the header', () => {
    const bad = LRA.map((row) => row.slice());
    bad[4][4] = '(40.000.000)';
    const f = run('LRA', bad).findings.filter((x) => x.severity === 'error');
    expect(f.map((x) => `${x.cell} ${x.rule}`)).toContain('E5 rumus-kolom');
    expect(f.find((x) => x.cell === 'E5')!.message).toContain('angka tabel mengikuti hubungan ini');
  });
});

const LRA: CellValue[][] = [
  ['Kode Rekening', 'Uraian', 'Anggaran (Rp)', 'Realisasi (Rp)', 'Lebih / (Kurang) (Rp)'],
  ['4', 'PENDAPATAN DAERAH', '1.300.000.000', '1.250.000.000', '(50.000.000)'],
  ['4.1', 'PENDAPATAN ASLI DAERAH', '300.000.000', '310.000.000', '10.000.000'],
  ['4.1.02', 'Retribusi Daerah', '300.000.000', '310.000.000', '10.000.000'],
  ['4.2', 'PENDAPATAN TRANSFER', '1.000.000.000', '940.000.000', '(60.000.000)'],
  ['5', 'BELANJA DAERAH', '1.450.000.000', '1.300.000.000', '(150.000.000)'],
  ['5.1', 'BELANJA OPERASI', '1.450.000.000', '1.300.000.000', '(150.000.000)'],
  ['', 'SURPLUS / (DEFISIT)', '(150.000.000)', '(50.000.000)', '100.000.000'],
];
