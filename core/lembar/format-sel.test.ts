import { parseCell } from '../angka/parse';
import { applyNumberFormat, readNumberFormat } from './format-sel';

describe('readNumberFormat', () => {
  it.each([
    ['General', false, null],
    ['0.00%', true, 2],
    ['0%', true, 0],
    ['#,##0', false, 0],
    ['#,##0.00;[Red]-#,##0.00', false, 2],
    ['"Rp"#,##0.00', false, 2],
    ['_-* #,##0_-;-* #,##0_-', false, 0],
    ['0.0"%"', false, 1],
  ])('%s → percent %s, decimals %s', (code, percent, decimals) => {
    expect(readNumberFormat(code)).toEqual({ percent, decimals });
  });
});

describe('applyNumberFormat', () => {
  it('shows a percent-formatted 0.971 as 97,1 percent with two shown decimals', () => {
    const p = applyNumberFormat(parseCell(0.971), '0.00%');
    expect(p.kind).toBe('percent');
    expect(p.value?.toString()).toBe('97.1');
    expect(p.decimals).toBe(2);
  });

  it('leaves text cells exactly as typed', () => {
    const typed = parseCell('97,10%');
    expect(applyNumberFormat(typed, '0.00%')).toBe(typed);
  });

  it('takes the shown decimals from the format for plain numbers', () => {
    const p = applyNumberFormat(parseCell(92.4987), '0.00');
    expect(p.value?.toString()).toBe('92.4987');
    expect(p.decimals).toBe(2);
  });
});
