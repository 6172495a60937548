import fc from 'fast-check';
import { FUNGSI, FungsiInfo, galat, isFungsiError, KODE_GALAT } from '../../../core/fungsi';
import { ERROR_VALUES, angkaTeksRusak } from './bentuk';
import { pengintaiBerkas } from './galat-tersembunyi';
import { RUNS } from './jumlah';
import { kalimatBermasalah, kataDalam, pastikan } from './syarat';

/*
 * Every function of the registry (a new one is covered as soon as it is registered) with
 * whatever a host can pass: numbers of every size and sign, -0, NaN, text numbers, booleans,
 * blanks, error values as text and as errors, dates, objects, and ranges that are ragged,
 * flat, empty or hold a range in a cell; names and scale ranges for the text parameters.
 * The function must answer, never throw, in the documented shape, and every error must be a
 * typed error with a sentence.
 */

const pengintai = pengintaiBerkas();

const NAMES = [
  'naik',
  'turun',
  'turun-rasio',
  'Turun Rasio',
  '"turun"',
  'positif',
  'negatif',
  'rasio',
  'selisih',
  'sisa',
  'permendagri86',
  'melampaui',
  'berhasil',
  'sakip',
  'BERHASIL ',
  'x',
  '1',
  '-1',
  '1,0',
  '+1',
];

const nilai: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.double() },
  { weight: 3, arbitrary: fc.integer({ min: -1000, max: 1_000_000_000_000 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, -0, 1, -1, 1e15, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity, -Infinity),
  },
  { weight: 4, arbitrary: angkaTeksRusak },
  { weight: 2, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, '', ' ', true, false) },
  { weight: 1, arbitrary: fc.constantFrom(...ERROR_VALUES) },
  { weight: 1, arbitrary: fc.constantFrom(...KODE_GALAT).map((c) => galat(c, 'Sel sumber berisi galat.')) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      new Date(2024, 0, 31),
      new Date(NaN),
      {},
      { code: '#REF!', message: 'bukan kode kita' },
      [[1, 2]],
      10n ** 20n,
    ),
  },
);

/** A range as hosts pass it: rows of cells (ragged), a flat list, or empty. */
const rentang: fc.Arbitrary<unknown[]> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.array(nilai, { maxLength: 4 }), { minLength: 1, maxLength: 6 }) },
  { weight: 1, arbitrary: fc.array(nilai, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constant<unknown[]>([]) },
  { weight: 1, arbitrary: fc.array(fc.oneof(nilai, fc.array(nilai, { maxLength: 3 })), { minLength: 1, maxLength: 4 }) },
);

/** The office's own scale: two or three columns of bounds and labels, sane or not. */
const skalaRentang: fc.Arbitrary<unknown[][]> = fc.oneof(
  fc.array(
    fc.tuple(fc.oneof(fc.integer({ min: -10, max: 120 }), nilai), fc.constantFrom('Sangat Baik', 'Baik', 'Cukup', '', null, 5)),
    { maxLength: 8 },
  ),
  fc.array(
    fc.tuple(
      fc.oneof(fc.integer({ min: 0, max: 100 }), nilai),
      fc.oneof(fc.integer({ min: 0, max: 120 }), nilai),
      fc.constantFrom('A', 'B', 'C', ''),
    ),
    { maxLength: 8 },
  ),
  fc.array(fc.array(nilai, { maxLength: 5 }), { maxLength: 5 }),
  fc.constant(Array.from({ length: 101 }, (_, i) => [i, `P${i}`])),
);

function argumen(f: FungsiInfo): fc.Arbitrary<unknown[]> {
  const required = f.params.filter((p) => !p.optional).length;
  return fc
    .integer({ min: required, max: f.params.length })
    .chain((n) =>
      fc.tuple(
        ...f.params
          .slice(0, n)
          .map((p) =>
            p.kind === 'skala'
              ? fc.oneof(nilai, skalaRentang)
              : fc.oneof({ weight: 3, arbitrary: nilai }, { weight: 2, arbitrary: rentang }),
          ),
      ),
    );
}

/** Rows × columns a range argument spreads to, as rentang.ts documents it. */
function ukuran(x: unknown): [number, number] | null {
  if (!Array.isArray(x)) return null;
  if (x.length === 0) return [1, 1];
  const arrays = x.filter((r) => Array.isArray(r)).length;
  if (arrays === 0) return [1, Math.max(x.length, 1)];
  const cols = x.reduce((w: number, r: unknown) => Math.max(w, Array.isArray(r) ? r.length : 1), 0);
  return [x.length, Math.max(cols, 1)];
}

function hasilBermasalah(f: FungsiInfo, args: unknown[], result: unknown): string[] {
  // The scale is one table for the whole call; every other range spreads cell by cell.
  const sizes = args.map((a, i) => (f.params[i].kind === 'skala' ? null : ukuran(a))).filter((s): s is [number, number] => s !== null);
  const out: string[] = [];
  const allowed = kataDalam(args);
  const sel = (v: unknown, where: string) => {
    if (v === null) return;
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || Object.is(v, -0)) out.push(`${where}: angka ${v}`);
      if (f.resultKind !== 'angka') out.push(`${where}: angka dari fungsi teks`);
    } else if (typeof v === 'string') {
      if (f.resultKind !== 'teks' || v.trim() === '') out.push(`${where}: teks "${v}"`);
    } else if (isFungsiError(v)) {
      if (!KODE_GALAT.includes(v.code)) out.push(`${where}: kode ${v.code}`);
      out.push(...kalimatBermasalah(v.message, allowed, `${where} ${v.code}`));
    } else out.push(`${where}: ${typeof v} ${String(v)}`);
  };
  if (sizes.length === 0) {
    if (Array.isArray(result)) out.push('rentang untuk argumen tunggal');
    else sel(result, 'hasil');
    return out;
  }
  const rows = Math.max(...sizes.map((s) => s[0]));
  const cols = Math.max(...sizes.map((s) => s[1]));
  if (!Array.isArray(result) || result.length !== rows)
    return [`hasil bukan rentang ${rows}×${cols}: ${JSON.stringify(result)?.slice(0, 200)}`];
  result.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== cols) out.push(`baris ${i}: bukan ${cols} sel`);
    else row.forEach((v, j) => sel(v, `sel ${i},${j}`));
  });
  return out;
}

describe.each(FUNGSI.map((f) => [f.name, f] as const))('%s', (_, f) => {
  test('answers anything in the documented shape, never throws, every error typed with a sentence', () => {
    fc.assert(
      fc.property(argumen(f), (args) => {
        const { value, thrown } = pengintai.watch(() => f.impl(...args));
        pastikan(
          [...thrown.map((t) => `galat di dalam inti: ${t.description} @ ${t.frames.join(' < ')}`), ...hasilBermasalah(f, args, value)],
          `${f.name}`,
        );
      }),
      { numRuns: RUNS.fungsi },
    );
  });
});
