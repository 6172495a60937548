import * as z from 'zod/mini';

/**
 * A finding: one cell, one rule, one sentence. The rule id is the file name of the check in
 * core/periksa/, so a reader finds where a rule lives from its name in the finding.
 */
export const RULES = [
  'jumlah-induk', // parent ≠ Σ children (money)
  'jumlah-total', // TOTAL row ≠ Σ top level
  'rumus-kolom', // a stated derived value differs from its formula (capaian, serapan, sisa, efisiensi, number-row formulas)
  'pembulatan', // differs only by display rounding or truncation
  'predikat', // label disagrees with the capaian under the table's scale
  'triwulan', // K shares ≠ 100, Rp ≠ pagu, K far from Rp share
  'angka-teks', // a number stored as text in a typed sheet
  'format-angka', // malformed, mixed or ambiguous number writing
  'satuan', // target/realisasi units differ, or the declared satuan contradicts the cell
  'antar-tabel', // the same program/kegiatan has different pagu or counts in two tables
  'hierarki', // code or numbering problems: duplicates, mangled codes, gaps (rows lost), sums not checkable
] as const;
export type RuleId = (typeof RULES)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FindingSchema = z.object({
  sheet: z.string(),
  /** A1 address as the user sees it. */
  cell: z.string().check(z.regex(/^[A-Z]{1,3}[1-9]\d*$/)),
  rule: z.enum(RULES),
  severity: z.enum(SEVERITIES),
  /** What the cell says: a plain decimal string for numbers ("175000000", "92.5"), else the text. */
  actual: z.nullable(z.string()),
  /** What it should say, in the same form; null when there is no single right value. */
  expected: z.nullable(z.string()),
  /** One plain Indonesian sentence with numbers in id-ID form. */
  message: z.string().check(z.minLength(1)),
  /** Other cells the finding depends on (children, inputs), A1. */
  related: z.array(z.string()),
  /** The table the finding belongs to (its range, e.g. "A1:L76"), when it belongs to one. */
  table: z.optional(z.string()),
});
export type Finding = z.infer<typeof FindingSchema>;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.sheet.localeCompare(b.sheet) ||
    cellOrder(a.cell) - cellOrder(b.cell) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.rule.localeCompare(b.rule)
  );
}

function cellOrder(cell: string): number {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return 0;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return Number(m[2]) * 20000 + col;
}
