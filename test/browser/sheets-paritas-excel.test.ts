import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readWorkbookFile } from '../../cli/baca';
import { a1, columnLetters } from '../../core/lembar/model';
import { LEMBAR_ASLI } from '../../core/rumus-bawaan/asli';
import { isMarkFill } from '../../core/tanda';
import { jalankan } from '../helpers/jalankan-cli';
import { bangun } from '../appsscript/bundel';
import { AppsScriptPalsu, isi, Sel } from '../appsscript/palsu';
import { chromiumUntukBerkas } from '../helpers/untuk-berkas';
import { bangunAddin, bukaPanel, bukuUji, FakeState, Panel, periksa, tungguTeks } from './excel-panel';

/**
 * One product, two hosts: the same scenarios through the BUILT Excel pane (Chromium, fake Office
 * host) and the BUILT Sheets script (node:vm, fake SpreadsheetApp) give the same marked cells,
 * the same notes and the same restored sheet. Periksa, fix a cell, Periksa again (the fixed
 * cell loses its mark), Hapus Tanda (everything as it was), an unreadable backup (both
 * refuse, nothing marked), a finding on a covered cell of a merged area (both mark the anchor),
 * and the CLI's `bawaan` copy opened in each host and restored with Kembalikan rumus asli.
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
      const sel: Partial<Sel> = { value: c.v ?? '', ...(c.f ? { formula: c.f } : {}) };
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
    for (const m of fs.merges) sheet.getRange(m).merge();
    if (fs.visibility === 'Hidden') sheet.hideSheet();
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
  const view = (ctx.lkPeriksa as Fn)('lembar', { skala: null }) as {
    findings: { cell: string; rule: string; expected: string | null }[];
  };
  const excel1 = tandaExcel(await panel.state());
  const sheets1 = tandaSheets(gas);
  expect(ditandai(excel1).length).toBeGreaterThan(3);
  expect(ditandai(sheets1)).toEqual(ditandai(excel1));
  expect(sheets1).toEqual(excel1);

  // 2. The planner fixes one parent pagu to the sum of its children, in both hosts.
  const fix = view.findings.find(
    (f) => f.rule === 'jumlah-induk' && f.expected !== null && view.findings.filter((g) => g.cell === f.cell).length === 1,
  )!;
  expect(fix).toBeDefined();
  await setExcel(panel, fix.cell, Number(fix.expected));
  gas.ss.getSheetByName(LEMBAR)!.sel(
    Number(/\d+/.exec(fix.cell)![0]),
    [.../^[A-Z]+/.exec(fix.cell)![0]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0),
  ).value = Number(fix.expected);

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

test('a finding on a covered cell of a merged area is marked on the anchor, the same in Excel and in Sheets', async () => {
  const state = bukuUji();
  // G15:G16 merged with G16's value still there, as in a file exported by another program
  // (Excel and Sheets keep such values; they show only the anchor G15). G16's kegiatan pagu is wrong.
  state.sheets[0].merges.push('G15:G16');
  const awal = tandaExcel(state);
  const gas = sheetsDari(state);
  const ctx = gas.muat(fs.readFileSync(path.join(out, 'appsscript', 'Code.js'), 'utf8'));
  const panel = await bukaPanel(browser(), path.join(out, 'addin'), state);
  await periksa(panel, 'lembar');
  (ctx.lkPeriksa as Fn)('lembar', { skala: null });
  const excel = tandaExcel(await panel.state());
  const sheets = tandaSheets(gas);
  expect(ditandai(excel)).toContain('G15');
  expect(ditandai(excel)).not.toContain('G16');
  expect(excel.notes.G16).toBe(awal.notes.G16);
  expect(excel.notes.G15).toMatch(/^Lembar Kinerja:\nGalat \(jumlah-induk\) sel G16: Pagu kegiatan 820\.000\.000/);
  expect(sheets).toEqual(excel);

  await panel.page.click('#lk-hapus');
  await tungguTeks(panel.page, '#lk-status', /dikembalikan/);
  (ctx.lkHapusTanda as Fn)();
  expect(tandaExcel(await panel.state())).toEqual(awal);
  expect(tandaSheets(gas)).toEqual(awal);
  await panel.close();
}, 600_000);

/** A LKjIP capaian sheet calling our functions (Excel's spelling), as a planner saves it. */
async function bukuDenganFungsi(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Capaian 2024');
  ws.addRow(['Indikator', 'Target', 'Realisasi', 'Capaian', 'Predikat', 'Jumlah']);
  ws.addRow(['IKM', 80, 79.72]);
  ws.addRow(['Angka PMKS', 12.84, 13.26]);
  ws.addRow(['Teks', '99,88 %', 99.88]);
  ws.getCell('D2').value = { formula: 'SAKIP.CAPAIAN(C2,B2)', result: 99.65 };
  ws.getCell('E2').value = { formula: 'SAKIP.PREDIKAT(D2,"melampaui")', result: 'Sangat Tinggi' };
  ws.getCell('D3').value = { formula: 'SAKIP.CAPAIAN(C3,B3,"turun",100)', result: 96.73 };
  ws.getCell('E3').value = { formula: 'SAKIP.PREDIKAT(D3,"berhasil",2)', result: 'Berhasil' };
  // Kept by bawaan (a text number): it must come back untouched from both hosts.
  ws.getCell('D4').value = { formula: 'SAKIP.CAPAIAN(C4,B4)', result: 100 };
  ws.getCell('F2').value = { formula: 'SUM(B2:B3)', result: 92.84 };
  await wb.xlsx.writeFile(file);
}

