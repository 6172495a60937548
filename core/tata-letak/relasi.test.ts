import { CellValue } from '../lembar/model';
import { findTables } from '.';
import { LEARN_ROWS, MAX_ROWS_OFF, MIN_SUPPORT, SUPPORT_SHARE } from './relasi';
import { spreadSample } from './contoh';

const table = (values: CellValue[][]) => findTables({ name: 'Uji', values, typed: false })[0];

/** Pagu, realisasi and their percent on n rows, with `wrong` rows of the percent broken. */
function rows(n: number, wrong: number): CellValue[][] {
  const out: CellValue[][] = [['No', 'Uraian', 'Sumber', 'Hasil', 'Data']];
  for (let i = 1; i <= n; i++) {
    const a = 1_000_000 * (i + 3);
    const b = 1_000 * (i * 37 + 500);
    const pct = ((b / a) * 100).toFixed(2).replace('.', ',');
    out.push([String(i), `Baris ${i}`, a.toLocaleString('id-ID'), b.toLocaleString('id-ID'), i <= wrong ? '12,34' : pct]);
  }
  return out;
}

describe('relations learned from the numbers', () => {
  it('uses the documented thresholds', () => {
    expect([MIN_SUPPORT, SUPPORT_SHARE]).toEqual([3, 0.8]);
  });

  it('finds a percent of two columns whatever the headers say', () => {
    expect(table(rows(5, 0)).relations).toEqual([
      { kind: 'persen', target: 4, operands: [3, 2], holds: 5, rows: 5, headerRole: 'lainnya' },
    ]);
  });

  it('keeps a relation that holds on 4 of 5 rows (80 %), drops one that holds on 4 of 6 (67 %)', () => {
    expect(table(rows(5, 1)).relations).toEqual([
      { kind: 'persen', target: 4, operands: [3, 2], holds: 4, rows: 5, headerRole: 'lainnya' },
    ]);
    expect(table(rows(6, 2)).relations).toEqual([]);
  });

  // One error in a table of four rows left 3 of 4 (75 %): the relation was dropped and the
  // error went unreported. One row off is always allowed; two are not.
  it('keeps a relation with one row off in a table of four rows, not with two', () => {
    expect(MAX_ROWS_OFF).toBe(1);
    expect(table(rows(4, 1)).relations).toEqual([
      { kind: 'persen', target: 4, operands: [3, 2], holds: 3, rows: 4, headerRole: 'lainnya' },
    ]);
    expect(table(rows(4, 2)).relations).toEqual([]);
  });

  it('needs at least three rows', () => {
    expect(table(rows(2, 0)).relations).toEqual([]);
  });

  it('finds nothing between unrelated columns', () => {
    const t = table([
      ['No', 'Uraian', 'Sumber', 'Hasil', 'Data'],
      ['1', 'a', '12', '7', '33'],
      ['2', 'b', '40', '18', '5'],
      ['3', 'c', '9', '27', '61'],
      ['4', 'd', '15', '3', '8'],
    ]);
    expect(t.relations).toEqual([]);
  });

  it('a difference that is a copy (the subtracted column all zero) is no evidence', () => {
    const t = table([
      ['No', 'Uraian', 'Sumber', 'Hasil', 'Data'],
      ['1', 'a', '1.000.000', '0', '1.000.000'],
      ['2', 'b', '2.000.000', '0', '2.000.000'],
      ['3', 'c', '3.000.000', '0', '3.000.000'],
    ]);
    expect(t.relations).toEqual([]);
  });

  it('a percent column under a money header is not money once the numbers show it is a percent', () => {
    const t = table([
      ['No', 'Uraian', 'Dana | Alokasi', 'Dana | Terpakai', 'Dana | Persentase'],
      ['1', 'a', '1.000.000', '900.000', '90,00'],
      ['2', 'b', '2.000.000', '1.500.000', '75,00'],
      ['3', 'c', '4.000.000', '3.000.000', '75,00'],
    ]);
    const pct = t.columns[4];
    expect(pct.money).toBe(false);
    expect(t.relations?.[0]).toMatchObject({ kind: 'persen', target: 4, headerRole: 'pagu' });
    // The unnamed input of a percent of money is money: its parents get summed.
    expect(t.columns[3].money).toBe(true);
  });

  // A long table whose first 2,100 rows are not yet realised (pagu only): learned from the
  // first LEARN_ROWS rows, the percent column held no number and was never checked.
  it('learns from rows spread over the whole table, not only its first LEARN_ROWS', () => {
    const values = rows(2_500, 0);
    for (let i = 1; i <= 2_100; i++) values[i][3] = values[i][4] = '';
    const t = table(values);
    expect(2_100).toBeGreaterThan(LEARN_ROWS);
    expect(t.relations).toHaveLength(1);
    expect(t.relations![0]).toMatchObject({ kind: 'persen', target: 4, operands: [3, 2], sampledFrom: 2_500 });
    expect(t.relations![0].rows).toBeLessThanOrEqual(LEARN_ROWS);
  });
});

describe('spreadSample', () => {
  it('keeps a short list whole and spreads a long one from first to last', () => {
    expect(spreadSample([1, 2, 3], 5)).toEqual([1, 2, 3]);
    const xs = Array.from({ length: 10_001 }, (_, i) => i);
    const s = spreadSample(xs, 101);
    expect(s).toHaveLength(101);
    expect(s[0]).toBe(0);
    expect(s[100]).toBe(10_000);
    expect(s[50]).toBe(5_000);
  });
});
