import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { parseA1 } from '../../core/lembar/model';

/**
 * Fakes of the Apps Script services the Sheets bundle uses, faithful where the bundle could
 * go wrong: what Sheets answers for empty cells (value '', formula '', background '#ffffff',
 * number format '0.###############', note ''), set…s calls that throw on a shape mismatch, the
 * 9 kB limit of a property value, and a named HTML file that must exist.
 *
 * Every call is logged. `trips` models what reaches Google's servers: each read is one round
 * trip; consecutive writes to one service are buffered by Apps Script and sent as one; reading
 * sheet structure (names, positions) is not counted.
 */

export interface Sel {
  value: string | number | boolean;
  formula: string;
  format: string;
  weight: 'normal' | 'bold';
  background: string;
  note: string;
  /** Only once written (nothing reads them back): font style, size and colour, alignment, wrap, borders. */
  fontStyle?: string;
  fontSize?: number;
  fontColor?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  border?: Record<string, string>;
}

export const FORMAT_OTOMATIS = '0.###############';
export const TANPA_ISI = '#ffffff';
/**
 * Apps Script quotas (https://developers.google.com/apps-script/guides/services/quotas):
 * "Properties value size 9 kB / val" and "Properties total storage 500 kB / property store".
 */
const BATAS_PROPERTI = 9 * 1024;
const BATAS_TOKO_PROPERTI = 500 * 1024;
/**
 * Apps Script quotas: "Script runtime 6 min / execution". The fake cannot time a script, so it
 * spends a budget of service calls instead: 18,000 calls at an assumed 20 ms each (Google's
 * best-practices page, https://developers.google.com/apps-script/guides/support/best-practices,
 * "Minimize calls to other services": each call is slow, batch them) is the six minutes.
 */
export const BATAS_PANGGILAN = 18_000;

export class Catatan {
  calls: string[] = [];
  trips = 0;
  private writing: string | null = null;
  /** Calls since the script started (reset() does not refill it: one execution, one budget). */
  spent = 0;
  private spend(): void {
    if (++this.spent > BATAS_PANGGILAN) throw new Error('Exceeded maximum execution time');
  }
  read(name: string): void {
    this.spend();
    this.calls.push(name);
    this.trips++;
    this.writing = null;
  }
  write(service: string, name: string): void {
    this.spend();
    this.calls.push(name);
    if (this.writing !== service) this.trips++;
    this.writing = service;
  }
  local(name: string): void {
    this.spend();
    this.calls.push(name);
  }
  reset(): void {
    this.calls = [];
    this.trips = 0;
    this.writing = null;
  }
}

export function selKosong(): Sel {
  return { value: '', formula: '', format: FORMAT_OTOMATIS, weight: 'normal', background: TANPA_ISI, note: '' };
}

function cekBentuk(data: unknown[][], rows: number, cols: number, what: string): void {
  if (data.length !== rows || data.some((r) => r.length !== cols)) {
    throw new Error(`The number of rows or columns in the data does not match the range (${what}).`);
  }
}

