import { Dec, isDec, toDouble } from '../angka/desimal';
import { readAngka, readArah, readDesimal, readMetode, readSkala } from '../fungsi/argumen';
import { FungsiError, isFungsiError } from '../fungsi/galat';
import { Arah, MetodeEfisiensi } from '../fungsi/rumus';
import { Skala } from '../fungsi/skala';
import { PECAHAN_PERSEN } from '../fungsi/spreadsheet';

/**
 * The functions of docs/fungsi.md as native spreadsheet formulas (en-US text, `,` separators, no
 * leading "="), so a workbook sent to someone without the add-in still computes. Only
 * functions every spreadsheet has (IF, AND, OR, ISNUMBER, ROUND, MIN, MAX): no LET or
 * LAMBDA, so Excel 2019, LibreOffice and Google Sheets all read it.
 *
 * What is reproduced, per cell, in the core's order (core/fungsi/spreadsheet.ts):
 * - an error in an input passes through (`x=""` on an error value yields that error);
 * - a blank input (empty cell or "") on a row gives "" — checked after the errors, as the core;
 * - anything else that is not a number (text, TRUE) gives #VALUE! (LibreOffice holds TRUE as
 *   the number 1, so there it counts as 1, as everywhere else in that program);
 * - a zero divisor gives #DIV/0! (the native division does it);
 * - the number is the exact result rounded to 10 decimals (ROUND(…, 10), see DESIMAL).
 *
 * Why ROUND(…, 10): the core returns the double nearest to the exact decimal result (79,72/80×100
 * is 99.65). A native r/t*100 rounds twice and may give 99.64999999999999, which shows as 99,65
 * but falls under a 99,65 band edge and differs from the core. The binary error of a result is
 * a few units in its 16th digit, far below 10^-10 while the result stays under 10^5, so rounding
 * at 10 decimals gives back exactly the core's double whenever the inputs and the exact result
 * have at most 10 decimals — every terminating result of table values (99,65; 92,5; 0,65625).
 * A result with more decimals (100/3) differs from the core by under 10^-10, which no table shows.
 * Differences are rounded before they are divided (rasio, turun): 96 − 95,37 is 0,63 exactly,
 * not 0,6299999999999955, whose error a division by a small capaian would magnify. The formula
 * stays short (each argument appears four times): nested calls and LAMBDA bodies repeat it.
 * Results of 10^5 and above are not promised exact (their binary error reaches 10^-10).
 *
 * What cannot be reproduced natively is refused (ok:false, an Indonesian reason) rather than
 * written subtly different: arah/metode/skala/desimal given as a cell or a formula (only
 * literals are converted), an office's own scale range, and unknown names. Text numbers in
 * cells ("99,88 %") cannot be read by a native formula at all: a native formula answers
 * #VALUE! where the core parses them; the caller that sees the cells (cli/bawaan) reports it.
 */

export type NamaFungsi = 'CAPAIAN' | 'EFISIENSI' | 'PREDIKAT' | 'SERAPAN' | 'NILAI_EFISIENSI';

export type HasilTemplat = { ok: true; formula: string } | { ok: false; reason: string };

export const NAMA_FUNGSI: readonly NamaFungsi[] = ['CAPAIAN', 'EFISIENSI', 'PREDIKAT', 'SERAPAN', 'NILAI_EFISIENSI'];

/** Excel's limit on the length of a formula; longer text would be refused by the host. */
export const MAX_PANJANG_RUMUS = 8192;

const ERR_VALUE = '#VALUE!';

/** A literal argument as the core would receive it; `kosong` for an omitted argument. */
type Literal = { kind: 'kosong' } | { kind: 'nilai'; value: string | number | boolean } | { kind: 'ekspresi' };

const STRING_LIT = /^"((?:[^"]|"")*)"$/;
const NUMBER_LIT = /^([+-]?)\s*(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(%?)$/;

/** Recognises literals only; anything else is an expression evaluated by the spreadsheet. */
export function bacaLiteral(arg: string | undefined): Literal {
  const s = (arg ?? '').trim();
  if (s === '') return { kind: 'kosong' };
  const str = STRING_LIT.exec(s);
  if (str) return { kind: 'nilai', value: str[1].replace(/""/g, '"') };
  const num = NUMBER_LIT.exec(s);
  if (num) {
    let v = Number(`${num[2]}${num[3] !== undefined ? `e${num[3]}` : ''}`);
    if (num[4] === '%') v = v / 100;
    if (num[1] === '-') v = -v;
    if (Number.isFinite(v)) return { kind: 'nilai', value: v === 0 ? 0 : v };
  }
  const up = s.toUpperCase();
  if (up === 'TRUE' || up === 'FALSE') return { kind: 'nilai', value: up === 'TRUE' };
  return { kind: 'ekspresi' };
}

/** A number as formula text: shortest round-trip form, exponent upper case. */
export function angkaRumus(n: number): string {
  const s = String(n).toUpperCase();
  return n < 0 ? `(${s})` : s;
}

function teksRumus(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Wrapped so an operator inside an argument (`A1+B1`) binds before ours. */
function parenthesized(x: string): string {
  const s = x.trim();
  return /^[A-Za-z0-9_$.!:]+$/.test(s) || /^'(?:[^']|'')+'![A-Za-z0-9_$:]+$/.test(s) ? s : `(${s})`;
}

