import { Sheet } from '../../core/lembar/model';
import { angkaId, BATAS, GalatBaca } from './batas';
import { ReadResult } from './hasil';
import { readSharedStrings, readStyles, readWorkbookParts } from './xlsx-bagian';
import { readSheetPart } from './xlsx-lembar';
import { ZipPackage } from './zip';

const RUSAK = 'Berkas bukan .xlsx yang sah atau rusak.';

/**
 * An .xlsx file to the sheet model, one Sheet per worksheet in tab order. Cells carry what the
 * user sees as the cell's value: numbers stay numbers, text stays text, a formula gives its
 * cached result (and its text in `formulas`, shared formulas expanded per cell), an error cell
 * gives `#REF!`, a date gives ISO text (`2024-12-31`) because the model has no date type and a
 * date is never a number to check. Every sheet is read from A1 (no `origin`), so block
 * positions are sheet positions.
 *
 * The package is read through its relationships (a workbook outside `xl/`, a sheet part with
 * any name), one part at a time with its CRC checked; each sheet is one streaming pass
 * (`xlsx-lembar.ts`). The caps of `batas.ts` are checked before the work they guard.
 */
export async function readXlsxBuffer(buffer: Uint8Array, fileName: string): Promise<ReadResult> {
  try {
    return await readPackage(new ZipPackage(buffer), fileName);
  } catch (e) {
    if (e instanceof GalatBaca) return { ok: false, message: e.message };
    return { ok: false, message: RUSAK };
  }
}

async function readPackage(pkg: ZipPackage, fileName: string): Promise<ReadResult> {
  const parts = readWorkbookParts(
    pkg,
    BATAS.lembar,
    (n) => new GalatBaca(`Buku kerja memuat lebih dari ${angkaId(BATAS.lembar)} lembar (${angkaId(n)} atau lebih); berkas dilewati.`),
  );
  // Excel never saves a workbook without a sheet: a zip without one is not an .xlsx.
  if (parts.sheets.length === 0) return { ok: false, message: RUSAK };
  const strings = readSharedStrings(pkg, parts.sharedStrings);
  const styles = readStyles(pkg, parts.styles);
  const warnings: string[] = [];
  const sheets: Sheet[] = [];
  let cells = 0;
  for (const ref of parts.sheets) {
    const read = await readSheetPart(ref.name, pkg.entry(ref.part)!, {
      pkg,
      strings,
      styles,
      date1904: parts.date1904,
      cellsSoFar: cells,
    });
    cells = read.cells;
    sheets.push(read.sheet);
    warnings.push(...read.warnings);
  }
  return { ok: true, workbook: { name: fileName, sheets }, warnings };
}