export class RangePalsu {
  constructor(
    readonly sheet: SheetPalsu,
    private readonly row: number,
    private readonly col: number,
    private readonly rows: number,
    private readonly cols: number,
  ) {}
  private grid<T>(f: (s: Sel) => T): T[][] {
    return Array.from({ length: this.rows }, (_, i) =>
      Array.from({ length: this.cols }, (_, j) => f(this.sheet.sel(this.row + i, this.col + j))),
    );
  }
  private put<T>(data: T[][], what: string, f: (s: Sel, v: T) => void): this {
    this.sheet.log.write('sheets', `Range.${what}`);
    cekBentuk(data, this.rows, this.cols, what);
    data.forEach((r, i) => r.forEach((v, j) => f(this.sheet.selTulis(this.row + i, this.col + j), v)));
    return this;
  }
  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.rows;
  }
  getNumColumns(): number {
    return this.cols;
  }
  getSheet(): SheetPalsu {
    return this.sheet;
  }
  getA1Notation(): string {
    return `${a1(this.row, this.col)}${this.rows * this.cols > 1 ? `:${a1(this.row + this.rows - 1, this.col + this.cols - 1)}` : ''}`;
  }
  getValues(): (string | number | boolean)[][] {
    this.sheet.log.read('Range.getValues');
    return this.grid((s) => s.value);
  }
  getFormulas(): string[][] {
    this.sheet.log.read('Range.getFormulas');
    return this.grid((s) => s.formula);
  }
  getNumberFormats(): string[][] {
    this.sheet.log.read('Range.getNumberFormats');
    return this.grid((s) => s.format);
  }
  getFontWeights(): string[][] {
    this.sheet.log.read('Range.getFontWeights');
    return this.grid((s) => s.weight);
  }
  getBackgrounds(): string[][] {
    this.sheet.log.read('Range.getBackgrounds');
    return this.grid((s) => s.background);
  }
  getNotes(): string[][] {
    this.sheet.log.read('Range.getNotes');
    return this.grid((s) => s.note);
  }
  getMergedRanges(): RangePalsu[] {
    this.sheet.log.read('Range.getMergedRanges');
    return this.sheet.merges
      .filter(
        (m) => m.row < this.row + this.rows && m.row + m.rows > this.row && m.col < this.col + this.cols && m.col + m.cols > this.col,
      )
      .map((m) => new RangePalsu(this.sheet, m.row, m.col, m.rows, m.cols));
  }
  setNotes(data: string[][]): this {
    return this.put(data, 'setNotes', (s, v) => (s.note = v ?? ''));
  }
  setBackgrounds(data: (string | null)[][]): this {
    return this.put(data, 'setBackgrounds', (s, v) => (s.background = v === null ? TANPA_ISI : v.toLowerCase()));
  }
  setBackground(color: string | null): this {
    return this.put(
      this.grid(() => color),
      'setBackground',
      (s, v) => (s.background = v === null ? TANPA_ISI : v.toLowerCase()),
    );
  }
  setValues(data: (string | number | boolean)[][]): this {
    return this.put(data, 'setValues', (s, v) => {
      const t = typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
      s.value = t;
      s.formula = typeof v === 'string' && v.startsWith('=') ? v : '';
    });
  }
  /** One cell's formula, as Sheets takes it: en-US, with "=". The value is Sheets' to compute. */
  setFormula(f: string): this {
    this.sheet.log.write('sheets', 'Range.setFormula');
    if (this.rows * this.cols !== 1) throw new Error('setFormula over several cells writes the same formula to each (not used here).');
    if (!f.startsWith('=')) throw new Error(`Formula parse error: ${f}`);
    if (this.sheet.terlindung.has(this.getA1Notation())) {
      throw new Error(
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      );
    }
    const s = this.sheet.selTulis(this.row, this.col);
    s.formula = f;
    s.value = '';
    return this;
  }
  setNumberFormats(data: string[][]): this {
    return this.put(data, 'setNumberFormats', (s, v) => (s.format = v));
  }
  setFontWeights(data: ('normal' | 'bold')[][]): this {
    return this.put(data, 'setFontWeights', (s, v) => (s.weight = v));
  }
  setFontStyles(data: string[][]): this {
    return this.put(data, 'setFontStyles', (s, v) => (s.fontStyle = v));
  }
  setFontSizes(data: number[][]): this {
    return this.put(data, 'setFontSizes', (s, v) => (s.fontSize = v));
  }
  setFontColors(data: string[][]): this {
    return this.put(data, 'setFontColors', (s, v) => (s.fontColor = v));
  }
  setHorizontalAlignments(data: string[][]): this {
    return this.put(data, 'setHorizontalAlignments', (s, v) => (s.horizontal = v));
  }
  setVerticalAlignments(data: string[][]): this {
    return this.put(data, 'setVerticalAlignments', (s, v) => (s.vertical = v));
  }
  setWraps(data: boolean[][]): this {
    return this.put(data, 'setWraps', (s, v) => (s.wrap = v));
  }
  /**
   * As Sheets takes it: true draws a side, false removes it, null leaves it as it is. The outer
   * sides apply to the range's edges, vertical/horizontal to the lines inside it.
   */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string,
    style?: string,
  ): this {
    this.sheet.log.write('sheets', 'Range.setBorder');
    return this.garis(top, left, bottom, right, vertical, horizontal, color, style);
  }
  garis(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string,
    style?: string,
  ): this {
    const set = (s: Sel, side: string, on: boolean | null) => {
      if (on === null) return;
      const border = (s.border ??= {});
      if (on) border[side] = `${style ?? 'SOLID'} ${color ?? '#000000'}`;
      else delete border[side];
    };
    for (let i = 0; i < this.rows; i++)
      for (let j = 0; j < this.cols; j++) {
        const s = this.sheet.selTulis(this.row + i, this.col + j);
        set(s, 'top', i === 0 ? top : horizontal);
        set(s, 'bottom', i === this.rows - 1 ? bottom : horizontal);
        set(s, 'left', j === 0 ? left : vertical);
        set(s, 'right', j === this.cols - 1 ? right : vertical);
      }
    return this;
  }
  /** Apply to every cell, unlogged (RangeList calls log once for all their ranges). */
  diam(f: (s: Sel) => void): void {
    for (let i = 0; i < this.rows; i++) for (let j = 0; j < this.cols; j++) f(this.sheet.selTulis(this.row + i, this.col + j));
  }
  merge(): this {
    this.sheet.log.write('sheets', 'Range.merge');
    this.sheet.gabung(this.row, this.col, this.rows, this.cols);
    return this;
  }
  /** Each row of the range merged on its own. */
  mergeAcross(): this {
    this.sheet.log.write('sheets', 'Range.mergeAcross');
    for (let i = 0; i < this.rows; i++) this.sheet.gabung(this.row + i, this.col, 1, this.cols);
    return this;
  }
  /** Each column of the range merged on its own. */
  mergeVertically(): this {
    this.sheet.log.write('sheets', 'Range.mergeVertically');
    for (let j = 0; j < this.cols; j++) this.sheet.gabung(this.row, this.col + j, this.rows, 1);
    return this;
  }
  /**
   * Range.copyTo(destination, copyPasteType, transposed)
   * (https://developers.google.com/apps-script/reference/spreadsheet/range#copyTo(Range,CopyPasteType,Boolean)):
   * the reference says "only the top-left cell position is relevant" of the destination, while
   * Sheets is reported to repeat or cut the copy to the destination's size
   * (https://issuetracker.google.com/issues/427192537). The fake refuses a destination of
   * another size, where the two disagree. Only column widths are modelled; any other kind of
   * paste is refused so a test cannot rely on it unseen.
   */
  copyTo(dest: RangePalsu, type: string, transposed: boolean): void {
    this.sheet.log.write('sheets', 'Range.copyTo');
    if (type !== 'PASTE_COLUMN_WIDTHS' || transposed) throw new Error(`copyTo ${type} tidak dimodelkan di palsu.`);
    if (dest.getNumRows() !== this.rows || dest.getNumColumns() !== this.cols) {
      throw new Error('copyTo ke rentang berukuran lain: referensi dan perilaku Sheets berbeda (issuetracker 427192537).');
    }
    const widths = Array.from({ length: this.cols }, (_, j) => this.sheet.tata.kolom[this.col + j]);
    widths.forEach((w, j) => {
      const col = dest.getColumn() + j;
      if (col > Math.max(dest.sheet.kolom, ...dest.sheet.cells.map((r) => r.length)))
        throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
      if (w === undefined) delete dest.sheet.tata.kolom[col];
      else dest.sheet.tata.kolom[col] = w;
    });
  }
  activate(): this {
    this.sheet.log.write('sheets', 'Range.activate');
    this.sheet.ss.active = { sheet: this.sheet, range: this };
    return this;
  }
}