/** Decimals kept (module comment): the binary error of a result under 10^5 is far below 10^-10. */
export const DESIMAL = 10;

function snap(e: string): string {
  return `ROUND(${e},${DESIMAL})`;
}

/**
 * OR(ISNUMBER(x),x="") is TRUE for a number or a blank, FALSE for other values (text, TRUE),
 * and x's own error for an error (`x=""` propagates it; OR passes it on).
 */
function bolehKosong(x: string): string {
  return `OR(ISNUMBER(${x}),${x}="")`;
}

/**
 * Two required numbers x, y, in the core's order: x's error, y's error, then "" when one is
 * blank, then `body`. ISNUMBER never fails, so the AND is safe on error values.
 */
function duaAngka(x: string, y: string, body: string): string {
  return `IF(AND(ISNUMBER(${x}),ISNUMBER(${y})),${body},IF(${bolehKosong(x)},IF(${bolehKosong(y)},"",${ERR_VALUE}),${ERR_VALUE}))`;
}

function satuAngka(x: string, body: string): string {
  return `IF(ISNUMBER(${x}),${body},IF(${x}="","",${ERR_VALUE}))`;
}

type Bagian<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * An option argument (arah, metode, skala, desimal) read by the core's own reader, so a literal
 * means here exactly what it means to the add-in; one given by a cell or formula is refused.
 */
function opsi<T>(arg: string | undefined, read: (x: unknown) => T | FungsiError, fromCell: string): Bagian<T> {
  const lit = bacaLiteral(arg);
  if (lit.kind === 'ekspresi') return { ok: false, reason: fromCell };
  const v = read(lit.kind === 'kosong' ? null : lit.value);
  return isFungsiError(v) ? { ok: false, reason: v.message } : { ok: true, value: v as T };
}

const arahDari = (arg: string | undefined): Bagian<Arah> =>
  opsi(arg, readArah, 'Arah diambil dari sel atau rumus; rumus bawaan hanya dapat dibuat bila arah ditulis langsung, mis. "turun".');

const metodeDari = (arg: string | undefined): Bagian<MetodeEfisiensi> =>
  opsi(
    arg,
    readMetode,
    'Metode diambil dari sel atau rumus; rumus bawaan hanya dapat dibuat bila metode ditulis langsung, mis. "selisih".',
  );

const skalaDari = (arg: string | undefined): Bagian<Skala> =>
  opsi(
    arg,
    readSkala,
    'Skala diambil dari sel atau rentang (skala sendiri); rumus bawaan hanya dapat dibuat untuk skala bawaan yang ditulis langsung, mis. "berhasil".',
  );

const desimalDari = (arg: string | undefined): Bagian<number | null> =>
  opsi(arg, readDesimal, 'Desimal diambil dari sel atau rumus; rumus bawaan hanya dapat dibuat bila desimal ditulis langsung, mis. 2.');

/** batas: a literal becomes a constant cap; an expression is checked per cell as the core does. */
function batasi(v: string, arg: string | undefined): Bagian<string> {
  const lit = bacaLiteral(arg);
  if (lit.kind === 'kosong') return { ok: true, value: v };
  if (lit.kind === 'ekspresi') {
    const cap = parenthesized(arg as string);
    return { ok: true, value: `IF(ISNUMBER(${cap}),MIN(${v},${cap}),IF(${cap}="",${v},${ERR_VALUE}))` };
  }
  const cap = readAngka(lit.value, 'Batas');
  if (cap === null) return { ok: true, value: v };
  if (typeof cap !== 'number' && !isDec(cap)) return { ok: false, reason: cap.message };
  return { ok: true, value: `MIN(${v},${angkaRumus(typeof cap === 'number' ? cap : toDouble(cap as Dec))})` };
}

/** The bands of a built-in scale, top down, as nested IFs on x. */
function klasifikasi(skala: Skala, x: string): string {
  let out = '';
  let close = '';
  for (const b of skala.bands) {
    if (b.min === null) {
      out += teksRumus(b.label);
      break;
    }
    out += `IF(${x}${b.inclusive ? '>=' : '>'}${angkaRumus(toDouble(b.min))},${teksRumus(b.label)},`;
    close += ')';
  }
  return out + close;
}

