import * as fs from 'fs';
import * as path from 'path';
import { NOTE_AUTHOR } from '../../core/tanda';
import { bukaPanel, bukuUji, FakeState, periksa, ROOT, tungguPilihan, tungguTeks } from './excel-panel';
import { lembarRenja } from './excel-besar';
import { panelUntukBerkas } from '../helpers/untuk-berkas';

/**
 * The BUILT Excel task pane (dist/addin/taskpane.html and taskpane.js, built here into a temp
 * folder) in headless Chromium, office.js replaced by the fake Excel host holding the Malang
 * review table (test/fixtures/dokumen) at B3 of a sheet named "Tabel 2.3".
 */

const { out, browser } = panelUntukBerkas('lk-addin-');

const fills = (s: FakeState) =>
  Object.fromEntries(
    s.sheets.flatMap((sh) =>
      Object.entries(sh.cells)
        .filter(([, c]) => c.fill)
        .map(([k, c]) => [`${sh.name}!${k}`, c.fill]),
    ),
  );

test('Periksa Tabel marks the cells and lists the findings in 4 syncs; Hapus Tanda puts every fill and note back', async () => {
  const before = bukuUji();
  const panel = await bukaPanel(browser(), out, before);
  const { page } = panel;
  await panel.resetSyncs();

  const summary = await periksa(panel, 'lembar');
  expect(await panel.syncs()).toBeLessThanOrEqual(4);
  const syncsPeriksa = await panel.syncs();
  expect(summary).toMatch(/^\d+ temuan \(\d+ galat, .*\) pada 1 tabel di lembar aktif, \d+ sel ditandai · \d+,\d detik$/);

  // Findings are named as the user sees the cells: the table starts at B3, so the fixture's
  // F14 (kegiatan 4: 820.000.000 against 819.500.000) is G16 here.
  const items = await page.$$eval('.lk-temuan', (els) =>
    els.map((e) => `${e.getAttribute('data-sheet')}!${e.getAttribute('data-cell')} ${e.textContent}`),
  );
  expect(items.some((t) => t.startsWith('Tabel 2.3!G16 ') && t.includes('820.000.000') && t.includes('819.500.000'))).toBe(true);
  expect(items.some((t) => t.startsWith('Tabel 2.3!L29 ') && t.includes('53.600.0000'))).toBe(true);
  const groups = await page.$$eval('.lk-tabel', (els) => els.map((e) => e.textContent));
  expect(groups[0]).toMatch(/^Tabel 2\.3!B3:M78 · Renja T-C\.31/);
  const rules = await page.$$eval('#lk-temuan summary', (els) => els.map((e) => e.textContent));
  expect(rules).toContain('Jumlah induk tidak sama dengan rinciannya (5)');

  // The cells: error fill on G16, its own note kept above ours; the blue header untouched.
  const marked = await panel.state();
  const sheet = marked.sheets[0];
  expect(sheet.cells.G16.fill).toBe('#FFC7CE');
  expect(
    sheet.notes.G16.startsWith('Cek ulang dengan Bappeda.\n\nLembar Kinerja:\nGalat (jumlah-induk): Pagu kegiatan 820.000.000'),
  ).toBe(true);
  expect(sheet.cells.L29.fill).toBe('#FFC7CE');
  expect(sheet.notes.L29.startsWith(`${NOTE_AUTHOR}:\n`)).toBe(true);
  expect(sheet.cells.G3.fill).toBe('#D9E1F2');
  expect(sheet.notes.C5).toBe('Catatan pengguna yang tidak boleh hilang.');
  const markedCount = Object.keys(fills(marked)).length - 1;
  expect(summary).toContain(`${markedCount} sel ditandai`);
  // Values and formulas are never touched.
  for (const [k, c] of Object.entries(before.sheets[0].cells)) expect(sheet.cells[k].v).toEqual(c.v);

  // Clicking a finding selects its cell in Excel.
  await page.click('.lk-temuan[data-cell="G16"]');
  await tungguPilihan(page, 'G16');

  // Keyboard: Tab reaches the buttons, Enter on a finding selects it.
  await page.focus('.lk-temuan[data-cell="L29"]');
  await page.keyboard.press('Enter');
  await tungguPilihan(page, 'L29');

  fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'test-output', 'excel-taskpane.png'), fullPage: true });

  // A second Periksa before Hapus Tanda keeps the true originals in the backup.
  await periksa(panel, 'lembar');
  expect(fills(await panel.state())).toEqual(fills(marked));

  await page.click('#lk-hapus');
  await tungguTeks(page, '#lk-status', /dikembalikan/);
  const after = await panel.state();
  // Byte for byte: every fill and every note as before, and no backup left behind.
  expect(JSON.stringify(after.sheets)).toBe(JSON.stringify(before.sheets));
  expect(after.settings['LembarKinerja.cadangan']).toBeUndefined();
  expect(await panel.log()).toEqual([]);
  expect(syncsPeriksa).toBe(4);
  await panel.close();
}, 120_000);

