import { periksaWorkbook } from '../../core/periksa';
import type { CheckOptions } from '../../core/periksa';
import type { Workbook } from '../../core/lembar/model';
import type { HasilPekerja, PesanPekerja } from './pekerja';

/**
 * The check in a Web Worker (dist/addin/pekerja.js): Periksa Tabel of a large sheet takes
 * seconds of pure computation, which on the pane's thread would block the pane and the SAKIP
 * custom functions of the same shared runtime. Here it blocks nothing; the pane gets progress
 * per sheet and the plain-data result.
 */
const scope = globalThis as unknown as {
  onmessage: ((e: { data: { workbook: Workbook; options: CheckOptions } }) => void) | null;
  postMessage(m: PesanPekerja): void;
};

scope.onmessage = (e) => {
  try {
    const r = periksaWorkbook(e.data.workbook, e.data.options, (p) => scope.postMessage({ kemajuan: p }));
    const hasil: HasilPekerja = { tables: r.tables, findings: r.findings, skala: r.skala ? { title: r.skala.title } : null };
    scope.postMessage({ hasil });
  } catch (err) {
    scope.postMessage({ galat: err instanceof Error ? err.message : String(err) });
  }
};
