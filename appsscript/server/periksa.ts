import { parseA1, Workbook } from '../../core/lembar/model';
import { periksaWorkbook } from '../../core/periksa';
import { bacaPengaturan as validasiPengaturan, Pengaturan, tulisPengaturan } from '../../core/pengaturan';
import type { Cakupan, PeriksaView } from '../../ui/jembatan';
import { bacaRentang } from './baca';
import { KUNCI_PENGATURAN, dokumenProperti } from './dokumen';
import { tandai } from './tanda';

/**
 * Periksa Tabel on the active spreadsheet: read the chosen cells in one batch per sheet, let
 * the core check them, mark the findings in one batch. Every decision is the core's.
 */

type Range = GoogleAppsScript.Spreadsheet.Range;

export const CAKUPAN: readonly Cakupan[] = ['pilihan', 'lembar', 'buku'];

/** The ranges a scope covers, one per sheet; `kosong` is said when nothing is selected. */
export function rentang(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  cakupan: Cakupan,
  kosong = 'Belum ada sel yang dipilih. Pilih tabel yang akan diperiksa.',
): { name: string; range: Range }[] {
  if (cakupan === 'buku') {
    return ss
      .getSheets()
      .map((s) => ({ name: s.getName(), range: s.getDataRange() }))
      .filter((r) => r.range.getNumRows() > 0);
  }
  const sheet = ss.getActiveSheet();
  if (cakupan === 'pilihan') {
    const range = ss.getActiveRange();
    if (!range) throw new Error(kosong);
    return [{ name: sheet.getName(), range }];
  }
  return [{ name: sheet.getName(), range: sheet.getDataRange() }];
}

export function periksa(cakupan: Cakupan, pengaturan: Pengaturan): PeriksaView {
  const t0 = Date.now();
  if (!CAKUPAN.includes(cakupan)) throw new Error('Cakupan pemeriksaan tidak dikenal.');
  const p = validasiPengaturan(pengaturan);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const workbook: Workbook = {
    name: ss.getName(),
    sheets: rentang(ss, cakupan).map((r) => bacaRentang(r.range, r.name)),
  };
  const result = periksaWorkbook(workbook, p.skala === null ? {} : { skala: p.skala });
  const marked = tandai(ss, result.findings);
  return {
    cakupan,
    tables: result.tables,
    findings: result.findings,
    skala: result.skala?.title ?? null,
    marked,
    ms: Date.now() - t0,
  };
}

export function bacaPengaturan(): Pengaturan {
  return validasiPengaturan(dokumenProperti().getProperty(KUNCI_PENGATURAN));
}

export function simpanPengaturan(p: Pengaturan): void {
  // What the sidebar sends is validated like what is read back; a bad value becomes the default.
  dokumenProperti().setProperty(KUNCI_PENGATURAN, tulisPengaturan(validasiPengaturan(p)));
}

export function pilihSel(sheet: string, cell: string): void {
  const s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet);
  if (!s) throw new Error(`Lembar "${sheet}" tidak ditemukan.`);
  if (parseA1(cell) === null) throw new Error(`Alamat sel "${cell}" tidak sah.`);
  s.getRange(cell).activate();
}
