import Papa from 'papaparse';
import { Sheet } from './model';

export type Delimiter = '\t' | ';' | ',';

export interface DelimitedRead {
  sheet: Sheet;
  delimiter: Delimiter;
  /** 0-based line of the first quote that never closes (the rest of the file became one cell). */
  unclosedQuoteRow: number | null;
}

/**
 * CSV/TSV text to a sheet. Every cell stays text (`typed: false`): a CSV has no types, so the
 * core reads numbers from the text exactly as a person typed them. Cell A1 is the first field
 * of the first line (after Excel's `sep=` line, when there is one).
 */
export function parseDelimited(text: string, name: string, delimiter?: Delimiter): Sheet {
  return readDelimited(text, name, delimiter).sheet;
}

/** As parseDelimited, also saying which delimiter was used and where quoting went wrong. */
export function readDelimited(text: string, name: string, delimiter?: Delimiter): DelimitedRead {
  let body = text.replace(/^\uFEFF/, '');
  // Excel writes and honours a first line `sep=;` naming the delimiter, and does not show it.
  const sep = /^sep=([\t;,])\r?(\n|$)/i.exec(body);
  if (sep) body = body.slice(sep[0].length);
  const used = delimiter ?? (sep ? (sep[1] as Delimiter) : detectDelimiter(body));
  const result = Papa.parse<string[]>(body, { delimiter: used, skipEmptyLines: false });
  const rows = result.data.map((r) => r.map((c) => (c === '' ? null : c)));
  // Papa yields one empty row for a trailing newline.
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c === null)) rows.pop();
  const missing = result.errors.find((e) => e.code === 'MissingQuotes');
  return {
    sheet: { name, values: rows, typed: false },
    delimiter: used,
    unclosedQuoteRow: missing?.row ?? null,
  };
}

/** Enough lines to judge the delimiter; splitting a whole large file just to look at its head is waste. */
const HEAD_CHARS = 64 * 1024;

/**
 * The delimiter that splits the first lines most consistently. id-ID CSV exports use `;`
 * because `,` is the decimal mark, so a comma only wins when nothing else splits the lines.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .slice(0, HEAD_CHARS)
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of ['\t', ';', ','] as Delimiter[]) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const fields = counts.filter((c) => c > 0);
    if (fields.length === 0) continue;
    const mode = mostCommon(counts);
    const consistent = counts.filter((c) => c === mode).length / counts.length;
    const score = (mode > 0 ? consistent : 0) * 10 + (d === ',' ? 0 : 1);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

function mostCommon(xs: number[]): number {
  const freq = new Map<number, number>();
  for (const x of xs) freq.set(x, (freq.get(x) ?? 0) + 1);
  let best = 0;
  let bestN = -1;
  for (const [x, n] of freq) if (n > bestN || (n === bestN && x > best)) [best, bestN] = [x, n];
  return best;
}
