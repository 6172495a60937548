import fc from 'fast-check';
import { Dec } from './desimal';
import { NumberKind, ParsedCell, ProblemCode, parseCell, ParseOptions } from './parse';

interface Expected {
  kind: NumberKind;
  /** Plain decimal string (`29822934000`, `0.259`) or null. */
  value: string | null;
  unit?: string | null;
  problems?: ProblemCode[];
  alternative?: string | null;
  decimals?: number | null;
}

function expectCell(input: unknown, e: Expected, options?: ParseOptions): ParsedCell {
  const p = parseCell(input, options);
  expect({
    kind: p.kind,
    value: p.value === null ? null : p.value.toFixed(),
    unit: p.unit,
    problems: p.problems.map((x) => x.code),
    alternative: p.alternative === null ? null : p.alternative.toFixed(),
    ...(e.decimals !== undefined ? { decimals: p.decimals } : {}),
  }).toEqual({
    kind: e.kind,
    value: e.value,
    unit: e.unit ?? null,
    problems: e.problems ?? [],
    alternative: e.alternative ?? null,
    ...(e.decimals !== undefined ? { decimals: e.decimals } : {}),
  });
  return p;
}

describe('docs/angka.md: money', () => {
  it.each<[string, string, number]>([
    ['29.822.934.000', '29822934000', 0],
    ['2,809,627,670', '2809627670', 0],
    ['6,867,723,003.00', '6867723003', 2],
    ['Rp. 3.608.747.543,00', '3608747543', 2],
    ['Rp.2.570.891.160,00', '2570891160', 2],
    ['5.000.000,-', '5000000', 0],
    ['Rp 5.000.000,-', '5000000', 0],
    ['Rp 12.000.000,00,-', '12000000', 2],
  ])('%s is money %s', (input, value, decimals) => {
    const p = expectCell(input, { kind: 'money', value, decimals });
    expect(p.fromText).toBe(true);
    expect(p.text).toBe(input);
  });

  it('a plain digit string has no grouping, so nothing says it is money', () => {
    expectCell('456863500', { kind: 'number', value: '456863500', decimals: 0 });
  });

  it('records which mark grouped and which was decimal, for the column vote', () => {
    expect(parseCell('29.822.934.000').marks).toEqual({ grouping: '.', decimal: null, ambiguous: null });
    expect(parseCell('6,867,723,003.00').marks).toEqual({ grouping: ',', decimal: '.', ambiguous: null });
    expect(parseCell('Rp. 3.608.747.543,00').marks).toEqual({ grouping: '.', decimal: ',', ambiguous: null });
  });

  it('reads negative money', () => {
    expectCell('-1.270.000', { kind: 'money', value: '-1270000' });
    expectCell('Rp -5.000.000', { kind: 'money', value: '-5000000' });
    expectCell('-Rp 5.000.000', { kind: 'money', value: '-5000000' });
    expectCell('\u22122.500.000', { kind: 'money', value: '-2500000' });
  });

  it('treats `Rp -` as the money form of nothing, and a bare `Rp` heading as text', () => {
    expectCell('Rp -', { kind: 'empty', value: null });
    expectCell('Rp. -,-', { kind: 'empty', value: null });
    expectCell('Rp', { kind: 'text', value: null });
    expectCell('Rp.', { kind: 'text', value: null });
  });
});

describe('docs/angka.md: plain decimals and percents', () => {
  it.each<[string, string, number]>([
    ['92,5', '92.5', 1],
    ['85,2', '85.2', 1],
    ['0,259', '0.259', 3],
    ['0.259', '0.259', 3],
    ['1,2345', '1.2345', 4],
    [',5', '0.5', 1],
    ['-3,75', '-3.75', 2],
  ])('%s is the number %s', (input, value, decimals) => {
    expectCell(input, { kind: 'number', value, decimals });
  });

  it.each<[string, string, number]>([
    ['99,88 %', '99.88', 2],
    ['100 (%)', '100', 0],
    ['7,28 Persen', '7.28', 2],
    ['97,10%', '97.1', 2],
    ['2.90%', '2.9', 2],
    ['0.00 %', '0', 2],
    ['12 prosen', '12', 0],
    ['1.000,5 %', '1000.5', 1],
  ])('%s is the percent %s, kept as written (not divided by 100)', (input, value, decimals) => {
    expectCell(input, { kind: 'percent', value, unit: 'persen', decimals });
  });
});

