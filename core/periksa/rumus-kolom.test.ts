import { Dec } from '../angka/desimal';
import { CellValue } from '../lembar/model';
import { check } from './rumus-kolom';
import { Finding } from './temuan';
import { brief, buildTable, ColumnSpec, contextOf, fixtureTable, runCheck, sheetOf, TableSpec } from '../../test/helpers/uji-tabel';

const run = (values: CellValue[][], spec: TableSpec) => {
  const sheet = sheetOf(values);
  return runCheck(check, sheet, buildTable(sheet, spec));
};
const at = (fs: Finding[], cell: string) => fs.find((f) => f.cell === cell);

describe('T-C.29 Renja Magetan 2022 (formulas inferred per block)', () => {
  const { sheet, table } = fixtureTable('renja_magetan_2022_tc29');
  const found = runCheck(check, sheet, table);

  it('finds exactly the document’s inconsistencies', () => {
    expect(brief(found).sort()).toEqual(
      [
        'K37 rumus-kolom warning', // PKH 18 kec ×4: cumulative (5+7)/4 gives 200 %
        'K49 rumus-kolom error', // 30 % for 1/3
        'K71 rumus-kolom error', // 14 % for 2/15
        'K76 pembulatan info', // 8 % for 19/213 = 8,92: cut, not rounded
        'K84 rumus-kolom error', // 23 % for 40/180
        'K90 rumus-kolom error', // 30 % for 1/3
        'K91 rumus-kolom error', // 3 % for 16/705
        'K98 rumus-kolom error', // 30 % for 1/3
      ].sort(),
    );
  });

  it('states the right value and how it was computed', () => {
    expect(at(found, 'K49')).toMatchObject({ actual: '30', expected: '33.33', related: ['J49', 'D49'] });
    expect(at(found, 'K49')!.message).toBe(
      'Capaian tertulis 30 %, seharusnya 33,33 % (1 / 3 × 100; rumus kolom 11 = 10 / 4 × 100, disimpulkan dari baris lain di bagian ini).',
    );
    expect(at(found, 'K71')!.expected).toBe('13.33');
    expect(at(found, 'K84')!.expected).toBe('22.22');
    expect(at(found, 'K91')!.expected).toBe('2.27');
    expect(at(found, 'K76')).toMatchObject({ actual: '8', expected: '9' });
  });

  it('uses the cumulative formula in block A1 and doubts it for a unit that does not add up', () => {
    const pkh = at(found, 'K37')!;
    expect(pkh.expected).toBeNull();
    expect(pkh.message).toContain('200,00 %');
    expect(pkh.message).toContain('(5 + 7) / 4 × 100');
    expect(pkh.message).toContain('"kec"');
  });

  it('checks the cumulative formula in earnest for an additive unit', () => {
    const values = sheet.values.map((r) => r.slice());
    values[36] = [null, 'PKH', 'Jumlah pendamping', '18 orang', '18 orang', '18 orang', '18 orang', '100 %', null, null, '100 %'];
    const f = runCheck(check, sheetOf(values), table);
    expect(at(f, 'K37')).toMatchObject({ rule: 'rumus-kolom', severity: 'error', expected: '200' });
  });
});

describe('LKjIP Magetan 2024 capaian', () => {
  it('warns on row 3 only: 96 needs a hidden realisasi ≈ 0,0384', () => {
    const { sheet, table } = fixtureTable('lkjip_magetan_2024_capaian');
    const found = runCheck(check, sheet, table);
    expect(brief(found)).toEqual(['E4 pembulatan warning']);
    expect(found[0]).toMatchObject({ actual: '96', expected: '95' });
    expect(found[0].message).toContain('0,038 / 0,04 × 100');
    expect(found[0].message).toContain('realisasi sebenarnya 0,0384');
  });
});

