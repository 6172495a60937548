import type { SelDiubah } from './index';

/**
 * The way back from native formulas, one format for every host (the CLI's `bawaan` copy, the
 * Excel pane, the Sheets sidebar): a hidden sheet "Rumus Asli" lists each converted cell with
 * its original formula, the native formula written in its place and a remark. Restoring puts
 * an original back only where the cell still holds the native formula we wrote, so a cell the
 * user edited since keeps the user's edit.
 */

export const LEMBAR_ASLI = 'Rumus Asli';
export const KOLOM_ASLI = ['Lembar', 'Sel', 'Rumus asli', 'Rumus bawaan', 'Keterangan'] as const;

/** The header of copies the CLI wrote before the one format: no native formula to compare with. */
const KOLOM_CLI_LAMA = ['Lembar', 'Sel', 'Rumus asli', 'Keterangan'];

/** "=" in front, as a planner types a formula (an .xlsx stores it without). */
export function denganSamaDengan(f: string): string {
  return f.startsWith('=') ? f : `=${f}`;
}

/** Rows to append under the header of the "Rumus Asli" sheet, one per converted cell. */
export function barisAsli(converted: readonly (SelDiubah & { keterangan?: string })[]): string[][] {
  return converted.map((c) => [c.sheet, c.cell, denganSamaDengan(c.formula), denganSamaDengan(c.native), c.keterangan ?? c.note ?? '']);
}

export interface Kembali {
  sheet: string;
  cell: string;
  formula: string;
}

/**
 * What to restore from the rows of the "Rumus Asli" sheet (header included or not), given the
 * cells' current formulas. The first row of a cell is its true original: a cell converted twice
 * keeps its first record.
 */
export function rencanaKembali(
  rows: readonly (readonly unknown[])[],
  current: (sheet: string, cell: string) => string | null,
): {
  restore: Kembali[];
  kept: { sheet: string; cell: string }[];
} {
  const seen = new Set<string>();
  const restore: Kembali[] = [];
  const kept: { sheet: string; cell: string }[] = [];
  let tanpaBawaan = false;
  for (const r of rows) {
    // A row may come back shorter than written (a host trims empty cells): missing is empty.
    const [sheet, cell, asli, bawaanTertulis] = [0, 1, 2, 3].map((i) => (r[i] === null || r[i] === undefined ? '' : String(r[i])));
    if (sheet === KOLOM_ASLI[0] && cell === KOLOM_ASLI[1]) {
      tanpaBawaan = bawaanTertulis === KOLOM_CLI_LAMA[3];
      continue;
    }
    if (sheet === '' || cell === '' || asli === '') continue;
    // Without the native formula we wrote there is no telling the planner's edit from ours: kept.
    const bawaan = tanpaBawaan ? '' : bawaanTertulis;
    const key = `${sheet}\u0000${cell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const now = current(sheet, cell);
    if (now !== null && bawaan !== '' && sameFormula(now, bawaan)) restore.push({ sheet, cell, formula: asli });
    else kept.push({ sheet, cell });
  }
  return { restore, kept };
}

/** Hosts report a formula with or without its "=" and may change the case of names. */
function sameFormula(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/^=/, '').toUpperCase();
  return norm(a) === norm(b);
}
