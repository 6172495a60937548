import { a1, Sheet, sheetWidth, Workbook } from '../lembar/model';
import { Finding } from '../periksa/temuan';
import { Table, TableColumn, TableRow } from '../tabel/model';
import { PohonNode } from './model';
import { checkPagu, indikatorOf, isBlankIndikator, text } from './sumber';
import { short } from './dari-tabel';

/*
 * The cascading sheet ("cascading kinerja"): one row per indicator, columns found by their
 * header words, a blank pernyataan continuing the node above. Levels come from a tingkat
 * column (Visi … Sub kegiatan, or the office's own names) or, without one, from the depth of
 * the kode; a "kode induk" column, when present, names the parent outright.
 */

export interface KolomKaskade {
  headerRow: number;
  tingkat: number | null;
  kode: number | null;
  induk: number | null;
  pernyataan: number;
  indikator: number | null;
  satuan: number | null;
  target: number | null;
  pagu: number | null;
  pj: number | null;
}

const HEADER_SCAN = 25;

function norm(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The header of a cascading sheet, or null when the sheet is not one. */
export function findKaskade(sheet: Sheet): KolomKaskade | null {
  const width = sheetWidth(sheet);
  const rows = Math.min(sheet.values.length, HEADER_SCAN);
  for (let r = 0; r < rows; r++) {
    const k: Omit<KolomKaskade, 'pernyataan'> & { pernyataan: number | null } = {
      headerRow: r,
      tingkat: null,
      kode: null,
      induk: null,
      pernyataan: null,
      indikator: null,
      satuan: null,
      target: null,
      pagu: null,
      pj: null,
    };
    let saysPernyataan = false;
    for (let c = 0; c < width; c++) {
      const h = norm(sheet.values[r]?.[c]);
      if (h === '') continue;
      const set = (key: keyof typeof k) => {
        if (k[key] === null) (k as Record<string, number | null>)[key] = c;
      };
      if (/induk|parent/.test(h)) set('induk');
      else if (/^kode/.test(h)) set('kode');
      else if (/^(tingkat|level|jenjang|eselon|jenis kinerja|tingkatan)/.test(h)) set('tingkat');
      else if (/indikator/.test(h)) set('indikator');
      else if (/satuan/.test(h)) set('satuan');
      else if (/target/.test(h)) set('target');
      else if (/pagu|anggaran/.test(h)) set('pagu');
      else if (/penanggung|^pj\b|pelaksana|^unit/.test(h)) set('pj');
      else if (/pernyataan|kinerja|uraian|sasaran|^nama/.test(h)) {
        if (/pernyataan/.test(h)) saysPernyataan = true;
        set('pernyataan');
      }
    }
    if (k.pernyataan === null) continue;
    if (k.indikator === null && k.tingkat === null) continue;
    if (k.tingkat === null && !(saysPernyataan && k.kode !== null)) continue;
    return k as KolomKaskade;
  }
  return null;
}

/** Rank of the usual level names; the office's own names are ranked where they first appear. */
const KNOWN_LEVELS: [RegExp, number][] = [
  [/^visi/, 0],
  [/^misi/, 1],
  [/^tujuan/, 2],
  [/^sasaran( strategis| daerah| rpjmd)?$/, 3],
  [/^(urusan|bidang)/, 3.5],
  [/^sasaran program|^program/, 4],
  [/^sasaran kegiatan|^kegiatan/, 5],
  [/^sasaran sub|^sub ?kegiatan/, 6],
  [/^eselon ?(ii|2)$/, 3],
  [/^eselon ?(iii|3)$/, 4],
  [/^eselon ?(iv|4)$/, 5],
];

function knownRank(level: string): number | null {
  const l = level.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const [re, rank] of KNOWN_LEVELS) if (re.test(l)) return rank;
  return null;
}

export interface DariKaskade {
  tree: PohonNode[];
  findings: Finding[];
  messages: string[];
}

