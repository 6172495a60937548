import type { SelDiubah } from './index';

/**
 * The way back from native formulas, the same in every host: a hidden sheet "Rumus Asli" lists
 * each converted cell with its original formula and the native formula written in its place.
 * Restoring puts an original back only where the cell still holds the native formula we wrote,
 * so a cell the user edited since keeps the user's edit.
 */

export const LEMBAR_ASLI = 'Rumus Asli';
export const KOLOM_ASLI = ['Lembar', 'Sel', 'Rumus asli', 'Rumus bawaan'] as const;

/** Rows to append under the header of the "Rumus Asli" sheet, one per converted cell. */
export function barisAsli(converted: readonly SelDiubah[]): string[][] {
  return converted.map((c) => [c.sheet, c.cell, c.formula, c.native]);
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
export function rencanaKembali(rows: readonly (readonly unknown[])[], current: (sheet: string, cell: string) => string | null): {
  restore: Kembali[];
  kept: { sheet: string; cell: string }[];
} {
  const seen = new Set<string>();
  const restore: Kembali[] = [];
  const kept: { sheet: string; cell: string }[] = [];
  for (const r of rows) {
    const [sheet, cell, asli, bawaan] = r.map((v) => (v === null || v === undefined ? '' : String(v)));
    if (sheet === KOLOM_ASLI[0] && cell === KOLOM_ASLI[1]) continue;
    if (sheet === '' || cell === '' || asli === '') continue;
    const key = `${sheet}\u0000${cell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const now = current(sheet, cell);
    if (now !== null && sameFormula(now, bawaan)) restore.push({ sheet, cell, formula: asli });
    else kept.push({ sheet, cell });
  }
  return { restore, kept };
}

/** Hosts report a formula with or without its "=" and may change the case of names. */
function sameFormula(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/^=/, '').toUpperCase();
  return norm(a) === norm(b);
}
