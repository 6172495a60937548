import fc from 'fast-check';
import { parseCell } from '../core/angka/parse';
import { roundHalfUp, toDouble, Dec } from '../core/angka/desimal';
import { formatNumber } from '../core/angka/format';
import { CAPAIAN, EFISIENSI, HasilSel, PREDIKAT, SERAPAN } from '../core/fungsi';
import { bacaMesin, isiSel, mesinBaru, NilaiSel, tanpaPesan } from '../test/helpers/uji-mesin';
import { loadGolden } from '../test/fixtures/muat';
import { badanUntuk, NAMA_TANPA_AWALAN, NamaTanpaAwalan, rumusLambda } from './rumus-lambda';

/**
 * The LAMBDA names must answer what =SAKIP.CAPAIAN(…) answers. HyperFormula has no LAMBDA, so
 * each call is evaluated as the LAMBDA's body with its parameters bound to cells (what Excel
 * does when it calls the name).
 */

const CORE: Record<NamaTanpaAwalan, (...a: unknown[]) => unknown> = { CAPAIAN, EFISIENSI, PREDIKAT, SERAPAN };
const COLS = 'ABCD';

/** undefined = argument omitted. */
type Kasus = { fn: NamaTanpaAwalan; args: (NilaiSel | undefined)[] };

function evaluate(cases: Kasus[]): (HasilSel | boolean)[] {
  const rows = cases.map((k, i) => {
    const refs = k.args.map((a, j) => (a === undefined ? undefined : `${COLS[j]}${i + 1}`));
    const inputs = [0, 1, 2, 3].map((j) => (k.args[j] === undefined ? null : isiSel(k.args[j] as NilaiSel)));
    return [...inputs, `=${badanUntuk(k.fn, refs)}`];
  });
  const hf = mesinBaru(rows);
  const out = hf.getSheetValues(0).map((row) => bacaMesin(row[4]));
  hf.destroy();
  return out;
}

function core(k: Kasus): HasilSel {
  // An omitted argument reaches the custom function as null.
  return tanpaPesan(CORE[k.fn](...k.args.map((a) => (a === undefined ? null : a))) as HasilSel);
}

function expectParity(cases: Kasus[]): void {
  const got = evaluate(cases);
  cases.forEach((k, i) => {
    const want = core(k);
    const native = got[i];
    const ctx = `${k.fn}(${k.args.map((a) => JSON.stringify(a)).join('; ')})`;
    if (typeof want === 'number' && typeof native === 'number') {
      // The native formulas round at 10 decimals (core/rumus-bawaan/templat.ts): the core's
      // double exactly when the exact result has at most 10 decimals, else within 10^-10.
      if (Math.abs(native - want) > 0.6e-10 + Math.abs(want) * 1e-14) throw new Error(`${ctx}: LAMBDA ${native}, core ${want}`);
      return;
    }
    if (JSON.stringify(native) !== JSON.stringify(want))
      throw new Error(`${ctx}: LAMBDA ${JSON.stringify(native)}, core ${JSON.stringify(want)}`);
  });
}

function cellOf(text: string): NilaiSel {
  if (text === '') return null;
  const p = parseCell(text);
  return p.value === null || p.kind === 'text' ? text : toDouble(p.value);
}

