import fc from 'fast-check';
import { FIXTURES, FixtureName, loadFixture } from '../../test/fixtures/muat';
import { CellValue } from '../lembar/model';
import { LayoutId } from '../tabel/model';
import { buildTable, runCheck, sheetOf } from '../../test/helpers/uji-tabel';
import { Workbook } from '../lembar/model';
import { findTables } from '../tata-letak';
import { check as angkaTeks } from './angka-teks';
import { check as formatAngka } from './format-angka';
import { CheckContext, createContext, TableCheck } from './konteks';
import { check as predikat } from './predikat';
import { check as rumusKolom } from './rumus-kolom';
import { check as satuan } from './satuan';
import { Finding, FindingSchema } from './temuan';

/**
 * The row checks on the real tables of test/fixtures/dokumen, found by findTables as from a
 * user's sheet: the findings are the inconsistencies each .note.md lists, and the clean
 * controls (T-C.33, realisasi anggaran) give no error.
 */
const workbook: Workbook = { name: 'fixtures', sheets: FIXTURES.map((n) => loadFixture(n)) };
const contexts: CheckContext[] = workbook.sheets.flatMap((sheet) =>
  findTables(sheet).map((table) => createContext(workbook, sheet, table, {}, null)),
);
const CHECKS: TableCheck[] = [rumusKolom, predikat, satuan, angkaTeks, formatAngka];

function findings(name: FixtureName, check?: TableCheck): Finding[] {
  return contexts.filter((c) => c.sheet.name === name).flatMap((ctx) => (check ? [check] : CHECKS).flatMap((k) => k(ctx)));
}
const brief = (fs: Finding[]) => fs.map((f) => `${f.cell} ${f.rule} ${f.severity}`).sort();

test('every fixture gives one table, and every finding is well formed', () => {
  expect(contexts.map((c) => c.sheet.name).sort()).toEqual([...FIXTURES].sort());
  for (const name of FIXTURES) for (const f of findings(name)) expect(FindingSchema.safeParse(f).success).toBe(true);
});

test('clean controls: no error from any row check', () => {
  for (const name of ['renja_magetan_2022_tc33', 'lkjip_magetan_2024_realisasi_anggaran'] as const) {
    expect(findings(name).filter((f) => f.severity === 'error')).toEqual([]);
  }
  // Every serapan of the realisasi anggaran table verifies, TOTAL 97,5968 → 97,60 included.
  expect(findings('lkjip_magetan_2024_realisasi_anggaran')).toEqual([]);
});

test('LKjIP capaian: 96 for 0,038/0,04 is a rounding warning; two wrong labels', () => {
  expect(brief(findings('lkjip_magetan_2024_capaian'))).toEqual(['E4 pembulatan warning', 'F2 predikat error', 'F5 predikat error']);
  const label = findings('lkjip_magetan_2024_capaian', predikat)[0];
  expect(label).toMatchObject({ actual: 'Berhasil', expected: 'Sangat Berhasil' });
});

test('LKjIP efisiensi: rasio fits every row; the total cannot be derived', () => {
  expect(brief(findings('lkjip_magetan_2024_efisiensi_sasaran'))).toEqual(['E4 pembulatan warning', 'I8 rumus-kolom warning']);
});

test('T-C.29: the formula errors of the note, one truncation, the PKH doubt, the declared satuan', () => {
  const f = findings('renja_magetan_2022_tc29');
  expect(brief(f.filter((x) => x.rule === 'rumus-kolom' || x.rule === 'pembulatan'))).toEqual([
    'K37 rumus-kolom warning',
    'K49 rumus-kolom error',
    'K71 rumus-kolom error',
    'K76 pembulatan info',
    'K84 rumus-kolom error',
    'K90 rumus-kolom error',
    'K91 rumus-kolom error',
    'K98 rumus-kolom error',
  ]);
  // Block A1 rows whose "|| satuan" contradicts the cells (Dokumen = dok and Orang = org agree),
  // "yang tersedia%" among them; and the "desa/keluaran" typo of block A2.
  expect(brief(f.filter((x) => x.rule === 'satuan'))).toEqual(
    ['D4', 'D5', 'D8', 'D9', 'D14', 'D19', 'D21', 'D28', 'D35', 'D38', 'D39', 'I91'].map((c) => `${c} satuan warning`).sort(),
  );
  expect(brief(f.filter((x) => x.rule === 'format-angka'))).toEqual(['D81 format-angka info']); // "1.270 orang"
  expect(f.filter((x) => x.severity === 'error').every((x) => x.rule === 'rumus-kolom')).toBe(true);
});

test('Review RKPD Malang: the malformed and mixed numbers, and the mixed styles of the pagu column', () => {
  expect(brief(findings('renja_malang_2024_tabel23_review_rkpd'))).toEqual([
    'F3 format-angka info',
    'K27 format-angka error',
    'K76 format-angka error',
  ]);
});

describe('never crash on what people type', () => {
  const tricky = [
    '',
    '-',
    '0',
    '0 0',
    'NIHIL',
    '#REF!',
    '#N/A',
    '#DIV/0!',
    '53.600.0000',
    '29,822,934.850',
    '1.270',
    '0,04',
    '0,038',
    '100 %',
    '99,88 %',
    '24 bln',
    '18 kec',
    'Rp. 3.608.747.543,00',
    '6,867,723,003.00',
    'Berhasil',
    'AA',
    'x',
    '1e999',
    'Jumlah || %',
    'Persentase angka kemiskinan',
    '(5+7)/4',
    '-3,5',
    '0,00 %',
  ];
  const cell = fc.oneof(
    fc.constantFrom(...tricky),
    fc.constant(null),
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -1e6, max: 1e9 }).map(String),
    fc.double({ noNaN: false }),
    fc.boolean(),
  );
  const roles = [
    'indikator',
    'satuan',
    'target',
    'realisasi',
    'capaian',
    'predikat',
    'anggaran',
    'realisasi-rp',
    'serapan',
    'efisiensi',
    'sisa',
    'pagu',
  ] as const;

  test('property: every row check finishes with well-formed findings on random tables', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.constantFrom('renja-tc29', 'lkjip-efisiensi', 'tidak-dikenal') as fc.Arbitrary<LayoutId>,
        fc.option(fc.constantFrom('10/4', '(5+7)/4*100', '6+12', '8 = (7/6)', '1/0', 'x'), { nil: undefined }),
        (body, typed, layout, formula) => {
          const values = [roles.map(String), roles.map((_, i) => String(i + 1)), ...body] as CellValue[][];
          const sheet = sheetOf(values, { typed });
          const table = buildTable(sheet, {
            layout,
            headerBottom: 0,
            numberRow: 1,
            columns: roles.map((role, col) => ({
              col,
              role,
              numberLabel: String(col + 1),
              ...(col === 4 && formula ? { numberFormula: formula } : {}),
            })),
            continuationRows: [3],
            totalRows: [values.length - 1],
          });
          for (const check of CHECKS) {
            for (const f of runCheck(check, sheet, table)) {
              expect(FindingSchema.safeParse(f).success).toBe(true);
              expect(f.message).not.toContain('tidak dapat diselesaikan');
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
