import type { CellValue, Merge, Sheet } from '../../core/lembar/model';

/**
 * One range of a sheet as the core's Sheet model, read in one batch per property: values,
 * formulas, number formats, font weights and merges (five calls whatever the number of rows).
 */

type Range = GoogleAppsScript.Spreadsheet.Range;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Sheets hands date cells over as Date objects in the script's time zone (Asia/Jakarta in the
 * manifest); the model holds the ISO text the CLI's reader also gives, so rules treat both alike.
 */
function dateText(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return time === '00:00:00' ? day : `${day} ${time}`;
}

/** What Sheets reports as the number format of a cell left on "Otomatis": no format at all. */
const FORMAT_OTOMATIS = '0.###############';

function cellValue(v: unknown): CellValue {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return dateText(v);
  return null;
}

export function bacaRentang(range: Range, sheetName: string): Sheet {
  const values = range.getValues();
  const formulas = range.getFormulas();
  const formats = range.getNumberFormats();
  const weights = range.getFontWeights();
  const merged = range.getMergedRanges();
  const top = range.getRow();
  const left = range.getColumn();
  const merges: Merge[] = [];
  for (const m of merged) {
    // A merge that sticks out of the range is clipped to it; the core indexes within the block.
    const t = Math.max(m.getRow(), top) - top;
    const l = Math.max(m.getColumn(), left) - left;
    const b = Math.min(m.getRow() + m.getNumRows() - 1, top + values.length - 1) - top;
    const r = Math.min(m.getColumn() + m.getNumColumns() - 1, left + (values[0]?.length ?? 1) - 1) - left;
    if (b >= t && r >= l) merges.push({ top: t, left: l, bottom: b, right: r });
  }
  return {
    name: sheetName,
    typed: true,
    origin: { row: top - 1, col: left - 1 },
    values: values.map((row) => row.map(cellValue)),
    formulas: formulas.map((row) => row.map((f) => (f === '' ? null : f))),
    numberFormats: formats.map((row) => row.map((f) => (f === '' || f === FORMAT_OTOMATIS ? null : f))),
    bold: weights.map((row) => row.map((w) => w === 'bold')),
    merges,
  };
}
