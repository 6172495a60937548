import { Arah, MetodeEfisiensi } from './rumus';

/**
 * The exact results of rumus.ts without decimal.js, for the common case of native doubles with
 * few decimals. Each input x is the decimal its shortest form shows (what `new Dec(x)` reads);
 * written as R / 10^k with R an integer, every formula becomes one quotient N / D of exact
 * integers. When both are below 2^53 they are exact doubles, and one IEEE division returns the
 * double nearest to the exact quotient: the same number toDouble(Dec result) gives. Anything
 * outside those bounds returns undefined and the caller takes the Dec path.
 */

const POW10: readonly number[] = Array.from({ length: 16 }, (_, k) => 10 ** k);
const MAX_K = POW10.length - 1;
/** Exact integers and quotient operands stay below this. */
const SAFE = 2 ** 53;
/**
 * R stays below 2^50: then no other integer at the same scale rounds to the same double, so
 * R / 10^k is the decimal the shortest form shows, and x·10^k is close enough to R for
 * Math.round to find it.
 */
const LIMIT_R = 2 ** 50;

/**
 * A scale k with x = R / 10^k (R an integer below 2^50) read exactly as x's shortest form
 * reads, or -1. Any such k gives the same decimal (no other integer at that scale rounds to x),
 * so k need not be the smallest: 2 is tried first, since one test covers the integers and the
 * one- and two-decimal values that fill most tables.
 */
export function decimalsOf(x: number): number {
  const r2 = Math.round(x * 100);
  if (Math.abs(r2) < LIMIT_R && r2 / 100 === x) return 2;
  for (let k = 0; k <= MAX_K; k++) {
    const p = POW10[k];
    const r = Math.round(x * p);
    if (!(Math.abs(r) < LIMIT_R)) return -1;
    if (r / p === x) return k;
  }
  return -1;
}

function scaled(x: number, k: number, s: number): number {
  return Math.round(x * POW10[k]) * POW10[s - k];
}

function quotient(n: number, d: number): number | undefined {
  if (!(Math.abs(n) < SAFE && Math.abs(d) < SAFE) || d === 0) return undefined;
  const q = n / d;
  return q === 0 ? 0 : q; // no -0 in a cell
}

/** Two inputs at one common scale: x = X / 10^s, y = Y / 10^s. */
let X = 0;
let Y = 0;
let S = 0;
function common(x: number, y: number): boolean {
  const a = decimalsOf(x);
  if (a < 0) return false;
  const b = decimalsOf(y);
  if (b < 0) return false;
  S = a > b ? a : b;
  X = scaled(x, a, S);
  Y = scaled(y, b, S);
  return Math.abs(X) < SAFE && Math.abs(Y) < SAFE;
}

/** capaian(realisasi, target, arah) of rumus.ts; the caller has ruled out a zero divisor. */
export function capaianCepat(realisasi: number, target: number, arah: Arah): number | undefined {
  if (!common(realisasi, target)) return undefined;
  switch (arah) {
    case 'naik':
      return quotient(X * 100, Y);
    case 'turun': {
      const twice = 2 * Y;
      return Math.abs(twice) < SAFE ? quotient((twice - X) * 100, Y) : undefined;
    }
    case 'turun-rasio':
      return quotient(Y * 100, X);
  }
}

export function serapanCepat(realisasi: number, pagu: number): number | undefined {
  return capaianCepat(realisasi, pagu, 'naik');
}

export function efisiensiCepat(capaianKinerja: number, serapanAnggaran: number, metode: MetodeEfisiensi): number | undefined {
  switch (metode) {
    case 'rasio':
      // (1 − s/c) × 100 = (C − S) × 100 / C
      return common(capaianKinerja, serapanAnggaran) ? quotient((X - Y) * 100, X) : undefined;
    case 'selisih':
      return common(capaianKinerja, serapanAnggaran) ? quotient(X - Y, POW10[S]) : undefined;
    case 'sisa':
      return common(100, serapanAnggaran) ? quotient(X - Y, POW10[S]) : undefined;
  }
}

/** 50 + (clamp(E, −20, 20) / 20) × 50 = (500 + 25·E) / 10. */
export function nilaiEfisiensiCepat(e: number): number | undefined {
  if (e <= -20) return 0;
  if (e >= 20) return 100;
  const k = decimalsOf(e);
  // |25·R| < 500·10^k since |E| < 20, so bounding 500·10^k keeps every term exact.
  if (k < 0 || k + 1 > MAX_K || !(500 * POW10[k] < SAFE)) return undefined;
  return quotient(500 * POW10[k] + 25 * Math.round(e * POW10[k]), POW10[k + 1]);
}
