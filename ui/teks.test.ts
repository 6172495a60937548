import type { Finding } from '../core/periksa';
import type { PeriksaView } from './jembatan';
import {
  cakupanTeks,
  detik,
  judulTabel,
  kembalikanTeks,
  kemajuanTeks,
  pesanGalat,
  pohonTeks,
  ringkasan,
  rumusBawaanTeks,
  tanpaAwalanTeks,
} from './teks';

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
const view = (findings: Finding[], tables = [table]): PeriksaView => ({
  cakupan: 'lembar',
  tables,
  findings,
  skala: null,
  marked: 3,
  ms: 1250,
});

describe('pane sentences', () => {
  it('summarise counts by severity in id-ID numbers, with where and how long', () => {
    expect(ringkasan(view([f('error'), f('error'), f('info')]))).toBe(
      '3 temuan (2 galat, 1 info) pada 1 tabel di lembar aktif, 3 sel ditandai · 1,3 detik',
    );
    expect(ringkasan(view([]))).toBe('Tidak ada temuan pada 1 tabel di lembar aktif · 1,3 detik');
    expect(ringkasan({ ...view([], []), cakupan: 'pilihan' })).toBe(
      'Tidak ada tabel Renja atau LKjIP yang dikenali di sel yang dipilih · 1,3 detik',
    );
    // One active cell: the sentence names the range that was really checked.
    expect(ringkasan({ ...view([]), cakupan: 'pilihan', wilayah: 'sekitar sel C8 (Renja!B7:D8)' })).toBe(
      'Tidak ada temuan pada 1 tabel di sekitar sel C8 (Renja!B7:D8) · 1,3 detik',
    );
    expect(detik(12_345)).toBe('12 detik');
  });
  it('name a table by sheet, range, layout and rows', () => {
    expect(judulTabel(table)).toBe('Renja!A1:L76 · Renja T-C.31 review rancangan awal RKPD · 1.234 baris');
    expect(judulTabel(null)).toBe('Antartabel');
  });
  it('say progress, pohon and LAMBDA outcomes plainly', () => {
    expect(kemajuanTeks({ tahap: 'periksa', pesan: 'Memeriksa lembar Renja', selesai: 1, total: 3 })).toBe(
      'Memeriksa lembar Renja (1 dari 3)',
    );
    expect(pohonTeks({ status: 'sudah-ada', sheet: 'Pohon Kinerja', nodes: 0, messages: [] })).toBe(
      'Lembar "Pohon Kinerja" sudah ada. Ganti dengan pohon yang baru?',
    );
    expect(pohonTeks({ status: 'dibuat', sheet: 'Pohon Kinerja', nodes: 1500, messages: [] })).toBe(
      'Pohon kinerja dengan 1.500 simpul dibuat di lembar "Pohon Kinerja".',
    );
    expect(tanpaAwalanTeks({ status: 'tidak-didukung', names: [] })).toMatch(/^Excel ini belum mendukung LAMBDA/);
    expect(tanpaAwalanTeks({ status: 'terpasang', names: ['CAPAIAN', 'SERAPAN'] })).toBe(
      'Nama CAPAIAN, SERAPAN dipasang di buku kerja ini: =CAPAIAN(…) dapat diketik tanpa awalan.',
    );
    expect(pesanGalat(new Error('Lembar tidak ada.'))).toBe('Lembar tidak ada.');
    expect(pesanGalat({})).toMatch(/^Terjadi kesalahan/);
  });

  it('say how many cells become native formulas, where, and how many cannot', () => {
    const c = { sheet: 'Renja', cell: 'F5', formula: '=SAKIP.CAPAIAN(E5,D5)', native: '=IF(…)', note: null };
    const s = { sheet: 'Renja', cell: 'F6', formula: '=SAKIP.CAPAIAN(E6:E7,D6)', reason: 'x' };
    const many = Array.from({ length: 1200 }, () => c);
    expect(rumusBawaanTeks({ cakupan: 'lembar', converted: many, skipped: [s], applied: false })).toBe(
      '1.200 sel di lembar aktif akan diubah menjadi rumus bawaan, sehingga tetap terhitung di komputer tanpa add-in. 1 sel tidak dapat diubah (lihat daftar).',
    );
    expect(rumusBawaanTeks({ cakupan: 'buku', converted: [c], skipped: [], applied: true })).toBe(
      '1 sel di seluruh buku kerja diubah menjadi rumus bawaan; rumus aslinya disimpan di lembar tersembunyi "Rumus Asli".',
    );
    expect(rumusBawaanTeks({ cakupan: 'pilihan', converted: [], skipped: [], applied: false })).toBe(
      'Tidak ada rumus Lembar Kinerja (mis. =CAPAIAN atau =SAKIP.CAPAIAN) di sel yang dipilih.',
    );
    expect(kembalikanTeks({ restored: 0, kept: 0 })).toBe('Tidak ada rumus asli yang tersimpan di buku kerja ini.');
    expect(kembalikanTeks({ restored: 3, kept: 1 })).toBe(
      'Rumus asli 3 sel dikembalikan. 1 sel yang sudah diubah sesudahnya dibiarkan seperti sekarang.',
    );
  });
});

describe('coverage in the pane (issue 13)', () => {
  const base = { sheet: 'Data', range: 'A1:D4', layout: 'tidak-dikenal' as const, confidence: 0.5, rows: 3 };
  const view = (coverage: import('../core/periksa').Coverage) =>
    ({ cakupan: 'lembar', tables: [{ ...base, coverage }], findings: [], skala: null, marked: 0, ms: 1300 }) as Parameters<
      typeof ringkasan
    >[0];

  it('says "Tidak ada temuan" only when a value was compared', () => {
    const nothing = {
      checks: [],
      unchecked: [{ columns: ['C', 'D'], why: 'x' }],
      valuesChecked: false,
      understood: 'Tabel ditemukan, tetapi tidak dipahami.',
    };
    expect(ringkasan(view(nothing))).toBe(
      'Tidak ada nilai yang dapat diperiksa pada 1 tabel di lembar aktif (hanya penulisan angka) · 1,3 detik',
    );
    const sums = {
      checks: [{ rule: 'jumlah-induk' as const, columns: ['C'], what: 'Jumlah 2 baris induk …' }],
      unchecked: [],
      valuesChecked: true,
    };
    expect(ringkasan(view(sums))).toBe('Tidak ada temuan pada 1 tabel di lembar aktif · 1,3 detik');
  });

  it('lists what was checked and what was not, with the reason', () => {
    expect(
      cakupanTeks({
        checks: [
          { rule: 'rumus-kolom', columns: ['F'], what: 'Hubungan kolom F = D / C × 100 …' },
          { rule: 'format-angka', columns: ['C'], what: 'Penulisan angka' },
        ],
        unchecked: [{ columns: ['E'], why: 'Angka yang bukan uang …' }],
        valuesChecked: true,
      }),
    ).toEqual(['Diperiksa: Hubungan kolom F = D / C × 100 …', 'Tidak diperiksa, kolom E: Angka yang bukan uang …']);
  });
});
