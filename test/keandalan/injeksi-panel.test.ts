import * as fs from 'fs';
import * as path from 'path';
import { Page } from 'playwright-core';
import { short } from '../../core/pohon/dari-tabel';
import { TEMPLAT_HEADERS } from '../../core/pohon/templat';
import { bangun } from '../appsscript/bundel';
import { LEFT, lembarAnggaran, TOP } from '../appsscript/lembar-anggaran';
import { AppsScriptPalsu, isi } from '../appsscript/palsu';
import { bangunAddin, bukaPanel, bukuUji, FakeSheet, FakeState, ROOT } from '../browser/excel-panel';
import { bukaSidebar, sampai } from '../browser/sheets-panel';
import { chromiumUntukBerkas } from '../helpers/untuk-berkas';

/**
 * Cross-site scripting: every text of the workbook the pane shows (sheet names, cells quoted in
 * findings, the table headings of the rule groups, pohon messages, rumus-bawaan reasons and cell
 * lists, error messages, stored settings) carries a payload, in the built Excel task pane and
 * the built Sheets sidebar in Chromium. Nothing may run (no flag, no dialog, no page error), no
 * element may appear, and the text must read exactly as written.
 */

const XSS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload="window.__xss=3">',
  'javascript:window.__xss=4',
  '{{constructor.constructor("__xss=5")()}}',
  '<img src=x onerror=alert(1)>',
  '<iframe src="javascript:parent.__xss=7">',
  '<a href="javascript:__xss=8">klik</a>',
  "'><b onmouseover=alert(9)>x</b>",
];

/** The elements the pane itself never makes: one of them in its root is an injection. */
const ASING = 'img, script, svg, iframe, a, object, embed, style, link, meta, form, b, base, template, math';

/** The pohon messages quote at most 40 characters of a cell. */
test('every payload fits the pohon messages whole, so the page must show each as written', () => {
  for (const p of XSS) expect(short(p)).toBe(p);
});

/** A cascading sheet whose first indicator has no statement above it and one row no level: two messages quoting cells. */
function kaskade(p: string): (string | number | null)[][] {
  return [
    TEMPLAT_HEADERS,
    [null, null, null, p, 1, 'orang', null, null],
    ['Sasaran', 'S1', 'Meningkatnya kesejahteraan sosial', 'Persentase PMKS tertangani', 75, '%', null, 'Kepala Dinas'],
    [null, '1.06.04', p, 'Persentase PMKS direhabilitasi', 80, '%', 300_000_000, 'Kepala Bidang'],
  ];
}

/** A formula of ours whose direction argument is the payload (a reason quoting it), as text inside a formula string. */
const rumusDengan = (fn: string, p: string) => `=${fn}(B1,A1,"${p.replace(/"/g, '""')}")`;

interface Terlihat {
  xss: unknown;
  injected: string[];
  text: string;
}

/** What the page shows and whether anything ran: the flag, the foreign elements in the pane's root, its text. */
async function terlihat(page: Page, root: string): Promise<Terlihat> {
  return page.evaluate(
    ([sel, asing]) => {
      const w = globalThis as unknown as {
        __xss?: unknown;
        document: {
          querySelector(s: string): { textContent: string | null; querySelectorAll(s: string): ArrayLike<{ tagName: string }> };
        };
      };
      const r = w.document.querySelector(sel)!;
      return { xss: w.__xss ?? null, injected: Array.from(r.querySelectorAll(asing), (e) => e.tagName), text: r.textContent ?? '' };
    },
    [root, ASING] as const,
  );
}

const texts = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));

async function klikDanTunggu(page: Page, selector: string): Promise<void> {
  await page.click(selector);
  await page.waitForSelector('#lk-periksa:not([disabled])');
}

/**
 * The flows every host shares, with what each must show literally: Periksa on the payload sheet,
 * Pohon on the cascading sheet, Pratinjau rumus bawaan over the workbook. `aktif` makes a sheet
 * the active one in the host.
 */
async function alurBersama(page: Page, p: string, aktif: (sheet: 'tabel' | 'kaskade') => Promise<void>): Promise<void> {
  await aktif('tabel');
  await page.check('#lk-cakupan-lembar');
  await klikDanTunggu(page, '#lk-periksa');
  // The rule group's table heading names the sheet; the finding quoting the cell shows it whole.
  expect((await texts(page, '.lk-tabel'))[0].startsWith(`${p}!`)).toBe(true);
  const items = await page.$$eval('.lk-temuan', (els) =>
    els.map((e) => ({ sheet: e.getAttribute('data-sheet'), text: e.textContent ?? '' })),
  );
  expect(items.every((i) => i.sheet === p)).toBe(true);
  expect(items.some((i) => i.text.includes(`"${p}"`))).toBe(true);

  await aktif('kaskade');
  await klikDanTunggu(page, '#lk-pohon');
  const pohon = await texts(page, '#lk-pohon-pesan p');
  expect(pohon.filter((t) => t.includes(`"${p}"`))).toHaveLength(2);

  await page.check('#lk-cakupan-buku');
  await klikDanTunggu(page, '#lk-bawaan-pratinjau');
  const skipped = await page.$$eval('#lk-bawaan-hasil li', (els) =>
    els.map((e) => ({ cell: e.querySelector('.lk-sel')?.textContent ?? '', text: e.textContent ?? '' })),
  );
  expect(skipped.some((s) => s.cell === `${p}!A2` && s.text.includes(`'${p}'`))).toBe(true);
}

