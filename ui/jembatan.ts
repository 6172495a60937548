import type { Finding, TableSummary } from '../core';
import type { Pengaturan } from '../core/pengaturan';

export type { Pengaturan };

/**
 * The one UI (Excel task pane, Sheets sidebar) talks to its host only through this bridge.
 * Excel implements it in the pane with Office.js; Sheets implements it as promise calls over
 * google.script.run to the Apps Script server. Everything crossing it is plain JSON.
 */

/** What "Periksa Tabel" checks: the selection, the active sheet, or the whole workbook. */
export type Cakupan = 'pilihan' | 'lembar' | 'buku';

export interface PeriksaView {
  cakupan: Cakupan;
  tables: TableSummary[];
  findings: Finding[];
  /** Title of the scale found in the workbook, if any. */
  skala: string | null;
  /** Cells highlighted in the document. */
  marked: number;
  /** Wall time of the whole action, host round trips included. */
  ms: number;
}

export interface PohonView {
  status: 'dibuat' | 'sudah-ada';
  sheet: string;
  nodes: number;
  /** Indonesian messages about what could not be placed (orphans, duplicate kode, …). */
  messages: string[];
}

/** Where a long action is (reading, checking, marking); the host reports it when it can. */
export interface Kemajuan {
  tahap: 'baca' | 'periksa' | 'tandai';
  /** Indonesian, e.g. "Memeriksa lembar Renja". */
  pesan: string;
  selesai: number;
  total: number;
}

export interface Jembatan {
  /** The host's name for messages: "Excel" or "Google Sheets". */
  readonly host: string;
  /** `kemajuan` is optional: a host that cannot report progress ignores it. */
  periksa(cakupan: Cakupan, pengaturan: Pengaturan, kemajuan?: (k: Kemajuan) => void): Promise<PeriksaView>;
  /** Restore exactly the fills that were there and remove only our own notes. */
  hapusTanda(): Promise<{ restored: number }>;
  pilihSel(sheet: string, cell: string): Promise<void>;
  bacaPengaturan(): Promise<Pengaturan>;
  simpanPengaturan(p: Pengaturan): Promise<void>;
  /** Draw the tree of the active sheet on a new sheet; with ganti=false a second run asks first. */
  pohonKinerja(ganti: boolean): Promise<PohonView>;
  /** A new, empty cascading sheet with headers and a worked example. */
  templatPohon(): Promise<{ sheet: string }>;
  /** Excel only: workbook LAMBDA names so =CAPAIAN works without the SAKIP. prefix. */
  pasangTanpaAwalan?(): Promise<{ status: 'terpasang' | 'diperbarui' | 'tidak-didukung'; names: string[] }>;
}
