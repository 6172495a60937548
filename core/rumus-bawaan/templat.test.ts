import fc from 'fast-check';
import { parseCell } from '../angka/parse';
import { Dec, toDouble } from '../angka/desimal';
import { readArah, readMetode } from '../fungsi/argumen';
import { Arah, capaian, efisiensi, MetodeEfisiensi, nilaiEfisiensi, serapan } from '../fungsi/rumus';
import { CAPAIAN, EFISIENSI, galat, HasilSel, NILAI_EFISIENSI, PREDIKAT, SERAPAN } from '../fungsi';
import { loadGolden } from '../../test/fixtures/muat';
import { NamaFungsi, nativeFormula } from './templat';
import { bacaMesin, isiSel, mesinBaru, NilaiSel, tanpaPesan } from '../../test/helpers/uji-mesin';

const CORE: Record<NamaFungsi, (...a: unknown[]) => unknown> = { CAPAIAN, EFISIENSI, PREDIKAT, SERAPAN, NILAI_EFISIENSI };
const COLS = 'ABCDEFGHIJ';

type Arg = NilaiSel | { lit: string; value: unknown };

interface Kasus {
  fn: NamaFungsi;
  /** A value is placed in a cell and referenced (A1, B1, …); `lit` is written into the formula. */
  args: Arg[];
}

const isLit = (a: Arg): a is { lit: string; value: unknown } => typeof a === 'object' && a !== null && 'lit' in a;
const lit = (text: string): Arg => ({
  lit: text,
  value: text.startsWith('"') ? text.slice(1, -1).replace(/""/g, '"') : text === '' ? null : Number(text),
});

/** Evaluates many cases in one engine: row i holds case i's inputs and its native formula. */
function evaluate(cases: Kasus[]): (HasilSel | boolean)[] {
  const width = Math.max(...cases.map((k) => k.args.length));
  const rows = cases.map((k, i) => {
    const refs = k.args.map((a, j) => (isLit(a) ? a.lit : `${COLS[j]}${i + 1}`));
    const r = nativeFormula(k.fn, refs);
    if (!r.ok) throw new Error(`${k.fn}: ${r.reason}`);
    const inputs = Array.from({ length: width }, (_, j) => {
      const a = k.args[j];
      return j < k.args.length && !isLit(a) ? isiSel(a) : null;
    });
    return [...inputs, `=${r.formula}`];
  });
  const hf = mesinBaru(rows);
  const out = hf.getSheetValues(0).map((row) => bacaMesin(row[width]));
  hf.destroy();
  return out;
}

function core(k: Kasus): HasilSel {
  return tanpaPesan(CORE[k.fn](...k.args.map((a) => (isLit(a) ? a.value : a))) as HasilSel);
}

/**
 * The parity the module promises: errors by code, blanks, labels and every number whose exact
 * value has at most 15 significant digits identical; other numbers within half a unit of the
 * 15th significant digit.
 */
function expectParity(k: Kasus, native: HasilSel | boolean): void {
  const want = core(k);
  const ctx = `${k.fn}(${k.args.map((a) => (isLit(a) ? a.lit : JSON.stringify(a))).join('; ')})`;
  if (typeof want === 'number' && typeof native === 'number') {
    const tol = toleransi(k, want);
    if (tol > 0) {
      if (Math.abs(native - want) > tol) throw new Error(`${ctx}: native ${native}, core ${want}, tolerance ${tol}`);
      return;
    }
  }
  if (JSON.stringify(native) !== JSON.stringify(want)) {
    throw new Error(`${ctx}: native ${JSON.stringify(native)}, core ${JSON.stringify(want)}`);
  }
}

/**
 * How far the native double may be from the core's (templat.ts, DESIMAL): 0 when the result is
 * under 10^5 and the exact result, and the difference a formula rounds first, have at most 10
 * decimals; else the rounding at 10 decimals (carried through a division for rasio and turun)
 * plus the binary error.
 */
