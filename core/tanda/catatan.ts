import { NOTE_AUTHOR } from './index';

/**
 * Notes, the same in every host: ours are added to a cell's own note rather than replacing it
 * (as the CLI's annotated copy does), and clearing takes back only what we added, so the
 * user's own note survives even a lost backup.
 */

const SEPARATOR = '\n\n';

/** The note a marked cell gets, given the user's own note (null when it had none). */
export function catatanTanda(milikPengguna: string | null, markNote: string): string {
  return milikPengguna === null || milikPengguna === '' ? markNote : `${milikPengguna}${SEPARATOR}${markNote}`;
}

export type PulihCatatan = { aksi: 'biarkan' } | { aksi: 'hapus' } | { aksi: 'ganti'; isi: string };

/**
 * What Hapus Tanda does with a cell's note now (`sekarang`), given the note it had before
 * marking (`asli`) and the text we added (`markNote`, recorded since backups carry it). Only our
 * text, exactly as written, is taken out: a line the planner typed before or after it stays,
 * and a note whose part of ours he has edited is his now and is left alone.
 */
export function pulihCatatan(sekarang: string | null, asli: string | null, markNote?: string): PulihCatatan {
  if (sekarang === null) return { aksi: 'biarkan' };
  if (markNote === undefined || markNote === '') return pulihTanpaCatatanKami(sekarang, asli);
  const pengguna = asli === null || asli === '' ? null : asli;
  if (sekarang === catatanTanda(pengguna, markNote)) return pengguna === null ? { aksi: 'hapus' } : { aksi: 'ganti', isi: pengguna };
  const at = sekarang.lastIndexOf(markNote);
  if (at < 0) return { aksi: 'biarkan' };
  let before = sekarang.slice(0, at);
  let after = sekarang.slice(at + markNote.length);
  if (before.endsWith(SEPARATOR)) before = before.slice(0, -SEPARATOR.length);
  else if (after.startsWith(SEPARATOR)) after = after.slice(SEPARATOR.length);
  const sisa = before + after;
  return sisa.trim() === '' ? { aksi: 'hapus' } : { aksi: 'ganti', isi: sisa };
}

/** Backups written before they recorded our text: our note is recognised by its first line. */
function pulihTanpaCatatanKami(sekarang: string, asli: string | null): PulihCatatan {
  if (asli === null || asli === '') return sekarang.startsWith(NOTE_AUTHOR) ? { aksi: 'hapus' } : { aksi: 'biarkan' };
  if (sekarang !== asli && sekarang.startsWith(asli + SEPARATOR + NOTE_AUTHOR)) return { aksi: 'ganti', isi: asli };
  return { aksi: 'biarkan' };
}

/**
 * The planner's part of a note that is marked already (a second Periksa before Hapus Tanda):
 * the note without our earlier text, so that ours is replaced and whatever he added stays.
 */
export function catatanPengguna(sekarang: string | null, tercatat: { note: string | null; markNote?: string }): string | null {
  const act = pulihCatatan(sekarang, tercatat.note, tercatat.markNote);
  if (act.aksi === 'hapus') return null;
  if (act.aksi === 'ganti') return act.isi;
  return sekarang;
}
