import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';
import { Browser, chromium, Page } from 'playwright-core';
import { fixturePath } from '../fixtures/muat';

/**
 * The built Excel task pane in headless Chromium over the fake Excel host
 * (excel-fake-office.js, served in place of office.js): shared by the browser test and by the
 * `excel-syncs-periksa` bench metric.
 */

export const ROOT = path.resolve(__dirname, '..', '..').replace(/[\\/]dist[\\/]node$/, '');
const ORIGIN = 'https://lembar-kinerja.test';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Builds the add-in (production) into `out`, as `npx webpack --env only=addin` does into dist/addin. */
export async function bangunAddin(out: string, env: Record<string, string> = {}): Promise<webpack.Stats> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, 'addin', 'webpack.part.js'))(env, { mode: 'production' });
  config.output = { ...config.output, path: out };
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err ?? new Error('webpack: no stats')) : resolve(s))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  return stats;
}

export function folderSementara(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface FakeCell {
  v: string | number | boolean | null;
  f?: string;
  nf?: string;
  bold?: boolean;
  fill?: string;
  /** What the fake keeps of format.font and format.borders writes (italic, colour, edges). */
  font?: Record<string, unknown>;
  borders?: Record<string, Record<string, unknown>>;
}

export interface FakeSheet {
  name: string;
  visibility?: string;
  cells: Record<string, FakeCell>;
  notes: Record<string, string>;
  merges: string[];
  layout?: Record<string, unknown>;
  /** Cells whose fill the fake refuses (AccessDenied), as on a protected sheet. */
  locked?: string[];
}

export interface FakeState {
  sheets: FakeSheet[];
  active: number;
  selection: string;
  settings: Record<string, unknown>;
  names: Record<string, { formula: string; value: unknown }>;
  lambda: boolean;
  notesApi: boolean;
  /** Names holding LAMBDA refused outright (InvalidArgument), as some Excel versions do. */
  lambdaDitolak?: boolean;
  /** Longest name definition this Excel takes; longer ones are refused (InvalidArgument). */
  panjangNamaMaks?: number;
  /** Milliseconds each sync takes (a slow connection to Excel on the web), so a test can act between syncs. */
  jedaSync?: number;
}

function colLetters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A fixture table as Excel holds it once typed: plain and grouped numbers are numbers (as the
 * author's Excel parsed them), anything odd (`53.600.0000`, `29,822,934.850`, `100 (%)`) stays text.
 */
export function selExcel(text: string): string | number | null {
  const t = text.trim();
  if (t === '') return null;
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) return Number(t.replace(/\./g, ''));
  if (/^\d{1,3}(,\d{3}){2,}$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^\d+,\d+$/.test(t)) return Number(t.replace(',', '.'));
  return text;
}

/** A fixture placed on a sheet with its top-left cell at (top, left), 0-based. */
export function lembarDariFixture(fixture: string, name: string, top: number, left: number): FakeSheet {
  const rows = fs
    .readFileSync(fixturePath(fixture), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const cells: Record<string, FakeCell> = {};
  rows.forEach((line, r) =>
    line.split('\t').forEach((text, c) => {
      const v = selExcel(text);
      if (v !== null) cells[`${colLetters(left + c)}${top + r + 1}`] = { v, ...(r === 0 ? { bold: true } : {}) };
    }),
  );
  return { name, cells, notes: {}, merges: [] };
}

export interface Panel {
  page: Page;
  state(): Promise<FakeState>;
  syncs(): Promise<number>;
  resetSyncs(): Promise<void>;
  log(): Promise<string[]>;
  close(): Promise<void>;
}

export interface BukaOpsi {
  /** Record Chromium's long tasks (window.__longtasks) and the status line's changes. */
  longtasks?: boolean;
  /** A served file's body replaced (by its path, e.g. `/pekerja.js`) for the n-th request of it (1-based). */
  ganti?: (path: string, n: number) => string | undefined;
}

/** Opens the built taskpane.html from `dir` with the fake host holding `state`. */
export async function bukaPanel(browser: Browser, dir: string, state: FakeState, opsi: BukaOpsi = {}): Promise<Panel> {
  const longtasks = opsi.longtasks === true;
  const served = new Map<string, number>();
  const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
  if (longtasks) {
    await page.addInitScript(() => {
      const w = globalThis as unknown as {
        __longtasks: { start: number; duration: number }[];
        PerformanceObserver: new (cb: (l: { getEntries(): { duration: number }[] }) => void) => { observe(o: object): void };
      };
      w.__longtasks = [];
      new w.PerformanceObserver((l) =>
        l
          .getEntries()
          .forEach((e) => w.__longtasks.push({ start: (e as unknown as { startTime: number }).startTime, duration: e.duration })),
      ).observe({ type: 'longtask', buffered: true });
      // Where each long task fell: the pane's status line just before it (read by a test that wants to know).
      const g = globalThis as unknown as {
        __tahap: string[];
        document: { querySelector(s: string): { textContent: string | null } | null };
        setInterval(f: () => void, ms: number): void;
        performance: { now(): number };
      };
      g.__tahap = [];
      let last = '';
      g.setInterval(() => {
        const t = g.document.querySelector('#lk-status')?.textContent ?? '';
        if (t !== last) g.__tahap.push(`${Math.round(g.performance.now())} ${(last = t)}`);
      }, 20);
      new w.PerformanceObserver((l) =>
        l
          .getEntries()
          .forEach((e) =>
            g.__tahap.push(`${Math.round((e as unknown as { startTime: number }).startTime)} longtask ${Math.round(e.duration)}`),
          ),
      ).observe({ type: 'longtask', buffered: true });
    });
  }
  const fake = fs.readFileSync(path.join(ROOT, 'test', 'browser', 'excel-fake-office.js'), 'utf8');
  await page.addInitScript(`window.__excel = { state: ${JSON.stringify(state)} };`);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ contentType: 'application/javascript', body: fake });
    if (url.startsWith(ORIGIN + '/')) {
      const pathname = decodeURIComponent(new URL(url).pathname);
      const n = (served.get(pathname) ?? 0) + 1;
      served.set(pathname, n);
      const body = opsi.ganti?.(pathname, n);
      if (body !== undefined) return route.fulfill({ contentType: 'application/javascript', body });
      const file = path.join(dir, pathname);
      if (file.startsWith(dir) && fs.existsSync(file)) {
        const type = file.endsWith('.html')
          ? 'text/html'
          : file.endsWith('.js')
            ? 'application/javascript'
            : 'application/octet-stream';
        return route.fulfill({ contentType: type, body: fs.readFileSync(file) });
      }
      return route.fulfill({ status: 404, body: '' });
    }
    // Nothing else may be asked for: the pane sends nothing anywhere.
    errors.push(`request outside the add-in: ${url}`);
    return route.abort();
  });
  await page.goto(`${ORIGIN}/taskpane.html`);
  await page.waitForSelector('#lk-periksa');
  return {
    page,
    state: () => page.evaluate('window.__excel.state') as Promise<FakeState>,
    syncs: () => page.evaluate('window.__excel.syncs') as Promise<number>,
    resetSyncs: () => page.evaluate('void (window.__excel.syncs = 0)') as Promise<void>,
    log: async () => [...errors, ...((await page.evaluate('window.__excel.log')) as string[])],
    close: () => page.close(),
  };
}

