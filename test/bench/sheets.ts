import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { bangunSinkron } from '../appsscript/bundel';
import { lembarAnggaran } from '../appsscript/lembar-anggaran';
import { AppsScriptPalsu } from '../appsscript/palsu';
import { median, Metric } from './ukur';

/**
 * The Google Sheets bundle (dist/appsscript/Code.js, built once here): how many round trips
 * to Google's servers one Periksa makes (fakes that count, see test/appsscript/palsu.ts), how
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

export const metrics: Metric[] = [
  { name: 'sheets-calls-periksa', unit: 'calls', measure: tripsPeriksa },
  { name: 'appsscript-cold-ms', unit: 'ms', measure: coldMs },
  { name: 'appsscript-bundle-kb', unit: 'kB', measure: () => Buffer.byteLength(code()) / 1024 },
];
