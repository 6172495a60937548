import { ColumnMarks, marksOf } from '../angka/kolom';
import { ParsedCell, parseCell } from '../angka/parse';
import { Skala } from '../fungsi/skala';
import { applyNumberFormat } from '../lembar/format-sel';
import { a1, cellAt, Sheet, Workbook } from '../lembar/model';
import { Table } from '../tabel/model';
import { Finding, RuleId, Severity } from './temuan';

export interface CheckOptions {
  /** The scale chosen by the user (name or parsed); used when the workbook has no scale table. */
  skala?: string;
}

/**
 * What a check sees: one table, its sheet, and every cell parsed once with its column's
 * decision on ambiguous numbers (cached, so ten checks do not parse a cell ten times).
 */
export interface CheckContext {
  workbook: Workbook;
  sheet: Sheet;
  table: Table;
  options: CheckOptions;
  /** A scale found in the workbook (a scale table), if any. */
  workbookSkala: Skala | null;
  cell(row: number, col: number): ParsedCell;
  columnMarks(col: number): ColumnMarks;
  /** A1 address of a block-relative cell. */
  addr(row: number, col: number): string;
  /** Build a finding for this table. */
  finding(f: {
    row: number;
    col: number;
    rule: RuleId;
    severity: Severity;
    actual: string | null;
    expected: string | null;
    message: string;
    related?: { row: number; col: number }[];
  }): Finding;
}

export type TableCheck = (ctx: CheckContext) => Finding[];

export function createContext(
  workbook: Workbook,
  sheet: Sheet,
  table: Table,
  options: CheckOptions,
  workbookSkala: Skala | null,
): CheckContext {
  // Per column, indexed by row: arrays, not a Map keyed by row and column, because a 100,000-row
  // table asks for every cell of a column several times. One array per column holds the final
  // reading (the column's decision and the cell's number format applied), filled for the data
  // and total rows when the column's decision is made and lazily for any other row.
  const marks: (ColumnMarks | undefined)[] = [];
  const parsed: (ParsedCell | undefined)[][] = [];
  const columnMarks = (col: number): ColumnMarks => {
    let m = marks[col];
    if (m === undefined) {
      const column: (ParsedCell | undefined)[] = new Array(sheet.values.length);
      const list: ParsedCell[] = [];
      const firstOf = memoized();
      // A native number has no marks to vote with and reads the same whatever the column
      // decides: it is parsed (its Decimal built) only when a rule asks for it, and most rules
      // read a money column's numbers as they are (jumlah-pohon, format-angka).
      for (const r of table.rows) {
        if (r.kind !== 'data' && r.kind !== 'total') continue;
        const value = cellAt(sheet, r.row, col);
        if (typeof value !== 'number') list.push(firstOf(value, undefined));
      }
      m = marksOf(list);
      marks[col] = m;
      const finalOf = memoized();
      let i = 0;
      for (const r of table.rows) {
        if (r.kind !== 'data' && r.kind !== 'total') continue;
        const value = cellAt(sheet, r.row, col);
        if (typeof value === 'number') continue;
        const first = list[i++];
        column[r.row] = applyNumberFormat(
          first.marks.ambiguous === null ? first : finalOf(value, m.decimalMark),
          sheet.numberFormats?.[r.row]?.[col],
        );
      }
      parsed[col] = column;
      lateReads[col] = finalOf;
    }
    return m;
  };
  /** Per column, the memo of final readings, for rows read after the decision (headers). */
  const lateReads: ((value: unknown, decimalMark: ColumnMarks['decimalMark']) => ParsedCell)[] = [];
  const addr = (row: number, col: number) => a1(sheet, row, col);
  return {
    workbook,
    sheet,
    table,
    options,
    workbookSkala,
    columnMarks,
    addr,
    cell(row, col) {
      const m = columnMarks(col);
      const column = parsed[col]!;
      let p = column[row];
      if (p === undefined) {
        p = applyNumberFormat(lateReads[col](cellAt(sheet, row, col), m.decimalMark), sheet.numberFormats?.[row]?.[col]);
        column[row] = p;
      }
      return p;
    },
    finding(f) {
      return {
        sheet: sheet.name,
        cell: addr(f.row, f.col),
        rule: f.rule,
        severity: f.severity,
        actual: f.actual,
        expected: f.expected,
        message: f.message,
        related: (f.related ?? []).map((r) => addr(r.row, r.col)),
        table: table.range,
      };
    },
  };
}

/**
 * Most text in a column repeats (`Kab. Contoh`, `DAU`, `0001`, `11 orang`): one parsed object
 * per distinct text, shared by every cell that holds it, instead of one per cell (on a
 * 100,000-row Renja that was tens of MB of the check's memory). Safe because a parsed cell is
 * never changed once made and depends only on the text and the column's decimal mark. Bounded,
 * because a column of names never repeats: past the bound, cells are parsed one by one.
 */
const MEMO_MAX = 4096;

function memoized(): (value: unknown, decimalMark: ColumnMarks['decimalMark'] | undefined) => ParsedCell {
  const memo = new Map<string, ParsedCell>();
  return (value, decimalMark) => {
    const options = decimalMark === undefined ? undefined : { decimalMark };
    if (typeof value !== 'string') return parseCell(value, options);
    let p = memo.get(value);
    if (p === undefined) {
      p = parseCell(value, options);
      if (memo.size < MEMO_MAX) memo.set(value, p);
    }
    return p;
  };
}
