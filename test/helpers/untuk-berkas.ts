import * as fs from 'fs';
import * as path from 'path';
import { Browser } from 'playwright-core';
import { bangun } from '../appsscript/bundel';
import { bangunAddin, bukaChromium, folderSementara } from '../browser/excel-panel';

/**
 * Per-jest-file setup of the built hosts (beforeAll/afterAll), kept apart from the builders in
 * excel-panel.ts and bundel.ts because `npm run bench` compiles and runs those outside jest.
 */

/**
 * For a jest file: `build` run once into a temp folder and Chromium opened before its tests,
 * both gone after them. `browser()` is the open browser.
 */
export function chromiumUntukBerkas(prefix: string, build: (out: string) => Promise<unknown>): { out: string; browser: () => Browser } {
  const out = folderSementara(prefix);
  let browser: Browser | undefined;
  beforeAll(async () => {
    await build(out);
    browser = await bukaChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(out, { recursive: true, force: true });
  });
  return { out, browser: () => browser! };
}

/** The built task pane for a jest file (chromiumUntukBerkas with the add-in build). */
export function panelUntukBerkas(prefix: string): { out: string; browser: () => Browser } {
  return chromiumUntukBerkas(prefix, (out) => bangunAddin(out));
}

/** The built sidebar for a jest file (chromiumUntukBerkas with the Sheets build). */
export function sidebarUntukBerkas(prefix: string): { out: string; browser: () => Browser } {
  return chromiumUntukBerkas(prefix, (out) => bangun(out));
}

/**
 * For a jest file: the bundle built once into a temp folder before its tests (`siap` gets the
 * text of Code.js), the folder gone after them. Returns the folder.
 */
export function bundelUntukBerkas(prefix: string, siap: (code: string) => void): string {
  const out = folderSementara(prefix);
  beforeAll(async () => {
    await bangun(out);
    siap(fs.readFileSync(path.join(out, 'Code.js'), 'utf8'));
  }, 180_000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));
  return out;
}
