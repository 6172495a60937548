import fc from 'fast-check';
import { Sheet } from '../../../core/lembar/model';
import { FIXTURES, loadFixture } from '../../fixtures/muat';
import { lkjip, renjaTC33 } from '../../fixtures/sintetis';
import { Mutasi } from './mutasi';

/** The sheets the fuzz cases start from: the real tables and the synthetic ones. */

/** The real tables of test/fixtures/dokumen, read once (mutations work on copies). */
export const DOKUMEN: readonly Sheet[] = FIXTURES.map((name) => loadFixture(name));

export const dokumen: fc.Arbitrary<Sheet> = fc.constantFrom(...DOKUMEN);

/**
 * A window of rows, keeping the header most of the time: still a real table, and cheaper to
 * check than the whole of T-C.29's 102 rows.
 */
export const potong: fc.Arbitrary<Mutasi[]> = fc
  .option(
    fc.record({
      k: fc.constant('potong' as const),
      from: fc.nat(),
      len: fc.integer({ min: 1, max: 30 }),
      keepHead: fc.constantFrom(0, 2, 3, 4, 5),
    }),
    { freq: 5 },
  )
  .map((m) => (m === null ? [] : [m]));

const LKJIP = ['capaian', 'anggaran', 'efisiensi', 'triwulan'] as const;

/**
 * The synthetic tables of every family (Renja T-C.33 with five-cell kode, LKjIP capaian,
 * realisasi anggaran, efisiensi, triwulan), consistent by construction.
 */
export const sintetis: fc.Arbitrary<Sheet> = fc.oneof(
  fc
    .record({
      sub: fc.integer({ min: 1, max: 24 }),
      seed: fc.nat(),
      perKeg: fc.integer({ min: 1, max: 5 }),
      perProg: fc.integer({ min: 1, max: 4 }),
    })
    .map(
      ({ sub, seed, perKeg, perProg }) =>
        renjaTC33({ subKegiatan: sub, seed, subPerKegiatan: perKeg, kegiatanPerProgram: perProg }).sheet,
    ),
  fc
    .record({ which: fc.constantFrom(...LKJIP), seed: fc.nat(), rows: fc.integer({ min: 1, max: 12 }) })
    .map(({ which, seed, rows }) => lkjip(seed, rows)[which]),
);
