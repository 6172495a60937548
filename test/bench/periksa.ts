import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseCell } from '../../core/angka/parse';
import { Sheet } from '../../core/lembar/model';
import { periksaWorkbook } from '../../core/periksa';
import { renjaTC33 } from '../fixtures/sintetis';
import { injectionCampaign } from './injeksi';
import { medianMs, Metric } from './ukur';

/**
 * Periksa Tabel: speed on synthetic Renja tables, and fault-injection precision/recall.
 * Goals (issue 3): periksa-10k-ms ≤ 300 (core only), periksa-50k-over-10k ≤ 5.5,
 * periksa-over-parse ≤ 3, fault-precision ≥ 0.95, fault-recall ≥ 0.95.
 */

const cache = new Map<number, Sheet>();
function renja(subKegiatan: number): Sheet {
  let s = cache.get(subKegiatan);
  if (!s) {
    s = renjaTC33({ subKegiatan }).sheet;
    cache.set(subKegiatan, s);
  }
  return s;
}

const periksaMs = (sub: number, runs: number) =>
  medianMs(() => periksaWorkbook({ name: 'bench', sheets: [renja(sub)] }), { warmup: 2, runs });

/** The bare cost of reading every cell of the same sheet once. */
function parseOnlyMs(sheet: Sheet): number {
  return medianMs(
    () => {
      let n = 0;
      for (const row of sheet.values) for (const c of row) if (parseCell(c).value !== null) n++;
      return n;
    },
    { warmup: 2, runs: 7 },
  );
}

let campaign: ReturnType<typeof injectionCampaign> | undefined;
const faults = () => (campaign ??= injectionCampaign());

export const metrics: Metric[] = [
  { name: 'periksa-10k-ms', unit: 'ms', measure: () => periksaMs(10_000, 7) },
  {
    name: 'periksa-50k-over-10k',
    unit: 'ratio',
    measure: () => periksaMs(50_000, 3) / periksaMs(10_000, 5),
  },
  {
    name: 'periksa-over-parse',
    unit: 'ratio',
    measure: () => periksaMs(10_000, 7) / parseOnlyMs(renja(10_000)),
  },
  { name: 'fault-precision', unit: 'ratio', measure: () => faults().precision },
  { name: 'fault-recall', unit: 'ratio', measure: () => faults().recall },
  { name: 'fault-injections', unit: 'count', measure: () => faults().injections },
  { name: 'cli-10k-xlsx-ms', unit: 'ms', measure: () => cliRun().ms },
  { name: 'cli-10k-xlsx-peak-mb', unit: 'MB', measure: () => cliRun().peakMb },
];

let cli: { ms: number; peakMb: number } | undefined;

/**
 * End to end: `lembar-kinerja periksa` on a 10,000-row .xlsx in a fresh Node process, as a
 * person runs it (startup, reading with exceljs, checking, JSON out). Peak memory is the
 * child's max resident set size.
 */
function cliRun(): { ms: number; peakMb: number } {
  if (cli) return cli;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-bench-'));
  const file = path.join(dir, 'renja-10k.xlsx');
  writeXlsxSync(renja(10_000), file);
  const main = path.resolve(__dirname, '..', '..', 'cli', 'main.js');
  const script = `require(${JSON.stringify(main)}).run(['periksa', ${JSON.stringify(file)}, '--json'], { out: () => {}, err: () => {} })
    .then(() => process.stderr.write(JSON.stringify({ rss: process.resourceUsage().maxRSS })))`;
  const times: number[] = [];
  let peak = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const m = /\{"rss":(\d+)\}/.exec(r.stderr);
    if (m) peak = Math.max(peak, Number(m[1]) / 1024);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  cli = { ms: times[1], peakMb: Math.round(peak) };
  return cli;
}

/** exceljs writes asynchronously; the bench runner is synchronous, so a child does it. */
function writeXlsxSync(sheet: Sheet, file: string): void {
  const json = path.join(path.dirname(file), 'sheet.json');
  fs.writeFileSync(json, JSON.stringify(sheet.values));
  const exceljs = require.resolve('exceljs');
  const script = `
    const ExcelJS = require(${JSON.stringify(exceljs)});
    const values = JSON.parse(require('fs').readFileSync(${JSON.stringify(json)}, 'utf8'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rencana 2025');
    for (const row of values) ws.addRow(row);
    wb.xlsx.writeFile(${JSON.stringify(file)});`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}
