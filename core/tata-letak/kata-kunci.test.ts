import { canonicalWord, firstKeyWord, isHeaderText, splitWords } from './kata-kunci';

describe('splitWords', () => {
  it('joins letters spaced out for emphasis', () => {
    expect(splitWords('T O T A L')).toEqual(['total']);
    expect(splitWords('N o')).toEqual(['no']);
    expect(splitWords('Realisasi s/d Tahun 2019')).toEqual(['realisasi', 'sd', 'tahun', '2019']);
    expect(splitWords('Program/Kegiatan/ Sub Kegiatan')).toEqual(['program', 'kegiatan', 'sub', 'kegiatan']);
  });
});

describe('canonicalWord', () => {
  it.each([
    ['catan', 'catatan'],
    ['indikatf', 'indikatif'],
    ['realiasi', 'realisasi'],
    ['pencapaian', 'capaian'],
    ['persentase', '%'],
    ['rupiah', 'rp'],
  ])('reads %s as %s', (word, key) => {
    expect(canonicalWord(word)).toBe(key);
  });

  it.each(['keluarga', 'sarana', 'dinas', 'malang', 'sosial', 'penyediaan'])('does not stretch %s into a key word', (word) => {
    expect(canonicalWord(word)).toBeNull();
  });
});

describe('isHeaderText', () => {
  it.each([
    'Realisasi Target Kinerja hasil program dan keluaran kegiatan s/d tahun 2019',
    'Urusan/Bidang Urusan Pemerintahan daerah dan Program/Kegiatan',
    'Sumber Data',
    '% Capaian',
    'No.',
  ])('%s is a header', (text) => {
    expect(isHeaderText(text)).toBe(true);
  });

  it.each([
    'Program Peningkatan Kapasitas Sumber Daya Aparatur',
    'Persentase PPKS yang Mendapatkan Perlindungan dan Jaminan Sosial',
    'Kab. Malang',
    'Sangat Berhasil',
    'Dinas Sosial',
  ])('%s is data', (text) => {
    expect(isHeaderText(text)).toBe(false);
  });

  it('looks at the first word only for the cheap pre-test', () => {
    expect(firstKeyWord('  Target Renja')).toBe('target');
    expect(firstKeyWord('% Capaian')).toBe('%');
    expect(firstKeyWord('Meningkatnya Kualitas')).toBeNull();
  });
});