function a1(row: number, col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}

export class SheetPalsu {
  cells: Sel[][] = [];
  merges: { row: number; col: number; rows: number; cols: number }[] = [];
  constructor(
    readonly ss: SpreadsheetPalsu,
    public name: string,
    readonly log: Catatan,
  ) {}
  /** 1-based; an unwritten cell reads as empty. */
  sel(row: number, col: number): Sel {
    return this.cells[row - 1]?.[col - 1] ?? selKosong();
  }
  selTulis(row: number, col: number): Sel {
    while (this.cells.length < row) this.cells.push([]);
    const r = this.cells[row - 1];
    while (r.length < col) r.push(selKosong());
    return r[col - 1];
  }
  getName(): string {
    this.log.local('Sheet.getName');
    return this.name;
  }
  getDataRange(): RangePalsu {
    this.log.read('Sheet.getDataRange');
    let rows = 0;
    let cols = 0;
    this.cells.forEach((r, i) =>
      r.forEach((s, j) => {
        if (s.value !== '' || s.formula !== '') {
          rows = Math.max(rows, i + 1);
          cols = Math.max(cols, j + 1);
        }
      }),
    );
    return new RangePalsu(this, 1, 1, Math.max(rows, 1), Math.max(cols, 1));
  }
  /**
   * A new sheet has 1,000 rows and 26 columns; a range outside them is refused, as Sheets does
   * ("The coordinates of the range are outside the dimensions of the sheet."), until rows or
   * columns are inserted. Cells a test wrote directly widen the grid.
   */
  baris = 1000;
  kolom = 26;
  getMaxRows(): number {
    this.log.local('Sheet.getMaxRows');
    return Math.max(this.baris, this.cells.length);
  }
  getMaxColumns(): number {
    this.log.local('Sheet.getMaxColumns');
    return Math.max(this.kolom, ...this.cells.map((r) => r.length));
  }
  insertRowsAfter(after: number, n: number): this {
    this.log.write('sheets', 'Sheet.insertRowsAfter');
    this.baris = Math.max(this.baris, this.cells.length) + n;
    this.cells.splice(after, 0, ...Array.from({ length: n }, () => [] as Sel[]));
    return this;
  }
  insertColumnsAfter(after: number, n: number): this {
    this.log.write('sheets', 'Sheet.insertColumnsAfter');
    this.kolom = Math.max(this.kolom, ...this.cells.map((r) => r.length)) + n;
    for (const r of this.cells) if (r.length > after) r.splice(after, 0, ...Array.from({ length: n }, selKosong));
    return this;
  }
  /** Protections asked for (protect().setWarningOnly(true) shows a warning to anyone editing). */
  lindungan: { warningOnly: boolean }[] = [];
  protect(): { setWarningOnly(w: boolean): unknown } {
    this.log.write('sheets', 'Sheet.protect');
    const p = { warningOnly: false };
    this.lindungan.push(p);
    const api = { setWarningOnly: (w: boolean) => (this.log.write('sheets', 'Protection.setWarningOnly'), (p.warningOnly = w), api) };
    return api;
  }
  private cekDimensi(row: number, col: number, rows: number, cols: number): void {
    if (row < 1 || col < 1 || rows < 1 || cols < 1)
      throw new Error('The starting row/column of the range is too small, or the number of rows/columns must be at least 1.');
    if (
      row + rows - 1 > Math.max(this.baris, this.cells.length) ||
      col + cols - 1 > Math.max(this.kolom, ...this.cells.map((r) => r.length))
    ) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }
  getRange(a: number | string, col?: number, rows = 1, cols = 1): RangePalsu {
    this.log.local('Sheet.getRange');
    if (typeof a === 'number') {
      this.cekDimensi(a, col!, rows, cols);
      return new RangePalsu(this, a, col!, rows, cols);
    }
    const [p, q] = a.split(':').map((x) => parseA1(x));
    if (!p || (a.includes(':') && !q)) throw new Error(`Range not found: ${a}`);
    const end = q ?? p;
    this.cekDimensi(p.row + 1, p.col + 1, end.row - p.row + 1, end.col - p.col + 1);
    return new RangePalsu(this, p.row + 1, p.col + 1, end.row - p.row + 1, end.col - p.col + 1);
  }
  /** A merge that overlaps another is refused, as Sheets does. */
  gabung(row: number, col: number, rows: number, cols: number): void {
    if (rows * cols === 1) return;
    const clash = this.merges.some((m) => m.row < row + rows && row < m.row + m.rows && m.col < col + cols && col < m.col + m.cols);
    if (clash) throw new Error('You must select all cells in a merged range to merge or unmerge them.');
    this.merges.push({ row, col, rows, cols });
  }
  getRangeList(a1s: string[]): { setBackground(c: string | null): unknown; setBorder(...args: unknown[]): unknown } {
    this.log.local('Sheet.getRangeList');
    const ranges = a1s.map((x) => this.getRangeDiam(x));
    return {
      setBackground: (c: string | null) => {
        this.log.write('sheets', 'RangeList.setBackground');
        for (const r of ranges) r.diam((s) => (s.background = c === null ? TANPA_ISI : c.toLowerCase()));
      },
      setBorder: (...args: unknown[]) => {
        this.log.write('sheets', 'RangeList.setBorder');
        for (const r of ranges) r.garis(...(args as Parameters<RangePalsu['garis']>));
      },
    };
  }
  /** A range by A1 (a cell or a block), without logging a call: RangeList's members. */
  private getRangeDiam(a: string): RangePalsu {
    const [p, q] = a.split(':').map((x) => parseA1(x));
    if (!p || (a.includes(':') && !q)) throw new Error(`Range not found: ${a}`);
    const end = q ?? p;
    this.cekDimensi(p.row + 1, p.col + 1, end.row - p.row + 1, end.col - p.col + 1);
    return new RangePalsu(this, p.row + 1, p.col + 1, end.row - p.row + 1, end.col - p.col + 1);
  }
  /** A1 addresses of protected cells: writing there throws, as Sheets does for a non-editor. */
  terlindung = new Set<string>();
  hidden = false;
  /** The selection this sheet had when another sheet was made active: Sheets gives it back. */
  ingat: RangePalsu | null = null;
  hideSheet(): this {
    this.log.write('sheets', 'Sheet.hideSheet');
    // As in Sheets: hiding the active sheet moves the focus to another visible one.
    if (this.ss.active?.sheet === this) {
      const other = this.ss.sheets.find((x) => x !== this && !x.hidden);
      if (other) this.ss.aktifkan(other);
    }
    this.hidden = true;
    return this;
  }
  isSheetHidden(): boolean {
    return this.hidden;
  }
  /** Last row with content (0 for an empty sheet). */
  getLastRow(): number {
    this.log.read('Sheet.getLastRow');
    let last = 0;
    this.cells.forEach((r, i) => {
      if (r.some((s) => s.value !== '' || s.formula !== '')) last = i + 1;
    });
    return last;
  }
  /** Rows below move up, as in Sheets. */
  deleteRows(from: number, count: number): void {
    this.log.write('sheets', 'Sheet.deleteRows');
    if (from < 1 || count < 1) throw new Error('Those rows are out of bounds.');
    this.cells.splice(from - 1, count);
  }
  /** Column widths, row heights and frozen rows/columns as written (1-based index → pixels). */
  tata: { kolom: Record<number, number>; baris: Record<number, number>; bekuBaris: number; bekuKolom: number } = {
    kolom: {},
    baris: {},
    bekuBaris: 0,
    bekuKolom: 0,
  };
  setColumnWidth(col: number, width: number): void {
    this.log.write('sheets', 'Sheet.setColumnWidth');
    this.tata.kolom[col] = width;
  }
  setColumnWidths(col: number, n: number, width: number): void {
    this.log.write('sheets', 'Sheet.setColumnWidths');
    for (let i = 0; i < n; i++) this.tata.kolom[col + i] = width;
  }
  setRowHeight(row: number, height: number): void {
    this.log.write('sheets', 'Sheet.setRowHeight');
    this.tata.baris[row] = height;
  }
  /**
   * Sheet.setRowHeights (https://developers.google.com/apps-script/reference/spreadsheet/sheet#setRowHeights(Integer,Integer,Integer)):
   * "By default, rows grow to fit cell contents. If you want to force rows to a specified
   * height, use setRowHeightsForced". So a height set here is a floor for a row with text;
   * `dipaksa` holds the rows whose height was forced (their text is cut when taller).
   */
  setRowHeights(row: number, n: number, height: number): void {
    this.log.write('sheets', 'Sheet.setRowHeights');
    for (let i = 0; i < n; i++) {
      this.tata.baris[row + i] = height;
      this.dipaksa.delete(row + i);
    }
  }
  dipaksa = new Set<number>();
  setRowHeightsForced(row: number, n: number, height: number): void {
    this.log.write('sheets', 'Sheet.setRowHeightsForced');
    for (let i = 0; i < n; i++) {
      this.tata.baris[row + i] = height;
      this.dipaksa.add(row + i);
    }
  }
  gridTersembunyi = false;
  setHiddenGridlines(hide: boolean): void {
    this.log.write('sheets', 'Sheet.setHiddenGridlines');
    this.gridTersembunyi = hide;
  }
  setFrozenRows(rows: number): void {
    this.log.write('sheets', 'Sheet.setFrozenRows');
    this.tata.bekuBaris = rows;
  }
  setFrozenColumns(cols: number): void {
    this.log.write('sheets', 'Sheet.setFrozenColumns');
    this.tata.bekuKolom = cols;
  }
}

