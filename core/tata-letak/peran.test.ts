import { quarterOf, roleFromHeader } from './peran';

const role = (...parts: string[]) => roleFromHeader(parts).role;

describe('roleFromHeader', () => {
  it.each<[string[], string]>([
    [['No'], 'nomor'],
    [['No.'], 'nomor'],
    [['Kode Rekening'], 'kode'],
    [['Kode'], 'kode'],
    [['Kode (Program)'], 'kode-program'],
    [['Kode (Sub Kegiatan)'], 'kode-sub'],
    [['Kode (Bidang Urusan)'], 'kode-bidang'],
    [['Kode', 'Kegiatan'], 'kode-kegiatan'],
    [['Sasaran Strategis'], 'sasaran'],
    [['Sasaran'], 'sasaran'],
    [['Kelompok Sasaran'], 'lainnya'],
    [['Urusan/ Bidang Urusan/ Program/ Kegiatan/ Sub Kegiatan'], 'uraian'],
    [['Program/Kegiatan'], 'uraian'],
    [['Indikator Kinerja Program / Kegiatan'], 'indikator'],
    [['Satuan'], 'satuan'],
    [['Target'], 'target'],
    [['Target Kinerja Capaian Program Renstra Tahun 2018-2023'], 'target'],
    [['Realisasi'], 'realisasi'],
    [['Capaian %'], 'capaian'],
    [['% Capaian'], 'capaian'],
    [['Tingkat Realisasi (%)'], 'capaian'],
    [['Praktis Capaian'], 'capaian'],
    [['Kinerja', '% Capaian'], 'capaian'],
    [['Anggaran', '% Capaian'], 'serapan'],
    [['Anggaran', '%'], 'serapan'],
    [['Kategori'], 'predikat'],
    [['Predikat'], 'predikat'],
    [['Bidang Pengampu'], 'pj'],
    [['Penanggung jawab'], 'pj'],
    [['Unit'], 'pj'],
    [['Unit SKPD Penanggung Jawab'], 'pj'],
    [['Bidang'], 'pj'],
    [['Sumber Data'], 'sumber-data'],
    [['Sumber Dana'], 'sumber-dana'],
    [['Catatan Penting'], 'keterangan'],
    [['Catan Penting'], 'keterangan'],
    [['Keterangan'], 'keterangan'],
    [['Lokasi'], 'lokasi'],
    [['Anggaran (Rp)'], 'anggaran'],
    [['Realisasi (Rp)'], 'realisasi-rp'],
    [['Anggaran', 'Realisasi (Rp.)'], 'realisasi-rp'],
    [['Sisa'], 'sisa'],
    [['Sisa Anggaran'], 'sisa'],
    [['Tingkat Efisiensi'], 'efisiensi'],
    [['Pagu Indikatif (Rp.)'], 'pagu'],
    [['Kebutuhan dana (Rp.)'], 'kebutuhan'],
    [['Hasil Analisis Kebutuhan', 'Target Capaian'], 'target'],
    [['Target Renstra', 'K'], 'target'],
    [['Target Renstra', 'Rp'], 'pagu'],
    [['Realisasi s/d n-2', 'K'], 'realisasi'],
    [['Realisasi s/d n-2', 'Rp'], 'realisasi-rp'],
    [['Tingkat Capaian Renstra (%)', 'K'], 'capaian'],
    [['Tingkat Capaian Renstra (%)', 'Rp'], 'serapan'],
    [['Prakiraan Capaian n-1'], 'realisasi'],
    [['Besaran/Volume'], 'target'],
    [['Target Kinerja', 'Tahun 2023', '(%)'], 'target'],
    [[''], 'lainnya'],
    [['Foto'], 'lainnya'],
  ])('%j → %s', (parts, expected) => {
    expect(role(...parts)).toBe(expected);
  });

  it.each<[string[], string, number]>([
    [['TW I', 'K'], 'tw-k', 1],
    [['Triwulan II', 'Rp'], 'tw-rp', 2],
    [['Realisasi Kinerja Pada Triwulan III', 'K'], 'tw-k', 3],
    [['Target Triwulan IV (%)'], 'tw-k', 4],
    [['TW-4', 'Keuangan'], 'tw-rp', 4],
  ])('%j → %s of quarter %d', (parts, expected, quarter) => {
    expect(roleFromHeader(parts)).toMatchObject({ role: expected, quarter });
  });

  it('leaves a bare "TW I" open for the cells to decide', () => {
    expect(roleFromHeader(['TW I'])).toMatchObject({ role: 'tw-k', quarter: 1, quarterUnsure: true });
  });
});

describe('quarterOf', () => {
  it.each<[string, number | undefined]>([
    ['TW I', 1],
    ['TW.II', 2],
    ['Triwulan III', 3],
    ['TWIV', 4],
    ['trw 2', 2],
    ['Target Tahun 2024', undefined],
    ['Realisasi', undefined],
  ])('%s', (text, q) => {
    expect(quarterOf(text)).toBe(q);
  });
});
