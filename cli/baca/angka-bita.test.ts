import { decimalAt, digitsAt } from './angka-bita';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const fast = (text: string) => decimalAt(bytes(text), 0, Buffer.byteLength(text));

/** A small seeded generator, so that a failure names a text that can be run again. */
function generator(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = x;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function decimalText(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(random() * 10))).join('');
  let text = pick(['', '', '', '-', '+']);
  text += pick(['', '0', '00', '000000']);
  // Up to 22 digits in all: 16 to 20 digits are the mantissas the fast path must leave alone.
  const whole = Math.floor(random() * 21);
  text += digits(whole);
  if (random() < 0.6) text += '.' + digits(Math.floor(random() * (22 - whole)));
  if (random() < 0.35) text += pick(['e', 'E']) + pick(['', '-', '+']) + digits(1 + Math.floor(random() * 3));
  return text;
}

describe('decimalAt', () => {
  it('gives exactly what parseFloat gives for every text it reads, over 200,000 random decimal texts', () => {
    const random = generator(20_241_231);
    let read = 0;
    for (let k = 0; k < 200_000; k++) {
      const text = decimalText(random);
      const n = fast(text);
      if (Number.isNaN(n)) continue;
      read++;
      if (!Object.is(n, parseFloat(text))) throw new Error(`${text}: ${n} ≠ ${parseFloat(text)}`);
    }
    // Most texts are plain enough to be read without a string; the test would prove nothing otherwise.
    expect(read).toBeGreaterThan(80_000);
  });

  it('reads what a spreadsheet writes: integers, money, fractions, exponents, negative zero', () => {
    for (const text of [
      '0',
      '-0',
      '669921000',
      '29822934000',
      '0.1',
      '0.3',
      '92.5',
      '99.650000000000006',
      '1E-3',
      '2.5e+21',
      '1e22',
      '.5',
      '5.',
      '+7',
    ])
      if (!Number.isNaN(fast(text))) expect(Object.is(fast(text), parseFloat(text))).toBe(true);
    expect(fast('669921000')).toBe(669_921_000);
    expect(fast('0.1')).toBe(0.1);
    expect(Object.is(fast('-0'), -0)).toBe(true);
    expect(fast('1E-3')).toBe(0.001);
  });

  it('leaves to parseFloat what it cannot read exactly or at all', () => {
    const others = [
      '1234567890123456', // 16 significant digits
      '12345678901234567890',
      '0.12345678901234567',
      '1e23',
      '1e-23',
      '123.4e-22', // a power of ten past 22 once the fraction counts
      '1e00001',
      ' 12',
      '12 ',
      '1,5',
      '12abc',
      '1e',
      '1e+',
      '-',
      '.',
      '',
      'Infinity',
      'NaN',
      '&#49;',
      '0x10',
      '１２',
    ];
    for (const text of others) expect([text, fast(text)]).toEqual([text, NaN]);
  });

  it('reads within the given bounds only', () => {
    const s = bytes('<v>12.5</v>');
    expect(decimalAt(s, 3, 7)).toBe(12.5);
    expect(decimalAt(s, 3, 5)).toBe(12);
  });
});

describe('digitsAt', () => {
  it('reads plain digits as Number does and answers -1 for anything else', () => {
    expect(digitsAt(bytes('1013'), 0, 4)).toBe(1013);
    expect(digitsAt(bytes('007'), 0, 3)).toBe(7);
    expect(digitsAt(bytes('999999999999999'), 0, 15)).toBe(999_999_999_999_999);
    for (const text of ['', '-1', '+1', ' 1', '1.0', '1e3', '1234567890123456', '&#49;'])
      expect([text, digitsAt(bytes(text), 0, Buffer.byteLength(text))]).toEqual([text, -1]);
  });
});
