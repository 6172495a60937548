import { bacaCadangan, BacaCadangan, Cadangan, gabungCadangan, tulisCadangan } from '../../core/tanda/cadangan';

/**
 * What the add-in keeps in the document. The settings are one document property. The mark
 * backup is on a hidden, warning-protected sheet: document properties hold 500 kB in all
 * (Apps Script quotas, https://developers.google.com/apps-script/guides/services/quotas), about
 * 1,800 marked cells, while a sheet holds 50,000 characters per cell and millions of cells
 * (https://support.google.com/drive/answer/37603), so the backup of 20,000 marked cells
 * (about 6 MB) fits. Its JSON text is cut into cells of column A, read with one getValues and
 * written with one setValues, in the same batch as the marks and before them.
 *
 * Backups written before this lived in document properties (`lembarKinerja.cadangan.*`, parts
 * under the 9 kB value limit). Periksa does not read them (a round trip every time for a
 * one-off); Hapus Tanda reads them, merged under the sheet's backup (their originals are the
 * older ones), and removes them.
 */

export const KUNCI_PENGATURAN = 'lembarKinerja.pengaturan';
const KUNCI_CADANGAN_LAMA = 'lembarKinerja.cadangan.';
const KUNCI_JUMLAH_LAMA = `${KUNCI_CADANGAN_LAMA}n`;

/** The hidden sheet of the backup; never checked, never drawn from. */
export const LEMBAR_CADANGAN = 'Cadangan Tanda Lembar Kinerja';
/** Characters per cell: under Sheets' 50,000 per cell. */
const PANJANG_SEL = 40_000;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function dokumenProperti(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** The backup on the hidden sheet (one read when the sheet exists, none when it does not). */
export function bacaCadanganLembar(ss: Spreadsheet): BacaCadangan {
  const sheet = ss.getSheetByName(LEMBAR_CADANGAN);
  if (!sheet) return bacaCadangan(null);
  const rows = sheet.getRange(1, 1, sheet.getMaxRows(), 1).getValues();
  let text = '';
  for (const [v] of rows) if (typeof v === 'string') text += v;
  // An emptied sheet is no backup; anything else must read as one.
  return text === '' ? bacaCadangan(null) : bacaCadangan(text);
}

/**
 * Write the backup (null or empty: clear it) in the current batch of writes. The sheet is
 * created hidden and protected with a warning the first time.
 */
export function tulisCadanganLembar(ss: Spreadsheet, cadangan: Cadangan | null): void {
  let sheet = ss.getSheetByName(LEMBAR_CADANGAN);
  if (cadangan === null || cadangan.sel.length === 0) {
    if (sheet) ss.deleteSheet(sheet);
    return;
  }
  if (!sheet) {
    // insertSheet activates the new sheet: the planner's sheet (which keeps its selection) is
    // made active again, without a read that would break the batch of writes.
    const asal = ss.getActiveSheet();
    sheet = ss.insertSheet(LEMBAR_CADANGAN, ss.getSheets().length);
    sheet.protect().setWarningOnly(true);
    sheet.hideSheet();
    ss.setActiveSheet(asal);
  }
  const text = tulisCadangan(cadangan);
  const parts: string[][] = [];
  // A leading apostrophe keeps every part the text it is (a part may start with "=" or a digit).
  for (let i = 0; i < text.length; i += PANJANG_SEL) parts.push([`'${text.slice(i, i + PANJANG_SEL)}`]);
  const max = sheet.getMaxRows();
  if (parts.length > max) sheet.insertRowsAfter(max, parts.length - max);
  // Every row of column A written, so that a shorter backup leaves no part of a longer one.
  while (parts.length < max) parts.push(['']);
  sheet.getRange(1, 1, parts.length, 1).setValues(parts);
}

/** A backup still in the document properties (written before the hidden sheet), or an empty one. */
export function bacaCadanganProperti(props: Record<string, string>): BacaCadangan {
  const n = Number(props[KUNCI_JUMLAH_LAMA] ?? '0');
  if (!Number.isInteger(n) || n < 0 || n > 1000) return bacaCadangan('{');
  let text = '';
  for (let i = 0; i < n; i++) text += props[`${KUNCI_CADANGAN_LAMA}${i}`] ?? '';
  return bacaCadangan(text);
}

/** The keys of such an old backup, to remove once it is restored. */
export function kunciCadanganProperti(props: Record<string, string>): string[] {
  return Object.keys(props).filter((k) => k.startsWith(KUNCI_CADANGAN_LAMA));
}

/** Hapus Tanda's view: the old property backup first (its originals are older), then the sheet's. */
export function gabungLamaDanLembar(lama: Cadangan, lembar: Cadangan): Cadangan {
  return gabungCadangan(lama, lembar.sel);
}
