import { SKALA_BAWAAN } from '../core/fungsi/skala';
import { NamaFungsi, nativeFormula } from '../core/rumus-bawaan/templat';

/**
 * The workbook names that let a planner type =CAPAIAN(…) without the SAKIP. prefix: each is a
 * LAMBDA whose body is the native formula of core/rumus-bawaan (the same text the portable
 * workbook conversion writes), so the two cannot drift. nativeFormula takes arah, metode and
 * skala only as literals; a LAMBDA receives them as values, so the body chooses among the
 * literal variants with IF, and ISOMITTED leaves out an optional argument that was not given.
 * Everything is en-US syntax, as Workbook.names.add expects.
 */

export const NAMA_TANPA_AWALAN = ['CAPAIAN', 'EFISIENSI', 'PREDIKAT', 'SERAPAN'] as const;
export type NamaTanpaAwalan = (typeof NAMA_TANPA_AWALAN)[number];

interface Definisi {
  /** Parameter names, optional ones in brackets as LAMBDA writes them. */
  params: string[];
  body: string;
}

function nf(name: NamaFungsi, args: string[]): string {
  const r = nativeFormula(name, args);
  if (!r.ok) throw new Error(`Rumus bawaan ${name} tidak dapat dibuat: ${r.reason}`);
  return r.formula;
}

function q(s: string): string {
  return `"${s}"`;
}

/** `IF(OR(x="a",x="b"),then,else)`: Excel's text comparison ignores case, as the core does. */
function salahSatu(x: string, words: string[], then: string, otherwise: string): string {
  const test = words.map((w) => `${x}=${q(w)}`);
  return `IF(${test.length === 1 ? test[0] : `OR(${test.join(',')})`},${then},${otherwise})`;
}

function capaian(): Definisi {
  const k = (arah: string) =>
    `IF(ISOMITTED(batas),${nf('CAPAIAN', ['realisasi', 'target', q(arah)])},${nf('CAPAIAN', ['realisasi', 'target', q(arah), 'batas'])})`;
  // An unknown arah is #VALUE! only once both inputs are numbers: the core answers blanks and
  // input errors first.
  const naik = nf('CAPAIAN', ['realisasi', 'target', q('naik')]);
  const bad = `IF(ISNUMBER(realisasi),IF(ISNUMBER(target),#VALUE!,${naik}),${naik})`;
  const byText = salahSatu(
    'arah',
    ['', 'naik', 'positif'],
    k('naik'),
    salahSatu(
      'arah',
      ['turun', 'negatif'],
      k('turun'),
      salahSatu('arah', ['turun-rasio', 'turunrasio', 'turun rasio'], k('turun-rasio'), bad),
    ),
  );
  const byNumber = `IF(arah=1,${k('naik')},IF(arah=-1,${k('turun')},${bad}))`;
  return {
    params: ['realisasi', 'target', '[arah]', '[batas]'],
    body: `IF(ISOMITTED(arah),${k('naik')},IF(ISNUMBER(arah),${byNumber},${byText}))`,
  };
}

function efisiensi(): Definisi {
  const e = (m: string) => nf('EFISIENSI', ['capaian_kinerja', 'serapan_anggaran', q(m)]);
  // The core answers a row with both inputs blank before it reads metode.
  const kosong = (x: string) => `IF(ISERROR(${x}),FALSE,${x}="")`;
  const bad = `IF(${kosong('capaian_kinerja')},IF(${kosong('serapan_anggaran')},"",#VALUE!),#VALUE!)`;
  return {
    params: ['capaian_kinerja', 'serapan_anggaran', '[metode]'],
    body: `IF(ISOMITTED(metode),${e('rasio')},${salahSatu('metode', ['', 'rasio'], e('rasio'), salahSatu('metode', ['selisih'], e('selisih'), salahSatu('metode', ['sisa'], e('sisa'), bad)))})`,
  };
}

function predikat(): Definisi {
  const s = (skala: string) =>
    `IF(ISOMITTED(desimal),${nf('PREDIKAT', ['capaian', q(skala)])},` +
    `IF(desimal="",${nf('PREDIKAT', ['capaian', q(skala)])},${nf('PREDIKAT', ['ROUND(capaian,desimal)', q(skala)])}))`;
  const names = Object.keys(SKALA_BAWAAN);
  let byName = '#VALUE!';
  for (const n of [...names].reverse()) byName = salahSatu('skala', n === 'permendagri86' ? ['', n] : [n], s(n), byName);
  return { params: ['capaian', '[skala]', '[desimal]'], body: `IF(ISOMITTED(skala),${s('permendagri86')},${byName})` };
}

function serapan(): Definisi {
  return { params: ['realisasi', 'pagu'], body: nf('SERAPAN', ['realisasi', 'pagu']) };
}

const BUAT: Record<NamaTanpaAwalan, () => Definisi> = { CAPAIAN: capaian, EFISIENSI: efisiensi, PREDIKAT: predikat, SERAPAN: serapan };

export function definisiLambda(name: NamaTanpaAwalan): Definisi {
  return BUAT[name]();
}

/** `=LAMBDA(realisasi,target,[arah],[batas],…)`, the formula of the workbook name. */
export function rumusLambda(name: NamaTanpaAwalan): string {
  const d = definisiLambda(name);
  return `=LAMBDA(${d.params.join(',')},${d.body})`;
}

/**
 * The body as a plain formula for one call: parameters replaced by the given argument texts
 * (outside string literals) and ISOMITTED answered from which ones were given. What Excel does
 * when it calls the LAMBDA; tests evaluate it with an engine that has no LAMBDA.
 */
export function badanUntuk(name: NamaTanpaAwalan, args: readonly (string | undefined)[]): string {
  const d = definisiLambda(name);
  const names = d.params.map((p) => p.replace(/^\[(.*)\]$/, '$1'));
  const given = new Map(names.map((n, i) => [n, args[i]]));
  const parts = d.body.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      let out = part.replace(/ISOMITTED\(([A-Za-z_]+)\)/g, (_, n: string) => (given.get(n) === undefined ? 'TRUE()' : 'FALSE()'));
      out = out.replace(/\b[A-Za-z_]+\b(?!\()/g, (w) => {
        if (!given.has(w)) return w;
        const a = given.get(w);
        return a === undefined ? '""' : `(${a})`;
      });
      return out;
    })
    .join('');
}