export class SpreadsheetPalsu {
  sheets: SheetPalsu[] = [];
  active: { sheet: SheetPalsu; range: RangePalsu | null } | null = null;
  constructor(
    readonly name: string,
    readonly log: Catatan,
  ) {}
  addSheet(name: string): SheetPalsu {
    const s = new SheetPalsu(this, name, this.log);
    this.sheets.push(s);
    if (!this.active) this.active = { sheet: s, range: null };
    return s;
  }
  getName(): string {
    this.log.local('Spreadsheet.getName');
    return this.name;
  }
  getSheets(): SheetPalsu[] {
    this.log.local('Spreadsheet.getSheets');
    return [...this.sheets];
  }
  getActiveSheet(): SheetPalsu {
    this.log.local('Spreadsheet.getActiveSheet');
    return this.active!.sheet;
  }
  /**
   * Sheets always has a current cell: with nothing selected the active range is that one cell
   * (A1 of a sheet just opened or created), never null while a sheet is shown.
   */
  getActiveRange(): RangePalsu | null {
    this.log.read('Spreadsheet.getActiveRange');
    if (!this.active) return null;
    return this.active.range ?? new RangePalsu(this.active.sheet, 1, 1, 1, 1);
  }
  getSheetByName(name: string): SheetPalsu | null {
    this.log.local('Spreadsheet.getSheetByName');
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(name: string, index?: number): SheetPalsu {
    this.log.write('sheets', 'Spreadsheet.insertSheet');
    if (this.sheets.some((s) => s.name === name)) throw new Error(`A sheet with the name "${name}" already exists.`);
    if (index !== undefined && (index < 0 || index > this.sheets.length)) throw new Error('Those sheet positions are out of bounds.');
    // As in Sheets, the new sheet becomes the active one.
    const s = this.addSheet(name);
    if (index !== undefined) this.sheets.splice(index, 0, this.sheets.pop()!);
    this.aktifkan(s);
    return s;
  }
  /** Another sheet active; the one left keeps its selection for when it comes back. */
  aktifkan(s: SheetPalsu): void {
    if (this.active) this.active.sheet.ingat = this.active.range;
    this.active = { sheet: s, range: s.ingat };
  }
  setActiveSheet(s: SheetPalsu): SheetPalsu {
    this.log.write('sheets', 'Spreadsheet.setActiveSheet');
    this.aktifkan(s);
    return s;
  }
  deleteSheet(s: SheetPalsu): void {
    this.log.write('sheets', 'Spreadsheet.deleteSheet');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((x) => x !== s);
  }
}

export interface MenuPalsu {
  name: string;
  items: ({ label: string; fn: string } | 'separator')[];
}

/**
 * HtmlOutput.addMetaTag (https://developers.google.com/apps-script/reference/html/html-output#addMetaTag(String,String)):
 * "Meta tags included directly in an Apps Script HTML file are ignored. Only the following meta
 * tags are allowed". So a `<meta http-equiv="Content-Security-Policy">` in the file is not in force.
 */
export const META_DIIZINKAN = ['apple-mobile-web-app-capable', 'google-site-verification', 'mobile-web-app-capable', 'viewport'];

export class HtmlOutputPalsu {
  title = '';
  meta: { name: string; content: string }[] = [];
  constructor(readonly content: string) {}
  addMetaTag(name: string, content: string): this {
    if (!META_DIIZINKAN.includes(name)) throw new Error(`Invalid argument: name (${name})`);
    this.meta.push({ name, content });
    return this;
  }
  /** The page as the sidebar's browser gets it: the file's own meta tags dropped, addMetaTag's added. */
  disajikan(): string {
    const added = this.meta.map((m) => `<meta name="${m.name}" content="${m.content}">`).join('');
    return this.content.replace(/<meta\b[^>]*>/gi, '').replace(/<head>/i, `<head>${added}`);
  }
  setTitle(t: string): this {
    this.title = t;
    return this;
  }
  setWidth(): this {
    return this;
  }
  setHeight(): this {
    return this;
  }
  getContent(): string {
    return this.content;
  }
}

export class PropertiesPalsu {
  store = new Map<string, string>();
  constructor(private readonly log: Catatan) {}
  private cek(k: string, v: unknown): string {
    const s = String(v);
    if (Buffer.byteLength(k) + Buffer.byteLength(s) > BATAS_PROPERTI) throw new Error('Argument too large: value');
    return s;
  }
  /** Bytes the store holds (keys and values), counted against the 500 kB total. */
  ukuran(store: Map<string, string> = this.store): number {
    let n = 0;
    for (const [k, v] of store) n += Buffer.byteLength(k) + Buffer.byteLength(v);
    return n;
  }
  private simpan(next: Map<string, string>): void {
    if (this.ukuran(next) > BATAS_TOKO_PROPERTI)
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    this.store = next;
  }
  getProperty(k: string): string | null {
    this.log.read('Properties.getProperty');
    return this.store.get(k) ?? null;
  }
  getProperties(): Record<string, string> {
    this.log.read('Properties.getProperties');
    return Object.fromEntries(this.store);
  }
  setProperty(k: string, v: string): this {
    this.log.write('properties', 'Properties.setProperty');
    this.simpan(new Map(this.store).set(k, this.cek(k, v)));
    return this;
  }
  setProperties(props: Record<string, string>, deleteAllOthers = false): this {
    this.log.write('properties', 'Properties.setProperties');
    const checked = Object.entries(props).map(([k, v]) => [k, this.cek(k, v)] as const);
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store);
    for (const [k, v] of checked) next.set(k, v);
    this.simpan(next);
    return this;
  }
  deleteProperty(k: string): this {
    this.log.write('properties', 'Properties.deleteProperty');
    this.store.delete(k);
    return this;
  }
}

