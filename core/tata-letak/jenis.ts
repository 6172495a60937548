import { ColumnRole, LayoutId } from '../tabel/model';
import { splitWords } from './kata-kunci';

/**
 * Which standard layout a table is (docs/tata-letak.md), from its column roles and a few header
 * phrases. The first rule that fits wins; its confidence grows with the columns that
 * confirm it. A table no rule fits is 'tidak-dikenal' and keeps its roles, so every check
 * its columns allow still runs.
 */

export interface LayoutColumn {
  role: ColumnRole;
  header: string;
  numberFormula?: string;
}

export interface LayoutGuess {
  layout: LayoutId;
  confidence: number;
}

const KODE_ROLES: ColumnRole[] = ['kode', 'kode-urusan', 'kode-bidang', 'kode-program', 'kode-kegiatan', 'kode-sub'];

export function classifyLayout(columns: readonly LayoutColumn[]): LayoutGuess {
  const count = new Map<ColumnRole, number>();
  for (const c of columns) count.set(c.role, (count.get(c.role) ?? 0) + 1);
  const n = (role: ColumnRole) => count.get(role) ?? 0;
  const has = (role: ColumnRole) => n(role) > 0;
  const words = ' ' + columns.map((c) => splitWords(c.header).join(' ')).join(' ') + ' ';
  const say = (phrase: string) => words.includes(` ${phrase} `);
  const formulas = columns.filter((c) => c.numberFormula !== undefined).length;
  const money = has('pagu') || has('anggaran') || has('kebutuhan') || has('realisasi-rp') || has('sisa') || has('tw-rp');
  const kode = KODE_ROLES.some(has);
  const name = has('uraian') || has('sasaran') || has('indikator');
  const confirm = (layout: LayoutId, base: number, ...extra: boolean[]): LayoutGuess => ({
    layout,
    confidence: Math.min(1, base + extra.filter(Boolean).length * ((1 - base) / Math.max(1, extra.length))),
  });
  const others = columns.filter((c) => c.role !== 'nomor' && c.role !== 'lainnya').length;

  const scaleLabel = has('predikat') || (has('keterangan') && others === 2);
  if (scaleLabel && has('capaian') && others <= 3 && !name && !money && !has('target') && !has('realisasi')) {
    return confirm('skala', 0.8, others === 2);
  }
  if (has('efisiensi')) return confirm('lkjip-efisiensi', 0.75, has('capaian'), has('serapan'), has('anggaran'), name);
  if (has('tw-k') || has('tw-rp')) {
    if (formulas > 0 || has('sasaran') || say('renstra')) return confirm('renja-e81', 0.7, formulas > 0, has('sasaran'), has('pj'));
    return confirm('renja-triwulan', 0.7, has('pagu'), has('tw-k') && has('tw-rp'), name);
  }
  if (has('kebutuhan') && (has('pagu') || say('rancangan awal'))) {
    return confirm('renja-tc31', 0.75, say('rancangan awal'), say('hasil analisis'), has('keterangan'));
  }
  if ((has('pagu') || has('anggaran')) && has('realisasi-rp') && (has('sisa') || say('fisik'))) {
    return confirm('laporan-fisik-keuangan', 0.7, has('sisa'), say('fisik'), kode);
  }
  if (has('pagu') && has('target') && (kode || has('lokasi') || has('sumber-dana') || say('prakiraan maju'))) {
    return confirm('renja-tc33', 0.7, kode, has('lokasi'), has('sumber-dana'), say('prakiraan maju'), has('indikator'));
  }
  if ((has('anggaran') || has('pagu')) && has('realisasi-rp') && !has('target')) {
    return confirm('lkjip-anggaran', 0.7, has('serapan'), has('uraian'), has('nomor') || kode);
  }
  if (!money && n('target') >= 2 && has('realisasi') && has('capaian') && (say('renstra') || say('lalu') || say('berjalan'))) {
    return confirm('renja-tc29', 0.7, say('renstra'), say('lalu') || say('berjalan'), n('realisasi') >= 2, has('uraian') || kode);
  }
  if (say('spm') || say('ikk') || say('standar nasional') || say('proyeksi')) {
    return confirm('renja-tc30', 0.6, say('spm') || say('standar nasional'), say('ikk'), has('indikator'));
  }
  if (say('usulan') || say('pengusul') || say('pemangku') || say('volume') || say('besaran')) {
    return confirm('renja-tc32', 0.6, say('usulan'), has('lokasi'), has('keterangan'));
  }
  if (!money && n('target') >= 2 && n('realisasi') >= 2) {
    return confirm('lkjip-antartahun', 0.6, n('capaian') >= 2, has('sasaran') || has('indikator'));
  }
  if (!money && has('target') && has('realisasi') && say('renstra')) {
    return confirm('lkjip-renstra', 0.6, has('capaian'), formulas > 0, has('indikator'));
  }
  if (!money && has('target') && has('realisasi') && (say('iku') || say('indikator kinerja utama'))) {
    return confirm('lkjip-iku', 0.7, has('capaian'), has('satuan'), has('nomor'));
  }
  if (!money && has('target') && has('realisasi') && has('capaian') && name) {
    return confirm('lkjip-capaian', 0.7, has('sasaran'), has('indikator'), has('predikat'), has('sumber-data') || has('satuan'));
  }
  if (!money && has('target') && !has('realisasi') && (has('sasaran') || has('indikator'))) {
    return confirm('lkjip-pk', 0.6, has('sasaran'), has('indikator'), has('satuan'));
  }
  const known = columns.filter((c) => c.role !== 'lainnya').length;
  return { layout: 'tidak-dikenal', confidence: columns.length === 0 ? 0 : Math.min(0.5, known / columns.length / 2) };
}
