import * as fs from 'fs';
import * as path from 'path';
import { a1 } from '../../core/lembar/model';
import { isMarkFill } from '../../core/tanda';
import { bangun } from '../appsscript/bundel';
import { AppsScriptPalsu, isi, Sel } from '../appsscript/palsu';
import { chromiumUntukBerkas } from '../helpers/untuk-berkas';
import { bangunAddin, bukaPanel, bukuUji, FakeState, Panel, periksa, tungguTeks } from './excel-panel';

/**
 * One product, two hosts: the same scenarios through the BUILT Excel pane (Chromium, fake Office
 * host) and the BUILT Sheets script (node:vm, fake SpreadsheetApp) give the same marked cells,
 * the same notes and the same restored sheet. Periksa, fix a cell, Periksa again (the fixed
 * cell loses its mark), Hapus Tanda (everything as it was), and an unreadable backup (both
 * refuse, nothing marked).
 */

const { out, browser } = chromiumUntukBerkas('lk-paritas-', async (dir) => {
  await bangunAddin(path.join(dir, 'addin'));
  await bangun(path.join(dir, 'appsscript'));
});

type Fn = (...args: unknown[]) => unknown;
const LEMBAR = 'Tabel 2.3';

/** The marks and notes of a sheet, host-neutral: cell → fill (only our mark fills) and note. */
interface Tanda {
  fills: Record<string, string>;
  notes: Record<string, string>;
}

function tandaExcel(state: FakeState): Tanda {
  const s = state.sheets.find((x) => x.name === LEMBAR)!;
  const fills: Record<string, string> = {};
  for (const [cell, c] of Object.entries(s.cells)) if (c.fill) fills[cell] = c.fill.toUpperCase();
  return { fills, notes: { ...s.notes } };
}

function tandaSheets(gas: AppsScriptPalsu): Tanda {
  const s = gas.ss.getSheetByName(LEMBAR)!;
  const fills: Record<string, string> = {};
  const notes: Record<string, string> = {};
  s.cells.forEach((row, i) =>
    row.forEach((c, j) => {
      if (c.background !== '#ffffff') fills[a1({}, i, j)] = c.background.toUpperCase();
      if (c.note !== '') notes[a1({}, i, j)] = c.note;
    }),
  );
  return { fills, notes };
}

const ditandai = (t: Tanda) =>
  Object.entries(t.fills)
    .filter(([, f]) => isMarkFill(f))
    .map(([c]) => c)
    .sort();

/** The Excel test workbook as Sheets holds it: the same values, bold, fills and notes. */
function sheetsDari(state: FakeState): AppsScriptPalsu {
  const gas = new AppsScriptPalsu(path.join(out, 'appsscript'));
  for (const fs of state.sheets) {
    const sheet = gas.ss.addSheet(fs.name);
    for (const [cell, c] of Object.entries(fs.cells)) {
      const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const sel: Partial<Sel> = { value: c.v ?? '' };
      if (c.bold) sel.weight = 'bold';
      if (c.fill) sel.background = c.fill.toLowerCase();
      if (fs.notes[cell]) sel.note = fs.notes[cell];
      isi(sheet, Number(m[2]), col, [[sel]]);
    }
    for (const [cell, note] of Object.entries(fs.notes)) {
      const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      isi(sheet, Number(m[2]), col, [[{ note }]]);
    }
  }
  gas.ss.active = { sheet: gas.ss.sheets[0], range: null };
  return gas;
}

async function setExcel(panel: Panel, cell: string, v: unknown): Promise<void> {
  await panel.page.evaluate(
    ([c, value]) => {
      const s = (globalThis as unknown as { __excel: { state: FakeState } }).__excel.state.sheets[0];
      s.cells[c as string] = { ...(s.cells[c as string] ?? {}), v: value as number };
    },
    [cell, v] as const,
  );
}

test('Periksa, a fix, Periksa again, Hapus Tanda and a damaged backup do the same in Excel and in Sheets', async () => {
  const state = bukuUji();
  const awal = tandaExcel(state);
  const gas = sheetsDari(state);
  const code = fs.readFileSync(path.join(out, 'appsscript', 'Code.js'), 'utf8');
  const ctx = gas.muat(code);
  const panel = await bukaPanel(browser(), path.join(out, 'addin'), state);
  expect(tandaSheets(gas)).toEqual(awal);

  // 1. Periksa Tabel on the active sheet.
  await periksa(panel, 'lembar');
  const view = (ctx.lkPeriksa as Fn)('lembar', { skala: null }) as { findings: { cell: string; rule: string; expected: string | null }[] };
  const excel1 = tandaExcel(await panel.state());
  const sheets1 = tandaSheets(gas);
  expect(ditandai(excel1).length).toBeGreaterThan(3);
  expect(ditandai(sheets1)).toEqual(ditandai(excel1));
  expect(sheets1).toEqual(excel1);

  // 2. The planner fixes one parent pagu to the sum of its children, in both hosts.
  const fix = view.findings.find((f) => f.rule === 'jumlah-induk' && f.expected !== null && view.findings.filter((g) => g.cell === f.cell).length === 1)!;
  expect(fix).toBeDefined();
  await setExcel(panel, fix.cell, Number(fix.expected));
  gas.ss.getSheetByName(LEMBAR)!.sel(Number(/\d+/.exec(fix.cell)![0]), [.../^[A-Z]+/.exec(fix.cell)![0]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)).value = Number(fix.expected);

  // 3. Periksa again: the fixed cell loses its mark and our note at once, in both.
  await periksa(panel, 'lembar');
  (ctx.lkPeriksa as Fn)('lembar', { skala: null });
  const excel2 = tandaExcel(await panel.state());
  const sheets2 = tandaSheets(gas);
  expect(ditandai(excel2)).not.toContain(fix.cell);
  expect(excel2.fills[fix.cell]).toBe(awal.fills[fix.cell]);
  expect(excel2.notes[fix.cell]).toBe(awal.notes[fix.cell]);
  expect(sheets2).toEqual(excel2);

  // 4. Hapus Tanda: every fill and note as it was, the same in both.
  await panel.page.click('#lk-hapus');
  await tungguTeks(panel.page, '#lk-status', /dikembalikan|Tidak ada tanda/);
  const hapus = (ctx.lkHapusTanda as Fn)() as { restored: number };
  expect(hapus.restored).toBeGreaterThan(0);
  expect(tandaExcel(await panel.state())).toEqual(awal);
  expect(tandaSheets(gas)).toEqual(awal);

  // 5. A backup that cannot be read: both refuse with the same sentence, nothing is marked.
  await panel.page.evaluate(() => {
    (globalThis as unknown as { __excel: { state: FakeState } }).__excel.state.settings['LembarKinerja.cadangan'] = '{rusak';
  });
  isi(gas.ss.addSheet('Cadangan Tanda Lembar Kinerja'), 1, 1, [[{ value: '{rusak' }]]);
  let pesanSheets = '';
  try {
    (ctx.lkPeriksa as Fn)('lembar', { skala: null });
  } catch (e) {
    pesanSheets = (e as Error).message;
  }
  expect(pesanSheets).toMatch(/^Catatan tanda sebelumnya rusak/);
  await panel.page.check('#lk-cakupan-lembar');
  await panel.page.click('#lk-periksa');
  await tungguTeks(panel.page, '#lk-status', /Catatan tanda sebelumnya rusak/);
  expect(await panel.page.textContent('#lk-status')).toContain(pesanSheets);
  expect(tandaExcel(await panel.state())).toEqual(awal);
  expect(tandaSheets(gas)).toEqual(awal);
  await panel.close();
}, 600_000);