/** The formulas (else values) of a sheet, cell by cell: what a host shows in the formula bar. */
const rumusExcel = (state: FakeState, name: string) =>
  Object.fromEntries(
    Object.entries(state.sheets.find((s) => s.name === name)!.cells)
      .filter(([, c]) => c.f !== undefined || (c.v !== '' && c.v !== null))
      .map(([k, c]) => [k, c.f ?? c.v]),
  );
function rumusSheets(gas: AppsScriptPalsu, name: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  gas.ss.getSheetByName(name)!.cells.forEach((row, i) =>
    row.forEach((c, j) => {
      if (c.formula !== '' || c.value !== '') out[`${columnLetters(j)}${i + 1}`] = c.formula !== '' ? c.formula : c.value;
    }),
  );
  return out;
}

test('the CLI bawaan copy, opened in Excel and in Sheets, comes back the same in both through Kembalikan rumus asli', async () => {
  const dir = path.join(out, 'bawaan');
  fs.mkdirSync(dir, { recursive: true });
  const input = path.join(dir, 'capaian.xlsx');
  const copy = path.join(dir, 'capaian-bawaan.xlsx');
  await bukuDenganFungsi(input);
  const r = await jalankan('bawaan', input, '--keluar', copy);
  expect(r.out).toMatch(/^4 sel diubah menjadi rumus bawaan/);

  // The copy as each host would hold it once opened: values, formulas, the hidden record.
  const asliBaca = await readWorkbookFile(input);
  const baca = await readWorkbookFile(copy);
  if (!asliBaca.ok || !baca.ok) throw new Error('tidak terbaca');
  const sheetsOf = (wb: typeof baca.workbook): FakeState['sheets'] =>
    wb.sheets.map((s) => {
      const cells: FakeState['sheets'][number]['cells'] = {};
      s.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const f = s.formulas?.[i]?.[j] ?? undefined;
          if ((v !== null && v !== '') || f) cells[a1({}, i, j)] = { v: v ?? '', ...(f ? { f } : {}) };
        }),
      );
      return { name: s.name, cells, notes: {}, merges: [], ...(s.name === LEMBAR_ASLI ? { visibility: 'Hidden' } : {}) };
    });
  const state: FakeState = {
    sheets: sheetsOf(baca.workbook),
    active: 0,
    selection: 'A1',
    settings: {},
    names: {},
    lambda: true,
    notesApi: true,
  };
  const asli = sheetsOf(asliBaca.workbook)[0];
  expect(state.sheets.map((s) => s.name)).toEqual(['Capaian 2024', LEMBAR_ASLI]);
  expect(state.sheets[0].cells.D2.f).not.toMatch(/SAKIP/);

  const gas = sheetsDari(state);
  expect(gas.ss.getSheetByName(LEMBAR_ASLI)!.isSheetHidden()).toBe(true);
  const ctx = gas.muat(fs.readFileSync(path.join(out, 'appsscript', 'Code.js'), 'utf8'));
  const panel = await bukaPanel(browser(), path.join(out, 'addin'), state);
  await panel.page.click('#lk-bawaan-kembalikan');
  await tungguTeks(panel.page, '#lk-bawaan-hasil', /Rumus asli 4 sel dikembalikan\./);
  expect((ctx.lkKembalikanRumusAsli as Fn)()).toEqual({ restored: 4, kept: 0 });

  const excel = await panel.state();
  const wanted = rumusExcel({ ...state, sheets: [asli] }, 'Capaian 2024');
  expect(rumusExcel(excel, 'Capaian 2024')).toEqual(wanted);
  expect(rumusSheets(gas, 'Capaian 2024')).toEqual(wanted);
  // The record is gone from both.
  expect(excel.sheets.map((s) => s.name)).toEqual(['Capaian 2024']);
  expect(gas.ss.sheets.map((s) => s.name)).toEqual(['Capaian 2024']);
  expect(await panel.log()).toEqual([]);
  await panel.close();
}, 600_000);
