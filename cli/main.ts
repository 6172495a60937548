import { Command, CommanderError } from 'commander';
import { CliIO, EXIT_USAGE, processIO } from './io';
import { jalankanLaluKeluar } from './keluar';
import { keluaranAman } from './teks-terminal';

type Register = (p: Command, io: CliIO, setExit: (c: number) => void) => void;

/**
 * Each verb's module, loaded on use: `hitung --help` need not load the reader, the checker and
 * their schema library (zod alone took 250 ms of a 550 ms start). Help for the program, an
 * option first or an unknown verb loads them all, so the full list and Commander's errors stay as they were.
 */
const VERBS: Record<string, () => Promise<Register>> = {
  hitung: async () => (await import('./hitung')).registerHitung,
  periksa: async () => (await import('./periksa')).registerPeriksa,
  pohon: async () => (await import('./pohon')).registerPohon,
  templat: async () => (await import('./templat')).registerTemplat,
  bawaan: async () => (await import('./bawaan')).registerBawaan,
};

/**
 * The command-line host: a thin shell over core. Each verb lives in its own module and
 * registers itself here; `run` returns the exit status instead of exiting, so tests can call it.
 */
export async function run(argv: string[], rawIO: CliIO = processIO): Promise<number> {
  const io = keluaranAman(rawIO);
  let exitCode = 0;
  const program = new Command();
  program
    .name('lembar-kinerja')
    .description('Lembar Kinerja: fungsi capaian, efisiensi dan predikat, serta pemeriksaan tabel Renja/LKjIP.')
    .exitOverride()
    // Commander's own error lines are English; usageMessage() says the same in Indonesian.
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: () => undefined })
    .helpOption('-h, --help', 'tampilkan bantuan')
    .helpCommand(false);
  const setExit = (code: number) => {
    exitCode = code;
  };
  const verb = argv[0] !== undefined && Object.prototype.hasOwnProperty.call(VERBS, argv[0]) ? argv[0] : undefined;
  const loaders = verb !== undefined ? [VERBS[verb]] : Object.values(VERBS);
  for (const register of await Promise.all(loaders.map((load) => load()))) register(program, io, setExit);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      if (e.code === 'commander.help') return e.exitCode === 0 ? 0 : EXIT_USAGE;
      io.err(usageMessage(e) + '\n(jalankan "lembar-kinerja --help" untuk bantuan)\n');
      return EXIT_USAGE;
    }
    throw e;
  }
  return exitCode;
}

/** The process behind `bin/lembar-kinerja.js`: run, then exit once everything printed is written. */
export function jalankanProses(argv: string[]): void {
  jalankanLaluKeluar(() => run(argv), 'Terjadi kesalahan tak terduga');
}

/** Commander's usage errors, said in Indonesian. */
export function usageMessage(e: CommanderError): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'commander.missingArgument':
      return `Argumen wajib belum diberikan: ${quoted}.`;
    case 'commander.unknownCommand':
      return `Perintah tidak dikenal: ${quoted}. Perintah yang ada: hitung, periksa, pohon, templat, bawaan.`;
    case 'commander.unknownOption':
      return `Opsi tidak dikenal: ${quoted}.`;
    case 'commander.optionMissingArgument':
      return `Opsi ${quoted} memerlukan nilai.`;
    case 'commander.excessArguments':
      return 'Argumen terlalu banyak.';
    case 'commander.invalidArgument':
      return `Nilai argumen tidak sah: ${e.message.replace(/^error:\s*/i, '')}`;
    default:
      return `Perintah tidak dapat dijalankan: ${e.message.replace(/^error:\s*/i, '')}`;
  }
}
