import { a1 as alamat, parseA1, parseCellRef } from '../../core/lembar/model';
import { planRewrite, SelRumus } from '../../core/rumus-bawaan';
import { barisAsli, KOLOM_ASLI, LEMBAR_ASLI, rencanaKembali } from '../../core/rumus-bawaan/asli';
import type { Cakupan, RumusBawaanView } from '../../ui/jembatan';
import { CAKUPAN, rentang } from './periksa';
import { kotakSel } from './kotak';

/**
 * "Jadikan rumus bawaan" in a Google Sheet: read each sheet's formulas and values in one call
 * each, let the core plan the rewrite, write the native formulas cell by cell (never over a box,
 * which would erase the values around them) and keep the originals on the hidden "Rumus Asli"
 * sheet, from which "Kembalikan rumus asli" restores them. Every decision is the core's.
 *
 * Range.getFormulas answers in en-US syntax (`,` separators, English names) whatever the
 * document's locale, and setFormula expects the same; the core's parser also reads the `;` form.
 */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;

interface Dibaca {
  top: number;
  left: number;
  values: unknown[][];
}

/** A single-cell reference as a converted call writes it, resolved within the grids read. */
function nilaiDi(read: Map<string, Dibaca>, sheet: string, ref: string): unknown {
  const p = parseCellRef(ref, sheet);
  const g = p && read.get(p.sheet);
  if (!p || !g) return undefined;
  return g.values[p.row + 1 - g.top]?.[p.col + 1 - g.left];
}

/** A1 address of a 1-based cell. */
function a1(row: number, col: number): string {
  return alamat({}, row - 1, col - 1);
}

/** Text as text: a leading apostrophe keeps "=CAPAIAN(…)" (or "2024") from being read as input. */
function teks(rows: string[][]): string[][] {
  return rows.map((r) => r.map((v) => `'${v}`));
}

function denganSamaDengan(f: string): string {
  return f.startsWith('=') ? f : `=${f}`;
}

export function jadikanRumusBawaan(cakupan: Cakupan, terapkan: boolean): RumusBawaanView {
  if (!CAKUPAN.includes(cakupan)) throw new Error('Cakupan tidak dikenal.');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ranges = rentang(ss, cakupan, 'Belum ada sel yang dipilih. Pilih sel berisi rumus yang akan dijadikan rumus bawaan.').filter(
    (r) => r.name !== LEMBAR_ASLI,
  );
  const cells: SelRumus[] = [];
  const read = new Map<string, Dibaca>();
  for (const { name, range } of ranges) {
    const formulas = range.getFormulas();
    const values = range.getValues();
    const top = range.getRow();
    const left = range.getColumn();
    read.set(name, { top, left, values });
    formulas.forEach((row, i) =>
      row.forEach((f, j) => {
        if (f !== '') cells.push({ sheet: name, cell: a1(top + i, left + j), formula: f });
      }),
    );
  }
  const plan = planRewrite(cells, (sheet, ref) => nilaiDi(read, sheet, ref));
  const view: RumusBawaanView = {
    cakupan,
    converted: plan.converted.map((c) => ({ sheet: c.sheet, cell: c.cell, formula: c.formula, native: c.native, note: c.note })),
    skipped: plan.skipped.map((c) => ({ sheet: c.sheet, cell: c.cell, formula: c.formula, reason: c.reason })),
    applied: false,
  };
  if (!terapkan || plan.converted.length === 0) return view;

  // The record first: if writing it fails, no formula has been changed without its way back.
  simpanAsli(ss, barisAsli(plan.converted));
  tulisRumus(
    ss,
    plan.converted.map((c) => ({ sheet: c.sheet, cell: c.cell, formula: c.native })),
  );
  return { ...view, applied: true };
}

/**
 * One setFormula per cell (buffered by Apps Script: one round trip for all). A protected range
 * or a sheet removed meanwhile is said in Indonesian; the record on "Rumus Asli" stays valid,
 * since restoring checks each cell's current formula.
 */
