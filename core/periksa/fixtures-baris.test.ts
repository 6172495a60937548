import { FIXTURES, FixtureName, loadFixture } from '../../test/fixtures/muat';
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
  expect(brief(findings('lkjip_magetan_2024_capaian'))).toEqual([
    'E4 pembulatan warning',
    'F2 predikat error',
    'F5 predikat error',
  ]);
  const label = findings('lkjip_magetan_2024_capaian', predikat)[0];
  expect(label).toMatchObject({ actual: 'Berhasil', expected: 'Sangat Berhasil' });
});

test('LKjIP efisiensi: rasio fits every row; the total cannot be derived', () => {
  expect(brief(findings('lkjip_magetan_2024_efisiensi_sasaran'))).toEqual([
    'E4 pembulatan warning',
    'I8 rumus-kolom warning',
  ]);
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
