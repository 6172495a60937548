/**
 * Header words. Headers are typed by hand, wrapped, spaced out ("T O T A L") and mis-typed
 * ("Catan Penting"), so every header cell is reduced to canonical key words before anything
 * looks at it. Results are cached per distinct text: a sheet repeats the same strings, and a
 * 10,000-row table must not run the fuzzy matcher 10,000 times.
 */

/** Words that make a cell read as a column header. */
const VOCABULARY = [
  'no',
  'nomor',
  'kode',
  'rekening',
  'urusan',
  'bidang',
  'program',
  'kegiatan',
  'sub',
  'subkegiatan',
  'uraian',
  'nama',
  'indikator',
  'kinerja',
  'sasaran',
  'strategis',
  'tujuan',
  'target',
  'realisasi',
  'capaian',
  'tingkat',
  'pagu',
  'indikatif',
  'anggaran',
  'alokasi',
  'kebutuhan',
  'dana',
  'lokasi',
  'sumber',
  'data',
  'satuan',
  'keterangan',
  'ket',
  'catatan',
  'penting',
  'kategori',
  'predikat',
  'kriteria',
  'penanggung',
  'jawab',
  'pj',
  'unit',
  'pengampu',
  'pelaksana',
  'sisa',
  'efisiensi',
  'serapan',
  'rp',
  'triwulan',
  'tw',
  'k',
  'renstra',
  'renja',
  'rkpd',
  'rancangan',
  'awal',
  'hasil',
  'analisis',
  'prakiraan',
  'maju',
  'rencana',
  'kelompok',
  'prioritas',
  'nasional',
  'usulan',
  'pengusul',
  'volume',
  'besaran',
  'spm',
  'standar',
  'ikk',
  'iku',
  'proyeksi',
  'nilai',
  'rentang',
  'interval',
  'skor',
  'fisik',
  'keuangan',
  'akhir',
  'periode',
  'berjalan',
  'lalu',
  'kerangka',
  'pendanaan',
  'utama',
  'batas',
  'bawah',
  'atas',
  'bobot',
  'status',
  'pemangku',
  'kepentingan',
  '%',
  // APBD and Renja revision tables, and the LRA (issue 13).
  'sebelum',
  'sesudah',
  'perubahan',
  'bertambah',
  'berkurang',
  'selisih',
  'murni',
] as const;

/** Spelling variants mapped onto one key word. */
const SYNONYMS: Record<string, string> = {
  'no.': 'no',
  nmr: 'nomor',
  pencapaian: 'capaian',
  perkiraan: 'prakiraan',
  penyerapan: 'serapan',
  rupiah: 'rp',
  trw: 'tw',
  tri: 'tw',
  persen: '%',
  prosentase: '%',
  persentase: '%',
  setelah: 'sesudah',
  kurang: 'berkurang',
  tambah: 'bertambah',
  keterangan: 'keterangan',
  kebutuhan: 'kebutuhan',
  subkegiatan: 'subkegiatan',
  penanggungjawab: 'penanggung',
  pengampu: 'pengampu',
};

/** Words that carry no signal either way ("dan", "tahun", numbers). */
const NEUTRAL = new Set([
  'dan',
  'yang',
  'di',
  'ke',
  'dari',
  'pada',
  'per',
  'sd',
  's',
  'd',
  'dengan',
  'sampai',
  'tahun',
  'thn',
  'th',
  'n',
  'pemerintahan',
  'daerah',
  'kabupaten',
  'kota',
  'atau',
  'x',
  'dalam',
  'untuk',
  'the',
  'of',
  'i',
  'ii',
  'iii',
  'iv',
  'v',
  'a',
  'b',
  'c',
  'opd',
  'skpd',
  'pd',
]);

const VOCAB_SET: ReadonlySet<string> = new Set<string>(VOCABULARY);

export interface HeaderWords {
  /** Canonical key words and other words, in order; neutral words dropped. */
  words: string[];
  /** How many of `words` are key words. */
  keys: number;
}

const CANON_CACHE = new Map<string, string | null>();
const TEXT_CACHE = new Map<string, HeaderWords>();
const CACHE_LIMIT = 50_000;