describe('docs/angka.md: quantity with satuan', () => {
  it.each<[string, string, string, string]>([
    ['84 Angka', '84', 'angka', 'Angka'],
    ['54 Dokumen', '54', 'dokumen', 'Dokumen'],
    ['200 Orang', '200', 'orang', 'Orang'],
    ['34 Orang/Bulan', '34', 'orang/bulan', 'Orang/Bulan'],
    ['24 bln', '24', 'bulan', 'bln'],
    ['2 org', '2', 'orang', 'org'],
    ['3 Dok', '3', 'dokumen', 'Dok'],
    ['12bln', '12', 'bulan', 'bln'],
    ['2,5 km', '2.5', 'km', 'km'],
    ['100 m²', '100', 'm²', 'm²'],
  ])('%s is %s %s', (input, value, unit, rawUnit) => {
    const p = expectCell(input, { kind: 'quantity', value, unit });
    expect(p.rawUnit).toBe(rawUnit);
  });

  it('a satuan of percent makes a percent', () => {
    expectCell('12 persen', { kind: 'percent', value: '12', unit: 'persen' });
  });

  it('`1.270 orang` is an ambiguous single group, read the id-ID way by default', () => {
    expectCell('1.270 orang', {
      kind: 'quantity',
      value: '1270',
      unit: 'orang',
      problems: ['ambiguous-group'],
      alternative: '1.27',
    });
  });

  it.each(['1. Nilai SAKIP Dinas Sosial', 'Dinas Sosial', '1 Nilai SAKIP Dinas Sosial Kabupaten', 'Tahun 2023', 'TW I'])(
    '%s is text, not a quantity',
    (input) => {
      expectCell(input, { kind: 'text', value: null });
    },
  );

  it.each(['31/12/2023', '3/4', '1/2 bulan', '2 x 3', '10 - 20', '100-120', '5.'])(
    '%s is text: a date, a fraction, a range or an expression is not a number with a satuan',
    (input) => {
      expectCell(input, { kind: 'text', value: null });
    },
  );
});

describe('docs/angka.md: no value', () => {
  it.each(['-', '', '   ', 'NIHIL', 'nihil', '0 0', '–', '—', '--', 'n/a'])('%j is empty, not zero', (input) => {
    expectCell(input, { kind: 'empty', value: null });
  });

  it('null and undefined are empty', () => {
    expectCell(null, { kind: 'empty', value: null });
    expectCell(undefined, { kind: 'empty', value: null });
  });

  it('zero is a value, not empty', () => {
    expectCell('0', { kind: 'number', value: '0' });
    expectCell(0, { kind: 'number', value: '0' });
    expectCell('Rp 0,-', { kind: 'money', value: '0' });
  });
});

describe('docs/angka.md: malformed or mixed', () => {
  it.each(['53.600.0000', '96.080.00', '1,270,5', '1..2', '1.234,5.6', '1,5.25'])('%s is malformed: a finding, no value', (input) => {
    const p = expectCell(input, { kind: 'invalid', value: null, problems: ['malformed-group'] });
    expect(p.problems[0].message).toContain(input);
  });

  it('29,822,934.850 offers both readings and chooses none', () => {
    const p = expectCell('29,822,934.850', {
      kind: 'invalid',
      value: null,
      problems: ['mixed-marks'],
      alternative: '29822934850',
    });
    expect(p.readings?.map((d) => d.toFixed())).toEqual(['29822934850', '29822934.85']);
    expect(p.problems[0].message).toBe(
      'Penulisan angka "29,822,934.850" mencampur pemisah ribuan "," dan ".": dapat dibaca 29.822.934.850 atau 29.822.934,85.',
    );
  });

  it('the id-ID mirror of mixed marks is reported the same way', () => {
    const p = expectCell('1.234,567', { kind: 'invalid', value: null, problems: ['mixed-marks'], alternative: '1234567' });
    expect(p.readings?.map((d) => d.toFixed())).toEqual(['1234567', '1234.567']);
  });

  it('codes and outline numbering with short groups are text, not malformed numbers', () => {
    expectCell('1.06.04.2.01.0001', { kind: 'text', value: null });
    expectCell('1.1.1', { kind: 'text', value: null });
    expectCell('0,5,5', { kind: 'text', value: null });
  });

  it('scientific notation is reported: the digits past the sixth may be lost', () => {
    const p = expectCell('2,98229E+10', { kind: 'invalid', value: null, problems: ['not-a-number'], alternative: '29822900000' });
    expect(p.fromText).toBe(true);
    expectCell('1e5', { kind: 'invalid', value: null, problems: ['not-a-number'], alternative: '100000' });
  });
});