test('the selection is checked when more than one cell is selected; the whole workbook on request', async () => {
  const state = bukuUji();
  state.selection = 'B3:G30';
  const panel = await bukaPanel(browser(), out, state);
  const summary = await periksa(panel, 'pilihan');
  expect(summary).toContain('di sel yang dipilih');
  const cells = await panel.page.$$eval('.lk-temuan', (els) => els.map((e) => e.getAttribute('data-cell')));
  expect(cells).toContain('G16');
  expect(cells).not.toContain('L29');
  // One cell selected: the active sheet instead, and the pane says so by its choice.
  await panel.page.evaluate('void (window.__excel.state.selection = "A1")');
  expect(await periksa(panel, 'pilihan')).toContain('di lembar aktif');
  expect(await panel.page.isChecked('#lk-cakupan-lembar')).toBe(true);
  await panel.resetSyncs();
  expect(await periksa(panel, 'buku')).toContain('di seluruh buku kerja');
  // One more than a sheet: every sheet's used range is asked once the names are known; the
  // small sheets are then read together.
  expect(await panel.syncs()).toBe(5);
  expect(await panel.log()).toEqual([]);
  await panel.close();
}, 120_000);

test('Pasang =CAPAIAN tanpa awalan adds four LAMBDA names, updates them on a second run, and says when LAMBDA is missing', async () => {
  const panel = await bukaPanel(browser(), out, bukuUji());
  await panel.page.click('#lk-tanpa-awalan');
  await tungguTeks(panel.page, '#lk-fungsi-pesan', /dipasang/);
  let s = await panel.state();
  expect(Object.keys(s.names).sort()).toEqual(['CAPAIAN', 'EFISIENSI', 'PREDIKAT', 'SERAPAN']);
  expect(s.names.CAPAIAN.formula.startsWith('=LAMBDA(realisasi,target,[arah],[batas],')).toBe(true);
  await panel.page.click('#lk-tanpa-awalan');
  await tungguTeks(panel.page, '#lk-fungsi-pesan', /diperbarui/);
  s = await panel.state();
  expect(Object.keys(s.names)).toHaveLength(4);
  await panel.close();

  const old = bukuUji();
  old.lambda = false;
  const p2 = await bukaPanel(browser(), out, old);
  await p2.page.click('#lk-tanpa-awalan');
  await tungguTeks(p2.page, '#lk-fungsi-pesan', /belum mendukung LAMBDA/);
  expect((await p2.state()).names).toEqual({});
  await p2.close();
}, 120_000);

test('functions.json lets error cells into range arguments (allowErrorForDataTypeAny), so one #N/A does not make the whole spill an error', () => {
  const meta = JSON.parse(fs.readFileSync(path.join(out, 'functions.json'), 'utf8')) as {
    allowErrorForDataTypeAny?: boolean;
    functions: unknown[];
  };
  expect(meta.allowErrorForDataTypeAny).toBe(true);
  expect(meta.functions).toHaveLength(5);
});

