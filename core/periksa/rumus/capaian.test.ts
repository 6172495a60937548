import { arahOf } from './capaian';

describe('arahOf', () => {
  it('reads lower-is-better only from clear words', () => {
    expect(arahOf('Persentase angka kemiskinan')).toBe('turun');
    expect(arahOf('Tingkat pengangguran terbuka')).toBe('turun');
    expect(arahOf('Rata-rata waktu pelayanan')).toBe('turun');
    expect(arahOf('Persentase dokumen yang selesai tepat waktu')).toBe('naik');
    expect(arahOf('Persentase keluarga miskin yang mendapat bantuan')).toBe('naik');
    expect(arahOf('Persentase penurunan angka kemiskinan')).toBe('naik');
  });
});
