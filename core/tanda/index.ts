import { a1, Merge, parseA1, Sheet } from '../lembar/model';
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
  return [...findings]
    .sort((a, b) => rank(a.sheet) - rank(b.sheet) || compareFindings(a, b))
    .map((f) => ({
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

/**
 * The lines of a marked cell's note: one per finding, worst first. A finding about another cell
 * of the same merged area (`cell` is the mark's own cell) names its cell.
 */
export function noteLines(findings: Finding[], cell?: string): string[] {
  return [...findings]
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.rule.localeCompare(b.rule))
    .map((f) => {
      const label = SEVERITY_LABEL[f.severity];
      const where = cell !== undefined && f.cell !== cell ? ` sel ${f.cell}` : '';
      return `${label[0].toUpperCase()}${label.slice(1)} (${f.rule})${where}: ${neutralise(f.message)}`;
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

/** Merged areas per sheet name, in sheet positions (0-based, inclusive). */
export type GabunganLembar = ReadonlyMap<string, readonly Merge[]>;

/** The merged areas of sheets as read by a host (relative to each block's origin), in sheet positions. */
export function gabunganDari(sheets: readonly Sheet[]): Map<string, Merge[]> {
  const out = new Map<string, Merge[]>();
  for (const s of sheets) {
    if (!s.merges || s.merges.length === 0) continue;
    const dr = s.origin?.row ?? 0;
    const dc = s.origin?.col ?? 0;
    const list = out.get(s.name) ?? [];
    for (const m of s.merges) list.push({ top: m.top + dr, left: m.left + dc, bottom: m.bottom + dr, right: m.right + dc });
    out.set(s.name, list);
  }
  return out;
}

/**
 * For each finding, where its mark goes: the top-left (anchor) cell of the merged area holding
 * its cell, else the cell itself. Excel and Sheets show only the anchor of a merged area (its
 * fill, its note, its value); a fill or note on a covered cell is invisible there until the
 * area is unmerged. Indexed by the rows that have findings, so the work is in the number of
 * merges and findings, not in the areas' sizes (a whole-column merge costs one lookup).
 */
function jangkarTemuan(
  findings: readonly Finding[],
  gabungan: GabunganLembar,
): (f: Finding, pos: { row: number; col: number }) => { row: number; col: number } {
  const byRow = new Map<string, Map<number, Merge[]>>();
  for (const [sheet, merges] of gabungan) {
    const rows = [
      ...new Set(
        findings
          .filter((f) => f.sheet === sheet)
          .map((f) => markablePosition(f.cell)?.row)
          .filter((r): r is number => r !== undefined),
      ),
    ].sort((a, b) => a - b);
    if (rows.length === 0) continue;
    const index = new Map<number, Merge[]>();
    for (const m of merges) {
      // The first finding row at or below the merge's top, then every one within it.
      let lo = 0;
      let hi = rows.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rows[mid] < m.top) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < rows.length && rows[i] <= m.bottom; i++) {
        const list = index.get(rows[i]);
        if (list) list.push(m);
        else index.set(rows[i], [m]);
      }
    }
    byRow.set(sheet, index);
  }
  return (f, pos) => {
    const m = byRow
      .get(f.sheet)
      ?.get(pos.row)
      ?.find((x) => pos.col >= x.left && pos.col <= x.right);
    return m ? { row: m.top, col: m.left } : pos;
  };
}

/**
 * The cells to mark for a set of findings: one per cell, the worst severity's fill, all
 * messages in the note. A finding on a cell covered by a merged area (`gabungan`, from the
 * sheets the host read) is marked on the area's anchor, with the other findings there; its note
 * line names its own cell. Findings on cells a spreadsheet cannot hold are left to the list.
 */
export function planMarks(findings: readonly Finding[], gabungan: GabunganLembar = new Map()): MarkPlan[] {
  const anchor = jangkarTemuan(findings, gabungan);
  const byCell = new Map<string, { pos: { row: number; col: number }; list: Finding[] }>();
  for (const f of findings) {
    const own = markablePosition(f.cell);
    if (own === null) continue;
    const pos = anchor(f, own);
    const key = `${f.sheet}\u0000${pos.row}\u0000${pos.col}`;
    const slot = byCell.get(key);
    if (slot) slot.list.push(f);
    else byCell.set(key, { pos, list: [f] });
  }
  const plans: MarkPlan[] = [];
  for (const { pos, list } of byCell.values()) {
    const severity = worstSeverity(list);
    const cell = a1({}, pos.row, pos.col);
    plans.push({
      sheet: list[0].sheet,
      cell,
      row: pos.row,
      col: pos.col,
      severity,
      fill: SEVERITY_FILL[severity],
      note: `${NOTE_AUTHOR}:\n${noteLines(list, cell).join('\n')}`,
      findings: list,
    });
  }
  return plans;
}
