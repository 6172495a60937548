import * as path from 'path';
import { Command } from 'commander';
import { pohonKinerja } from '../core/pohon';
import { readWorkbookFile } from './baca';
import { masukanYangDitimpa, pesanMenimpaMasukan, writeAtomically } from './berkas-keluaran';
import { CliIO, EXIT_FOUND, EXIT_OK, EXIT_USAGE } from './io';
import { PANJANG_PESAN, teksTerminal } from './teks-terminal';

interface PohonOptions {
  lembar?: string;
  keluar?: string;
  arah?: string;
}

const ARAH = ['atas-bawah', 'kiri-kanan'] as const;

export function registerPohon(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('pohon')
    .description('Gambar pohon kinerja dari lembar kaskade atau tabel Renja/LKjIP ke berkas .xlsx baru.')
    .argument('<berkas>', 'berkas .xlsx, .csv atau .tsv')
    .option('--lembar <nama>', 'lembar sumber (bawaan: lembar pertama yang berisi lembar kaskade atau tabel yang dikenali)')
    .option('--keluar <keluaran.xlsx>', 'berkas .xlsx yang ditulis (wajib; berkas masukan tidak pernah diubah)')
    .option('--arah <arah>', 'atas-bawah atau kiri-kanan (bawaan: kiri-kanan hanya bila pohon sangat lebar)')
    .action(async (file: string, options: PohonOptions) => {
      setExit(await pohonFile(file, options, io));
    });
}

/**
 * Refuses an output path that is not an .xlsx, or that leads to the input under any name
 * (a symlink, a hard link, another case: cli/berkas-keluaran.ts compares files, not strings).
 */
export async function checkOutput(keluar: string | undefined, input: string | null, io: CliIO): Promise<string | null> {
  if (keluar === undefined || keluar.trim() === '') {
    io.err('Opsi --keluar wajib diisi: nama berkas .xlsx yang akan ditulis.\n');
    return null;
  }
  if (!/\.xlsx$/i.test(keluar)) {
    io.err(`Berkas keluaran harus berakhiran .xlsx: ${keluar}\n`);
    return null;
  }
  const ditimpa = input === null ? null : await masukanYangDitimpa(keluar, [input]);
  if (ditimpa !== null) {
    io.err(`${pesanMenimpaMasukan(keluar, ditimpa)}\n`);
    return null;
  }
  return keluar;
}

export async function pohonFile(file: string, options: PohonOptions, io: CliIO): Promise<number> {
  const keluar = await checkOutput(options.keluar, file, io);
  if (keluar === null) return EXIT_USAGE;
  const arah = ARAH.find((a) => a === options.arah?.trim().toLowerCase());
  if (options.arah !== undefined && arah === undefined) {
    io.err(`Arah tidak dikenal: ${options.arah}. Pilihan: ${ARAH.join(', ')}.\n`);
    return EXIT_USAGE;
  }
  const read = await readWorkbookFile(file);
  if (!read.ok) {
    io.err(`${teksTerminal(file)}: ${teksTerminal(read.message, PANJANG_PESAN)}\n`);
    return EXIT_USAGE;
  }
  for (const w of read.warnings) io.err(`${teksTerminal(file)}: ${teksTerminal(w, PANJANG_PESAN)}\n`);
  if (
    options.lembar !== undefined &&
    !read.workbook.sheets.some((s) => s.name.trim().toLowerCase() === options.lembar!.trim().toLowerCase())
  ) {
    const names = read.workbook.sheets.map((s) => `"${teksTerminal(s.name)}"`).join(', ');
    io.err(
      `Lembar "${teksTerminal(options.lembar)}" tidak ada di ${teksTerminal(file)}. Lembar yang ada: ${teksTerminal(names, PANJANG_PESAN)}.\n`,
    );
    return EXIT_USAGE;
  }
  const result = pohonKinerja(read.workbook, { lembar: options.lembar, arah });
  if (result.nodes === 0) {
    for (const m of result.messages) io.err(`${teksTerminal(file)}: ${teksTerminal(m, PANJANG_PESAN)}\n`);
    return EXIT_FOUND;
  }
  // Checked again just before writing: the input may have been linked there meanwhile.
  const ditimpa = await masukanYangDitimpa(keluar, [file]);
  const written =
    ditimpa !== null
      ? { ok: false as const, message: pesanMenimpaMasukan(keluar, ditimpa) }
      : await writeAtomically(keluar, (await import('./gambar-xlsx')).drawingsXlsx([result.drawing]));
  if (!written.ok) {
    io.err(`${written.message}\n`);
    return EXIT_USAGE;
  }
  io.out(
    `Pohon kinerja ${teksTerminal(path.basename(file))}: ${result.nodes} simpul, ditulis ke ${keluar} (lembar "${result.drawing.sheetName}").\n`,
  );
  if (result.messages.length > 0) {
    io.out('Catatan:\n');
    for (const m of result.messages) io.out(`- ${teksTerminal(m, PANJANG_PESAN)}\n`);
  }
  if (result.findings.length > 0) {
    io.out('Pemeriksaan pagu:\n');
    for (const f of result.findings) io.out(`- ${teksTerminal(f.sheet)}!${f.cell}: ${teksTerminal(f.message, PANJANG_PESAN)}\n`);
  }
  return result.findings.some((f) => f.severity === 'error') ? EXIT_FOUND : EXIT_OK;
}
