import type { Finding, TableSummary } from '../core/periksa';
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
  /**
   * True when the host could only fill the cells, not give them notes (Excel before ExcelApi
   * 1.18: Excel 2021 and 2024 volume-licensed); the pane then points to its own list.
   */
  tanpaCatatan?: boolean;
  /**
   * When "Sel yang dipilih" was one cell: what was checked instead (core/lembar/wilayah-data.ts
   * wilayahSelAktif), e.g. "sekitar sel C8 (Renja!B7:D8)".
   */
  wilayah?: string;
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

export interface RumusBawaanView {
  cakupan: Cakupan;
  /** Cells whose formula would change (preview) or changed (applied). */
  converted: { sheet: string; cell: string; formula: string; native: string; note: string | null }[];
  /** Cells left as they were, each with its Indonesian reason. */
  skipped: { sheet: string; cell: string; formula: string; reason: string }[];
  applied: boolean;
}

/** What a host's periksa rejects with when `batal` fired before anything was written. */
export class PeriksaDibatalkan extends Error {
  constructor() {
    super('Pemeriksaan dibatalkan.');
    this.name = 'PeriksaDibatalkan';
  }
}

/** By name, not instanceof: the error may come from another bundle of the same class. */
export function dibatalkan(e: unknown): boolean {
  return e instanceof Error && e.name === 'PeriksaDibatalkan';
}

export interface Jembatan {
  /** The host's name for messages: "Excel" or "Google Sheets". */
  readonly host: string;
  /**
   * Whether periksa honours `batal` (Excel: the check runs in the pane's worker and reads in
   * blocks). Sheets runs it on Google's server in one call the sidebar cannot stop: no button.
   */
  readonly bisaDibatalkan?: boolean;
  /**
   * `kemajuan` is optional: a host that cannot report progress ignores it. `batal` stops the
   * action up to the moment the first backup or mark is written, rejecting with
   * PeriksaDibatalkan and leaving the workbook as it was; from then on the action finishes.
   */
  periksa(cakupan: Cakupan, pengaturan: Pengaturan, kemajuan?: (k: Kemajuan) => void, batal?: AbortSignal): Promise<PeriksaView>;
  /** Restore exactly the fills that were there and remove only our own notes. */
  hapusTanda(): Promise<{ restored: number }>;
  pilihSel(sheet: string, cell: string): Promise<void>;
  bacaPengaturan(): Promise<Pengaturan>;
  simpanPengaturan(p: Pengaturan): Promise<void>;
  /** Draw the tree of the active sheet on a new sheet; with ganti=false a second run asks first. */
  pohonKinerja(ganti: boolean): Promise<PohonView>;
  /** A new, empty cascading sheet with headers and a worked example. */
  templatPohon(): Promise<{ sheet: string }>;
  /**
   * "Jadikan rumus bawaan": our functions in the chosen cells rewritten as native formulas
   * (core/rumus-bawaan planRewrite), so the workbook computes where the add-in is not installed.
   * With terapkan=false only the preview (what would change, what cannot and why); with
   * terapkan=true the formulas are written in one batch and the originals kept on the hidden
   * sheet "Rumus Asli" (core/rumus-bawaan/asli.ts).
   */
  jadikanRumusBawaan?(cakupan: Cakupan, terapkan: boolean): Promise<RumusBawaanView>;
  /** Put back the original formulas from "Rumus Asli" where the native ones are still there. */
  kembalikanRumusAsli?(): Promise<{ restored: number; kept: number }>;
  /** Excel only: workbook LAMBDA names so =CAPAIAN works without the SAKIP. prefix. */
  pasangTanpaAwalan?(): Promise<{ status: 'terpasang' | 'diperbarui' | 'tidak-didukung'; names: string[] }>;
}
