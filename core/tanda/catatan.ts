import { NOTE_AUTHOR } from './index';

/**
 * Notes, the same in every host: ours are added to a cell's own note rather than replacing it
 * (as the CLI's annotated copy does), and clearing takes back only what we added, so the
 * user's own note survives even a lost backup.
 */

const SEPARATOR = '\n\n';

/** The note a marked cell gets, given the user's own note (null when it had none). */
export function catatanTanda(milikPengguna: string | null, kami: string): string {
  return milikPengguna === null || milikPengguna === '' ? kami : `${milikPengguna}${SEPARATOR}${kami}`;
}

export type PulihCatatan = { aksi: 'biarkan' } | { aksi: 'hapus' } | { aksi: 'ganti'; isi: string };

/**
 * What Hapus Tanda does with a cell's note now (`sekarang`), given the note it had before
 * marking (`asli`). A note the user has since rewritten is left alone.
 */
export function pulihCatatan(sekarang: string | null, asli: string | null): PulihCatatan {
  if (sekarang === null) return { aksi: 'biarkan' };
  if (asli === null || asli === '') return sekarang.startsWith(NOTE_AUTHOR) ? { aksi: 'hapus' } : { aksi: 'biarkan' };
  if (sekarang !== asli && sekarang.startsWith(asli + SEPARATOR + NOTE_AUTHOR)) return { aksi: 'ganti', isi: asli };
  return { aksi: 'biarkan' };
}
