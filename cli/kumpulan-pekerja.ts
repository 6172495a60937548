import { ChildProcess, fork } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PeriksaProgress } from '../core/periksa';
import { HasilBerkas, periksaSatuBerkas } from './periksa-satu';
import type { Tugas } from './periksa-pekerja';

/**
 * The files of a batch checked by a pool of worker processes, one per core (the check is CPU
 * work; reading a file is a small part of it). Results come back as each file finishes; the
 * caller puts them in input order. A worker that dies (out of memory on one file) costs only
 * that file, which gets a message; a fresh worker takes the rest.
 *
 * Processes, not worker threads: on 100 generated workbooks two worker threads of one process
 * took 10 to 20 % longer per file than two processes doing the same (they share the process's
 * allocator and V8's helper threads), and a process's memory is its own to lose.
 */
export interface PoolOptions {
  skala?: string;
  /** Processes to use; 0 or 1 checks in the calling thread. */
  threads: number;
  /** Per-sheet progress of a big file, when checked in the calling thread. */
  onProgress?: (file: string, p: PeriksaProgress, cells: number) => void;
}

/** Heap of one worker: a check of a 100,000-row Renja needs well under this. */
const WORKER_HEAP_MB = 1536;

/**
 * Semi-space of one worker's young generation. A check makes many short-lived objects (a parsed
 * cell, its decimals); with V8's default the workers spent twice the in-thread garbage
 * collection time. 32 MB: a third as many scavenges, about 100 MB more resident per worker.
 */
const WORKER_SEMI_SPACE_MB = 32;

const memoriHabis = (mb: number) => `Berkas terlalu besar untuk diperiksa: memori pemeriksaan (${mb} MB) habis; berkas dilewati.`;
const GAGAL = 'Pemeriksaan berkas ini terhenti karena kesalahan di dalam program; berkas lain tetap diperiksa.';

export function defaultThreads(): number {
  const env = process.env.LK_PEKERJA;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** A worker's heap in MB: LK_PEKERJA_MB, for tests of a worker that runs out of memory, else the default. */
function heapMb(): number {
  const env = process.env.LK_PEKERJA_MB;
  return env !== undefined && /^\d+$/.test(env) && Number(env) >= 16 ? Number(env) : WORKER_HEAP_MB;
}

/**
 * How a worker is started: the compiled worker file next to this one; under ts-jest, where
 * there is none, the TypeScript source through the require hook named by LK_TS_DAFTAR (tests
 * only); otherwise null, and the batch runs in the calling thread.
 */
function workerSource(): { module: string; execArgv: string[] } | null {
  const js = path.join(__dirname, 'periksa-pekerja.js');
  if (fs.existsSync(js)) return { module: js, execArgv: [] };
  const hook = process.env.LK_TS_DAFTAR;
  const ts = path.join(__dirname, 'periksa-pekerja.ts');
  if (hook && fs.existsSync(ts)) return { module: ts, execArgv: ['-r', hook] };
  return null;
}

export async function periksaKumpulan(
  files: string[],
  options: PoolOptions,
  onDone: (index: number, hasil: HasilBerkas) => void,
): Promise<void> {
  const source = options.threads > 1 && files.length > 1 ? workerSource() : null;
  if (source === null) {
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      const onProgress = options.onProgress;
      onDone(i, await periksaSatuBerkas(file, options.skala, onProgress && ((p, cells) => onProgress(file, p, cells))));
    }
    return;
  }
  let next = 0;
  const threads = Math.min(options.threads, files.length);
  const mb = heapMb();
  await new Promise<void>((resolve) => {
    let running = 0;
    const start = () => {
      running++;
      const worker: ChildProcess = fork(source.module, [], {
        execArgv: [
          ...source.execArgv,
          `--max-old-space-size=${mb}`,
          `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`,
          // Every core already runs a worker: V8's parallel collector would only add threads
          // that wait on each other (a tenth more CPU for the same files).
          '--single-threaded-gc',
        ],
        // Structured clone, as between threads: a result holds no type JSON would lose, but
        // this keeps it so if one ever does.
        serialization: 'advanced',
        // Named, not left to the default: under a test runner `process.env` is the test's own.
        env: process.env,
        // A dying worker's own words (V8's out-of-memory report) are not for the planner.
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      });
      let current: Tugas | null = null;
      const feed = () => {
        if (next >= files.length) {
          current = null;
          // With its channel closed the worker has nothing left to wait for and exits.
          if (worker.connected) worker.disconnect();
          return;
        }
        current = { index: next, file: files[next], skala: options.skala };
        next++;
        worker.send(current);
      };
      worker.on('message', (m: { index: number; hasil: HasilBerkas }) => {
        current = null;
        onDone(m.index, m.hasil);
        feed();
      });
      // A failed send or spawn: the exit below says what happened to the file.
      worker.on('error', () => undefined);
      worker.on('exit', (code, signal) => {
        running--;
        const died = current !== null;
        if (current !== null) {
          // V8 ends a process out of memory with an abort (SIGABRT, or 134 from a shell).
          const oom = signal === 'SIGABRT' || code === 134;
          onDone(current.index, { file: current.file, ok: false, message: oom ? memoriHabis(mb) : GAGAL });
          current = null;
        }
        // A worker lost mid-batch is replaced while files remain.
        if (died && next < files.length) start();
        else if (running === 0) resolve();
      });
      feed();
    };
    for (let t = 0; t < threads; t++) start();
  });
}
