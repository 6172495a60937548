import DecimalBase from 'decimal.js';

/**
 * The one Decimal constructor of the project. 40 significant digits is far beyond any rupiah
 * amount or percent a table holds, so converting a quotient to a double never double-rounds
 * in a way anyone could see.
 */
export const Dec = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const HUNDRED = new Dec(100);

/** The double nearest to the exact decimal (Number() on a decimal string is correctly rounded). */
export function toDouble(d: Dec): number {
  return Number(d.toString());
}

export function isDec(x: unknown): x is Dec {
  return DecimalBase.isDecimal(x);
}

/** Round half-up to `k` decimals: how a displayed value is read. */
export function roundHalfUp(d: Dec, k: number): Dec {
  return d.toDecimalPlaces(k, Dec.ROUND_HALF_UP);
}

/**
 * The same value with its digit array exactly as long as its digits. decimal.js builds the
 * digits of a parsed number by `push`, which V8 grows to room for 17 (152 bytes) even for two;
 * its copy constructor slices, which keeps only what is used. For values a check keeps for a
 * whole table (one per cell): on a 100,000-row Renja the spare room was some 25 MB.
 */
export function compact(d: Dec): Dec {
  return new Dec(d);
}
