/**
 * Numbers read straight from a sheet's UTF-8 bytes, without making a string first: a Renja
 * sheet holds a number in most rows, and a string per `<v>` was a large part of the reader's
 * garbage. Each function takes only the plain forms it can read exactly and answers NaN (or -1)
 * for anything else, so that the caller falls back to the string and to what JavaScript itself
 * makes of it: the fast path never decides differently from `parseFloat` or `Number`.
 */

/** 10^0 … 10^22: every one is exactly a double. */
const POWERS = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** Significant digits a mantissa may have and stay below 2^53, so that it is exact. */
const MAX_DIGITS = 15;

/**
 * `parseFloat` of the text in `s[a…b)` when that text is a plain decimal (`-12`, `0.25`,
 * `1.5E-3`, `+007`): a mantissa of at most 15 significant digits (exact as a double) times a
 * power of ten within ±22 (exact too) is one correctly rounded multiplication or division, which
 * is what `parseFloat` gives. NaN for everything else (spaces, entities, more digits, larger
 * exponents, `Infinity`, trailing text): the caller parses the string then.
 */
export function decimalAt(s: Uint8Array, a: number, b: number): number {
  let i = a;
  let negative = false;
  if (i < b && (s[i] === 45 || s[i] === 43)) {
    negative = s[i] === 45;
    i++;
  }
  let m = 0;
  let digits = 0;
  let significant = 0;
  let scale = 0;
  for (; i < b; i++) {
    const d = s[i] - 48;
    if (d < 0 || d > 9) break;
    digits++;
    if (significant > 0 || d !== 0) significant++;
    m = m * 10 + d;
  }
  if (i < b && s[i] === 46) {
    for (i++; i < b; i++) {
      const d = s[i] - 48;
      if (d < 0 || d > 9) break;
      digits++;
      if (significant > 0 || d !== 0) significant++;
      m = m * 10 + d;
      scale--;
    }
  }
  if (digits === 0 || significant > MAX_DIGITS) return NaN;
  if (i < b && (s[i] | 32) === 101) {
    i++;
    let expNegative = false;
    if (i < b && (s[i] === 45 || s[i] === 43)) {
      expNegative = s[i] === 45;
      i++;
    }
    const start = i;
    let e = 0;
    for (; i < b; i++) {
      const d = s[i] - 48;
      if (d < 0 || d > 9) break;
      e = e * 10 + d;
    }
    // `1e` alone and very long exponents are left to parseFloat.
    if (i === start || i - start > 4) return NaN;
    scale += expNegative ? -e : e;
  }
  if (i !== b || scale < -22 || scale > 22) return NaN;
  const x = scale < 0 ? m / POWERS[-scale] : m * POWERS[scale];
  return negative ? -x : x;
}

/**
 * The text in `s[a…b)` as a whole number when it is 1 to 15 ASCII digits (a row number, a style
 * or shared-string index), as `Number` reads it; -1 for anything else.
 */
export function digitsAt(s: Uint8Array, a: number, b: number): number {
  if (b <= a || b - a > MAX_DIGITS) return -1;
  let n = 0;
  for (let i = a; i < b; i++) {
    const d = s[i] - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
