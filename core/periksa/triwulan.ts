import { Dec, HUNDRED } from '../angka/desimal';
import { formatNumber } from '../angka/format';
import { TableColumn } from '../tabel/model';
import { columnNoun, roman } from './jumlah-kata';
import { CheckContext, TableCheck } from './konteks';
import { Finding } from './temuan';

/**
 * triwulan: the plan per quarter of a Renja "target dan penyerapan per triwulan" table.
 *   - the K shares of TW I–IV add up to 100 (unless all are 0); within the display rounding
 *     of the shares shown it is a warning, beyond it an error;
 *   - the Rp of TW I–IV add up to the row's pagu/anggaran exactly (error);
 *   - each K_i is near Rp_i / pagu × 100: more than BATAS_JAUH points apart is a warning.
 * A table that writes the quarters cumulatively (25, 50, 75, 100) is recognised from its own
 * rows and checked as such: K of TW IV is 100, Rp of TW IV is the pagu, nothing decreases.
 * Realisasi per triwulan (E.81 and any "Realisasi" series) is not a plan and is left to
 * rumus-kolom.
 */

/** Percentage points between K_i and the quarter's share of the pagu that count as "jauh". */
export const BATAS_JAUH = 10;

interface Series {
  k: (TableColumn | undefined)[]; // index 1..4
  rp: (TableColumn | undefined)[];
  first: number;
}

export const check: TableCheck = (ctx) => {
  if (ctx.table.layout === 'renja-e81') return [];
  const findings: Finding[] = [];
  for (const s of seriesOf(ctx.table.columns)) {
    if (isRealisasi(s)) continue;
    const ref = referenceColumn(ctx.table.columns, s);
    const mode = modeOf(ctx, s, ref);
    for (const r of ctx.table.rows) {
      if (r.kind !== 'data' && r.kind !== 'total') continue;
      checkRow(ctx, r.row, s, ref, mode, findings);
    }
  }
  return findings;
};

/** TW I–IV columns in order; a quarter seen again starts the next series. */
function seriesOf(columns: readonly TableColumn[]): Series[] {
  const out: Series[] = [];
  let cur: Series | null = null;
  const sorted = [...columns].sort((a, b) => a.col - b.col);
  for (const c of sorted) {
    if ((c.role !== 'tw-k' && c.role !== 'tw-rp') || c.quarter === undefined) continue;
    const slot = c.role === 'tw-k' ? 'k' : 'rp';
    if (cur === null || cur[slot][c.quarter] !== undefined) {
      cur = { k: [], rp: [], first: c.col };
      out.push(cur);
    }
    cur[slot][c.quarter] = c;
  }
  return out;
}

function isRealisasi(s: Series): boolean {
  return [...s.k, ...s.rp].some((c) => c !== undefined && /realisasi/i.test(`${c.group ?? ''} ${c.header}`));
}

/** The pagu the quarters divide: the nearest pagu/anggaran column left of the series. */
function referenceColumn(columns: readonly TableColumn[], s: Series): TableColumn | null {
  const candidates = columns.filter((c) => c.role === 'pagu' || c.role === 'anggaran');
  const left = candidates.filter((c) => c.col < s.first).sort((a, b) => b.col - a.col);
  return left[0] ?? candidates[0] ?? null;
}

interface Num {
  value: Dec;
  /** Half a unit of the last digit shown: the display rounding band. */
  half: Dec;
}

type Read = Num | 'absent' | 'invalid';

function readK(ctx: CheckContext, row: number, col: TableColumn | undefined): Read {
  if (col === undefined) return 'absent';
  const p = ctx.cell(row, col.col);
  if (p.kind === 'empty') return 'absent';
  if (p.value === null || (p.kind !== 'number' && p.kind !== 'percent')) return 'invalid';
  const decimals = p.decimals ?? Math.max(0, p.value.decimalPlaces());
  return { value: p.value, half: new Dec(10).pow(-decimals).div(2) };
}

function readRp(ctx: CheckContext, row: number, col: TableColumn | undefined | null): Read {
  if (col === undefined || col === null) return 'absent';
  const p = ctx.cell(row, col.col);
  if (p.kind === 'empty') return 'absent';
  if (p.value === null || (p.kind !== 'number' && p.kind !== 'money')) return 'invalid';
  return { value: p.value, half: new Dec(0) };
}

