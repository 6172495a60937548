import { Coverage, PeriksaResult } from '../core/periksa';
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
  for (const sheet of result.sheetsWithoutTable ?? []) {
    lines.push(
      `  Lembar "${teksTerminal(sheet)}" berisi angka, tetapi tidak ditemukan tabel dengan baris judul kolom; isinya tidak diperiksa.`,
    );
  }
  if (result.skala) lines.push(`  Skala predikat dari buku kerja: ${teksTerminal(result.skala.title)}.`);
  for (const group of groupFindings(result)) {
    const t = group.table;
    lines.push(
      t ? `  Tabel di lembar "${teksTerminal(t.sheet)}" ${t.range}: ${LAYOUT_LABEL[t.layout]}, ${t.rows} baris data` : '  Antartabel',
    );
    if (t?.coverage) lines.push(...coverageLines(t.coverage));
    if (group.rules.length === 0) {
      // "No findings" only where a value was compared with something; else say what was not done.
      lines.push(
        t?.coverage === undefined || t.coverage.valuesChecked
          ? '    Tidak ada temuan.'
          : '    Tidak ada temuan penulisan angka; nilai tabel ini tidak dapat diperiksa.',
      );
    }
    for (const r of group.rules) {
      lines.push(`    ${r.label}:`);
      for (const f of r.findings) {
        const where = t && f.sheet === t.sheet ? f.cell : `${teksTerminal(f.sheet)}!${f.cell}`;
        lines.push(
          `      ${MARK[f.severity]} ${where.padEnd(6)} ${SEVERITY_LABEL[f.severity]}: ${teksTerminal(f.message, PANJANG_PESAN)}`,
        );
      }
    }
  }
  const c = countFindings(result.findings);
  lines.push(
    `  Ringkasan: ${result.tables.length} tabel, ${c.error} galat, ${c.warning} peringatan, ${c.info} info (${elapsedMs} ms).`,
  );
  return lines.join('\n') + '\n\n';
}

/** What was checked and what was not, in a few lines under the table's heading. */
function coverageLines(c: Coverage): string[] {
  const lines: string[] = [];
  if (c.understood) lines.push(`    ${c.understood}`);
  const checked = c.checks.filter((x) => x.rule !== 'format-angka' && x.rule !== 'hierarki');
  if (checked.length > 0) lines.push('    Diperiksa:');
  for (const x of checked) lines.push(`      - ${x.what}`);
  if (c.unchecked.length > 0) lines.push('    Tidak diperiksa:');
  for (const u of c.unchecked) lines.push(`      - kolom ${u.columns.join(', ')}: ${u.why}`);
  return lines;
}
