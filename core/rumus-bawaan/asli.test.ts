import { barisAsli, KOLOM_ASLI, rencanaKembali } from './asli';
import { planRewrite } from './index';

describe('the way back from native formulas', () => {
  const plan = planRewrite([
    { sheet: 'Capaian', cell: 'F5', formula: '=CAPAIAN(D5,E5)' },
    { sheet: 'Capaian', cell: 'F6', formula: '=SAKIP.CAPAIAN(D6,E6)' },
  ]);

  it('lists each converted cell with its original, its native formula and a remark, in the one format', () => {
    const rows = barisAsli(plan.converted);
    expect(rows).toHaveLength(2);
    expect(rows[0].slice(0, 3)).toEqual(['Capaian', 'F5', '=CAPAIAN(D5,E5)']);
    expect(rows[0][3]).toBe(`=${plan.converted[0].native.replace(/^=/, '')}`);
    expect(rows[0]).toHaveLength(KOLOM_ASLI.length);
    // The CLI writes formulas without "=" (as the file stores them): the record has it all the same.
    expect(barisAsli([{ ...plan.converted[0], formula: 'CAPAIAN(D5,E5)', keterangan: 'rumus bersama untuk F5:F9' }])[0]).toEqual([
      'Capaian',
      'F5',
      '=CAPAIAN(D5,E5)',
      rows[0][3],
      'rumus bersama untuk F5:F9',
    ]);
  });

  it('a short row (a host trims empty cells) is kept, never a crash', () => {
    const rows = [[...KOLOM_ASLI], ['Capaian', 'F5', '=CAPAIAN(D5,E5)'], ['Capaian', 'F6']];
    expect(rencanaKembali(rows, () => '=X')).toEqual({ restore: [], kept: [{ sheet: 'Capaian', cell: 'F5' }] });
  });

  it('a copy the CLI wrote before the one format (its 4th column a remark) is kept: there is no native formula to compare', () => {
    const rows = [
      ['Lembar', 'Sel', 'Rumus asli', 'Keterangan'],
      ['Anggaran', 'C2', '=SERAPAN(B2,A2)', 'rumus bersama untuk C2:C4'],
    ];
    expect(rencanaKembali(rows, () => 'rumus bersama untuk C2:C4')).toEqual({ restore: [], kept: [{ sheet: 'Anggaran', cell: 'C2' }] });
  });

  it('restores only cells that still hold the native formula we wrote', () => {
    const rows = [[...KOLOM_ASLI], ...barisAsli(plan.converted)];
    const now: Record<string, string> = { F5: plan.converted[0].native, F6: '=D6/E6*100' };
    const { restore, kept } = rencanaKembali(rows, (_s, cell) => now[cell] ?? null);
    expect(restore).toEqual([{ sheet: 'Capaian', cell: 'F5', formula: '=CAPAIAN(D5,E5)' }]);
    expect(kept).toEqual([{ sheet: 'Capaian', cell: 'F6' }]);
  });

  it('keeps the first record of a cell converted twice', () => {
    const first = ['S', 'A1', '=CAPAIAN(B1,C1)', '=X'];
    const second = ['S', 'A1', '=X', '=X'];
    expect(rencanaKembali([first, second], () => '=x').restore).toEqual([{ sheet: 'S', cell: 'A1', formula: '=CAPAIAN(B1,C1)' }]);
  });
});
