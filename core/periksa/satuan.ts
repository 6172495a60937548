import { normalizeSatuan } from '../angka/satuan';
import { cellAt } from '../lembar/model';
import { TableColumn } from '../tabel/model';
import { CheckContext, TableCheck } from './konteks';
import { Finding } from './temuan';

/**
 * Rule 'satuan' (warning): within one row, the units written in the target and realisasi
 * cells must agree with each other and with the satuan the row declares (a Satuan column,
 * or the indicator text after "||" as T-C.29 prints it: "Jumlah … || Dokumen"). Bare numbers
 * carry no unit and are never flagged; a declared "%" against "92,5" is fine.
 */

export interface DeclaredSatuan {
  /** Canonical (normalizeSatuan). */
  unit: string;
  /** As typed. */
  raw: string;
  col: number;
  source: 'kolom' | 'indikator';
}

/** Units that are the same thing under two spellings normalizeSatuan keeps apart. */
const SAME_UNIT: Record<string, string> = { keluarga: 'kk' };

export function sameUnit(a: string, b: string): boolean {
  return (SAME_UNIT[a] ?? a) === (SAME_UNIT[b] ?? b);
}

/**
 * Units whose values do not add up across years or levels: a percent, an index, a score,
 * and areas covered again every year (18 kecamatan in 2019 and 18 in 2020 are not 36).
 */
const NON_ADDITIVE = new Set([
  'persen',
  'indeks',
  'skor',
  'nilai',
  'poin',
  'rasio',
  'predikat',
  'opini',
  'peringkat',
  'level',
  'tingkat',
  'kategori',
  'kec',
  'kecamatan',
  'desa',
  'kelurahan',
  'desa/kelurahan',
  'kabupaten',
  'kab/kota',
  'wilayah',
  'opd',
  'skpd',
]);

export function isAdditiveUnit(unit: string | null | undefined): boolean {
  return !(unit !== null && unit !== undefined && NON_ADDITIVE.has(unit));
}

const DECLARED_AFTER_BARS = /\|\|\s*([^|]{1,25})$/;
const DECLARED_PERCENT_AT_END = /(?:\(\s*%\s*\)|%)\s*$/;

/** The satuan a row declares: its Satuan cell, else the indicator text after "||" or a final "%". */
export function declaredSatuan(ctx: CheckContext, row: number): DeclaredSatuan | null {
  for (const c of ctx.table.columns) {
    if (c.role !== 'satuan') continue;
    const raw = String(cellAt(ctx.sheet, row, c.col) ?? '').trim();
    if (raw === '' || raw === '-') continue;
    const unit = normalizeSatuan(raw);
    if (unit !== '') return { unit, raw, col: c.col, source: 'kolom' };
  }
  for (const c of ctx.table.columns) {
    if (c.role !== 'indikator') continue;
    const text = String(cellAt(ctx.sheet, row, c.col) ?? '').trim();
    const m = DECLARED_AFTER_BARS.exec(text);
    if (m) {
      const raw = m[1].trim();
      const unit = normalizeSatuan(raw);
      if (unit !== '') return { unit, raw, col: c.col, source: 'indikator' };
    } else if (DECLARED_PERCENT_AT_END.test(text)) {
      return { unit: 'persen', raw: '%', col: c.col, source: 'indikator' };
    }
  }
  return null;
}

function roleName(c: TableColumn): string {
  return c.role === 'target' ? 'target' : 'realisasi';
}

/**
 * Cells are compared only with cells described by the same indicator column: a review
 * table (T-C.31) has the RKPD draft's indicator and target beside the office's own, and
 * their units may rightly differ.
 */
function indicatorFinder(ctx: CheckContext): (col: number) => number {
  // Sorted once: a header merged across the grid gives thousands of target columns, and a scan
  // of every column for each of them was quadratic.
  const cols = ctx.table.columns
    .filter((c) => c.role === 'indikator')
    .map((c) => c.col)
    .sort((a, b) => a - b);
  return (col) => {
    let lo = 0;
    let hi = cols.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cols[mid] < col) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? -1 : cols[lo - 1];
  };
}

export const check: TableCheck = (ctx) => {
  const valueCols = ctx.table.columns.filter((c) => c.role === 'target' || c.role === 'realisasi').sort((a, b) => a.col - b.col);
  if (valueCols.length === 0) return [];
  const indicatorOf = indicatorFinder(ctx);
  const parts = new Map<number, TableColumn[]>();
  for (const c of valueCols) {
    const k = indicatorOf(c.col);
    const list = parts.get(k);
    if (list) list.push(c);
    else parts.set(k, [c]);
  }
  const out: Finding[] = [];
  for (const r of ctx.table.rows) {
    if (r.kind !== 'data') continue;
    // Most rows carry no unit in their cells: the declared satuan is read only when one does.
    let declared: DeclaredSatuan | null | undefined;
    let declaredPart: number | null = null;
    const declaredFor = (part: number): DeclaredSatuan | null => {
      if (declared === undefined) {
        declared = declaredSatuan(ctx, r.row);
        if (declared !== null) declaredPart = indicatorOf(declared.source === 'indikator' ? declared.col + 1 : declared.col);
      }
      return declared !== null && (declaredPart === part || parts.size === 1) ? declared : null;
    };
    for (const [part, cols] of parts) {
      const f = checkCells(ctx, r.row, cols, declaredFor, part);
      if (f) {
        out.push(f);
        break; // once per row
      }
    }
  }
  return out;
};

function checkCells(
  ctx: CheckContext,
  row: number,
  cols: TableColumn[],
  declaredFor: (part: number) => DeclaredSatuan | null,
  part: number,
): Finding | null {
  const cells: { c: TableColumn; unit: string; text: string }[] = [];
  for (const c of cols) {
    const p = ctx.cell(row, c.col);
    if (p.value !== null && p.unit !== null && p.unit !== '') cells.push({ c, unit: p.unit, text: p.text });
  }
  if (cells.length === 0) return null;
  const declared = declaredFor(part);
  if (declared !== null) {
    const bad = cells.find((x) => !sameUnit(x.unit, declared.unit));
    if (bad !== undefined) {
      const where = declared.source === 'kolom' ? 'di kolom satuan' : 'pada indikator';
      return ctx.finding({
        row,
        col: bad.c.col,
        rule: 'satuan',
        severity: 'warning',
        actual: bad.text,
        expected: null,
        message: `Satuan yang dinyatakan ${where} ("${declared.raw}") tidak sesuai dengan isi sel ${roleName(bad.c)} "${bad.text}".`,
        related: [{ row, col: declared.col }],
      });
    }
  }
  const ref = cells[0];
  const bad = cells.find((x) => !sameUnit(x.unit, ref.unit));
  if (bad === undefined) return null;
  const what = ref.c.role === bad.c.role ? `Satuan ${roleName(ref.c)}` : 'Satuan target dan realisasi';
  return ctx.finding({
    row,
    col: bad.c.col,
    rule: 'satuan',
    severity: 'warning',
    actual: bad.text,
    expected: null,
    message: `${what} dalam satu baris berbeda: "${ref.text}" (${ctx.addr(row, ref.c.col)}) dan "${bad.text}".`,
    related: [{ row, col: ref.c.col }],
  });
}
