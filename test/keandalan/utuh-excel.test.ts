import { parseA1 } from '../../core/lembar/model';
import { isMarkFill } from '../../core/tanda';
import { bukaPanel, bukuUji, FakeCell, FakeState, Panel, periksa, tungguTeks } from '../browser/excel-panel';
import { DITANDAI, FORMAT_UANG, HIASAN, JUDUL_GABUNG, KOLOM_UANG, LEMBAR, PERSEN, potretLembar, rumusKami } from './utuh-lembar';
import { panelUntukBerkas } from '../helpers/untuk-berkas';

/**
 * Nothing lost, Excel: the BUILT task pane in Chromium over the fake Office host. A planner's
 * dressed sheet (utuh-lembar.ts) goes through Periksa Tabel, Hapus Tanda, Pohon Kinerja, Jadikan
 * rumus bawaan and Kembalikan rumus asli; every sheet that was there must then serialise to the
 * same string as before: values, formulas, number formats, bold, fills, fonts, borders, notes,
 * merges, visibility and layout, as the fake host holds them.
 */

const { out, browser } = panelUntukBerkas('lk-utuh-excel-');

/** Where the add-in keeps its backup (addin/excel/jembatan-excel.ts, not importable under the node types). */
const KUNCI_CADANGAN = 'LembarKinerja.cadangan';

/** A record the fake made for a cell it was asked to touch, holding nothing: Excel has no such thing. */
const kosong = (c: FakeCell) => (c.v === '' || c.v === null) && Object.keys(c).length === 1;

/** Every sheet named, whole (as utuh-lembar.ts potretLembar writes it), empty records left out. */
function potret(state: FakeState, names: string[]): string {
  return names
    .flatMap((name) => {
      const s = state.sheets.find((x) => x.name === name);
      if (!s) return [`${name} tidak ada`];
      const { cells, notes, merges, ...rest } = s;
      return potretLembar(name, rest, Object.fromEntries(Object.entries(cells).filter(([, c]) => !kosong(c))), notes, merges);
    })
    .join('\n');
}

/** The Malang sheet of the browser test, dressed as in utuh-lembar.ts, with our functions below it. */
function bukuSulit(): FakeState {
  const state = bukuUji();
  const sheet = state.sheets[0];
  for (const [cell, c] of Object.entries(sheet.cells)) {
    if (KOLOM_UANG.includes(cell.replace(/\d+$/, '')) && typeof c.v === 'number' && parseA1(cell)!.row > 3) c.nf = FORMAT_UANG;
  }
  for (const [cell, h] of Object.entries(HIASAN)) {
    const c: FakeCell = (sheet.cells[cell] ??= { v: null });
    if (h.fill) c.fill = h.fill;
    if (h.bold) c.bold = true;
    if (h.format) c.nf = h.format;
    if (h.formula) Object.assign(c, { f: h.formula.f, v: h.formula.v });
    if (h.note) sheet.notes[cell] = h.note;
  }
  sheet.cells[PERSEN.cell].v = PERSEN.value;
  // What only the API writes in this fake: a font colour, italics and a border on marked cells.
  sheet.cells.G16.font = { italic: true, color: '#C00000' };
  sheet.cells.L78.borders = { EdgeTop: { style: 'Continuous', weight: 'Thin', color: '#000000' } };
  sheet.merges.push(JUDUL_GABUNG);
  sheet.layout = { freeze: 'rows:3', 'columnWidth:C3': 320 };
  for (const [cell, c] of Object.entries(rumusKami('SAKIP.')))
    sheet.cells[cell] = { v: c.value, ...(c.formula ? { f: c.formula } : {}) };
  return state;
}

const NAMES = [LEMBAR, 'Catatan'];
const cadangan = async (panel: Panel) => {
  const stored = (await panel.state()).settings[KUNCI_CADANGAN];
  return stored === undefined ? [] : (JSON.parse(stored as string) as { sel: { cell: string }[] }).sel.map((s) => s.cell);
};

