import { isMarkFill, MarkPlan } from './index';
import { BacaCadangan, Cadangan, gabungCadangan, SelCadangan } from './cadangan';
import { catatanPengguna, catatanTanda, pulihCatatan } from './catatan';

/**
 * The bookkeeping of marks, the same in every host: which cells a host must read before it
 * marks or restores, what it writes to each, and the backup it keeps. A host only reads the
 * cells' fills and notes (fill null = no fill, note null = none, whatever the host's own form)
 * and writes back what is planned here, the backup before the marks.
 *
 * - A backup that cannot be read is never overwritten: the originals in it would be lost.
 * - A second Periksa puts back the cells marked before and not found again (the planner fixed
 *   them), keeps the first-recorded originals of the cells marked again, and replaces only our
 *   own note text.
 * - Sheets are matched by their exact name; a cell on a sheet renamed or deleted since is
 *   neither read nor written, and Hapus Tanda forgets it.
 * - Hapus Tanda counts a cell when it put back its fill or its note.
 */

export interface SelDiLembar {
  sheet: string;
  cell: string;
}

export interface KeadaanSel {
  fill: string | null;
  note: string | null;
}

/** A write to one cell: `fill`/`note` undefined leaves it as it is, null clears it. */
export interface TulisSel extends SelDiLembar {
  fill?: string | null;
  note?: string | null;
}

export type Baca = (sheet: string, cell: string) => KeadaanSel;

const key = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;

/** A message for a backup that cannot be read; the host says it and changes nothing. */
export function tolakCadangan(stored: BacaCadangan): string | null {
  return stored.ok
    ? null
    : `${stored.message} Periksa Tabel tidak menandai sel agar warna dan catatan asli yang tercatat di sana tidak tertimpa.`;
}

/** The cells whose fill and note the host reads before marking: the planned ones and those of the previous backup on sheets that exist. */
export function selUntukTandai(previous: Cadangan, plans: readonly MarkPlan[], sheetNames: readonly string[]): SelDiLembar[] {
  const names = new Set(sheetNames);
  const seen = new Set<string>();
  const out: SelDiLembar[] = [];
  for (const c of [...plans, ...previous.sel]) {
    const k = key(c.sheet, c.cell);
    if (seen.has(k) || !names.has(c.sheet)) continue;
    seen.add(k);
    out.push({ sheet: c.sheet, cell: c.cell });
  }
  return out;
}

/** What Hapus Tanda does to one recorded cell now; null when it is the planner's now. */
function pulihkan(s: SelCadangan, now: KeadaanSel): TulisSel | null {
  const w: TulisSel = { sheet: s.sheet, cell: s.cell };
  if (isMarkFill(now.fill)) w.fill = s.fill;
  const act = pulihCatatan(now.note, s.note, s.markNote);
  if (act.aksi === 'hapus') w.note = null;
  else if (act.aksi === 'ganti') w.note = act.isi;
  return w.fill === undefined && w.note === undefined ? null : w;
}

export interface RencanaTandai {
  /** The backup to store, BEFORE the writes: every cell written is in it. */
  backup: Cadangan;
  writes: TulisSel[];
  marked: number;
}

/**
 * Marking: `plans` (already limited to the cells the host read), the previous backup (read
 * fine: check tolakCadangan first) and the current state of the cells selUntukTandai named.
 */
export function rencanaTandai(previous: Cadangan, plans: readonly MarkPlan[], sheetNames: readonly string[], now: Baca): RencanaTandai {
  const names = new Set(sheetNames);
  const live = plans.filter((p) => names.has(p.sheet));
  const planned = new Set(live.map((p) => key(p.sheet, p.cell)));
  const before = new Map(previous.sel.map((s) => [key(s.sheet, s.cell), s]));
  const writes: TulisSel[] = [];
  // Marked before and not found again: the planner fixed it, the mark goes. Its record stays in
  // the backup (restoring twice changes nothing), so a failure after this cannot strand a mark.
  for (const s of previous.sel) {
    if (planned.has(key(s.sheet, s.cell)) || !names.has(s.sheet)) continue;
    const w = pulihkan(s, now(s.sheet, s.cell));
    if (w) writes.push(w);
  }
  const fresh: SelCadangan[] = [];
  for (const p of live) {
    const cur = now(p.sheet, p.cell);
    const prior = before.get(key(p.sheet, p.cell));
    fresh.push({ sheet: p.sheet, cell: p.cell, fill: cur.fill, note: cur.note, markNote: p.note });
    // Marked before: our earlier text is replaced, whatever the planner added stays.
    const own = prior ? catatanPengguna(cur.note, prior) : cur.note;
    writes.push({ sheet: p.sheet, cell: p.cell, fill: `#${p.fill}`, note: catatanTanda(own, p.note) });
  }
  return { backup: gabungCadangan(previous, fresh), writes, marked: live.length };
}

/** Hapus Tanda: what to write back, and how many cells got something back. The backup is removed after. */
export function rencanaHapus(backup: Cadangan, sheetNames: readonly string[], now: Baca): { writes: TulisSel[]; restored: number } {
  const names = new Set(sheetNames);
  const writes: TulisSel[] = [];
  for (const s of backup.sel) {
    if (!names.has(s.sheet)) continue;
    const w = pulihkan(s, now(s.sheet, s.cell));
    if (w) writes.push(w);
  }
  return { writes, restored: writes.length };
}

/** The cells Hapus Tanda reads. */
export function selUntukHapus(backup: Cadangan, sheetNames: readonly string[]): SelDiLembar[] {
  return selUntukTandai(backup, [], sheetNames);
}
