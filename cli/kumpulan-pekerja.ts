import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { PeriksaProgress } from '../core/periksa';
import { HasilBerkas, periksaSatuBerkas } from './periksa-satu';
import type { Tugas } from './periksa-pekerja';

/**
 * The files of a batch checked by a pool of worker threads, one per core (the check is CPU
 * work; reading a file is a small part of it). Results come back as each file finishes; the
 * caller puts them in input order. A worker that dies (out of memory on one file) costs only
 * that file, which gets a message; a fresh worker takes the rest.
 */
export interface PoolOptions {
  skala?: string;
  /** Threads to use; 0 or 1 checks in the calling thread. */
  threads: number;
  /** Per-sheet progress of a big file, when checked in the calling thread. */
  onProgress?: (file: string, p: PeriksaProgress, cells: number) => void;
}

/** Heap of one worker: a check of a 100,000-row Renja needs well under this. */
const WORKER_HEAP_MB = 1536;

/**
 * Young generation of one worker (V8 gives a third of it to each semi-space). A check makes
 * many short-lived objects (a parsed cell, its decimals); with V8's default the workers spent
 * twice the in-thread garbage collection time, as two heaps scavenge in turn on two cores.
 * 96 MB (32 MB semi-spaces): a third as many scavenges, about 100 MB more resident per worker.
 */
const WORKER_YOUNG_MB = 96;

const MEMORI_HABIS = `Berkas terlalu besar untuk diperiksa: memori pemeriksaan (${WORKER_HEAP_MB} MB) habis; berkas dilewati.`;

export function defaultThreads(): number {
  const env = process.env.LK_PEKERJA;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * How a worker is started: the compiled worker file next to this one; under ts-jest, where
 * there is none, the TypeScript source through the require hook named by LK_TS_DAFTAR (tests
 * only); otherwise null, and the batch runs in the calling thread.
 */
function workerSource(): { code: string; eval: boolean } | null {
  const js = path.join(__dirname, 'periksa-pekerja.js');
  if (fs.existsSync(js)) return { code: js, eval: false };
  const hook = process.env.LK_TS_DAFTAR;
  const ts = path.join(__dirname, 'periksa-pekerja.ts');
  if (hook && fs.existsSync(ts)) return { code: `require(${JSON.stringify(hook)}); require(${JSON.stringify(ts)});`, eval: true };
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
  await new Promise<void>((resolve) => {
    let running = 0;
    const start = () => {
      running++;
      const worker = new Worker(source.code, {
        eval: source.eval,
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
      });
      let current: Tugas | null = null;
      const feed = () => {
        if (next >= files.length) {
          current = null;
          void worker.terminate();
          return;
        }
        current = { index: next, file: files[next], skala: options.skala };
        next++;
        worker.postMessage(current);
      };
      worker.on('message', (m: { index: number; hasil: HasilBerkas }) => {
        onDone(m.index, m.hasil);
        feed();
      });
      let failed = false;
      worker.on('error', (e: Error & { code?: string }) => {
        failed = true;
        if (current !== null) {
          const message =
            e.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? MEMORI_HABIS
              : 'Pemeriksaan berkas ini terhenti karena kesalahan di dalam program; berkas lain tetap diperiksa.';
          onDone(current.index, { file: current.file, ok: false, message });
          current = null;
        }
      });
      worker.on('exit', () => {
        running--;
        if (current !== null) {
          onDone(current.index, { file: current.file, ok: false, message: MEMORI_HABIS });
          current = null;
          failed = true;
        }
        // A worker lost mid-batch is replaced while files remain.
        if (failed && next < files.length) start();
        else if (running === 0) resolve();
      });
      feed();
    };
    for (let t = 0; t < threads; t++) start();
  });
}