test('after Periksa Tabel and Hapus Tanda, Pohon Kinerja, rumus bawaan and back, every sheet that was there is as it was', async () => {
  const start = bukuSulit();
  const panel = await bukaPanel(browser(), out, start);
  const { page } = panel;
  const awal = potret(await panel.state(), NAMES);
  const sel = Object.values(start.sheets[0].cells).filter((c) => !kosong(c)).length;

  await periksa(panel, 'buku');
  const marked = await panel.state();
  // The premise: the cells dressed by the planner are among those marked.
  expect(await cadangan(panel)).toEqual(expect.arrayContaining(DITANDAI));
  for (const cell of DITANDAI) expect(isMarkFill(marked.sheets[0].cells[cell].fill)).toBe(true);
  expect(marked.sheets[0].notes.G26.startsWith(`${HIASAN.G26.note}\n\nLembar Kinerja:\n`)).toBe(true);
  expect(potret(marked, NAMES)).not.toBe(awal);

  await page.click('#lk-hapus');
  await tungguTeks(page, '#lk-status', /dikembalikan/);
  const cleared = await panel.state();
  expect(potret(cleared, NAMES)).toBe(awal);
  expect(cleared.settings[KUNCI_CADANGAN]).toBeUndefined();

  await page.click('#lk-pohon');
  await tungguTeks(page, '#lk-pohon-pesan', /simpul dibuat di lembar "Pohon Kinerja"/);
  const drawn = await panel.state();
  expect(drawn.sheets.map((s) => s.name)).toEqual([...NAMES, 'Pohon Kinerja']);
  // The drawing's fonts, borders and sizes are held by the fake, so had any gone to the table's
  // sheet the snapshot would show it.
  const pohon = drawn.sheets[2];
  expect(Object.values(pohon.cells).some((c) => c.font !== undefined && c.borders !== undefined)).toBe(true);
  expect(Object.keys(pohon.layout ?? {}).some((k) => k.startsWith('columnWidth:'))).toBe(true);
  expect(potret(drawn, NAMES)).toBe(awal);

  // Back on the table's sheet, as the planner would click its tab.
  await page.evaluate(`void (window.__excel.state.active = 0)`);
  await page.check('#lk-cakupan-lembar');
  await page.click('#lk-bawaan-pratinjau');
  await tungguTeks(page, '#lk-bawaan-hasil', /2 sel di lembar aktif akan diubah/);
  await page.click('#lk-bawaan-terapkan');
  await tungguTeks(page, '#lk-bawaan-hasil', /rumus aslinya disimpan/);
  const converted = await panel.state();
  expect(converted.sheets[0].cells.E81.f).not.toMatch(/SAKIP/);
  expect(potret(converted, NAMES)).not.toBe(awal);
  await page.click('#lk-bawaan-kembalikan');
  await tungguTeks(page, '#lk-bawaan-hasil', /Rumus asli 2 sel dikembalikan\./);
  const back = await panel.state();
  expect(back.sheets.map((s) => s.name)).toEqual([...NAMES, 'Pohon Kinerja']);
  // The two cells hold their original formulas again; their value is Excel's to compute, which
  // the fake shows as "#FORMULA" for any formula written. Everything else is byte-identical.
  const expected = bukuSulit();
  for (const cell of ['E81', 'F81']) expected.sheets[0].cells[cell].v = '#FORMULA';
  expect(potret(back, NAMES)).toBe(potret(expected, NAMES));
  expect(back.names).toEqual(start.names);
  expect(await panel.log()).toEqual([]);
  await panel.close();
  process.stdout.write(`utuh-excel: ${sel} sel pada "${LEMBAR}", ${DITANDAI.length} ditandai\n`);
}, 120_000);

test('what the planner changes on a marked cell between Periksa Tabel and Hapus Tanda stays: fill, note, value', async () => {
  const panel = await bukaPanel(browser(), out, bukuSulit());
  const { page } = panel;
  await periksa(panel, 'lembar');
  // The planner colours G16 green, rewrites G5's note, fixes L29's number, deletes L62's note,
  // and types a line under our note in G26 (which has his own note above ours) and in G47.
  const edit = `(() => {
    const s = window.__excel.state.sheets[0];
    s.cells.G16.fill = '#00B050';
    s.notes.G5 = 'Sudah dibetulkan.';
    s.cells.L29.v = 536000000;
    s.cells.L29.nf = '#,##0';
    delete s.notes.L62;
    s.notes.G26 += '\\n\\nSudah dicek (Budi).';
    s.notes.G47 += '\\n\\nMenunggu data Bidang.';
  })()`;
  await page.evaluate(edit);
  await page.click('#lk-hapus');
  await tungguTeks(page, '#lk-status', /dikembalikan/);

  const expected = bukuSulit();
  const s = expected.sheets[0];
  s.cells.G16.fill = '#00B050';
  s.notes.G5 = 'Sudah dibetulkan.';
  s.cells.L29 = { ...s.cells.L29, v: 536000000, nf: '#,##0' };
  delete s.notes.L62;
  s.notes.G26 = `${s.notes.G26}\n\nSudah dicek (Budi).`;
  s.notes.G47 = 'Menunggu data Bidang.';
  expect(potret(await panel.state(), NAMES)).toBe(potret(expected, NAMES));
  await panel.close();
}, 120_000);

test('a marked sheet renamed before Hapus Tanda: the other sheets are still restored whole', async () => {
  const state = bukuSulit();
  const copy = JSON.parse(JSON.stringify(state.sheets[0])) as FakeState['sheets'][number];
  state.sheets.push({ ...copy, name: 'Tabel 2.3 salinan' });
  const panel = await bukaPanel(browser(), out, state);
  const awal = potret(await panel.state(), NAMES);
  await periksa(panel, 'buku');
  expect((await panel.state()).sheets[2].cells.G16.fill).toBe('#FFC7CE');
  await panel.page.evaluate(`void (window.__excel.state.sheets[2].name = 'Tabel 2.3 final')`);
  await panel.page.click('#lk-hapus');
  await tungguTeks(panel.page, '#lk-status', /dikembalikan/);
  expect(potret(await panel.state(), NAMES)).toBe(awal);
  expect(await panel.log()).toEqual([]);
  await panel.close();
}, 120_000);
