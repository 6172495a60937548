import { Dec, HUNDRED } from '../angka/desimal';

/**
 * The formulas of docs/fungsi.md on exact decimals. The spreadsheet functions (argument parsing,
 * ranges, errors) and the checks both call these, so a check can never disagree with
 * what =CAPAIAN would have computed.
 */

export type Arah = 'naik' | 'turun' | 'turun-rasio';
export type MetodeEfisiensi = 'rasio' | 'selisih' | 'sisa';

/** Division by zero is the caller's to report: these return null for it. */
export function capaian(realisasi: Dec, target: Dec, arah: Arah = 'naik'): Dec | null {
  switch (arah) {
    case 'naik':
      return target.isZero() ? null : realisasi.div(target).times(HUNDRED);
    case 'turun':
      return target.isZero() ? null : target.times(2).minus(realisasi).div(target).times(HUNDRED);
    case 'turun-rasio':
      return realisasi.isZero() ? null : target.div(realisasi).times(HUNDRED);
  }
}

export function serapan(realisasi: Dec, pagu: Dec): Dec | null {
  return pagu.isZero() ? null : realisasi.div(pagu).times(HUNDRED);
}

export function efisiensi(capaianKinerja: Dec, serapanAnggaran: Dec, metode: MetodeEfisiensi = 'rasio'): Dec | null {
  switch (metode) {
    case 'rasio':
      return capaianKinerja.isZero() ? null : new Dec(1).minus(serapanAnggaran.div(capaianKinerja)).times(HUNDRED);
    case 'selisih':
      return capaianKinerja.minus(serapanAnggaran);
    case 'sisa':
      return HUNDRED.minus(serapanAnggaran);
  }
}

/** PMK-style score: clamp E to [−20, 20], then 50 + (E / 20) × 50. */
export function nilaiEfisiensi(e: Dec): Dec {
  const clamped = Dec.min(Dec.max(e, -20), 20);
  return clamped.div(20).times(50).plus(50);
}

export function sisa(pagu: Dec, realisasi: Dec): Dec {
  return pagu.minus(realisasi);
}
