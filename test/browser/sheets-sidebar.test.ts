import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../appsscript/bundel';
import { LEFT, lembarAnggaran, TOP } from '../appsscript/lembar-anggaran';
import { AppsScriptPalsu, isi, potret } from '../appsscript/palsu';
import { bukaSidebar as buka, PAGE, sampai } from './sheets-panel';
import { sidebarUntukBerkas } from '../helpers/untuk-berkas';

/**
 * The built sidebar.html in headless Chromium, its google.script.run bridged to the built
 * server script running in node:vm over a fake spreadsheet: what a planner sees after
 * clicking Periksa Tabel in Google Sheets.
 */

const { out, browser } = sidebarUntukBerkas('lk-sheets-sidebar-');
const bukaSidebar = (gas: AppsScriptPalsu) => buka(browser(), out, gas);

test('Periksa Tabel in the sidebar shows the findings, marks the cells, and Hapus Tanda clears them', async () => {
  const gas = new AppsScriptPalsu(out);
  const sheet = lembarAnggaran(gas);
  gas.ss.active = { sheet, range: sheet.getRange(TOP, LEFT, 20, 6) };
  const before = potret(sheet);
  const { page, served, requests, pageErrors } = await bukaSidebar(gas);

  await page.click('#lk-periksa');
  await page.waitForSelector('#lk-ringkasan:not([hidden])', { timeout: 5000 }).catch(async (e) => {
    throw new Error(
      `${e.message}\nstatus: ${await page.textContent('#lk-status')}\nerrors: ${pageErrors.join('; ')}\nserved: ${served.join(', ')}`,
    );
  });
  const items = await page.$$eval('#lk-temuan button.lk-temuan', (bs) =>
    bs.map((b) => ({ cell: b.getAttribute('data-cell'), text: b.textContent ?? '' })),
  );
  expect(items.length).toBeGreaterThanOrEqual(2);
  const parent = items.find((i) => i.cell === 'E4');
  expect(parent?.text).toContain('Anggaran program 5.215.862.284 tidak sama dengan jumlah anggaran kegiatannya 5.215.000.000');
  expect(await page.textContent('#lk-status')).toContain('Sel bermasalah diwarnai');
  expect(served).toEqual(expect.arrayContaining(['lkBacaPengaturan', 'lkPeriksa']));
  expect(sheet.sel(4, 5).note).toMatch(/^Sumber: DPA 2024\n\nLembar Kinerja:/);

  fs.mkdirSync(path.join(repoRoot(), 'test-output'), { recursive: true });
  await page.screenshot({ path: path.join(repoRoot(), 'test-output', 'sheets-sidebar.png'), fullPage: true });

  // Clicking a finding selects its cell in the sheet.
  await page.click('#lk-temuan button[data-cell="E4"]');
  expect(
    await sampai(
      () => gas.ss.active?.range?.getA1Notation(),
      (v) => v === 'E4',
    ),
  ).toBe('E4');

  await page.click('#lk-hapus');
  expect(
    await sampai(
      () => page.textContent('#lk-status'),
      (t) => /dikembalikan/.test(t ?? ''),
    ),
  ).toContain('dikembalikan seperti semula');
  expect(potret(sheet)).toEqual(before);

  // Pohon Kinerja draws on a new sheet; a second time the sidebar asks before replacing it.
  await page.click('#lk-pohon');
  expect(
    await sampai(
      () => page.textContent('#lk-pohon-pesan'),
      (t) => /dibuat/.test(t ?? ''),
    ),
  ).toMatch(/simpul dibuat di lembar "Pohon Kinerja"/);
  gas.ss.active = { sheet, range: null };
  await page.click('#lk-pohon');
  expect(
    await sampai(
      () => page.textContent('#lk-pohon-pesan'),
      (t) => /sudah ada/.test(t ?? ''),
    ),
  ).toContain('sudah ada');

  // A server error reaches the planner as the server's Indonesian sentence.
  await page.click('#lk-pohon-pesan button:not(.lk-utama)');
  gas.ss.active = { sheet: gas.ss.sheets.find((s) => s.name === 'Pohon Kinerja')!, range: null };
  await page.click('#lk-pohon');
  expect(
    await sampai(
      () => page.textContent('#lk-status'),
      (t) => /Buka lembar/.test(t ?? ''),
    ),
  ).toContain('Buka lembar tabel atau lembar kaskade terlebih dahulu');

  expect(pageErrors).toEqual([]);
  expect(requests.filter((u) => u !== PAGE)).toEqual([]);
  await page.close();
}, 120_000);

test('Rumus bawaan in the sidebar: the preview, then the native formulas written, then the originals back', async () => {
  const gas = new AppsScriptPalsu(out);
  const sheet = gas.ss.addSheet('Capaian');
  isi(sheet, 1, 1, [[{ value: 'Realisasi' }, { value: 'Target' }, { value: 'Capaian (%)' }, { value: 'Jumlah' }]]);
  for (let r = 2; r <= 4; r++)
    isi(sheet, r, 1, [[{ value: 70 + r }, { value: 80 }, { formula: `=CAPAIAN(A${r},B${r})` }, { formula: `=SUM(A${r}:B${r})` }]]);
  sheet.sel(4, 3).formula = '=CAPAIAN(A2:A4,B4)';
  const { page, served, requests, pageErrors } = await bukaSidebar(gas);

  await page.check('#lk-cakupan-lembar');
  await page.click('#lk-bawaan-pratinjau');
  const hasil = () => page.textContent('#lk-bawaan-hasil');
  expect(await sampai(hasil, (t) => /akan diubah/.test(t ?? ''))).toContain('2 sel di lembar aktif akan diubah menjadi rumus bawaan');
  expect(await hasil()).toContain('1 sel tidak dapat diubah');
  expect(sheet.sel(2, 3).formula).toBe('=CAPAIAN(A2,B2)');

  await page.click('#lk-bawaan-terapkan');
  expect(await sampai(hasil, (t) => /disimpan/.test(t ?? ''))).toContain('rumus aslinya disimpan di lembar tersembunyi "Rumus Asli"');
  expect(sheet.sel(2, 3).formula).not.toMatch(/CAPAIAN/);
  expect(sheet.sel(3, 3).formula).not.toMatch(/CAPAIAN/);
  expect(sheet.sel(4, 3).formula).toBe('=CAPAIAN(A2:A4,B4)');
  expect(sheet.sel(2, 4).formula).toBe('=SUM(A2:B2)');
  expect(gas.ss.getSheetByName('Rumus Asli')?.isSheetHidden()).toBe(true);

  await page.click('#lk-bawaan-kembalikan');
  expect(await sampai(hasil, (t) => /dikembalikan/.test(t ?? ''))).toContain('Rumus asli 2 sel dikembalikan.');
  expect([2, 3, 4].map((r) => sheet.sel(r, 3).formula)).toEqual(['=CAPAIAN(A2,B2)', '=CAPAIAN(A3,B3)', '=CAPAIAN(A2:A4,B4)']);
  expect(gas.ss.getSheetByName('Rumus Asli')).toBeNull();

  expect(served.filter((n) => /Rumus/.test(n))).toEqual(['lkJadikanRumusBawaan', 'lkJadikanRumusBawaan', 'lkKembalikanRumusAsli']);
  expect(pageErrors).toEqual([]);
  expect(requests.filter((u) => u !== PAGE)).toEqual([]);
  await page.close();
}, 120_000);
