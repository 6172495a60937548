import { parseA1 } from '../lembar/model';
import { SEVERITY_LABEL } from '../periksa/label';
import { compareFindings, Finding, Severity } from '../periksa/temuan';
import { neutralise, shownValue } from './teks-aman';

export { neutralise, shownValue };

/**
 * How findings are shown in a workbook, the same for every host (the CLI's annotated copy,
 * Excel, Sheets): the fill of a marked cell, the text of its note, and the rows of the
 * "Temuan" list.
 */

/**
 * Fill colours of a marked cell (the light red / yellow / blue of Excel's own "Good, Bad and
 * Neutral" cell styles, so a planner reads them as Excel's usual warning colours).
 */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: 'FFC7CE',
  warning: 'FFEB9C',
  info: 'DDEBF7',
};

const MARK_FILLS = new Set(Object.values(SEVERITY_FILL));

/**
 * Whether a fill as a host reports it (`#RRGGBB`, any case) is one of our marks. Hapus Tanda
 * puts a cell's original fill back only then: a fill the planner chose after marking is theirs.
 */
export function isMarkFill(color: string | null | undefined): boolean {
  return typeof color === 'string' && MARK_FILLS.has(color.replace(/^#/, '').toUpperCase());
}

/** The author name of the notes we write, so that clearing removes only our own notes. */
export const NOTE_AUTHOR = 'Lembar Kinerja';


export const TEMUAN_SHEET = 'Temuan';
export const TEMUAN_HEADERS = ['Lembar', 'Sel', 'Aturan', 'Tingkat', 'Isi sel', 'Seharusnya', 'Keterangan', 'Sel terkait'];
const MIN_WIDTH = [12, 7, 12, 11, 12, 12, 40, 12];
const MAX_WIDTH = [28, 10, 16, 12, 24, 24, 80, 30];

export interface TemuanRow {
  finding: Finding;
  cells: string[];
}

/**
 * The findings in the workbook's sheet order (sheets not in it last), then by cell, each as
 * the row's texts (already safe to write).
 */
export function temuanRows(findings: Finding[], sheetOrder: string[] = []): TemuanRow[] {
  const rank = (sheet: string) => {
    const i = sheetOrder.indexOf(sheet);
    return i < 0 ? sheetOrder.length : i;
  };
  return [...findings].sort((a, b) => rank(a.sheet) - rank(b.sheet) || compareFindings(a, b)).map((f) => ({
    finding: f,
    cells: [
      neutralise(f.sheet),
      f.cell,
      f.rule,
      SEVERITY_LABEL[f.severity],
      shownValue(f.actual),
      shownValue(f.expected),
      neutralise(f.message),
      neutralise(f.related.join(', ')),
    ],
  }));
}

/** Column widths fitted to the longest text, within sensible bounds per column. */
export function temuanWidths(rows: TemuanRow[]): number[] {
  return TEMUAN_HEADERS.map((h, i) => {
    // reduce, not Math.max(...spread): one row per finding, and 125,000 arguments overflow the stack.
    const longest = rows.reduce((n, r) => Math.max(n, r.cells[i].length), h.length);
    return Math.min(MAX_WIDTH[i], Math.max(MIN_WIDTH[i], longest + 2));
  });
}

/** A finding's cell as a position Excel has (A1…XFD1048576), or null: such a finding is only listed. */
export function markablePosition(cell: string): { row: number; col: number } | null {
  const pos = parseA1(cell);
  return pos && pos.row < 1048576 && pos.col < 16384 ? pos : null;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function worstSeverity(findings: Finding[]): Severity {
  return findings.reduce<Severity>((w, f) => (SEVERITY_RANK[f.severity] < SEVERITY_RANK[w] ? f.severity : w), 'info');
}

/** The lines of a marked cell's note: one per finding, worst first. */
export function noteLines(findings: Finding[]): string[] {
  return [...findings]
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.rule.localeCompare(b.rule))
    .map((f) => {
      const label = SEVERITY_LABEL[f.severity];
      return `${label[0].toUpperCase()}${label.slice(1)} (${f.rule}): ${neutralise(f.message)}`;
    });
}

/** `Temuan`, or `Temuan (2)`, … when a sheet already has the name (Excel compares without case). */
export function uniqueSheetName(existing: string[], base = TEMUAN_SHEET): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** One marked cell: every finding on it, its fill and its note. */
export interface MarkPlan {
  sheet: string;
  cell: string;
  /** 0-based sheet position. */
  row: number;
  col: number;
  severity: Severity;
  /** RRGGBB */
  fill: string;
  note: string;
  findings: Finding[];
}

/**
 * The cells to mark for a set of findings: one per cell, the worst severity's fill, all
 * messages in the note. Findings on cells a spreadsheet cannot hold are left to the list.
 */
export function planMarks(findings: readonly Finding[]): MarkPlan[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (markablePosition(f.cell) === null) continue;
    const key = `${f.sheet}\u0000${f.cell}`;
    const list = byCell.get(key);
    if (list) list.push(f);
    else byCell.set(key, [f]);
  }
  const plans: MarkPlan[] = [];
  for (const list of byCell.values()) {
    const pos = markablePosition(list[0].cell)!;
    const severity = worstSeverity(list);
    plans.push({
      sheet: list[0].sheet,
      cell: list[0].cell,
      row: pos.row,
      col: pos.col,
      severity,
      fill: SEVERITY_FILL[severity],
      note: `${NOTE_AUTHOR}:\n${noteLines(list).join('\n')}`,
      findings: list,
    });
  }
  return plans;
}