const { out, browser: chromium } = chromiumUntukBerkas('lk-injeksi-', async (dir) => {
  await bangunAddin(path.join(dir, 'addin'));
  await bangun(path.join(dir, 'sheets'));
});
const addin = path.join(out, 'addin');
const sheets = path.join(out, 'sheets');

/** Dialogs the page opened (alert payloads), dismissed as they come. */
function catatDialog(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

describe('Excel task pane', () => {
  function buku(p: string): FakeState {
    const state = bukuUji();
    const tabel = state.sheets[0];
    tabel.name = p;
    // Two sub kegiatan pagu typed as the payload: number-format findings quote them.
    tabel.cells.G20 = { v: p };
    tabel.cells.G21 = { v: p };
    tabel.cells.A2 = { v: '#VALUE!', f: rumusDengan('SAKIP.CAPAIAN', p) };
    const cells: FakeSheet['cells'] = {};
    kaskade(p).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) cells[`${String.fromCharCode(65 + c)}${r + 1}`] = { v };
      }),
    );
    state.sheets.push({ name: 'Kaskade', cells, notes: {}, merges: [] });
    // A stored setting that is the payload: read back, validated, and not shown.
    state.settings['LembarKinerja.pengaturan'] = JSON.stringify({ skala: p });
    return state;
  }

  test.each(XSS)(
    '%s stays text everywhere the pane shows it',
    async (p) => {
      const state = buku(p);
      const panel = await bukaPanel(chromium(), addin, state);
      const { page } = panel;
      const dialogs = catatDialog(page);
      const aktif = (sheet: 'tabel' | 'kaskade') =>
        page.evaluate(
          (i) => void ((globalThis as unknown as { __excel: { state: FakeState } }).__excel.state.active = i),
          sheet === 'tabel' ? 0 : 2,
        );
      await alurBersama(page, p, aktif);
      expect(await page.inputValue('#lk-skala')).toBe('');

      // An error whose message is the payload (Office.js passes a plain Error's message through).
      await page.evaluate((m) => {
        (globalThis as unknown as { Excel: { run: () => Promise<never> } }).Excel.run = () => Promise.reject(new Error(m));
      }, p);
      await klikDanTunggu(page, '#lk-periksa');
      expect(await page.textContent('#lk-status')).toBe(p);

      const seen = await terlihat(page, '#app');
      expect(seen).toMatchObject({ xss: null, injected: [] });
      expect(seen.text).toContain(p);
      expect(dialogs).toEqual([]);
      expect(await panel.log()).toEqual([]);
      await panel.close();
    },
    60_000,
  );
});

describe('Sheets sidebar', () => {
  test.each(XSS)(
    '%s stays text everywhere the sidebar shows it',
    async (p) => {
      const gas = new AppsScriptPalsu(sheets);
      const tabel = lembarAnggaran(gas);
      tabel.name = p;
      // A kegiatan's anggaran typed as the payload: a number-format finding quotes it.
      tabel.sel(TOP + 2, LEFT + 3).value = p;
      isi(tabel, 2, 1, [[{ formula: rumusDengan('CAPAIAN', p) }]]);
      const kas = gas.ss.addSheet('Kaskade');
      isi(
        kas,
        1,
        1,
        kaskade(p).map((row) => row.map((v) => ({ value: v ?? '' }))),
      );
      gas.props.store.set('lembarKinerja.pengaturan', JSON.stringify({ skala: p }));
      const { page, pageErrors } = await bukaSidebar(chromium(), sheets, gas);
      const dialogs = catatDialog(page);
      const aktif = async (sheet: 'tabel' | 'kaskade') => {
        gas.ss.active = sheet === 'tabel' ? { sheet: tabel, range: tabel.getRange(TOP, LEFT, 20, 6) } : { sheet: kas, range: null };
      };
      await alurBersama(page, p, aktif);
      expect(await page.inputValue('#lk-skala')).toBe('');

      // The server's error names the sheet: the finding's sheet was renamed since Periksa.
      await page.check('#lk-cakupan-lembar');
      await aktif('tabel');
      await klikDanTunggu(page, '#lk-periksa');
      tabel.name = 'Diganti';
      await page.click('.lk-temuan');
      expect(
        await sampai(
          () => page.textContent('#lk-status'),
          (t) => /tidak ditemukan/.test(t ?? ''),
        ),
      ).toBe(`Lembar "${p}" tidak ditemukan.`);

      const seen = await terlihat(page, '#lembar-kinerja');
      expect(seen).toMatchObject({ xss: null, injected: [] });
      expect(seen.text).toContain(p);
      expect(dialogs).toEqual([]);
      expect(pageErrors).toEqual([]);
      await page.close();
    },
    60_000,
  );
});

test('no HTML sink in the pane, the Excel add-in or the sidebar: the source and the built bundles', () => {
  const SINKS =
    /\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|document\.write|\bDOMParser\b|createContextualFragment|\bsrcdoc\b|\beval\s*\(|new Function\s*\(|setAttribute\(\s*['"]on/;
  const sources = ['ui', 'appsscript/klien', 'addin'].flatMap((dir) =>
    (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
      .filter((f) => /\.(ts|js|html)$/.test(f) && !/\.test\.ts$/.test(f))
      .map((f) => path.join(ROOT, dir, f)),
  );
  const built = [path.join(addin, 'taskpane.js'), path.join(addin, 'taskpane.html'), path.join(sheets, 'sidebar.html')];
  expect(sources.length).toBeGreaterThan(10);
  const found = [...sources, ...built].filter((f) => SINKS.test(fs.readFileSync(f, 'utf8')));
  expect(found).toEqual([]);
});
