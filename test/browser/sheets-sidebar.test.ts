import * as fs from 'fs';
import * as path from 'path';
import { chromium, Browser } from 'playwright-core';
import { bangun, folderSementara, repoRoot } from '../appsscript/bundel';
import { LEFT, lembarAnggaran, TOP } from '../appsscript/lembar-anggaran';
import { AppsScriptPalsu, potret } from '../appsscript/palsu';

/**
 * The built sidebar.html in headless Chromium, its google.script.run bridged to the built
 * server script running in node:vm over a fake spreadsheet: what a planner sees after
 * clicking Periksa Tabel in Google Sheets.
 */

const out = folderSementara('lk-sheets-sidebar-');
let browser: Browser;

beforeAll(async () => {
  await bangun(out);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  fs.rmSync(out, { recursive: true, force: true });
});

/**
 * google.script.run as the page sees it: a fresh runner per use, handlers set by chaining,
 * one property per public server function, the call answered asynchronously with a
 * JSON-serialised value or an Error carrying the server's message.
 */
const FAKE_RUN = (names: string[]) => {
  const w = globalThis as unknown as { __gas(name: string, args: string): Promise<{ ok: boolean; value?: string; message?: string }>; google: unknown };
  const runner = (ok: (v: unknown) => void = () => undefined, fail: (e: unknown) => void = () => undefined): Record<string, unknown> => {
    const r: Record<string, unknown> = {
      withSuccessHandler: (f: (v: unknown) => void) => runner(f, fail),
      withFailureHandler: (f: (e: unknown) => void) => runner(ok, f),
    };
    for (const n of names) {
      r[n] = (...args: unknown[]) => {
        void w.__gas(n, JSON.stringify(args)).then((res) =>
          res.ok ? ok(res.value === undefined ? undefined : JSON.parse(res.value)) : fail(new Error(res.message)),
        );
      };
    }
    return r;
  };
  Object.defineProperty(w, 'google', { value: { script: { get run() { return runner(); } } } });
};

/** The value of `f` once `ok` holds for it (the page answers asynchronously), or the last one after 5 s. */
async function sampai<T>(f: () => T | Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let v = await f();
  for (let i = 0; i < 100 && !ok(v); i++) {
    await new Promise((r) => setTimeout(r, 50));
    v = await f();
  }
  return v;
}

test('Periksa Tabel in the sidebar shows the findings, marks the cells, and Hapus Tanda clears them', async () => {
  const gas = new AppsScriptPalsu(out);
  const sheet = lembarAnggaran(gas);
  gas.ss.active = { sheet, range: sheet.getRange(TOP, LEFT, 20, 6) };
  const before = potret(sheet);
  const ctx = gas.muat(fs.readFileSync(path.join(out, 'Code.js'), 'utf8'));
  const publicNames = Object.keys(ctx).filter((k) => typeof ctx[k] === 'function' && /^lk[A-Z]/.test(k) && !k.startsWith('lkMenu'));
  const served: string[] = [];

  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.exposeFunction('__gas', (name: string, args: string) => {
    served.push(name);
    try {
      const value = (ctx[name] as (...a: unknown[]) => unknown)(...JSON.parse(args));
      return { ok: true, value: value === undefined ? undefined : JSON.stringify(value) };
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
  });
  await page.addInitScript(FAKE_RUN, publicNames);
  // The sidebar as the menu serves it: HtmlService's content of sidebar.html.
  (ctx.lkMenuPeriksa as () => void)();
  // Served from a made-up origin so the init script (the fake google.script.run) runs first;
  // nothing else may be requested.
  const PAGE = 'https://sidebar.lembar-kinerja.invalid/';
  await page.route('**/*', (route) =>
    route.request().url() === PAGE
      ? route.fulfill({ body: gas.sidebars[0].getContent(), contentType: 'text/html; charset=utf-8' })
      : route.abort(),
  );
  await page.goto(PAGE);

  await page.click('#lk-periksa');
  await page.waitForSelector('#lk-ringkasan:not([hidden])', { timeout: 5000 }).catch(async (e) => {
    throw new Error(`${e.message}\nstatus: ${await page.textContent('#lk-status')}\nerrors: ${pageErrors.join('; ')}\nserved: ${served.join(', ')}`);
  });
  const items = await page.$$eval('#lk-temuan button.lk-temuan', (bs) =>
    bs.map((b) => ({ cell: b.getAttribute('data-cell'), text: b.textContent ?? '' })),
  );
  expect(items.length).toBeGreaterThanOrEqual(2);
  const parent = items.find((i) => i.cell === 'E4');
  expect(parent?.text).toContain('Anggaran program 5.215.862.284 tidak sama dengan jumlah anggaran kegiatannya 5.215.000.000');
  expect(await page.textContent('#lk-status')).toContain('Sel bermasalah diwarnai');
  expect(served).toEqual(expect.arrayContaining(['lkBacaPengaturan', 'lkPeriksa']));
  expect(sheet.sel(4, 5).note).toMatch(/^Lembar Kinerja:/);

  fs.mkdirSync(path.join(repoRoot(), 'test-output'), { recursive: true });
  await page.screenshot({ path: path.join(repoRoot(), 'test-output', 'sheets-sidebar.png'), fullPage: true });

  // Clicking a finding selects its cell in the sheet.
  await page.click('#lk-temuan button[data-cell="E4"]');
  expect(await sampai(() => gas.ss.active?.range?.getA1Notation(), (v) => v === 'E4')).toBe('E4');

  await page.click('#lk-hapus');
  expect(await sampai(() => page.textContent('#lk-status'), (t) => /dikembalikan/.test(t ?? ''))).toContain('dikembalikan seperti semula');
  expect(potret(sheet)).toEqual(before);

  // Pohon Kinerja draws on a new sheet; a second time the sidebar asks before replacing it.
  await page.click('#lk-pohon');
  expect(await sampai(() => page.textContent('#lk-pohon-pesan'), (t) => /dibuat/.test(t ?? ''))).toMatch(/simpul dibuat di lembar "Pohon Kinerja"/);
  gas.ss.active = { sheet, range: null };
  await page.click('#lk-pohon');
  expect(await sampai(() => page.textContent('#lk-pohon-pesan'), (t) => /sudah ada/.test(t ?? ''))).toContain('sudah ada');

  // A server error reaches the planner as the server's Indonesian sentence.
  await page.click('#lk-pohon-pesan button:not(.lk-utama)');
  gas.ss.active = { sheet: gas.ss.sheets.find((s) => s.name === 'Pohon Kinerja')!, range: null };
  await page.click('#lk-pohon');
  expect(await sampai(() => page.textContent('#lk-status'), (t) => /Buka lembar/.test(t ?? ''))).toContain(
    'Buka lembar tabel atau lembar kaskade terlebih dahulu',
  );

  expect(pageErrors).toEqual([]);
  expect(requests.filter((u) => u !== PAGE)).toEqual([]);
  await page.close();
}, 120_000);
