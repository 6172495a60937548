import { Dec, isDec, roundHalfUp, toDouble } from '../angka/desimal';
import { formatNumber } from '../angka/format';
import { Angka, readAngka, readArah, readDesimal, readMetode, readSkala, toDec } from './argumen';
import { capaianCepat, efisiensiCepat, nilaiEfisiensiCepat, serapanCepat } from './cepat';
import { FungsiError, galat } from './galat';
import { CepatFn, Hasil, HasilSel, perSel, perSelCepat } from './rentang';
import { capaian, efisiensi, nilaiEfisiensi, serapan } from './rumus';
import { classify } from './skala';

/**
 * The spreadsheet functions of docs/fungsi.md. Every argument is a single value or a 2-D range; the
 * result has the same shape (see rentang.ts). Numbers come back as the double nearest to the
 * exact decimal result; bad input comes back as a FungsiError, never as an exception.
 *
 * Blanks: a row whose required inputs are all blank gives a blank (null), so a template with
 * empty rows stays clean. A row with only one of two required inputs filled is blank too: it is
 * still being typed, and an error there would flash on every half-filled row. A bad value
 * (text that is not a number) is an error even on a half-filled row, since it is wrong anyway.
 */

function isGalat(a: Angka): a is FungsiError {
  return typeof a === 'object' && a !== null && !isDec(a);
}

function isZero(a: number | Dec): boolean {
  return typeof a === 'number' ? a === 0 : a.isZero();
}

function toCell(n: number): HasilSel {
  if (!Number.isFinite(n)) return galat('#NUM!', 'Hasil terlalu besar untuk lembar kerja.');
  return n === 0 ? 0 : n;
}

/** Exact result as a double: the fast path when it applies, else decimal.js. */
function viaDec(d: Dec | null): number {
  return d === null ? NaN : toDouble(d);
}

const LABEL_CAPAIAN = ['realisasi', 'target', 'arah', 'batas'];

/** CAPAIAN(realisasi; target; [arah]; [batas]): achievement in percent. */
export function CAPAIAN(realisasi: unknown, target: unknown, arah?: unknown, batas?: unknown): Hasil {
  return perSelCepat([realisasi, target, arah, batas], LABEL_CAPAIAN, capaianSel, capaianNative(arah, batas));
}

/**
 * The cell computation for two native numbers when arah and batas are single values, or null.
 * It answers only what capaianSel would answer with a number; a zero divisor or a value with
 * too many digits returns undefined and goes through capaianSel.
 */
function capaianNative(arah: unknown, batas: unknown): CepatFn | null {
  if (Array.isArray(arah) || Array.isArray(batas)) return null;
  const a = readArah(arah);
  if (typeof a !== 'string') return null;
  const cap = readAngka(batas, 'Batas');
  if (isGalat(cap)) return null;
  const b = cap === null ? Infinity : typeof cap === 'number' ? cap : toDouble(cap);
  return (r, t) => {
    if ((a === 'turun-rasio' ? r : t) === 0 || !Number.isFinite(r) || !Number.isFinite(t)) return undefined;
    const v = capaianCepat(r, t, a);
    return v === undefined ? undefined : v > b ? b : v;
  };
}

function capaianSel(realisasi: unknown, target: unknown, arah: unknown, batas: unknown): HasilSel {
  const r = readAngka(realisasi, 'Realisasi');
  if (isGalat(r)) return r;
  const t = readAngka(target, 'Target');
  if (isGalat(t)) return t;
  if (r === null || t === null) return null;
  const a = readArah(arah);
  if (typeof a !== 'string') return a;
  const cap = readAngka(batas, 'Batas');
  if (isGalat(cap)) return cap;
  if (a === 'turun-rasio' ? isZero(r) : isZero(t)) {
    return galat(
      '#DIV/0!',
      a === 'turun-rasio' ? 'Realisasi nol: capaian turun-rasio tidak dapat dihitung.' : 'Target nol: capaian tidak dapat dihitung.',
    );
  }
  let v = typeof r === 'number' && typeof t === 'number' ? capaianCepat(r, t, a) : undefined;
  if (v === undefined) v = viaDec(capaian(toDec(r), toDec(t), a));
  if (cap !== null) {
    // Rounding to a double is monotone, so capping the doubles equals rounding the exact cap.
    const b = typeof cap === 'number' ? cap : toDouble(cap);
    if (v > b) v = b;
  }
  return toCell(v);
}

const LABEL_SERAPAN = ['realisasi', 'pagu'];

/** SERAPAN(realisasi; pagu): budget absorption in percent. */
export function SERAPAN(realisasi: unknown, pagu: unknown): Hasil {
  return perSelCepat([realisasi, pagu], LABEL_SERAPAN, serapanSel, serapanNative);
}

const serapanNative: CepatFn = (r, p) => (p === 0 || !Number.isFinite(r) || !Number.isFinite(p) ? undefined : serapanCepat(r, p));

function serapanSel(realisasi: unknown, pagu: unknown): HasilSel {
  const r = readAngka(realisasi, 'Realisasi');
  if (isGalat(r)) return r;
  const p = readAngka(pagu, 'Pagu');
  if (isGalat(p)) return p;
  if (r === null || p === null) return null;
  if (isZero(p)) return galat('#DIV/0!', 'Pagu nol: serapan tidak dapat dihitung.');
  let v = typeof r === 'number' && typeof p === 'number' ? serapanCepat(r, p) : undefined;
  if (v === undefined) v = viaDec(serapan(toDec(r), toDec(p)));
  return toCell(v);
}

