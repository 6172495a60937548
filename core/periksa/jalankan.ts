import { TableCheck, CheckContext } from './konteks';
import { Finding, RuleId } from './temuan';
import type { WorkbookCheck } from './aturan';

/**
 * Runs the rules and gathers their findings. This is the one place a rule's crash is handled:
 * a rule that throws costs only its own findings for that table, says so in one warning naming
 * the rule and the table, and every other rule still runs. Rules themselves do not catch.
 *
 * Findings are appended one by one: `push(...list)` passes every element as an argument and
 * overflows the call stack at around 125,000 findings, losing the whole run.
 */
export function runChecks(
  contexts: CheckContext[],
  tableChecks: readonly { rule: RuleId; check: TableCheck }[],
  workbookChecks: readonly { rule: RuleId; check: WorkbookCheck }[],
): Finding[] {
  const findings: Finding[] = [];
  for (const ctx of contexts) {
    for (const { rule, check } of tableChecks) {
      let found: Finding[];
      try {
        found = check(ctx);
      } catch {
        found = [crashWarning(ctx, rule, `tabel ${ctx.table.range} di lembar "${ctx.sheet.name}"`)];
      }
      append(findings, found);
    }
  }
  if (contexts.length > 0) {
    for (const { rule, check } of workbookChecks) {
      try {
        append(findings, check(contexts.map((ctx) => ({ ctx }))));
      } catch {
        findings.push(crashWarning(contexts[0], rule, 'perbandingan antartabel'));
      }
    }
  }
  return findings;
}

/** `target.push(...items)` without the argument-count limit. */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * The warning for a rule that stopped: on the table's first body cell, in planners' words.
 * The exception's own text is English program detail, so it is not shown.
 */
function crashWarning(ctx: CheckContext, rule: RuleId, where: string): Finding {
  const row = ctx.table.rows[0]?.row ?? ctx.table.headerBottom;
  const col = ctx.table.columns[0]?.col ?? 0;
  return ctx.finding({
    row,
    col,
    rule,
    severity: 'warning',
    actual: null,
    expected: null,
    message: `Pemeriksaan "${rule}" tidak dapat diselesaikan untuk ${where} karena galat di dalam program; aturan lain tetap dijalankan. Periksa bagian ini secara manual.`,
  });
}
