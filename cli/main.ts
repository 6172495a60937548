import { Command, CommanderError } from 'commander';
import { registerHitung } from './hitung';
import { CliIO, EXIT_USAGE, processIO } from './io';
import { registerPeriksa } from './periksa';

/**
 * The command-line host: a thin shell over core. Each verb lives in its own module and
 * registers itself here; `run` returns the exit status instead of exiting, so tests can call it.
 */
export async function run(argv: string[], io: CliIO = processIO): Promise<number> {
  let exitCode = 0;
  const program = new Command();
  program
    .name('lembar-kinerja')
    .description('Lembar Kinerja: fungsi capaian, efisiensi dan predikat, serta pemeriksaan tabel Renja/LKjIP.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(jalankan "lembar-kinerja --help" untuk bantuan)');
  const setExit = (code: number) => {
    exitCode = code;
  };
  const verbs: ((p: Command, io: CliIO, setExit: (c: number) => void) => void)[] = [registerHitung, registerPeriksa];
  for (const register of verbs) register(program, io, setExit);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return EXIT_USAGE;
    }
    throw e;
  }
  return exitCode;
}