describe('docs/angka.md: a single group is ambiguous', () => {
  it('1.270 reads 1270 by default (id-ID), with 1,27 offered and the doubt reported', () => {
    const p = expectCell('1.270', {
      kind: 'number',
      value: '1270',
      problems: ['ambiguous-group'],
      alternative: '1.27',
      decimals: 0,
    });
    expect(p.marks).toEqual({ grouping: null, decimal: null, ambiguous: '.' });
    expect(p.problems[0].message).toBe('Angka "1.270" dapat dibaca 1.270 atau 1,27; dibaca 1.270 sesuai kebiasaan Indonesia.');
  });

  it('1,270 reads 1,27 by default (id-ID), with 1270 offered', () => {
    const p = expectCell('1,270', {
      kind: 'number',
      value: '1.27',
      problems: ['ambiguous-group'],
      alternative: '1270',
      decimals: 3,
    });
    expect(p.problems[0].message).toBe('Angka "1,270" dapat dibaca 1.270 atau 1,27; dibaca 1,27 sesuai kebiasaan Indonesia.');
  });

  it('the column decision reads the group and silences the per-cell doubt', () => {
    expectCell('1.270', { kind: 'number', value: '1.27', alternative: '1270', decimals: 3 }, { decimalMark: '.' });
    expectCell('1.270', { kind: 'number', value: '1270', alternative: '1.27', decimals: 0 }, { decimalMark: ',' });
    expectCell('1,270', { kind: 'number', value: '1270', alternative: '1.27' }, { decimalMark: '.' });
    expectCell('1,270', { kind: 'number', value: '1270', alternative: '1.27' }, { decimalMark: 'none' });
    expectCell('1.270', { kind: 'number', value: '1270', alternative: '1.27' }, { decimalMark: 'none' });
  });

  it('a group after 0, after a leading zero, or after more than three digits is decimal', () => {
    expectCell('0,259', { kind: 'number', value: '0.259' }, { decimalMark: 'none' });
    expectCell('0.259', { kind: 'number', value: '0.259' }, { decimalMark: ',' });
    expectCell('1234,567', { kind: 'number', value: '1234.567' });
    expectCell('012,345', { kind: 'number', value: '12.345' });
  });

  it('a negative single group keeps its sign in both readings', () => {
    const p = expectCell('-1.000', { kind: 'number', value: '-1000', problems: ['ambiguous-group'], alternative: '-1' });
    expect(p.problems[0].message).toBe('Angka "-1.000" dapat dibaca -1.000 atau -1; dibaca -1.000 sesuai kebiasaan Indonesia.');
  });
});

