import { pohonKinerja as susunPohon, templatPohon as templat } from '../../core/pohon';
import { uniqueSheetName } from '../../core/tanda';
import type { PohonView } from '../../ui/jembatan';
import { bacaRentang } from './baca';
import { sheetAda, tulisGambar } from './gambar';

/**
 * Pohon Kinerja: the tree of the active sheet (a cascading sheet or a Renja/LKjIP table), laid
 * out by the core and drawn on a new sheet in one batch. A sheet of that name is replaced only
 * when the user has said so (ganti).
 */

export function pohonKinerja(ganti: boolean): PohonView {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const active = ss.getActiveSheet();
  const name = active.getName();
  const sheet = bacaRentang(active.getDataRange(), name);
  // One cell per box line: SpreadsheetApp merges one area per call, so a merged drawing costs
  // a call per box (core/pohon/tata.ts, singleCells).
  const hasil = susunPohon({ name: ss.getName(), sheets: [sheet] }, { lembar: name, singleCells: true });
  const target = hasil.drawing.sheetName;
  const view = { sheet: target, nodes: hasil.nodes, messages: hasil.messages };
  if (target === name) throw new Error(`Buka lembar tabel atau lembar kaskade terlebih dahulu, bukan lembar "${target}".`);
  if (!ganti && sheetAda(ss, target)) return { status: 'sudah-ada', ...view };
  tulisGambar(ss, hasil.drawing);
  return { status: 'dibuat', ...view };
}

/** A new cascading sheet to fill in; never replaces one: a second gets "(2)". */
export function templatPohon(): { sheet: string } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const drawing = templat();
  const name = uniqueSheetName(
    ss.getSheets().map((s) => s.getName()),
    drawing.sheetName,
  );
  tulisGambar(ss, { ...drawing, sheetName: name });
  return { sheet: name };
}
