/** Where the CLI writes: the real process streams, or buffers in tests. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/** Exit statuses the CLI promises (README): 0 fine, 1 findings/errors in the result, 2 usage or input error. */
export const EXIT_OK = 0;
export const EXIT_FOUND = 1;
export const EXIT_USAGE = 2;
/** 128 + SIGPIPE: what a shell reports for a program whose reader went away (`… | head`). */
export const EXIT_PIPA_TERTUTUP = 141;
