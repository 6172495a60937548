import * as fs from 'fs';
import { a1, parseA1 } from '../../core/lembar/model';
import { isMarkFill } from '../../core/tanda';
import { selDariTsv } from '../appsscript/bundel';
import { AppsScriptPalsu, isi, Sel, selKosong, SheetPalsu } from '../appsscript/palsu';
import { fixturePath } from '../fixtures/muat';
import {
  ATAS,
  DITANDAI,
  FORMAT_UANG,
  HIASAN,
  JUDUL,
  JUDUL_GABUNG,
  KIRI,
  KOLOM_UANG,
  LEMBAR,
  MALANG,
  PERSEN,
  potretLembar,
  rumusKami,
  urut,
} from './utuh-lembar';
import { bundelUntukBerkas } from '../helpers/untuk-berkas';

/**
 * Nothing lost, Google Sheets: the BUILT Apps Script bundle in node:vm over the fakes of
 * test/appsscript/palsu.ts, evaluated afresh for every call as Apps Script does. The planner's
 * dressed sheet (utuh-lembar.ts) goes through Periksa Tabel, Hapus Tanda, Pohon Kinerja, Jadikan
 * rumus bawaan and Kembalikan rumus asli; every sheet that was there must then serialise to the
 * same string: each cell's value, formula, number format, font (weight, style, size, colour),
 * alignment, wrap, borders, background and note, the merges, column widths, row heights, frozen
 * panes, and whether the sheet is hidden or protected — all the fake holds.
 */

let code = '';
const out = bundelUntukBerkas('lk-utuh-sheets-', (c) => (code = c));

type Fn = (...args: unknown[]) => unknown;
const panggil = (gas: AppsScriptPalsu, name: string, ...args: unknown[]) => (gas.muat(code)[name] as Fn)(...args);

const KOSONG = JSON.stringify(urut(selKosong()));
/** A cell Sheets would call empty: nothing in it, nothing set on it. */
const kosong = (s: Sel) => JSON.stringify(urut(s)) === KOSONG;

/** Every sheet named, whole (as utuh-lembar.ts potretLembar writes it); cells Sheets would call empty left out. */
function potret(gas: AppsScriptPalsu, names: string[]): string {
  return names
    .flatMap((name) => {
      const s = gas.ss.sheets.find((x) => x.name === name);
      if (!s) return [`${name} tidak ada`];
      const cells: Record<string, Sel> = {};
      s.cells.forEach((row, i) => row.forEach((c, j) => !kosong(c) && (cells[a1({}, i, j)] = c)));
      const merges = s.merges.map((m) => `${a1({}, m.row - 1, m.col - 1)}:${a1({}, m.row + m.rows - 2, m.col + m.cols - 2)}`);
      return potretLembar(name, { hidden: s.hidden, terlindung: [...s.terlindung].sort(), tata: s.tata }, cells, {}, merges);
    })
    .join('\n');
}

/** The cell at an A1 address, created if need be (setup only: nothing logged). */
function sel(sheet: SheetPalsu, cell: string): Sel {
  const p = parseA1(cell)!;
  return sheet.selTulis(p.row + 1, p.col + 1);
}

/**
 * The Malang table as a planner's Google Sheet holds it (bundel.ts selDariTsv) at B3, dressed
 * as in utuh-lembar.ts, with our functions below it, and a second sheet of notes.
 */
