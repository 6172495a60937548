import { parseA1, Sheet, sheetWidth, Workbook } from '../../core/lembar/model';
import { wilayahSelAktif } from '../../core/lembar/wilayah-data';
import { periksaWorkbook } from '../../core/periksa';
import { bacaPengaturan as validasiPengaturan, Pengaturan, tulisPengaturan } from '../../core/pengaturan';
import type { Cakupan, PeriksaView } from '../../ui/jembatan';
import { bacaRentang } from './baca';
import { LEMBAR_ASLI } from '../../core/rumus-bawaan/asli';
import { KUNCI_PENGATURAN, LEMBAR_CADANGAN, dokumenProperti } from './dokumen';
import { gabunganDari } from '../../core/tanda';
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
    // Our own hidden sheets (the mark backup, the original formulas) are not the planner's tables.
    return ss
      .getSheets()
      .filter((s) => s.getName() !== LEMBAR_CADANGAN && s.getName() !== LEMBAR_ASLI)
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

/**
 * The sheets a scope covers, read. Sheets always has a current cell: "Sel yang dipilih" with
 * one cell is the table around it (read with the sheet's data range, then cropped by the core),
 * the whole sheet when nothing is around it; `wilayah` says which it was.
 */
function bacaCakupan(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, cakupan: Cakupan): { sheets: Sheet[]; wilayah?: string } {
  if (cakupan === 'pilihan') {
    const range = ss.getActiveRange();
    if (!range) throw new Error('Belum ada sel yang dipilih. Pilih tabel yang akan diperiksa.');
    const sheet = range.getSheet();
    if (range.getNumRows() > 1 || range.getNumColumns() > 1) return { sheets: [bacaRentang(range, sheet.getName())] };
    const whole = bacaRentang(sheet.getDataRange(), sheet.getName());
    const w = wilayahSelAktif(whole, range.getRow() - 1, range.getColumn() - 1);
    return { sheets: [w.sheet], wilayah: w.keterangan };
  }
  return { sheets: rentang(ss, cakupan).map((r) => bacaRentang(r.range, r.name)) };
}

export function periksa(cakupan: Cakupan, pengaturan: Pengaturan): PeriksaView {
  const t0 = Date.now();
  if (!CAKUPAN.includes(cakupan)) throw new Error('Cakupan pemeriksaan tidak dikenal.');
  const p = validasiPengaturan(pengaturan);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { sheets, wilayah } = bacaCakupan(ss, cakupan);
  const workbook: Workbook = { name: ss.getName(), sheets };
  const result = periksaWorkbook(workbook, p.skala === null ? {} : { skala: p.skala });
  // Only cells that were read are marked (a cross-table finding may name another place).
  const areas = sheets.map((s) => ({
    name: s.name,
    top: s.origin?.row ?? 0,
    left: s.origin?.col ?? 0,
    rows: s.values.length,
    cols: sheetWidth(s),
  }));
  const marked = tandai(
    ss,
    result.findings,
    (m) =>
      areas.some((a) => a.name === m.sheet && m.row >= a.top && m.col >= a.left && m.row < a.top + a.rows && m.col < a.left + a.cols),
    gabunganDari(sheets),
  );
  return {
    cakupan,
    tables: result.tables,
    findings: result.findings,
    skala: result.skala?.title ?? null,
    marked,
    ms: Date.now() - t0,
    ...(wilayah === undefined ? {} : { wilayah }),
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
