import { Command } from 'commander';
import { Dec, roundHalfUp, toDouble } from '../core/angka/desimal';
import { formatNumber } from '../core/angka/format';
import { cliHelp } from '../core/fungsi/dokumentasi';
import { isFungsiError } from '../core/fungsi/galat';
import { FUNGSI, findFungsi, signature } from '../core/fungsi/registry';
import { HasilSel } from '../core/fungsi/rentang';
import { CliIO, EXIT_FOUND, EXIT_OK, EXIT_USAGE } from './io';

/**
 * `lembar-kinerja hitung NAMA ARG…`: one spreadsheet function evaluated as a cell would, with
 * each argument typed as in an id-ID cell. The result is printed on stdout even when it is an
 * error value (#DIV/0! …), because that is what the cell would show; exit status 1 says so.
 */

interface HitungOptions {
  desimal?: string;
  json?: boolean;
}

const MAX_DESIMAL = 15;
/** Like Excel, a number is shown with at most 15 significant digits. */
const DIGITS_SHOWN = 15;

export function registerHitung(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const cmd = program
    .command('hitung')
    .description(`Hitung satu fungsi (${FUNGSI.map((f) => f.name).join(', ')}) dari argumen seperti di sel.`)
    .argument('[nama]', 'nama fungsi')
    .argument('[argumen...]', 'argumen seperti diketik di sel')
    .option('--desimal <n>', 'bulatkan hasil angka ke n desimal (setengah ke atas)')
    .option('--json', 'cetak hasil sebagai JSON satu baris')
    // A negative decimal such as -5,2 is an argument, not an unknown option.
    .allowUnknownOption()
    .action((nama: string | undefined, args: string[], options: HitungOptions) => {
      setExit(hitung(nama, args, options, io));
    });
  cmd.helpInformation = () => cliHelp();
}

export function hitung(nama: string | undefined, args: string[], options: HitungOptions, io: CliIO): number {
  const usage = (message: string): number => {
    io.err(`${message}\n(jalankan "lembar-kinerja hitung --help" untuk bantuan)\n`);
    return EXIT_USAGE;
  };
  if (nama === undefined || nama.trim() === '') {
    return usage(`Nama fungsi belum diberikan. Fungsi yang tersedia: ${FUNGSI.map((f) => f.name).join(', ')}.`);
  }
  const f = findFungsi(nama);
  if (f === undefined) {
    return usage(`Fungsi "${nama}" tidak dikenal. Fungsi yang tersedia: ${FUNGSI.map((x) => x.name).join(', ')}.`);
  }
  const stray = args.find((a) => /^--?[A-Za-z]/.test(a));
  if (stray !== undefined) return usage(`Pilihan "${stray}" tidak dikenal.`);
  const min = f.params.filter((p) => !p.optional).length;
  const max = f.params.length;
  if (args.length < min || args.length > max) {
    const wanted = min === max ? `${min}` : `${min} sampai ${max}`;
    return usage(`${f.name} memerlukan ${wanted} argumen, diberikan ${args.length}: ${signature(f)}.`);
  }
  let desimal: number | undefined;
  if (options.desimal !== undefined) {
    if (!/^\d{1,2}$/.test(options.desimal.trim()) || Number(options.desimal) > MAX_DESIMAL) {
      return usage(`--desimal harus bilangan bulat 0 sampai ${MAX_DESIMAL}, bukan "${options.desimal}".`);
    }
    desimal = Number(options.desimal);
  }

  const raw = f.impl(...args.map(unquote));
  // Single values in, a single value out; a range result here would be a bug, but never a crash.
  const result: HasilSel = Array.isArray(raw) ? (raw[0]?.[0] ?? null) : raw;

  if (isFungsiError(result)) {
    io.out(
      options.json
        ? `${JSON.stringify({ error: { code: result.code, message: result.message } })}\n`
        : `${result.code} ${result.message}\n`,
    );
    return EXIT_FOUND;
  }
  if (options.json) {
    const value = typeof result === 'number' && desimal !== undefined ? toDouble(roundHalfUp(new Dec(result), desimal)) : result;
    io.out(`${JSON.stringify({ value })}\n`);
  } else {
    io.out(`${tampilkan(result, desimal)}\n`);
  }
  return EXIT_OK;
}

/** `"turun"` as written in a formula is the text turun. */
function unquote(a: string): string {
  const m = /^"(.*)"$/s.exec(a.trim());
  return m ? m[1] : a;
}

/** id-ID text of a result: 99,65; 96,7289719626168; with --desimal 2: 99,38. */
export function tampilkan(result: number | string | null, desimal?: number): string {
  if (result === null) return '';
  if (typeof result === 'string') return result;
  const d = new Dec(result);
  return desimal !== undefined
    ? formatNumber(d, { decimals: desimal })
    : formatNumber(d.toSignificantDigits(DIGITS_SHOWN, Dec.ROUND_HALF_UP));
}
