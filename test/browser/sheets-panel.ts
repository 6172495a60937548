import * as fs from 'fs';
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import { AppsScriptPalsu } from '../appsscript/palsu';

/**
 * The built sidebar.html in headless Chromium, its google.script.run bridged to the built
 * server script running in node:vm over a fake spreadsheet: shared by the sidebar's browser
 * tests (flows, injection, egress).
 */

/** The made-up origin the sidebar is served from, so the init script (the fake google.script.run) runs first. */
export const PAGE = 'https://sidebar.lembar-kinerja.invalid/';

/**
 * google.script.run as the page sees it: a fresh runner per use, handlers set by chaining,
 * one property per public server function, the call answered asynchronously with a
 * JSON-serialised value or an Error carrying the server's message.
 */
const FAKE_RUN = (names: string[]) => {
  const w = globalThis as unknown as {
    __gas(name: string, args: string): Promise<{ ok: boolean; value?: string; message?: string }>;
    google: unknown;
  };
  const runner = (
    ok: (v: unknown) => void = () => undefined,
    fail: (e: unknown) => void = () => undefined,
  ): Record<string, unknown> => {
    const r: Record<string, unknown> = {
      withSuccessHandler: (f: (v: unknown) => void) => runner(f, fail),
      withFailureHandler: (f: (e: unknown) => void) => runner(ok, f),
    };
    for (const n of names) {
      r[n] = (...args: unknown[]) => {
        void w
          .__gas(n, JSON.stringify(args))
          .then((res) => (res.ok ? ok(res.value === undefined ? undefined : JSON.parse(res.value)) : fail(new Error(res.message))));
      };
    }
    return r;
  };
  Object.defineProperty(w, 'google', {
    value: {
      script: {
        get run() {
          return runner();
        },
      },
    },
  });
};

/** The value of `f` once `ok` holds for it (the page answers asynchronously), or the last one after 5 s. */
export async function sampai<T>(f: () => T | Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let v = await f();
  for (let i = 0; i < 100 && !ok(v); i++) {
    await new Promise((r) => setTimeout(r, 50));
    v = await f();
  }
  return v;
}

export interface Sidebar {
  page: Page;
  /** Server functions called, in order. */
  served: string[];
  /** Every URL the page requested, the page itself first. */
  requests: string[];
  pageErrors: string[];
}

/** The sidebar as the menu serves it (HtmlService's content of sidebar.html), answered by the script in `gas`. */
export async function bukaSidebar(browser: Browser, out: string, gas: AppsScriptPalsu): Promise<Sidebar> {
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
  (ctx.lkMenuPeriksa as () => void)();
  const html = gas.sidebars[gas.sidebars.length - 1].disajikan();
  // Nothing but the page itself may be requested.
  await page.route('**/*', (route) =>
    route.request().url() === PAGE ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }) : route.abort(),
  );
  await page.goto(PAGE);
  return { page, served, requests, pageErrors };
}
