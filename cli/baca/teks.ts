import { Delimiter, readDelimited } from '../../core/lembar/teks';
import { decodeText } from './dekode';
import { ReadResult } from './hasil';

const DELIMITER_NAMES: Record<Delimiter, string> = { '\t': 'tab', ';': 'titik koma', ',': 'koma' };

/**
 * A .csv or .tsv file's bytes to a one-sheet workbook named after the file. A .tsv uses tabs
 * when it has any; otherwise (and for .csv) the delimiter is detected from the first lines.
 */
export function readDelimitedBytes(bytes: Uint8Array, fileName: string, sheetName: string, ext: '.csv' | '.tsv'): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, message: 'Berkas kosong.' };
  const warnings: string[] = [];
  if (decoded.warning !== null) warnings.push(decoded.warning);
  const forced: Delimiter | undefined = ext === '.tsv' && text.includes('\t') ? '\t' : undefined;
  const read = readDelimited(text, sheetName, forced);
  if (ext === '.tsv' && read.delimiter !== '\t') {
    warnings.push(`Berkas .tsv tanpa tab; kolom dipisah dengan ${DELIMITER_NAMES[read.delimiter]}.`);
  }
  if (read.unclosedQuoteRow !== null) {
    warnings.push(`Tanda kutip di baris ${read.unclosedQuoteRow + 1} tidak ditutup; isi sesudahnya mungkin terbaca sebagai satu sel.`);
  }
  return { ok: true, workbook: { name: fileName, sheets: [read.sheet] }, warnings };
}
