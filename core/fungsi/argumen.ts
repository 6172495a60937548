import { Dec, isDec } from '../angka/desimal';
import { parseCell } from '../angka/parse';
import { Arah, MetodeEfisiensi } from './rumus';
import { findSkala, normalizeName, parseSkalaRange, Skala, SKALA_BAWAAN } from './skala';
import { FungsiError, galat, isFungsiError, KodeGalat, tampil } from './galat';

/**
 * Reading one argument cell as the functions of docs/fungsi.md take it. A number stays a native double
 * (the fast exact path can use it as is); text goes through parseCell and becomes a Dec; a
 * blank is null; anything else is an error value naming the argument. Nothing here throws.
 */
export type Angka = number | Dec | null | FungsiError;

const ERROR_TEXT: Record<string, KodeGalat> = {
  '#VALUE!': '#VALUE!',
  '#DIV/0!': '#DIV/0!',
  '#N/A': '#N/A',
  '#NUM!': '#NUM!',
};

export function readAngka(x: unknown, label: string): Angka {
  if (typeof x === 'number') {
    return Number.isFinite(x) ? x : galat('#NUM!', `${label} bukan angka yang sah: ${tampil(x)}.`);
  }
  if (x === null || x === undefined) return null;
  if (typeof x === 'string') return readText(x, label);
  if (typeof x === 'bigint') return new Dec(x.toString());
  if (isDec(x)) return x.isFinite() ? x : galat('#NUM!', `${label} bukan angka yang sah: ${tampil(x.toString())}.`);
  if (isFungsiError(x)) return x;
  if (typeof x === 'boolean') return galat('#VALUE!', `${label} bukan angka: ${tampil(x ? 'TRUE' : 'FALSE')}.`);
  if (x instanceof Date) return galat('#VALUE!', `${label} berisi tanggal, bukan angka: ${tampil(x)}.`);
  if (Array.isArray(x)) return galat('#VALUE!', `${label} berisi rentang di dalam satu sel.`);
  return galat('#VALUE!', `${label} bukan angka: ${tampil(x)}.`);
}

function readText(s: string, label: string): Angka {
  const p = parseCell(s);
  if (p.kind === 'empty') return null;
  if (p.value !== null) return p.value;
  if (p.kind === 'text') return galat('#VALUE!', `${label} bukan angka: ${tampil(p.text)}.`);
  const err = p.problems.find((q) => q.code === 'error-value');
  if (err) {
    const code = ERROR_TEXT[p.text.toUpperCase()] ?? '#VALUE!';
    return galat(code, `${label} berisi galat ${p.text.toUpperCase()}.`);
  }
  const why = p.problems[0]?.message;
  return galat('#VALUE!', why ? `${label} tidak sah: ${why}` : `${label} bukan angka: ${tampil(p.text)}.`);
}

/** A value for the exact decimal path. */
export function toDec(a: number | Dec): Dec {
  return typeof a === 'number' ? new Dec(a) : a;
}

