import { parseA1 } from '../../core/lembar/model';
import { Finding } from '../../core/periksa/temuan';
import { isMarkFill, MarkPlan, planMarks } from '../../core/tanda';
import { catatanPengguna, catatanTanda, pulihCatatan } from '../../core/tanda/catatan';
import { Cadangan, gabungCadangan, SelCadangan } from '../../core/tanda/cadangan';
import { cadanganDari, denganCadangan, dokumenProperti } from './dokumen';

/**
 * Marks in a Google Sheet: the fills and notes the core plans, written over each sheet's
 * bounding range in one batch, with the cells' original backgrounds and notes kept in the
 * document properties so that Hapus Tanda puts back exactly what was there. Our note goes
 * after the user's own (core/tanda/catatan.ts), so even a lost backup cannot lose it.
 *
 * Backgrounds go through a RangeList per colour, never setBackgrounds over the bounding range:
 * Sheets reports "no fill" as #ffffff, and writing that back would give every other cell an
 * explicit white fill. Notes can be written back as read ('' is no note).
 */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What getBackgrounds answers for a cell without fill. */
const TANPA_ISI = '#ffffff';

/**
 * The backgrounds and notes of the smallest box around some cells of a sheet, read with one call
 * each; `at` gives a cell's position in those grids.
 */
function bacaKotak(sheet: GSheet, cells: readonly { row: number; col: number }[]) {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const c of cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  const range = sheet.getRange(top + 1, left + 1, bottom - top + 1, right - left + 1);
  const fills = range.getBackgrounds();
  const notes = range.getNotes();
  return { range, fills, notes, at: (c: { row: number; col: number }) => [c.row - top, c.col - left] as const };
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
  const asliDari = new Map(lama.cadangan.sel.map((c) => [`${c.sheet}\u0000${c.cell}`, c]));
  const baru: SelCadangan[] = [];
  // Every read before any write: Apps Script sends buffered writes together, until a read.
  const writes: (() => void)[] = [];
  let marked = 0;
  for (const [name, list] of perLembar<MarkPlan>(plans)) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const { range, fills, notes, at } = bacaKotak(sheet, list);
    const newNotes = notes.map((row) => row.slice());
    for (const p of list) {
      const [i, j] = at(p);
      const fill = fills[i][j];
      const note = notes[i][j];
      const ada = note === '' ? null : note;
      baru.push({ sheet: name, cell: p.cell, fill: fill.toLowerCase() === TANPA_ISI ? null : fill, note: ada, kami: p.note });
      // A cell marked before: our earlier text is replaced, whatever the planner added stays.
      const asli = asliDari.get(`${name}\u0000${p.cell}`);
      newNotes[i][j] = catatanTanda(asli !== undefined ? catatanPengguna(ada, asli) : ada, p.note);
    }
    writes.push(() => {
      range.setNotes(newNotes);
      warnai(sheet, list.map((p) => ({ a1: p.cell, fill: `#${p.fill}` })));
    });
    marked += list.length;
  }
  for (const w of writes) w();
  props.setProperties(denganCadangan(stored, gabungCadangan(lama.cadangan, baru)), true);
  return marked;
}

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
  const writes: (() => void)[] = [];
  for (const [name, list] of perLembar(cadangan.sel)) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    // The schema admits only A1 addresses, so every cell parses.
    const cells = list.map((s) => ({ s, ...parseA1(s.cell)! }));
    const { range, fills, notes, at } = bacaKotak(sheet, cells);
    const newNotes = notes.map((row) => row.slice());
    const recolour: { a1: string; fill: string | null }[] = [];
    let notesChanged = false;
    for (const c of cells) {
      const [i, j] = at(c);
      let done = false;
      if (isMarkFill(fills[i][j])) {
        recolour.push({ a1: c.s.cell, fill: c.s.fill });
        done = true;
      }
      const act = pulihCatatan(notes[i][j] === '' ? null : notes[i][j], c.s.note, c.s.kami);
      if (act.aksi !== 'biarkan') {
        newNotes[i][j] = act.aksi === 'ganti' ? act.isi : '';
        notesChanged = true;
        done = true;
      }
      if (done) restored++;
    }
    writes.push(() => {
      if (notesChanged) range.setNotes(newNotes);
      if (recolour.length > 0) warnai(sheet, recolour);
    });
  }
  for (const w of writes) w();
  props.setProperties(denganCadangan(stored, null), true);
  return { restored };
}
