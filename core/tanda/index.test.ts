import { Finding } from '../periksa/temuan';
import { isMarkFill, NOTE_AUTHOR, planMarks, SEVERITY_FILL, TEMUAN_HEADERS, temuanWidths } from './index';

const f = (cell: string, severity: Finding['severity'], message: string, sheet = 'Tabel 2.3'): Finding => ({
  sheet,
  cell,
  rule: severity === 'error' ? 'jumlah-induk' : 'pembulatan',
  severity,
  actual: null,
  expected: null,
  message,
  related: [],
});

describe('planMarks', () => {
  it('marks each cell once, with the worst severity and every message, worst first', () => {
    const plans = planMarks([f('F14', 'info', 'Selisih pembulatan.'), f('F14', 'error', 'Pagu kegiatan salah.'), f('K27', 'warning', 'Periksa.')]);
    expect(plans).toHaveLength(2);
    const f14 = plans.find((p) => p.cell === 'F14')!;
    expect(f14).toMatchObject({ row: 13, col: 5, severity: 'error', fill: SEVERITY_FILL.error });
    expect(f14.note.split('\n')).toEqual([`${NOTE_AUTHOR}:`, 'Galat (jumlah-induk): Pagu kegiatan salah.', 'Info (pembulatan): Selisih pembulatan.']);
  });

  it('keeps sheets apart and leaves cells outside the grid to the list', () => {
    const plans = planMarks([f('A1', 'error', 'x', 'S1'), f('A1', 'error', 'y', 'S2'), f('XFE1', 'error', 'di luar')]);
    expect(plans.map((p) => `${p.sheet}!${p.cell}`)).toEqual(['S1!A1', 'S2!A1']);
  });

  it('never lets a message start a formula in the note', () => {
    const [plan] = planMarks([f('B2', 'error', '=HYPERLINK("http://contoh")')]);
    expect(plan.note).not.toMatch(/\n=/);
  });
});

describe('isMarkFill', () => {
  it('knows our three fills however a host spells them, and nothing else', () => {
    expect(['#FFC7CE', '#ffeb9c', 'DDEBF7'].map(isMarkFill)).toEqual([true, true, true]);
    // A planner's own colours, Sheets' "no fill" and Excel's missing fill are not ours.
    expect(['#00B050', '#ffffff', '', null, undefined].map(isMarkFill)).toEqual([false, false, false, false, false]);
  });
});

describe('temuanWidths', () => {
  it('fits the columns of 200,000 findings (a Math.max spread overflows the call stack)', () => {
    const finding = { sheet: 'L', cell: 'A1', rule: 'jumlah-induk', severity: 'info', actual: null, expected: null, message: 'm', related: [] } as Finding;
    const rows = Array.from({ length: 200_000 }, (_, i) => ({ finding, cells: TEMUAN_HEADERS.map(() => (i === 7 ? 'x'.repeat(30) : 'x')) }));
    const widths = temuanWidths(rows);
    expect(widths).toHaveLength(TEMUAN_HEADERS.length);
    expect(Math.min(...widths)).toBeGreaterThan(0);
  });
});
