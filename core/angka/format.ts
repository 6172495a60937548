import { Dec, roundHalfUp } from './desimal';

export interface FormatOptions {
  /** Round half-up to exactly this many decimals (shown even when zero: 100,00). */
  decimals?: number;
  /** Use the en-US style (1,234.5) instead of id-ID (1.234,5). */
  style?: 'id' | 'en';
}

/** id-ID text for a value: `29.822.934.000`, `92,5`, `-1.270,25`. */
export function formatNumber(value: Dec | number, options: FormatOptions = {}): string {
  let d = typeof value === 'number' ? new Dec(value) : value;
  if (options.decimals !== undefined) d = roundHalfUp(d, options.decimals);
  const fixed = options.decimals !== undefined ? d.toFixed(options.decimals) : d.toFixed();
  const [intPart, frac] = fixed.split('.');
  const negative = intPart.startsWith('-') && !d.isZero();
  const abs = intPart.replace(/^-/, '');
  const [grp, dec] = options.style === 'en' ? [',', '.'] : ['.', ','];
  const grouped = abs.replace(/\B(?=(\d{3})+(?!\d))/g, grp);
  return (negative ? '-' : '') + grouped + (frac ? dec + frac : '');
}

/** Money with its currency, as a box of the pohon kinerja shows it: `Rp 29.822.934.000`. */
export function formatRupiah(value: Dec | number): string {
  return 'Rp ' + formatNumber(value);
}
