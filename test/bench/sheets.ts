import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { bangunSinkron } from '../appsscript/bundel';
import { LEFT, lembarAnggaran, TOP } from '../appsscript/lembar-anggaran';
import { Sheet } from '../../core/lembar/model';
import { AppsScriptPalsu, potret } from '../appsscript/palsu';
import { isiKaskade, kaskade } from '../appsscript/pohon-kaskade';
import { kaskade500 } from './pohon';
import { median, Metric } from './ukur';

/**
 * The Google Sheets bundle (dist/appsscript/Code.js, built once here): how many round trips
 * to Google's servers one Periksa makes (fakes that count, see test/appsscript/palsu.ts; goal
 * ≤ 9), how many calls Pohon Kinerja makes for 500 nodes (goal ≤ 60), whether the backup of
 * 20,000 marked cells fits the quotas (sheets-backup-fits, 1 = yes), how
 * long a fresh Apps Script context takes to evaluate the script and answer one =CAPAIAN (Sheets
 * does that for custom functions), and the script's size.
 */

let built: string | null = null;
function code(): string {
  if (built === null) built = fs.readFileSync(path.join(bangunSinkron(), 'Code.js'), 'utf8');
  return built;
}

function tripsPeriksa(): number {
  const gas = new AppsScriptPalsu(path.dirname(require.resolve('./ukur')));
  // 50 copies of the Magetan budget table: the count must not depend on the rows.
  lembarAnggaran(gas, 50);
  const ctx = gas.muat(code());
  gas.log.reset();
  (ctx.lkPeriksa as (c: string, p: unknown) => unknown)('lembar', { skala: null });
  return gas.log.trips;
}

function coldMs(): number {
  const src = code();
  const gas = new AppsScriptPalsu('.');
  let run = 0;
  const once = () => {
    // A different comment each run, so V8's in-process compile cache cannot make it warm.
    const fresh = `${src}\n// ${run++}`;
    const t0 = process.hrtime.bigint();
    const context = vm.createContext(gas.globals());
    new vm.Script(fresh, { filename: 'Code.js' }).runInContext(context);
    const v = (context.CAPAIAN as (r: unknown, t: unknown) => unknown)('79,72', 80);
    if (typeof v !== 'number') throw new Error('CAPAIAN gagal');
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const times = Array.from({ length: 9 }, once);
  return median(times);
}

/**
 * Every SpreadsheetApp call (reads, writes, getRange…) Pohon Kinerja makes for a cascading
 * sheet: what the six-minute limit is spent on, batched or not. 500 nodes: the pohon bench's
 * sheet (drawn left to right); 50 (top-down, sub kegiatan stacked) and 2,000 (left to right)
 * show that the count does not grow with the tree. Goal ≤ 60.
 */
function callsPohon(model: Sheet, nodes: number): () => number {
  return () => {
    const gas = new AppsScriptPalsu(path.dirname(require.resolve('./ukur')));
    isiKaskade(gas.ss.addSheet('Kaskade'), model);
    const ctx = gas.muat(code());
    gas.log.reset();
    const view = (ctx.lkPohonKinerja as (ganti: boolean) => { status: string; nodes: number })(false);
    if (view.status !== 'dibuat' || view.nodes !== nodes) throw new Error(`Pohon Kinerja gagal: ${JSON.stringify(view)}`);
    return gas.log.calls.length;
  };
}

/**
 * 1 when a Periksa that marks 20,000 cells keeps their backup within Apps Script's quotas (the
 * fakes enforce the property store's 500 kB, 9 kB per value, the six-minute budget of calls)
 * and Hapus Tanda then restores every cell exactly; else 0.
 */
function backupFits(): number {
  const gas = new AppsScriptPalsu(path.dirname(require.resolve('./ukur')));
  const repeat = Math.ceil(20_000 / 19);
  const sheet = lembarAnggaran(gas, repeat);
  // Every % cell wrong: one marked cell per row.
  for (let r = TOP + 1; r < TOP + 1 + 19 * repeat; r++) sheet.sel(r, LEFT + 5).value = 1;
  const before = potret(sheet);
  gas.ss.active = { sheet, range: null };
  const ctx = gas.muat(code());
  try {
    const view = (ctx.lkPeriksa as (c: string, p: unknown) => { marked: number })('lembar', { skala: null });
    if (view.marked < 20_000) throw new Error(`hanya ${view.marked} sel ditandai`);
    (ctx.lkHapusTanda as () => unknown)();
  } catch (e) {
    process.stderr.write(`sheets-backup-fits: ${(e as Error).message}\n`);
    return 0;
  }
  return JSON.stringify(potret(sheet)) === JSON.stringify(before) ? 1 : 0;
}

export const metrics: Metric[] = [
  { name: 'sheets-calls-periksa', unit: 'calls', measure: tripsPeriksa },
  { name: 'sheets-calls-pohon-50', unit: 'calls', measure: callsPohon(kaskade(7, 6, 0), 50) },
  { name: 'sheets-calls-pohon-500', unit: 'calls', measure: callsPohon(kaskade500(), 500) },
  { name: 'sheets-calls-pohon-2000', unit: 'calls', measure: callsPohon(kaskade(10, 20, 10, 2000), 2000) },
  { name: 'sheets-backup-fits', unit: 'bool', measure: backupFits },
  { name: 'appsscript-cold-ms', unit: 'ms', measure: coldMs },
  { name: 'appsscript-bundle-kb', unit: 'kB', measure: () => Buffer.byteLength(code()) / 1024 },
];
