import type { Workbook } from '../../core/lembar/model';
import type { CheckOptions, PeriksaProgress, PeriksaResult } from '../../core/periksa';
import { PeriksaDibatalkan } from '../../ui/jembatan';

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

/** `batal` ends the check at once (the worker is terminated) and rejects with PeriksaDibatalkan. */
export type PeriksaFn = (
  workbook: Workbook,
  options: CheckOptions,
  onProgress?: (p: PeriksaProgress) => void,
  batal?: AbortSignal,
) => Promise<HasilPekerja>;

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
  return (workbook, options, onProgress, batal) =>
    new Promise((resolve, reject) => {
      if (batal?.aborted) {
        reject(new PeriksaDibatalkan());
        return;
      }
      const worker = new Worker(url);
      // A worker deep in a check reads no messages: only terminate() stops it.
      const stop = () => {
        worker.terminate();
        reject(new PeriksaDibatalkan());
      };
      batal?.addEventListener('abort', stop, { once: true });
      const done = () => {
        batal?.removeEventListener('abort', stop);
        worker.terminate();
      };
      worker.onmessage = (e) => {
        const m = e.data;
        if ('kemajuan' in m) {
          onProgress?.(m.kemajuan);
          return;
        }
        done();
        if ('hasil' in m) resolve(m.hasil);
        else reject(new Error(`Pemeriksaan gagal: ${m.galat}`));
      };
      worker.onerror = (e) => {
        done();
        reject(new Error(`Pemeriksaan gagal: ${e.message}`));
      };
      worker.postMessage({ workbook, options });
    });
}