function tulisRumus(ss: Spreadsheet, cells: readonly { sheet: string; cell: string; formula: string }[]): void {
  let at = '';
  try {
    for (const c of cells) {
      at = `${c.sheet}!${c.cell}`;
      const sheet = ss.getSheetByName(c.sheet);
      if (!sheet) throw new Error(`lembar "${c.sheet}" tidak ada lagi`);
      sheet.getRange(c.cell).setFormula(denganSamaDengan(c.formula));
    }
  } catch (e) {
    const m = (e as { message?: unknown } | null)?.message;
    const sebab = typeof m === 'string' ? m : String(e);
    throw new Error(`Rumus di ${at} tidak dapat ditulis (${sebab}). Periksa apakah sel itu dilindungi, lalu coba lagi.`);
  }
}

/** Append rows under the header of the hidden "Rumus Asli" sheet, creating it when missing. */
function simpanAsli(ss: Spreadsheet, rows: string[][]): void {
  let sheet = ss.getSheetByName(LEMBAR_ASLI);
  if (!sheet) {
    // insertSheet makes the new sheet the active one: the planner is put back where they were.
    const kembali = ss.getActiveRange() ?? ss.getActiveSheet().getRange(1, 1);
    sheet = ss.insertSheet(LEMBAR_ASLI, ss.getSheets().length);
    sheet.getRange(1, 1, 1, KOLOM_ASLI.length).setValues(teks([[...KOLOM_ASLI]]));
    sheet.hideSheet();
    kembali.activate();
  }
  const last = Math.max(sheet.getLastRow(), 1);
  sheet.getRange(last + 1, 1, rows.length, KOLOM_ASLI.length).setValues(teks(rows));
}

function kunci(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell}`;
}

/**
 * Put the original formulas back where the native formula written in their place is still
 * there; a cell the user edited since keeps the edit and its row on "Rumus Asli".
 */
export function kembalikanRumusAsli(): { restored: number; kept: number } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const asli = ss.getSheetByName(LEMBAR_ASLI);
  // Nothing converted yet (or all restored): nothing to do, which the pane says as such.
  if (!asli) return { restored: 0, kept: 0 };
  const rows = asli
    .getDataRange()
    .getValues()
    .map((r) => r.slice(0, KOLOM_ASLI.length).map((v) => (v === null || v === undefined ? '' : String(v))));

  // The current formulas of the listed cells: one read of the box around them, per sheet.
  const perLembar = new Map<string, { row: number; col: number }[]>();
  for (const [sheet, cell] of rows.slice(1)) {
    const pos = parseA1(cell);
    if (!pos) continue;
    const list = perLembar.get(sheet);
    if (list) list.push(pos);
    else perLembar.set(sheet, [pos]);
  }
  const current = new Map<string, { sheet: GSheet; formula: string }>();
  for (const [name, list] of perLembar) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const { top, left, bottom, right } = kotakSel(list);
    const formulas = sheet.getRange(top + 1, left + 1, bottom - top + 1, right - left + 1).getFormulas();
    for (const p of list) current.set(kunci(name, a1(p.row + 1, p.col + 1)), { sheet, formula: formulas[p.row - top][p.col - left] });
  }
  const at = (sheet: string, cell: string) => {
    const pos = parseA1(cell);
    return pos ? (current.get(kunci(sheet, a1(pos.row + 1, pos.col + 1)))?.formula ?? null) : null;
  };
  const plan = rencanaKembali(rows, at);

  tulisRumus(ss, plan.restore);
  const kept = new Set(plan.kept.map((k) => kunci(k.sheet, k.cell)));
  const sisa = rows.slice(1).filter(([sheet, cell]) => kept.has(kunci(sheet, cell)));
  if (sisa.length === 0) {
    ss.deleteSheet(asli);
  } else if (sisa.length < rows.length - 1) {
    // The rows left, moved up under the header; the rest of the old list removed.
    asli.getRange(2, 1, sisa.length, KOLOM_ASLI.length).setValues(teks(sisa));
    asli.deleteRows(sisa.length + 2, rows.length - 1 - sisa.length);
  }
  return { restored: plan.restore.length, kept: plan.kept.length };
}
