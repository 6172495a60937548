import { Sheet } from '../../core/lembar/model';
import { BorderSide, DrawnCell, pohonKinerja } from '../../core/pohon';
import { kaskade500 } from '../bench/pohon';
import { bundelUntukBerkas } from '../helpers/untuk-berkas';
import { AppsScriptPalsu, SheetPalsu } from './palsu';
import { isiKaskade, kaskade } from './pohon-kaskade';

/**
 * Pohon Kinerja through the BUILT Sheets script (node:vm over the fakes of palsu.ts): the drawn
 * sheet is the core's one-cell-per-box-line drawing, cell for cell and line for line, and the
 * calls to the Sheets service stay under 60 whatever the size of the tree (issue 12, item 4:
 * about 1,900 calls for 500 nodes before, one mergeAcross per box and one setRowHeights per run).
 */

let code = '';
const out = bundelUntukBerkas('lk-pohon-', (c) => (code = c));

type Fn = (...args: unknown[]) => unknown;

function gambar(model: Sheet): {
  gas: AppsScriptPalsu;
  drawn: SheetPalsu;
  view: { status: string; nodes: number; messages: string[] };
} {
  const gas = new AppsScriptPalsu(out);
  const sheet = gas.ss.addSheet(model.name);
  isiKaskade(sheet, model);
  const ctx = gas.muat(code);
  gas.log.reset();
  const view = (ctx.lkPohonKinerja as Fn)(false) as { status: string; nodes: number; messages: string[] };
  const drawn = gas.ss.sheets.find((s) => s.name === 'Pohon Kinerja')!;
  return { gas, drawn, view };
}

/** The line on one side of a cell (1-based), whichever of the two cells sharing that edge holds it. */
function garis(s: SheetPalsu, row: number, col: number, side: 'top' | 'left' | 'bottom' | 'right'): string | undefined {
  const own = s.sel(row, col).border?.[side];
  if (own) return own;
  if (side === 'right') return s.sel(row, col + 1).border?.left;
  if (side === 'bottom') return s.sel(row + 1, col).border?.top;
  if (side === 'left') return col > 1 ? s.sel(row, col - 1).border?.right : undefined;
  return row > 1 ? s.sel(row - 1, col).border?.bottom : undefined;
}

const GAYA: Record<BorderSide['style'], string> = { thin: 'SOLID', medium: 'SOLID_MEDIUM', thick: 'SOLID_THICK', dashed: 'DASHED' };

/** What the fake holds for each drawn cell next to what the drawing asks, compared in one expect (35,000 cells). */
function cekSel(drawn: SheetPalsu, cells: readonly DrawnCell[]): void {
  const got: unknown[] = [];
  const want: unknown[] = [];
  for (const c of cells) {
    const s = drawn.sel(c.row + 1, c.col + 1);
    const sides = (['top', 'left', 'bottom', 'right'] as const).filter((side) => c.border?.[side]);
    got.push([
      c.row,
      c.col,
      s.value,
      s.background,
      s.weight,
      s.fontColor,
      s.wrap,
      sides.map((side) => garis(drawn, c.row + 1, c.col + 1, side)),
    ]);
    want.push([
      c.row,
      c.col,
      c.value === null ? '' : c.value,
      c.fill ? `#${c.fill.toLowerCase()}` : '#ffffff',
      c.font?.bold ? 'bold' : 'normal',
      `#${c.font?.color ?? '000000'}`,
      c.align?.wrap === true,
      sides.map((side) => `${GAYA[c.border![side]!.style]} #${c.border![side]!.color}`),
    ]);
  }
  expect(got).toEqual(want);
}

describe('Pohon Kinerja in Sheets', () => {
  test('the drawn sheet is the core drawing for Sheets: every value, fill, font and line, one cell per box line, nothing merged', () => {
    const model = kaskade(2, 4, 5);
    const { drawn, view } = gambar(model);
    const expected = pohonKinerja({ name: 'Renja 2024', sheets: [model] }, { lembar: 'Kaskade', singleCells: true });
    expect(view).toMatchObject({ status: 'dibuat', nodes: 51, messages: expected.messages });
    cekSel(drawn, expected.drawing.cells);
    // What a planner sees: a box per node with its level, kode and statement, the level's colour, lines to its children.
    const headers = drawn.cells.flat().filter((s) => /^(SASARAN|PROGRAM|KEGIATAN|SUB KEGIATAN) /.test(String(s.value)));
    expect(headers).toHaveLength(51);
    expect(new Set(headers.map((s) => s.background)).size).toBe(4);
    expect(drawn.merges).toEqual([]);
    expect(drawn.gridTersembunyi).toBe(true);
    // Column widths as the core asks (Sheets pixels), rows left to grow to fit their text: never forced.
    expected.drawing.columnWidths.forEach((w, i) => expect(drawn.tata.kolom[i + 1]).toBe(Math.round(w * 7 + 5)));
    expect(drawn.dipaksa.size).toBe(0);
    expect(Object.keys(drawn.tata.baris)).toHaveLength(expected.drawing.rowHeights.length);
  });

  test('every line of a tree drawn left to right (500 nodes) is on the sheet: box outlines and connectors', () => {
    const model = kaskade500();
    const { drawn } = gambar(model);
    const expected = pohonKinerja({ name: 'Renja 2024', sheets: [model] }, { lembar: 'Kaskade', singleCells: true });
    expect(expected.nodes).toBe(500);
    cekSel(drawn, expected.drawing.cells);
    expect(drawn.merges).toEqual([]);
  });

  test('the calls to the Sheets service stay under 60 whatever the size of the tree, none of them a merge', () => {
    const calls = (model: Sheet) => {
      const { gas, view } = gambar(model);
      expect(view.status).toBe('dibuat');
      expect(gas.log.calls.filter((c) => /\.merge/i.test(c))).toEqual([]);
      return gas.log.calls.length;
    };
    // Top down: 9 slots; stacked; the widest top-down tree (24 slots: column widths copied in doublings).
    const small = calls(kaskade(1, 3, 3));
    const stacked = calls(kaskade(2, 4, 5));
    const wide = calls(kaskade(4, 6, 5));
    // Left to right: 500 and 2,011 nodes cost the same.
    const n500 = calls(kaskade500());
    const n2000 = calls(kaskade(10, 20, 9));
    for (const n of [small, stacked, wide, n500, n2000]) expect(n).toBeLessThanOrEqual(60);
    expect(n2000).toBe(n500);
  });

  test('the widest top-down tree gets every column width, the copied ones too', () => {
    const model = kaskade(4, 6, 5);
    const { drawn, gas } = gambar(model);
    const expected = pohonKinerja({ name: 'Renja 2024', sheets: [model] }, { lembar: 'Kaskade', singleCells: true });
    expect(gas.log.calls).toContain('Range.copyTo');
    expected.drawing.columnWidths.forEach((w, i) => expect(drawn.tata.kolom[i + 1]).toBe(Math.round(w * 7 + 5)));
  });
});
