import { formatNumber } from '../angka/format';
import { ColumnRole, LevelName, TableColumn } from '../tabel/model';
import { addedContinuations, MoneyColumn, present, SumIndex } from './jumlah-pohon';
import { CheckContext } from './konteks';
import { LEVEL_LABEL } from './label';

/* How the sum checks (jumlah-induk, jumlah-total, triwulan, antar-tabel) name levels, columns, amounts and cells. */

export function levelLabel(name: LevelName | null): string | null {
  return name === null ? null : LEVEL_LABEL[name];
}

/** The level shared by all these rows ("kegiatan"), or null. */
export function commonLevel(idx: SumIndex, positions: readonly number[]): string | null {
  let name: LevelName | null | undefined;
  for (const p of positions) {
    const l = idx.rows[p].levelName;
    if (name === undefined) name = l;
    else if (name !== l) return null;
  }
  return name === undefined ? null : levelLabel(name);
}

const ROLE_NOUN: Partial<Record<ColumnRole, string>> = {
  pagu: 'pagu',
  kebutuhan: 'kebutuhan dana',
  anggaran: 'anggaran',
  'realisasi-rp': 'realisasi anggaran',
  sisa: 'sisa anggaran',
  'tw-rp': 'rupiah triwulan',
};

const ROMAN = ['', 'I', 'II', 'III', 'IV'];

export function roman(q: number): string {
  return ROMAN[q] ?? String(q);
}

/** "pagu", "kebutuhan dana", "rupiah triwulan II": what the column holds, lower case. */
export function columnNoun(col: TableColumn): string {
  const noun = ROLE_NOUN[col.role] ?? 'nilai';
  return col.role === 'tw-rp' && col.quarter !== undefined ? `${noun} ${roman(col.quarter)}` : noun;
}

/** The amount as a sentence shows it; an ambiguous cell says how it was written and read. */
export function shownAmount<T>(mc: MoneyColumn<T>, idx: SumIndex, i: number): string {
  const v = formatNumber(mc.ops.toDec(idx.isNode[i] ? mc.nodeValue[i] : mc.value[i]));
  if (addedContinuations(mc, idx, i).length > 0) return `${v} (termasuk baris lanjutannya)`;
  const r = mc.readings.get(i);
  return r === undefined ? v : `${v} (ditulis "${r.text}", penulisan meragukan)`;
}

/** What the cell itself says, for `actual`: the plain decimal, the text when ambiguous. */
export function actualOf<T>(mc: MoneyColumn<T>, idx: SumIndex, i: number): string | null {
  const r = mc.readings.get(i);
  if (r !== undefined) return r.text;
  return present(mc.state[i]) ? mc.ops.toDec(mc.value[i]).toFixed() : null;
}

const MAX_RELATED = 50;

/** Cells without repeats, at most MAX_RELATED: a finding points, it does not list a table. */
export function uniqueCells(cells: readonly { row: number; col: number }[]): { row: number; col: number }[] {
  const seen = new Set<string>();
  const out: { row: number; col: number }[] = [];
  for (const c of cells) {
    const k = `${c.row}:${c.col}`;
    if (seen.has(k) || out.length >= MAX_RELATED) continue;
    seen.add(k);
    out.push(c);
  }
  return out;
}

export function cellsOf(idx: SumIndex, col: number, positions: readonly number[]): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  const seen = new Set<number>();
  for (const p of positions) {
    if (seen.has(p) || out.length >= MAX_RELATED) continue;
    seen.add(p);
    out.push({ row: idx.rows[p].row, col });
  }
  return out;
}

/** A1 of a row's cell, with how an ambiguous cell was read. */
export function cellName<T>(ctx: CheckContext, idx: SumIndex, mc: MoneyColumn<T>, i: number): string {
  const a = ctx.addr(idx.rows[i].row, mc.column.col);
  const r = mc.readings.get(i);
  return r === undefined ? a : `${a} (ditulis "${r.text}", dibaca ${formatNumber(mc.ops.toDec(mc.value[i]))})`;
}