test('the custom functions are registered under their registry names and answer like the core', async () => {
  const panel = await bukaPanel(browser(), out, bukuUji());
  const r = await panel.page.evaluate(`(() => {
    const f = window.__excel.functions;
    const err = f.CAPAIAN([[5]], [[0]])[0][0];
    return { names: Object.keys(f).sort(), capaian: f.CAPAIAN([['99,88 %']], [[99.88]]), blank: f.SERAPAN([[null]], [[null]]),
      err: [err.code, err.message === undefined], spill: f.PREDIKAT([[100], [90.5]], [['berhasil']]) };
  })()`);
  expect(r).toEqual({
    names: ['CAPAIAN', 'EFISIENSI', 'NILAI_EFISIENSI', 'PREDIKAT', 'SERAPAN'],
    capaian: [[100]],
    blank: [['']],
    // Excel shows a custom message only for #VALUE! and #N/A.
    err: ['#DIV/0!', true],
    spill: [['Sangat Berhasil'], ['Berhasil']],
  });
  await panel.close();
}, 120_000);

test('Pohon Kinerja draws the tree on a new sheet in batches under 4 MB, asks before replacing it; Templat pohon adds a sheet', async () => {
  const panel = await bukaPanel(browser(), out, bukuUji());
  const { page } = panel;
  await panel.resetSyncs();
  await page.click('#lk-pohon');
  await tungguTeks(page, '#lk-pohon-pesan', /simpul dibuat di lembar "Pohon Kinerja"/);
  // The source's used range, its cells, a look for an existing tree sheet, then the drawing in
  // batches estimated under 4 MB (this tree is about 5 MB of Office.js commands in one batch).
  expect(await panel.syncs()).toBeLessThanOrEqual(6);
  let s = await panel.state();
  const tree = s.sheets.find((x) => x.name === 'Pohon Kinerja')!;
  expect(Object.keys(tree.cells).length).toBeGreaterThan(20);
  expect(Object.values(tree.cells).some((c) => typeof c.v === 'string' && c.v.includes('PROGRAM PENUNJANG URUSAN'))).toBe(true);
  expect(tree.merges.length).toBeGreaterThan(0);

  // A second run asks first; Batal leaves the sheet as it is.
  await page.click('#lk-pohon');
  await tungguTeks(page, '#lk-pohon-pesan', /sudah ada\. Ganti/);
  expect(await page.evaluate('document.activeElement.textContent')).toBe('Batal');
  await page.click('#lk-pohon-pesan button:has-text("Batal")');
  await tungguTeks(page, '#lk-status', /tidak diubah/);
  expect(JSON.stringify(await panel.state())).toBe(JSON.stringify(s));
  await page.click('#lk-pohon');
  await tungguTeks(page, '#lk-pohon-pesan', /sudah ada\. Ganti/);
  await page.click('#lk-pohon-pesan button:has-text("Ganti")');
  await tungguTeks(page, '#lk-pohon-pesan', /simpul dibuat/);
  s = await panel.state();
  expect(s.sheets.filter((x) => x.name === 'Pohon Kinerja')).toHaveLength(1);

  await page.click('#lk-templat');
  await tungguTeks(page, '#lk-pohon-pesan', /Templat pohon kinerja dibuat di lembar/);
  expect((await panel.state()).sheets.length).toBe(4);
  expect(await panel.log()).toEqual([]);
  await panel.close();
}, 120_000);