export function bukaChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Waits until the text of `selector` matches `pattern` (a function predicate: the page's CSP forbids eval). */
export async function tungguTeks(page: Page, selector: string, pattern: RegExp): Promise<void> {
  await page.waitForFunction(
    ([sel, src, flags]) => {
      const d = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document;
      return new RegExp(src, flags).test(d.querySelector(sel)?.textContent ?? '');
    },
    [selector, pattern.source, pattern.flags] as const,
  );
}

/** Waits until the fake host's selection is `address`. */
export async function tungguPilihan(page: Page, address: string): Promise<void> {
  await page.waitForFunction(
    (a) => (globalThis as unknown as { __excel: { state: { selection: string } } }).__excel.state.selection === a,
    address,
  );
}

/** Clicks Periksa Tabel with the given scope and waits for the summary line. */
export async function periksa(panel: Panel, cakupan: 'pilihan' | 'lembar' | 'buku'): Promise<string> {
  await panel.page.check(`#lk-cakupan-${cakupan}`);
  await panel.page.click('#lk-periksa');
  await panel.page.waitForFunction(() => {
    const d = (globalThis as unknown as { document: { querySelector(s: string): { disabled?: boolean; hidden?: boolean } } }).document;
    return !d.querySelector('#lk-periksa').disabled && !d.querySelector('#lk-ringkasan').hidden;
  });
  return (await panel.page.textContent('#lk-ringkasan')) ?? '';
}

/** The workbook the browser test and the bench use: the Malang review table at B3 of "Tabel 2.3". */
export function bukuUji(): FakeState {
  const sheet = lembarDariFixture('renja_malang_2024_tabel23_review_rkpd', 'Tabel 2.3', 2, 1);
  sheet.cells.A1 = { v: 'Tabel 2.3 Review terhadap Rancangan Awal RKPD', bold: true };
  // What a planner had there before checking: a yellow cell with a note of their own, a blue
  // header cell, and a note elsewhere.
  sheet.cells.G16 = { ...sheet.cells.G16, fill: '#FFFF00' };
  sheet.notes.G16 = 'Cek ulang dengan Bappeda.';
  sheet.cells.G3 = { ...sheet.cells.G3, fill: '#D9E1F2' };
  sheet.notes.C5 = 'Catatan pengguna yang tidak boleh hilang.';
  const other: FakeSheet = { name: 'Catatan', cells: { A1: { v: 'Lembar lain, bukan tabel.' } }, notes: {}, merges: [] };
  return { sheets: [sheet, other], active: 0, selection: 'A1', settings: {}, names: {}, lambda: true, notesApi: true };
}

/**
 * The longest task on the pane's thread during Periksa Tabel ("lembar aktif") of `state`, in ms,
 * from Chromium's Long Tasks API (tasks over 50 ms, begun after the click); the fake host's
 * own work runs on that thread too: `maxMs` is the longest task less the host's syncs inside it,
 * `rawMaxMs` the longest task as Chromium saw it, `hostMaxMs` the host's longest sync.
 * Subtracted: only the fake's model work inside `sync()` (reading and writing its cells), which
 * Excel does in its own process. Counted: everything of the pane's (queuing proxies, turning
 * reads into sheets, sending the workbook to the worker and taking its result, planning marks,
 * drawing the list) and the parse of each response's JSON, which Office.js does on this thread.
 * Not modelled: Office.js's serialisation of each request (about 4 MB of JSON per marking batch).
 */
export async function tugasTerpanjang(
  browser: Browser,
  dir: string,
  state: FakeState,
): Promise<{ maxMs: number; rawMaxMs: number; count: number; hostMaxMs: number; summary: string }> {
  const panel = await bukaPanel(browser, dir, state, { longtasks: true });
  await panel.page.check('#lk-cakupan-lembar');
  await panel.page.evaluate('void (window.__excel.hostMs = [], window.__mulai = performance.now())');
  await panel.page.click('#lk-periksa');
  await panel.page.waitForFunction(
    () => {
      const d = (
        globalThis as unknown as {
          document: { querySelector(s: string): { disabled?: boolean; hidden?: boolean; textContent?: string } };
        }
      ).document;
      return (
        !d.querySelector('#lk-periksa').disabled &&
        (!d.querySelector('#lk-ringkasan').hidden || /gagal|Galat|tidak/i.test(d.querySelector('#lk-status').textContent ?? ''))
      );
    },
    undefined,
    { timeout: 900_000, polling: 500 },
  );
  // Only the tasks that began after the click: loading the page and the test's workbook is not Periksa.
  const all = (await panel.page.evaluate('window.__longtasks.filter((t) => t.start >= window.__mulai)')) as {
    start: number;
    duration: number;
  }[];
  // The fake host's syncs run on the pane's thread (in Excel they do not): each task less the
  // host's time inside it is the pane's own.
  const spans = (await panel.page.evaluate('window.__excel.hostMs')) as [number, number][];
  const own = all.map(
    (t) => t.duration - spans.reduce((n, [a, b]) => n + Math.max(0, Math.min(b, t.start + t.duration) - Math.max(a, t.start)), 0),
  );
  const tasks = own;
  const hostMs = spans.map(([a, b]) => b - a);
  const rawMaxMs = Math.max(0, ...all.map((t) => t.duration));
  if (process.env.LK_TAHAP) process.stderr.write(((await panel.page.evaluate('window.__tahap')) as string[]).join('\n') + '\n');
  const summary = (await panel.page.textContent('#lk-ringkasan')) ?? (await panel.page.textContent('#lk-status')) ?? '';
  await panel.close();
  return { maxMs: Math.max(0, ...tasks), rawMaxMs, count: tasks.length, hostMaxMs: Math.max(0, ...hostMs), summary };
}

/** Run as a script (from the bench): builds, runs one Periksa per scope, prints the syncs as JSON. */
async function main(): Promise<void> {
  if (process.argv[2] === 'longtask') return mainLongtask();
  const out = folderSementara('lk-addin-bench-');
  const browser = await bukaChromium();
  try {
    await bangunAddin(out);
    const result: Record<string, number> = {};
    for (const cakupan of ['lembar', 'buku'] as const) {
      const panel = await bukaPanel(browser, out, bukuUji());
      await panel.resetSyncs();
      await periksa(panel, cakupan);
      result[cakupan] = await panel.syncs();
      await panel.close();
    }
    const js = fs.readFileSync(path.join(out, 'taskpane.js'));
    result.jsBytes = js.length;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    result.gzipBytes = require('zlib').gzipSync(js, { level: 9 }).length;
    process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    await browser.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** `excel-panel.js longtask`: the built pane over a ~20,000-row × 20-column table with ~5,000 wrong cells. */
async function mainLongtask(): Promise<void> {
  const out = folderSementara('lk-addin-longtask-');
  const browser = await bukaChromium();
  try {
    await bangunAddin(out);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { lembarRenja } = require('./excel-besar') as typeof import('./excel-besar');
    const state: FakeState = {
      sheets: [lembarRenja(15200, 5000)],
      active: 0,
      selection: 'A1',
      settings: {},
      names: {},
      lambda: true,
      notesApi: true,
    };
    process.stdout.write(JSON.stringify(await tugasTerpanjang(browser, out, state)) + '\n');
  } finally {
    await browser.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
