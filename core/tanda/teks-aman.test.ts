import fc from 'fast-check';
import { neutralise, shownValue } from './teks-aman';
import { markablePosition, noteLines, uniqueSheetName, worstSeverity } from './index';
import { Finding } from '../periksa/temuan';

describe('neutralise', () => {
  test.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+62 811', "'+62 811"],
    ['-2+3+cmd|calc', "'-2+3+cmd|calc"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1', "'\t=1"],
    ['＝1+1', "'＝1+1"],
    ['Pagu 5.000', 'Pagu 5.000'],
    ['-', '-'],
    ['-1.270,5', '-1.270,5'],
    ['-12%', '-12%'],
  ])('%j → %j', (input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });

  test('no neutralised text starts a formula, and other text is untouched', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = neutralise(s);
        const plainNumber = /^[-+]?\d[\d.,]*%?$/.test(s) || s === '-';
        if (!plainNumber) expect(/^[=+\-@\t\r]/.test(out)).toBe(false);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
    );
  });
});

describe('shownValue', () => {
  test('plain decimals from the checker read in id-ID form; anything else as written', () => {
    expect(shownValue('175000000')).toBe('175.000.000');
    expect(shownValue('92.5')).toBe('92,5');
    expect(shownValue('-1270.25')).toBe('-1.270,25');
    expect(shownValue('1.270')).toBe('1.270'); // not canonical: a typed text, kept
    expect(shownValue('24 bln')).toBe('24 bln');
    expect(shownValue(null)).toBe('');
    expect(shownValue('=1+1')).toBe("'=1+1");
  });
});

const finding = (severity: Finding['severity'], rule: Finding['rule'], message: string): Finding => ({
  sheet: 'S',
  cell: 'A1',
  rule,
  severity,
  actual: null,
  expected: null,
  message,
  related: [],
});

test('several findings on a cell: the worst severity wins and every message is a line, worst first', () => {
  const list = [finding('info', 'pembulatan', 'b'), finding('error', 'rumus-kolom', 'a'), finding('warning', 'satuan', '@c')];
  expect(worstSeverity(list)).toBe('error');
  expect(noteLines(list)).toEqual(['Galat (rumus-kolom): a', "Peringatan (satuan): '@c", 'Info (pembulatan): b']);
});

test('the findings sheet takes a free name, compared as Excel does without case', () => {
  expect(uniqueSheetName(['Data'])).toBe('Temuan');
  expect(uniqueSheetName(['temuan', 'TEMUAN (2)'])).toBe('Temuan (3)');
});

test("a cell past Excel's last column or row cannot be marked (it is only listed)", () => {
  expect(markablePosition('XFD1048576')).toEqual({ row: 1048575, col: 16383 });
  expect(markablePosition('XFE1')).toBeNull();
  expect(markablePosition('A1048577')).toBeNull();
});
