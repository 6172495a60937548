import { formatNumber } from '../core/angka/format';
import { countFindings } from '../core/periksa/kelompok';
import { LAYOUT_LABEL, SEVERITY_LABEL } from '../core/periksa/label';
import type { Coverage, TableSummary } from '../core/periksa';
import { LEMBAR_ASLI } from '../core/rumus-bawaan/asli';
import type { Cakupan, Kemajuan, PeriksaView, PohonView, RumusBawaanView } from './jembatan';

/**
 * The pane's sentences, kept apart from the DOM so they are tested in Node and read the same in
 * Excel and Google Sheets. Numbers are id-ID (core formatNumber).
 */

export const CAKUPAN_LABEL: Record<Cakupan, string> = {
  pilihan: 'Sel yang dipilih',
  lembar: 'Lembar aktif',
  buku: 'Seluruh buku kerja',
};

const CAKUPAN_DI: Record<Cakupan, string> = {
  pilihan: 'sel yang dipilih',
  lembar: 'lembar aktif',
  buku: 'seluruh buku kerja',
};

export function detik(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  return `${formatNumber(s, { decimals: s < 10 ? 1 : 0 })} detik`;
}

/** "12 temuan (3 galat, 5 peringatan, 4 info) pada 4 tabel di lembar aktif · 0,8 detik". */
export function ringkasan(view: PeriksaView): string {
  const where = view.wilayah ?? CAKUPAN_DI[view.cakupan];
  const time = detik(view.ms);
  if (view.tables.length === 0) {
    return `Tidak ada tabel Renja atau LKjIP yang dikenali di ${where} · ${time}`;
  }
  const tabel = `${formatNumber(view.tables.length)} tabel`;
  if (view.findings.length === 0) {
    // "No findings" reads as "all correct": only where some value was compared with something.
    const checked = view.tables.some((t) => t.coverage === undefined || t.coverage.valuesChecked);
    if (!checked) return `Tidak ada nilai yang dapat diperiksa pada ${tabel} di ${where} (hanya penulisan angka) · ${time}`;
    return `Tidak ada temuan pada ${tabel} di ${where} · ${time}`;
  }
  const c = countFindings(view.findings);
  const parts = (['error', 'warning', 'info'] as const)
    .filter((s) => c[s] > 0)
    .map((s) => `${formatNumber(c[s])} ${SEVERITY_LABEL[s]}`);
  const marked = view.marked > 0 ? `, ${formatNumber(view.marked)} sel ditandai` : '';
  return `${formatNumber(view.findings.length)} temuan (${parts.join(', ')}) pada ${tabel} di ${where}${marked} · ${time}`;
}

/** The heading of a table's group: "Renja!A3:L40 · Renja T-C.33 … · 37 baris". */
export function judulTabel(t: TableSummary | null): string {
  if (t === null) return 'Antartabel';
  return `${t.sheet}!${t.range} · ${LAYOUT_LABEL[t.layout] ?? t.layout} · ${formatNumber(t.rows)} baris`;
}

export function kemajuanTeks(k: Kemajuan): string {
  const step = k.total > 1 ? ` (${formatNumber(k.selesai)} dari ${formatNumber(k.total)})` : '';
  return `${k.pesan}${step}`;
}

export function pohonTeks(v: PohonView): string {
  if (v.status === 'sudah-ada') return `Lembar "${v.sheet}" sudah ada. Ganti dengan pohon yang baru?`;
  return `Pohon kinerja dengan ${formatNumber(v.nodes)} simpul dibuat di lembar "${v.sheet}".`;
}

export function tanpaAwalanTeks(r: { status: 'terpasang' | 'diperbarui' | 'tidak-didukung'; names: string[] }): string {
  if (r.status === 'tidak-didukung') {
    return 'Excel ini belum mendukung LAMBDA, jadi =CAPAIAN tanpa awalan tidak dapat dipasang. Tetap gunakan =SAKIP.CAPAIAN(…).';
  }
  const names = r.names.join(', ');
  return r.status === 'terpasang'
    ? `Nama ${names} dipasang di buku kerja ini: =CAPAIAN(…) dapat diketik tanpa awalan.`
    : `Nama ${names} diperbarui di buku kerja ini.`;
}

/** Said after a Periksa that marked cells, by whether the host could add notes. */
export function selesaiTeks(view: PeriksaView): string {
  if (view.marked === 0) return 'Selesai.';
  if (view.tanpaCatatan) {
    return 'Sel bermasalah diwarnai. Versi Excel ini belum mengizinkan add-in menulis catatan sel, jadi penjelasannya hanya ada di daftar temuan di bawah. Klik temuan untuk menuju selnya.';
  }
  return 'Sel bermasalah diwarnai dan diberi catatan. Klik temuan untuk menuju selnya.';
}

/** Said after Batalkan: nothing was written, so nothing needs undoing. */
export const PESAN_BATAL =
  'Pemeriksaan dibatalkan. Buku kerja tidak diubah: tidak ada sel yang ditandai dan tidak ada cadangan yang ditulis.';

/** Any failure as one Indonesian sentence; an Error's own message when the host gave one. */
export function pesanGalat(e: unknown): string {
  const m = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return m.trim() !== '' ? m : 'Terjadi kesalahan yang tidak dikenali. Coba sekali lagi.';
}

/** What "Pratinjau rumus bawaan" found, or what "Terapkan" did. */
export function rumusBawaanTeks(v: RumusBawaanView): string {
  const where = CAKUPAN_DI[v.cakupan];
  const n = v.converted.length;
  const tolak = v.skipped.length > 0 ? ` ${formatNumber(v.skipped.length)} sel tidak dapat diubah (lihat daftar).` : '';
  if (n === 0) {
    return v.skipped.length === 0
      ? `Tidak ada rumus Lembar Kinerja (mis. =CAPAIAN atau =SAKIP.CAPAIAN) di ${where}.`
      : `Tidak ada sel yang dapat diubah di ${where}.${tolak}`;
  }
  if (v.applied) {
    return `${formatNumber(n)} sel di ${where} diubah menjadi rumus bawaan; rumus aslinya disimpan di lembar tersembunyi "${LEMBAR_ASLI}".${tolak}`;
  }
  return `${formatNumber(n)} sel di ${where} akan diubah menjadi rumus bawaan, sehingga tetap terhitung di komputer tanpa add-in.${tolak}`;
}

export function kembalikanTeks(r: { restored: number; kept: number }): string {
  if (r.restored === 0 && r.kept === 0) return 'Tidak ada rumus asli yang tersimpan di buku kerja ini.';
  const back = `Rumus asli ${formatNumber(r.restored)} sel dikembalikan.`;
  return r.kept > 0 ? `${back} ${formatNumber(r.kept)} sel yang sudah diubah sesudahnya dibiarkan seperti sekarang.` : back;
}

/** The coverage lines of one table, for the pane: what was checked, what not and why. */
export function cakupanTeks(coverage: Coverage): string[] {
  const lines: string[] = [];
  if (coverage.understood) lines.push(coverage.understood);
  for (const c of coverage.checks) if (c.rule !== 'format-angka' && c.rule !== 'hierarki') lines.push(`Diperiksa: ${c.what}`);
  for (const u of coverage.unchecked) lines.push(`Tidak diperiksa, kolom ${u.columns.join(', ')}: ${u.why}`);
  return lines;
}