describe('what hosts hand over besides text', () => {
  it('native numbers are exact and not from text', () => {
    const p = expectCell(29822934000, { kind: 'number', value: '29822934000', decimals: null });
    expect(p.fromText).toBe(false);
    expectCell(0.1, { kind: 'number', value: '0.1' });
    expectCell(-92.5, { kind: 'number', value: '-92.5' });
    expect(parseCell(-0).text).toBe('0');
  });

  it.each(['#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#ref!'])('%s is an error value', (input) => {
    const p = expectCell(input, { kind: 'invalid', value: null, problems: ['error-value'] });
    expect(p.problems[0].message).toBe(`Sel berisi nilai galat ${input.toUpperCase()}.`);
  });

  it.each([NaN, Infinity, -Infinity])('%p is not a number', (n) => {
    expectCell(n, { kind: 'invalid', value: null, problems: ['not-a-number'] });
  });

  it('booleans are not numbers', () => {
    const p = expectCell(true, { kind: 'invalid', value: null, problems: ['not-a-number'] });
    expect(p.text).toBe('TRUE');
    expectCell(false, { kind: 'invalid', value: null, problems: ['not-a-number'] });
  });

  it('a date is reported as a date, an invalid Date too', () => {
    const p = expectCell(new Date(Date.UTC(2024, 11, 31)), { kind: 'invalid', value: null, problems: ['date'] });
    expect(p.text).toBe('2024-12-31');
    expectCell(new Date('bukan tanggal'), { kind: 'invalid', value: null, problems: ['date'] });
  });

  it('objects, even hostile ones, are not numbers and do not throw', () => {
    expectCell({}, { kind: 'invalid', value: null, problems: ['not-a-number'] });
    expectCell(Object.create(null), { kind: 'invalid', value: null, problems: ['not-a-number'] });
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    expectCell(hostile, { kind: 'invalid', value: null, problems: ['not-a-number'] });
    expectCell(Symbol('s'), { kind: 'invalid', value: null, problems: ['not-a-number'] });
  });

  it('a bigint is read exactly', () => {
    expectCell(BigInt('123456789012345678901'), { kind: 'number', value: '123456789012345678901' });
  });

  it('non-breaking spaces and runs of spaces are normalised', () => {
    const p = expectCell('\u00a0Rp.\u00a03.608.747.543,00  ', { kind: 'money', value: '3608747543' });
    expect(p.text).toBe('Rp. 3.608.747.543,00');
    expectCell('34   Orang /  Bulan', { kind: 'quantity', value: '34', unit: 'orang/bulan' });
  });
});

describe('parseCell never throws', () => {
  const check = (input: unknown) => {
    const p = parseCell(input);
    expect(['number', 'money', 'percent', 'quantity', 'empty', 'text', 'invalid']).toContain(p.kind);
    // A kind that carries a value has one, and the others do not.
    expect(p.value !== null).toBe(['number', 'money', 'percent', 'quantity'].includes(p.kind));
  };

  it('on arbitrary strings, including unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), check), { numRuns: 1000 });
  });

  it('on strings built from the characters numbers are written with', () => {
    const chars = fc.constantFrom(...'0123456789.,-+ %RrPp()eE/'.split(''), 'Rp', 'persen', 'orang', '\u00a0');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (parts) => check(parts.join(''))),
      { numRuns: 3000 },
    );
  });

  it('on huge digit strings', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.constantFrom('', '.', ',', ' orang', 'x!'), (n, tail) =>
        check('9'.repeat(n) + tail),
      ),
      { numRuns: 50 },
    );
    const long = '1.'.repeat(50_000) + 'x';
    check(long);
    const p = parseCell('1' + '.000'.repeat(30_000));
    expect(p.kind).toBe('money');
    expect(p.value?.toFixed()).toBe('1' + '000'.repeat(30_000));
  });

  it('on arbitrary JS values', () => {
    fc.assert(fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true }), check), {
      numRuns: 1000,
    });
    fc.assert(fc.property(fc.double(), check), { numRuns: 1000 });
  });
});

describe('parsed values match their exact decimals', () => {
  it('a grouped id-ID integer is the integer', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: BigInt(1000000), max: BigInt(10) ** BigInt(15) }), (n) => {
        const grouped = n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        const p = parseCell(grouped);
        expect(p.kind).toBe('money');
        expect(p.value?.equals(new Dec(n.toString()))).toBe(true);
      }),
    );
  });
});

