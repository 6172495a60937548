import { CellValue, columnLetters, Merge, Sheet } from '../../core/lembar/model';
import { decimalAt, digitsAt } from './angka-bita';
import { angkaId, BATAS, GalatBaca } from './batas';
import { slideFormula } from './rumus-bersama';
import { isDateFormat, serialToIso } from './tanggal';
import { TeksSekali } from './teks-sekali';
import { SharedStrings, Styles } from './xlsx-bagian';
import { decodeExcelEscapes, parsePartBytes } from './xml';
import { decodeText } from './xml-bita';
import { ZipEntry, ZipPackage } from './zip';

/**
 * One worksheet part to the `Sheet` model in one streaming pass. Only cells that exist are
 * stored (a sparse model): a file may claim `A1:XFD1048576` or a row numbered 99,999,999, but
 * the work and memory follow the cells written, and the caps of `batas.ts` are checked as each
 * row arrives, before anything is built for it.
 */
export interface SheetContext {
  pkg: ZipPackage;
  strings: SharedStrings;
  styles: Styles;
  date1904: boolean;
  /** Cells already held for earlier sheets of the workbook, for the workbook-wide cap. */
  cellsSoFar: number;
}

export interface SheetRead {
  sheet: Sheet;
  warnings: string[];
  cells: number;
}

/**
 * One row as it is read. The formula, format and bold arrays are made only for a row that has
 * one: most rows of a Renja have none, and four arrays per row were half the reader's memory.
 */
interface RowData {
  values: CellValue[];
  formulas: (string | null)[] | null;
  formats: (string | null)[] | null;
  bold: boolean[] | null;
}

/** The element and attribute names the reader looks at. */
const NAMES = ['row', 'c', 'v', 'f', 'is', 'r', 'b', 'rPh', 't', 'mergeCell', 's', 'hidden', 'si', 'ref', 'val'] as const;

const enum In {
  None,
  V,
  F,
  T,
}

