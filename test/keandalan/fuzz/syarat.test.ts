import fc from 'fast-check';
import * as hierarki from '../../../core/hierarki';
import { SheetSchema, Workbook } from '../../../core/lembar/model';
import { Finding } from '../../../core/periksa';
import { templatPohon } from '../../../core/pohon';
import { pengintaiBerkas } from './galat-tersembunyi';
import { buku, periksaSah } from './jalankan';
import { lembarBebas, lembarDuaTabel, lembarKaskade, lembarSkala, lembarTabelAcak } from './bentuk';
import { daftarMutasi, mutasikan } from './mutasi';
import { dokumen, DOKUMEN, potong, sintetis } from './sumber';
import { gambarBermasalah, temuanBermasalah } from './syarat';

/*
 * The fuzz tests pass only if their checks can fail: a crash hidden behind the core's own
 * guards, a finding outside its sheet or with a broken sentence, a drawing a host cannot
 * write must each be caught. And they prove something only on sheets a host can hand over.
 */

const pengintai = pengintaiBerkas();

test('a crash that findTables swallows (the planner would silently lose the table) still fails a fuzz case', () => {
  const spy = jest.spyOn(hierarki, 'buildHierarchy').mockImplementation(() => {
    throw new TypeError("Cannot read properties of undefined (reading 'level')");
  });
  try {
    expect(() => periksaSah(buku(DOKUMEN[0]), pengintai)).toThrow(/galat di dalam inti: TypeError/);
  } finally {
    spy.mockRestore();
  }
  expect(periksaSah(buku(DOKUMEN[0]), pengintai)).toBe(1);
});

const workbook: Workbook = {
  name: 'w',
  sheets: [
    {
      name: 'Data',
      values: [
        ['a', 'b'],
        [1, 2],
      ],
      origin: { row: 9, col: 2 },
      typed: true,
    },
  ],
};
const good: Finding = {
  sheet: 'Data',
  cell: 'D11',
  rule: 'jumlah-induk',
  severity: 'error',
  actual: '1',
  expected: '2',
  message: 'Pagu program 1 tidak sama dengan 2.',
  related: ['C11'],
  table: 'C10:D11',
};

test('a finding inside its sheet passes; outside the block, on a missing sheet or with a code artefact it fails', () => {
  expect(temuanBermasalah(workbook, [good], new Set())).toEqual([]);
  const bad: Partial<Finding>[] = [
    { cell: 'A1' }, // the block starts at C10
    { cell: 'D0' },
    { sheet: 'Lain' },
    { related: ["'Lain'!C10"] },
    { table: 'C10:E11' },
    { message: 'Pagu undefined tidak sama dengan NaN.' },
    { message: ' ' },
  ];
  for (const b of bad) expect(temuanBermasalah(workbook, [{ ...good, ...b }], new Set())).not.toEqual([]);
  // A word the planner typed may be quoted back.
  expect(temuanBermasalah(workbook, [{ ...good, message: 'Sel berisi "null".' }], new Set(['null']))).toEqual([]);
});

test('a drawing with overlapping merges or a cell off the grid cannot be written and fails', () => {
  const d = templatPohon();
  expect(gambarBermasalah(d, new Set())).toEqual([]);
  expect(
    gambarBermasalah(
      {
        ...d,
        merges: [
          { top: 0, left: 0, bottom: 2, right: 2 },
          { top: 2, left: 2, bottom: 3, right: 3 },
        ],
      },
      new Set(),
    ),
  ).not.toEqual([]);
  expect(gambarBermasalah({ ...d, cells: [{ row: -1, col: 0, value: 'x' }] }, new Set())).not.toEqual([]);
  expect(gambarBermasalah({ ...d, rowHeights: [NaN] }, new Set())).not.toEqual([]);
});

test('every generated and mutated sheet is one a host can hand over (the Sheet model)', () => {
  const sources = fc.oneof(dokumen, sintetis, lembarTabelAcak, lembarDuaTabel, lembarSkala, lembarBebas, lembarKaskade);
  fc.assert(
    fc.property(sources, potong, daftarMutasi(8), (s, crop, muts) => {
      const r = SheetSchema.safeParse(mutasikan(s, [...crop, ...muts]));
      if (!r.success) throw new Error(r.error.message);
    }),
    { numRuns: 600 },
  );
});