describe('LKjIP Magetan 2024 realisasi anggaran (clean control)', () => {
  const { sheet, table } = fixtureTable('lkjip_magetan_2024_realisasi_anggaran');

  it('verifies every serapan including TOTAL 97,5968 → 97,60', () => {
    expect(runCheck(check, sheet, table)).toEqual([]);
  });

  it('flags a wrong percent and names the right one', () => {
    const values = sheet.values.map((r) => r.slice());
    values[1][5] = '97,01'; // program 1: 5.064.388.054 / 5.215.862.284 = 97,0959…
    values[2][5] = '99,65'; // kegiatan 1.1: 39.709.000 / 39.845.000 = 99,6586…: cut
    const f = runCheck(check, sheetOf(values), table);
    expect(brief(f)).toEqual(['F2 rumus-kolom error', 'F3 pembulatan info']);
    expect(f[0]).toMatchObject({ actual: '97.01', expected: '97.1', related: ['E2', 'D2'] });
    expect(f[0].message).toBe(
      'Serapan tertulis 97,01 %, seharusnya 97,10 % (5.064.388.054 / 5.215.862.284 × 100; realisasi / anggaran × 100).',
    );
  });
});

describe('T-C.33 Renja Magetan 2022 (clean control)', () => {
  it('has no derived column to contradict', () => {
    const { sheet, table } = fixtureTable('renja_magetan_2022_tc33');
    expect(runCheck(check, sheet, table)).toEqual([]);
  });
});

describe('LKjIP Magetan 2024 efisiensi per sasaran', () => {
  const { sheet, table } = fixtureTable('lkjip_magetan_2024_efisiensi_sasaran');

  it('finds the rasio method in all six rows, and a total no aggregate reproduces', () => {
    const found = runCheck(check, sheet, table);
    expect(brief(found)).toEqual(['E4 pembulatan warning', 'I8 rumus-kolom warning']);
    const total = at(found, 'I8')!;
    expect(total.expected).toBeNull();
    // (0,87 + 4,85 + 0,66 + 0,56 + 10,77 + 3,19) / 6 = 3,48; per sasaran (…, (10,77 + 3,19) / 2) / 5 = 2,78
    expect(total.message).toContain('tidak dapat diturunkan dari baris-barisnya');
    expect(total.message).toContain('rata-rata baris 3,48 %');
    expect(total.message).toContain('rata-rata per sasaran 2,78 %');
  });

  it('checks the IKM row against the budget of the row it continues', () => {
    const values = sheet.values.map((r) => r.slice());
    values[6][8] = '3,50%'; // 1 − 96,918… / 100,11 = 3,19 %
    const f = runCheck(check, sheetOf(values), table);
    expect(at(f, 'I7')).toMatchObject({ rule: 'rumus-kolom', severity: 'error', expected: '3.19', related: ['E7', 'G6', 'F6'] });
    expect(at(f, 'I7')!.message).toContain('metode rasio');
  });

  it('notes a row that follows another method than the rest', () => {
    const values = sheet.values.map((r) => r.slice());
    values[2][8] = '4,49%'; // 92,5 − 88,0099… = 4,49: the selisih method
    const f = at(runCheck(check, sheetOf(values), table), 'I3')!;
    expect(f).toMatchObject({ rule: 'rumus-kolom', severity: 'info', expected: '4.85' });
    expect(f.message).toContain('metode selisih');
  });
});

const EFISIENSI_COLUMNS: ColumnSpec[] = [
  { col: 0, role: 'sasaran' },
  { col: 1, role: 'capaian' },
  { col: 2, role: 'anggaran' },
  { col: 3, role: 'realisasi-rp' },
  { col: 4, role: 'serapan' },
  { col: 5, role: 'efisiensi' },
];