export async function readSheetPart(name: string, entry: ZipEntry, ctx: SheetContext): Promise<SheetRead> {
  const rows: RowData[] = [];
  const hidden: number[] = [];
  const merges: Merge[] = [];
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  // Warnings name the first such cell and count the others: no address string per cell.
  const uncached = { count: 0, first: '' };
  const dates = { count: 0, first: '' };
  let cells = ctx.cellsSoFar;
  const texts = new TeksSekali(decodeExcelEscapes);

  let rowIndex = -1;
  let row: RowData | null = null;
  let colIndex = -1;
  // The current cell.
  let cellType = '';
  let cellStyle = -1;
  const cellAddress = () => columnLetters(colIndex) + String(rowIndex + 1);
  const note = (seen: { count: number; first: string }) => {
    if (seen.count++ === 0) seen.first = cellAddress();
  };
  let inside = In.None;
  // A `<v>` is almost always one piece of text: it stays bytes (`vBytes`, `vA…vB`) until the cell
  // ends, so that a number or a string index is read without a string. These are bytes the
  // tokenizer was handed and never reuses. A second piece makes it a string (`vText`).
  let vBytes: Buffer | null = null;
  let vA = 0;
  let vB = 0;
  let vCdata = false;
  let vPiece = false;
  let vText = '';
  let hasV = false;
  let fText = '';
  let hasF = false;
  let fShared: { si: string; master: boolean } | null = null;
  let tText = '';
  // When the text came in one piece found by its bytes: the cell's value, made once per text.
  let tCell: string | null = null;
  let tPieces = 0;
  let hasT = false;
  let runs = 0;
  let boldRuns = 0;
  let runBold = false;
  let inPhonetic = 0;
  let inRun = false;

  const refuse = (why: string) => new GalatBaca(`Lembar "${name}": ${why}`);

  const startRow = (r: number) => {
    if (r >= BATAS.baris) throw refuse(`baris ${angkaId(r + 1)} melewati batas ${angkaId(BATAS.baris)} baris; berkas dilewati.`);
    rowIndex = r;
    colIndex = -1;
    row = rows[r] ?? null;
  };

  const endCell = () => {
    let value: CellValue = null;
    let formula: string | null = null;
    const format = cellStyle >= 0 ? (ctx.styles.numberFormat[cellStyle] ?? null) : null;
    let bold = cellStyle >= 0 && ctx.styles.bold[cellStyle] === 1;
    const isFormula = hasF || fShared !== null;
    if (isFormula) {
      if (fShared !== null && fShared.master && fText !== '') shared.set(fShared.si, { formula: fText, row: rowIndex, col: colIndex });
      let text: string | null = fText === '' ? null : fText;
      if (text === null && fShared !== null && !fShared.master) {
        const master = shared.get(fShared.si);
        if (master) text = slideFormula(master.formula, rowIndex - master.row, colIndex - master.col);
      }
      formula = text === null ? null : `=${text.replace(/^=/, '')}`;
      if (!hasV || !vWritten()) note(uncached);
      else value = typedValue(format);
    } else if (hasV && vWritten()) {
      if (cellType === 's') {
        const i = sharedIndex();
        value = sharedText(i);
        if (ctx.strings.bold[i] === 1) bold = true;
      } else value = typedValue(format);
    } else if (hasT) {
      value = tText === '' ? null : (tCell ?? texts.get(decodeExcelEscapes(tText)));
      if (runs > 0 && boldRuns === runs) bold = true;
    }
    // A cell written without content shows nothing: its style alone never counts. One with
    // content keeps its format and weight even when the content reads as empty (a date out of range).
    if (value === null && formula === null && !isFormula && !vWritten() && tText === '') return;
    if (row === null) {
      // Empty rows before this one cost an empty array each in the model.
      if (rowIndex > rows.length) cells += rowIndex - rows.length;
      while (rows.length < rowIndex) rows.push(undefined as unknown as RowData);
      row = { values: [], formulas: null, formats: null, bold: null };
      rows[rowIndex] = row;
    }
    const r = row as RowData;
    if (colIndex >= r.values.length) {
      cells += colIndex + 1 - r.values.length;
      if (cells > BATAS.sel) {
        throw new GalatBaca(
          `Buku kerja memuat lebih dari ${angkaId(BATAS.sel)} sel (dihitung sampai sel terisi terakhir tiap baris, misalnya ${cellAddress()} di lembar "${name}"); berkas dilewati.`,
        );
      }
    }
    // Rows are kept dense (no holes: V8 stores a sparse array as a dictionary); the cap above
    // already counts every cell up to the last one filled.
    put(r.values, colIndex, value, null);
    // A cell written twice keeps only what its last writing says.
    if (formula !== null || r.formulas !== null) put((r.formulas ??= []), colIndex, formula, null);
    if (format !== null || r.formats !== null) put((r.formats ??= []), colIndex, format, null);
    if (bold || r.bold !== null) put((r.bold ??= []), colIndex, bold, false);
  };

  const vWritten = () => (vBytes !== null ? vB > vA : vText !== '');
  const vString = () => (vBytes !== null ? decodeText(vBytes, vA, vB, vCdata) : vText);
  // CDATA bytes are the text as is, and an entity is never part of a plain number: the bytes
  // are read the same either way.
  const sharedIndex = () => {
    const i = vBytes !== null ? digitsAt(vBytes, vA, vB) : -1;
    return i >= 0 ? i : Number(vString());
  };
  const sharedText = (i: number): CellValue => {
    const text = ctx.strings.text[i];
    if (text === undefined) return null;
    return text === '' ? null : text;
  };
  const dateFormats = new Map<string, boolean>();
  const isDate = (format: string | null) => {
    if (format === null) return false;
    let date = dateFormats.get(format);
    if (date === undefined) dateFormats.set(format, (date = isDateFormat(format)));
    return date;
  };

  const typedValue = (format: string | null): CellValue => {
    switch (cellType) {
      case 's':
        return sharedText(sharedIndex());
      case 'str':
      case 'inlineStr':
        return texts.get(vString());
      case 'b':
        return parseInt(vString(), 10) !== 0;
      case 'e':
        return vString();
      case 'd':
        note(dates);
        return vString()
          .replace('T', ' ')
          .replace(/(\.\d+)?Z?$/, '')
          .replace(/ 00:00:00$/, '');
      default: {
        let n = vBytes !== null ? decimalAt(vBytes, vA, vB) : NaN;
        if (Number.isNaN(n)) n = parseFloat(vString());
        if (!Number.isFinite(n)) return null;
        if (isDate(format)) {
          note(dates);
          return serialToIso(n, ctx.date1904);
        }
        return n;
      }
    }
  };

  await parsePartBytes(
    ctx.pkg,
    entry,
    {
      open(tag, a) {
        switch (tag) {
          case 'row': {
            const k = a.find('r');
            let r = rowIndex + 1;
            if (k >= 0) {
              const n = digitsAt(a.bytes, a.starts[k], a.ends[k]);
              r = (n >= 0 ? n : Number(a.value(k))) - 1;
            }
            if (!Number.isInteger(r) || r < 0) throw refuse('nomor baris tidak sah; berkas dilewati.');
            startRow(r);
            const hide = a.get('hidden');
            if (hide === '1' || hide === 'true') hidden.push(r);
            return;
          }
          case 'c': {
            if (rowIndex < 0) startRow(0);
            const kr = a.find('r');
            if (kr >= 0) {
              let row: number;
              let col: number;
              const packed = refAt(a.bytes, a.starts[kr], a.ends[kr]);
              if (packed >= 0) {
                row = Math.floor(packed / REF_COLUMNS);
                col = packed % REF_COLUMNS;
              } else {
                // Not the plain form (an entity, a space): the text decides, as before.
                const pos = parseRef(a.value(kr));
                if (pos === null) throw refuse(`alamat sel "${a.value(kr).slice(0, 20)}" tidak sah; berkas dilewati.`);
                row = pos.row;
                col = pos.col;
              }
              if (col >= BATAS.kolom) throw refuse(`sel ${a.value(kr)} melewati kolom terakhir XFD; berkas dilewati.`);
              if (row !== rowIndex) startRow(row);
              colIndex = col;
            } else {
              colIndex++;
              if (colIndex >= BATAS.kolom) throw refuse('baris memuat sel melewati kolom terakhir XFD; berkas dilewati.');
            }
            const kt = a.find('t');
            cellType = kt < 0 ? 'n' : (cellTypeAt(a.bytes, a.starts[kt], a.ends[kt]) ?? a.value(kt));
            // exceljs, the reference this reader is tested against, reads style 0 as no style.
            const ks = a.find('s');
            if (ks < 0) cellStyle = -1;
            else {
              const n = digitsAt(a.bytes, a.starts[ks], a.ends[ks]);
              if (n >= 0) cellStyle = n === 0 && a.ends[ks] - a.starts[ks] === 1 ? -1 : n;
              else {
                const text = a.value(ks);
                cellStyle = text === '0' ? -1 : Number(text);
              }
            }
            vBytes = null;
            vPiece = false;
            vText = '';
            hasV = false;
            fText = '';
            hasF = false;
            fShared = null;
            tText = '';
            tCell = null;
            tPieces = 0;
            hasT = false;
            runs = 0;
            boldRuns = 0;
            inPhonetic = 0;
            return;
          }
          case 'v':
            inside = In.V;
            hasV = true;
            return;
          case 'f': {
            inside = In.F;
            hasF = true;
            const si = a.get('si');
            if (a.get('t') === 'shared' && si !== undefined) fShared = { si, master: a.find('ref') >= 0 };
            return;
          }
          case 'is':
            hasT = true;
            return;
          case 'r':
            if (hasT) {
              runs++;
              runBold = false;
              inRun = true;
            }
            return;
          case 'b':
            if (inRun && inPhonetic === 0) {
              const val = a.get('val');
              runBold = val === undefined || val === '1' || val === 'true';
            }
            return;
          case 'rPh':
            inPhonetic++;
            return;
          case 't':
            if (hasT && inPhonetic === 0) inside = In.T;
            return;
          case 'mergeCell': {
            const m = parseRange(a.get('ref') ?? '');
            if (m === null) return;
            if (merges.length >= BATAS.gabungan) {
              throw refuse(`lebih dari ${angkaId(BATAS.gabungan)} sel gabungan; berkas dilewati.`);
            }
            merges.push(m);
            return;
          }
          default:
            return;
        }
      },
      text(s, a, b, cdata) {
        if (inside === In.V) {
          if (!vPiece) {
            vPiece = true;
            vBytes = s;
            vA = a;
            vB = b;
            vCdata = cdata;
          } else {
            vText = vString() + decodeText(s, a, b, cdata);
            vBytes = null;
          }
        } else if (inside === In.F) fText += decodeText(s, a, b, cdata);
        else if (inside === In.T) {
          // A short text seen before is found by its bytes, without decoding it again.
          const known = tPieces++ === 0 && (cdata || !hasAmpersand(s, a, b)) ? texts.fromBytes(s, a, b) : null;
          if (known !== null) {
            tText = known.text;
            tCell = known.cell;
          } else {
            tText += decodeText(s, a, b, cdata);
            tCell = null;
          }
        }
      },
      close(tag) {
        switch (tag) {
          case 'v':
          case 'f':
          case 't':
            inside = In.None;
            return;
          case 'r':
            if (inRun && runBold) boldRuns++;
            inRun = false;
            return;
          case 'rPh':
            inPhonetic--;
            return;
          case 'c':
            endCell();
            return;
          default:
            return;
        }
      },
    },
    NAMES,
  );

  applyMerges(rows, merges, name, cells - ctx.cellsSoFar);
  return { ...toSheet(name, rows, merges, hidden), warnings: sheetWarnings(name, uncached, dates), cells };
}

