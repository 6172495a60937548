import ExcelJS from 'exceljs';
import { CellValue, Merge, Sheet, Workbook } from '../../core/lembar/model';
import { ReadResult } from './hasil';
import { isoDate } from './tanggal';

/**
 * TEST-ONLY ORACLE: the exceljs reader this project used before `xlsx.ts`. The differential
 * tests (`xlsx-beda.test.ts`) hold the new reader to its model and findings; nothing on the
 * path of a command imports it.
 *
 * An .xlsx file to the sheet model, one Sheet per worksheet in tab order. Cells carry what the
 * user sees as the cell's value: numbers stay numbers, text stays text, a formula gives its
 * cached result (and its text in `formulas`), an error cell gives `#REF!`, a date gives ISO
 * text (`2024-12-31`) because the model has no date type and a date is never a number to check.
 * Every sheet is read from A1 (no `origin`), so block positions are sheet positions.
 */
export async function readXlsxBufferExceljs(buffer: Buffer, fileName: string): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs' typings name an older Buffer type; the runtime takes any Node Buffer.
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, message: 'Berkas bukan .xlsx yang sah atau rusak.' };
  }
  const worksheets = workbook.worksheets;
  // Excel never saves a workbook without a sheet: a zip without one is not an .xlsx.
  if (worksheets.length === 0) return { ok: false, message: 'Berkas bukan .xlsx yang sah atau rusak.' };
  const warnings: string[] = [];
  const sheets: Sheet[] = [];
  for (const ws of worksheets) {
    try {
      sheets.push(readWorksheet(ws, warnings));
    } catch {
      warnings.push(`Lembar "${ws.name}" tidak dapat dibaca dan dilewati.`);
    }
  }
  if (sheets.length === 0) return { ok: false, message: 'Berkas bukan .xlsx yang sah atau rusak.' };
  const result: Workbook = { name: fileName, sheets };
  return { ok: true, workbook: result, warnings };
}

interface SheetNotes {
  /** Formula cells saved without a result (written by a program, never recalculated). */
  uncached: string[];
  dates: string[];
}

function readWorksheet(ws: ExcelJS.Worksheet, warnings: string[]): Sheet {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  const bold: boolean[][] = [];
  const hiddenRows: number[] = [];
  let anyFormula = false;
  let anyFormat = false;
  let anyBold = false;
  const notes: SheetNotes = { uncached: [], dates: [] };

  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    const rowValues: CellValue[] = [];
    const rowFormulas: (string | null)[] = [];
    const rowFormats: (string | null)[] = [];
    const rowBold: boolean[] = [];
    let width = 0;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      const read = readCell(cell, notes);
      rowValues[c] = read.value;
      rowFormulas[c] = read.formula;
      rowFormats[c] = read.numberFormat;
      rowBold[c] = read.bold;
      if (read.value !== null || read.formula !== null) width = c + 1;
      if (read.formula !== null) anyFormula = true;
      if (read.numberFormat !== null) anyFormat = true;
      if (read.bold) anyBold = true;
    });
    if (width === 0) return;
    // Rows before this one that had no cells become empty rows, so row indexes stay sheet rows.
    while (values.length < r) {
      values.push([]);
      formulas.push([]);
      numberFormats.push([]);
      bold.push([]);
    }
    values.push(dense(rowValues, width, null));
    formulas.push(dense(rowFormulas, width, null));
    numberFormats.push(dense(rowFormats, width, null));
    bold.push(dense(rowBold, width, false));
  });

  const sheet: Sheet = { name: ws.name, values, typed: true };
  if (anyFormula) sheet.formulas = formulas;
  if (anyFormat) sheet.numberFormats = numberFormats;
  if (anyBold) sheet.bold = bold;
  const merges = readMerges(ws);
  if (merges.length > 0) sheet.merges = merges;
  const kept = hiddenRows.filter((r) => r < values.length);
  if (kept.length > 0) sheet.hiddenRows = kept;

  if (notes.uncached.length > 0) {
    warnings.push(
      `Lembar "${ws.name}": ${notes.uncached.length} sel rumus belum punya nilai tersimpan (misalnya ${notes.uncached[0]}); ` +
        'buka dan simpan ulang berkas di Excel agar nilainya terbaca.',
    );
  }
  if (notes.dates.length > 0) {
    warnings.push(
      `Lembar "${ws.name}": ${notes.dates.length} sel berisi tanggal (misalnya ${notes.dates[0]}); dibaca sebagai teks tanggal, bukan angka.`,
    );
  }
  return sheet;
}

