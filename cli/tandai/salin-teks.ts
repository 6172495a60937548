import * as path from 'path';
import { Finding } from '../../core/periksa/temuan';
import { readDelimitedBytes } from '../baca/teks';
import {
  markablePosition,
  NOTE_AUTHOR,
  noteLines,
  SEVERITY_FILL,
  TEMUAN_HEADERS,
  temuanRows,
  temuanWidths,
  uniqueSheetName,
  worstSeverity,
} from '../../core/tanda';
import { TandaiError } from './galat';

/**
 * A CSV/TSV has nothing to preserve, so its annotated copy is a new workbook: the data sheet
 * (every cell text, exactly as in the file, read the way the checker read it) with the same
 * marks and notes, and the "Temuan" sheet.
 */
export async function markDelimited(
  bytes: Buffer,
  filePath: string,
  findings: Finding[],
): Promise<{ bytes: Buffer; marked: number; sheetName: string }> {
  const fileName = path.basename(filePath);
  // .txt is Excel's Unicode Text: tab-separated, read as the checker read it (cli/baca).
  const ext = ['.tsv', '.txt'].includes(path.extname(fileName).toLowerCase()) ? '.tsv' : '.csv';
  const read = readDelimitedBytes(bytes, fileName, path.basename(fileName, path.extname(fileName)), ext);
  if (!read.ok) throw new TandaiError(read.message);
  const sheet = read.workbook.sheets[0];

  // Loaded on use: only a marked copy of a CSV needs exceljs.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = NOTE_AUTHOR;
  const ws = wb.addWorksheet(excelSheetName(sheet.name));
  const widths: number[] = [];
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return;
      const text = String(v);
      // Text cells only: the copy must show exactly what the file holds.
      ws.getCell(r + 1, c + 1).value = text;
      widths[c] = Math.max(widths[c] ?? 0, Math.min(text.length, 50));
    }),
  );
  widths.forEach((w, c) => {
    if (w !== undefined) ws.getColumn(c + 1).width = Math.max(8, w + 2);
  });

  // A CSV has one sheet: every finding with a cell address belongs to it.
  const atCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!markablePosition(f.cell)) continue;
    atCell.set(f.cell, [...(atCell.get(f.cell) ?? []), f]);
  }
  for (const [address, list] of atCell) {
    const cell = ws.getCell(address);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${SEVERITY_FILL[worstSeverity(list)]}` } };
    cell.note = {
      texts: [
        { font: { bold: true, size: 9, name: 'Tahoma' }, text: `${NOTE_AUTHOR}:` },
        { font: { size: 9, name: 'Tahoma' }, text: '\n' + noteLines(list).join('\n') },
      ],
    };
  }

  const sheetName = uniqueSheetName([ws.name]);
  const list = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const rows = temuanRows(findings, [ws.name]);
  list.addRow(TEMUAN_HEADERS);
  list.getRow(1).font = { bold: true };
  for (const r of rows) {
    const added = list.addRow(r.cells.map((c) => (c === '' ? null : c)));
    added.getCell(4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${SEVERITY_FILL[r.finding.severity]}` } };
  }
  temuanWidths(rows).forEach((w, i) => {
    const col = list.getColumn(i + 1);
    col.width = w;
    col.alignment = { vertical: 'top', wrapText: true };
  });
  list.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: TEMUAN_HEADERS.length } };

  const out = Buffer.from(await wb.xlsx.writeBuffer());
  return { bytes: out, marked: atCell.size, sheetName };
}

/** A file name made a valid Excel sheet name: no `[]:*?/\`, at most 31 characters. */
export function excelSheetName(name: string): string {
  const clean = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31);
  return clean === '' ? 'Data' : clean;
}