describe('the fast paths read exactly as the general path', () => {
  // A leading space sends a cell through the general path (cleaned, then read), so a cell and
  // the same cell with a space must give the same reading, whichever path the first took.
  const same = (s: string, options: ParseOptions = {}) => {
    const fast = parseCell(s, options);
    const general = parseCell(' ' + s, options);
    expect({ ...fast, value: fast.value?.toFixed() ?? null, alternative: fast.alternative?.toFixed() ?? null }).toEqual({
      ...general,
      value: general.value?.toFixed() ?? null,
      alternative: general.alternative?.toFixed() ?? null,
    });
    expect(fast.decimals).toBe(general.decimals);
  };

  it('on money as documents print it', () => {
    for (const s of [
      'Rp 1.234',
      'Rp. 1.234,00',
      'Rp.1.234,00',
      'Rp1.234',
      'RP 5',
      'rp. 12,50',
      '1.234,-',
      '1.234.567.-',
      '-1.234,-',
      'Rp 0,00',
      'Rp 1.270',
      '1,270,-',
      'Rp 29,822,934.850',
      'Rp 53.600.0000',
      'Rp. -',
      'Rp -5',
      'Rp 1.1.1',
      '-,-',
      ',-',
    ]) {
      same(s);
      same(s, { decimalMark: '.' });
    }
  });

  it('on strings built from the characters money is written with', () => {
    const chars = fc.constantFrom(...'0123456789.,-+ '.split(''), 'Rp', 'Rp.', 'rp', ',00', ',-', '000');
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 12 }),
        fc.constantFrom<ParseOptions>({}, { decimalMark: '.' }, { decimalMark: 'none' }),
        (parts, o) => same(parts.join(''), o),
      ),
      { numRuns: 5000 },
    );
  });

  it('a zero fraction gives the value of the digits alone', () => {
    expect(parseCell('Rp. 1.234.567,00').value?.toFixed()).toBe('1234567');
    expect(parseCell('Rp. 1.234.567,00').decimals).toBe(2);
    expect(parseCell('-1.234.567,000').readings?.map((d) => d.toFixed())).toEqual(['-1234567000', '-1234567']);
  });
});

describe('a letter inside a number is a typo, not a satuan', () => {
  it.each([
    ['1O0', 'O', '0'],
    ['0,2S9', 'S', '5'],
    ['99,8B', 'B', '8'],
    ['1.2l0.000', 'l', '1'],
    ['1O0 Dokumen', 'O', '0'],
    ['0,2S9 %', 'S', '5'],
    ['10O', 'O', '0'],
  ])('%s is invalid and says which letter', (text, letter, digit) => {
    const p = parseCell(text);
    expect(p.kind).toBe('invalid');
    expect(p.value).toBeNull();
    expect(p.unit).toBeNull();
    expect(p.problems).toEqual([
      {
        code: 'not-a-number',
        message: `Angka "${text}" memuat huruf "${letter}" di antara angkanya; kemungkinan salah ketik (angka ${digit}?). Perbaiki isi sel ini; nilainya tidak dihitung.`,
      },
    ]);
  });

  it.each([
    ['12bln', '12', 'bulan'],
    ['100 m2', '100', 'm2'],
    ['100m2', '100', 'm2'],
    ['34 Orang/Bulan', '34', 'orang/bulan'],
    ['1,5 km', '1.5', 'km'],
    ['5G', '5', 'g'],
  ])('%s stays a quantity', (text, value, unit) => {
    const p = parseCell(text);
    expect(p.kind).toBe('quantity');
    expect(p.value?.toString()).toBe(value);
    expect(p.unit?.toLowerCase()).toBe(unit);
  });
});

describe('negatives written the accounting way', () => {
  it('reads a bracketed amount or percent as negative, like a minus sign', () => {
    expect(parseCell('(20.543.351.000)').value?.toFixed()).toBe('-20543351000');
    // Issue 13: "(1.000)" was text before; in a budget table it is the accountant's minus.
    expect(parseCell('(1.000)').value?.toFixed()).toBe('-1000');
    expect(parseCell('(22,17)').value?.toFixed()).toBe('-22.17');
    expect(parseCell('(22,17)').decimals).toBe(2);
    expect(parseCell('( Rp 5.000,00 )').value?.toFixed()).toBe('-5000');
    expect(parseCell('(3,5 %)').value?.toFixed()).toBe('-3.5');
    expect(parseCell('(3,5 %)').kind).toBe('percent');
    expect(parseCell('-1.234.567').value?.toFixed()).toBe('-1234567');
    // The cell keeps its text as written, brackets and all.
    expect(parseCell('(1.234.567)').text).toBe('(1.234.567)');
  });

  it('leaves words, satuan, signs and empty brackets as text', () => {
    for (const t of ['(%)', '(Rp)', '()', '(-5)', '(5 orang)', '(1) (2)', '(catatan)']) {
      expect([t, parseCell(t).value]).toEqual([t, null]);
    }
  });

  it('keeps a malformed amount in brackets a format problem, never a guess', () => {
    const p = parseCell('(53.600.0000)');
    expect(p.kind).toBe('invalid');
    expect(p.problems.map((x) => x.code)).toEqual(['malformed-group']);
  });
});
