import { spawnSync } from 'child_process';
import * as path from 'path';
import type { Panel } from '../browser/excel-panel';
import { Metric } from './ukur';

/**
 * The Excel add-in: round trips of one Periksa Tabel (counted by the fake Excel host in
 * headless Chromium, on the built task pane; the worst of "lembar aktif" and "seluruh buku
 * kerja") and the size of the add-in's JavaScript. Goals (issue 4): excel-syncs-periksa ≤ 4,
 * addin-js-kb ≤ 350 (minified).
 */

// The driver is compiled next to this file (dist/node/test/browser/); the type import keeps it in the build.
export type { Panel };

interface Run {
  lembar: number;
  buku: number;
  jsBytes: number;
  gzipBytes: number;
}

let run: Run | undefined;
function measure(): Run {
  if (run) return run;
  const script = path.join(__dirname, '..', 'browser', 'excel-panel.js');
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`excel-panel gagal (${r.status}): ${r.stderr}`);
  run = JSON.parse(r.stdout.trim().split('\n').pop() as string) as Run;
  return run;
}

export const metrics: Metric[] = [
  { name: 'excel-syncs-periksa', unit: 'count', measure: () => Math.max(measure().lembar, measure().buku) },
  { name: 'addin-js-kb', unit: 'kB', measure: () => measure().jsBytes / 1000 },
  { name: 'addin-js-gzip-kb', unit: 'kB', measure: () => measure().gzipBytes / 1000 },
];
