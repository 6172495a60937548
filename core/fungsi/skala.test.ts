import fc from 'fast-check';
import { Dec } from '../angka/desimal';
import { classify, findSkala, parseSkalaRange, SKALA_BAWAAN } from './skala';
import { PREDIKAT } from './spreadsheet';

/** The bands of docs/fungsi.md, written out independently of skala.ts. */
const BANDS: Record<string, (x: number) => string> = {
  permendagri86: (x) => (x >= 91 ? 'Sangat Tinggi' : x >= 76 ? 'Tinggi' : x >= 66 ? 'Sedang' : x >= 51 ? 'Rendah' : 'Sangat Rendah'),
  melampaui: (x) => (x > 100 ? 'Melampaui Target' : BANDS.permendagri86(x)),
  berhasil: (x) => (x >= 100 ? 'Sangat Berhasil' : x >= 75 ? 'Berhasil' : x >= 55 ? 'Cukup Berhasil' : 'Kurang Berhasil'),
  sakip: (x) => (x > 90 ? 'AA' : x > 80 ? 'A' : x > 70 ? 'BB' : x > 60 ? 'B' : x > 50 ? 'CC' : x > 30 ? 'C' : 'D'),
};

/** Values near every bound, with up to 3 decimals, and any finite double. */
const capaian = fc.oneof(
  fc.integer({ min: -20_000, max: 200_000 }).map((n) => n / 1000),
  fc
    .constantFrom(30, 50, 51, 55, 60, 66, 70, 75, 76, 80, 90, 91, 100)
    .chain((b) => fc.integer({ min: -10, max: 10 }).map((d) => b + d / 100)),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

describe.each(Object.keys(SKALA_BAWAAN))('built-in scale %s', (name) => {
  const skala = SKALA_BAWAAN[name];
  const labels = skala.bands.map((b) => b.label);
  /** Index from the top: 0 is the best band. */
  const rank = (label: string) => labels.indexOf(label);

  test('every finite number gets exactly one label, the one docs/fungsi.md gives', () => {
    fc.assert(
      fc.property(capaian, (x) => {
        const d = new Dec(x);
        // exactly one band holds x: it reaches the band's lower bound and not the one above
        const holding = skala.bands.filter((b, i) => {
          const reaches = b.min === null || (b.inclusive ? d.gte(b.min) : d.gt(b.min));
          const above = skala.bands[i - 1];
          const belowAbove = i === 0 || !(above.min === null || (above.inclusive ? d.gte(above.min) : d.gt(above.min)));
          return reaches && belowAbove;
        });
        expect(holding).toHaveLength(1);
        expect(classify(skala, d)).toBe(holding[0].label);
        expect(classify(skala, d)).toBe(BANDS[name](x));
      }),
      { numRuns: 2000 },
    );
  });

  test('monotone: a higher value never gets a lower band', () => {
    fc.assert(
      fc.property(capaian, capaian, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank(classify(skala, new Dec(hi)))).toBeLessThanOrEqual(rank(classify(skala, new Dec(lo))));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('boundaries as typed in a sheet', () => {
  test.each([
    ['90,99', 'Tinggi'],
    ['91', 'Sangat Tinggi'],
    ['100', 'Sangat Tinggi'],
    ['100,01', 'Sangat Tinggi'],
    ['76', 'Tinggi'],
    ['75,99', 'Sedang'],
    ['75', 'Sedang'],
    ['66', 'Sedang'],
    ['65,99', 'Rendah'],
    ['51', 'Rendah'],
    ['50,5', 'Sangat Rendah'],
    ['0', 'Sangat Rendah'],
    ['-10', 'Sangat Rendah'],
  ])('permendagri86 %s → %s', (x, label) => expect(PREDIKAT(x, 'permendagri86')).toBe(label));

  test.each([
    ['100', 'Sangat Tinggi'],
    ['100,01', 'Melampaui Target'],
    ['91', 'Sangat Tinggi'],
    ['90,99', 'Tinggi'],
    ['50,5', 'Sangat Rendah'],
  ])('melampaui %s → %s', (x, label) => expect(PREDIKAT(x, 'melampaui')).toBe(label));

  test.each([
    ['100', 'Sangat Berhasil'],
    ['99,99', 'Berhasil'],
    ['75', 'Berhasil'],
    ['74,99', 'Cukup Berhasil'],
    ['55', 'Cukup Berhasil'],
    ['54,99', 'Kurang Berhasil'],
  ])('berhasil %s → %s', (x, label) => expect(PREDIKAT(x, 'berhasil')).toBe(label));

  test.each([
    ['90,01', 'AA'],
    ['90', 'A'],
    ['80,01', 'A'],
    ['80', 'BB'],
    ['70', 'B'],
    ['60', 'CC'],
    ['50', 'C'],
    ['30,01', 'C'],
    ['30', 'D'],
  ])('sakip %s → %s', (x, label) => expect(PREDIKAT(x, 'sakip')).toBe(label));

  test('desimal: 90,995 with 2 decimals shows as 91,00 and is Sangat Tinggi; without, Tinggi', () => {
    expect(PREDIKAT('90,995', 'permendagri86', 2)).toBe('Sangat Tinggi');
    expect(PREDIKAT('90,995', 'permendagri86')).toBe('Tinggi');
    expect(PREDIKAT('90,994', 'permendagri86', 2)).toBe('Tinggi');
    expect(PREDIKAT('99,995', 'berhasil', 2)).toBe('Sangat Berhasil');
    expect(PREDIKAT('90,004', 'sakip', 2)).toBe('A'); // shows 90,00: not above 90
  });
});

describe('findSkala', () => {
  test('names are case-, space- and hyphen-insensitive, with the document spellings', () => {
    expect(findSkala('Permendagri 86')?.name).toBe('permendagri86');
    expect(findSkala('permendagri-86')?.name).toBe('permendagri86');
    expect(findSkala('Permendagri 86/2017')?.name).toBe('permendagri86');
    expect(findSkala('BERHASIL')?.name).toBe('berhasil');
    expect(findSkala('PermenPAN-RB 88/2021')?.name).toBe('sakip');
    expect(findSkala('bintang')).toBeUndefined();
  });
});

describe('parseSkalaRange', () => {
  const labelOf = (rows: unknown[][], x: string) => {
    const r = parseSkalaRange(rows);
    if (!r.ok) throw new Error(r.message);
    return classify(r.skala, new Dec(x));
  };

  test('two columns: lower bound and label, in any order', () => {
    const rows = [
      [0, 'Kurang'],
      [75, 'Baik'],
      [55, 'Cukup'],
    ];
    expect(labelOf(rows, '74.99')).toBe('Cukup');
    expect(labelOf(rows, '75')).toBe('Baik');
    expect(labelOf(rows, '-3')).toBe('Kurang');
  });

  test('three columns printed as integers 91–100 / 76–90 / 66–75 / 51–65 / 0–50 are contiguous', () => {
    const rows = [
      ['91', '100', 'Sangat Tinggi'],
      ['76', '90', 'Tinggi'],
      ['66', '75', 'Sedang'],
      ['51', '65', 'Rendah'],
      ['0', '50', 'Sangat Rendah'],
    ];
    expect(parseSkalaRange(rows).ok).toBe(true);
    expect(labelOf(rows, '90.99')).toBe('Tinggi');
    expect(labelOf(rows, '91')).toBe('Sangat Tinggi');
    expect(labelOf(rows, '65.5')).toBe('Rendah');
  });

  test('three columns with two decimals: 90,01–100 and 0–90 are contiguous', () => {
    const rows = [
      ['90,01', '100', 'Baik'],
      ['0', '90,00', 'Kurang'],
    ];
    expect(labelOf(rows, '90.01')).toBe('Baik');
    expect(labelOf(rows, '90.005')).toBe('Kurang');
  });

  test('a hole names the two rows around it', () => {
    const r = parseSkalaRange([
      [91, 100, 'Sangat Tinggi'],
      [76, 90, 'Tinggi'],
      [51, 65, 'Rendah'],
      [0, 50, 'Sangat Rendah'],
    ]);
    expect(r).toEqual({
      ok: false,
      message: expect.stringMatching(/^Skala baris 2 dan 3 berlubang: tidak ada predikat antara 65 dan 76/),
    });
  });

  test('an overlap names the two rows', () => {
    const r = parseSkalaRange([
      [91, 100, 'Sangat Tinggi'],
      [76, 92, 'Tinggi'],
      [0, 75, 'Sedang'],
    ]);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/^Skala baris 1 dan 2 tumpang tindih/) });
  });

  test('upper bound below lower bound, blank label, bad bound, wrong width', () => {
    expect(
      parseSkalaRange([
        [90, 80, 'X'],
        [0, 89, 'Y'],
      ]),
    ).toEqual({ ok: false, message: expect.stringMatching(/baris 1: batas atas lebih kecil/) });
    expect(
      parseSkalaRange([
        [90, ''],
        [0, 'Y'],
      ]),
    ).toEqual({ ok: false, message: expect.stringMatching(/baris 1: predikat kosong/) });
    expect(parseSkalaRange([['sembilan', 'X']])).toEqual({
      ok: false,
      message: expect.stringMatching(/baris 1: batas "sembilan" bukan angka/),
    });
    expect(parseSkalaRange([[1, 2, 3, 4]])).toEqual({ ok: false, message: expect.stringMatching(/2 kolom/) });
  });
});
