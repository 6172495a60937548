import fc from 'fast-check';
import { Dec } from './desimal';
import { formatNumber } from './format';
import { parseCell } from './parse';

describe('formatNumber', () => {
  it.each<[Dec | number, string]>([
    [29822934000, '29.822.934.000'],
    [92.5, '92,5'],
    [new Dec('-1270.25'), '-1.270,25'],
    [0, '0'],
    [999, '999'],
    [1000, '1.000'],
    [new Dec('0.259'), '0,259'],
    [new Dec('1000000000000000'), '1.000.000.000.000.000'],
    [1e21, '1.000.000.000.000.000.000.000'],
  ])('%p in id-ID is %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('en-US style swaps the marks', () => {
    expect(formatNumber(new Dec('6867723003'), { style: 'en' })).toBe('6,867,723,003');
    expect(formatNumber(new Dec('-1270.25'), { style: 'en' })).toBe('-1,270.25');
  });

  it('rounds half-up to the asked decimals and shows them even when zero', () => {
    expect(formatNumber(100, { decimals: 2 })).toBe('100,00');
    expect(formatNumber(new Dec('90.995'), { decimals: 2 })).toBe('91,00');
    expect(formatNumber(new Dec('97.5968'), { decimals: 2 })).toBe('97,60');
    // Half-up on the decimal as written, not on the nearest double (1.005 is 1.00499… as a double).
    expect(formatNumber(1.005, { decimals: 2 })).toBe('1,01');
    expect(formatNumber(new Dec('-2.5'), { decimals: 0 })).toBe('-3');
  });

  it('a negative value that rounds to zero shows no minus sign', () => {
    expect(formatNumber(new Dec('-0.001'), { decimals: 2 })).toBe('0,00');
    expect(formatNumber(-0)).toBe('0');
  });
});

describe('format → parse round trip (money in both number styles)', () => {
  const integers = fc.bigInt({ min: -(BigInt(10) ** BigInt(15)), max: BigInt(10) ** BigInt(15) }).map((n) => new Dec(n.toString()));
  const twoDecimals = fc
    .bigInt({ min: -(BigInt(10) ** BigInt(17)), max: BigInt(10) ** BigInt(17) })
    .map((cents) => new Dec(cents.toString()).div(100));

  // A single group (`1.270`, `1,270`) is ambiguous; the column's decision is what reads it,
  // so the round trip passes the decimal mark of the style it formatted with.
  const roundTrip = (x: Dec, style: 'id' | 'en', decimals?: number) => {
    const text = formatNumber(x, { style, decimals });
    const p = parseCell(text, { decimalMark: style === 'id' ? ',' : '.' });
    expect(p.problems).toEqual([]);
    expect(p.value?.toFixed()).toBe(x.toFixed());
  };

  it.each(['id', 'en'] as const)('integers up to 10^15 in %s style', (style) => {
    fc.assert(
      fc.property(integers, (x) => roundTrip(x, style)),
      { numRuns: 2000 },
    );
  });

  it.each(['id', 'en'] as const)('two-decimal values in %s style, shortest and with ,00', (style) => {
    fc.assert(
      fc.property(twoDecimals, (x) => {
        roundTrip(x, style);
        roundTrip(x, style, 2);
      }),
      { numRuns: 2000 },
    );
  });

  it('id-ID needs no column decision: the default reading is id-ID', () => {
    fc.assert(
      fc.property(twoDecimals, (x) => {
        const p = parseCell(formatNumber(x, { decimals: 2 }));
        expect(p.value?.toFixed()).toBe(x.toFixed());
      }),
      { numRuns: 1000 },
    );
  });

  it('the single-group cases the property relies on are really covered', () => {
    roundTrip(new Dec(1270), 'en');
    roundTrip(new Dec(1270), 'id');
    roundTrip(new Dec(-999000), 'en');
    roundTrip(new Dec('1270.5'), 'en');
  });
});