function jumlahArgumen(name: NamaFungsi, args: readonly string[], min: number, max: number): string | null {
  if (args.length < min || args.length > max) {
    return min === max
      ? `${name} memerlukan ${min} argumen, tertulis ${args.length}.`
      : `${name} memerlukan ${min} sampai ${max} argumen, tertulis ${args.length}.`;
  }
  for (let i = 0; i < min; i++) {
    if (bacaLiteral(args[i]).kind === 'kosong') return `Argumen ke-${i + 1} ${name} kosong.`;
  }
  return null;
}

function selesai(formula: string): HasilTemplat {
  if (formula.length + 1 > MAX_PANJANG_RUMUS) {
    return { ok: false, reason: `Rumus bawaan akan terlalu panjang (${formula.length} karakter; batas ${MAX_PANJANG_RUMUS}).` };
  }
  return { ok: true, formula };
}

/**
 * The native formula computing `name(args…)`. Each arg is formula text in en-US syntax (a
 * cell reference, a literal, a sub-expression or a LAMBDA parameter name); an empty string is
 * an omitted argument. Arguments are repeated in the output, so they should be cheap.
 */
export function nativeFormula(name: NamaFungsi, args: readonly string[]): HasilTemplat {
  switch (name) {
    case 'CAPAIAN': {
      const bad = jumlahArgumen(name, args, 2, 4);
      if (bad) return { ok: false, reason: bad };
      const realisasi = parenthesized(args[0]);
      const target = parenthesized(args[1]);
      const arah = arahDari(args[2]);
      if (!arah.ok) return arah;
      const ratio =
        arah.value === 'naik'
          ? `${realisasi}/${target}*100`
          : arah.value === 'turun'
            ? `${snap(`2*${target}-${realisasi}`)}/${target}*100`
            : `${target}/${realisasi}*100`;
      const capped = batasi(snap(ratio), args[3]);
      if (!capped.ok) return capped;
      return selesai(duaAngka(realisasi, target, capped.value));
    }
    case 'SERAPAN': {
      const bad = jumlahArgumen(name, args, 2, 2);
      if (bad) return { ok: false, reason: bad };
      const realisasi = parenthesized(args[0]);
      const pagu = parenthesized(args[1]);
      return selesai(duaAngka(realisasi, pagu, snap(`${realisasi}/${pagu}*100`)));
    }
    case 'EFISIENSI': {
      const bad = jumlahArgumen(name, args, 2, 3);
      if (bad) return { ok: false, reason: bad };
      const capaian = parenthesized(args[0]);
      const serapan = parenthesized(args[1]);
      const metode = metodeDari(args[2]);
      if (!metode.ok) return metode;
      // "sisa" ignores capaian entirely, as the core does (it may be blank or even an error).
      if (metode.value === 'sisa') return selesai(satuAngka(serapan, snap(`100-${serapan}`)));
      // (1 − serapan/capaian)×100 written as (capaian − serapan)/capaian×100, so the
      // difference is taken exactly first.
      const diff = snap(`${capaian}-${serapan}`);
      return selesai(duaAngka(capaian, serapan, metode.value === 'rasio' ? snap(`${diff}/${capaian}*100`) : diff));
    }
    case 'NILAI_EFISIENSI': {
      const bad = jumlahArgumen(name, args, 1, 1);
      if (bad) return { ok: false, reason: bad };
      const efisiensi = parenthesized(args[0]);
      // 50 + x/20×50 written as (x + 20)×2,5: the sum first, exactly, then one product.
      return selesai(satuAngka(efisiensi, snap(`(MIN(MAX(${efisiensi},-20),20)+20)*2.5`)));
    }
    case 'PREDIKAT': {
      const bad = jumlahArgumen(name, args, 1, 3);
      if (bad) return { ok: false, reason: bad };
      const capaian = parenthesized(args[0]);
      const desimal = desimalDari(args[2]);
      if (!desimal.ok) return desimal;
      const skala = skalaDari(args[1]);
      if (!skala.ok) return skala;
      // The core rounds half-up the decimal the cell shows (2.675 → 2.68); spreadsheet ROUND
      // does the same, unlike a binary x*100 (267.49999999999997).
      const shown = desimal.value === null ? capaian : `ROUND(${capaian},${desimal.value})`;
      // As the core: 0,01 ≤ capaian < 2 is a percent-formatted cell (0,925 for 92,50 %), refused.
      return selesai(
        satuAngka(
          capaian,
          `IF(AND(${capaian}>=${PECAHAN_PERSEN.dari},${capaian}<${PECAHAN_PERSEN.sampai}),${ERR_VALUE},${klasifikasi(skala.value, shown)})`,
        ),
      );
    }
  }
  return { ok: false, reason: `Fungsi ${String(name)} tidak dikenal.` };
}