test('Rumus bawaan: Pratinjau changes nothing and lists what cannot be converted; Terapkan writes them; Kembalikan puts the originals back', async () => {
  const state = bukuUji();
  // A sheet name that is HTML: it must reach the page as text.
  const name = '<b>Capaian</b>';
  state.sheets.unshift({
    name,
    cells: {
      A1: { v: 80 },
      B1: { v: 79.72 },
      C1: { v: 99.65, f: '=SAKIP.CAPAIAN(B1,A1)' },
      D1: { v: 'Sangat Tinggi', f: '=SAKIP.PREDIKAT(C1)' },
      C2: { v: '#VALUE!', f: '=SAKIP.CAPAIAN(B1:B2,A1)' },
      A3: { v: 90 },
      B3: { v: '88,5' },
      C3: { v: 98.33, f: '=SAKIP.CAPAIAN(B3,A3)' },
      E1: { v: 159.72, f: '=SUM(A1:B1)' },
    },
    notes: {},
    merges: [],
  });
  const panel = await bukaPanel(browser(), out, state);
  const { page } = panel;
  const before = await panel.state();
  await page.check('#lk-cakupan-lembar');
  await panel.resetSyncs();
  await page.click('#lk-bawaan-pratinjau');
  await tungguTeks(page, '#lk-bawaan-hasil', /2 sel di lembar aktif akan diubah menjadi rumus bawaan.* 2 sel tidak dapat diubah/);
  expect(await panel.syncs()).toBe(2);
  expect(JSON.stringify(await panel.state())).toBe(JSON.stringify(before));
  const skipped = await page.$$eval('#lk-bawaan-hasil li', (els) => els.map((e) => e.textContent ?? ''));
  expect(skipped).toHaveLength(2);
  expect(skipped[0].startsWith(`${name}!C2`)).toBe(true);
  expect(skipped[1]).toContain(`${name}!C3Sel B3 berisi angka sebagai teks ('88,5')`);
  expect(await page.$('#lk-bawaan-hasil b')).toBeNull();

  await page.focus('#lk-bawaan-terapkan');
  await panel.resetSyncs();
  await page.keyboard.press('Enter');
  await tungguTeks(page, '#lk-bawaan-hasil', /diubah menjadi rumus bawaan; rumus aslinya disimpan di lembar tersembunyi "Rumus Asli"/);
  expect(await panel.syncs()).toBe(3);
  const after = await panel.state();
  const cells = after.sheets[0].cells;
  expect(cells.C1.f).not.toContain('SAKIP');
  expect(cells.C1.f!.startsWith('=')).toBe(true);
  expect(cells.D1.f).not.toContain('SAKIP');
  for (const k of ['A1', 'B1', 'C2', 'A3', 'B3', 'C3', 'E1']) expect(cells[k]).toEqual(before.sheets[0].cells[k]);
  expect(after.sheets.find((s) => s.name === 'Rumus Asli')?.visibility).toBe('Hidden');
  expect(await page.isHidden('#lk-bawaan-terapkan')).toBe(true);
  fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'test-output', 'excel-rumus-bawaan.png'), fullPage: true });

  await page.click('#lk-bawaan-kembalikan');
  await tungguTeks(page, '#lk-bawaan-hasil', /Rumus asli 2 sel dikembalikan\./);
  const back = await panel.state();
  expect(back.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
  expect(back.sheets[0].cells.C1.f).toBe('=SAKIP.CAPAIAN(B1,A1)');
  expect(back.sheets[0].cells.D1.f).toBe('=SAKIP.PREDIKAT(C1)');
  expect(await panel.log()).toEqual([]);
  await panel.close();
}, 120_000);

test('an Excel without notes (ExcelApi 1.18: Excel 2021 and 2024 volume-licensed) gets fills only, and the pane says where the explanations are', async () => {
  const state = bukuUji();
  state.notesApi = false;
  const panel = await bukaPanel(browser(), out, state);
  const summary = await periksa(panel, 'lembar');
  expect(summary).toMatch(/sel ditandai/);
  expect(await panel.page.textContent('#lk-status')).toBe(
    'Sel bermasalah diwarnai. Versi Excel ini belum mengizinkan add-in menulis catatan sel, jadi penjelasannya hanya ada di daftar temuan di bawah. Klik temuan untuk menuju selnya.',
  );
  const s = await panel.state();
  expect(s.sheets[0].cells.G16.fill).toBe('#FFC7CE');
  expect(s.sheets[0].notes).toEqual(state.sheets[0].notes);
  await panel.page.click('#lk-hapus');
  await tungguTeks(panel.page, '#lk-status', /dikembalikan/);
  expect(JSON.stringify((await panel.state()).sheets)).toBe(JSON.stringify(state.sheets));
  expect(await panel.log()).toEqual([]);
  await panel.close();
}, 120_000);

