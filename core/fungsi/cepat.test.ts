import fc from 'fast-check';
import { Dec, toDouble } from '../angka/desimal';
import { capaianCepat, decimalsOf, efisiensiCepat, nilaiEfisiensiCepat, serapanCepat } from './cepat';
import { capaian, efisiensi, nilaiEfisiensi, serapan, Arah, MetodeEfisiensi } from './rumus';
import { CAPAIAN, EFISIENSI, NILAI_EFISIENSI, SERAPAN } from './spreadsheet';

/** Exact quotient n/d as a decimal string of 80 fractional digits, by BigInt long division. */
function exact(n: bigint, d: bigint): string {
  const neg = n < 0n !== d < 0n && n !== 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const scaled = (an * 10n ** 80n) / ad;
  const s = scaled.toString().padStart(81, '0');
  return `${neg ? '-' : ''}${s.slice(0, -80)}.${s.slice(-80)}`;
}
/** The double nearest to the exact decimal result: what a cell must receive. */
const nearest = (n: bigint, d: bigint) => Number(exact(n, d)) + 0;

/** A 2-decimal value as typed: its integer count of hundredths and the double a sheet holds. */
const twoDecimals = fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }).map((h) => ({ h: BigInt(h), x: h / 100 }));
const nonZero = twoDecimals.filter((v) => v.h !== 0n);

/** Doubles of every kind: few decimals, many, huge, tiny. */
const anyDouble = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }).chain((n) => fc.integer({ min: 0, max: 9 }).map((k) => n / 10 ** k)),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0.1 + 0.2, 1 / 3, 2 ** 50, 2 ** 53, 1e-7, 123456.789012, 9007199254740991),
);

const same = (a: number, b: number) => expect(a + 0).toBe(b + 0);

describe('decimalsOf', () => {
  test('finds a scale that holds the shortest form', () => {
    expect(decimalsOf(79.72)).toBe(2);
    expect(decimalsOf(80)).toBe(2); // 8000 / 100: any scale that holds the value will do
    expect(decimalsOf(-13.5)).toBe(2);
    expect(decimalsOf(0.038)).toBe(3);
    expect(decimalsOf(1e-7)).toBe(7);
    expect(decimalsOf(5e14)).toBe(0); // too large at scale 2, exact at scale 0
    expect(decimalsOf(0.1 + 0.2)).toBe(-1); // 0.30000000000000004: 17 digits, left to Dec
    expect(decimalsOf(2 ** 60)).toBe(-1);
  });

  test('R / 10^k is the decimal new Dec(x) reads', () => {
    fc.assert(
      fc.property(anyDouble, (x) => {
        const k = decimalsOf(x);
        if (k < 0) return;
        const r = Math.round(x * 10 ** k);
        expect(new Dec(r).div(new Dec(10).pow(k)).eq(new Dec(x))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the fast path equals the Dec path', () => {
  const arah = fc.constantFrom<Arah>('naik', 'turun', 'turun-rasio');
  const metode = fc.constantFrom<MetodeEfisiensi>('rasio', 'selisih', 'sisa');

  test('capaian and serapan', () => {
    fc.assert(
      fc.property(anyDouble, anyDouble, arah, (r, t, a) => {
        const divisor = a === 'turun-rasio' ? r : t;
        if (divisor === 0) return;
        const fast = capaianCepat(r, t, a);
        if (fast !== undefined) same(fast, toDouble(capaian(new Dec(r), new Dec(t), a)!));
        const s = serapanCepat(r, t);
        if (t !== 0 && s !== undefined) same(s, toDouble(serapan(new Dec(r), new Dec(t))!));
      }),
      { numRuns: 20000 },
    );
  });

  test('efisiensi and nilai efisiensi', () => {
    fc.assert(
      fc.property(anyDouble, anyDouble, metode, (c, s, m) => {
        if (m === 'rasio' && c === 0) return;
        const fast = efisiensiCepat(c, s, m);
        if (fast !== undefined) same(fast, toDouble(efisiensi(new Dec(c), new Dec(s), m)!));
        const n = nilaiEfisiensiCepat(c);
        if (n !== undefined) same(n, toDouble(nilaiEfisiensi(new Dec(c))));
      }),
      { numRuns: 20000 },
    );
  });

  test('typical table values take the fast path', () => {
    fc.assert(
      fc.property(twoDecimals, nonZero, (r, t) => {
        expect(capaianCepat(r.x, t.x, 'naik')).not.toBeUndefined();
        expect(efisiensiCepat(t.x, r.x, 'rasio')).not.toBeUndefined();
      }),
    );
    expect(serapanCepat(5064388054, 5215862284)).not.toBeUndefined();
  });
});

describe('exactness: the result is the double nearest to the exact decimal result', () => {
  test('CAPAIAN naik, turun, turun-rasio and SERAPAN on 2-decimal inputs', () => {
    fc.assert(
      fc.property(twoDecimals, nonZero, (r, t) => {
        // r = R/100, t = T/100
        same(CAPAIAN(r.x, t.x) as number, nearest(r.h * 100n, t.h));
        same(CAPAIAN(r.x, t.x, 'turun') as number, nearest((2n * t.h - r.h) * 100n, t.h));
        same(SERAPAN(r.x, t.x) as number, nearest(r.h * 100n, t.h));
        if (r.h !== 0n) same(CAPAIAN(r.x, t.x, 'turun-rasio') as number, nearest(t.h * 100n, r.h));
      }),
      { numRuns: 5000 },
    );
  });

  test('the same when typed as id-ID text', () => {
    const text = (v: { h: bigint }) => new Dec(v.h.toString()).div(100).toFixed(2).replace('.', ',');
    fc.assert(
      fc.property(twoDecimals, nonZero, (r, t) => {
        same(CAPAIAN(text(r), text(t)) as number, nearest(r.h * 100n, t.h));
      }),
      { numRuns: 2000 },
    );
  });

  test('EFISIENSI and NILAI_EFISIENSI on 2-decimal inputs', () => {
    fc.assert(
      fc.property(nonZero, twoDecimals, (c, s) => {
        same(EFISIENSI(c.x, s.x) as number, nearest((c.h - s.h) * 100n, c.h));
        same(EFISIENSI(c.x, s.x, 'selisih') as number, nearest(c.h - s.h, 100n));
        same(EFISIENSI(c.x, s.x, 'sisa') as number, nearest(10000n - s.h, 100n));
        const e = s.h < -2000n ? -2000n : s.h > 2000n ? 2000n : s.h;
        same(NILAI_EFISIENSI(s.x) as number, nearest(50000n + 25n * e, 1000n)); // (500 + 25·E)/10
      }),
      { numRuns: 5000 },
    );
  });

  test('the classic case: 79,72 / 80 × 100 is 99.65, not 99.64999…', () => {
    expect((79.72 / 80) * 100).not.toBe(99.65); // plain floats get it wrong
    expect(CAPAIAN(79.72, 80)).toBe(99.65);
  });
});
