import { LayoutId, LevelName } from '../tabel/model';
import { RuleId, Severity } from './temuan';

/** Indonesian names shown to users; every host's report uses these. */
export const RULE_LABEL: Record<RuleId, string> = {
  'jumlah-induk': 'Jumlah induk tidak sama dengan rinciannya',
  'jumlah-total': 'Baris total tidak sama dengan jumlahnya',
  'rumus-kolom': 'Nilai turunan tidak sesuai rumus',
  pembulatan: 'Selisih pembulatan',
  predikat: 'Predikat tidak sesuai skala',
  triwulan: 'Rencana per triwulan',
  'angka-teks': 'Angka tersimpan sebagai teks',
  'format-angka': 'Penulisan angka',
  satuan: 'Satuan',
  'antar-tabel': 'Tidak konsisten antartabel',
  hierarki: 'Kode dan penomoran',
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: 'galat',
  warning: 'peringatan',
  info: 'info',
};

export const LAYOUT_LABEL: Record<LayoutId, string> = {
  'renja-tc29': 'Renja T-C.29 evaluasi hasil Renja tahun lalu',
  'renja-tc30': 'Renja T-C.30 kinerja pelayanan',
  'renja-tc31': 'Renja T-C.31 review rancangan awal RKPD',
  'renja-tc32': 'Renja T-C.32 usulan pemangku kepentingan',
  'renja-tc33': 'Renja T-C.33 rencana program dan kegiatan',
  'renja-triwulan': 'Renja target dan penyerapan per triwulan',
  'renja-e81': 'Evaluasi per triwulan (E.81)',
  'lkjip-pk': 'LKjIP perjanjian kinerja',
  'lkjip-capaian': 'LKjIP capaian kinerja',
  'lkjip-antartahun': 'LKjIP perbandingan antartahun',
  'lkjip-renstra': 'LKjIP kemajuan terhadap Renstra',
  'lkjip-anggaran': 'LKjIP realisasi anggaran',
  'lkjip-efisiensi': 'LKjIP efisiensi',
  'lkjip-iku': 'LKjIP indikator kinerja utama',
  'laporan-fisik-keuangan': 'Laporan realisasi fisik dan keuangan',
  skala: 'Skala predikat',
  'tidak-dikenal': 'Tabel (tata letak tidak dikenal)',
};

/** A level as a sentence names it: "bidang urusan", "sub kegiatan". */
export const LEVEL_LABEL: Record<LevelName, string> = {
  urusan: 'urusan',
  bidang: 'bidang urusan',
  program: 'program',
  kegiatan: 'kegiatan',
  'sub-kegiatan': 'sub kegiatan',
  sasaran: 'sasaran',
  indikator: 'indikator',
  akun: 'akun',
  kelompok: 'kelompok',
  jenis: 'jenis',
  objek: 'objek',
  'rincian-objek': 'rincian objek',
  'sub-rincian-objek': 'sub rincian objek',
};

/** The first letter in upper case, for a label that starts a sentence. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
