import { CellValue } from '../../core/lembar/model';
import { periksaWorkbook, PeriksaResult } from '../../core/periksa';
import { renderReport } from '../../cli/laporan';
import { Metric } from './ukur';

/**
 * Issue 15, item 4: about 125,000 findings crashed `periksa` ("Maximum call stack size
 * exceeded", a spread push in the runner). A realisasi-anggaran table of 150,000 kegiatan whose
 * every anggaran is typed `1O0.000` (letter O) gives one finding per row; the metrics say how
 * many findings came back and how long the check and the terminal report took (timings measured
 * on a shared machine are noisy).
 */

const ROWS = 150_000;

let run: { findings: number; ms: number; reportMs: number; reportMb: number } | undefined;

function measure(): NonNullable<typeof run> {
  if (run) return run;
  const values: CellValue[][] = [['No.', 'Program/Kegiatan', 'Bidang Pengampu', 'Anggaran (Rp)', 'Realisasi (Rp)', '% Capaian']];
  for (let i = 0; i < ROWS; i++) values.push([`${i + 1}.`, `Kegiatan ${i + 1}`, 'Sekretariat', '1O0.000', '90.000', '90,00']);
  const t0 = performance.now();
  const result: PeriksaResult = periksaWorkbook({ name: 'bench', sheets: [{ name: 'Realisasi', values, typed: false }] });
  const t1 = performance.now();
  const text = renderReport('bench.xlsx', result, 0);
  const t2 = performance.now();
  run = { findings: result.findings.length, ms: t1 - t0, reportMs: t2 - t1, reportMb: Buffer.byteLength(text) / 1e6 };
  return run;
}

export const metrics: Metric[] = [
  { name: 'periksa-150k-temuan-count', unit: 'count', measure: () => measure().findings },
  { name: 'periksa-150k-temuan-ms', unit: 'ms', measure: () => measure().ms },
  { name: 'laporan-150k-temuan-ms', unit: 'ms', measure: () => measure().reportMs },
  { name: 'laporan-150k-temuan-mb', unit: 'MB', measure: () => measure().reportMb },
];
