import { bacaCadangan, BacaCadangan, Cadangan } from '../../core/tanda/cadangan';

/**
 * What the add-in keeps in the document's properties: the settings and the mark backup. A
 * property value holds at most 9 kB, so the backup is split in parts; all of it is read with
 * one getProperties and written with one setProperties.
 */

export const KUNCI_PENGATURAN = 'lembarKinerja.pengaturan';
const KUNCI_CADANGAN = 'lembarKinerja.cadangan.';
const KUNCI_JUMLAH = `${KUNCI_CADANGAN}n`;
/** Characters per part: 4 bytes each at worst in UTF-8, well under 9 kB. */
const PANJANG_BAGIAN = 2000;

export type Properti = Record<string, string>;

export function dokumenProperti(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function cadanganDari(props: Properti): BacaCadangan {
  const n = Number(props[KUNCI_JUMLAH] ?? '0');
  if (!Number.isInteger(n) || n < 0 || n > 1000) return bacaCadangan('{');
  let text = '';
  for (let i = 0; i < n; i++) text += props[`${KUNCI_CADANGAN}${i}`] ?? '';
  return bacaCadangan(text);
}

/** All properties with the backup replaced (or removed when null); for setProperties(…, true). */
export function denganCadangan(props: Properti, cadangan: Cadangan | null): Properti {
  const out: Properti = {};
  for (const [k, v] of Object.entries(props)) if (!k.startsWith(KUNCI_CADANGAN)) out[k] = v;
  if (cadangan === null || cadangan.sel.length === 0) return out;
  const text = JSON.stringify(cadangan);
  let parts = 0;
  for (let i = 0; i < text.length; i += PANJANG_BAGIAN) out[`${KUNCI_CADANGAN}${parts++}`] = text.slice(i, i + PANJANG_BAGIAN);
  out[KUNCI_JUMLAH] = String(parts);
  return out;
}
