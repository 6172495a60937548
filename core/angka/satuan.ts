/**
 * Satuan (units) as planners type them, mapped to one canonical spelling so that
 * "24 bln" and "12 bulan" compare equal.
 */
const SINONIM: Record<string, string> = {
  bln: 'bulan',
  bulan: 'bulan',
  org: 'orang',
  orang: 'orang',
  dok: 'dokumen',
  dokumen: 'dokumen',
  '%': 'persen',
  '(%)': 'persen',
  persen: 'persen',
  prosen: 'persen',
  thn: 'tahun',
  tahun: 'tahun',
  kel: 'keluarga',
  keluarga: 'keluarga',
  kk: 'kk',
  keg: 'kegiatan',
  kegiatan: 'kegiatan',
  lap: 'laporan',
  laporan: 'laporan',
  bh: 'buah',
  buah: 'buah',
  pkt: 'paket',
  paket: 'paket',
  kali: 'kali',
  x: 'kali',
  unit: 'unit',
  skor: 'skor',
  nilai: 'nilai',
  indeks: 'indeks',
};

export function normalizeSatuan(raw: string): string {
  const t = raw
    .toLowerCase()
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '');
  if (t === '') return '';
  if (SINONIM[t] !== undefined) return SINONIM[t];
  // Compound units such as "orang/bulan" normalise part by part.
  if (t.includes('/')) return t.split('/').map((p) => SINONIM[p] ?? p).join('/');
  return t;
}

export function isPercentUnit(unit: string | undefined): boolean {
  return unit === 'persen';
}
