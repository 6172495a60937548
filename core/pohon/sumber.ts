import { hasValue, parseCell } from '../angka/parse';
import { toDouble } from '../angka/desimal';
import { cellAt, columnLetters, Sheet, Workbook } from '../lembar/model';
import { createContext } from '../periksa/konteks';
import { check as jumlahInduk } from '../periksa/jumlah-induk';
import { check as jumlahTotal } from '../periksa/jumlah-total';
import { Finding } from '../periksa/temuan';
import { Table } from '../tabel/model';
import { Indikator, PohonNode, walk } from './model';

/*
 * What both builders share: reading a cell as text, splitting "83 skor" into target and
 * satuan, reading pagu through the checker's own parsing, and running the checker's pagu
 * roll-up (jumlah-induk, jumlah-total) on the table the tree was read from. Sums are never
 * recomputed here.
 */

export function text(sheet: Sheet, row: number, col: number | null): string {
  if (col === null) return '';
  const v = cellAt(sheet, row, col);
  if (v === null || v === undefined) return '';
  return String(v).replace(/\s+/g, ' ').trim();
}

/** `83 skor` → target 83, satuan skor, unless the sheet has its own satuan column. */
export function indikatorOf(nama: string, targetText: string, satuanText: string): Indikator {
  if (satuanText !== '' || targetText === '') return { nama, target: targetText, satuan: satuanText };
  const p = parseCell(targetText);
  if (hasValue(p) && p.rawUnit) {
    const at = targetText.lastIndexOf(p.rawUnit);
    if (at > 0) return { nama, target: targetText.slice(0, at).trim(), satuan: p.rawUnit.trim() };
  }
  return { nama, target: targetText, satuan: '' };
}

/** A placeholder indicator (`0`, `-`) is not worth a line in a box. */
export function isBlankIndikator(i: Indikator): boolean {
  return (i.nama === '' || i.nama === '-' || i.nama === '0') && (i.target === '' || /^[-0\s]*$/.test(i.target));
}

export interface PaguCheck {
  findings: Finding[];
  /** A pagu reader with the table's own decision on ambiguous numbers. */
  pagu(row: number): number | null;
}

/**
 * Runs the checker's money roll-up on the source table and keeps what concerns the pagu
 * column the tree shows.
 */
export function checkPagu(workbook: Workbook, sheet: Sheet, table: Table, paguCol: number | null): PaguCheck {
  const ctx = createContext(workbook, sheet, table, {}, null);
  let findings: Finding[] = [];
  if (paguCol !== null) {
    const letters = columnLetters(paguCol + (sheet.origin?.col ?? 0));
    const inColumn = (f: Finding) => f.cell.replace(/\d+$/, '') === letters;
    try {
      findings = [...jumlahInduk(ctx), ...jumlahTotal(ctx)].filter(inColumn);
    } catch {
      findings = [];
    }
  }
  return {
    findings,
    pagu(row) {
      if (paguCol === null) return null;
      const p = ctx.cell(row, paguCol);
      return p.value !== null && (p.kind === 'number' || p.kind === 'money') ? toDouble(p.value) : null;
    },
  };
}

/** Puts each pagu finding on the node whose pagu cell it names. */
export function attachFindings(tree: PohonNode[], findings: readonly Finding[]): void {
  const byCell = new Map<string, string[]>();
  for (const f of findings) {
    const key = `${f.sheet}!${f.cell}`;
    const list = byCell.get(key) ?? [];
    list.push(f.message);
    byCell.set(key, list);
  }
  walk(tree, (n) => {
    const cell = n.sumber?.paguCell;
    if (!cell) return;
    const msgs = byCell.get(`${n.sumber!.sheet}!${cell}`);
    if (msgs) n.temuan = msgs;
  });
}

/** Messages about kode used by more than one node of the same level: one sentence per level. */
export function duplicateKodeMessages(tree: PohonNode[]): string[] {
  const seen = new Map<string, PohonNode[]>();
  walk(tree, (n) => {
    if (!n.kode) return;
    const key = `${n.level.toLowerCase()}\u0000${n.kode}`;
    const list = seen.get(key) ?? [];
    list.push(n);
    seen.set(key, list);
  });
  const byLevel = new Map<string, string[]>();
  for (const list of seen.values()) {
    if (list.length < 2) continue;
    const level = list[0].level.toLowerCase();
    const rows = list.map((n) => (n.sumber ? String(n.sumber.baris) : '?')).join(', ');
    const items = byLevel.get(level) ?? [];
    items.push(`${list[0].kode} (baris ${rows})`);
    byLevel.set(level, items);
  }
  const SHOWN = 6;
  return [...byLevel.entries()].map(([level, items]) => {
    const more = items.length > SHOWN ? `, dan ${items.length - SHOWN} kode lain` : '';
    return `Kode ${level} dipakai lebih dari sekali: ${items.slice(0, SHOWN).join(', ')}${more}. Semuanya digambar menurut urutan barisnya; periksa kodenya.`;
  });
}
