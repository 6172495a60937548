import { columnLetters, parseA1 } from '../../core/lembar/model';
import { SEVERITY_LABEL } from '../../core/periksa/label';
import { compareFindings, Finding, Severity } from '../../core/periksa/temuan';
import { neutralise, shownValue } from './teks-aman';
import { escapeAttr, escapeText } from './xml';
import { NS } from './paket';

/**
 * The "Temuan" sheet: one row per finding, the same for an .xlsx copy and a CSV's new
 * workbook, and the note text of a marked cell.
 */

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
      f.related.join(', '),
    ],
  }));
}

/** Column widths fitted to the longest text, within sensible bounds per column. */
export function temuanWidths(rows: TemuanRow[]): number[] {
  return TEMUAN_HEADERS.map((h, i) => {
    const longest = Math.max(h.length, ...rows.map((r) => r.cells[i].length));
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

export interface TemuanStyles {
  header: number;
  body: number;
  severity: Record<Severity, number>;
}

/** A cell reference to another sheet, quoted as Excel writes it: `'Tabel 2.3'!F14`. */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

const MAX_CELL_TEXT = 32767;

function inlineCell(ref: string, text: string, style: number): string {
  if (text === '') return `<c r="${ref}" s="${style}"/>`;
  const t = escapeText(text.slice(0, MAX_CELL_TEXT));
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${t}</t></is></c>`;
}

/**
 * The worksheet part of "Temuan": inline strings only (no shared-strings part to touch, no
 * formula), a bold frozen header row, an autofilter over the list, and each "Sel" linked to
 * the marked cell when `linkable` says that sheet is in the workbook.
 */
export function temuanSheetXml(rows: TemuanRow[], styles: TemuanStyles, linkable: (sheet: string) => boolean): string {
  const lastCol = columnLetters(TEMUAN_HEADERS.length - 1);
  const lastRow = rows.length + 1;
  const widths = temuanWidths(rows);
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const header = `<row r="1">${TEMUAN_HEADERS.map((h, i) => inlineCell(`${columnLetters(i)}1`, h, styles.header)).join('')}</row>`;
  const links: string[] = [];
  const body = rows
    .map((r, k) => {
      const n = k + 2;
      const cells = r.cells.map((text, i) => {
        const style = i === 3 ? styles.severity[r.finding.severity] : styles.body;
        return inlineCell(`${columnLetters(i)}${n}`, text, style);
      });
      if (linkable(r.finding.sheet)) {
        const location = sheetRef(r.finding.sheet, r.finding.cell);
        links.push(`<hyperlink ref="B${n}" location="${escapeAttr(location)}" display="${escapeAttr(r.finding.cell)}"/>`);
      }
      return `<row r="${n}">${cells.join('')}</row>`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
    `<dimension ref="A1:${lastCol}${lastRow}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${cols}</cols>` +
    `<sheetData>${header}${body}</sheetData>` +
    `<autoFilter ref="A1:${lastCol}${lastRow}"/>` +
    (links.length > 0 ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup orientation="landscape"/>' +
    '</worksheet>'
  );
}
