import fc from 'fast-check';
import { Dec, roundHalfUp } from '../angka/desimal';
import { parseCell } from '../angka/parse';
import { capaian } from '../fungsi/rumus';
import { hiddenValue, Input, inputOf, isCountUnit, isExact, judge, rangeOf, Shown, shownNumber, toleranceFinding } from './toleransi';
import { buildTable, contextOf, sheetOf } from '../../test/helpers/uji-tabel';

const d = (s: string | number) => new Dec(s);
/** A cell as typed in a TSV, read the way the checks read it. */
function shown(text: string): Shown {
  const cell = parseCell(text);
  const num = cell.value!.toNumber();
  return { value: cell.value!, decimals: cell.decimals!, cell, num, exact: cell.value!, exactNum: num, native: false };
}
const band = (text: string): Input => inputOf(shown(text), false);
const exact = (text: string): Input => inputOf(shown(text), true);
const ratio = (xs: Dec[]) => capaian(xs[0], xs[1]);

describe('judge: the classes of docs/pemeriksaan.md', () => {
  it('accepts the computed value rounded half-up to the shown decimals', () => {
    expect(judge({ value: d('92.5'), decimals: 1 }, d('0.259').div('0.28').times(100), null)).toBe('consistent');
    // LKjIP Magetan realisasi anggaran TOTAL: 23.594.861.370 / 24.175.862.284 = 97,5968… → 97,60
    expect(judge({ value: d('97.60'), decimals: 2 }, d(23594861370).div(24175862284).times(100), null)).toBe('consistent');
    // 99,375 is a tie: half-up gives 99,38 (golden: CAPAIAN 87,45;88,00)
    expect(judge({ value: d('99.38'), decimals: 2 }, d('99.375'), null)).toBe('consistent');
    expect(judge({ value: d('99.37'), decimals: 2 }, d('99.375'), null)).toBe('truncated');
  });

  it('calls a value cut instead of rounded a truncation (T-C.29: 8 % for 19/213 = 8,92 %)', () => {
    expect(judge({ value: d(8), decimals: 0 }, d(19).div(213).times(100), null)).toBe('truncated');
    // Truncation goes toward zero for negative efficiency too.
    expect(judge({ value: d('-3.45'), decimals: 2 }, d('-3.456'), null)).toBe('truncated');
  });

  it('recognises rounding twice: 8,449 → 8,45 → 8,5', () => {
    expect(judge({ value: d('8.5'), decimals: 1 }, d('8.449'), null)).toBe('double-rounded');
    expect(judge({ value: d('8.4'), decimals: 1 }, d('8.449'), null)).toBe('consistent');
  });

  it('accepts with a warning what only hidden input digits explain (Magetan 96 for 0,038/0,04)', () => {
    const inputs = [band('0,038'), band('0,04')];
    const c = ratio(inputs.map((x) => x.value))!;
    expect(c.toFixed()).toBe('95');
    expect(judge({ value: d(96), decimals: 0 }, c, () => rangeOf(ratio, inputs))).toBe('hidden-digits');
  });

  it('accepts with a warning Tanggamus IKU 92,49 for 75,85 / 82 = 92,50', () => {
    const inputs = [band('75,85'), band('82')];
    const c = ratio(inputs.map((x) => x.value))!;
    expect(roundHalfUp(c, 2).toFixed(2)).toBe('92.50');
    expect(judge({ value: d('92.49'), decimals: 2 }, c, rangeOf(ratio, inputs))).toBe('hidden-digits');
  });

  it('rejects a value no band explains: 30 % for 1 of 3 dokumen', () => {
    const inputs = [exact('1 dokumen'), exact('3 dokumen')];
    expect(judge({ value: d(30), decimals: 0 }, d(1).div(3).times(100), rangeOf(ratio, inputs))).toBe('wrong');
  });

  it('gives counts no band, but bare numbers one: 14 for 2/15', () => {
    const c = d(2).div(15).times(100); // 13,33
    expect(judge({ value: d(14), decimals: 0 }, c, rangeOf(ratio, [exact('2 unit'), exact('15 unit')]))).toBe('wrong');
    // 2 ± 0,5 over 15 ± 0,5 reaches [9,68; 17,24]
    expect(judge({ value: d(14), decimals: 0 }, c, rangeOf(ratio, [band('2'), band('15')]))).toBe('hidden-digits');
  });

  it('property: a correctly rounded value is always consistent', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 4 }), (a, b, k) => {
        const c = d(a).div(b);
        return judge({ value: roundHalfUp(c, k), decimals: k }, c, null) === 'consistent';
      }),
    );
  });

  it('property: with exact inputs, anything more than one unit of the last digit away is wrong', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e7 }),
        fc.integer({ min: 1, max: 1e5 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 2, max: 500 }),
        fc.boolean(),
        (a, b, k, units, up) => {
          const c = d(a).div(b).times(100);
          const step = d(10).pow(-k);
          const s = roundHalfUp(c, k).plus(step.times(up ? units : -units));
          return judge({ value: s, decimals: k }, c, { lo: c, hi: c }) === 'wrong';
        },
      ),
    );
  });
});

