import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readWorkbookFile } from '../../cli/baca';
import { writeAnnotatedCopy } from '../../cli/tandai';
import { CellValue } from '../../core/lembar/model';
import { periksaWorkbook } from '../../core/periksa';
import { renjaTC33 } from '../fixtures/sintetis';
import { lembarXml, paketXlsx } from '../helpers/xlsx-mentah';
import { median, Metric } from './ukur';

/**
 * The verifier's batch (issue 14), end to end through the built CLI in fresh Node processes.
 * Goals: cli-folder-1000-s ≤ 60 on 2 cores, its CPU ratio to a bare direct reader + core
 * check ≤ 1.3; cli-100k-xlsx-s ≤ 3 and cli-100k-xlsx-peak-mb ≤ 400; cli-pohon-2000-ms ≤ 3,000;
 * cli-tandai-100k-ms ≤ 3,000; cli-start-ms ≤ 300. LK_BENCH_BERKAS sets the folder's size
 * (1,000 by default) for a quicker look; the generated folder (about 450 MB for 1,000) is kept
 * in the temp folder for the next run.
 */
const MAIN = path.resolve(__dirname, '..', '..', 'cli', 'main.js');

/**
 * Runs the built CLI in a child; wall ms, the child's CPU seconds (all its threads, and on
 * Linux the worker processes of a folder check too: the cutime and cstime of /proc/self/stat,
 * in clock ticks of 1/100 s) and peak RSS in MB.
 */
function runCli(argv: string[]): { ms: number; cpuS: number; peakMb: number; code: number } {
  const script = `const t = process.cpuUsage();
    const children = () => {
      try {
        const f = require('fs').readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
        return (Number(f[13]) + Number(f[14])) / 100;
      } catch { return 0; }
    };
    require(${JSON.stringify(MAIN)}).run(${JSON.stringify(argv)}, { out: () => {}, err: () => {} }).then((code) => {
      const u = process.cpuUsage(t);
      process.stderr.write(JSON.stringify({ code, cpu: (u.user + u.system) / 1e6 + children(), rss: process.resourceUsage().maxRSS }));
    });`;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const m = /\{"code":(\d+),"cpu":([\d.]+),"rss":(\d+)\}/.exec(r.stderr);
  if (!m) throw new Error(`bench cli: ${r.stderr.slice(-500)}`);
  return { ms, code: Number(m[1]), cpuS: Number(m[2]), peakMb: Math.round(Number(m[3]) / 1024) };
}

let tmp: string | undefined;
const dir = () => (tmp ??= fs.mkdtempSync(path.join(os.tmpdir(), 'lk-bench-cli-')));
process.on('exit', () => tmp && fs.rmSync(tmp, { recursive: true, force: true }));

/** A Renja T-C.33 of about `rows` rows; `faults` pagu cells made wrong so that there is something to mark. */
function renjaValues(rows: number, faults = 0, seed = 42): CellValue[][] {
  const r = renjaTC33({ subKegiatan: Math.round(rows / 1.3), seed });
  const values = r.sheet.values.map((row) => row.slice());
  for (let i = 0; i < faults; i++) {
    const row = r.subRows[Math.floor((i + 1) * (r.subRows.length / (faults + 1)))];
    const col = r.paguCols[0];
    values[row][col] = (values[row][col] as number) + 1000;
  }
  return values;
}

function writeRenja(file: string, rows: number, sheets = 1, faults = 0, seed = 42): void {
  const values = renjaValues(rows, faults, seed);
  const xml = lembarXml(values);
  fs.writeFileSync(
    file,
    paketXlsx({ sheets: Array.from({ length: sheets }, (_, i) => ({ name: i === 0 ? 'T-C.33' : `T-C.33 (${i + 1})`, xml })) }),
  );
}

let big: string | undefined;
function bigFile(): string {
  if (big) return big;
  big = path.join(dir(), 'renja-100k.xlsx');
  writeRenja(big, 100_000, 1, 7);
  return big;
}

let run100k: { ms: number; cpuS: number; peakMb: number } | undefined;
/** Three runs: the median wall time, the median CPU time (what a busy machine moves least) and the highest peak. */
function cli100k(): { ms: number; cpuS: number; peakMb: number } {
  if (run100k) return run100k;
  const runs = [0, 1, 2].map(() => runCli(['periksa', bigFile(), '--json']));
  run100k = {
    ms: median(runs.map((r) => r.ms)),
    cpuS: median(runs.map((r) => r.cpuS)),
    peakMb: Math.max(...runs.map((r) => r.peakMb)),
  };
  return run100k;
}

