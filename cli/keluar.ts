/**
 * How the command-line process ends.
 *
 * On Linux and macOS Node writes to a pipe asynchronously ("A note on process I/O",
 * nodejs.org/api/process.html): `process.exit()` right after a large write keeps only what the
 * kernel's pipe buffer took, 64 KB, so `periksa FOLDER --json | jq` got a cut JSON and status 0.
 * The process therefore exits only once stdout and stderr hold nothing unwritten.
 */

import { EXIT_PIPA_TERTUTUP, EXIT_USAGE } from './io';

/** Calls `selesai` once every stream has handed all it was given to the system, or has failed. */
function setelahTertulis(
  streams: readonly { readonly writableLength: number; readonly destroyed: boolean }[],
  selesai: () => void,
): void {
  const tunggu = () => {
    if (streams.every((s) => s.destroyed || s.writableLength === 0)) selesai();
    else setTimeout(tunggu, 5);
  };
  tunggu();
}

/**
 * The reader of stdout may leave before the end (`… | head -n 5`): the next write fails with
 * EPIPE. That is the reader's choice, not an error of the check, so the process ends quietly
 * instead of printing Node's stack trace. Any other failure of the streams is said in one line.
 */
function pasangPenjagaPipa(): void {
  for (const s of [process.stdout, process.stderr]) {
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(EXIT_PIPA_TERTUTUP);
      if (s === process.stdout) process.stderr.write(`Hasil tidak dapat ditulis ke keluaran standar (${e.code ?? 'galat'}).\n`);
      process.exit(EXIT_USAGE);
    });
  }
}

/** Exits with `code` once what was written to stdout and stderr has left the process. */
function keluar(code: number): void {
  setelahTertulis([process.stdout, process.stderr], () => process.exit(code));
}

/**
 * A command-line process: runs `tugas` and exits with its status once everything printed is
 * written. A failure of `tugas` is said after `pesanGagal` and ends with status 2.
 */
export function jalankanLaluKeluar(tugas: () => Promise<number>, pesanGagal: string): void {
  pasangPenjagaPipa();
  tugas().then(keluar, (err: unknown) => {
    process.stderr.write(`${pesanGagal}: ${err instanceof Error ? err.message : String(err)}\n`);
    keluar(EXIT_USAGE);
  });
}
