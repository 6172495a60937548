import { promises as fs } from 'fs';
import * as path from 'path';
import { ReadResult } from './hasil';
import { ubahKeXlsx } from '../lewat-libreoffice';

export type { ReadResult } from './hasil';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: an .xls, or an .xlsx encrypted with a password. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Spreadsheet formats not read here, with how to save them as .xlsx in the program that made them. */
const SARAN_SIMPAN_ULANG: Record<string, string> = {
  '.xls':
    'Berkas .xls (Excel 97-2003) belum dapat dibaca. Buka di Excel lalu pilih File › Save As › "Excel Workbook (*.xlsx)", atau di LibreOffice Berkas › Simpan Sebagai › "Excel 2007-365 (.xlsx)", lalu periksa berkas .xlsx itu.',
  '.ods':
    'Berkas .ods (LibreOffice/OpenOffice Calc) belum dapat dibaca. Buka di LibreOffice lalu pilih Berkas › Simpan Sebagai › "Excel 2007-365 (.xlsx)" (atau di Excel: File › Save As › "Excel Workbook (*.xlsx)"), lalu periksa berkas .xlsx itu.',
  '.xlsb':
    'Berkas .xlsb (buku kerja biner Excel) belum dapat dibaca. Buka di Excel lalu pilih File › Save As › "Excel Workbook (*.xlsx)", lalu periksa berkas .xlsx itu.',
  '.numbers':
    'Berkas .numbers (Apple Numbers) belum dapat dibaca. Di Numbers pilih File › Export To › Excel, lalu periksa berkas .xlsx itu.',
};

/**
 * Read an .xlsx, .csv or .tsv file into the sheet model. Never throws: a file that cannot be
 * read gives `ok: false` with one Indonesian sentence saying why.
 */
export async function readWorkbookFile(filePath: string): Promise<ReadResult> {
  const fileName = path.basename(filePath);
  const ext = path.extname(fileName).toLowerCase();
  try {
    const stat = await fs.stat(filePath);
    if (stat.isDirectory()) return { ok: false, message: `${filePath} adalah folder, bukan berkas.` };
  } catch (e) {
    return { ok: false, message: fileError(filePath, e) };
  }
  const saran = SARAN_SIMPAN_ULANG[ext];
  if (saran !== undefined)
    return ext === '.xls' || ext === '.ods' ? readThroughLibreOffice(filePath, fileName, ext, saran) : { ok: false, message: saran };
  if (!['.xlsx', '.xlsm', '.xltx', '.xltm', '.csv', '.tsv', '.txt'].includes(ext)) {
    const shown = ext === '' ? 'tanpa ekstensi' : ext;
    return { ok: false, message: `Jenis berkas tidak dikenal: ${shown} (gunakan .xlsx, .csv atau .tsv).` };
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(filePath);
  } catch (e) {
    return { ok: false, message: fileError(filePath, e) };
  }
  if (bytes.length === 0) return { ok: false, message: 'Berkas kosong.' };

  try {
    // A template (.xltx, .xltm) is the same package as a workbook, with another content type.
    if (ext === '.xlsx' || ext === '.xlsm' || ext === '.xltx' || ext === '.xltm') {
      if (startsWith(bytes, CFB_MAGIC)) {
        return {
          ok: false,
          message: 'Berkas terlindungi kata sandi atau berformat .xls lama; simpan ulang di Excel sebagai .xlsx tanpa kata sandi.',
        };
      }
      if (!startsWith(bytes, ZIP_MAGIC)) return { ok: false, message: 'Berkas bukan .xlsx yang sah atau rusak.' };
      return await (await readers()).readXlsxBuffer(bytes, fileName);
    }
    if (startsWith(bytes, ZIP_MAGIC)) {
      // An .xlsx renamed to .csv: read what it really is, and say so.
      const read = await (await readers()).readXlsxBuffer(bytes, fileName);
      if (read.ok) read.warnings.unshift(`Berkas bernama ${ext} tetapi berisi buku kerja .xlsx; dibaca sebagai .xlsx.`);
      return read;
    }
    // .txt is what Excel's "Unicode Text" save writes: UTF-16 with tabs, read as a .tsv.
    return (await readers()).readDelimitedBytes(
      bytes,
      fileName,
      path.basename(fileName, path.extname(fileName)),
      ext === '.csv' ? '.csv' : '.tsv',
    );
  } catch {
    // The readers handle what they know; this keeps a surprise in a library from crashing the CLI.
    return { ok: false, message: 'Berkas tidak dapat dibaca: isinya rusak atau tidak dikenal.' };
  }
}

/**
 * The readers and their libraries (fflate, saxes, papaparse) are loaded on the first file, so
 * that `hitung` and `--help` start without them.
 */
async function readers(): Promise<typeof import('./xlsx') & typeof import('./teks')> {
  const [xlsx, teks] = await Promise.all([import('./xlsx'), import('./teks')]);
  return { ...xlsx, ...teks };
}

/** An .xls or .ods converted by the planner's LibreOffice (cli/lewat-libreoffice.ts), else how to convert it. */
async function readThroughLibreOffice(filePath: string, fileName: string, ext: string, saran: string): Promise<ReadResult> {
  // Only what looks like the format goes to LibreOffice, which would read anything as text.
  const head = Buffer.alloc(8);
  await fs
    .open(filePath, 'r')
    .then(async (h) => {
      await h.read(head, 0, 8, 0).finally(() => h.close());
    })
    .catch(() => undefined);
  if (!startsWith(head, ext === '.xls' ? CFB_MAGIC : ZIP_MAGIC)) return { ok: false, message: saran };
  const converted = await ubahKeXlsx(filePath);
  if (!converted.ok) {
    if (converted.sebab === 'tidak-ada') return { ok: false, message: saran };
    return {
      ok: false,
      message: `LibreOffice tidak dapat mengubah berkas ${ext} ini ke .xlsx (rusak atau terlindungi kata sandi?). ${saran}`,
    };
  }
  const read = await (await readers()).readXlsxBuffer(converted.bytes, fileName).catch(() => null);
  if (read === null) return { ok: false, message: saran };
  if (read.ok) read.warnings.unshift(`Berkas ${ext} diubah ke .xlsx dengan LibreOffice untuk diperiksa; berkas aslinya tidak diubah.`);
  return read;
}

function fileError(filePath: string, e: unknown): string {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  if (code === 'ENOENT') return `Berkas tidak ditemukan: ${filePath}.`;
  if (code === 'EISDIR') return `${filePath} adalah folder, bukan berkas.`;
  if (code === 'EACCES' || code === 'EPERM') return `Tidak ada izin membaca berkas: ${filePath}.`;
  return `Berkas tidak dapat dibaca: ${filePath}.`;
}
