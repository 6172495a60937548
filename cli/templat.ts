import { Command } from 'commander';
import { templatPohon } from '../core/pohon';
import { writeAtomically } from './berkas-keluaran';
import { CliIO, EXIT_OK, EXIT_USAGE } from './io';
import { checkOutput } from './pohon';

const JENIS = ['pohon'];

export function registerTemplat(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('templat')
    .description('Buat berkas templat kosong dengan judul kolom dan contoh pengisian (jenis: pohon).')
    .argument('<jenis>', `jenis templat: ${JENIS.join(', ')}`)
    .option('--keluar <keluaran.xlsx>', 'berkas .xlsx yang ditulis (wajib)')
    .action(async (jenis: string, options: { keluar?: string }) => {
      setExit(await templatFile(jenis, options, io));
    });
}

export async function templatFile(jenis: string, options: { keluar?: string }, io: CliIO): Promise<number> {
  if (jenis.trim().toLowerCase() !== 'pohon') {
    io.err(`Jenis templat tidak dikenal: ${jenis}. Pilihan: ${JENIS.join(', ')}.\n`);
    return EXIT_USAGE;
  }
  const keluar = await checkOutput(options.keluar, null, io);
  if (keluar === null) return EXIT_USAGE;
  const written = await writeAtomically(keluar, (await import('./gambar-xlsx')).drawingsXlsx([templatPohon()]));
  if (!written.ok) {
    io.err(`${written.message}\n`);
    return EXIT_USAGE;
  }
  io.out(
    `Templat lembar kaskade ditulis ke ${keluar}. Isi satu baris untuk setiap indikator, lalu jalankan "lembar-kinerja pohon ${keluar} --keluar POHON.xlsx".\n`,
  );
  return EXIT_OK;
}
