import { ColumnMarks, marksOf, withColumnMarks } from '../angka/kolom';
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
  // Per column, indexed by row: arrays, not a Map keyed by row and column, because a 10,000-row
  // table asks for every cell of a column several times.
  const marks: (ColumnMarks | undefined)[] = [];
  /** Cells read once without the column's decision, to make it; reused unless ambiguous. */
  const firstReads: (ParsedCell | undefined)[][] = [];
  const parsed: (ParsedCell | undefined)[][] = [];
  const columnMarks = (col: number): ColumnMarks => {
    let m = marks[col];
    if (m === undefined) {
      const reads: (ParsedCell | undefined)[] = new Array(sheet.values.length);
      const list: ParsedCell[] = [];
      for (const r of table.rows) {
        if (r.kind !== 'data' && r.kind !== 'total') continue;
        const p = parseCell(cellAt(sheet, r.row, col));
        reads[r.row] = p;
        list.push(p);
      }
      m = marksOf(list);
      marks[col] = m;
      firstReads[col] = reads;
    }
    return m;
  };
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
      let column = parsed[col];
      if (column === undefined) {
        column = new Array(sheet.values.length);
        parsed[col] = column;
      }
      let p = column[row];
      if (p === undefined) {
        const m = columnMarks(col);
        const value = cellAt(sheet, row, col);
        const first = firstReads[col]![row];
        p = applyNumberFormat(
          first !== undefined ? withColumnMarks(first, value, m) : parseCell(value, { decimalMark: m.decimalMark }),
          sheet.numberFormats?.[row]?.[col],
        );
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