/** The services for one fake spreadsheet, and the UI things the script showed. */
export class AppsScriptPalsu {
  readonly log = new Catatan();
  readonly ss: SpreadsheetPalsu;
  readonly props = new PropertiesPalsu(this.log);
  menus: MenuPalsu[] = [];
  sidebars: HtmlOutputPalsu[] = [];
  dialogs: { html: HtmlOutputPalsu; title: string }[] = [];
  alerts: { title: string; text: string }[] = [];
  /** What the next ui.alert answers (the user's click). */
  jawaban = 'OK';

  constructor(
    readonly distDir: string,
    name = 'Renja 2024',
  ) {
    this.ss = new SpreadsheetPalsu(name, this.log);
  }

  globals(): Record<string, unknown> {
    const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO' };
    const Button = { OK: 'OK', YES: 'YES', NO: 'NO', CANCEL: 'CANCEL', CLOSE: 'CLOSE' };
    const ui: Record<string, unknown> & { createMenu(name: string): unknown } = {
      ButtonSet,
      Button,
      createAddonMenu: () => ui.createMenu('(Ekstensi) Lembar Kinerja'),
      createMenu: (name: string) => {
        const menu: MenuPalsu = { name, items: [] };
        const builder = {
          addItem: (label: string, fn: string) => (menu.items.push({ label, fn }), builder),
          addSeparator: () => (menu.items.push('separator'), builder),
          addToUi: () => void this.menus.push(menu),
        };
        return builder;
      },
      alert: (title: string, text: string) => {
        this.alerts.push({ title, text });
        return this.jawaban;
      },
      showSidebar: (html: HtmlOutputPalsu) => void this.sidebars.push(html),
      showModalDialog: (html: HtmlOutputPalsu, title: string) => void this.dialogs.push({ html, title }),
    };
    return {
      SpreadsheetApp: {
        getActiveSpreadsheet: () => (this.log.local('SpreadsheetApp.getActiveSpreadsheet'), this.ss),
        getUi: () => ui,
        BorderStyle: { SOLID: 'SOLID', SOLID_MEDIUM: 'SOLID_MEDIUM', SOLID_THICK: 'SOLID_THICK', DASHED: 'DASHED' },
        CopyPasteType: { PASTE_COLUMN_WIDTHS: 'PASTE_COLUMN_WIDTHS' },
      },
      HtmlService: {
        createHtmlOutputFromFile: (name: string) => {
          const file = path.join(this.distDir, `${name}.html`);
          if (!fs.existsSync(file)) throw new Error(`No HTML file named ${name} was found.`);
          return new HtmlOutputPalsu(fs.readFileSync(file, 'utf8'));
        },
        createHtmlOutput: (html: string) => new HtmlOutputPalsu(html),
      },
      PropertiesService: { getDocumentProperties: () => this.props },
      console,
    };
  }

  /** Evaluate the built server script in a fresh context, as Apps Script does on every call. */
  muat(code: string): Record<string, unknown> & vm.Context {
    const context = vm.createContext(this.globals());
    new vm.Script(code, { filename: 'Code.js' }).runInContext(context);
    return context as Record<string, unknown> & vm.Context;
  }
}

/** A grid of cells (1-based top-left) written into a fake sheet, without logging. */
export function isi(sheet: SheetPalsu, top: number, left: number, rows: Partial<Sel>[][]): void {
  rows.forEach((r, i) => r.forEach((c, j) => Object.assign(sheet.selTulis(top + i, left + j), c)));
}

/** Every cell's background and note, for "exactly as before" comparisons. */
export function potret(sheet: SheetPalsu): { background: string; note: string }[][] {
  return sheet.cells.map((r) => r.map((s) => ({ background: s.background, note: s.note })));
}
