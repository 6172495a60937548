import { Sheet } from '../lembar/model';
import { TableColumn } from '../tabel/model';
import { findTables } from '../tata-letak';
import { lkjip } from '../../test/fixtures/sintetis';
import { TABLE_CHECKS, WORKBOOK_CHECKS } from './aturan';
import { createContext } from './konteks';
import { runChecks } from './jalankan';

/*
 * A header cell merged to the grid's right edge (H1:XFD1048576, a few bytes of XML) and one
 * stray cell in column XFD make a legal table of 16,384 columns sharing that header's role.
 * Every rule looks for each derived column's partners among the table's columns; a scan per
 * column made that 16,384² steps, seconds per sheet (issue 15). The work is counted as reads of
 * the table's columns, so the bound holds on a busy machine: a few passes over the columns
 * per rule, never a pass per column (the test is 2,000 columns wide so that, without the
 * index in rumus/pasangan.ts, it fails in seconds rather than minutes).
 */

const WIDTH = 2_000;

/** A copy of `s` whose header cell at `col` is merged to the right edge, with a stray cell at the edge. */
function widened(s: Sheet, col: number): Sheet {
  const values = s.values.map((r) => r.slice());
  values[2] = values[2].concat(new Array(WIDTH - 1 - values[2].length).fill(null), ['Catatan']);
  return { ...s, values, merges: [{ top: 0, left: col, bottom: values.length - 1, right: WIDTH - 1 }] };
}

/** How many times the rules read an element of the table's columns. */
function columnReads(sheet: Sheet): { reads: number; columns: number } {
  const [table] = findTables(sheet);
  let reads = 0;
  const columns = new Proxy(table.columns, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  }) as TableColumn[];
  const ctx = createContext({ name: 'lebar.xlsx', sheets: [sheet] }, sheet, { ...table, columns }, {}, null);
  runChecks([ctx], TABLE_CHECKS, WORKBOOK_CHECKS);
  return { reads, columns: table.columns.length };
}

const tables = lkjip(7, 6);
const cases: [string, Sheet, number][] = [
  ['serapan (Anggaran | % Capaian)', tables.efisiensi, 7],
  ['efisiensi', tables.efisiensi, 8],
  ['capaian kinerja', tables.efisiensi, 4],
  ['target', tables.efisiensi, 2],
  ['predikat (Kategori)', tables.capaian, 6],
];

test.each(cases)(
  'a table whose %s header is merged across thousands of columns is checked in work linear in its columns',
  (_, base, col) => {
    const { reads, columns } = columnReads(widened(base, col));
    expect(columns).toBeGreaterThan(WIDTH - 10);
    // About 25 to 85 reads per column today; a scan per column would be WIDTH per column.
    expect(reads).toBeLessThan(200 * columns);
  },
);
