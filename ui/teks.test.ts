import type { Finding } from '../core/periksa';
import type { PeriksaView } from './jembatan';
import { detik, judulTabel, kemajuanTeks, pesanGalat, pohonTeks, ringkasan, tanpaAwalanTeks } from './teks';

const f = (severity: Finding['severity']): Finding => ({
  sheet: 'Renja',
  cell: 'F3',
  rule: 'jumlah-induk',
  severity,
  actual: '1',
  expected: '2',
  message: 'x',
  related: [],
});
const table = { sheet: 'Renja', range: 'A1:L76', layout: 'renja-tc31' as const, confidence: 1, rows: 1234 };
const view = (findings: Finding[], tables = [table]): PeriksaView => ({ cakupan: 'lembar', tables, findings, skala: null, marked: 3, ms: 1250 });

describe('pane sentences', () => {
  it('summarise counts by severity in id-ID numbers, with where and how long', () => {
    expect(ringkasan(view([f('error'), f('error'), f('info')]))).toBe('3 temuan (2 galat, 1 info) pada 1 tabel di lembar aktif, 3 sel ditandai · 1,3 detik');
    expect(ringkasan(view([]))).toBe('Tidak ada temuan pada 1 tabel di lembar aktif · 1,3 detik');
    expect(ringkasan({ ...view([], []), cakupan: 'pilihan' })).toBe('Tidak ada tabel Renja atau LKjIP yang dikenali di sel yang dipilih · 1,3 detik');
    expect(detik(12_345)).toBe('12 detik');
  });
  it('name a table by sheet, range, layout and rows', () => {
    expect(judulTabel(table)).toBe('Renja!A1:L76 · Renja T-C.31 review rancangan awal RKPD · 1.234 baris');
    expect(judulTabel(null)).toBe('Antartabel');
  });
  it('say progress, pohon and LAMBDA outcomes plainly', () => {
    expect(kemajuanTeks({ tahap: 'periksa', pesan: 'Memeriksa lembar Renja', selesai: 1, total: 3 })).toBe('Memeriksa lembar Renja (1 dari 3)');
    expect(pohonTeks({ status: 'sudah-ada', sheet: 'Pohon Kinerja', nodes: 0, messages: [] })).toBe('Lembar "Pohon Kinerja" sudah ada. Ganti dengan pohon yang baru?');
    expect(pohonTeks({ status: 'dibuat', sheet: 'Pohon Kinerja', nodes: 1500, messages: [] })).toBe('Pohon kinerja dengan 1.500 simpul dibuat di lembar "Pohon Kinerja".');
    expect(tanpaAwalanTeks({ status: 'tidak-didukung', names: [] })).toMatch(/^Excel ini belum mendukung LAMBDA/);
    expect(tanpaAwalanTeks({ status: 'terpasang', names: ['CAPAIAN', 'SERAPAN'] })).toBe('Nama CAPAIAN, SERAPAN dipasang di buku kerja ini: =CAPAIAN(…) dapat diketik tanpa awalan.');
    expect(pesanGalat(new Error('Lembar tidak ada.'))).toBe('Lembar tidak ada.');
    expect(pesanGalat({})).toMatch(/^Terjadi kesalahan/);
  });
});
