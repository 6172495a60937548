/**
 * Caps on what one workbook may ask of the reader, checked before the work they would cost.
 * Sized for real documents: a Renja of 100,000 rows × 30 columns with a merge on every row is
 * well inside every one. Past a cap the file is refused with one Indonesian sentence and a
 * batch goes on with the next file. README's bad-input catalogue states the same numbers.
 */
export const BATAS = {
  /** Worksheets in one workbook (real Renja/LKjIP files have a few dozen at most). */
  lembar: 1_000,
  /** Last used row of a sheet: Excel's own grid limit. */
  baris: 1_048_576,
  /** Last used column (XFD): Excel's own grid limit. */
  kolom: 16_384,
  /** Cells the model holds for one workbook, counting each row up to its last filled cell. */
  sel: 20_000_000,
  /** Merged areas in one sheet. */
  gabungan: 500_000,
  /** Bytes of XML inflated from the package in total (a zip bomb stops here). */
  byteXml: 1_024 * 1_024 * 1_024,
} as const;

/** A file the reader refuses: the message is what the planner reads. */
export class GalatBaca extends Error {}

export const angkaId = (n: number): string => n.toLocaleString('id-ID');
