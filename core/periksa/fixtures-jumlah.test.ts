import { FIXTURES, FixtureName, loadFixture } from '../../test/fixtures/muat';
import { Workbook } from '../lembar/model';
import { findTables } from '../tata-letak';
import { check as antarTabel } from './antar-tabel';
import { check as jumlahInduk } from './jumlah-induk';
import { check as jumlahTotal } from './jumlah-total';
import { CheckContext, createContext } from './konteks';
import { Finding, FindingSchema } from './temuan';
import { check as triwulan } from './triwulan';

/**
 * The sum checks on the real tables of test/fixtures/dokumen, found by findTables as a user's
 * sheet would be: the findings must be exactly the inconsistencies each .note.md lists.
 */
function workbookOf(names: FixtureName[]): { workbook: Workbook; contexts: CheckContext[] } {
  const workbook: Workbook = { name: 'fixtures', sheets: names.map((n) => loadFixture(n)) };
  const contexts: CheckContext[] = [];
  for (const sheet of workbook.sheets)
    for (const table of findTables(sheet)) contexts.push(createContext(workbook, sheet, table, {}, null));
  return { workbook, contexts };
}

const brief = (fs: Finding[]) => fs.map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.severity}`);

describe('sum checks on the fixture tables found by findTables', () => {
  const all: FixtureName[] = [...FIXTURES];
  const { contexts } = workbookOf(all);
  const run = (check: (ctx: CheckContext) => Finding[]) => contexts.flatMap((ctx) => check(ctx));

  test('every fixture gives a table', () => {
    expect(new Set(contexts.map((c) => c.sheet.name)).size).toBe(all.length);
  });

  test('jumlah-induk: the Malang parents of the note, nothing in the consistent tables', () => {
    const f = run(jumlahInduk);
    for (const x of f) expect(FindingSchema.safeParse(x).success).toBe(true);
    const m = 'renja_malang_2024_tabel23_review_rkpd';
    expect(brief(f)).toEqual([
      `${m}!F3 jumlah-induk error`,
      `${m}!F14 jumlah-induk error`,
      `${m}!F24 jumlah-induk error`,
      `${m}!F45 jumlah-induk error`,
      `${m}!K60 jumlah-induk error`,
    ]);
    // Which side: kegiatan 6 (F24) and program V (K60) themselves; the sub kegiatan of 4 and 11.
    const msg = (cell: string) => f.find((x) => x.cell === cell)!.message;
    expect(msg('F24')).toContain('kegiatan inilah yang salah');
    expect(msg('K60')).toContain('program inilah yang salah');
    expect(msg('F14')).toContain('sub kegiatan yang salah atau belum tercantum');
    expect(msg('F45')).toContain('sub kegiatan yang salah atau belum tercantum');
    expect(msg('F3')).toContain('F24');
  });

  test('jumlah-total: only Malang kebutuhan dana, which matches the kegiatan level', () => {
    const f = run(jumlahTotal);
    expect(brief(f)).toEqual(['renja_malang_2024_tabel23_review_rkpd!K76 jumlah-total warning']);
    expect(f[0].message).toContain('sama dengan jumlah kebutuhan dana kegiatan 29.822.934.850');
    expect(f[0].message).toContain('K60');
  });

  test('triwulan: no fixture plans per quarter', () => {
    expect(run(triwulan)).toEqual([]);
  });

  test('antar-tabel: the tables of one office and document agree', () => {
    for (const group of [
      ['lkjip_magetan_2024_capaian', 'lkjip_magetan_2024_efisiensi_sasaran', 'lkjip_magetan_2024_realisasi_anggaran'],
      ['renja_magetan_2022_tc29', 'renja_magetan_2022_tc33'],
    ] as FixtureName[][]) {
      const { contexts: ctxs } = workbookOf(group);
      expect(antarTabel(ctxs.map((ctx) => ({ ctx })))).toEqual([]);
    }
  });
});