function bukuSulit(gas: AppsScriptPalsu): SheetPalsu {
  const sheet = gas.ss.addSheet(LEMBAR);
  const grid = selDariTsv(fs.readFileSync(fixturePath(MALANG), 'utf8'));
  isi(sheet, ATAS + 1, KIRI + 1, grid);
  grid[0].forEach((_, j) => (sheet.sel(ATAS + 1, KIRI + 1 + j).weight = 'bold'));
  Object.assign(sel(sheet, 'A1'), { value: JUDUL });
  const [p, q] = JUDUL_GABUNG.split(':').map((x) => parseA1(x)!);
  sheet.merges.push({ row: p.row + 1, col: p.col + 1, rows: q.row - p.row + 1, cols: q.col - p.col + 1 });
  sheet.cells.forEach((row, i) =>
    row.forEach((c, j) => {
      if (i > ATAS && KOLOM_UANG.includes(a1({}, i, j).replace(/\d+$/, '')) && typeof c.value === 'number') c.format = FORMAT_UANG;
    }),
  );
  for (const [cell, h] of Object.entries(HIASAN)) {
    const c = sel(sheet, cell);
    if (h.fill) c.background = h.fill.toLowerCase();
    if (h.bold) c.weight = 'bold';
    if (h.format) c.format = h.format;
    if (h.formula) Object.assign(c, { formula: h.formula.f, value: h.formula.v });
    if (h.note) c.note = h.note;
  }
  sel(sheet, PERSEN.cell).value = PERSEN.value;
  // What only the script's set…s calls write in this fake, on marked cells and the header.
  Object.assign(sel(sheet, 'G16'), { fontStyle: 'italic', fontColor: '#c00000' });
  Object.assign(sel(sheet, 'L78'), { border: { top: 'SOLID #000000' } });
  grid[0].forEach((_, j) => Object.assign(sheet.sel(ATAS + 1, KIRI + 1 + j), { wrap: true, horizontal: 'center', vertical: 'middle' }));
  Object.assign(sheet.tata, { kolom: { 3: 320, 7: 140 }, baris: { 3: 60 }, bekuBaris: ATAS + 1 });
  for (const [cell, c] of Object.entries(rumusKami(''))) Object.assign(sel(sheet, cell), { value: c.value, formula: c.formula ?? '' });
  isi(gas.ss.addSheet('Catatan'), 1, 1, [[{ value: 'Lembar lain, bukan tabel.', note: 'Catatan di lembar lain.' }]]);
  gas.ss.active = { sheet, range: null };
  return sheet;
}

const NAMES = [LEMBAR, 'Catatan'];

test('after Periksa Tabel and Hapus Tanda, Pohon Kinerja, rumus bawaan and back, every sheet that was there is as it was', () => {
  const gas = new AppsScriptPalsu(out);
  const sheet = bukuSulit(gas);
  const awal = potret(gas, NAMES);

  panggil(gas, 'lkPeriksa', 'buku', { skala: null });
  // The premise: the cells dressed by the planner are among those marked.
  for (const cell of DITANDAI) expect(`${cell} ${isMarkFill(sel(sheet, cell).background)}`).toBe(`${cell} true`);
  expect(sel(sheet, 'G26').note.startsWith(`${HIASAN.G26.note}\n\nLembar Kinerja:\n`)).toBe(true);
  expect(potret(gas, NAMES)).not.toBe(awal);

  panggil(gas, 'lkHapusTanda');
  expect(potret(gas, NAMES)).toBe(awal);
  expect([...gas.props.store.keys()].filter((k) => k.includes('cadangan'))).toEqual([]);

  expect(panggil(gas, 'lkPohonKinerja', false)).toMatchObject({ status: 'dibuat', sheet: 'Pohon Kinerja' });
  expect(gas.ss.sheets.map((s) => s.name)).toEqual([...NAMES, 'Pohon Kinerja']);
  // The drawing's fonts, borders and sizes are held by the fake, so had any gone to the table's
  // sheet the snapshot would show it.
  const pohon = gas.ss.sheets[2];
  expect(pohon.cells.flat().some((c) => c.fontSize !== undefined && c.border !== undefined)).toBe(true);
  expect(Object.keys(pohon.tata.kolom).length).toBeGreaterThan(0);
  expect(potret(gas, NAMES)).toBe(awal);

  // Back on the table's sheet, as the planner would click its tab.
  gas.ss.active = { sheet, range: null };
  const view = panggil(gas, 'lkJadikanRumusBawaan', 'lembar', true) as { converted: { cell: string }[] };
  expect(view.converted.map((c) => c.cell)).toEqual(['E81', 'F81']);
  expect(potret(gas, NAMES)).not.toBe(awal);
  expect(panggil(gas, 'lkKembalikanRumusAsli')).toEqual({ restored: 2, kept: 0 });
  expect(gas.ss.sheets.map((s) => s.name)).toEqual([...NAMES, 'Pohon Kinerja']);
  // The two cells hold their original formulas again; their value is Sheets' to compute, which
  // the fake leaves '' for any formula written. Everything else is byte-identical.
  const expected = new AppsScriptPalsu(out);
  const e = bukuSulit(expected);
  for (const cell of ['E81', 'F81']) sel(e, cell).value = '';
  expect(potret(gas, NAMES)).toBe(potret(expected, NAMES));
  process.stdout.write(
    `utuh-sheets: ${sheet.cells.flat().filter((c) => !kosong(c)).length} sel pada "${LEMBAR}", ${DITANDAI.length} ditandai\n`,
  );
});
