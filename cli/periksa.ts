import * as path from 'path';
import { Command } from 'commander';
import { findSkala, NAMA_SKALA } from '../core/fungsi/skala';
import { CheckCoverage, periksaWorkbook, PeriksaResult, UncheckedColumns } from '../core/periksa';
import { readWorkbookFile } from './baca';
import { samePath, writeAtomically } from './berkas-keluaran';
import { CliIO, EXIT_FOUND, EXIT_OK, EXIT_USAGE } from './io';
import { renderReport } from './laporan';
import { BerkasDiperiksa, formatLaporan, FormatLaporan, teksLaporan } from './laporan-berkas';
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
    .argument('<berkas...>', 'berkas .xlsx, .csv atau .tsv')
    .option('--json', 'cetak hasil sebagai JSON')
    .option('--skala <nama>', `skala predikat bila buku kerja tidak memuat tabel skala (${NAMA_SKALA.join(', ')})`)
    .option('--tandai <keluaran.xlsx>', 'tulis salinan bertanda: sel bermasalah diwarnai dan diberi catatan, serta lembar "Temuan"')
    .option(
      '--laporan <temuan.csv>',
      'tulis semua temuan dari semua berkas ke satu tabel .csv (dipisah titik koma, seperti Excel berbahasa Indonesia) atau .tsv',
    )
    .action(async (files: string[], options: PeriksaOptions) => {
      setExit(await periksaFiles(files, options, io));
    });
}

export async function periksaFiles(files: string[], options: PeriksaOptions, io: CliIO): Promise<number> {
  if (options.skala !== undefined && findSkala(options.skala) === undefined) {
    io.err(`Skala "${options.skala}" tidak dikenal. Pilihan: ${NAMA_SKALA.join(', ')}.\n`);
    return EXIT_USAGE;
  }
  const laporan = options.laporan === undefined ? null : await periksaTujuanLaporan(options.laporan, files, io);
  if (laporan === false) return EXIT_USAGE;
  const diperiksa: BerkasDiperiksa[] = [];
  const reports: FileReport[] = [];
  let unreadable = false;
  let errors = false;
  for (const file of files) {
    const read = await readWorkbookFile(file);
    if (!read.ok) {
      unreadable = true;
      io.err(`${file}: ${read.message}\n`);
      reports.push({ file, tables: [], findings: [], error: read.message });
      diperiksa.push({ file, error: read.message });
      continue;
    }
    for (const w of read.warnings) io.err(`${file}: ${w}\n`);
    const cells = read.workbook.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.length, 0), 0);
    const showProgress = cells > PROGRESS_CELLS;
    const started = Date.now();
    const result = periksaWorkbook(read.workbook, { skala: options.skala }, (p) => {
      if (showProgress) io.err(`Memeriksa ${path.basename(file)}: lembar "${p.sheet}" (${p.sheetIndex + 1}/${p.sheetCount})…\n`);
    });
    if (result.findings.some((f) => f.severity === 'error')) errors = true;
    reports.push(toReport(file, result));
    diperiksa.push({ file, sheets: read.workbook.sheets.map((s) => s.name), findings: result.findings });
    if (!options.json) io.out(renderReport(file, result, Date.now() - started));

    if (options.tandai !== undefined) {
      const target = annotatedPath(options.tandai, file, files.length);
      const written = await writeAnnotatedCopy({ path: file }, result.findings, target);
      if (written.ok) {
        if (!options.json) io.out(`Salinan bertanda: ${target} (${written.marked} sel ditandai, daftar di lembar "${written.sheetName}").\n\n`);
      } else {
        unreadable = true;
        io.err(`${file}: salinan bertanda tidak dapat ditulis: ${written.message}\n`);
      }
    }
  }
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
async function periksaTujuanLaporan(target: string, files: string[], io: CliIO): Promise<{ path: string; format: FormatLaporan } | false> {
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

/**
 * `--tandai KELUAR.xlsx` names the copy of a single input. With several inputs each copy gets
 * the input's name appended (KELUAR-tabel23.xlsx); a value without .xlsx is taken as a folder.
 */
export function annotatedPath(tandai: string, input: string, inputCount: number): string {
  const stem = path.basename(input).replace(/\.(xlsx|csv|tsv)$/i, '');
  if (!/\.xlsx$/i.test(tandai)) return path.join(tandai, `${stem}-bertanda.xlsx`);
  if (inputCount === 1) return tandai;
  return tandai.replace(/\.xlsx$/i, `-${stem}.xlsx`);
}