const LABEL_EFISIENSI = ['capaian_kinerja', 'serapan_anggaran', 'metode'];

/** EFISIENSI(capaian_kinerja; serapan_anggaran; [metode]): efficiency in percent. */
export function EFISIENSI(capaianKinerja: unknown, serapanAnggaran: unknown, metode?: unknown): Hasil {
  return perSelCepat([capaianKinerja, serapanAnggaran, metode], LABEL_EFISIENSI, efisiensiSel, efisiensiNative(metode));
}

function efisiensiNative(metode: unknown): CepatFn | null {
  if (Array.isArray(metode)) return null;
  const m = readMetode(metode);
  if (typeof m !== 'string') return null;
  return (c, s) => ((m === 'rasio' && c === 0) || !Number.isFinite(c) || !Number.isFinite(s) ? undefined : efisiensiCepat(c, s, m));
}

function efisiensiSel(capaianKinerja: unknown, serapanAnggaran: unknown, metode: unknown): HasilSel {
  const c = readAngka(capaianKinerja, 'Capaian kinerja');
  const s = readAngka(serapanAnggaran, 'Serapan anggaran');
  if (c === null && s === null) return null;
  const m = readMetode(metode);
  if (typeof m !== 'string') return m;
  if (m === 'sisa') {
    // "sisa" is 100 − serapan: capaian plays no part, so it may be blank or anything.
    if (isGalat(s)) return s;
    if (s === null) return null;
    let v = typeof s === 'number' ? efisiensiCepat(0, s, m) : undefined;
    if (v === undefined) v = viaDec(efisiensi(new Dec(0), toDec(s), m));
    return toCell(v);
  }
  if (isGalat(c)) return c;
  if (isGalat(s)) return s;
  if (c === null || s === null) return null;
  if (m === 'rasio' && isZero(c)) return galat('#DIV/0!', 'Capaian kinerja nol: efisiensi tidak dapat dihitung.');
  let v = typeof c === 'number' && typeof s === 'number' ? efisiensiCepat(c, s, m) : undefined;
  if (v === undefined) v = viaDec(efisiensi(toDec(c), toDec(s), m));
  return toCell(v);
}

const LABEL_NILAI = ['efisiensi'];

/** NILAI_EFISIENSI(efisiensi): the PMK-style score 0…100 of an efficiency percent. */
export function NILAI_EFISIENSI(e: unknown): Hasil {
  return perSel([e], LABEL_NILAI, nilaiSel);
}

function nilaiSel(efisiensiValue: unknown): HasilSel {
  const e = readAngka(efisiensiValue, 'Efisiensi');
  if (e === null) return null;
  if (isGalat(e)) return e;
  let v = typeof e === 'number' ? nilaiEfisiensiCepat(e) : undefined;
  if (v === undefined) v = viaDec(nilaiEfisiensi(toDec(e)));
  return toCell(v);
}

const LABEL_PREDIKAT = ['capaian', 'desimal'];

/**
 * A capaian from 0,01 up to below 2 is what a cell formatted as percent holds for 1 % … 199 %
 * (92,50 % is 0,925): functions never see formats, and grading 0,925 as "Sangat Rendah" would be
 * a silent wrong label. PREDIKAT refuses it and says how to write it; a real capaian of 1–2 % is
 * not worth the guess either way. Below 0,01 it is graded as written: a nested CAPAIAN of a
 * tiny ratio is 0 in the native formula (rounded at 10 decimals), and both must agree. The
 * native formula (core/rumus-bawaan/templat.ts) does the same.
 */
export const PECAHAN_PERSEN = { dari: 0.01, sampai: 2 } as const;

function pecahanPersen(c: Dec): FungsiError | null {
  if (c.lt(PECAHAN_PERSEN.dari) || !c.lt(PECAHAN_PERSEN.sampai)) return null;
  const persen = formatNumber(c.times(100));
  return galat(
    '#VALUE!',
    `Capaian ${formatNumber(c)} terlalu kecil untuk persen; bila selnya berformat persen (${persen} %), tulis capaian sebagai angka persen (${persen}) atau kalikan 100, mis. =PREDIKAT(A2*100).`,
  );
}

/** PREDIKAT(capaian; [skala]; [desimal]): the category label of a capaian. */
export function PREDIKAT(capaianValue: unknown, skala?: unknown, desimal?: unknown): Hasil {
  // The scale is one table for the whole call, not an argument to spread cell by cell.
  const sk = readSkala(skala);
  return perSel([capaianValue, desimal], LABEL_PREDIKAT, (cell, desimalCell) => {
    const c = readAngka(cell, 'Capaian');
    if (c === null) return null;
    if (isGalat(c)) return c;
    const k = readDesimal(desimalCell);
    if (k !== null && typeof k !== 'number') return k;
    if ('code' in sk) return sk;
    const pecahan = pecahanPersen(toDec(c));
    if (pecahan) return pecahan;
    const d = k === null ? toDec(c) : roundHalfUp(toDec(c), k);
    return classify(sk, d);
  });
}
