/**
 * The core as one library: what the hosts (Excel add-in, Apps Script, CLI) import.
 * Pure TypeScript — no Office, no Apps Script, no DOM, no Node built-ins.
 */
export * from './angka';
export * as rumus from './fungsi/rumus';
export * from './fungsi/skala';
export * from './lembar/model';
export { parseDelimited, detectDelimiter } from './lembar/teks';
export { periksaWorkbook } from './periksa';
export type { PeriksaResult, TableSummary, CheckOptions, Finding, RuleId, Severity } from './periksa';
export { groupFindings, countFindings } from './periksa/kelompok';
export { RULE_LABEL, SEVERITY_LABEL, LAYOUT_LABEL } from './periksa/label';
