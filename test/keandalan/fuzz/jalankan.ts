import fc from 'fast-check';
import { Sheet, Workbook } from '../../../core/lembar/model';
import { CheckOptions, periksaWorkbook } from '../../../core/periksa';
import { pohonKinerja, PohonKinerjaOptions } from '../../../core/pohon';
import { planMarks } from '../../../core/tanda';
import { findTables } from '../../../core/tata-letak';
import { PengintaiGalat } from './galat-tersembunyi';
import { hasilPeriksaBermasalah, kataPengguna, pastikan, pohonBermasalah, tabelBermasalah, tandaBermasalah } from './syarat';

/*
 * One fuzz case end to end, as a host runs it: Periksa Tabel (table finding, every check, the
 * marks) or Pohon Kinerja on a workbook, every exception watched, every output checked. The
 * workbook is frozen first: checking only reads, so a core that writes to it fails here.
 */

function bekukan<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) bekukan(v);
  }
  return x;
}

function galatSebagaiMasalah(thrown: { description: string; frames: string[] }[]): string[] {
  return thrown.map((t) => `galat di dalam inti: ${t.description} @ ${t.frames.join(' < ')}`);
}

/** Periksa Tabel on `workbook`; returns how many sheets went through it. */
export function periksaSah(workbook: Workbook, pengintai: PengintaiGalat, options: CheckOptions = {}): number {
  const allowed = kataPengguna(workbook);
  bekukan(workbook);
  const { value, thrown } = pengintai.watch(() => {
    const tables = workbook.sheets.map((s) => findTables(s));
    const result = periksaWorkbook(workbook, options);
    return { tables, result, plans: planMarks(result.findings) };
  });
  pastikan(
    [
      ...galatSebagaiMasalah(thrown),
      ...workbook.sheets.flatMap((s, i) => tabelBermasalah(workbook, s, value.tables[i])),
      ...hasilPeriksaBermasalah(workbook, value.result, allowed),
      ...tandaBermasalah(value.result.findings, value.plans),
    ],
    'Periksa Tabel',
  );
  return workbook.sheets.length;
}

/** Pohon Kinerja on `workbook`; returns how many sheets went through the tree builders. */
export function pohonSah(workbook: Workbook, options: PohonKinerjaOptions, pengintai: PengintaiGalat): number {
  const allowed = kataPengguna(workbook);
  bekukan(workbook);
  const { value, thrown } = pengintai.watch(() => pohonKinerja(workbook, options));
  pastikan([...galatSebagaiMasalah(thrown), ...pohonBermasalah(workbook, value, allowed)], 'Pohon Kinerja');
  return workbook.sheets.length;
}

/** A one-sheet workbook, as most fuzz cases are. */
export function buku(sheet: Sheet, name = 'fuzz.xlsx'): Workbook {
  return { name, sheets: [sheet] };
}

/** The scale a planner may choose in the settings: the named ones, in any case, or a stale name. */
export const pilihanPeriksa: fc.Arbitrary<CheckOptions> = fc.record(
  { skala: fc.constantFrom('permendagri86', 'melampaui', 'berhasil', 'sakip', ' BERHASIL ', 'tidak-ada', '') },
  { requiredKeys: [] },
);

/** Periksa Tabel on `numRuns` generated workbooks; returns how many sheets went through it. */
export function fuzzPeriksa(
  workbooks: fc.Arbitrary<Workbook>,
  numRuns: number,
  pengintai: PengintaiGalat,
  options: fc.Arbitrary<CheckOptions> = fc.constant({}),
): number {
  let sheets = 0;
  fc.assert(
    fc.property(workbooks, options, (workbook, o) => {
      sheets += periksaSah(workbook, pengintai, o);
    }),
    { numRuns },
  );
  return sheets;
}

/** Pohon Kinerja on `numRuns` generated workbooks and options; returns how many sheets went through the tree builders. */
export function fuzzPohon(cases: fc.Arbitrary<[Workbook, PohonKinerjaOptions]>, numRuns: number, pengintai: PengintaiGalat): number {
  let sheets = 0;
  fc.assert(
    fc.property(cases, ([workbook, options]) => {
      sheets += pohonSah(workbook, options, pengintai);
    }),
    { numRuns },
  );
  return sheets;
}
