import * as path from 'path';
import { Command } from 'commander';
import { findSkala, NAMA_SKALA } from '../core/fungsi/skala';
import { CheckCoverage, PeriksaProgress, PeriksaResult, UncheckedColumns } from '../core/periksa';
import { masukanYangDitimpa, namaSalinanBertanda, pesanMenimpaMasukan, samePath, writeAtomically } from './berkas-keluaran';
import { kumpulkanBerkas } from './folder';
import { kemajuan } from './kemajuan';
import { defaultThreads, periksaKumpulan } from './kumpulan-pekerja';
import { CliIO, EXIT_FOUND, EXIT_OK, EXIT_USAGE } from './io';
import { renderReport } from './laporan';
import { PANJANG_PESAN, teksTerminal } from './teks-terminal';
import { BerkasDiperiksa, formatLaporan, FormatLaporan, teksLaporan } from './laporan-berkas';
import { HasilBerkas } from './periksa-satu';
import { writeAnnotatedCopy } from './tandai';

interface PeriksaOptions {
  json?: boolean;
  skala?: string;
  tandai?: string;
  laporan?: string;
}

/** One checked file, in the shape `--json` promises (README). */
interface FileReport {
  file: string;
  tables: {
    sheet: string;
    range: string;
    layout: string;
    rows: number;
    /** Which rule ran on which columns, which relation was learned from the numbers. */
    checks?: CheckCoverage[];
    unchecked?: UncheckedColumns[];
    /** One sentence when the table was found but not understood. */
    understood?: string;
  }[];
  /** Sheets with numbers where no table was found. */
  sheetsWithoutTable?: string[];
  findings: {
    sheet: string;
    cell: string;
    rule: string;
    severity: string;
    actual: string | null;
    expected: string | null;
    message: string;
    related: string[];
  }[];
  /** Only for a file that could not be read. */
  error?: string;
}

/** Cells past which a progress line on stderr helps a person waiting at a terminal. */
const PROGRESS_CELLS = 100_000;

export function registerPeriksa(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('periksa')
    .description('Periksa tabel Renja/LKjIP dalam berkas .xlsx, .csv atau .tsv: jumlah, rumus, pembulatan, predikat, satuan.')
    .argument(
      '<berkas...>',
      'berkas .xlsx, .xlsm, templat .xltx/.xltm, .csv, .tsv atau .txt (.xls dan .ods diubah lewat LibreOffice bila terpasang), atau folder (diperiksa seluruh isinya)',
    )
    .option('--json', 'cetak hasil sebagai JSON')
    .option('--skala <nama>', `skala predikat bila buku kerja tidak memuat tabel skala (${NAMA_SKALA.join(', ')})`)
    .option(
      '--tandai <keluaran.xlsx>',
      'tulis salinan bertanda (.xlsx; .xlsm untuk buku kerja bermakro): sel bermasalah diwarnai dan diberi catatan, serta lembar "Temuan"',
    )
    .option(
      '--laporan <temuan.csv>',
      'tulis semua temuan dari semua berkas ke satu tabel .csv (dipisah titik koma, seperti Excel berbahasa Indonesia) atau .tsv',
    )
    .action(async (files: string[], options: PeriksaOptions) => {
      setExit(await periksaFiles(files, options, io));
    });
}

