import { periksaWorkbook, PeriksaProgress, PeriksaResult } from '../core/periksa';
import { readWorkbookFile } from './baca';

/**
 * One file of a `periksa` batch, read and checked: what the main thread needs to print, mark
 * and report it, and nothing more (it crosses from a worker thread by structured clone).
 */
export type HasilBerkas =
  | { file: string; ok: true; warnings: string[]; sheets: string[]; cells: number; result: PeriksaResult; ms: number }
  | { file: string; ok: false; message: string };

export const GAGAL_PERIKSA =
  'Pemeriksaan berkas ini terhenti karena kesalahan di dalam program; berkas lain tetap diperiksa. Laporkan berkas ini kepada pengembang.';

export async function periksaSatuBerkas(
  file: string,
  skala: string | undefined,
  onProgress?: (p: PeriksaProgress, cells: number) => void,
): Promise<HasilBerkas> {
  const read = await readWorkbookFile(file);
  if (!read.ok) return { file, ok: false, message: read.message };
  const cells = read.workbook.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.length, 0), 0);
  const started = Date.now();
  try {
    const result = periksaWorkbook(read.workbook, { skala }, onProgress && ((p) => onProgress(p, cells)));
    return {
      file,
      ok: true,
      warnings: read.warnings,
      sheets: read.workbook.sheets.map((s) => s.name),
      cells,
      result,
      ms: Date.now() - started,
    };
  } catch {
    // A crash on one file must not lose the batch: the file gets a row saying so.
    return { file, ok: false, message: GAGAL_PERIKSA };
  }
}