const QUARTERS = [1, 2, 3, 4];

function allNums(xs: Read[]): xs is Num[] {
  return xs.every((x) => typeof x !== 'string');
}

type Mode = 'porsi' | 'kumulatif';

/**
 * Shares or cumulative: the rows vote. A row whose K (or Rp) rises to 100 (the pagu) at TW IV
 * without adding up to it votes cumulative; a row that adds up votes shares.
 */
function modeOf(ctx: CheckContext, s: Series, ref: TableColumn | null): Mode {
  let porsi = 0;
  let kumulatif = 0;
  const vote = (xs: Num[], goal: Dec) => {
    const sum = xs.reduce((a, x) => a.plus(x.value), new Dec(0));
    const tol = xs.reduce((a, x) => a.plus(x.half), new Dec(0));
    if (sum.minus(goal).abs().lte(tol)) porsi++;
    else if (rising(xs) && xs[3].value.minus(goal).abs().lte(xs[3].half)) kumulatif++;
  };
  for (const r of ctx.table.rows) {
    if (r.kind !== 'data') continue;
    const k = QUARTERS.map((q) => readK(ctx, r.row, s.k[q]));
    if (allNums(k) && !k.every((x) => x.value.isZero())) vote(k, HUNDRED);
    const pagu = readRp(ctx, r.row, ref);
    const rp = QUARTERS.map((q) => readRp(ctx, r.row, s.rp[q]));
    if (typeof pagu !== 'string' && !pagu.value.isZero() && allNums(rp)) vote(rp, pagu.value);
  }
  return kumulatif > porsi ? 'kumulatif' : 'porsi';
}

function rising(xs: Num[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i].value.lt(xs[i - 1].value)) return false;
  return true;
}

const pct = (d: Dec) => formatNumber(d);

