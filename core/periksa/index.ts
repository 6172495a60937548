import { Skala } from '../fungsi/skala';
import { parseA1, Workbook } from '../lembar/model';
import { findTables } from '../tata-letak';
import { Table } from '../tabel/model';
import { TABLE_CHECKS, WORKBOOK_CHECKS } from './aturan';
import { Coverage, coverageOf, hasNumbers } from './cakupan';
import { CheckContext, CheckOptions, createContext } from './konteks';
import { runChecks } from './jalankan';
import { skalaFromTable } from './skala-lembar';
import { compareFindings, Finding } from './temuan';

export type { CheckOptions } from './konteks';
export type { CheckCoverage, Coverage, UncheckedColumns } from './cakupan';
export type { Finding, RuleId, Severity } from './temuan';

export interface TableSummary {
  sheet: string;
  range: string;
  layout: Table['layout'];
  confidence: number;
  /** Body rows holding data (program, kegiatan, sub kegiatan, sasaran, indicator rows). */
  rows: number;
  /** What was checked on which columns, what could not be and why (always set by periksaWorkbook). */
  coverage?: Coverage;
}

export interface PeriksaResult {
  tables: TableSummary[];
  findings: Finding[];
  /** The scale the predikat check used from the workbook, if one was found there. */
  skala: Skala | null;
  /** Sheets holding numbers where no table was found: nothing on them was checked. */
  sheetsWithoutTable?: string[];
}

export interface PeriksaProgress {
  sheet: string;
  sheetIndex: number;
  sheetCount: number;
}

/**
 * Periksa Tabel on a whole workbook: find the tables of every sheet, run every check on each,
 * then the checks that compare tables. Reads only: nothing in the workbook is changed.
 */
export function periksaWorkbook(
  workbook: Workbook,
  options: CheckOptions = {},
  onProgress?: (p: PeriksaProgress) => void,
): PeriksaResult {
  const found: { sheetIndex: number; table: Table }[] = [];
  workbook.sheets.forEach((sheet, sheetIndex) => {
    onProgress?.({ sheet: sheet.name, sheetIndex, sheetCount: workbook.sheets.length });
    for (const table of findTables(sheet)) found.push({ sheetIndex, table });
  });

  let skala: Skala | null = null;
  for (const f of found) {
    if (f.table.layout !== 'skala') continue;
    skala = skalaFromTable(workbook.sheets[f.sheetIndex], f.table);
    if (skala) break;
  }

  const contexts: CheckContext[] = [];
  for (const f of found) {
    if (f.table.layout === 'skala') continue;
    contexts.push(createContext(workbook, workbook.sheets[f.sheetIndex], f.table, options, skala));
  }
  const findings = runChecks(contexts, TABLE_CHECKS, WORKBOOK_CHECKS);
  // After the rules: the coverage reads what each rule recorded on its context while it ran.
  const coverage = new Map<Table, Coverage>();
  for (const ctx of contexts) coverage.set(ctx.table, coverageOf(ctx));

  return {
    tables: found
      .filter((f) => f.table.layout !== 'skala')
      .map(({ table }) => ({
        sheet: table.sheet,
        range: table.range,
        layout: table.layout,
        confidence: table.confidence,
        rows: table.rows.filter((r) => r.kind === 'data').length,
        coverage: coverage.get(table)!,
      })),
    findings: noteHiddenRows(workbook, dedupe(findings)).sort(compareFindings),
    skala,
    sheetsWithoutTable: workbook.sheets
      .filter((sheet) => !found.some((f) => f.table.sheet === sheet.name) && hasNumbers(sheet))
      .map((sheet) => sheet.name),
  };
}

/** Two checks may reach the same conclusion about one cell; the user needs it once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = `${f.sheet}\u0000${f.cell}\u0000${f.rule}\u0000${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

/**
 * A finding on a row the user has hidden points at a cell he cannot see, and a sum over hidden
 * rows adds numbers he cannot see: the sentence says which rows. Hidden rows are still checked
 * and summed, as SUM counts them.
 */
function noteHiddenRows(workbook: Workbook, findings: Finding[]): Finding[] {
  const hidden = new Map<string, Set<number>>();
  for (const sheet of workbook.sheets) {
    if (!sheet.hiddenRows || sheet.hiddenRows.length === 0) continue;
    const top = sheet.origin?.row ?? 0;
    hidden.set(sheet.name, new Set(sheet.hiddenRows.map((r) => r + top)));
  }
  if (hidden.size === 0) return findings;
  return findings.map((f) => {
    const rows = hidden.get(f.sheet);
    if (rows === undefined) return f;
    const isHidden = (cell: string) => rows.has(parseA1(cell)?.row ?? -1);
    const own = parseA1(f.cell)!.row;
    const related = [...new Set(f.related.filter(isHidden).map((c) => parseA1(c)!.row))].filter((r) => r !== own);
    let message = f.message;
    if (rows.has(own)) message += ` Baris ${own + 1} disembunyikan; tampilkan baris itu untuk melihat sel ini.`;
    if (related.length > 0) message += ` Baris terkait yang disembunyikan: ${related.map((r) => r + 1).join(', ')}.`;
    return message === f.message ? f : { ...f, message };
  });
}
