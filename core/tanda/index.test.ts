import { Finding } from '../periksa/temuan';
import { gabunganDari, isMarkFill, NOTE_AUTHOR, planMarks, SEVERITY_FILL, TEMUAN_HEADERS, temuanWidths } from './index';

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
  it("marks a finding on a covered cell of a merged area on the area's anchor, the one cell Excel and Sheets show", () => {
    // G15:G16 merged (G16 covered), B3:D3 merged; the sheet read from B2 (origin row 1, col 1).
    const sheet = {
      name: 'Tabel 2.3',
      values: [],
      typed: true,
      origin: { row: 1, col: 1 },
      merges: [
        { top: 13, left: 5, bottom: 14, right: 5 },
        { top: 1, left: 0, bottom: 1, right: 2 },
      ],
    };
    const gabungan = gabunganDari([sheet]);
    expect(gabungan.get('Tabel 2.3')).toEqual([
      { top: 14, left: 6, bottom: 15, right: 6 },
      { top: 2, left: 1, bottom: 2, right: 3 },
    ]);
    const plans = planMarks(
      [
        f('G16', 'error', 'Pagu kegiatan salah.'),
        f('G15', 'info', 'Selisih pembulatan.'),
        f('D3', 'warning', 'Periksa.'),
        f('G16', 'error', 'Di lembar lain.', 'Lain'),
      ],
      gabungan,
    );
    expect(plans.map((p) => `${p.sheet}!${p.cell}`).sort()).toEqual(['Lain!G16', 'Tabel 2.3!B3', 'Tabel 2.3!G15']);
    const g15 = plans.find((p) => p.cell === 'G15')!;
    expect(g15).toMatchObject({ row: 14, col: 6, severity: 'error' });
    // The covered cell's finding says which cell it is about; the anchor's own does not.
    expect(g15.note.split('\n')).toEqual([
      `${NOTE_AUTHOR}:`,
      'Galat (jumlah-induk) sel G16: Pagu kegiatan salah.',
      'Info (pembulatan): Selisih pembulatan.',
    ]);
    expect(plans.find((p) => p.cell === 'B3')!.note).toContain('Peringatan (pembulatan) sel D3: Periksa.');
    // Without merges every cell keeps its own mark.
    expect(planMarks([f('G16', 'error', 'x'), f('G15', 'info', 'y')]).map((p) => p.cell)).toEqual(['G16', 'G15']);
  });

  it('finds the anchor of a whole-column merge without walking its cells', () => {
    const sheet = { name: 'S', values: [], typed: true, merges: [{ top: 0, left: 2, bottom: 1048575, right: 2 }] };
    const findings = Array.from({ length: 50_000 }, (_, i) => f(`C${i + 2}`, 'warning', `baris ${i}`, 'S'));
    const plans = planMarks(findings, gabunganDari([sheet]));
    expect(plans).toHaveLength(1);
    expect(plans[0].cell).toBe('C1');
    expect(plans[0].findings).toHaveLength(50_000);
  });

  it('marks each cell once, with the worst severity and every message, worst first', () => {
    const plans = planMarks([
      f('F14', 'info', 'Selisih pembulatan.'),
      f('F14', 'error', 'Pagu kegiatan salah.'),
      f('K27', 'warning', 'Periksa.'),
    ]);
    expect(plans).toHaveLength(2);
    const f14 = plans.find((p) => p.cell === 'F14')!;
    expect(f14).toMatchObject({ row: 13, col: 5, severity: 'error', fill: SEVERITY_FILL.error });
    expect(f14.note.split('\n')).toEqual([
      `${NOTE_AUTHOR}:`,
      'Galat (jumlah-induk): Pagu kegiatan salah.',
      'Info (pembulatan): Selisih pembulatan.',
    ]);
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
    const finding = {
      sheet: 'L',
      cell: 'A1',
      rule: 'jumlah-induk',
      severity: 'info',
      actual: null,
      expected: null,
      message: 'm',
      related: [],
    } as Finding;
    const rows = Array.from({ length: 200_000 }, (_, i) => ({
      finding,
      cells: TEMUAN_HEADERS.map(() => (i === 7 ? 'x'.repeat(30) : 'x')),
    }));
    const widths = temuanWidths(rows);
    expect(widths).toHaveLength(TEMUAN_HEADERS.length);
    expect(Math.min(...widths)).toBeGreaterThan(0);
  });
});