describe('an efficiency table using the selisih method', () => {
  const values: CellValue[][] = [
    ['Sasaran', '% Capaian', 'Anggaran', 'Realisasi', '% Serapan', 'Efisiensi'],
    ['S2', '92,5', '2.510.000.000', '2.209.049.920', '88,01%', '4,49%'], // 92,5 − 88,0099 = 4,4900
    ['S5', '108,62', '5.280.862.284', '5.118.113.054', '96,92%', '11,70%'], // 108,62 − 96,9181 = 11,7019
    ['S3', '96', '145.000.000', '138.280.100', '95,37%', '0,63%'], // 96 − 95,3656 = 0,6344
    ['S1', '100', '6.093.000.000', '6.039.702.096', '99,13%', '0,87%'], // every method: 0,8747
    ['S6', '92,5', '2.510.000.000', '2.209.049.920', '88,01%', '5,50%'], // no method gives 5,50
    ['S7', '92,5', '2.510.000.000', '2.209.049.920', '88,01%', '4,85%'], // the rasio method
  ];
  const found = run(values, { headerBottom: 0, columns: EFISIENSI_COLUMNS });

  it('infers selisih from the rows and flags the row no method explains', () => {
    expect(brief(found)).toEqual(['F6 rumus-kolom error', 'F7 rumus-kolom info']);
    expect(found[0]).toMatchObject({ actual: '5.5', expected: '4.49' });
    expect(found[0].message).toContain('metode selisih: capaian − serapan, yang cocok dengan 4 dari 6 baris');
    expect(found[1].message).toContain('metode rasio');
  });

  it('a row whose cell holds EFISIENSI(…; "rasio") is held to its own metode, not the table\'s', () => {
    const sheet = sheetOf(values);
    sheet.formulas = values.map((row, r) =>
      row.map((_, c) =>
        c === 5 && r === 6 ? '=EFISIENSI(B7;E7;"rasio")' : c === 5 && r === 1 ? '=SAKIP.EFISIENSI(B2,E2,"rasio")' : null,
      ),
    );
    const own = runCheck(check, sheet, buildTable(sheet, { headerBottom: 0, columns: EFISIENSI_COLUMNS }));
    // F7 is the rasio result: right. F2 is the selisih result under a rasio formula: wrong, said with the rasio result.
    expect(brief(own)).toEqual(['F2 rumus-kolom error', 'F6 rumus-kolom error']);
    expect(at(own, 'F2')!.message).toContain('metode rasio dari rumus sel');
  });
});

describe('money written in the English style', () => {
  it('computes serapan from 6,867,723,003.00', () => {
    const values: CellValue[][] = [
      ['Program', 'Anggaran', 'Realisasi', '%'],
      ['A', '6,867,723,003.00', '6,500,000,000.00', '94,65'], // 94,6456…
      ['B', '6,867,723,003.00', '6,500,000,000.00', '94,60'],
      ['C', '6,867,723,003.00', '6,500,000,000.00', '94,64'],
    ];
    const spec: TableSpec = {
      headerBottom: 0,
      columns: [
        { col: 0, role: 'uraian' },
        { col: 1, role: 'anggaran' },
        { col: 2, role: 'realisasi-rp' },
        { col: 3, role: 'capaian' }, // "%" beside money only: a serapan
      ],
    };
    expect(brief(run(values, spec))).toEqual(['D3 rumus-kolom error', 'D4 pembulatan info']);
  });
});

describe('number-row formulas', () => {
  const labelled = (roles: [number, ColumnSpec['role'], string, string?][]): ColumnSpec[] =>
    roles.map(([col, role, numberLabel, numberFormula]) => ({ col, role, numberLabel, ...(numberFormula ? { numberFormula } : {}) }));

  it('checks "11 =10/4" as a percent although the ×100 is not written', () => {
    const values: CellValue[][] = [
      ['Indikator', 'Target Renstra', 'Realisasi', 'Capaian'],
      ['1', '4', '10', '11 =10/4'],
      ['A', '50', '45', '90'],
      ['B', '200', '150', '70'],
      ['C', '3', '1', '33,33'],
    ];
    const found = run(values, {
      headerBottom: 0,
      numberRow: 1,
      columns: labelled([
        [0, 'indikator', '1'],
        [1, 'target', '4'],
        [2, 'realisasi', '10'],
        [3, 'capaian', '11', '10/4'],
      ]),
    });
    expect(brief(found)).toEqual(['D4 rumus-kolom error']);
    expect(found[0].expected).toBe('75');
    expect(found[0].message).toBe('Capaian tertulis 70 %, seharusnya 75,00 % (150 / 200 × 100; rumus kolom 11 = 10 / 4 × 100).');
  });

  it('checks "8 = (7/6)" for counts, and "13=6+12" exactly for money', () => {
    const values: CellValue[][] = [
      ['Target', 'Realisasi', 'Tingkat realisasi (%)', 'Rp s/d lalu', 'Rp tahun ini', 'Rp kumulatif'],
      ['6', '7', '8', '6', '12', '13'],
      ['12 bulan', '12 bulan', '100 %', '1.000.000', '250.000', '1.250.000'],
      ['20 orang', '15 orang', '80 %', '1.000.000', '250.000', '1.200.000'],
    ];
    const found = run(values, {
      headerBottom: 0,
      numberRow: 1,
      columns: [
        { col: 0, role: 'target', numberLabel: '6' },
        { col: 1, role: 'realisasi', numberLabel: '7' },
        { col: 2, role: 'capaian', numberLabel: '8', numberFormula: '(7/6)' },
        { col: 3, role: 'realisasi-rp', numberLabel: '6', period: 'lalu' },
        { col: 4, role: 'realisasi-rp', numberLabel: '12' },
        { col: 5, role: 'realisasi-rp', numberLabel: '13', numberFormula: '6+12' },
      ].slice(0, 3) as ColumnSpec[],
    });
    expect(brief(found)).toEqual(['C4 rumus-kolom error']);
    expect(found[0].expected).toBe('75');

    const money = run(
      values.map((r) => r.slice(3)),
      {
        headerBottom: 0,
        numberRow: 1,
        columns: labelled([
          [0, 'realisasi-rp', '6'],
          [1, 'tw-rp', '12'],
          [2, 'realisasi-rp', '13', '6+12'],
        ]),
      },
    );
    expect(brief(money)).toEqual(['C4 rumus-kolom error']);
    expect(money[0]).toMatchObject({ actual: '1200000', expected: '1250000' });
  });

  it('does not add up percents across years', () => {
    const values: CellValue[][] = [
      ['K TW I', 'K TW II', 'K s/d TW II'],
      ['14', '15', '16'],
      ['40 %', '50 %', '60 %'],
    ];
    const found = run(values, {
      headerBottom: 0,
      numberRow: 1,
      columns: labelled([
        [0, 'tw-k', '14'],
        [1, 'tw-k', '15'],
        [2, 'tw-k', '16', '14+15'],
      ]),
    });
    expect(found).toEqual([]);
  });
});

