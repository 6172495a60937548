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

/** Units repeat down a column: each spelling is normalised once (bounded for any input). */
const normalised = new Map<string, string>();
const NORMALISED_MAX = 1024;

export function normalizeSatuan(raw: string): string {
  let n = normalised.get(raw);
  if (n === undefined) {
    if (normalised.size >= NORMALISED_MAX) normalised.clear();
    n = normalize(raw);
    normalised.set(raw, n);
  }
  return n;
}

function normalize(raw: string): string {
  const t = raw
    .toLowerCase()
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '');
  if (t === '') return '';
  if (SINONIM[t] !== undefined) return SINONIM[t];
  // Compound units such as "orang/bulan" normalise part by part.
  if (t.includes('/'))
    return t
      .split('/')
      .map((p) => SINONIM[p] ?? p)
      .join('/');
  return t;
}