export async function periksaFiles(args: string[], options: PeriksaOptions, io: CliIO): Promise<number> {
  if (options.skala !== undefined && findSkala(options.skala) === undefined) {
    io.err(`Skala "${options.skala}" tidak dikenal. Pilihan: ${NAMA_SKALA.join(', ')}.\n`);
    return EXIT_USAGE;
  }
  const { files, emptyFolders } = await kumpulkanBerkas(args);
  for (const folder of emptyFolders)
    io.err(`Folder ${folder} tidak memuat berkas lembar kerja (.xlsx, .xlsm, .xls, .ods, .csv, .tsv).\n`);
  if (files.length === 0) return EXIT_USAGE;
  const laporan = options.laporan === undefined ? null : await periksaTujuanLaporan(options.laporan, files, io);
  if (laporan === false) return EXIT_USAGE;
  const salinan = options.tandai === undefined ? [] : namaSalinanBertanda(options.tandai, files);
  const diperiksa: BerkasDiperiksa[] = [];
  const reports: FileReport[] = [];
  let unreadable = emptyFolders.length > 0;
  let errors = false;
  const progress = await kemajuan(files.length, io);
  const show = progress.io;

  // Results arrive in whatever order the pool finishes; each file is printed, marked and
  // reported in input order, as soon as every file before it is done.
  const done = new Array<HasilBerkas | undefined>(files.length);
  let printed = 0;
  let flushing = Promise.resolve();
  const flush = async () => {
    while (printed < files.length && done[printed] !== undefined) {
      const hasil = done[printed]!;
      done[printed] = undefined;
      printed++;
      await handle(printed - 1, hasil);
    }
  };
  const handle = async (index: number, hasil: HasilBerkas) => {
    const file = hasil.file;
    if (!hasil.ok) {
      unreadable = true;
      show.err(`${teksTerminal(file)}: ${teksTerminal(hasil.message, PANJANG_PESAN)}\n`);
      reports.push({ file, tables: [], findings: [], error: hasil.message });
      diperiksa.push({ file, error: hasil.message });
      return;
    }
    for (const w of hasil.warnings) show.err(`${teksTerminal(file)}: ${teksTerminal(w, PANJANG_PESAN)}\n`);
    const result = hasil.result;
    if (result.findings.some((f) => f.severity === 'error')) errors = true;
    reports.push(toReport(file, result));
    diperiksa.push({ file, sheets: hasil.sheets, findings: result.findings });
    if (!options.json) show.out(renderReport(file, result, hasil.ms));

    if (options.tandai !== undefined) {
      const target = salinan[index];
      const input = await masukanYangDitimpa(target, files);
      const written =
        input !== null
          ? { ok: false as const, message: pesanMenimpaMasukan(target, input) }
          : await writeAnnotatedCopy({ path: file }, result.findings, target);
      if (written.ok) {
        if (!options.json)
          show.out(`Salinan bertanda: ${target} (${written.marked} sel ditandai, daftar di lembar "${written.sheetName}").\n\n`);
      } else {
        unreadable = true;
        show.err(`${teksTerminal(file)}: salinan bertanda tidak dapat ditulis: ${teksTerminal(written.message, PANJANG_PESAN)}\n`);
      }
    }
  };

  const onProgress = (file: string, p: PeriksaProgress, cells: number) => {
    if (cells > PROGRESS_CELLS)
      show.err(
        `Memeriksa ${teksTerminal(path.basename(file))}: lembar "${teksTerminal(p.sheet)}" (${p.sheetIndex + 1}/${p.sheetCount})…\n`,
      );
  };
  await periksaKumpulan(files, { skala: options.skala, threads: defaultThreads(), onProgress }, (index, hasil) => {
    done[index] = hasil;
    progress.tick();
    flushing = flushing.then(flush);
  });
  await flushing;
  progress.stop();

  if (laporan) {
    const written = await writeAtomically(laporan.path, teksLaporan(diperiksa, laporan.format));
    if (written.ok) {
      const n = diperiksa.reduce((k, b) => k + ('error' in b ? 1 : b.findings.length), 0);
      if (!options.json) io.out(`Laporan temuan: ${laporan.path} (${n} baris).\n`);
    } else {
      unreadable = true;
      io.err(`${written.message}\n`);
    }
  }
  if (options.json) io.out(JSON.stringify({ files: reports }) + '\n');
  if (unreadable) return EXIT_USAGE;
  return errors ? EXIT_FOUND : EXIT_OK;
}

/**
 * The report's path and format, or false after saying why it cannot be used: an unknown
 * extension, or one of the files being checked (a report must never replace its input).
 */
async function periksaTujuanLaporan(
  target: string,
  files: string[],
  io: CliIO,
): Promise<{ path: string; format: FormatLaporan } | false> {
  const format = formatLaporan(target);
  if (format === null) {
    io.err(`Berkas laporan "${target}" harus berakhiran .csv atau .tsv.\n`);
    return false;
  }
  for (const file of files) {
    if (await samePath(file, target)) {
      io.err(`Berkas laporan sama dengan berkas yang diperiksa (${file}); pilih nama lain agar berkas asli tidak ditimpa.\n`);
      return false;
    }
  }
  return { path: target, format };
}

function toReport(file: string, result: PeriksaResult): FileReport {
  return {
    file,
    tables: result.tables.map((t) => ({
      sheet: t.sheet,
      range: t.range,
      layout: t.layout,
      rows: t.rows,
      checks: t.coverage?.checks ?? [],
      unchecked: t.coverage?.unchecked ?? [],
      ...(t.coverage?.understood === undefined ? {} : { understood: t.coverage.understood }),
    })),
    ...((result.sheetsWithoutTable ?? []).length === 0 ? {} : { sheetsWithoutTable: result.sheetsWithoutTable }),
    findings: result.findings.map((f) => ({
      sheet: f.sheet,
      cell: f.cell,
      rule: f.rule,
      severity: f.severity,
      actual: f.actual,
      expected: f.expected,
      message: f.message,
      related: f.related,
    })),
  };
}
