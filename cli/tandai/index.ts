import { promises as fs } from 'fs';
import * as path from 'path';
import { samePath, writeAtomically } from '../berkas-keluaran';
import { Finding } from '../../core/periksa/temuan';
import { markDelimited } from './salin-teks';
import { TandaiError } from './galat';
import { markXlsx } from './salin-xlsx';

export { SEVERITY_FILL, neutralise } from '../../core/tanda';

export type AnnotateResult = { ok: true; marked: number; sheetName: string } | { ok: false; message: string };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Write an annotated copy of the checked file to `outputPath`: each finding's cell filled by
 * severity (error FFC7CE, warning FFEB9C, info DDEBF7; the worst wins on a cell) with a note
 * holding every message for it, and a "Temuan" sheet listing all findings. The input file is
 * only read. An .xlsx keeps every other part of its package as it was; a CSV/TSV becomes a new
 * workbook. Never throws: a failure is `ok: false` with one Indonesian sentence.
 */
export async function writeAnnotatedCopy(input: { path: string }, findings: Finding[], outputPath: string): Promise<AnnotateResult> {
  try {
    if (await samePath(input.path, outputPath)) {
      return {
        ok: false,
        message: 'Berkas keluaran sama dengan berkas yang diperiksa; pilih nama lain agar berkas asli tidak ditimpa.',
      };
    }
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(input.path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { ok: false, message: `Berkas ${input.path} tidak ditemukan.` };
      if (code === 'EISDIR') return { ok: false, message: `${input.path} adalah folder, bukan berkas.` };
      return { ok: false, message: `Berkas ${input.path} tidak dapat dibaca.` };
    }
    const ext = path.extname(input.path).toLowerCase();
    if (ext === '.xltx' || ext === '.xltm') {
      // The copy would keep the template's content type, which Excel opens only as .xltx/.xltm:
      // a template is a form to fill, and the user's workbook made from it is what to mark.
      return {
        ok: false,
        message:
          'Salinan bertanda tidak dibuat untuk templat (.xltx/.xltm). Simpan templat sebagai buku kerja .xlsx, lalu periksa berkas itu.',
      };
    }
    let result: { bytes: Buffer; marked: number; sheetName: string };
    if (startsWith(bytes, ZIP_MAGIC)) {
      result = await markXlsx(bytes, findings, { macroOutput: /\.xlsm$/i.test(outputPath) });
    } else if (startsWith(bytes, CFB_MAGIC)) {
      return {
        ok: false,
        message: 'Berkas terlindungi kata sandi atau berformat .xls lama; simpan ulang di Excel sebagai .xlsx tanpa kata sandi.',
      };
    } else if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
      result = await markDelimited(bytes, input.path, findings);
    } else {
      return { ok: false, message: 'Berkas bukan .xlsx yang sah atau rusak.' };
    }
    const written = await writeAtomically(outputPath, result.bytes);
    if (!written.ok) return written;
    return { ok: true, marked: result.marked, sheetName: result.sheetName };
  } catch (e) {
    if (e instanceof TandaiError) return { ok: false, message: e.message };
    return { ok: false, message: 'Salinan bertanda tidak dapat dibuat: isi buku kerja tidak dikenali.' };
  }
}