describe('rangeOf', () => {
  it('property: every point of the input box lands inside the interval (capaian)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100000 }),
        fc.integer({ min: 1, max: 100000 }),
        fc.integer({ min: 0, max: 3 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (r, t, k, u, v) => {
          const scale = d(10).pow(k);
          // Keep the target's band away from zero, as a shown target of at least 1 unit does.
          const inputs: Input[] = [
            { value: d(r).div(scale), half: d(10).pow(-k).div(2), decimals: k },
            { value: d(t).div(scale).plus(1), half: d(10).pow(-k).div(2), decimals: k },
          ];
          const range = rangeOf(ratio, inputs)!;
          const x = inputs[0].value.minus(inputs[0].half).plus(inputs[0].half.times(2).times(u));
          const y = inputs[1].value.minus(inputs[1].half).plus(inputs[1].half.times(2).times(v));
          const f = ratio([x, y])!;
          return f.gte(range.lo) && f.lte(range.hi);
        },
      ),
    );
  });

  it('has no interval when a band reaches zero, where a denominator could change sign', () => {
    expect(rangeOf(ratio, [band('1'), band('0')])).toBeNull();
    expect(rangeOf(ratio, [band('1'), band('0,4')])).not.toBeNull();
    // An exact zero count gives no band and no corner to fear.
    expect(rangeOf((xs) => xs[0].plus(xs[1]), [exact('0 orang'), band('2')])).toEqual({ lo: d('1.5'), hi: d('2.5') });
  });
});

describe('exact inputs', () => {
  it('treats money and whole counts as exact, percents and bare numbers as banded', () => {
    expect(isExact(shown('24 bln'), false)).toBe(true);
    expect(isExact(shown('18 kec'), false)).toBe(true);
    expect(isExact(shown('1.270 orang'), false)).toBe(true);
    expect(isExact(shown('2,5 bulan'), false)).toBe(false);
    expect(isExact(shown('99,88 %'), false)).toBe(false);
    expect(isExact(shown('85'), false)).toBe(false);
    expect(isExact(shown('237 skor'), false)).toBe(false);
    expect(isExact(shown('85'), true)).toBe(true); // a money column
    expect(isExact(shown('Rp. 3.608.747.543,00'), false)).toBe(true);
    // A bare number in a row whose Satuan column says "Orang"
    expect(isExact(shown('200'), false, 'orang')).toBe(true);
    expect(isCountUnit('indeks')).toBe(false);
  });
});

