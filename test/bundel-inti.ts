/**
 * The entry of dist/core/: a slice of the core (numbers, functions, the checker) bundled alone
 * for the web, to prove it runs where there is no Node (test/bundel-inti.test.ts) and carries
 * no network call (test/keandalan/egress.test.ts). No host loads it: each imports the core
 * modules it uses directly, and its own bundle is tested the same way.
 */
export * from '../core/angka';
export * as rumus from '../core/fungsi/rumus';
export * from '../core/fungsi/skala';
export * from '../core/lembar/model';
export { parseDelimited, detectDelimiter } from '../core/lembar/teks';
export { periksaWorkbook } from '../core/periksa';
export type { PeriksaResult, TableSummary, CheckOptions, Finding, RuleId, Severity } from '../core/periksa';
export { groupFindings, countFindings } from '../core/periksa/kelompok';
export { RULE_LABEL, SEVERITY_LABEL, LAYOUT_LABEL } from '../core/periksa/label';
