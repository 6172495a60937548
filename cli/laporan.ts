import { PeriksaResult } from '../core/periksa';
import { countFindings, groupFindings } from '../core/periksa/kelompok';
import { LAYOUT_LABEL, SEVERITY_LABEL } from '../core/periksa/label';
import { PANJANG_PESAN, teksTerminal } from './teks-terminal';

const MARK = { error: '✗', warning: '!', info: 'i' } as const;

/**
 * The readable Indonesian report of one file: grouped by table, then by rule. Every text from
 * the workbook or its name goes through `teksTerminal`: shown, never obeyed by the terminal.
 */
export function renderReport(file: string, result: PeriksaResult, elapsedMs: number): string {
  const lines: string[] = [`Berkas: ${teksTerminal(file)}`];
  if (result.tables.length === 0) {
    lines.push('  Tidak ditemukan tabel Renja/LKjIP yang dapat diperiksa (tidak ada baris judul kolom yang dikenali).');
  }
  if (result.skala) lines.push(`  Skala predikat dari buku kerja: ${teksTerminal(result.skala.title)}.`);
  for (const group of groupFindings(result)) {
    const t = group.table;
    lines.push(
      t
        ? `  Tabel di lembar "${teksTerminal(t.sheet)}" ${t.range}: ${LAYOUT_LABEL[t.layout]}, ${t.rows} baris data`
        : '  Antartabel',
    );
    if (group.rules.length === 0) lines.push('    Tidak ada temuan.');
    for (const r of group.rules) {
      lines.push(`    ${r.label}:`);
      for (const f of r.findings) {
        const where = t && f.sheet === t.sheet ? f.cell : `${teksTerminal(f.sheet)}!${f.cell}`;
        lines.push(`      ${MARK[f.severity]} ${where.padEnd(6)} ${SEVERITY_LABEL[f.severity]}: ${teksTerminal(f.message, PANJANG_PESAN)}`);
      }
    }
  }
  const c = countFindings(result.findings);
  lines.push(
    `  Ringkasan: ${result.tables.length} tabel, ${c.error} galat, ${c.warning} peringatan, ${c.info} info (${elapsedMs} ms).`,
  );
  return lines.join('\n') + '\n\n';
}
