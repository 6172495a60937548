import type { Workbook } from '../../core/lembar/model';
import type { CheckOptions, PeriksaProgress, PeriksaResult } from '../../core/periksa';

/**
 * Periksa Tabel's computation off the pane's thread (periksa-pekerja.ts). What crosses is plain
 * data: the workbook read from Excel in, the tables and findings out (the scale only by title,
 * all the pane shows of it).
 */

export interface HasilPekerja {
  tables: PeriksaResult['tables'];
  findings: PeriksaResult['findings'];
  skala: { title: string } | null;
}

export type PesanPekerja = { kemajuan: PeriksaProgress } | { hasil: HasilPekerja } | { galat: string };

export type PeriksaFn = (workbook: Workbook, options: CheckOptions, onProgress?: (p: PeriksaProgress) => void) => Promise<HasilPekerja>;

/** The part of the DOM's Worker used here (the core's node build has no DOM types). */
interface PekerjaWeb {
  onmessage: ((e: { data: PesanPekerja }) => void) | null;
  onerror: ((e: { message: string }) => void) | null;
  postMessage(m: unknown): void;
  terminate(): void;
}

/** The browser's Worker, by its global name (so that the egress scan of the bundle sees it). */
declare const Worker: new (url: string) => PekerjaWeb;

/** A check in a fresh worker from `url` (same origin: the pane's CSP allows only its own scripts). */
export function periksaDiPekerja(url: string): PeriksaFn {
  return (workbook, options, onProgress) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(url);
      worker.onmessage = (e) => {
        const m = e.data;
        if ('kemajuan' in m) {
          onProgress?.(m.kemajuan);
          return;
        }
        worker.terminate();
        if ('hasil' in m) resolve(m.hasil);
        else reject(new Error(`Pemeriksaan gagal: ${m.galat}`));
      };
      worker.onerror = (e) => {
        worker.terminate();
        reject(new Error(`Pemeriksaan gagal: ${e.message}`));
      };
      worker.postMessage({ workbook, options });
    });
}
