import fc from 'fast-check';
import { periksaWorkbook } from '../../../core/periksa';
import { renderReport } from '../../../cli/laporan';
import { pengintaiBerkas } from './galat-tersembunyi';
import { buku, periksaSah } from './jalankan';
import { LEMBAR, RUNS } from './jumlah';
import { daftarMutasi, Mutasi, mutasikan, URUTAN_LOLOS } from './mutasi';
import { dokumen, potong, sintetis } from './sumber';

/*
 * Escape sequences in cells and sheet names (URUTAN_LOLOS), on real and synthetic tables with
 * the other mutations: Periksa Tabel stays well-formed (periksaSah), and the terminal report
 * of the result is inert: no control character reaches the terminal, the summary line is the
 * report's own and only one, and no line echoes a long text whole.
 */

/** What a terminal acts on: C0 (but the line feed), DEL, C1, bidi controls, line separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they must never reach a terminal
const AKTIF = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
/** A finding's sentence is cut at 1,000 characters; cell addresses, names and labels add a little. */
const BARIS_MAKS = 2_000;

const pengintai = pengintaiBerkas();

const lolos: fc.Arbitrary<Mutasi[]> = fc.array(
  fc.record({
    k: fc.constant('lolos' as const),
    row: fc.nat({ max: 10_000 }),
    col: fc.nat({ max: 10_000 }),
    payload: fc.nat({ max: URUTAN_LOLOS.length - 1 }),
    where: fc.constantFrom('sel' as const, 'tambah' as const, 'nama' as const),
  }),
  { minLength: 1, maxLength: 8 },
);

test('escape sequences in cells and sheet names: Periksa stays well-formed and the terminal report inert', () => {
  const sheets = fc.oneof(
    fc.tuple(dokumen, potong).map(([s, crop]) => mutasikan(s, crop)),
    sintetis,
  );
  const cases = fc.tuple(sheets, lolos, daftarMutasi(3), fc.nat({ max: URUTAN_LOLOS.length - 1 }));
  let runs = 0;
  fc.assert(
    fc.property(cases, ([sheet, esc, other, fileEsc]) => {
      const workbook = buku(mutasikan(sheet, [...other, ...esc]));
      periksaSah(workbook, pengintai);
      const text = renderReport(`Renja${URUTAN_LOLOS[fileEsc]}.xlsx`, periksaWorkbook(workbook), 1);
      const lines = text.split('\n');
      expect(text).not.toMatch(AKTIF);
      expect(lines.filter((l) => /^\s*Ringkasan:/.test(l))).toHaveLength(1);
      expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(BARIS_MAKS);
      runs++;
    }),
    { numRuns: RUNS.terminal },
  );
  expect(runs).toBe(LEMBAR.terminal);
});
