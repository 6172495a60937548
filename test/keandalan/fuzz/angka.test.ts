import fc from 'fast-check';
import { Dec, formatNumber, inferColumnMarks, parseCell, parseColumn, ParsedCell, roundHalfUp } from '../../../core/angka';
import { angkaTeks, angkaTeksRusak } from './bentuk';
import { pengintaiBerkas } from './galat-tersembunyi';
import { RUNS } from './jumlah';
import { kalimatBermasalah, kataDalam, pastikan } from './syarat';

/*
 * The number parser on the docs/angka.md forms as people type them, then slipped (stray spaces,
 * Unicode minus and digits, doubled marks, error values, 45-digit and 25-decimal numbers):
 * never an exception, never a value without a kind that carries one, never an invalid cell
 * without the reason, and a number written by formatNumber always reads back to itself.
 */

const pengintai = pengintaiBerkas();
const NUMERIC_KINDS = new Set(['number', 'money', 'percent', 'quantity']);
const KINDS = new Set([...NUMERIC_KINDS, 'empty', 'text', 'invalid']);

function selBermasalah(p: ParsedCell, input: unknown): string[] {
  const out: string[] = [];
  const id = `parseCell(${JSON.stringify(input)})`;
  if (!KINDS.has(p.kind)) out.push(`${id}: jenis ${p.kind}`);
  if ((p.value !== null) !== NUMERIC_KINDS.has(p.kind)) out.push(`${id}: jenis ${p.kind} dengan nilai ${String(p.value)}`);
  if (p.value !== null && !p.value.isFinite()) out.push(`${id}: nilai ${p.value.toString()}`);
  if (p.kind === 'invalid' && p.problems.length === 0) out.push(`${id}: tidak sah tanpa alasan`);
  if (p.kind === 'percent' && p.unit !== 'persen') out.push(`${id}: persen dengan satuan ${p.unit}`);
  if (p.kind === 'quantity' && !(typeof p.unit === 'string' && p.unit !== '')) out.push(`${id}: kuantitas tanpa satuan`);
  if (p.decimals !== null && !(Number.isInteger(p.decimals) && p.decimals >= 0)) out.push(`${id}: desimal ${p.decimals}`);
  if (typeof p.text !== 'string') out.push(`${id}: teks ${String(p.text)}`);
  for (const q of p.problems) out.push(...kalimatBermasalah(q.message, kataDalam(input), `${id} masalah ${q.code}`));
  return out;
}

test('parseCell reads every slipped docs/angka.md number into a well-formed cell, with no exception inside', () => {
  fc.assert(
    fc.property(angkaTeksRusak, fc.constantFrom(undefined, '.' as const, ',' as const, 'none' as const), (s, decimalMark) => {
      const { value, thrown } = pengintai.watch(() => parseCell(s, decimalMark ? { decimalMark } : {}));
      pastikan([...thrown.map((t) => `galat di dalam inti: ${t.description}`), ...selBermasalah(value, s)], 'parseCell');
    }),
    { numRuns: RUNS.angka },
  );
});

test('parseCell never throws on anything a host or a script could pass', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withNullPrototype: true,
          withTypedArray: true,
          withSparseArray: true,
        }),
        fc.string(),
      ),
      (x) => {
        pastikan(selBermasalah(parseCell(x), typeof x === 'string' ? x : '(objek)'), 'parseCell');
      },
    ),
    { numRuns: RUNS.angka },
  );
});

test('a spreadsheet number reads as exactly itself; NaN and Infinity are invalid', () => {
  fc.assert(
    fc.property(fc.double(), (n) => {
      const p = parseCell(n);
      if (Number.isFinite(n)) {
        expect(p.kind).toBe('number');
        expect(p.value!.toNumber()).toBe(n === 0 ? 0 : n);
      } else expect(p.kind).toBe('invalid');
    }),
    { numRuns: RUNS.angka },
  );
});

