import type { PeriksaResult, TableSummary } from './index';
import { RULE_LABEL } from './label';
import { Finding, RULES, RuleId, Severity } from './temuan';

export interface RuleGroup {
  rule: RuleId;
  label: string;
  findings: Finding[];
}

export interface TableGroup {
  /** null for findings that belong to no single table (antar-tabel). */
  table: TableSummary | null;
  rules: RuleGroup[];
}

export type Counts = Record<Severity, number>;

/** Findings grouped by table, then by rule in the order of RULES: what every report shows. */
export function groupFindings(result: PeriksaResult): TableGroup[] {
  const byTable = new Map<string, Finding[]>();
  const key = (sheet: string, range: string | undefined) => (range === undefined ? '' : `${sheet}!${range}`);
  for (const f of result.findings) {
    const k = key(f.sheet, f.rule === 'antar-tabel' ? undefined : f.table);
    const list = byTable.get(k);
    if (list) list.push(f);
    else byTable.set(k, [f]);
  }
  const groups: TableGroup[] = result.tables.map((t) => ({
    table: t,
    rules: byRule(byTable.get(key(t.sheet, t.range)) ?? []),
  }));
  const loose = byTable.get('') ?? [];
  if (loose.length > 0) groups.push({ table: null, rules: byRule(loose) });
  return groups;
}

function byRule(findings: Finding[]): RuleGroup[] {
  return RULES.map((rule) => ({ rule, label: RULE_LABEL[rule], findings: findings.filter((f) => f.rule === rule) })).filter(
    (g) => g.findings.length > 0,
  );
}

export function countFindings(findings: readonly Finding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
