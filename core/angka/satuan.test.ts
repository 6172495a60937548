import { normalizeSatuan } from './satuan';

describe('normalizeSatuan', () => {
  it.each<[string, string]>([
    ['bln', 'bulan'],
    ['Bulan', 'bulan'],
    ['org', 'orang'],
    ['ORANG', 'orang'],
    ['dok', 'dokumen'],
    ['Dok.', 'dokumen'],
    ['Dokumen', 'dokumen'],
    ['%', 'persen'],
    ['(%)', 'persen'],
    ['persen', 'persen'],
    ['Persen', 'persen'],
    ['prosen', 'persen'],
    ['thn', 'tahun'],
    ['keg', 'kegiatan'],
    ['lap', 'laporan'],
    ['x', 'kali'],
  ])('%s is %s', (raw, canonical) => {
    expect(normalizeSatuan(raw)).toBe(canonical);
  });

  it('synonyms compare equal, so "24 bln" and "12 bulan" share a satuan', () => {
    expect(normalizeSatuan('bln')).toBe(normalizeSatuan('bulan'));
    expect(normalizeSatuan('org')).toBe(normalizeSatuan('Orang'));
    expect(normalizeSatuan('%')).toBe(normalizeSatuan('(%)'));
  });

  it('compound units normalise part by part, whatever the spacing', () => {
    expect(normalizeSatuan('Orang/Bulan')).toBe('orang/bulan');
    expect(normalizeSatuan('org / bln')).toBe('orang/bulan');
    expect(normalizeSatuan('Dok/Thn')).toBe('dokumen/tahun');
  });

  it('an unknown satuan is kept, lower-cased and with single spaces', () => {
    expect(normalizeSatuan('  Angka ')).toBe('angka');
    expect(normalizeSatuan('Lembaga   Sosial')).toBe('lembaga sosial');
    expect(normalizeSatuan('lemabaga')).toBe('lemabaga');
    expect(normalizeSatuan('')).toBe('');
  });
});