function toleransi(k: Kasus, want: number): number {
  const v = k.args.map((a) => (isLit(a) ? a.value : a));
  // Only numbers reach here when the core answered a number ("sisa" ignores capaian).
  const d = (x: unknown) => new Dec(typeof x === 'number' ? x : 0);
  let e: Dec | null = null;
  let diff: Dec | null = null;
  let scale = 1;
  if (k.fn === 'CAPAIAN') {
    const arah = readArah(v[2] ?? null) as Arah;
    e = capaian(d(v[0]), d(v[1]), arah);
    if (arah === 'turun') {
      diff = d(v[1]).times(2).minus(d(v[0]));
      scale = 100 / Math.abs(v[1] as number);
    }
  }
  if (k.fn === 'SERAPAN') e = serapan(d(v[0]), d(v[1]));
  if (k.fn === 'EFISIENSI') {
    const m = readMetode(v[2] ?? null) as MetodeEfisiensi;
    e = efisiensi(d(v[0]), d(v[1]), m);
    if (m === 'rasio') {
      diff = d(v[0]).minus(d(v[1]));
      scale = 100 / Math.abs(v[0] as number);
    }
  }
  if (k.fn === 'NILAI_EFISIENSI') e = nilaiEfisiensi(d(v[0]));
  const exact = e !== null && e.dp() <= 10 && (diff === null || diff.dp() <= 10) && Math.abs(want) < 1e5;
  return exact ? 0 : 0.5e-10 * (1 + (diff === null ? 0 : scale)) + Math.abs(want) * 1e-14;
}

function num(text: string): number {
  const p = parseCell(text);
  if (p.value === null) throw new Error(`not a number: ${text}`);
  return toDouble(p.value);
}

describe('nativeFormula: the values the documents printed', () => {
  const golden = loadGolden();
  const cases: Kasus[] = golden.map((g) => {
    const nCells = g.fn === 'PREDIKAT' || g.fn === 'NILAI_EFISIENSI' ? 1 : 2;
    return {
      fn: g.fn as NamaFungsi,
      args: g.args.map((a, i) => (i < nCells ? num(a) : /^\d+$/.test(a) ? lit(a) : lit(`"${a}"`))),
    };
  });

  it('gives the core’s exact double and the printed two decimals for every golden row', () => {
    const native = evaluate(cases);
    expect(cases.length).toBe(golden.length);
    cases.forEach((k, i) => {
      expectParity(k, native[i]);
      const shown = (native[i] as number).toFixed(2).replace('.', ',');
      // toFixed is binary; the printed value is half-up of the exact decimal, as the core gives.
      expect(shown === golden[i].expected || num(golden[i].expected) === Math.round((native[i] as number) * 100) / 100).toBe(true);
    });
  });

  it('79,72/80×100 is exactly 99.65 (a plain r/t*100 is not)', () => {
    const [v] = evaluate([{ fn: 'CAPAIAN', args: [79.72, 80] }]);
    expect(v).toBe(99.65);
    const hf = mesinBaru([[79.72, 80, '=A1/B1*100']]);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 2 })).not.toBe(99.65);
    hf.destroy();
  });
});

describe('nativeFormula: blanks, errors and text as the core answers them', () => {
  const ERR_DIV = galat('#DIV/0!', '');
  const ERR_NA = galat('#N/A', '');
  const odd: NilaiSel[] = [null, '', 'abc', true, ERR_DIV, ERR_NA, 0, 5, -3.5];
  const cases: Kasus[] = [];
  for (const a of odd) {
    for (const b of odd) {
      cases.push({ fn: 'CAPAIAN', args: [a, b] });
      cases.push({ fn: 'CAPAIAN', args: [a, b, lit('"turun-rasio"')] });
      cases.push({ fn: 'CAPAIAN', args: [a, b, lit('"turun"'), lit('100')] });
      cases.push({ fn: 'CAPAIAN', args: [a, 80, lit(''), b] });
      cases.push({ fn: 'SERAPAN', args: [a, b] });
      cases.push({ fn: 'EFISIENSI', args: [a, b] });
      cases.push({ fn: 'EFISIENSI', args: [a, b, lit('"selisih"')] });
      cases.push({ fn: 'EFISIENSI', args: [a, b, lit('"sisa"')] });
    }
    cases.push({ fn: 'NILAI_EFISIENSI', args: [a] });
    cases.push({ fn: 'PREDIKAT', args: [a] });
    cases.push({ fn: 'PREDIKAT', args: [a, lit('"sakip"'), lit('0')] });
  }

  it('matches the core on every combination of blank, text, boolean, error and number', () => {
    const native = evaluate(cases);
    cases.forEach((k, i) => expectParity(k, native[i]));
  });
});

const decimal2 = fc.integer({ min: -2_000_000, max: 20_000_000 }).map((n) => n / 100);
// Magnitudes of real tables: percents and rupiah, not 1e-200 (see templat.ts on the range).
// At most 15 significant digits: what a spreadsheet shows and what a planner can type.
const double = fc
  .oneof(fc.double({ min: 1e-4, max: 1e12, noNaN: true }), fc.double({ min: -1e12, max: -1e-4, noNaN: true }))
  .map((x) => Number(x.toPrecision(15)));
