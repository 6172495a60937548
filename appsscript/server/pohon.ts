import type { PohonView } from '../../ui/jembatan';

/**
 * Pohon Kinerja: the tree of the active sheet drawn on a new sheet "Pohon Kinerja". The layout
 * is the core's (core/pohon/index.ts, issue 6), not written yet; until it is, both actions say
 * so in Indonesian instead of drawing anything. The Sheets writer of a Drawing is ready in
 * gambar.ts (tulisGambar).
 */

export const POHON_SHEET = 'Pohon Kinerja';
const BELUM = 'Pembuat pohon kinerja belum tersedia pada versi ini.';

export function pohonKinerja(_ganti: boolean): PohonView {
  throw new Error(BELUM);
}

export function templatPohon(): { sheet: string } {
  throw new Error(BELUM);
}
