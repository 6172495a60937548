import { ColumnRole } from '../tabel/model';
import { headerWords, splitWords } from './kata-kunci';

export interface RoleGuess {
  role: ColumnRole;
  quarter?: number;
  /** The sub header marks a percent ("Realisasi (%)"): a later pass may read it as serapan. */
  percent: boolean;
  /** A triwulan column whose header says neither K nor Rp: its cells decide. */
  quarterUnsure: boolean;
}

const LEVEL_WORD_TO_KODE: [string, ColumnRole][] = [
  ['sub', 'kode-sub'],
  ['subkegiatan', 'kode-sub'],
  ['kegiatan', 'kode-kegiatan'],
  ['program', 'kode-program'],
  ['bidang', 'kode-bidang'],
  ['urusan', 'kode-urusan'],
];

/** Words that decide a role when they lead the sub header ("Target …", "Realisasi …", "% …"). */
const LEADS = new Set([
  'target',
  'rencana',
  'realisasi',
  'capaian',
  'tingkat',
  '%',
  'prakiraan',
  'anggaran',
  'alokasi',
  'indikator',
  'sasaran',
  'nilai',
  'rentang',
  'interval',
  'skor',
  'volume',
  'besaran',
  'k',
  'rp',
  'dana',
]);

const URAIAN_WORDS = ['program', 'kegiatan', 'subkegiatan', 'urusan', 'uraian', 'nama', 'usulan', 'tujuan'];

/**
 * The role of a column from its header parts (group first, sub last). The sub header decides;
 * the group only settles what the sub leaves open ("% Capaian" under Anggaran is serapan,
 * "Rp" under Realisasi is realisasi-rp).
 */
export function roleFromHeader(parts: readonly string[]): RoleGuess {
  let subAt = parts.length - 1;
  // Units ("(%)", "(Rp)") and periods ("Tahun 2023") under a label qualify it.
  while (subAt > 0 && isQualifier(parts[subAt])) subAt--;
  const sub = parts.slice(Math.max(0, subAt)).join(' ');
  const group = parts.slice(0, Math.max(0, subAt)).join(' ');
  const sw = headerWords(sub).words;
  const gw = headerWords(group).words;
  const s = new Set(sw);
  const g = new Set(gw);
  const percent = s.has('%');
  const guess = (role: ColumnRole, extra: Partial<RoleGuess> = {}): RoleGuess => ({
    role,
    percent,
    quarterUnsure: false,
    ...extra,
  });
  if (sw.length === 0) return guess('lainnya');

  if (s.has('kode') || s.has('rekening') || (g.has('kode') && sw.length <= 3)) {
    for (const [w, role] of LEVEL_WORD_TO_KODE) if (s.has(w)) return guess(role);
    return guess('kode');
  }
  if ((sw[0] === 'no' || sw[0] === 'nomor') && (sw.length === 1 || (sw.length === 2 && sw[1] === 'urut'))) {
    return guess('nomor');
  }

  const quarter = quarterOf(sub) ?? quarterOf(group);
  if (quarter !== undefined) {
    if (s.has('rp') || s.has('keuangan') || s.has('anggaran') || s.has('dana')) return guess('tw-rp', { quarter });
    if (s.has('k') || s.has('%') || s.has('kinerja') || s.has('fisik') || s.has('target')) return guess('tw-k', { quarter });
    if (g.has('rp') || g.has('keuangan')) return guess('tw-rp', { quarter });
    return guess('tw-k', { quarter, quarterUnsure: true });
  }

  if (s.has('efisiensi')) return guess('efisiensi');
  if (s.has('predikat') || s.has('kategori') || s.has('kriteria')) return guess('predikat');
  if (s.has('sumber')) {
    if (s.has('data')) return guess('sumber-data');
    if (s.has('dana')) return guess('sumber-dana');
  }
  if (s.has('catatan') || s.has('keterangan') || s.has('ket')) return guess('keterangan');
  if (s.has('satuan') && !sub.toLowerCase().includes('kerja')) return guess('satuan');
  if (
    s.has('penanggung') ||
    s.has('jawab') ||
    s.has('pj') ||
    s.has('pengampu') ||
    s.has('pelaksana') ||
    s.has('unit') ||
    (sw.length === 1 && sw[0] === 'bidang') ||
    (s.has('satuan') && sub.toLowerCase().includes('kerja'))
  ) {
    return guess('pj');
  }
  if (s.has('lokasi')) return guess('lokasi');
  if (s.has('kebutuhan')) return guess('kebutuhan');
  if (s.has('pagu')) return guess('pagu');
  if (s.has('sisa')) return guess('sisa');
  if (s.has('serapan')) return guess('serapan');
  if (s.has('kelompok') && s.has('sasaran')) return guess('lainnya');
  // Revision tables: Sebelum / Sesudah Perubahan are amounts, Bertambah / (Berkurang) or
  // Selisih their difference (negative is normal); the percent beside it is left to the
  // relation the numbers show.
  if (s.has('bertambah') || s.has('berkurang') || s.has('selisih')) return guess(percent ? 'lainnya' : 'sisa');
  if ((s.has('sebelum') || s.has('sesudah') || s.has('murni')) && !s.has('target')) return guess(percent ? 'lainnya' : 'anggaran');

  const money = s.has('rp') || s.has('anggaran') || s.has('keuangan') || s.has('dana') || s.has('pagu');
  const groupMoney = (g.has('anggaran') || g.has('keuangan') || g.has('rp')) && !g.has('kinerja') && !g.has('fisik');
  const lead = sw.find((w) => LEADS.has(w));
  switch (lead) {
    case 'target':
    case 'rencana':
      return guess(money ? 'pagu' : 'target');
    case 'realisasi':
      if (money) return guess('realisasi-rp');
      if (percent) return guess(groupMoney ? 'serapan' : 'realisasi');
      return guess(groupMoney ? 'realisasi-rp' : 'realisasi');
    case 'capaian':
    case 'tingkat':
    case '%':
      if (s.has('anggaran') || s.has('keuangan') || s.has('rp') || groupMoney) return guess('serapan');
      if (lead === 'capaian' && s.has('target') && !percent) return guess('target');
      return guess('capaian');
    case 'prakiraan':
      if (s.has('target')) return guess('target');
      if (s.has('capaian') || s.has('realisasi')) return guess('realisasi');
      return guess('lainnya');
    case 'anggaran':
    case 'alokasi':
      return guess(percent ? 'serapan' : 'anggaran');
    case 'indikator':
      return guess('indikator');
    case 'sasaran':
      return guess('sasaran');
    case 'nilai':
    case 'rentang':
    case 'interval':
    case 'skor':
      return guess('capaian');
    case 'volume':
    case 'besaran':
      return guess('target');
    case 'k':
    case 'rp':
    case 'dana':
      return guess(
        pairRole(
          lead === 'k',
          gw.find((w) => LEADS.has(w)),
        ),
      );
    default:
      break;
  }
  if (URAIAN_WORDS.some((w) => s.has(w))) return guess('uraian');
  if (s.has('bidang')) return guess('uraian');
  return guess('lainnya');
}