describe('capaian', () => {
  const spec: TableSpec = {
    headerBottom: 0,
    columns: [
      { col: 0, role: 'indikator' },
      { col: 1, role: 'target' },
      { col: 2, role: 'realisasi' },
      { col: 3, role: 'capaian' },
    ],
  };

  it('uses the lower-is-better formulas when the indicator says so', () => {
    const values: CellValue[][] = [
      ['Indikator', 'Target', 'Realisasi', 'Capaian'],
      ['Persentase angka kemiskinan', '12,84', '13,26', '96,73'], // (2 × 12,84 − 13,26) / 12,84 = 96,73
      ['Persentase angka kemiskinan', '12,84', '13,26', '96,83'], // 12,84 / 13,26 = 96,83 (SIPD)
      ['Persentase angka kemiskinan', '12,84', '13,26', '103,27'], // realisasi / target: wrong direction
      ['Persentase angka kemiskinan', '12,84', '13,26', '90'],
    ];
    const found = run(values, spec);
    expect(brief(found)).toEqual(['D4 rumus-kolom info', 'D5 rumus-kolom error']);
    expect(found[0].message).toContain('lebih baik bila nilainya turun');
    expect(found[1].expected).toBe('96.73');
  });

  it('notes a capaian capped at 100', () => {
    const found = run(
      [
        ['Indikator', 'Target', 'Realisasi', 'Capaian'],
        ['Indeks kepuasan', '80', '87,86', '100'], // 109,83 capped (LKj Tanggamus 2022)
      ],
      spec,
    );
    expect(brief(found)).toEqual(['D2 rumus-kolom info']);
    expect(found[0].message).toContain('dibatasi 100 %');
  });
});

describe('a typed sheet (xlsx, Excel, Sheets)', () => {
  it('reads percent-formatted fractions as shown, and computes with the numbers the sheet holds in full', () => {
    const values: CellValue[][] = [
      ['Indikator', 'Target', 'Realisasi', 'Capaian'],
      ['A', 0.28, 0.259, 0.925], // shown 92,50 %
      ['B', 85, 92.33, 1.0862], // shown 108,62 %
      ['C', 0.04, 0.038, 0.96], // shown 96,00 %: the sheet holds 0,038 in full, so 95 % it is
      ['D', 3, 1, 0.3], // shown 30,00 %: wrong
    ];
    const fmt = (c: string | null) => [null, null, null, c];
    const sheet = sheetOf(values, { typed: true, numberFormats: [fmt(null), fmt('0.00%'), fmt('0.00%'), fmt('0.00%'), fmt('0.00%')] });
    const spec: TableSpec = {
      headerBottom: 0,
      columns: [
        { col: 0, role: 'indikator' },
        { col: 1, role: 'target' },
        { col: 2, role: 'realisasi' },
        { col: 3, role: 'capaian' },
      ],
    };
    const found = runCheck(check, sheet, buildTable(sheet, spec));
    expect(brief(found)).toEqual(['D4 rumus-kolom error', 'D5 rumus-kolom error']);
    expect(found[1]).toMatchObject({ actual: '30', expected: '33.33' });
    expect(found[1].message).toBe('Capaian tertulis 30,00 %, seharusnya 33,33 % (1 / 3 × 100).');
  });
});

