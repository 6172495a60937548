import { spawnSync } from 'child_process';
import * as path from 'path';
import type { Panel } from '../browser/excel-panel';
import type { UkurBesar } from '../browser/excel-besar';
import { Metric } from './ukur';

/**
 * The Excel add-in: round trips of one Periksa Tabel (counted by the fake Excel host in
 * headless Chromium, on the built task pane; the worst of "lembar aktif" and "seluruh buku
 * kerja") and the size of the add-in's JavaScript. Goals (issue 4): excel-syncs-periksa ≤ 4,
 * addin-js-kb ≤ 350 (minified). Issue 12: the largest batch in MB and the merged areas per
 * call on large workbooks, with the syncs there, so that round trips read as a function of size.
 */

// The drivers are compiled next to this file (dist/node/test/browser/); the type imports keep them in the build.
export type { Panel, UkurBesar };

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

let besar: Promise<UkurBesar> | undefined;
/** The large-workbook run (excel-besar.ts: Periksa of ~20,000 rows × 20 columns with ~5,000 marks, Pohon of 500 nodes, then the whole workbook), once. */
function ukurBesar(): Promise<UkurBesar> {
  besar ??= new Promise((resolve, reject) => {
    const script = path.join(__dirname, '..', 'browser', 'excel-besar.js');
    const r = spawnSync(process.execPath, ['--max-old-space-size=3072', script], { encoding: 'utf8', timeout: 1_200_000 });
    if (r.status !== 0) reject(new Error(`excel-besar gagal (${r.status}): ${r.stderr}`));
    else resolve(JSON.parse(r.stdout.trim().split('\n').pop() as string) as UkurBesar);
  });
  return besar;
}

let tugas: number | undefined;
/** The longest task on the built pane's thread during Periksa of ~20,000 rows × 20 columns, in Chromium. */
function tugasTerpanjangMs(): number {
  if (tugas !== undefined) return tugas;
  const script = path.join(__dirname, '..', 'browser', 'excel-panel.js');
  const r = spawnSync(process.execPath, [script, 'longtask'], { encoding: 'utf8', timeout: 1_800_000 });
  if (r.status !== 0) throw new Error(`excel-panel longtask gagal (${r.status}): ${r.stderr}`);
  tugas = (JSON.parse(r.stdout.trim().split('\n').pop() as string) as { maxMs: number }).maxMs;
  return tugas;
}

export const metrics: Metric[] = [
  // Goal ≤ 500 ms (Office flags add-ins that block for seconds). The fake host's own work inside
  // each sync (its model's reads and writes: Excel's process in reality) is subtracted; the
  // parse of every response's JSON (Office.js does it on the pane's thread) is counted.
  { name: 'excel-longtask-max-ms', unit: 'ms', measure: tugasTerpanjangMs },
  { name: 'excel-periksa-20000-ditandai', unit: 'count', measure: async () => (await ukurBesar()).marked },
  // Goal (issue 12) ≤ 4: the largest request (Office.js's own serialiser) or response of any sync.
  {
    name: 'excel-request-max-mb',
    unit: 'MB',
    measure: async () => {
      const b = await ukurBesar();
      return Math.max(b.periksaMaxMb, b.pohonMaxMb, b.bukuMaxMb);
    },
  },
  // Goal ≤ 512: the most merged areas one getMergedAreasOrNullObject met, over a workbook holding a drawn 500-node tree.
  { name: 'excel-merged-areas-per-call', unit: 'count', measure: async () => (await ukurBesar()).mergedPerCall },
  // Round trips as a function of size: the small table (excel-syncs-periksa) and the large one.
  { name: 'excel-syncs-periksa-20000', unit: 'count', measure: async () => (await ukurBesar()).periksaSyncs },
  { name: 'excel-syncs-pohon-500', unit: 'count', measure: async () => (await ukurBesar()).pohonSyncs },
  { name: 'excel-syncs-periksa', unit: 'count', measure: () => Math.max(measure().lembar, measure().buku) },
  { name: 'addin-js-kb', unit: 'kB', measure: () => measure().jsBytes / 1000 },
  { name: 'addin-js-gzip-kb', unit: 'kB', measure: () => measure().gzipBytes / 1000 },
];
