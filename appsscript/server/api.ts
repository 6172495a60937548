import type { Cakupan, Pengaturan, PeriksaView, PohonView, RumusBawaanView } from '../../ui/jembatan';

/**
 * The server functions the sidebar calls through google.script.run, by their top-level names.
 * Both sides are typed from this one list, so a rename cannot break only one of them.
 * Everything crossing is plain JSON (google.script.run drops anything else).
 */
export interface ServerApi {
  lkPeriksa(cakupan: Cakupan, pengaturan: Pengaturan): PeriksaView;
  lkHapusTanda(): { restored: number };
  lkPilihSel(sheet: string, cell: string): void;
  lkBacaPengaturan(): Pengaturan;
  lkSimpanPengaturan(p: Pengaturan): void;
  lkPohonKinerja(ganti: boolean): PohonView;
  lkTemplatPohon(): { sheet: string };
  lkJadikanRumusBawaan(cakupan: Cakupan, terapkan: boolean): RumusBawaanView;
  lkKembalikanRumusAsli(): { restored: number; kept: number };
}

export type ServerName = keyof ServerApi;