/**
 * A merged area shows only its top-left cell; the others are empty, as Excel and Sheets hand
 * them to code. Only cells that exist are visited, so a merge over the whole grid costs what
 * the sheet holds. Excel never writes overlapping merges; a file that does would make this
 * visit cells again and again, so the visits are capped by the cells held.
 */
function applyMerges(rows: RowData[], merges: Merge[], name: string, cells: number): void {
  let budget = cells + merges.length;
  for (const m of merges) {
    const last = Math.min(m.bottom, rows.length - 1);
    for (let r = m.top; r <= last; r++) {
      const row = rows[r];
      if (row === undefined) continue;
      const right = Math.min(m.right, row.values.length - 1);
      for (let c = m.left; c <= right; c++) {
        if (r === m.top && c === m.left) continue;
        if (--budget < 0)
          throw new GalatBaca(`Lembar "${name}": sel gabungan saling tumpang tindih; buka dan simpan ulang berkas di Excel.`);
        row.values[c] = null;
        if (row.formulas !== null) row.formulas[c] = null;
      }
    }
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * The rows as the model: each row's own arrays, trimmed after its last value or formula (no
 * second copy of the sheet). Formulas, formats and bold are given for every row, or not at all,
 * when one cell of the sheet has one.
 */
function toSheet(name: string, rows: RowData[], merges: Merge[], hidden: number[]): { sheet: Sheet } {
  const widths = new Int32Array(rows.length);
  let anyFormula = false;
  let anyFormat = false;
  let anyBold = false;
  let height = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row === undefined) continue;
    let width = 0;
    for (let c = row.values.length - 1; c >= 0; c--) {
      if (row.values[c] !== null || (row.formulas?.[c] ?? null) !== null) {
        width = c + 1;
        break;
      }
    }
    if (width === 0) continue;
    widths[r] = width;
    height = r + 1;
    anyFormula ||= someIn(row.formulas, width, (f) => f !== null);
    anyFormat ||= someIn(row.formats, width, (f) => f !== null);
    anyBold ||= someIn(row.bold, width, (b) => b);
  }
  const values: CellValue[][] = new Array<CellValue[]>(height);
  const formulas: (string | null)[][] = anyFormula ? new Array<(string | null)[]>(height) : [];
  const formats: (string | null)[][] = anyFormat ? new Array<(string | null)[]>(height) : [];
  const bold: boolean[][] = anyBold ? new Array<boolean[]>(height) : [];
  for (let r = 0; r < height; r++) {
    const width = widths[r];
    const row = rows[r];
    if (width === 0 || row === undefined) {
      values[r] = [];
      if (anyFormula) formulas[r] = [];
      if (anyFormat) formats[r] = [];
      if (anyBold) bold[r] = [];
      continue;
    }
    row.values.length = width;
    values[r] = row.values;
    if (anyFormula) formulas[r] = fitted(row.formulas, width, null);
    if (anyFormat) formats[r] = fitted(row.formats, width, null);
    if (anyBold) bold[r] = fitted(row.bold, width, false);
  }
  const sheet: Sheet = { name, values, typed: true };
  if (anyFormula) sheet.formulas = formulas;
  if (anyFormat) sheet.numberFormats = formats;
  if (anyBold) sheet.bold = bold;
  if (merges.length > 0) sheet.merges = merges;
  const kept = [...new Set(hidden)].filter((r) => r < values.length).sort((a, b) => a - b);
  if (kept.length > 0) sheet.hiddenRows = kept;
  return { sheet };
}

