import * as path from 'path';
import Papa from 'papaparse';
import { Finding } from '../core/periksa/temuan';
import { neutralise, TEMUAN_HEADERS, temuanRows } from '../core/tanda';
import { SEVERITY_LABEL } from '../core/periksa/label';

/**
 * `periksa FILE… --laporan temuan.csv`: every finding of every checked file in one table, for a
 * verifier who checks a batch of files and sorts or filters the result in a spreadsheet. The
 * columns are those of the "Temuan" sheet with the file in front, and the texts come from the
 * same `temuanRows`, so both lists read alike and every user string is neutralised (a cell or
 * sheet name starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, per OWASP's
 * CSV-injection guidance). A file that could not be read is a row too, so that it is not
 * silently missing from the batch.
 *
 * The .csv is separated by `;`, as Excel set to Indonesian writes and opens it (`,` is the
 * decimal mark there, and the numbers are written the id-ID way); the .tsv by tabs. Both start
 * with a UTF-8 byte-order mark, without which Excel reads the text as ANSI.
 */

export type FormatLaporan = 'csv' | 'tsv';

export const LAPORAN_HEADERS = ['Berkas', ...TEMUAN_HEADERS];

const DELIMITER: Record<FormatLaporan, string> = { csv: ';', tsv: '\t' };
const BOM = '\uFEFF';

export type BerkasDiperiksa =
  | { file: string; sheets: string[]; findings: Finding[] }
  /** A file that could not be read, with the Indonesian reason. */
  | { file: string; error: string };

/** The format a report path asks for by its extension, or null for any other name. */
export function formatLaporan(file: string): FormatLaporan | null {
  const ext = path.extname(file).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.tsv' ? 'tsv' : null;
}

/** The rows of the report (header first), every text already safe for a spreadsheet. */
export function barisLaporan(berkas: BerkasDiperiksa[]): string[][] {
  const rows: string[][] = [LAPORAN_HEADERS];
  for (const b of berkas) {
    const file = neutralise(b.file);
    if ('error' in b) {
      rows.push([file, '', '', '', SEVERITY_LABEL.error, '', '', neutralise(`Berkas tidak dapat dibaca: ${b.error}`), '']);
      continue;
    }
    // temuanRows already neutralises what it takes from the user; passing every field through
    // again (a no-op on safe text) keeps the guarantee here, where the CSV is written.
    for (const r of temuanRows(b.findings, b.sheets)) rows.push([file, ...r.cells.map(neutralise)]);
  }
  return rows;
}

/** The report as text: quoted where a field needs it, CRLF line ends, a byte-order mark. */
export function teksLaporan(berkas: BerkasDiperiksa[], format: FormatLaporan): string {
  return BOM + Papa.unparse(barisLaporan(berkas), { delimiter: DELIMITER[format], newline: '\r\n', header: false }) + '\r\n';
}