describe('hidden digits of a typed sheet', () => {
  it('computes with the stored value a 0-decimal format hides', () => {
    // Realisasi stored 0,0384 but formatted to three decimals: 0,038 shows, 96 % is right.
    const values: CellValue[][] = [
      ['Indikator', 'Target', 'Realisasi', 'Capaian'],
      ['C', 0.04, 0.0384, 96],
    ];
    const sheet = sheetOf(values, {
      typed: true,
      numberFormats: [
        [null, null, null, null],
        [null, '0.00', '0.000', '0'],
      ],
    });
    const spec: TableSpec = {
      headerBottom: 0,
      columns: [
        { col: 0, role: 'indikator' },
        { col: 1, role: 'target' },
        { col: 2, role: 'realisasi' },
        { col: 3, role: 'capaian' },
      ],
    };
    expect(runCheck(check, sheet, buildTable(sheet, spec))).toEqual([]);
  });
});

describe('sisa', () => {
  it('is exact to the rupiah', () => {
    const found = run(
      [
        ['Pagu', 'Realisasi', 'Sisa'],
        ['100.000.000', '99.575.400', '424.600'],
        ['100.000.000', '99.575.400', '425.000'],
      ],
      {
        headerBottom: 0,
        columns: [
          { col: 0, role: 'pagu' },
          { col: 1, role: 'realisasi-rp' },
          { col: 2, role: 'sisa' },
        ],
      },
    );
    expect(brief(found)).toEqual(['C3 rumus-kolom error']);
    expect(found[0]).toMatchObject({ actual: '425000', expected: '424600' });
    expect(found[0].message).toBe('Sisa tertulis 425.000, seharusnya 424.600,00 (100.000.000 − 99.575.400).');
  });
});

describe('a large table', () => {
  const spec: TableSpec = {
    headerBottom: 0,
    columns: ['indikator', 'target', 'realisasi', 'capaian', 'anggaran', 'realisasi-rp', 'serapan', 'efisiensi'].map(
      (role, col) => ({ col, role }) as ColumnSpec,
    ),
  };
  /** n clean rows: capaian, serapan and efisiensi computed here with Dec, rounded half-up. */
  function table(n: number) {
    const values: CellValue[][] = [['Indikator', 'Target', 'Realisasi', 'Capaian', 'Anggaran', 'Realisasi Rp', 'Serapan', 'Efisiensi']];
    const round2 = (x: Dec) => x.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2).replace('.', ',');
    for (let i = 0; i < n; i++) {
      const t = new Dec(80 + (i % 20));
      const r = new Dec(70 + ((i * 7) % 30)).plus(new Dec(i % 100).div(100));
      const cap = r.div(t).times(100).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
      const pagu = new Dec(1000000000 + i * 1000);
      const real = pagu
        .times(90 + (i % 10))
        .div(100)
        .floor();
      const ser = real.div(pagu).times(100);
      const eff = new Dec(1).minus(ser.div(cap)).times(100);
      values.push([
        'Persentase x',
        t.toFixed(),
        r.toFixed(2).replace('.', ','),
        round2(cap),
        pagu.toFixed(),
        real.toFixed(),
        round2(ser),
        round2(eff),
      ]);
    }
    const sheet = sheetOf(values);
    const ctx = contextOf(sheet, buildTable(sheet, spec));
    // Parsing belongs to the context and is shared by every check: time the check alone.
    for (const row of ctx.table.rows) for (const c of ctx.table.columns) ctx.cell(row.row, c.col);
    return ctx;
  }
  // Speed is measured by `npm run bench` (periksa-10k-ms, periksa-50k-over-10k), not asserted here.
  it('checks 10,000 consistent rows without a finding', () => {
    expect(check(table(1000))).toEqual([]);
    expect(check(table(10000))).toEqual([]);
  });
});