/** Sets `row[col]`, filling any gap before it with `empty`. */
function put<T>(row: T[], col: number, value: T, empty: T): void {
  while (row.length < col) row.push(empty);
  row[col] = value;
}

function someIn<T>(row: T[] | null, width: number, test: (v: T) => boolean): boolean {
  if (row === null) return false;
  for (let c = 0, n = Math.min(width, row.length); c < n; c++) if (test(row[c])) return true;
  return false;
}

/** The row's array cut or padded to `width`, or a new one of `empty` when the row has none. */
function fitted<T>(row: T[] | null, width: number, empty: T): T[] {
  if (row === null) return new Array<T>(width).fill(empty);
  if (row.length > width) row.length = width;
  while (row.length < width) row.push(empty);
  return row;
}

function sheetWarnings(name: string, uncached: { count: number; first: string }, dates: { count: number; first: string }): string[] {
  const warnings: string[] = [];
  if (uncached.count > 0) {
    warnings.push(
      `Lembar "${name}": ${uncached.count} sel rumus belum punya nilai tersimpan (misalnya ${uncached.first}); ` +
        'buka dan simpan ulang berkas di Excel agar nilainya terbaca.',
    );
  }
  if (dates.count > 0) {
    warnings.push(
      `Lembar "${name}": ${dates.count} sel berisi tanggal (misalnya ${dates.first}); dibaca sebagai teks tanggal, bukan angka.`,
    );
  }
  return warnings;
}

