/**
 * Dates in an .xlsx are numbers under a date format. The model has no date type and a date is
 * never an amount to check, so such a cell becomes ISO text (`2024-12-31`).
 */

/** A format code that shows a date or time: a y, m, d, h, s or b outside quotes and brackets (as exceljs decides). */
export function isDateFormat(code: string | null): boolean {
  if (code === null || code === '') return false;
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** An Excel serial day number as ISO text; the 1904 system counts from 1904-01-01. */
export function serialToIso(serial: number, date1904: boolean): string | null {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  return isoDate(new Date(ms));
}

/** `2024-12-31`, or `2024-12-31 08:30:00` when the cell holds a time too (read as UTC). */
export function isoDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? day : `${day} ${time}`;
}