/** Names typed in a cell or on the command line: `"Turun"`, ` turun-rasio `, `TURUN RASIO`. */
function nameKey(s: string): string {
  return normalizeName(s.trim().replace(/^["'“”](.*)["'“”]$/, '$1'));
}

/** A sign typed as a number or text: 1, "1", "+1", -1, "-1", "1,0". null when it is not ±1. */
function signOf(x: unknown): 1 | -1 | null {
  if (typeof x === 'number') return x === 1 ? 1 : x === -1 ? -1 : null;
  if (typeof x !== 'string') return null;
  const m = /^\s*([+-]?)\s*1(?:[.,]0*)?\s*$/.exec(x);
  if (!m) return null;
  return m[1] === '-' ? -1 : 1;
}

const ARAH: Record<string, Arah> = {
  naik: 'naik',
  positif: 'naik',
  turun: 'turun',
  negatif: 'turun',
  turunrasio: 'turun-rasio',
};

/** The formula of CAPAIAN, or an error; a blank arah is the default `naik`. */
export function readArah(x: unknown): Arah | FungsiError {
  if (x === null || x === undefined || x === '') return 'naik';
  if (isFungsiError(x)) return x;
  const sign = signOf(x);
  if (sign !== null) return sign === 1 ? 'naik' : 'turun';
  if (typeof x === 'string') {
    const key = nameKey(x);
    if (key === '') return 'naik';
    const a = ARAH[key];
    if (a !== undefined) return a;
  }
  return galat('#VALUE!', `Arah tidak dikenal: ${tampil(x)}. Pakai "naik", "turun" atau "turun-rasio".`);
}

const METODE: Record<string, MetodeEfisiensi> = { rasio: 'rasio', selisih: 'selisih', sisa: 'sisa' };

export function readMetode(x: unknown): MetodeEfisiensi | FungsiError {
  if (x === null || x === undefined || x === '') return 'rasio';
  if (isFungsiError(x)) return x;
  if (typeof x === 'string') {
    const key = nameKey(x);
    if (key === '') return 'rasio';
    const m = METODE[key];
    if (m !== undefined) return m;
  }
  return galat('#VALUE!', `Metode tidak dikenal: ${tampil(x)}. Pakai "rasio", "selisih" atau "sisa".`);
}

const NAMA_SKALA_DAFTAR = Object.keys(SKALA_BAWAAN)
  .map((n) => `"${n}"`)
  .join(', ');

/**
 * A scale by name, or the office's own scale from a range of 2 or 3 columns. A 1×1 range is a
 * name in a cell. The error is the same for every cell of the result, so it is read once.
 */
export function readSkala(x: unknown): Skala | FungsiError {
  if (Array.isArray(x)) {
    // Array.from, not map: map skips the holes of a sparse array and leaves them undefined.
    const rows = Array.from(x, (r: unknown) => (Array.isArray(r) ? r : [r]));
    const cells = rows.reduce((n, r) => n + r.length, 0);
    if (cells === 0) return SKALA_BAWAAN.permendagri86;
    if (rows.length === 1 && rows[0].length === 1) return readSkala(rows[0][0]);
    if (rows.length > 100) return galat('#VALUE!', 'Skala terlalu panjang: paling banyak 100 baris.');
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    // Padded and plain: ragged or sparse rows and odd objects must not reach the parser.
    const r = parseSkalaRange(rows.map((row) => Array.from({ length: width }, (_, i) => plainCell(row[i]))));
    if (r.ok === false) return galat('#VALUE!', r.message);
    return r.skala;
  }
  if (x === null || x === undefined || x === '') return SKALA_BAWAAN.permendagri86;
  if (isFungsiError(x)) return x;
  if (typeof x === 'string') {
    if (nameKey(x) === '') return SKALA_BAWAAN.permendagri86;
    const s = findSkala(nameKey(x));
    if (s) return s;
  }
  return galat('#VALUE!', `Skala tidak dikenal: ${tampil(x)}. Pakai ${NAMA_SKALA_DAFTAR} atau rentang skala sendiri.`);
}

/** What parseSkalaRange can read safely: strings, finite numbers and blanks. */
function plainCell(c: unknown): string | number | null {
  if (c === null || c === undefined) return null;
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return Number.isFinite(c) ? c : String(c);
  if (isDec(c)) return c.toString();
  return tampil(c);
}

const MAX_DESIMAL = 15;

/** Decimals to round to: null when blank (no rounding), an integer 0…15, else an error. */
export function readDesimal(x: unknown): number | null | FungsiError {
  const a = readAngka(x, 'Desimal');
  if (a === null) return null;
  if (typeof a !== 'number' && !isDec(a)) return a;
  const d = toDec(a);
  if (!d.isInteger() || d.lt(0) || d.gt(MAX_DESIMAL)) {
    return galat('#NUM!', `Desimal harus bilangan bulat 0 sampai ${MAX_DESIMAL}: ${tampil(typeof x === 'string' ? x : d.toString())}.`);
  }
  return d.toNumber();
}