/** `AB12` (or `$AB$12`) to 0-based row and column, without a regex: this runs once per cell. */
function parseRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 36) i++;
  const colStart = i;
  while (i < n) {
    const ch = ref.charCodeAt(i) | 32;
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
    i++;
  }
  if (i === colStart || i - colStart > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  const rowStart = i;
  let row = 0;
  while (i < n) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
    i++;
  }
  if (i === rowStart || i - rowStart > 10 || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

function parseRange(ref: string): Merge | null {
  const colon = ref.indexOf(':');
  if (colon < 0) return null;
  const a = parseRef(ref.slice(0, colon));
  const b = parseRef(ref.slice(colon + 1));
  if (a === null || b === null) return null;
  const m = {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
  if (m.top === m.bottom && m.left === m.right) return null;
  return m;
}

/** Columns are packed below this in `refAt`'s answer (XFD is column 16,384; three letters reach 18,278). */
const REF_COLUMNS = 32_768;

/**
 * `parseRef` on the bytes of a cell's `r`: row × REF_COLUMNS + column, 0-based, or -1 when the
 * bytes are not that plain form (the caller then asks `parseRef` of the decoded text).
 */
function refAt(s: Uint8Array, a: number, b: number): number {
  let i = a;
  if (i < b && s[i] === 36) i++;
  const colStart = i;
  let col = 0;
  while (i < b) {
    const ch = s[i] | 32;
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
    i++;
  }
  if (i === colStart || i - colStart > 3) return -1;
  if (i < b && s[i] === 36) i++;
  const rowStart = i;
  let row = 0;
  while (i < b) {
    const d = s[i] - 48;
    if (d < 0 || d > 9) return -1;
    row = row * 10 + d;
    i++;
  }
  if (i === rowStart || i - rowStart > 10 || row < 1) return -1;
  return (row - 1) * REF_COLUMNS + (col - 1);
}

/** The value of a cell's `t` as one of the constant names, or null for any other bytes. */
function cellTypeAt(s: Uint8Array, a: number, b: number): string | null {
  switch (b - a) {
    case 1:
      switch (s[a]) {
        case 115:
          return 's';
        case 110:
          return 'n';
        case 98:
          return 'b';
        case 101:
          return 'e';
        case 100:
          return 'd';
        default:
          return null;
      }
    case 3:
      return s[a] === 115 && s[a + 1] === 116 && s[a + 2] === 114 ? 'str' : null;
    case 9:
      return isAscii(s, a, b, 'inlineStr') ? 'inlineStr' : null;
    default:
      return null;
  }
}

function isAscii(s: Uint8Array, a: number, b: number, ascii: string): boolean {
  for (let k = 0; k < b - a; k++) if (s[a + k] !== ascii.charCodeAt(k)) return false;
  return true;
}

function hasAmpersand(s: Uint8Array, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (s[k] === 38) return true;
  return false;
}