const rupiah = fc.integer({ min: 1, max: 10_000_000_000_000 });
const edges = fc.constantFrom(0, 91, 76, 100, 50, 30, 2.675, 99.995, 99.65);
// Doubles next to a band edge (16-17 digits, as a native division leaves them): PREDIKAT only
// compares, so it must label them exactly as the core does.
const bandEdges = fc.constantFrom(90.99999999999999, 100.00000000000001, 99.99999999999999, 75.99999999999999, 30.000000000000004);
const anyNumber = fc.oneof(decimal2, fc.integer({ min: -1000, max: 1000 }), double, edges, rupiah);
const cell: fc.Arbitrary<NilaiSel> = fc.oneof(
  { weight: 8, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.constantFrom<NilaiSel>(null, '', 'abc', true, galat('#VALUE!', '')) },
);

describe('nativeFormula: random inputs, same results as the core', () => {
  const ARAH = [
    [],
    ['"naik"'],
    ['"turun"'],
    ['"turun-rasio"'],
    ['-1'],
    ['"Turun Rasio"'],
    ['"naik"', '100'],
    ['"turun"', '120'],
    ['', '"120"'],
  ];
  const METODE = [[], ['"rasio"'], ['"selisih"'], ['"sisa"']];
  const SKALA = [
    [],
    ['"permendagri86"'],
    ['"melampaui"'],
    ['"berhasil"'],
    ['"sakip"'],
    ['"berhasil"', '0'],
    ['"melampaui"', '2'],
    ['""', '1'],
  ];

  const kasus: fc.Arbitrary<Kasus> = fc.oneof(
    fc.tuple(cell, cell, fc.constantFrom(...ARAH)).map(([a, b, l]) => ({ fn: 'CAPAIAN' as const, args: [a, b, ...l.map(lit)] })),
    fc.tuple(cell, cell).map(([a, b]) => ({ fn: 'SERAPAN' as const, args: [a, b] })),
    fc.tuple(cell, cell, fc.constantFrom(...METODE)).map(([a, b, l]) => ({ fn: 'EFISIENSI' as const, args: [a, b, ...l.map(lit)] })),
    cell.map((a) => ({ fn: 'NILAI_EFISIENSI' as const, args: [a] })),
    fc
      .tuple(fc.oneof(cell, bandEdges), fc.constantFrom(...SKALA))
      .map(([a, l]) => ({ fn: 'PREDIKAT' as const, args: [a, ...l.map(lit)] })),
  );

  it('agrees on 3000 random cells (exact doubles for results of up to 10 decimals, same labels)', () => {
    fc.assert(
      fc.property(fc.array(kasus, { minLength: 100, maxLength: 100 }), (cases) => {
        const native = evaluate(cases);
        cases.forEach((k, i) => expectParity(k, native[i]));
      }),
      { numRuns: Number(process.env.LK_RUNS ?? 30) },
    );
  });
});

describe('nativeFormula: what it refuses, in Indonesian', () => {
  it.each([
    ['CAPAIAN', ['A1', 'B1', 'C1'], /Arah diambil dari sel/],
    ['CAPAIAN', ['A1', 'B1', '"naek"'], /Arah tidak dikenal/],
    ['PREDIKAT', ['A1', 'F1:G5'], /skala sendiri/],
    ['PREDIKAT', ['A1', '"bagus"'], /Skala tidak dikenal/],
    ['PREDIKAT', ['A1', '', 'C1'], /Desimal diambil dari sel/],
    ['EFISIENSI', ['A1', 'B1', '"bagi"'], /Metode tidak dikenal/],
    ['SERAPAN', ['A1'], /memerlukan 2 argumen/],
  ] as [NamaFungsi, string[], RegExp][])('%s(%j) is refused', (fn, args, why) => {
    const r = nativeFormula(fn, args);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(why);
  });

  it('uses only functions every spreadsheet has (no LET/LAMBDA)', () => {
    const r = nativeFormula('PREDIKAT', ['CAPAIAN_X', '"melampaui"', '2']);
    const all = [r, nativeFormula('CAPAIAN', ['A1', 'B1', '"turun"', 'D1']), nativeFormula('EFISIENSI', ['A1', 'B1'])];
    for (const x of all) {
      expect(x.ok).toBe(true);
      if (x.ok) {
        const used = new Set(x.formula.match(/[A-Z][A-Z0-9.]*(?=\()/g));
        for (const f of used) expect(['IF', 'AND', 'OR', 'ISNUMBER', 'ROUND', 'MIN', 'MAX']).toContain(f);
      }
    }
  });

  it('a sub-expression argument is parenthesised so its operators bind first', () => {
    const r = nativeFormula('SERAPAN', ['A1+A2', "'Data 2024'!B1"]);
    expect(r.ok && r.formula).toContain("(A1+A2)/'Data 2024'!B1*100");
  });
});