describe('LAMBDA names for =CAPAIAN without the prefix', () => {
  it('are LAMBDA formulas within Excel’s formula length, with balanced parentheses', () => {
    for (const n of NAMA_TANPA_AWALAN) {
      const f = rumusLambda(n);
      expect(f.startsWith('=LAMBDA(')).toBe(true);
      expect(f.length).toBeLessThanOrEqual(8192);
      const bare = f.replace(/"(?:[^"]|"")*"/g, '');
      expect(bare.split('(').length).toBe(bare.split(')').length);
      // r and c are not valid LAMBDA parameter names in Excel (R1C1 references).
      expect(f).not.toMatch(/LAMBDA\((?:[^)]*,)?\[?[rc]\]?,/);
    }
  });

  it('give the golden results the documents printed, as the core does', () => {
    const cases: Kasus[] = loadGolden()
      .filter((g) => (NAMA_TANPA_AWALAN as readonly string[]).includes(g.fn))
      .map((g) => ({ fn: g.fn as NamaTanpaAwalan, args: g.args.map(cellOf) }));
    expect(cases.length).toBeGreaterThan(20);
    const got = evaluate(cases);
    const golden = loadGolden().filter((g) => (NAMA_TANPA_AWALAN as readonly string[]).includes(g.fn));
    cases.forEach((k, i) => {
      const v = got[i];
      const shown = typeof v === 'number' ? formatNumber(roundHalfUp(new Dec(v), 2), { decimals: 2 }) : String(v);
      expect(`${k.fn} ${shown}`).toBe(`${k.fn} ${golden[i].expected}`);
      // A result with at most 10 decimals (99,65; 92,5) is the core's double exactly.
      const want = core(k);
      if (typeof want === 'number' && Number(want.toFixed(10)) === want) expect([k.fn, k.args, v]).toEqual([k.fn, k.args, want]);
    });
    expectParity(cases);
  });

  const angka = fc.oneof(
    fc.integer({ min: -1000, max: 100_000 }),
    fc.double({ min: -500, max: 500, noNaN: true, noDefaultInfinity: true }).map((x) => Math.round(x * 100) / 100),
    fc.constant(0),
  );
  const masukan = fc.oneof(
    { weight: 8, arbitrary: angka },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant('abc') },
  );
  const opsional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });

  it('CAPAIAN agrees with the core on random inputs, every arah and batas', () => {
    const arah = fc.constantFrom<NilaiSel>('naik', 'turun', 'turun-rasio', 'Positif', 'NEGATIF', 1, -1, '', 'salah', 2);
    fc.assert(
      fc.property(fc.array(fc.tuple(masukan, masukan, opsional(arah), opsional(angka)), { minLength: 1, maxLength: 40 }), (rows) => {
        // ISOMITTED works per position: batas given means arah is given too (blank at least).
        expectParity(rows.map(([r, t, a, b]) => ({ fn: 'CAPAIAN', args: b === undefined ? [r, t, a] : [r, t, a ?? null, b] })));
      }),
      { numRuns: 60 },
    );
  });

  it('EFISIENSI agrees with the core for every metode', () => {
    const metode = fc.constantFrom<NilaiSel>('rasio', 'selisih', 'sisa', 'SISA', '', 'lain');
    fc.assert(
      fc.property(fc.array(fc.tuple(masukan, masukan, opsional(metode)), { minLength: 1, maxLength: 40 }), (rows) => {
        expectParity(rows.map(([c, s, m]) => ({ fn: 'EFISIENSI', args: [c, s, m] })));
      }),
      { numRuns: 60 },
    );
  });

  it('PREDIKAT agrees with the core for every built-in scale, with and without desimal', () => {
    const skala = fc.constantFrom<NilaiSel>('permendagri86', 'melampaui', 'berhasil', 'sakip', 'Berhasil', '', 'tidak-ada');
    const nilai = fc.oneof(angka, fc.constantFrom(90.995, 91, 75.999, 100, 100.004, 50, 30.001));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(nilai, opsional(skala), opsional(fc.integer({ min: 0, max: 4 }))), { minLength: 1, maxLength: 40 }),
        (rows) => {
          expectParity(rows.map(([c, s, d]) => ({ fn: 'PREDIKAT', args: d === undefined ? [c, s] : [c, s ?? null, d] })));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('SERAPAN agrees with the core, blanks and zero pagu included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(masukan, masukan), { minLength: 1, maxLength: 40 }), (rows) => {
        expectParity(rows.map(([r, p]) => ({ fn: 'SERAPAN', args: [r, p] })));
      }),
      { numRuns: 60 },
    );
  });
});
