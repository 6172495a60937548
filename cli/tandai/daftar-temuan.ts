import { columnLetters } from '../../core/lembar/model';
import { Severity } from '../../core/periksa/temuan';
import { TEMUAN_HEADERS, TemuanRow, temuanWidths } from '../../core/tanda';
import { escapeAttr, escapeText } from './xml';
import { NS } from './paket';

/** The "Temuan" worksheet part of an annotated .xlsx copy (the rows come from core/tanda). */

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
