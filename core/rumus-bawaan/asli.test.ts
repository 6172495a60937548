import { barisAsli, KOLOM_ASLI, rencanaKembali } from './asli';
import { planRewrite } from './index';

describe('the way back from native formulas', () => {
  const plan = planRewrite([
    { sheet: 'Capaian', cell: 'F5', formula: '=CAPAIAN(D5,E5)' },
    { sheet: 'Capaian', cell: 'F6', formula: '=SAKIP.CAPAIAN(D6,E6)' },
  ]);

  it('lists each converted cell with its original and its native formula', () => {
    const rows = barisAsli(plan.converted);
    expect(rows).toHaveLength(2);
    expect(rows[0].slice(0, 3)).toEqual(['Capaian', 'F5', '=CAPAIAN(D5,E5)']);
    expect(rows[0][3]).toBe(plan.converted[0].native);
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
