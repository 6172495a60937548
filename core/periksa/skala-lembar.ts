import { parseCell } from '../angka/parse';
import { parseSkalaRange, Skala } from '../fungsi/skala';
import { cellAt, Sheet } from '../lembar/model';
import { Table } from '../tabel/model';

/**
 * A scale table typed in the workbook ("≥ 100 | Sangat Berhasil", "75 - < 100 | Berhasil",
 * "91-100 | Sangat Tinggi", "≤ 50 | Sangat Rendah") turned into a Skala, so that the predikat
 * check judges labels by the office's own scale. Returns null when the rows do not make a
 * well-formed scale (the table is then just not used as a scale).
 */
export function skalaFromTable(sheet: Sheet, table: Table): Skala | null {
  const rows: unknown[][] = [];
  for (const r of table.rows) {
    if (r.kind !== 'data') continue;
    const cells = table.columns.map((c) => cellAt(sheet, r.row, c.col));
    const label = cells.find((c) => typeof c === 'string' && /[A-Za-z]{2,}/.test(c) && !/\d/.test(c));
    const rangeCell = cells.find((c) => c !== label && c !== null && c !== '' && /\d/.test(String(c)));
    if (label === undefined || rangeCell === undefined) continue;
    const bounds = parseBounds(String(rangeCell));
    if (bounds === null) return null;
    rows.push([bounds.lo, bounds.hi, label]);
  }
  if (rows.length < 2) return null;
  const result = parseSkalaRange(rows);
  return result.ok ? { ...result.skala, title: `skala pada lembar ${sheet.name}` } : null;
}

/** "91 - 100", "≥ 100", "> 90", "75 - < 100", "≤ 50", "< 55", "0 – 50" → lower/upper (null = open). */
export function parseBounds(text: string): { lo: string | null; hi: string | null } | null {
  const t = text.replace(/%/g, '').replace(/\s+/g, ' ').trim();
  const num = (s: string): string | null => {
    const p = parseCell(s.trim());
    return p.value === null ? null : p.value.toString();
  };
  let m = /^(>=|≥|>|=>)\s*(.+)$/.exec(t);
  if (m) return num(m[2]) === null ? null : { lo: num(m[2]), hi: null };
  m = /^(<=|≤|<|=<)\s*(.+)$/.exec(t);
  if (m) return num(m[2]) === null ? null : { lo: null, hi: num(m[2]) };
  m = /^(.+?)\s*(?:-|–|—|s\/d|sampai)\s*(?:<|≤|<=)?\s*(.+)$/i.exec(t);
  if (m) {
    const lo = num(m[1]);
    const hi = num(m[2]);
    return lo === null || hi === null ? null : { lo, hi };
  }
  return null;
}
