/**
 * How the command-line process ends.
 *
 * On Linux and macOS Node writes to a pipe asynchronously ("A note on process I/O",
 * nodejs.org/api/process.html): `process.exit()` right after a large write keeps only what the
 * kernel's pipe buffer took, 64 KB, so `periksa FOLDER --json | jq` got a cut JSON and status 0.
 * The process therefore exits only once stdout and stderr hold nothing unwritten.
 */

/** 128 + SIGPIPE: what a shell reports for a program whose reader went away (`… | head`). */
export const EXIT_PIPA_TERTUTUP = 141;

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
export function pasangPenjagaPipa(): void {
  for (const s of [process.stdout, process.stderr]) {
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(EXIT_PIPA_TERTUTUP);
      if (s === process.stdout) process.stderr.write(`Hasil tidak dapat ditulis ke keluaran standar (${e.code ?? 'galat'}).\n`);
      process.exit(2);
    });
  }
}

/** Exits with `code` once what was written to stdout and stderr has left the process. */
export function keluar(code: number): void {
  setelahTertulis([process.stdout, process.stderr], () => process.exit(code));
}
