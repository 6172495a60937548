import { CellValue, Sheet, Workbook } from '../core/lembar/model';
import { periksaWorkbook } from '../core/periksa';
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
  ['Kode', null, null, null, null, 'Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan', 'Indikator', 'Target 2025', 'Pagu Indikatif 2025'],
  ['1', '06', '02', null, null, 'PROGRAM PEMBERDAYAAN SOSIAL', 'Persentase PSKS aktif', '100 %', '6,867,723,003.00'],
  ['1', '06', '02', '2.01', null, 'Pengembangan Potensi Sumber Kesejahteraan Sosial', 'Jumlah PSKS', '230 orang', '6,867,723,003.00'],
  ['1', '06', '02', '2.01', '0001', 'Peningkatan Kemampuan Potensi Pekerja Sosial', 'Jumlah orang', '50 orang', '1,867,723,003.00'],
  ['1', '06', '02', '2.01', '0002', 'Peningkatan Kemampuan Potensi Tenaga Kesejahteraan Sosial', 'Jumlah orang', '50 orang', '4,000,000,000.00'],
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
        ['Program', 'Indikator', 'Kinerja | Target', 'Kinerja | Realisasi', 'Kinerja | % Capaian', 'Anggaran | Anggaran (Rp)', 'Anggaran | Realisasi (Rp)', 'Anggaran | % Serapan', 'Tingkat Efisiensi'],
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
        ['No', 'Kegiatan', 'Pagu (Rp)', 'TW I | K (%)', 'TW I | Rp', 'TW II | K (%)', 'TW II | Rp', 'TW III | K (%)', 'TW III | Rp', 'TW IV | K (%)', 'TW IV | Rp'],
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