function checkRow(ctx: CheckContext, row: number, s: Series, ref: TableColumn | null, mode: Mode, out: Finding[]): void {
  const k = QUARTERS.map((q) => readK(ctx, row, s.k[q]));
  const rp = QUARTERS.map((q) => readRp(ctx, row, s.rp[q]));
  const pagu = readRp(ctx, row, ref);
  const kCols = QUARTERS.map((q) => s.k[q]);
  const rpCols = QUARTERS.map((q) => s.rp[q]);
  const cellOf = (c: TableColumn | undefined | null) => (c ? [{ row, col: c.col }] : []);
  const kActive = !k.includes('invalid') && k.some((x) => typeof x !== 'string' && !x.value.isZero());

  // K shares add up to 100 (or rise to 100); a blank quarter beside filled ones plans nothing.
  if (kActive && kCols.every((c) => c !== undefined)) {
    const kn = k.map((x) => (typeof x === 'string' ? { value: new Dec(0), half: new Dec(0) } : x));
    const last = kCols[3]!;
    const related = kCols.slice(0, 3).flatMap(cellOf);
    const stated = mode === 'porsi' ? kn.reduce((a, x) => a.plus(x.value), new Dec(0)) : kn[3].value;
    const tol = mode === 'porsi' ? kn.reduce((a, x) => a.plus(x.half), new Dec(0)) : kn[3].half;
    const diff = stated.minus(HUNDRED);
    const what = mode === 'porsi' ? 'Target kinerja triwulan I–IV berjumlah' : 'Target kinerja kumulatif triwulan IV';
    if (!diff.isZero()) {
      // Shown values rounded half-up may overstate by up to `tol` and understate by less.
      const rounding = diff.lte(tol) && diff.gt(tol.neg());
      out.push(
        ctx.finding({
          row,
          col: last.col,
          rule: 'triwulan',
          severity: rounding ? 'warning' : 'error',
          actual: stated.toFixed(),
          expected: '100',
          related,
          message: rounding
            ? `${what} ${pct(stated)}, bukan 100; selisih ${pct(diff.abs())} masih dalam pembulatan angka yang ditampilkan.`
            : `${what} ${pct(stated)}, seharusnya 100 (selisih ${pct(diff.abs())}).`,
        }),
      );
    }
    if (mode === 'kumulatif') pushDecrease(ctx, row, kn, kCols, 'Target kinerja kumulatif', pct, out);
  }

  // Rp of the quarters add up to the pagu (or rise to it).
  const rpPresent = rp.some((x) => typeof x !== 'string');
  if (rpPresent && !rp.includes('invalid') && typeof pagu !== 'string' && ref !== null && rpCols[3] !== undefined) {
    const nums = rp.map((x) => (typeof x === 'string' ? new Dec(0) : x.value));
    const stated = mode === 'porsi' ? nums.reduce((a, x) => a.plus(x), new Dec(0)) : nums[3];
    if (!stated.eq(pagu.value)) {
      const paguNoun = columnNoun(ref);
      const what = mode === 'porsi' ? 'Rupiah triwulan I–IV berjumlah' : 'Rupiah kumulatif triwulan IV';
      out.push(
        ctx.finding({
          row,
          col: rpCols[3].col,
          rule: 'triwulan',
          severity: 'error',
          actual: stated.toFixed(),
          expected: pagu.value.toFixed(),
          related: [...rpCols.slice(0, 3).flatMap(cellOf), { row, col: ref.col }],
          message:
            `${what} ${formatNumber(stated)}, tidak sama dengan ${paguNoun} ${formatNumber(pagu.value)} ` +
            `(selisih ${formatNumber(stated.minus(pagu.value).abs())}).`,
        }),
      );
    }
    if (mode === 'kumulatif' && allNums(rp)) pushDecrease(ctx, row, rp, rpCols, 'Rupiah kumulatif', formatNumber, out);
  }

  // Each K near its quarter's share of the pagu.
  if (kActive && typeof pagu !== 'string' && !pagu.value.isZero() && ref !== null) {
    const far: { q: number; k: Dec; share: Dec }[] = [];
    for (const q of QUARTERS) {
      const kq = k[q - 1];
      const rq = rp[q - 1];
      if (typeof kq === 'string' || typeof rq === 'string') continue;
      const share = rq.value.div(pagu.value).times(HUNDRED);
      if (kq.value.minus(share).abs().gt(BATAS_JAUH)) far.push({ q, k: kq.value, share });
    }
    if (far.length > 0) {
      const paguNoun = columnNoun(ref);
      const list = far
        .map((f) => `triwulan ${roman(f.q)} ${pct(f.k)} dan ${formatNumber(f.share, { decimals: 2 })}% dari ${paguNoun}`)
        .join('; ');
      const kind = mode === 'kumulatif' ? 'kumulatif ' : '';
      out.push(
        ctx.finding({
          row,
          col: kCols[far[0].q - 1]!.col,
          rule: 'triwulan',
          severity: 'warning',
          actual: far[0].k.toFixed(),
          expected: null,
          related: [
            ...far.slice(1).flatMap((f) => cellOf(kCols[f.q - 1])),
            ...far.flatMap((f) => cellOf(rpCols[f.q - 1])),
            { row, col: ref.col },
          ],
          message: `Target kinerja ${kind}per triwulan jauh dari porsi anggarannya (beda lebih dari ${BATAS_JAUH} poin): ${list}.`,
        }),
      );
    }
  }
}

function pushDecrease(
  ctx: CheckContext,
  row: number,
  xs: Num[],
  cols: (TableColumn | undefined)[],
  what: string,
  fmt: (d: Dec) => string,
  out: Finding[],
): void {
  for (let i = 1; i < 4; i++) {
    const col = cols[i];
    if (col === undefined || !xs[i].value.lt(xs[i - 1].value)) continue;
    out.push(
      ctx.finding({
        row,
        col: col.col,
        rule: 'triwulan',
        severity: 'warning',
        actual: xs[i].value.toFixed(),
        expected: null,
        related: cols[i - 1] ? [{ row, col: cols[i - 1]!.col }] : [],
        message: `${what} triwulan ${roman(i + 1)} ${fmt(xs[i].value)} lebih kecil dari triwulan ${roman(i)} ${fmt(xs[i - 1].value)}.`,
      }),
    );
  }
}