export function treeFromKaskade(workbook: Workbook, sheet: Sheet, k: KolomKaskade): DariKaskade {
  const messages: string[] = [];
  const originRow = sheet.origin?.row ?? 0;
  const baris = (r: number) => r + originRow + 1;

  interface Raw {
    node: PohonNode;
    rank: number;
    row: number;
    induk: string;
    rows: number[];
  }
  const raws: Raw[] = [];
  const ranks = new Map<string, number>();
  let lastRank = -1;
  let current: Raw | null = null;
  for (let r = k.headerRow + 1; r < sheet.values.length; r++) {
    const pernyataan = text(sheet, r, k.pernyataan);
    const tingkat = text(sheet, r, k.tingkat);
    const kode = text(sheet, r, k.kode);
    const ind = indikatorOf(text(sheet, r, k.indikator), text(sheet, r, k.target), text(sheet, r, k.satuan));
    if (pernyataan === '') {
      if (isBlankIndikator(ind)) continue;
      if (current === null) {
        messages.push(`Baris ${baris(r)}: indikator "${short(ind.nama)}" tanpa pernyataan kinerja di atasnya; baris ini dilewati.`);
        continue;
      }
      current.node.indikator.push(ind);
      current.rows.push(r);
      continue;
    }
    let rank: number;
    let level: string;
    if (k.tingkat !== null) {
      level = tingkat === '' ? 'Tanpa tingkat' : tingkat.charAt(0).toUpperCase() + tingkat.slice(1);
      const key = level.toLowerCase();
      let known = ranks.get(key);
      if (known === undefined) {
        known = knownRank(level) ?? lastRank + 0.5;
        ranks.set(key, known);
      }
      rank = known;
      if (tingkat === '') messages.push(`Baris ${baris(r)}: tingkat "${short(pernyataan)}" kosong.`);
    } else {
      const depth = kode === '' ? 1 : kode.split(/[.\s]+/).filter(Boolean).length;
      rank = depth;
      level = `Tingkat ${depth}`;
    }
    lastRank = rank;
    const pj = text(sheet, r, k.pj);
    const node: PohonNode = {
      id: `r${r}`,
      level,
      kode: kode === '' ? null : kode,
      pernyataan,
      indikator: isBlankIndikator(ind) ? [] : [ind],
      pagu: null,
      pj: pj === '' ? null : pj,
      children: [],
      sumber: { sheet: sheet.name, row: r, baris: baris(r), paguCell: k.pagu !== null ? a1(sheet, r, k.pagu) : undefined },
    };
    current = { node, rank, row: r, induk: text(sheet, r, k.induk), rows: [r] };
    raws.push(current);
  }

  // Parents: the kode induk column when given; else the kode prefix (kode only); else the
  // nearest row above of a higher level.
  const parentOf = new Map<Raw, Raw | null>();
  const byKode = new Map<string, Raw>();
  for (const raw of raws) if (raw.node.kode !== null && !byKode.has(raw.node.kode)) byKode.set(raw.node.kode, raw);
  const usedRanks = [...new Set(raws.map((x) => x.rank))].sort((a, b) => a - b);
  const minRank = usedRanks[0];
  const stack: Raw[] = [];
  for (const raw of raws) {
    let parent: Raw | null = null;
    if (k.induk !== null && raw.induk !== '') {
      parent = byKode.get(raw.induk) ?? null;
      if (parent === null)
        messages.push(
          `Baris ${raw.row + originRow + 1}: kode induk ${raw.induk} tidak ada di lembar; "${short(raw.node.pernyataan)}" digambar sebagai akar.`,
        );
    } else if (k.tingkat === null && raw.node.kode !== null) {
      const parts = raw.node.kode.split(/[.\s]+/).filter(Boolean);
      for (let n = parts.length - 1; n > 0 && parent === null; n--) parent = byKode.get(parts.slice(0, n).join('.')) ?? null;
      if (parent === null && parts.length > 1)
        messages.push(`Baris ${raw.row + originRow + 1}: induk kode ${raw.node.kode} tidak ada di lembar; digambar sebagai akar.`);
    } else {
      while (stack.length > 0 && stack[stack.length - 1].rank >= raw.rank) stack.pop();
      parent = stack.length > 0 ? stack[stack.length - 1] : null;
      stack.push(raw);
      if (parent === null && raw.rank > minRank)
        messages.push(
          `Baris ${raw.row + originRow + 1}: ${raw.node.level.toLowerCase()} "${short(raw.node.pernyataan)}" tidak punya induk di atasnya; digambar sebagai akar.`,
        );
      if (parent !== null) {
        const skipped = usedRanks.filter((x) => x > parent!.rank && x < raw.rank);
        if (skipped.length > 0) {
          const names = skipped.map((x) => raws.find((y) => y.rank === x)!.node.level).join(', ');
          messages.push(
            `Baris ${raw.row + originRow + 1}: tingkat ${names} terlewati antara ${parent.node.level.toLowerCase()} "${short(parent.node.pernyataan)}" dan ${raw.node.level.toLowerCase()} "${short(raw.node.pernyataan)}".`,
          );
        }
      }
    }
    if (parent === raw) parent = null;
    parentOf.set(raw, parent);
  }
  // A cycle (A's induk is B, B's induk is A) would never reach a root: cut it at the first row.
  for (const raw of raws) {
    const seen = new Set<Raw>([raw]);
    let p = parentOf.get(raw) ?? null;
    while (p !== null && !seen.has(p)) {
      seen.add(p);
      p = parentOf.get(p) ?? null;
    }
    if (p !== null) {
      messages.push(
        `Baris ${raw.row + originRow + 1}: kode induk membentuk lingkaran; "${short(raw.node.pernyataan)}" digambar sebagai akar.`,
      );
      parentOf.set(raw, null);
    }
  }

  const roots: PohonNode[] = [];
  for (const raw of raws) {
    const p = parentOf.get(raw) ?? null;
    if (p === null) roots.push(raw.node);
    else p.node.children.push(raw.node);
  }

  // The pagu roll-up is the checker's: the cascading rows as a table whose parents are the tree's.
  const table = kaskadeTable(
    sheet,
    k,
    raws.map((x) => ({ rows: x.rows, parentRow: parentOf.get(x)?.row ?? null })),
  );
  const check = checkPagu(workbook, sheet, table, k.pagu);
  for (const raw of raws) raw.node.pagu = check.pagu(raw.row);
  return { tree: roots, findings: check.findings, messages };
}

