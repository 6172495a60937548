import { Finding } from '../periksa/temuan';
import { planMarks, SEVERITY_FILL } from './index';
import { bacaCadangan, Cadangan } from './cadangan';
import { KeadaanSel, rencanaHapus, rencanaTandai, selUntukTandai, tolakCadangan, TulisSel } from './pembukuan';

const finding = (cell: string, message = 'Pagu tidak sama.'): Finding => ({
  sheet: 'Renja',
  cell,
  rule: 'jumlah-induk',
  severity: 'error',
  actual: null,
  expected: null,
  message,
  related: [],
});

/** A tiny host: cells with a fill and a note, written the way every host writes the plan. */
class Lembar {
  cells = new Map<string, KeadaanSel>();
  baca = (sheet: string, cell: string): KeadaanSel => this.cells.get(`${sheet}!${cell}`) ?? { fill: null, note: null };
  tulis(writes: TulisSel[]): void {
    for (const w of writes) {
      const c = { ...this.baca(w.sheet, w.cell) };
      if (w.fill !== undefined) c.fill = w.fill;
      if (w.note !== undefined) c.note = w.note;
      this.cells.set(`${w.sheet}!${w.cell}`, c);
    }
  }
}

const RED = `#${SEVERITY_FILL.error}`;

describe('the mark bookkeeping every host follows', () => {
  test('marks, then a second Periksa after a fix takes the old mark away, then Hapus Tanda restores exactly', () => {
    const l = new Lembar();
    l.cells.set('Renja!E4', { fill: '#00FF00', note: 'Sumber: DPA' });
    const first = rencanaTandai({ versi: 2, sel: [] }, planMarks([finding('E4'), finding('E7')]), ['Renja'], l.baca);
    l.tulis(first.writes);
    expect(first.marked).toBe(2);
    expect(l.baca('Renja', 'E4')).toEqual({
      fill: RED,
      note: `Sumber: DPA\n\nLembar Kinerja:\nGalat (jumlah-induk): Pagu tidak sama.`,
    });
    expect(first.backup.sel.map((s) => s.cell)).toEqual(['E4', 'E7']);

    // E7 was fixed: the second Periksa finds only E4, and E7 loses our mark at once.
    const second = rencanaTandai(first.backup, planMarks([finding('E4', 'Masih salah.')]), ['Renja'], l.baca);
    l.tulis(second.writes);
    expect(l.baca('Renja', 'E7')).toEqual({ fill: null, note: null });
    expect(l.baca('Renja', 'E4').note).toBe('Sumber: DPA\n\nLembar Kinerja:\nGalat (jumlah-induk): Masih salah.');
    // The true original of E4 is kept, not our first mark.
    expect(second.backup.sel.find((s) => s.cell === 'E4')).toMatchObject({ fill: '#00FF00', note: 'Sumber: DPA' });

    const hapus = rencanaHapus(second.backup, ['Renja'], l.baca);
    l.tulis(hapus.writes);
    expect(hapus.restored).toBe(1);
    expect(l.baca('Renja', 'E4')).toEqual({ fill: '#00FF00', note: 'Sumber: DPA' });
  });

  test('an unreadable backup is refused with an Indonesian sentence, never overwritten', () => {
    const stored = bacaCadangan('{"versi":2,"sel":[{"sheet":1}]}');
    expect(tolakCadangan(stored)).toMatch(/^Catatan tanda sebelumnya tidak dikenali.*tidak menandai sel/);
    expect(tolakCadangan(bacaCadangan(null))).toBeNull();
  });

  test('a sheet renamed or deleted since is neither read nor written', () => {
    const backup: Cadangan = { versi: 2, sel: [{ sheet: 'Lama', cell: 'A1', fill: null, note: null, markNote: 'x' }] };
    expect(selUntukTandai(backup, planMarks([finding('B2')]), ['Renja'])).toEqual([{ sheet: 'Renja', cell: 'B2' }]);
    const l = new Lembar();
    expect(rencanaHapus(backup, ['Renja'], l.baca)).toEqual({ writes: [], restored: 0 });
    // Sheet names match exactly: "renja" is another sheet.
    expect(rencanaTandai({ versi: 2, sel: [] }, planMarks([finding('B2')]), ['renja'], l.baca).writes).toEqual([]);
  });

  test('a fill the planner chose after marking, and a note he rewrote, are his', () => {
    const l = new Lembar();
    const t = rencanaTandai({ versi: 2, sel: [] }, planMarks([finding('C3')]), ['Renja'], l.baca);
    l.tulis(t.writes);
    l.cells.set('Renja!C3', { fill: '#0000FF', note: 'Sudah dicek Bappeda' });
    expect(rencanaHapus(t.backup, ['Renja'], l.baca)).toEqual({ writes: [], restored: 0 });
  });
});
