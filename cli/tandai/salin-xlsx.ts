import { Finding } from '../../core/periksa/temuan';
import { addWorksheet, createStylesPart, readWorkbook, SheetEntry } from './buku';
import { addNotes, Note } from './catatan';
import { markablePosition, noteLines, temuanRows, uniqueSheetName, worstSeverity } from '../../core/tanda';
import { temuanSheetXml } from './daftar-temuan';
import { StyleEditor } from './gaya';
import { anchorsOf, CellPos, cellKey, SheetPart } from './lembar-xml';
import { Package, Parts } from './paket';
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
export async function markXlsx(data: Buffer, findings: Finding[], options: { macroOutput: boolean }): Promise<MarkResult> {
  // The package's own refusals (password, zip64, a damaged part) say more than "rusak".
  const pkg = await Package.load(data).catch((e: unknown) => {
    throw e instanceof TandaiError ? e : new TandaiError('Berkas bukan .xlsx yang sah atau rusak.');
  });
  const { marked, sheetName } = await markPackage(pkg, findings, options);
  return { bytes: await pkg.generate(), marked, sheetName, changedParts: [...pkg.changed] };
}

/** The marks, notes and findings sheet written into `pkg` (whose zip code the caller chose). */
export async function markPackage(
  pkg: Parts,
  findings: Finding[],
  options: { macroOutput: boolean },
): Promise<{ marked: number; sheetName: string }> {
  const info = await readWorkbook(pkg);
  if (info.strict)
    throw new TandaiError(
      'Buku kerja berformat "Strict Open XML" belum didukung; simpan ulang sebagai buku kerja Excel biasa (.xlsx).',
    );
  // Excel opens a package only under the extension its content type names (.xlsm for the
  // macro-enabled type, .xlsx for the plain one). Giving a plain workbook the macro type would
  // change more than the marks, so a mismatched name is refused with the name to use instead.
  if (info.macro && !options.macroOutput) {
    throw new TandaiError('Buku kerja berisi makro (.xlsm); beri nama keluaran berakhiran .xlsm agar Excel dapat membukanya.');
  }
  if (!info.macro && options.macroOutput) {
    throw new TandaiError(
      'Buku kerja ini tidak berisi makro; beri nama keluaran berakhiran .xlsx, karena Excel tidak membuka buku kerja biasa yang bernama .xlsm.',
    );
  }
  const styles = StyleEditor.from(info.stylesPart ? await pkg.read(info.stylesPart) : null);

  let marked = 0;
  for (const [entry, list] of bySheet(info.sheets, findings)) {
    if (entry.part === null) continue;
    // Bytewise: the sheet can be the bulk of the package, and only ASCII markup is written into it.
    const sheet = new SheetPart((await pkg.readBytewise(entry.part))!);
    const positions: CellPos[] = [];
    const markable: Finding[] = [];
    for (const f of list) {
      const pos = markablePosition(f.cell);
      if (!pos) continue;
      positions.push(pos);
      markable.push(f);
    }
    // A merged area shows its top-left cell's format and note.
    const anchors = anchorsOf(sheet.merges(), positions);
    const atCell = new Map<string, { pos: CellPos; findings: Finding[] }>();
    markable.forEach((f, i) => {
      const k = cellKey(anchors[i]);
      const slot = atCell.get(k);
      if (slot) slot.findings.push(f);
      else atCell.set(k, { pos: anchors[i], findings: [f] });
    });
    if (atCell.size === 0) continue;
    const newStyles = new Map<string, CellPos & { s: number }>();
    const notes: Note[] = [];
    for (const [k, slot] of atCell) {
      const s = styles.markedXf(sheet.styleOf(slot.pos), worstSeverity(slot.findings));
      newStyles.set(k, { ...slot.pos, s });
      notes.push({ ...slot.pos, lines: noteLines(slot.findings) });
    }
    const legacyRelId = await addNotes(pkg, entry.part, sheet.legacyDrawingId(), notes);
    pkg.write(entry.part, sheet.edit(newStyles, legacyRelId), { bytewise: true });
    marked += atCell.size;
  }

  const sheetName = uniqueSheetName(info.sheets.map((s) => s.name));
  const present = new Set(info.sheets.filter((s) => s.part !== null).map((s) => s.name));
  const temuanStyles = {
    header: styles.headerXf(),
    body: styles.bodyXf(),
    severity: { error: styles.bodyXf('error'), warning: styles.bodyXf('warning'), info: styles.bodyXf('info') },
  };
  await addWorksheet(
    pkg,
    info,
    sheetName,
    temuanSheetXml(
      temuanRows(
        findings,
        info.sheets.map((s) => s.name),
      ),
      temuanStyles,
      (s) => present.has(s),
    ),
  );
  if (info.stylesPart && pkg.has(info.stylesPart)) pkg.write(info.stylesPart, styles.result());
  else await createStylesPart(pkg, info, styles.result());

  return { marked, sheetName };
}

/** Findings grouped by the workbook sheet they name (exact name first, then ignoring case). */
function bySheet(sheets: SheetEntry[], findings: Finding[]): Map<SheetEntry, Finding[]> {
  const exact = new Map<string, SheetEntry>();
  const folded = new Map<string, SheetEntry>();
  for (const s of sheets) {
    if (!exact.has(s.name)) exact.set(s.name, s);
    if (!folded.has(s.name.toLowerCase())) folded.set(s.name.toLowerCase(), s);
  }
  const out = new Map<SheetEntry, Finding[]>();
  for (const f of findings) {
    const entry = exact.get(f.sheet) ?? folded.get(f.sheet.toLowerCase());
    if (!entry) continue;
    const list = out.get(entry);
    if (list) list.push(f);
    else out.set(entry, [f]);
  }
  return out;
}