describe('Batalkan stops a long Periksa Tabel and leaves the workbook exactly as it was', () => {
  it('during the check: the worker is stopped, nothing is marked and no backup is written; the next Periksa works', async () => {
    const state = bukuUji();
    // The first check's worker never finishes (a check far longer than any planner waits for);
    // it reads no messages, so only terminate() ends it. Later checks get the real worker.
    const panel = await bukaPanel(browser(), out, state, {
      ganti: (p, n) => (p === '/pekerja.js' && n === 1 ? 'for (;;) {}' : undefined),
    });
    const { page } = panel;
    const before = JSON.stringify(await panel.state());
    expect(await page.isHidden('#lk-batal')).toBe(true);

    await page.check('#lk-cakupan-lembar');
    await page.click('#lk-periksa');
    await tungguTeks(page, '#lk-status', /^Memeriksa/);
    expect(await page.isVisible('#lk-batal')).toBe(true);
    await page.click('#lk-batal');
    await tungguTeks(page, '#lk-status', /dibatalkan/);
    expect(await page.textContent('#lk-status')).toBe(
      'Pemeriksaan dibatalkan. Buku kerja tidak diubah: tidak ada sel yang ditandai dan tidak ada cadangan yang ditulis.',
    );
    expect(JSON.stringify(await panel.state())).toBe(before);
    expect(await page.isHidden('#lk-batal')).toBe(true);
    expect(await page.isEnabled('#lk-periksa')).toBe(true);

    const summary = await periksa(panel, 'lembar');
    expect(summary).toMatch(/sel ditandai/);
    expect((await panel.state()).sheets[0].cells.G16.fill).toBe('#FFC7CE');
    expect(await panel.log()).toEqual([]);
    await panel.close();
  }, 120_000);

  it('while the sheet is read block by block: the read stops, nothing is marked and no backup is written', async () => {
    // About 2,000 rows × 20 columns: two read blocks, each sync taking 300 ms as a slow link would.
    const state: FakeState = {
      sheets: [lembarRenja(1500, 20)],
      active: 0,
      selection: 'A1',
      settings: {},
      names: {},
      lambda: true,
      notesApi: true,
      jedaSync: 300,
    };
    const panel = await bukaPanel(browser(), out, state);
    const { page } = panel;
    const before = JSON.stringify(await panel.state());
    // Every status line the pane shows, to see where the check stopped.
    await page.evaluate(() => {
      type Observer = new (f: () => void) => { observe(n: unknown, o: object): void };
      const w = globalThis as unknown as {
        __status: string[];
        document: { querySelector(s: string): { textContent: string | null } };
        MutationObserver: Observer;
      };
      w.__status = [];
      const el = w.document.querySelector('#lk-status');
      new w.MutationObserver(() => w.__status.push(el.textContent ?? '')).observe(el, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.check('#lk-cakupan-lembar');
    await page.click('#lk-periksa');
    // Progress "(n dari m)" appears after the first block: the read is under way.
    await tungguTeks(page, '#lk-status', /^Membaca lembar kerja \(/);
    await page.click('#lk-batal');
    await tungguTeks(page, '#lk-status', /dibatalkan/);
    expect(JSON.stringify(await panel.state())).toBe(before);
    // Stopped in the read: the check itself never began.
    const seen = (await page.evaluate('window.__status')) as string[];
    expect(seen.some((t) => t.startsWith('Membaca lembar kerja ('))).toBe(true);
    expect(seen.some((t) => t.startsWith('Memeriksa'))).toBe(false);
    expect(await panel.log()).toEqual([]);
    await panel.close();
  }, 120_000);
});