describe('hiddenValue', () => {
  it('names the hidden realisasi that would give Magetan 96', () => {
    const v = hiddenValue(ratio, [band('0,038'), band('0,04')], 0, { value: d(96), decimals: 0 });
    expect(v!.toFixed()).toBe('0.0384');
  });

  it('names the hidden realisasi that would give Tanggamus 92,49', () => {
    const v = hiddenValue(ratio, [band('75,85'), band('82')], 0, { value: d('92.49'), decimals: 2 });
    // 75,845 / 82 × 100 = 92,4939 → 92,49, and 75,845 still shows as 75,85
    expect(v!.toFixed()).toBe('75.845');
  });

  it('says nothing for an exact input or a value out of reach', () => {
    expect(hiddenValue(ratio, [exact('1 dokumen'), exact('3 dokumen')], 0, { value: d(30), decimals: 0 })).toBeNull();
    expect(hiddenValue(ratio, [band('0,038'), band('0,04')], 0, { value: d(99), decimals: 0 })).toBeNull();
  });
});

describe('shownNumber', () => {
  const sheet = sheetOf(
    [
      ['h', 'h'],
      [0.971, '92,5'],
      [33.333333333333336, 90.995],
      ['1.270 orang', null],
    ],
    {
      typed: true,
      numberFormats: [
        [null, null],
        ['0.00%', null],
        [null, '0.00'],
        [null, null],
      ],
    },
  );
  const table = buildTable(sheet, {
    headerBottom: 0,
    columns: [
      { col: 0, role: 'capaian' },
      { col: 1, role: 'capaian' },
    ],
  });
  const ctx = contextOf(sheet, table);
  const s = (row: number, col: number) => {
    const x = shownNumber(ctx, row, col);
    return x && `${x.value.toFixed()}/${x.decimals}`;
  };

  it('shows a percent-formatted number ×100 with the format decimals', () => expect(s(1, 0)).toBe('97.1/2'));
  it('keeps the decimals written in text', () => expect(s(1, 1)).toBe('92.5/1'));
  it('rounds a General number to nine decimals', () => expect(s(2, 0)).toBe('33.333333333/9'));
  it('rounds a formatted number as Excel shows it', () => expect(s(2, 1)).toBe('91/2'));
  it('reads a quantity with its unit', () => expect(s(3, 0)).toBe('1270/0'));
  it('has nothing for an empty cell', () => expect(s(3, 1)).toBeNull());
});

describe('toleranceFinding', () => {
  const sheet = sheetOf([['Capaian'], ['x']]);
  const ctx = contextOf(sheet, buildTable(sheet, { headerBottom: 0, columns: [{ col: 0, role: 'capaian' }] }));
  const report = (stated: string, computed: Dec, verdict: Parameters<typeof toleranceFinding>[0]['verdict']) =>
    toleranceFinding({
      ctx,
      row: 1,
      col: 0,
      label: 'Capaian',
      stated: shown(stated),
      computed,
      verdict,
      working: 'w',
      percent: true,
      related: [],
    });

  it('writes the error the planner reads', () => {
    const f = report('30 %', d(1).div(3).times(100), 'wrong')!;
    expect(f).toMatchObject({ cell: 'A2', rule: 'rumus-kolom', severity: 'error', actual: '30', expected: '33.33' });
    expect(f.message).toBe('Capaian tertulis 30 %, seharusnya 33,33 % (w).');
  });

  it('writes a truncation as an info about rounding', () => {
    const f = report('8 %', d(19).div(213).times(100), 'truncated')!;
    expect(f).toMatchObject({ rule: 'pembulatan', severity: 'info', expected: '9' });
    expect(f.message).toBe('Capaian tertulis 8 %, hasil hitung 8,92 % dibulatkan menjadi 9 % (w): angka terpotong, bukan dibulatkan.');
  });

  it('writes hidden digits as a rounding warning', () => {
    const f = report('96', d(95), 'hidden-digits')!;
    expect(f).toMatchObject({ rule: 'pembulatan', severity: 'warning', expected: '95' });
    expect(f.message).toContain('hanya cocok bila angka masukannya memiliki digit yang tidak ditampilkan');
  });

  it('says nothing when consistent', () => expect(report('92,5', d('92.5'), 'consistent')).toBeNull());
});