/** exceljs leaves holes in a row's arrays where cells are missing; the model wants them filled. */
function dense<T>(sparse: T[], width: number, fill: T): T[] {
  const out = new Array<T>(width);
  for (let i = 0; i < width; i++) {
    const v = sparse[i];
    out[i] = v === undefined ? fill : v;
  }
  return out;
}

interface CellRead {
  value: CellValue;
  formula: string | null;
  numberFormat: string | null;
  bold: boolean;
}

function readCell(cell: ExcelJS.Cell, notes: SheetNotes): CellRead {
  const numFmt = cell.numFmt;
  const numberFormat = typeof numFmt === 'string' && numFmt !== '' && numFmt !== 'General' ? numFmt : null;
  let bold = cell.font?.bold === true;
  // A merged cell other than the top-left one is empty, as Excel and Sheets hand it to code.
  if (cell.type === ExcelJS.ValueType.Merge) return { value: null, formula: null, numberFormat, bold };

  if (cell.type === ExcelJS.ValueType.Formula) {
    const text = cell.formula;
    const formula = typeof text === 'string' && text !== '' ? `=${text.replace(/^=/, '')}` : null;
    const result: unknown = cell.result;
    if (result === undefined || result === null) notes.uncached.push(cell.address);
    return { value: plainValue(result, cell.address, notes), formula, numberFormat, bold };
  }
  const v: unknown = cell.value;
  if (isRichText(v) && v.richText.length > 0 && v.richText.every((run) => run.font?.bold === true)) bold = true;
  return { value: plainValue(v, cell.address, notes), formula: null, numberFormat, bold };
}

interface RichTextValue {
  richText: { text?: unknown; font?: { bold?: boolean } }[];
}

function isRichText(v: unknown): v is RichTextValue {
  return typeof v === 'object' && v !== null && Array.isArray((v as { richText?: unknown }).richText);
}

/** An exceljs value (or a formula result) as the model's plain cell value. */
function plainValue(v: unknown, address: string, notes: SheetNotes): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) {
    notes.dates.push(address);
    return isoDate(v);
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return o.error;
    if (isRichText(o)) {
      const text = o.richText.map((run) => (typeof run.text === 'string' ? run.text : '')).join('');
      return text === '' ? null : text;
    }
    // A hyperlink: its text may itself be rich text.
    if ('hyperlink' in o && 'text' in o) return plainValue(o.text, address, notes);
    if ('result' in o) return plainValue(o.result, address, notes);
  }
  return null;
}

interface RangeLike {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * exceljs keeps merges on the private `_merges` map (master address → range); its public
 * `model.merges` would rebuild the whole sheet model just to list them.
 */
function readMerges(ws: ExcelJS.Worksheet): Merge[] {
  const map = (ws as unknown as { _merges?: Record<string, RangeLike | undefined> })._merges;
  if (typeof map !== 'object' || map === null) return [];
  const merges: Merge[] = [];
  for (const range of Object.values(map)) {
    if (!range) continue;
    const { top, left, bottom, right } = range;
    if (![top, left, bottom, right].every((n) => Number.isInteger(n) && n >= 1)) continue;
    merges.push({ top: top - 1, left: left - 1, bottom: bottom - 1, right: right - 1 });
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  return merges;
}
