import { a1, Sheet, Workbook } from '../lembar/model';
import { findTables } from '../tata-letak';
import { ColumnRole, Table, TableColumn, TableRow } from '../tabel/model';
import { Finding } from '../periksa/temuan';
import { LEVEL_DISPLAY, PohonNode } from './model';
import { checkPagu, indikatorOf, isBlankIndikator, text } from './sumber';

/*
 * A tree from any table findTables recognises: its kode/numbering hierarchy gives program →
 * kegiatan → sub kegiatan; a sasaran column (LKjIP, E.81) puts the program/kegiatan rows
 * under the sasaran written beside or above them.
 */

export interface DariTabel {
  tree: PohonNode[];
  table: Table;
  findings: Finding[];
  messages: string[];
}

/** Tables a tree can be drawn from: named rows (uraian or sasaran), not a predikat scale. */
export function usableTables(sheet: Sheet): Table[] {
  return findTables(sheet).filter(
    (t) =>
      t.layout !== 'skala' &&
      t.rows.some((r) => r.kind === 'data') &&
      t.columns.some((c) => c.role === 'uraian' || c.role === 'sasaran'),
  );
}

/** Columns of a role, the current year's first ("n" or no period) when a role repeats per period. */
function pick(table: Table, ...roles: ColumnRole[]): TableColumn | null {
  for (const role of roles) {
    const cols = table.columns.filter((c) => c.role === role);
    if (cols.length === 0) continue;
    return cols.find((c) => c.period === undefined || c.period === 'n') ?? cols[0];
  }
  return null;
}

export function treeFromTable(workbook: Workbook, sheet: Sheet, table: Table): DariTabel {
  const messages: string[] = [];
  const uraian = pick(table, 'uraian');
  const sasaranCol = pick(table, 'sasaran');
  const nameCol = uraian ?? sasaranCol;
  const indikatorCol = pick(table, 'indikator');
  const targetCol = pick(table, 'target');
  const satuanCol = pick(table, 'satuan');
  const paguCol = pick(table, 'pagu', 'anggaran', 'kebutuhan');
  const pjCol = pick(table, 'pj');
  const check = checkPagu(workbook, sheet, table, paguCol?.col ?? null);
  const originRow = sheet.origin?.row ?? 0;

  const byRow = new Map<number, PohonNode>();
  const roots: PohonNode[] = [];
  let last: PohonNode | null = null;
  let lastBlock = -1;
  // With both a sasaran and an uraian column, the sasaran written on a row heads the rows below it.
  const linksSasaran = uraian !== null && sasaranCol !== null && sasaranCol.col !== uraian.col;
  let sasaranNode: PohonNode | null = null;

  const addIndikator = (node: PohonNode, r: TableRow) => {
    const ind = indikatorOf(
      text(sheet, r.row, indikatorCol?.col ?? null),
      text(sheet, r.row, targetCol?.col ?? null),
      text(sheet, r.row, satuanCol?.col ?? null),
    );
    if (!isBlankIndikator(ind)) node.indikator.push(ind);
  };

  for (const r of table.rows) {
    if (r.kind !== 'data') {
      if (r.kind === 'section' || r.kind === 'total') last = null;
      continue;
    }
    if (linksSasaran) {
      const s = text(sheet, r.row, sasaranCol!.col);
      if (s !== '' && (sasaranNode === null || sasaranNode.pernyataan !== s)) {
        sasaranNode = {
          id: `s${r.row}`,
          level: 'Sasaran',
          kode: null,
          pernyataan: s,
          indikator: [],
          pagu: null,
          pj: null,
          children: [],
          sumber: { sheet: sheet.name, row: r.row, baris: r.row + originRow + 1 },
        };
        roots.push(sasaranNode);
      }
    }
    const name = nameCol ? text(sheet, r.row, nameCol.col) : '';
    if (r.continuation || (name === '' && last !== null && r.block === lastBlock)) {
      if (last !== null) {
        addIndikator(last, r);
        byRow.set(r.row, last);
      }
      continue;
    }
    const levelName = r.levelName ?? (nameCol === sasaranCol ? 'sasaran' : null);
    const node: PohonNode = {
      id: `r${r.row}`,
      level: levelName ? LEVEL_DISPLAY[levelName] : `Tingkat ${(r.level ?? 0) + 1}`,
      kode: r.kode ?? r.nomor,
      pernyataan: name,
      indikator: [],
      pagu: check.pagu(r.row),
      pj: pjCol ? text(sheet, r.row, pjCol.col) || null : null,
      children: [],
      sumber: {
        sheet: sheet.name,
        row: r.row,
        baris: r.row + originRow + 1,
        paguCell: paguCol ? a1(sheet, r.row, paguCol.col) : undefined,
      },
    };
    addIndikator(node, r);
    byRow.set(r.row, node);
    last = node;
    lastBlock = r.block;
    const parent = r.parent === null ? undefined : byRow.get(r.parent);
    if (parent !== undefined && parent !== node) parent.children.push(node);
    else {
      if (r.parent !== null)
        messages.push(
          `Baris ${node.sumber!.baris}: induk ${node.level.toLowerCase()} "${short(name)}" tidak ditemukan; digambar sebagai akar.`,
        );
      if (linksSasaran && sasaranNode !== null) sasaranNode.children.push(node);
      else roots.push(node);
    }
  }
  return { tree: roots, table, findings: check.findings, messages };
}

export function short(s: string, n = 40): string {
  return s.length <= n ? s : s.slice(0, n - 1) + '…';
}
