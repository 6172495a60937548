import { Workbook } from '../lembar/model';
import { Finding } from '../periksa/temuan';
import { Drawing } from './gambar';
import { treeFromTable, usableTables } from './dari-tabel';
import { findKaskade, treeFromKaskade } from './kaskade';
import { countNodes, PohonNode } from './model';
import { attachFindings, duplicateKodeMessages } from './sumber';
import { tataPohon } from './tata';
import { pohonTerlaluBesar, ukuranPohon } from './ukuran';

export type { Drawing, DrawnCell, DrawnMerge, BorderSide, BorderStyle } from './gambar';
export type { PohonNode, Indikator } from './model';
export { countNodes, walk } from './model';
export { findKaskade, treeFromKaskade } from './kaskade';
export { treeFromTable, usableTables } from './dari-tabel';
export { tataPohon, COMPACT_LEAVES, WIDE_SLOTS } from './tata';
export type { Box, Connector, TataOptions, TataResult } from './tata';
export { templatPohon, TEMPLAT_HEADERS } from './templat';
export { MAX_SEL, MAX_SIMPUL, ukuranPohon } from './ukuran';

export interface PohonKinerjaOptions {
  /** Sheet to draw from; default: the first sheet holding a cascading sheet or a recognised table. */
  lembar?: string;
  /** Stack leaf groups (true/false); automatic when absent. */
  compact?: boolean;
  /** Top-down or left to right; automatic (left to right for very wide trees) when absent. */
  arah?: 'atas-bawah' | 'kiri-kanan';
  /** One cell per box line, no merges (TataOptions.singleCells): the Sheets drawing. */
  singleCells?: boolean;
}

export interface PohonKinerjaResult {
  drawing: Drawing;
  tree: PohonNode[];
  nodes: number;
  /** Indonesian notes: orphans, duplicate kode, missing levels, what was not found. */
  messages: string[];
  /** The pagu roll-up (jumlah-induk, jumlah-total of core/periksa) on the source sheet. */
  findings: Finding[];
}

/**
 * The pohon kinerja of a workbook: the tree read from a cascading sheet or from a recognised
 * Renja/LKjIP table, and its drawing for a new sheet. Never throws; reads only.
 */
export function pohonKinerja(workbook: Workbook, options: PohonKinerjaOptions = {}): PohonKinerjaResult {
  try {
    return build(workbook, options);
  } catch (e) {
    const message = `Pohon kinerja tidak dapat disusun: ${e instanceof Error ? e.message : String(e)}`;
    return { ...empty([message], options) };
  }
}

function empty(messages: string[], options: PohonKinerjaOptions): PohonKinerjaResult {
  return { drawing: tataPohon([], { messages, singleCells: options.singleCells }).drawing, tree: [], nodes: 0, messages, findings: [] };
}

function build(workbook: Workbook, options: PohonKinerjaOptions): PohonKinerjaResult {
  let sheets = workbook.sheets;
  if (options.lembar !== undefined) {
    const wanted = options.lembar.trim().toLowerCase();
    sheets = workbook.sheets.filter((s) => s.name.trim().toLowerCase() === wanted);
    if (sheets.length === 0) {
      const names = workbook.sheets.map((s) => `"${s.name}"`).join(', ');
      return empty([`Lembar "${options.lembar}" tidak ada. Lembar yang ada: ${names || '(tidak ada)'}.`], options);
    }
  }
  for (const sheet of sheets) {
    const kaskade = findKaskade(sheet);
    let tree: PohonNode[];
    let findings: Finding[];
    let messages: string[];
    if (kaskade !== null) {
      ({ tree, findings, messages } = treeFromKaskade(workbook, sheet, kaskade));
    } else {
      const tables = usableTables(sheet);
      if (tables.length === 0) continue;
      // The table with the most rows is the one the sheet is about.
      const table = tables.reduce((a, b) => (b.rows.length > a.rows.length ? b : a));
      ({ tree, findings, messages } = treeFromTable(workbook, sheet, table));
      if (tables.length > 1)
        messages.push(`Lembar "${sheet.name}" memuat ${tables.length} tabel; pohon disusun dari tabel ${table.range}.`);
    }
    if (tree.length === 0) continue;
    // Measured before anything is laid out: a drawing too big for memory is never started.
    const tooBig = pohonTerlaluBesar(ukuranPohon(tree));
    if (tooBig !== null) return empty([tooBig], options);
    // One by one: a spread push of an unbounded list overflows the call stack.
    for (const m of duplicateKodeMessages(tree)) messages.push(m);
    attachFindings(tree, findings);
    const nodes = countNodes(tree);
    const { drawing } = tataPohon(tree, {
      compact: options.compact,
      orientation: options.arah,
      singleCells: options.singleCells,
      title: `Pohon Kinerja — ${sheet.name}`,
      messages,
    });
    return { drawing, tree, nodes, messages, findings };
  }
  return empty(
    [
      options.lembar !== undefined
        ? `Lembar "${options.lembar}" tidak memuat lembar kaskade atau tabel Renja/LKjIP yang dikenali.`
        : 'Tidak ada lembar kaskade atau tabel Renja/LKjIP yang dikenali di buku kerja ini.',
    ],
    options,
  );
}
