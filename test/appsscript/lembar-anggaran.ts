import * as fs from 'fs';
import { fixturePath } from '../fixtures/muat';
import { selDariTsv } from './bundel';
import { AppsScriptPalsu, isi, SheetPalsu } from './palsu';

/**
 * The Magetan 2024 budget table (Tabel 3.9) at B3 of a sheet, typed as Sheets holds it, with
 * two real-looking mistakes: kegiatan 1.2's pagu lowered (program 1 no longer sums) and its
 * % left as it was. The header is filled blue and bold, programs bold, and the program-1 pagu
 * cell already has the planner's own fill and note.
 */
export const TOP = 3;
export const LEFT = 2;
export function lembarAnggaran(gas: AppsScriptPalsu, rowsRepeat = 1): SheetPalsu {
  const sheet = gas.ss.addSheet('Realisasi');
  const grid = selDariTsv(fs.readFileSync(fixturePath('lkjip_magetan_2024_realisasi_anggaran'), 'utf8'));
  const body = grid.slice(1);
  const rows = [grid[0], ...Array.from({ length: rowsRepeat }, () => body).flat()];
  isi(sheet, TOP, LEFT, rows);
  sheet.cells[TOP - 1].forEach((s) => Object.assign(s, { background: '#cfe2f3', weight: 'bold' }));
  rows.forEach((r, i) => {
    if (/^\d+\.?$/.test(String(r[0].value))) sheet.cells[TOP - 1 + i].forEach((s) => (s.weight = 'bold'));
  });
  // Kegiatan 1.2 (third data row): pagu 3.360.862.284 → 3.360.000.000.
  sheet.sel(TOP + 3, LEFT + 3).value = 3_360_000_000;
  Object.assign(sheet.sel(TOP + 1, LEFT + 3), { background: '#fff2cc', note: 'Sumber: DPA 2024' });
  // % column as Sheets shows a typed "97,10": a number with two decimals shown.
  for (let r = TOP + 1; r < TOP + rows.length; r++) sheet.sel(r, LEFT + 5).format = '0.00';
  sheet.merges.push({ row: 1, col: LEFT, rows: 1, cols: 6 });
  isi(sheet, 1, LEFT, [[{ value: 'Tabel 3.9 Realisasi Anggaran Program dan Kegiatan Tahun 2024' }]]);
  return sheet;
}
