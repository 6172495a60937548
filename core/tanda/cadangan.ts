import * as z from 'zod/mini';

/**
 * What marking changed in the document, kept (in the document itself) so that "Hapus Tanda"
 * puts back exactly what was there: each marked cell's original background and note. Stored
 * data can be edited by others, so it is validated when read back.
 */
export const SelCadanganSchema = z.object({
  sheet: z.string(),
  /** A1 address. */
  cell: z.string().check(z.regex(/^[A-Z]{1,3}[1-9]\d*$/)),
  /** Original background as the host reported it (#RRGGBB, or the host's "no fill" value); null = none. */
  fill: z.nullable(z.string()),
  /** Original note text, null when the cell had none. */
  note: z.nullable(z.string()),
  /** The text we added to the note, so that Hapus Tanda takes out exactly that (absent in older backups). */
  kami: z.optional(z.string()),
});
export type SelCadangan = z.infer<typeof SelCadanganSchema>;

export const CadanganSchema = z.object({
  versi: z.literal(1),
  sel: z.array(SelCadanganSchema),
});
export type Cadangan = z.infer<typeof CadanganSchema>;

export type BacaCadangan = { ok: true; cadangan: Cadangan } | { ok: false; message: string };

/** The backup from its stored JSON text; never throws. */
export function bacaCadangan(stored: string | null | undefined): BacaCadangan {
  if (stored === null || stored === undefined || stored === '') return { ok: true, cadangan: { versi: 1, sel: [] } };
  let data: unknown;
  try {
    data = JSON.parse(stored);
  } catch {
    return { ok: false, message: 'Catatan tanda sebelumnya rusak; warna sel tidak dapat dipulihkan otomatis.' };
  }
  const parsed = CadanganSchema.safeParse(data);
  return parsed.success
    ? { ok: true, cadangan: parsed.data }
    : { ok: false, message: 'Catatan tanda sebelumnya tidak dikenali; warna sel tidak dapat dipulihkan otomatis.' };
}

/**
 * A second Periksa before Hapus Tanda must not overwrite the true originals with our own
 * fills: cells already in the backup keep their first-recorded state, and take only the text
 * of our new note.
 */
export function gabungCadangan(lama: Cadangan, baru: readonly SelCadangan[]): Cadangan {
  const key = (s: SelCadangan) => `${s.sheet}\u0000${s.cell}`;
  const kamiBaru = new Map(baru.filter((s) => s.kami !== undefined).map((s) => [key(s), s.kami]));
  const seen = new Set(lama.sel.map(key));
  const tetap = lama.sel.map((s) => (kamiBaru.has(key(s)) ? { ...s, kami: kamiBaru.get(key(s)) } : s));
  return { versi: 1, sel: [...tetap, ...baru.filter((s) => !seen.has(key(s)))] };
}