/**
 * K (kinerja) and Rp columns under a group (E.81, triwulan tables): the group's leading word
 * says what the pair is ("Target Renstra" → target and pagu, "Tingkat Capaian" → capaian and
 * serapan).
 */
function pairRole(kinerja: boolean, groupLead: string | undefined): ColumnRole {
  switch (groupLead) {
    case 'realisasi':
      return kinerja ? 'realisasi' : 'realisasi-rp';
    case 'tingkat':
    case 'capaian':
    case '%':
      return kinerja ? 'capaian' : 'serapan';
    case 'anggaran':
    case 'alokasi':
      return kinerja ? 'target' : 'anggaran';
    default:
      return kinerja ? 'target' : 'pagu';
  }
}

function isQualifier(text: string): boolean {
  return headerWords(text).words.every((x) => x === '%' || x === 'rp');
}

/** "TW I", "Triwulan II", "TW-3", "TWIV" → 1..4. */
export function quarterOf(text: string): number | undefined {
  if (text === '') return undefined;
  const words = splitWords(text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const fused = /^(?:tw|trw)(i{1,3}|iv|[1-4])$/.exec(w);
    if (fused) return numeral(fused[1]);
    if (w === 'tw' || w === 'trw' || w === 'triwulan' || w === 'tri') {
      const q = numeral(words[i + 1] ?? '');
      if (q !== undefined) return q;
    }
  }
  return undefined;
}

function numeral(w: string): number | undefined {
  switch (w) {
    case 'i':
    case '1':
      return 1;
    case 'ii':
    case '2':
      return 2;
    case 'iii':
    case '3':
      return 3;
    case 'iv':
    case '4':
      return 4;
    default:
      return undefined;
  }
}
