import fc from 'fast-check';
import { Dec } from '../angka/desimal';
import { isFungsiError } from './galat';
import { HasilSel } from './rentang';
import { CAPAIAN, EFISIENSI, NILAI_EFISIENSI, PREDIKAT, SERAPAN } from './spreadsheet';

const err = (code: string, message?: string | RegExp) =>
  message === undefined
    ? expect.objectContaining({ code })
    : expect.objectContaining({ code, message: expect.stringMatching(message) });

describe('CAPAIAN', () => {
  test('naik is realisasi / target × 100, exact to the double', () => {
    expect(CAPAIAN(79.72, 80)).toBe(99.65); // 7972/80 = 99.65, not 99.64999…
    expect(CAPAIAN(75.85, 82)).toBe(92.5); // 75.85/82 = 0.925 exactly
    expect(CAPAIAN(87.45, 88)).toBe(99.375);
  });

  test('turun is (2×target − realisasi) / target × 100 and may be ≤ 0', () => {
    expect(CAPAIAN(13.26, 12.84, 'turun')).toBe(Number('96.72897196261682242990654205607476635514'));
    expect(CAPAIAN(10, 5, 'turun')).toBe(0); // (10 − 10)/5
    expect(CAPAIAN(30, 10, 'turun')).toBe(-100); // (20 − 30)/10
  });

  test('turun-rasio is target / realisasi × 100', () => {
    expect(CAPAIAN(13.26, 12.84, 'turun-rasio')).toBe(Number('96.83257918552036199095022624434389140271'));
    expect(CAPAIAN(50, 40, 'turun-rasio')).toBe(80);
  });

  test('arah aliases and spellings', () => {
    const turun = CAPAIAN(13.26, 12.84, 'turun');
    for (const a of ['negatif', 'TURUN', ' Turun ', -1, '-1', '"turun"']) expect(CAPAIAN(13.26, 12.84, a)).toBe(turun);
    const naik = CAPAIAN(13.26, 12.84);
    for (const a of ['positif', 'Naik', 1, '1', '+1', '', null, undefined]) expect(CAPAIAN(13.26, 12.84, a)).toBe(naik);
    const rasio = CAPAIAN(13.26, 12.84, 'turun-rasio');
    for (const a of ['Turun Rasio', 'TURUN_RASIO', 'turunrasio']) expect(CAPAIAN(13.26, 12.84, a)).toBe(rasio);
    expect(CAPAIAN(1, 2, 'naikk')).toEqual(err('#VALUE!', /^Arah tidak dikenal: 'naikk'/));
    expect(CAPAIAN(1, 2, 2)).toEqual(err('#VALUE!', /Arah tidak dikenal: '2'/));
  });

  test('batas caps the result, not below it', () => {
    expect(CAPAIAN(87.86, 80, 'naik', 100)).toBe(100);
    expect(CAPAIAN(87.86, 80, 'naik', '120')).toBe(109.825);
    expect(CAPAIAN(99, 80, null, '120 %')).toBe(120);
    expect(CAPAIAN(1, 2, 'naik', 'abc')).toEqual(err('#VALUE!', /^Batas bukan angka: 'abc'/));
  });

  test('text numbers as people type them', () => {
    expect(CAPAIAN('0,259', '0,28')).toBe(92.5);
    expect(CAPAIAN('99,88 %', '99,88%')).toBe(100);
    expect(CAPAIAN('Rp 5.000.000', 'Rp. 10.000.000,00')).toBe(50);
    expect(CAPAIAN('84 Angka', '80 Angka')).toBe(105);
    expect(CAPAIAN('1.270 orang', '1.000')).toBe(127); // a single group reads the id-ID way
  });

  test('bad input is a typed error naming the argument and the value', () => {
    expect(CAPAIAN(1, 'abc')).toEqual({ code: '#VALUE!', message: "Target bukan angka: 'abc'." });
    expect(CAPAIAN('xyz', 1)).toEqual({ code: '#VALUE!', message: "Realisasi bukan angka: 'xyz'." });
    expect(CAPAIAN(5, 0)).toEqual({ code: '#DIV/0!', message: 'Target nol: capaian tidak dapat dihitung.' });
    expect(CAPAIAN(5, '0,00')).toEqual(err('#DIV/0!', /^Target nol/));
    expect(CAPAIAN(0, 5, 'turun-rasio')).toEqual(err('#DIV/0!', /^Realisasi nol/));
    expect(CAPAIAN(NaN, 5)).toEqual(err('#NUM!', /^Realisasi/));
    expect(CAPAIAN(Infinity, 5)).toEqual(err('#NUM!', /^Realisasi/));
    expect(CAPAIAN(true, 5)).toEqual(err('#VALUE!', /^Realisasi bukan angka: 'TRUE'/));
    expect(CAPAIAN(new Date(2024, 0, 1), 5)).toEqual(err('#VALUE!', /^Realisasi berisi tanggal/));
    expect(CAPAIAN('53.600.0000', 5)).toEqual(err('#VALUE!', /^Realisasi tidak sah: .*53\.600\.0000/));
    expect(CAPAIAN('#DIV/0!', 5)).toEqual(err('#DIV/0!', /^Realisasi berisi galat #DIV\/0!/));
  });

  test('an error value handed in by the host is passed on', () => {
    const e = { code: '#N/A', message: 'dari sel lain' };
    expect(CAPAIAN(e, 5)).toEqual(e);
  });

  test('blank: both blank → blank; one of the two blank → blank (row still being typed)', () => {
    expect(CAPAIAN(null, null)).toBeNull();
    expect(CAPAIAN('', undefined)).toBeNull();
    expect(CAPAIAN(79.72, null)).toBeNull();
    expect(CAPAIAN('', 80)).toBeNull();
    expect(CAPAIAN('-', 80)).toBeNull(); // "-" means no value (docs/angka.md)
    // a filled but wrong value is an error even on a half-filled row
    expect(CAPAIAN('abc', null)).toEqual(err('#VALUE!'));
    // a wrong arah on an empty template row does not flash an error
    expect(CAPAIAN(null, null, 'xyz')).toBeNull();
  });

  test('huge results are #NUM!, not Infinity', () => {
    expect(CAPAIAN(1e308, 1e-308)).toEqual(err('#NUM!'));
  });
});

describe('SERAPAN', () => {
  test('realisasi / pagu × 100 on money text', () => {
    // 5.064.388.054 / 5.215.862.284 × 100 = 97,0958928408…
    expect(SERAPAN('5.064.388.054', '5.215.862.284')).toBe(Number('97.0958928408701060712284711081532075'));
    expect(SERAPAN(53725000, 65000000)).toBe(Number('82.65384615384615384615'));
    expect(SERAPAN('Rp 1.000,-', 'Rp 4.000,-')).toBe(25);
  });
  test('zero pagu and bad values', () => {
    expect(SERAPAN(1, 0)).toEqual({ code: '#DIV/0!', message: 'Pagu nol: serapan tidak dapat dihitung.' });
    expect(SERAPAN(1, 'dua')).toEqual({ code: '#VALUE!', message: "Pagu bukan angka: 'dua'." });
    expect(SERAPAN(null, 5)).toBeNull();
  });
});

describe('EFISIENSI', () => {
  test('rasio (default): (1 − serapan / capaian) × 100', () => {
    expect(EFISIENSI(100, 99.13)).toBe(0.87);
    expect(EFISIENSI(92.5, 88.01)).toBe(Number('4.854054054054054054054')); // 4.49/92.5
    expect(EFISIENSI(80, 100)).toBe(-25);
  });
  test('selisih and sisa', () => {
    expect(EFISIENSI(92.5, 88.01, 'selisih')).toBe(4.49); // not 4.489999…
    expect(EFISIENSI(99.91, 85.97, 'sisa')).toBe(14.03);
    expect(EFISIENSI(null, 76.02, 'SISA')).toBe(23.98); // sisa ignores capaian
    expect(EFISIENSI('abc', 76.02, 'sisa')).toBe(23.98);
    expect(EFISIENSI(5, null, 'sisa')).toBeNull();
  });
  test('errors', () => {
    expect(EFISIENSI(0, 50)).toEqual({ code: '#DIV/0!', message: 'Capaian kinerja nol: efisiensi tidak dapat dihitung.' });
    expect(EFISIENSI(0, 50, 'selisih')).toBe(-50);
    expect(EFISIENSI(90, 50, 'bagi')).toEqual(err('#VALUE!', /^Metode tidak dikenal: 'bagi'/));
    expect(EFISIENSI(90, 'x')).toEqual({ code: '#VALUE!', message: "Serapan anggaran bukan angka: 'x'." });
    expect(EFISIENSI(null, null, 'bagi')).toBeNull();
    expect(EFISIENSI(90, null)).toBeNull();
  });
});

describe('NILAI_EFISIENSI', () => {
  test('50 + (E/20)×50 with E clamped to [−20, 20]', () => {
    expect(NILAI_EFISIENSI(0)).toBe(50);
    expect(NILAI_EFISIENSI(4.85)).toBe(62.125);
    expect(NILAI_EFISIENSI('-4,85')).toBe(37.875);
    expect(NILAI_EFISIENSI(20)).toBe(100);
    expect(NILAI_EFISIENSI(35)).toBe(100);
    expect(NILAI_EFISIENSI(-20.01)).toBe(0);
    expect(NILAI_EFISIENSI(0.01)).toBe(50.025);
    expect(NILAI_EFISIENSI(null)).toBeNull();
    expect(NILAI_EFISIENSI('tinggi')).toEqual({ code: '#VALUE!', message: "Efisiensi bukan angka: 'tinggi'." });
  });
});

describe('PREDIKAT', () => {
  test('default scale and names', () => {
    expect(PREDIKAT(92.5)).toBe('Sangat Tinggi');
    expect(PREDIKAT('80,5 %')).toBe('Tinggi');
    expect(PREDIKAT(100, 'berhasil')).toBe('Sangat Berhasil');
    expect(PREDIKAT(100.5, 'Melampaui')).toBe('Melampaui Target');
    expect(PREDIKAT(85, 'SAKIP')).toBe('A');
    expect(PREDIKAT(92.5, 'Permendagri 86')).toBe('Sangat Tinggi');
    expect(PREDIKAT(92.5, 'permendagri-86')).toBe('Sangat Tinggi');
    expect(PREDIKAT(92.5, 'Permendagri 86/2017')).toBe('Sangat Tinggi');
    expect(PREDIKAT(92.5, [['berhasil']])).toBe('Berhasil'); // a name in a 1×1 range
  });

  test('desimal rounds half-up before classifying', () => {
    expect(PREDIKAT(90.995)).toBe('Tinggi');
    expect(PREDIKAT(90.995, null, 2)).toBe('Sangat Tinggi');
    expect(PREDIKAT('90,995', '', '2')).toBe('Sangat Tinggi');
    expect(PREDIKAT(90.994, null, 2)).toBe('Tinggi');
    expect(PREDIKAT(90.5, null, 0)).toBe('Sangat Tinggi');
    expect(PREDIKAT(99.995, 'berhasil', 2)).toBe('Sangat Berhasil');
    expect(PREDIKAT(90, null, 2.5)).toEqual(err('#NUM!', /^Desimal harus bilangan bulat/));
    expect(PREDIKAT(90, null, -1)).toEqual(err('#NUM!'));
  });

  test('unknown scale, blank and bad capaian', () => {
    expect(PREDIKAT(90, 'bintang')).toEqual(err('#VALUE!', /^Skala tidak dikenal: 'bintang'/));
    expect(PREDIKAT(null, 'bintang')).toBeNull();
    expect(PREDIKAT('')).toBeNull();
    expect(PREDIKAT('baik')).toEqual({ code: '#VALUE!', message: "Capaian bukan angka: 'baik'." });
  });

  test('a capaian from a percent-formatted cell (0,01 ≤ x < 2) is refused with how to write it, not graded', () => {
    // 92,50 % typed in a percent cell holds 0,925; graded as is it would be "Sangat Rendah".
    expect(PREDIKAT(0.925)).toEqual(
      err(
        '#VALUE!',
        /^Capaian 0,925 terlalu kecil untuk persen; bila selnya berformat persen \(92,5 %\), tulis capaian sebagai angka persen \(92,5\)/,
      ),
    );
    expect(PREDIKAT('0,925', 'berhasil')).toEqual(err('#VALUE!', /berformat persen/));
    expect(PREDIKAT([[1.05], [92.5], [0], [0.01]])).toEqual([
      [err('#VALUE!', /105 %/)],
      ['Sangat Tinggi'],
      ['Sangat Rendah'],
      [err('#VALUE!', /1 %/)],
    ]);
    // From 2 up, and below 0,01, a capaian is graded as written.
    expect(PREDIKAT(2)).toBe('Sangat Rendah');
    expect(PREDIKAT(0.001)).toBe('Sangat Rendah');
    expect(PREDIKAT(0.00999)).toBe('Sangat Rendah');
    expect(PREDIKAT(-5, 'sakip')).toBe('D');
  });

  test("the office's own scale from a range", () => {
    const dua = [
      [91, 'Sangat Tinggi'],
      [76, 'Tinggi'],
      [66, 'Sedang'],
      [51, 'Rendah'],
      [0, 'Sangat Rendah'],
    ];
    expect(PREDIKAT([[95], [90.99], [51], [50.99], [-5]], dua)).toEqual([
      ['Sangat Tinggi'],
      ['Tinggi'],
      ['Rendah'],
      ['Sangat Rendah'],
      ['Sangat Rendah'],
    ]);
    const tercetak = [
      ['91', '100', 'Sangat Tinggi'],
      ['76', '90', 'Tinggi'],
      ['66', '75', 'Sedang'],
      ['51', '65', 'Rendah'],
      ['0', '50', 'Sangat Rendah'],
    ];
    // printed with gaps at integer precision (90 → 91): read as half-open bands, like docs/fungsi.md's default
    expect(PREDIKAT(90.5, tercetak)).toBe('Tinggi');
    expect(PREDIKAT(91, tercetak)).toBe('Sangat Tinggi');
    expect(PREDIKAT(105, tercetak)).toBe('Sangat Tinggi');
    expect(PREDIKAT(50.5, tercetak)).toBe('Sangat Rendah');
    expect(PREDIKAT(75.5, tercetak)).toBe('Sedang');
  });

  test('a scale with a hole or an overlap is an error naming the rows', () => {
    const berlubang = [
      [91, 100, 'Sangat Tinggi'],
      [76, 85, 'Tinggi'],
      [0, 75, 'Sedang'],
    ];
    expect(PREDIKAT(95, berlubang)).toEqual(err('#VALUE!', /baris 1 dan 2 berlubang/));
    const tumpang = [
      [91, 100, 'Sangat Tinggi'],
      [76, 95, 'Tinggi'],
      [0, 75, 'Sedang'],
    ];
    expect(PREDIKAT(95, tumpang)).toEqual(err('#VALUE!', /baris 1 dan 2 tumpang tindih/));
    const samaBawah = [
      [50, 'Baik'],
      [50, 'Cukup'],
    ];
    expect(PREDIKAT(95, samaBawah)).toEqual(err('#VALUE!', /baris 1 dan 2 tumpang tindih/));
    // every cell of the result carries the scale's error, blank cells stay blank
    expect(PREDIKAT([[95], [null]], berlubang)).toEqual([[err('#VALUE!', /berlubang/)], [null]]);
  });
});

describe('ranges', () => {
  test('2-D in, same shape out', () => {
    expect(
      CAPAIAN(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        [
          [2, 4, 6],
          [8, 10, 12],
        ],
      ),
    ).toEqual([
      [50, 50, 50],
      [50, 50, 50],
    ]);
  });

  test('a single value or a 1×1 range pairs with every cell', () => {
    const expected = [[99.65], [94.8125], [100]];
    expect(CAPAIAN([[79.72], [75.85], [80]], 80)).toEqual(expected);
    expect(CAPAIAN([[79.72], [75.85], [80]], [[80]])).toEqual(expected);
    expect(CAPAIAN([[79.72], [75.85], [80]], '80')).toEqual(expected);
    expect(PREDIKAT([[92.5, 70]], 'berhasil')).toEqual([['Berhasil', 'Cukup Berhasil']]);
  });

  test('a row or a column broadcasts along its other dimension', () => {
    const grid = [
      [1, 2],
      [3, 4],
    ];
    expect(CAPAIAN(grid, [[10, 20]])).toEqual([
      [10, 10],
      [30, 20],
    ]);
    expect(CAPAIAN(grid, [[10], [20]])).toEqual([
      [10, 20],
      [15, 20],
    ]);
    // arah per row
    expect(CAPAIAN([[30], [30]], [[10], [10]], [['naik'], ['turun']])).toEqual([[300], [-100]]);
  });

  test('cells with no partner get #N/A, the others are computed', () => {
    const r = CAPAIAN([[1], [2], [3]], [[4], [8]]) as HasilSel[][];
    expect(r[0][0]).toBe(25);
    expect(r[1][0]).toBe(25);
    expect(r[2][0]).toEqual(err('#N/A', /target/));
    const wide = CAPAIAN([[1, 2, 3]], [[1, 1]]) as HasilSel[][];
    expect(wide[0].slice(0, 2)).toEqual([100, 200]);
    expect(wide[0][2]).toEqual(err('#N/A'));
  });

  test('blank rows stay blank and one bad cell spoils nothing else', () => {
    expect(CAPAIAN([[79.72], [null], [''], ['abc'], [5], ['-']], [[80], [null], [''], [80], [0], [80]])).toEqual([
      [99.65],
      [null],
      [null],
      [err('#VALUE!', /'abc'/)],
      [err('#DIV/0!')],
      [null],
    ]);
  });

  test('ragged rows read as blanks, a flat array as one row', () => {
    expect(CAPAIAN([[1, 2], [3]], 1)).toEqual([
      [100, 200],
      [300, null],
    ]);
    expect(CAPAIAN([1, 2], 4)).toEqual([[25, 50]]);
    expect(SERAPAN([], 4)).toEqual([[null]]);
  });

  test('a range gives, cell by cell, what the single values give (fast and full paths agree)', () => {
    const cell = fc.oneof(
      fc.integer({ min: -100000, max: 100000 }).map((n) => n / 100),
      fc.constantFrom(0, null, '', 'abc', '79,72', '1.270', 0.1 + 0.2, 1e300, NaN, 2 ** 60),
      fc.double(),
    );
    const grid = (rows: number, cols: number) =>
      fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
    const shape = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }));
    const arah = fc.constantFrom(undefined, 'naik', 'turun', 'turun-rasio', 'xyz');
    const batas = fc.constantFrom(undefined, 100, '120', 'abc');
    fc.assert(
      fc.property(
        shape.chain(([r, c]) => fc.tuple(grid(r, c), grid(r, c))),
        arah,
        batas,
        ([a, b], ar, bt) => {
          const whole = CAPAIAN(a, b, ar, bt) as HasilSel[][];
          a.forEach((row, i) => row.forEach((x, j) => expect(whole[i][j]).toEqual(CAPAIAN(x, b[i][j], ar, bt))));
          const s = SERAPAN(a, b) as HasilSel[][];
          a.forEach((row, i) => row.forEach((x, j) => expect(s[i][j]).toEqual(SERAPAN(x, b[i][j]))));
          for (const m of [undefined, 'selisih', 'sisa']) {
            const e = EFISIENSI(a, b, m) as HasilSel[][];
            a.forEach((row, i) => row.forEach((x, j) => expect(e[i][j]).toEqual(EFISIENSI(x, b[i][j], m))));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  test('a range inside a cell is an error for that cell only', () => {
    expect(CAPAIAN([[[1, 2]], [5]], 5)).toEqual([[err('#VALUE!', /rentang/)], [100]]);
  });
});

describe('functions never throw', () => {
  const odd = fc.oneof(
    fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withSparseArray: true,
      withTypedArray: true,
      withBoxedValues: true,
      withObjectString: true,
    }),
    fc.constantFrom(
      NaN,
      Infinity,
      -Infinity,
      -0,
      new Date(NaN),
      Object.create(null),
      Symbol('x'),
      '29,822,934.850',
      '53.600.0000',
      '1.270',
      '#REF!',
      ' ',
      '1e400',
      new Dec(5),
      { code: '#NUM!', message: 'x' },
      { code: 'no', message: 5 },
    ),
    fc.double(),
    fc.string(),
  );
  const arg = fc.oneof(odd, fc.array(fc.array(odd, { maxLength: 3 }), { maxLength: 3 }), fc.array(odd, { maxLength: 3 }));
  const fns = [CAPAIAN, EFISIENSI, PREDIKAT, SERAPAN, NILAI_EFISIENSI] as ((...a: unknown[]) => unknown)[];

  const cellOk = (c: unknown) =>
    c === null || typeof c === 'string' || (typeof c === 'number' && Number.isFinite(c)) || isFungsiError(c);

  test('on any input, and every cell is a number, text, blank or error value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fns), fc.array(arg, { maxLength: 5 }), (fn, args) => {
        const r = fn(...args);
        if (Array.isArray(r)) {
          for (const row of r) {
            expect(Array.isArray(row)).toBe(true);
            for (const c of row as unknown[]) expect(cellOk(c)).toBe(true);
          }
        } else {
          expect(cellOk(r)).toBe(true);
        }
      }),
      { numRuns: Number(process.env.LK_RUNS ?? 3000) },
    );
  });
});

describe('a sparse scale range (holes where the host gave no cell)', () => {
  test('gives an error value, never a throw', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [, [new Map(), new Date(0)]];
    expect(isFungsiError(PREDIKAT(5, sparse))).toBe(true);
  });
});
