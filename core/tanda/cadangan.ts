import * as z from 'zod/mini';

/**
 * What marking changed in the document, kept (in the document itself) so that "Hapus Tanda"
 * puts back exactly what was there: each marked cell's original background and note, and the
 * text of the note we added. Stored data can be edited by others, so it is validated when read
 * back; a backup that cannot be read is never overwritten (core/tanda/pembukuan.ts).
 */
const A1 = z.string().check(z.regex(/^[A-Z]{1,3}[1-9]\d*$/));

export const SelCadanganSchema = z.object({
  sheet: z.string(),
  /** A1 address. */
  cell: A1,
  /** Original background as #RRGGBB; null = no fill. */
  fill: z.nullable(z.string()),
  /** Original note text, null when the cell had none. */
  note: z.nullable(z.string()),
  /** The text we added to the note, so that Hapus Tanda takes out exactly that (absent in the oldest backups). */
  markNote: z.optional(z.string()),
});
export type SelCadangan = z.infer<typeof SelCadanganSchema>;

export const CadanganSchema = z.object({
  versi: z.literal(2),
  sel: z.array(SelCadanganSchema),
});
export type Cadangan = z.infer<typeof CadanganSchema>;

/** Backups written before version 2 named our note text `kami`; they are still read. */
const CadanganV1Schema = z.object({
  versi: z.literal(1),
  sel: z.array(
    z.object({ sheet: z.string(), cell: A1, fill: z.nullable(z.string()), note: z.nullable(z.string()), kami: z.optional(z.string()) }),
  ),
});

export type BacaCadangan = { ok: true; cadangan: Cadangan } | { ok: false; message: string };

export const CADANGAN_KOSONG: Cadangan = { versi: 2, sel: [] };

/** The backup from its stored JSON text; never throws. */
export function bacaCadangan(stored: string | null | undefined): BacaCadangan {
  if (stored === null || stored === undefined || stored === '') return { ok: true, cadangan: { versi: 2, sel: [] } };
  let data: unknown;
  try {
    data = JSON.parse(stored);
  } catch {
    return { ok: false, message: 'Catatan tanda sebelumnya rusak; warna sel tidak dapat dipulihkan otomatis.' };
  }
  const parsed = CadanganSchema.safeParse(data);
  if (parsed.success) return { ok: true, cadangan: parsed.data };
  const v1 = CadanganV1Schema.safeParse(data);
  if (v1.success) {
    const sel = v1.data.sel.map(({ kami, ...s }) => (kami === undefined ? s : { ...s, markNote: kami }));
    return { ok: true, cadangan: { versi: 2, sel } };
  }
  return { ok: false, message: 'Catatan tanda sebelumnya tidak dikenali; warna sel tidak dapat dipulihkan otomatis.' };
}

/** The text every host stores. */
export function tulisCadangan(c: Cadangan): string {
  return JSON.stringify(c);
}

/**
 * A second Periksa before Hapus Tanda must not overwrite the true originals with our own
 * fills: cells already in the backup keep their first-recorded state, and take only the text
 * of our new note.
 */
export function gabungCadangan(previous: Cadangan, fresh: readonly SelCadangan[]): Cadangan {
  const key = (s: SelCadangan) => `${s.sheet}\u0000${s.cell}`;
  const newMarkNote = new Map(fresh.filter((s) => s.markNote !== undefined).map((s) => [key(s), s.markNote]));
  const seen = new Set(previous.sel.map(key));
  const kept = previous.sel.map((s) => (newMarkNote.has(key(s)) ? { ...s, markNote: newMarkNote.get(key(s)) } : s));
  return { versi: 2, sel: [...kept, ...fresh.filter((s) => !seen.has(key(s)))] };
}
