import { Finding } from '../../core/periksa/temuan';
import { addWorksheet, createStylesPart, readWorkbook, SheetEntry } from './buku';
import { addNotes, Note } from './catatan';
import { markablePosition, noteLines, temuanRows, uniqueSheetName, worstSeverity } from '../../core/tanda';
import { temuanSheetXml } from './daftar-temuan';
import { StyleEditor } from './gaya';
import { anchorOf, CellPos, cellKey, SheetPart } from './lembar-xml';
import { Package } from './paket';
import { TandaiError } from './galat';

export interface MarkResult {
  bytes: Buffer;
  marked: number;
  sheetName: string;
  /** Zip entries written (changed or new), for tests and diagnostics. */
  changedParts: string[];
}

/**
 * The annotated copy of an .xlsx package, edited at the part level: styles.xml gains fills
 * and cell formats, each marked sheet gains `s` values (and cells/rows that did not exist),
 * notes go into comments + VML parts, and a "Temuan" worksheet is added. Every other part is
 * carried over untouched.
 */
export async function markXlsx(data: Buffer, findings: Finding[], options: { allowMacro: boolean }): Promise<MarkResult> {
  const pkg = await Package.load(data).catch(() => {
    throw new TandaiError('Berkas bukan .xlsx yang sah atau rusak.');
  });
  const info = await readWorkbook(pkg);
  if (info.strict) throw new TandaiError('Buku kerja berformat "Strict Open XML" belum didukung; simpan ulang sebagai buku kerja Excel biasa (.xlsx).');
  if (info.macro && !options.allowMacro) {
    throw new TandaiError('Buku kerja berisi makro (.xlsm); beri nama keluaran berakhiran .xlsm agar Excel dapat membukanya.');
  }
  const styles = StyleEditor.from(info.stylesPart ? await pkg.read(info.stylesPart) : null);

  let marked = 0;
  for (const [entry, list] of bySheet(info.sheets, findings)) {
    if (entry.part === null) continue;
    const sheet = new SheetPart((await pkg.read(entry.part))!);
    const merges = sheet.merges();
    const atCell = new Map<string, { pos: CellPos; findings: Finding[] }>();
    for (const f of list) {
      const pos = markablePosition(f.cell);
      if (!pos) continue;
      // A merged area shows its top-left cell's format and note.
      const anchor = anchorOf(merges, pos);
      const k = cellKey(anchor);
      const slot = atCell.get(k) ?? { pos: anchor, findings: [] };
      slot.findings.push(f);
      atCell.set(k, slot);
    }
    if (atCell.size === 0) continue;
    const newStyles = new Map<string, CellPos & { s: number }>();
    const notes: Note[] = [];
    for (const [k, slot] of atCell) {
      const s = styles.markedXf(sheet.styleOf(slot.pos), worstSeverity(slot.findings));
      newStyles.set(k, { ...slot.pos, s });
      notes.push({ ...slot.pos, lines: noteLines(slot.findings) });
    }
    const legacyRelId = await addNotes(pkg, entry.part, sheet.legacyDrawingId(), notes);
    pkg.write(entry.part, sheet.edit(newStyles, legacyRelId));
    marked += atCell.size;
  }

  const sheetName = uniqueSheetName(info.sheets.map((s) => s.name));
  const present = new Set(info.sheets.filter((s) => s.part !== null).map((s) => s.name));
  const temuanStyles = {
    header: styles.headerXf(),
    body: styles.bodyXf(),
    severity: { error: styles.bodyXf('error'), warning: styles.bodyXf('warning'), info: styles.bodyXf('info') },
  };
  await addWorksheet(pkg, info, sheetName, temuanSheetXml(temuanRows(findings, info.sheets.map((s) => s.name)), temuanStyles, (s) => present.has(s)));
  if (info.stylesPart && pkg.has(info.stylesPart)) pkg.write(info.stylesPart, styles.result());
  else await createStylesPart(pkg, info, styles.result());

  return { bytes: await pkg.generate(), marked, sheetName, changedParts: [...pkg.changed] };
}

/** Findings grouped by the workbook sheet they name (exact name first, then ignoring case). */
function bySheet(sheets: SheetEntry[], findings: Finding[]): Map<SheetEntry, Finding[]> {
  const out = new Map<SheetEntry, Finding[]>();
  for (const f of findings) {
    const entry = sheets.find((s) => s.name === f.sheet) ?? sheets.find((s) => s.name.toLowerCase() === f.sheet.toLowerCase());
    if (!entry) continue;
    const list = out.get(entry) ?? [];
    list.push(f);
    out.set(entry, list);
  }
  return out;
}