function kaskadeTable(sheet: Sheet, k: KolomKaskade, nodes: { rows: number[]; parentRow: number | null }[]): Table {
  const columns: TableColumn[] = [];
  const add = (col: number | null, role: TableColumn['role'], money = false) => {
    if (col !== null) columns.push({ col, header: text(sheet, k.headerRow, col), role, money });
  };
  add(k.kode, 'kode');
  add(k.pernyataan, 'uraian');
  add(k.indikator, 'indikator');
  add(k.target, 'target');
  add(k.satuan, 'satuan');
  add(k.pagu, 'pagu', true);
  add(k.pj, 'pj');
  const rows: TableRow[] = [];
  for (const n of nodes)
    n.rows.forEach((row, i) =>
      rows.push({
        row,
        kind: 'data',
        level: null,
        levelName: null,
        parent: i === 0 ? n.parentRow : null,
        kode: null,
        nomor: null,
        continuation: i > 0,
        gapBefore: false,
        block: 0,
      }),
    );
  rows.sort((a, b) => a.row - b.row);
  const last = rows.length > 0 ? rows[rows.length - 1].row : k.headerRow;
  return {
    sheet: sheet.name,
    range: `${a1(sheet, k.headerRow, 0)}:${a1(sheet, last, Math.max(0, sheetWidth(sheet) - 1))}`,
    layout: 'tidak-dikenal',
    confidence: 1,
    headerTop: k.headerRow,
    headerBottom: k.headerRow,
    numberRow: null,
    columns,
    rows,
    hierarchy: 'rowspan',
  };
}
