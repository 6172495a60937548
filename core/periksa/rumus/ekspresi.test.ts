import { Dec } from '../../angka/desimal';
import { columnsOf, evaluate, parseFormula, render } from './ekspresi';

describe('parseFormula', () => {
  const cols = new Set(['4', '5', '6', '7', '9', '10', '12', '13']);
  const isCol = (k: string) => cols.has(k);
  const show = (text: string) => {
    const e = parseFormula(text, isCol);
    return e && render(e, (k) => `[${k}]`);
  };

  it('reads the formulas tables print in their number row', () => {
    expect(show('4/5*100')).toBe('[4] / [5] × 100');
    expect(show('10/4')).toBe('[10] / [4]');
    expect(show('11 =10/4')).toBe('[10] / [4]');
    expect(show('6+12')).toBe('[6] + [12]');
    expect(show('13=6+12')).toBe('[6] + [12]');
    expect(show('14=13/5x100%')).toBe('[13] / [5] × 100');
    expect(show('8 = (7/6)')).toBe('[7] / [6]');
    expect(show('5+7+9')).toBe('[5] + [7] + [9]');
    expect(show('(5+7)/4*100')).toBe('([5] + [7]) / [4] × 100');
  });

  it('rejects what is not column arithmetic', () => {
    expect(parseFormula('abc', isCol)).toBeNull();
    expect(parseFormula('4/', isCol)).toBeNull();
    expect(parseFormula('(4/5', isCol)).toBeNull();
    expect(parseFormula('100', isCol)).toBeNull(); // no column at all
    expect(parseFormula('3/8', isCol)).toBeNull(); // columns 3 and 8 do not exist: constants only
  });

  it('evaluates exactly, with null for a zero divisor', () => {
    const e = parseFormula('(5+7)/4*100', isCol)!;
    expect(columnsOf(e)).toEqual(['5', '7', '4']);
    const v = { '5': new Dec(12), '7': new Dec(12), '4': new Dec(24) } as Record<string, Dec>;
    expect(evaluate(e, (k) => v[k])!.toFixed()).toBe('100');
    expect(evaluate(parseFormula('10/4', isCol)!, () => new Dec(0))).toBeNull();
  });
});