let folder: { wallS: number; ratio: number } | undefined;
async function cliFolder(): Promise<{ wallS: number; ratio: number }> {
  if (folder) return folder;
  const n = Number(process.env.LK_BENCH_BERKAS ?? 1000);
  const where = kabupaten(n);
  const batch = runCli(['periksa', where, '--laporan', path.join(dir(), 'temuan.csv')]);
  // The floor: the same files read by the direct reader and checked by the same core, one after another, in this process.
  const files: string[] = [];
  for (const sub of fs.readdirSync(where).sort())
    for (const f of fs.readdirSync(path.join(where, sub)).sort()) files.push(path.join(where, sub, f));
  const t = process.cpuUsage();
  for (const f of files) {
    const r = await readWorkbookFile(f);
    if (r.ok) periksaWorkbook(r.workbook);
  }
  const u = process.cpuUsage(t);
  folder = { wallS: batch.ms / 1000, ratio: batch.cpuS / ((u.user + u.system) / 1e6) };
  return folder;
}

/**
 * The folder of `n` generated workbooks. Writing 1,000 of them takes longer than checking them,
 * so a folder left by an earlier run is used again when it was made by the same generator: its
 * name carries a hash of the first workbook's sheet, which changes with any change of the generator.
 */
function kabupaten(n: number): string {
  const fileOf = (where: string, i: number) =>
    path.join(where, `opd-${String(Math.floor(i / 50)).padStart(2, '0')}`, `renja-${i}.xlsx`);
  // The sheet, not the package: a zip carries the time it was written.
  const hash = createHash('sha256')
    .update(lembarXml(renjaValues(2_000, 0, 0)))
    .digest('hex')
    .slice(0, 12);
  const where = path.join(os.tmpdir(), `lk-bench-kabupaten-${n}-${hash}`);
  const done = path.join(where, 'selesai');
  if (fs.existsSync(done)) return path.join(where, 'berkas');
  fs.rmSync(where, { recursive: true, force: true });
  for (let i = 0; i < n; i++) {
    const file = fileOf(path.join(where, 'berkas'), i);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeRenja(file, 2_000, 3, i % 3, i);
  }
  fs.writeFileSync(done, '');
  return path.join(where, 'berkas');
}

function pohon2000(): number {
  const file = path.join(dir(), 'renja-2000.xlsx');
  writeRenja(file, 2_000);
  const runs = [0, 1, 2].map((i) => runCli(['pohon', file, '--keluar', path.join(dir(), `pohon-${i}.xlsx`)]).ms);
  return median(runs);
}

async function tandai100k(): Promise<number> {
  const read = await readWorkbookFile(bigFile());
  if (!read.ok) throw new Error(read.message);
  const findings = periksaWorkbook(read.workbook).findings;
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    const w = await writeAnnotatedCopy({ path: bigFile() }, findings, path.join(dir(), `bertanda-${i}.xlsx`));
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (!w.ok) throw new Error(w.message);
  }
  return median(times);
}

/**
 * The reader alone, in this process: the median CPU milliseconds of one read, warm (after
 * `warm` reads), of `rounds` reads. Issue 14's goal for the 2,000-row × 3-sheet Renja is ≤ 45 ms.
 */
async function readCpuMs(file: string, warm: number, rounds: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < warm + rounds; i++) {
    const t = process.cpuUsage();
    const r = await readWorkbookFile(file);
    const u = process.cpuUsage(t);
    if (!r.ok) throw new Error(r.message);
    if (i >= warm) times.push((u.user + u.system) / 1000);
  }
  return median(times);
}

async function baca2000x3(): Promise<number> {
  const file = path.join(dir(), 'renja-2000x3.xlsx');
  writeRenja(file, 2_000, 3);
  return readCpuMs(file, 10, 60);
}

export const metrics: Metric[] = [
  { name: 'cli-start-ms', unit: 'ms', measure: () => median([0, 1, 2, 3, 4].map(() => runCli(['hitung', '--help']).ms)) },
  { name: 'cli-100k-xlsx-s', unit: 's', measure: () => cli100k().ms / 1000 },
  { name: 'cli-100k-xlsx-peak-mb', unit: 'MB', measure: () => cli100k().peakMb },
  { name: 'cli-100k-xlsx-cpu-s', unit: 's', measure: () => cli100k().cpuS },
  { name: 'cli-baca-2000x3-cpu-ms', unit: 'ms', measure: baca2000x3 },
  { name: 'cli-baca-100k-cpu-ms', unit: 'ms', measure: () => readCpuMs(bigFile(), 1, 3) },
  { name: 'cli-tandai-100k-ms', unit: 'ms', measure: tandai100k },
  { name: 'cli-pohon-2000-ms', unit: 'ms', measure: pohon2000 },
  { name: 'cli-folder-1000-s', unit: 's', measure: async () => (await cliFolder()).wallS },
  { name: 'cli-folder-cpu-over-floor', unit: 'ratio', measure: async () => (await cliFolder()).ratio },
];
