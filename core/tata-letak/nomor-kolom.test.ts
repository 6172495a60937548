import { normalizeFormula, parseNumberLabel } from './nomor-kolom';

describe('parseNumberLabel', () => {
  it.each<[unknown, string, number, string | null]>([
    ['1', '1', 1, null],
    [12, '12', 12, null],
    ['(7)', '(7)', 7, null],
    ['6=4/5*100', '6', 6, '4/5*100'],
    ['8 = (7/6)', '8', 8, '(7/6)'],
    ['10 = 5+7+9', '10', 10, '5+7+9'],
    ['11 =10/4', '11', 11, '10/4'],
    ['13=6+12', '13', 13, '6+12'],
    ['14=13/5x100%', '14', 14, '13/5*100'],
    ['13 = 6 + 12', '13', 13, '6+12'],
    ['14 = 13 / 5 × 100 %', '14', 14, '13/5*100'],
    ['(6) = (4)/(5) X 100', '(6)', 6, '4/5*100'],
  ])('%p', (input, label, number, formula) => {
    expect(parseNumberLabel(input)).toEqual({ label, number, formula });
  });

  it.each(['Target', '2,5', '0', '6 = Target/5', '7 = (4/5', '', null, 1.5])('%p is not a column number', (input) => {
    expect(parseNumberLabel(input)).toBeNull();
  });
});

describe('normalizeFormula', () => {
  it('keeps grouping parentheses and drops those around a single column', () => {
    expect(normalizeFormula('((5)+(7))/(4) x 100')).toBe('(5+7)/4*100');
  });
});