/** Lower-case, punctuation-free words; runs of single letters ("T O T A L") joined. */
export function splitWords(text: string): string[] {
  const lower = text.toLowerCase().replace(/s\s*\/\s*d/g, ' sd ');
  const raw = lower.split(/[^a-z0-9%]+/).filter((w) => w !== '');
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i].length === 1 && /[a-z]/.test(raw[i])) {
      let j = i;
      while (j < raw.length && raw[j].length === 1 && /[a-z]/.test(raw[j])) j++;
      // "T O T A L"; two letters only when they are the whole text ("N o").
      if (j - i >= 3 || (j - i === 2 && raw.length === 2)) {
        out.push(raw.slice(i, j).join(''));
        i = j - 1;
        continue;
      }
    }
    out.push(raw[i]);
  }
  return out;
}

/** The key word a single word stands for (exact, synonym or a small typo), or null. */
export function canonicalWord(word: string): string | null {
  const cached = CANON_CACHE.get(word);
  if (cached !== undefined) return cached;
  let result: string | null = null;
  if (VOCAB_SET.has(word)) result = word;
  else if (SYNONYMS[word] !== undefined) result = SYNONYMS[word];
  else if (word.length >= 5 && !/\d/.test(word)) result = fuzzyMatch(word);
  if (CANON_CACHE.size > CACHE_LIMIT) CANON_CACHE.clear();
  CANON_CACHE.set(word, result);
  return result;
}

function fuzzyMatch(word: string): string | null {
  for (const v of VOCABULARY) {
    if (v.length < 5 || v[0] !== word[0]) continue;
    const diff = v.length - word.length;
    if (diff < -1 || diff > 2) continue;
    // One edit of any kind, or two dropped letters ("catan" for "catatan"): the typos people
    // make; anything looser starts to match ordinary data words.
    if (diff === 2 ? isSubsequence(word, v) : editDistanceAtMostOne(word, v)) return v;
  }
  return null;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (let j = 0; j < long.length && i < short.length; j++) if (short[i] === long[j]) i++;
  return i === short.length;
}

/** Damerau distance ≤ 1 (one insertion, deletion, substitution or swap of neighbours). */
function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Words of a header text with key words in canonical form. */
export function headerWords(text: string): HeaderWords {
  const cached = TEXT_CACHE.get(text);
  if (cached !== undefined) return cached;
  const words: string[] = [];
  let keys = 0;
  for (const w of splitWords(text)) {
    if (NEUTRAL.has(w) || /^\d+$/.test(w)) continue;
    const c = canonicalWord(w);
    if (c !== null) keys++;
    words.push(c ?? w);
  }
  const result = { words, keys };
  if (TEXT_CACHE.size > CACHE_LIMIT) TEXT_CACHE.clear();
  TEXT_CACHE.set(text, result);
  return result;
}

/**
 * A cell that reads as a column header: mostly key words ("Realisasi Target Kinerja s/d
 * tahun 2019"), or short and led by one ("Sumber Data"). Data cells are long descriptions
 * with a key word here and there ("Program Peningkatan Kapasitas Sumber Daya Aparatur").
 */
export function isHeaderText(text: string): boolean {
  if (text.length > 200) return false;
  const { words, keys } = headerWords(text);
  if (keys === 0) return false;
  if (keys / words.length >= 0.6) return true;
  return words.length <= 3 && canonicalWord(words[0]) !== null && keys >= 1;
}

/** The first word of a text, canonical, without splitting the whole text (a cheap pre-test). */
export function firstKeyWord(text: string): string | null {
  let i = 0;
  const n = text.length;
  while (i < n && !isWordChar(text.charCodeAt(i))) {
    if (text.charCodeAt(i) === 37 /* % */) return '%';
    i++;
  }
  let j = i;
  while (j < n && isWordChar(text.charCodeAt(j))) j++;
  if (j === i) return null;
  const w = text.slice(i, j).toLowerCase();
  // "T O T A L", "N o" are spaced letters: let the full split decide.
  if (w.length === 1 && w !== 'k') return headerWords(text).words[0] ?? null;
  return canonicalWord(w);
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}
