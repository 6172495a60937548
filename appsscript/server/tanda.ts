import { parseA1 } from '../../core/lembar/model';
import { Finding } from '../../core/periksa/temuan';
import { GabunganLembar, MarkPlan, planMarks } from '../../core/tanda';
import { Cadangan } from '../../core/tanda/cadangan';
import {
  KeadaanSel,
  rencanaHapus,
  rencanaTandai,
  SelDiLembar,
  selUntukHapus,
  selUntukTandai,
  tolakCadangan,
  TulisSel,
} from '../../core/tanda/pembukuan';
import {
  bacaCadanganLembar,
  bacaCadanganProperti,
  dokumenProperti,
  gabungLamaDanLembar,
  kunciCadanganProperti,
  tulisCadanganLembar,
} from './dokumen';
import { kotakSel } from './kotak';

/**
 * Marks in a Google Sheet. Every decision (what to read, what to write, what the backup holds)
 * is core/tanda/pembukuan.ts; this file reads the cells' backgrounds and notes (one box per
 * sheet, one call each) and writes the plan: the backup first (dokumen.ts, a hidden sheet),
 * then one setNotes over each box and one RangeList.setBackground per colour, all in one batch.
 *
 * Backgrounds go through a RangeList per colour, never setBackgrounds over the box: Sheets
 * reports "no fill" as #ffffff, and writing that back would give every other cell an explicit
 * white fill. Notes can be written back as read ('' is no note).
 */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** What getBackgrounds answers for a cell without fill. */
const TANPA_ISI = '#ffffff';

interface Kotak {
  sheet: GSheet;
  range: Range;
  top: number;
  left: number;
  fills: string[][];
  notes: string[][];
}

/** The fills and notes of the cells, one box per sheet read with one call each. */
function bacaSel(
  ss: Spreadsheet,
  cells: readonly SelDiLembar[],
): { kotak: Map<string, Kotak>; baca: (sheet: string, cell: string) => KeadaanSel } {
  const bySheet = new Map<string, { row: number; col: number }[]>();
  for (const c of cells) {
    // The schema and planMarks admit only A1 addresses, so every cell parses.
    const p = parseA1(c.cell)!;
    const list = bySheet.get(c.sheet);
    if (list) list.push(p);
    else bySheet.set(c.sheet, [p]);
  }
  const kotak = new Map<string, Kotak>();
  for (const [name, list] of bySheet) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const { top, left, bottom, right } = kotakSel(list);
    const range = sheet.getRange(top + 1, left + 1, bottom - top + 1, right - left + 1);
    kotak.set(name, { sheet, range, top, left, fills: range.getBackgrounds(), notes: range.getNotes() });
  }
  const baca = (sheet: string, cell: string): KeadaanSel => {
    const k = kotak.get(sheet);
    const p = parseA1(cell);
    if (!k || !p) return { fill: null, note: null };
    const fill = k.fills[p.row - k.top]?.[p.col - k.left] ?? TANPA_ISI;
    const note = k.notes[p.row - k.top]?.[p.col - k.left] ?? '';
    return { fill: fill.toLowerCase() === TANPA_ISI ? null : fill, note: note === '' ? null : note };
  };
  return { kotak, baca };
}

/** The planned writes, per sheet: one setNotes over its box when a note changes, one setBackground per colour. */
function tulis(kotak: Map<string, Kotak>, writes: readonly TulisSel[]): void {
  const bySheet = new Map<string, TulisSel[]>();
  for (const w of writes) {
    const list = bySheet.get(w.sheet);
    if (list) list.push(w);
    else bySheet.set(w.sheet, [w]);
  }
  for (const [name, list] of bySheet) {
    const k = kotak.get(name);
    if (!k) continue;
    const notes = k.notes.map((row) => row.slice());
    let notesChanged = false;
    const byFill = new Map<string | null, string[]>();
    for (const w of list) {
      const p = parseA1(w.cell)!;
      if (w.note !== undefined) {
        notes[p.row - k.top][p.col - k.left] = w.note ?? '';
        notesChanged = true;
      }
      if (w.fill !== undefined) {
        const a1s = byFill.get(w.fill);
        if (a1s) a1s.push(w.cell);
        else byFill.set(w.fill, [w.cell]);
      }
    }
    if (notesChanged) k.range.setNotes(notes);
    for (const [fill, a1s] of byFill) k.sheet.getRangeList(a1s).setBackground(fill);
  }
}

function namaLembar(ss: Spreadsheet): string[] {
  return ss.getSheets().map((s) => s.getName());
}

/**
 * Mark the findings' cells that were read (`dibaca`); returns how many cells were marked. A
 * finding on a covered cell of a merged area (`gabungan`) is marked on its anchor (core/tanda).
 * The backup is written before the marks, in the same batch: if it cannot be written, nothing
 * is marked.
 */
export function tandai(
  ss: Spreadsheet,
  findings: readonly Finding[],
  dibaca: (p: MarkPlan) => boolean = () => true,
  gabungan?: GabunganLembar,
): number {
  const plans = planMarks(findings, gabungan).filter(dibaca);
  const stored = bacaCadanganLembar(ss);
  const tolak = tolakCadangan(stored);
  // A backup we cannot read must not be overwritten: the originals in it would be lost.
  if (tolak !== null) throw new Error(tolak);
  const previous = (stored as { cadangan: Cadangan }).cadangan;
  if (plans.length === 0 && previous.sel.length === 0) return 0;
  const names = namaLembar(ss);
  const { kotak, baca } = bacaSel(ss, selUntukTandai(previous, plans, names));
  const rencana = rencanaTandai(previous, plans, names, baca);
  try {
    tulisCadanganLembar(ss, rencana.backup);
  } catch (e) {
    throw new Error(`Cadangan tanda tidak dapat disimpan (${(e as Error).message}); tidak ada sel yang ditandai.`);
  }
  tulis(kotak, rencana.writes);
  return rencana.marked;
}

/**
 * Put back the original backgrounds and notes of every marked cell. A cell the user changed
 * since (another fill, their own note) keeps the user's change; the backup is removed.
 */
export function hapusTanda(ss: Spreadsheet): { restored: number } {
  const props = dokumenProperti();
  const stored = props.getProperties();
  const lama = bacaCadanganProperti(stored);
  const lembar = bacaCadanganLembar(ss);
  for (const b of [lama, lembar]) {
    if (!b.ok) throw new Error(b.message);
  }
  const backup = gabungLamaDanLembar((lama as { cadangan: Cadangan }).cadangan, (lembar as { cadangan: Cadangan }).cadangan);
  const names = namaLembar(ss);
  const { kotak, baca } = bacaSel(ss, selUntukHapus(backup, names));
  const rencana = rencanaHapus(backup, names, baca);
  tulis(kotak, rencana.writes);
  tulisCadanganLembar(ss, null);
  for (const k of kunciCadanganProperti(stored)) props.deleteProperty(k);
  return { restored: rencana.restored };
}
