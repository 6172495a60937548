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
    expect(readNumberFormat(code)).toEqual({ percent, decimals, date: false });
  });

  it.each(['dd/mm/yyyy', 'm/d/yyyy', 'd mmmm yyyy', '[$-421]dd mmmm yyyy', 'dd/MM/yyyy', 'h:mm', '[h]:mm:ss', 'yyyy-mm-dd;@'])(
    '%s is a date or time format',
    (code) => {
      expect(readNumberFormat(code).date).toBe(true);
    },
  );

  it.each(['General', 'Standard', '[Red]General', '#,##0 "hari"', '_-* #,##0_-;-* #,##0_-', '0.00E+00', '"Rp"#,##0'])(
    '%s is not a date format',
    (code) => {
      expect(readNumberFormat(code).date).toBe(false);
    },
  );
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

  it('reads a date serial under a date format as that date, never as an amount', () => {
    const p = applyNumberFormat(parseCell(45657), 'dd/mm/yyyy');
    expect(p).toMatchObject({ kind: 'invalid', value: null, text: '2024-12-31' });
    expect(p.problems).toEqual([{ code: 'date', message: 'Sel berisi tanggal (2024-12-31), bukan angka.' }]);
    expect(applyNumberFormat(parseCell(45657.5), 'dd/mm/yyyy hh:mm').text).toBe('2024-12-31 12:00');
    expect(applyNumberFormat(parseCell(1), 'dd/mm/yyyy').text).toBe('1900-01-01');
  });

  it('takes the shown decimals from the format for plain numbers', () => {
    const p = applyNumberFormat(parseCell(92.4987), '0.00');
    expect(p.value?.toString()).toBe('92.4987');
    expect(p.decimals).toBe(2);
  });
});
