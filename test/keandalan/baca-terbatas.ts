import { readWorkbookFile } from '../../cli/baca';
import { periksaWorkbook } from '../../core/periksa';

/**
 * Child process of `xlsx-jahat.test.ts`: read and check one file, print what happened and the
 * process's peak memory as one JSON line. The parent sets the time and memory limits.
 */
async function main(file: string): Promise<void> {
  const started = Date.now();
  const read = await readWorkbookFile(file);
  const out: Record<string, unknown> = { ok: read.ok };
  if (!read.ok) out.message = read.message;
  else {
    out.rows = read.workbook.sheets.reduce((n, s) => n + s.values.length, 0);
    out.findings = periksaWorkbook(read.workbook).findings.length;
  }
  out.ms = Date.now() - started;
  out.rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify(out) + '\n');
}

void main(process.argv[2]);