/** Exact decimals of every size: 10^15 rupiah, 45 digits, 20 decimals, negatives. */
const desimal: fc.Arbitrary<Dec> = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.nat({ max: 999_999 }).map(String), fc.bigInt({ min: 0n, max: 10n ** 45n }).map(String)),
    fc.oneof(fc.constant(''), fc.nat({ max: 999 }).map(String), fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String)),
  )
  .map(([neg, i, f]) => new Dec(`${neg ? '-' : ''}${i}${f === '' ? '' : '.' + f}`));

/**
 * Grouped thousands with exactly three decimals (`1.000,101`, docs/angka.md's `29,822,934.850`) read
 * as mixed marks by design: the decimals may be one more thousands group typed with the wrong
 * mark. Everywhere else formatNumber's text is a number the parser reads back.
 */
function roundTrips(text: string, decimalMark: ',' | '.'): boolean {
  const [int, frac] = text.split(decimalMark);
  return !(frac !== undefined && frac.length === 3 && /[.,]/.test(int));
}

test('formatNumber then parseCell gives the value back: id-ID, en-US with its column mark, rounded, with Rp, % or a satuan', () => {
  fc.assert(
    fc.property(desimal, fc.option(fc.nat({ max: 6 })), fc.constantFrom('', 'Rp ', '%', ' orang'), (d, decimals, mark) => {
      const value = decimals === null ? d : roundHalfUp(d, decimals);
      const opts = decimals === null ? {} : { decimals };
      const id = formatNumber(d, opts);
      fc.pre(roundTrips(id, ','));
      const text = mark === 'Rp ' ? (id.startsWith('-') ? `-Rp ${id.slice(1)}` : `Rp ${id}`) : `${id}${mark}`;
      const read = parseCell(text);
      expect(read.value?.toString()).toBe(value.toString());
      expect(read.kind).toBe(mark === 'Rp ' ? 'money' : mark === '%' ? 'percent' : mark === ' orang' ? 'quantity' : read.kind);
      const en = parseCell(formatNumber(d, { ...opts, style: 'en' }), { decimalMark: '.' });
      expect(en.value?.toString()).toBe(value.toString());
    }),
    { numRuns: RUNS.angka },
  );
});

test('a column of id-ID numbers reads back to its values, and the column decision counts its ambiguous cells', () => {
  fc.assert(
    fc.property(
      fc.array(
        desimal.filter((d) => roundTrips(formatNumber(d), ',')),
        { maxLength: 30 },
      ),
      fc.array(angkaTeksRusak, { maxLength: 10 }),
      (values, noise) => {
        const texts = values.map((d) => formatNumber(d));
        const { marks, parsed } = parseColumn(texts);
        expect(parsed.map((p) => p.value?.toString())).toEqual(values.map((d) => d.toString()));
        // With noise mixed in the column still never throws, and its counts are honest.
        const mixed = [...texts, ...noise];
        const m = inferColumnMarks(mixed);
        expect(['.', ',', 'none']).toContain(m.decimalMark);
        expect(m.ambiguousCells).toBe(mixed.filter((c) => parseCell(c).marks.ambiguous !== null).length);
        const again = parseColumn(mixed);
        again.parsed.forEach((p, i) => {
          const alone = parseCell(mixed[i]);
          pastikan(selBermasalah(p, mixed[i]), 'parseColumn');
          // Only an ambiguous single group (`1.270`) may depend on the column.
          if (alone.marks.ambiguous === null) expect(p.value?.toString()).toBe(alone.value?.toString());
        });
        expect(marks.mixedStyles).toBe(false);
      },
    ),
    { numRuns: Math.round(RUNS.angka / 4) },
  );
});

test('the docs/angka.md forms unslipped are numbers, never text', () => {
  fc.assert(
    fc.property(angkaTeks, (s) => {
      expect(parseCell(s).kind).not.toBe('text');
    }),
    { numRuns: RUNS.angka },
  );
});
