import { parseA1 } from '../../core/lembar/model';
import { Finding } from '../../core/periksa/temuan';
import { MarkPlan, NOTE_AUTHOR, planMarks, SEVERITY_FILL } from '../../core/tanda';
import { Cadangan, gabungCadangan, SelCadangan } from '../../core/tanda/cadangan';
import { cadanganDari, denganCadangan, dokumenProperti } from './dokumen';

/**
 * Marks in a Google Sheet: the fills and notes the core plans, written over each sheet's
 * bounding range in one batch, with the cells' original backgrounds and notes kept in the
 * document properties so that Hapus Tanda puts back exactly what was there.
 *
 * Backgrounds go through a RangeList per colour, never setBackgrounds over the bounding range:
 * Sheets reports "no fill" as #ffffff, and writing that back would give every other cell an
 * explicit white fill. Notes can be written back as read ('' is no note).
 */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What getBackgrounds answers for a cell without fill. */
const TANPA_ISI = '#ffffff';

interface Kotak {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function kotakDari(cells: readonly { row: number; col: number }[]): Kotak {
  const k = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
  for (const c of cells) {
    k.top = Math.min(k.top, c.row);
    k.left = Math.min(k.left, c.col);
    k.bottom = Math.max(k.bottom, c.row);
    k.right = Math.max(k.right, c.col);
  }
  return k;
}

function perLembar<T extends { sheet: string }>(items: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const list = m.get(it.sheet);
    if (list) list.push(it);
    else m.set(it.sheet, [it]);
  }
  return m;
}

/** One setBackground per distinct colour, over a RangeList of its cells. */
function warnai(sheet: GSheet, cells: { a1: string; fill: string | null }[]): void {
  const byFill = new Map<string | null, string[]>();
  for (const c of cells) {
    const list = byFill.get(c.fill);
    if (list) list.push(c.a1);
    else byFill.set(c.fill, [c.a1]);
  }
  for (const [fill, a1s] of byFill) sheet.getRangeList(a1s).setBackground(fill);
}

/** Mark the findings' cells; returns how many cells were marked. */
export function tandai(ss: Spreadsheet, findings: readonly Finding[]): number {
  const plans = planMarks(findings);
  if (plans.length === 0) return 0;
  const props = dokumenProperti();
  const stored = props.getProperties();
  const lama = cadanganDari(stored);
  // A backup we cannot read must not be overwritten: the originals in it would be lost.
  if (!lama.ok) throw new Error(`${lama.message} Hapus catatan lama lewat menu Hapus Tanda terlebih dahulu.`);
  const baru: SelCadangan[] = [];
  let marked = 0;
  for (const [name, list] of perLembar<MarkPlan>(plans)) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const k = kotakDari(list);
    const range = sheet.getRange(k.top + 1, k.left + 1, k.bottom - k.top + 1, k.right - k.left + 1);
    const fills = range.getBackgrounds();
    const notes = range.getNotes();
    const newNotes = notes.map((row) => row.slice());
    for (const p of list) {
      const fill = fills[p.row - k.top][p.col - k.left];
      const note = notes[p.row - k.top][p.col - k.left];
      baru.push({ sheet: name, cell: p.cell, fill: fill.toLowerCase() === TANPA_ISI ? null : fill, note: note === '' ? null : note });
      newNotes[p.row - k.top][p.col - k.left] = p.note;
    }
    range.setNotes(newNotes);
    warnai(sheet, list.map((p) => ({ a1: p.cell, fill: `#${p.fill}` })));
    marked += list.length;
  }
  props.setProperties(denganCadangan(stored, gabungCadangan(lama.cadangan, baru)), true);
  return marked;
}

const FILL_KITA = new Set(Object.values(SEVERITY_FILL).map((f) => `#${f.toLowerCase()}`));

/**
 * Put back the original backgrounds and notes of every marked cell. A cell the user changed
 * since (another fill, their own note) keeps the user's change; the backup is removed.
 */
export function hapusTanda(ss: Spreadsheet): { restored: number } {
  const props = dokumenProperti();
  const stored = props.getProperties();
  const baca = cadanganDari(stored);
  if (!baca.ok) throw new Error(baca.message);
  const cadangan: Cadangan = baca.cadangan;
  let restored = 0;
  for (const [name, list] of perLembar(cadangan.sel)) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    // The schema admits only A1 addresses, so every cell parses.
    const cells = list.map((s) => ({ s, ...parseA1(s.cell)! }));
    const k = kotakDari(cells);
    const range = sheet.getRange(k.top + 1, k.left + 1, k.bottom - k.top + 1, k.right - k.left + 1);
    const fills = range.getBackgrounds();
    const notes = range.getNotes();
    const newNotes = notes.map((row) => row.slice());
    const recolour: { a1: string; fill: string | null }[] = [];
    let notesChanged = false;
    for (const c of cells) {
      const i = c.row - k.top;
      const j = c.col - k.left;
      let done = false;
      if (FILL_KITA.has(fills[i][j].toLowerCase())) {
        recolour.push({ a1: c.s.cell, fill: c.s.fill });
        done = true;
      }
      if (notes[i][j].startsWith(`${NOTE_AUTHOR}:`)) {
        newNotes[i][j] = c.s.note ?? '';
        notesChanged = true;
        done = true;
      }
      if (done) restored++;
    }
    if (notesChanged) range.setNotes(newNotes);
    if (recolour.length > 0) warnai(sheet, recolour);
  }
  props.setProperties(denganCadangan(stored, null), true);
  return { restored };
}
