import { formatNumber, formatRupiah } from '../angka/format';
import { BorderSide, DrawnCell, DrawnMerge, Drawing } from './gambar';
import { PohonNode, walk } from './model';
import { FONT_PT, LINE_PT, PAD_PT, textHeight } from './teks';

/*
 * The layout: the tree top-down on a cell grid, one band of rows per level with the band's
 * name in the first column, one slot of columns per leaf (a parent centred over its
 * children), connector lines drawn as cell borders. When the tree is wide (many leaves),
 * leaves under one parent are stacked in their parent's column instead of side by side, so
 * 40 sub kegiatan need the width of their kegiatan, not forty boxes. Below the tree, the
 * cascading table with the pagu roll-up findings. Deterministic: same tree, same drawing.
 */

/** Columns of a slot: a gap column, then the box. */
const GAP_W = 3;
const BOX_COL_W = 9;
const BOX_COLS = 4;
const SLOT_COLS = 1 + BOX_COLS;
const LABEL_W = 16;
/** Leaves above which leaf groups are stacked. */
export const COMPACT_LEAVES = 12;
/** Box columns above which a tree is drawn left to right. */
export const WIDE_SLOTS = 24;
/** Left to right: box column width and the connector columns between bands. */
const LR_BOX_COL_W = 11;
const LR_ZONE_W = 3;
/** A body taller than this is split over several merged rows (Excel caps a row at 409 pt). */
const MAX_ROW_PT = 300;
const CONNECTOR_PT = 9;
const SPACER_PT = 6;
/** Excel's tallest row. A table cell needing more (a pernyataan of pages) is the one place text may be cut. */
const MAX_PT = 409;

const DARK = ['1F4E79', '385723', '7F6000', '843C0C', '5B2C6F', '005F6B', '7B241C', '3A3A3A'];
const LIGHT = ['DDEBF7', 'E2EFDA', 'FFF2CC', 'FCE4D6', 'E8DAEF', 'D1F2EB', 'F5D5D3', 'EDEDED'];
const LINE: BorderSide = { style: 'medium', color: '404040' };
const THIN: BorderSide = { style: 'thin', color: '808080' };

export interface Box {
  node: PohonNode;
  top: number;
  left: number;
  bottom: number;
  right: number;
  band: number;
  stacked: boolean;
}

export interface Connector {
  parent: PohonNode;
  child: PohonNode;
  /** Cell borders that make the line, parent to child. */
  segments: { row: number; col: number; side: 'top' | 'right' | 'bottom' | 'left' }[];
}

export interface TataOptions {
  /** Stack leaf groups: true, false, or automatic (more than COMPACT_LEAVES leaves). */
  compact?: boolean;
  title?: string;
  /**
   * 'atas-bawah': top-down, bands of rows named on the left. 'kiri-kanan': left to right, one
   * band of columns per level named on top, one row group per leaf; what a very wide tree
   * needs to print readably. Default: top-down unless more than WIDE_SLOTS columns of boxes
   * remain after stacking.
   */
  orientation?: 'atas-bawah' | 'kiri-kanan';
  /** Messages shown under the tree (orphans, duplicates). */
  messages?: readonly string[];
  /**
   * One cell per box line and no merge anywhere: a box is one column wide with its body in one
   * row, band names and messages sit in one cell, each table column is one column (narrower
   * grid columns between are left as thin gaps). For a host that merges one area per call
   * (SpreadsheetApp has no batch merge), so drawing costs a fixed number of calls, and whose
   * rows grow to fit their text. Connectors meet a box at its left edge: a one-column box has
   * no column boundary in its middle.
   */
  singleCells?: boolean;
}

export interface TataResult {
  drawing: Drawing;
  boxes: Box[];
  connectors: Connector[];
  /** Rows of the cascading table (its header row first). */
  tableTop: number;
}

interface Placed {
  node: PohonNode;
  parent: Placed | null;
  depth: number;
  band: number;
  slot: number;
  /** Index among stacked siblings, 0 when not stacked. */
  pos: number;
  stacked: boolean;
  children: Placed[];
  stacksChildren: boolean;
}

function headerText(n: PohonNode): string {
  return n.kode ? `${n.level.toUpperCase()} ${n.kode}` : n.level.toUpperCase();
}

function bodyText(n: PohonNode): string {
  const lines = [n.pernyataan === '' ? '(tanpa pernyataan)' : n.pernyataan];
  for (const i of n.indikator) {
    const t = [i.target, i.satuan].filter(Boolean).join(' ');
    lines.push(`Indikator: ${i.nama || '-'}${t ? ` (${t})` : ''}`);
  }
  if (n.pagu !== null) lines.push(`Pagu: ${formatRupiah(n.pagu)}`);
  if (n.pj) lines.push(`PJ: ${n.pj}`);
  if (n.temuan && n.temuan.length > 0) lines.push('⚠ Pagu tidak sesuai jumlah di bawahnya (lihat tabel).');
  return lines.join('\n');
}

export function tataPohon(tree: readonly PohonNode[], options: TataOptions = {}): TataResult {
  // ---- levels and bands
  const all: Placed[] = [];
  const roots: Placed[] = [];
  const levelMinDepth = new Map<string, { depth: number; first: number }>();
  const build = (n: PohonNode, parent: Placed | null, depth: number): Placed => {
    const p: Placed = { node: n, parent, depth, band: 0, slot: 0, pos: 0, stacked: false, children: [], stacksChildren: false };
    all.push(p);
    const key = n.level.toLowerCase();
    const seen = levelMinDepth.get(key);
    if (seen === undefined) levelMinDepth.set(key, { depth, first: all.length });
    else if (depth < seen.depth) seen.depth = depth;
    return p;
  };
  {
    const stack: { n: PohonNode; parent: Placed | null; depth: number }[] = [];
    for (let i = tree.length - 1; i >= 0; i--) stack.push({ n: tree[i], parent: null, depth: 0 });
    while (stack.length > 0) {
      const { n, parent, depth } = stack.pop()!;
      const p = build(n, parent, depth);
      if (parent) parent.children.push(p);
      else roots.push(p);
      for (let i = n.children.length - 1; i >= 0; i--) stack.push({ n: n.children[i], parent: p, depth: depth + 1 });
    }
  }
  const levelOrder = [...levelMinDepth.entries()].sort((a, b) => a[1].depth - b[1].depth || a[1].first - b[1].first).map((e) => e[0]);
  const levelIndex = new Map(levelOrder.map((l, i) => [l, i]));
  for (const p of all) {
    const li = levelIndex.get(p.node.level.toLowerCase()) ?? 0;
    p.band = Math.max(li, p.parent ? p.parent.band + 1 : 0);
  }
  const usedBands = [...new Set(all.map((p) => p.band))].sort((a, b) => a - b);
  const bandOf = new Map(usedBands.map((b, i) => [b, i]));
  for (const p of all) p.band = bandOf.get(p.band)!;
  const bandCount = usedBands.length;

  // ---- compact mode: stack leaf groups
  const leaves = all.filter((p) => p.children.length === 0).length;
  const stackable = (p: Placed) =>
    p.children.length > 0 && p.children.every((c) => c.children.length === 0 && c.band === p.children[0].band);
  const compact = options.compact ?? leaves > COMPACT_LEAVES;
  // Columns of boxes top-down would need: leaves, less those stacked under one parent.
  const topDownSlots = compact ? leaves - all.filter(stackable).reduce((n, p) => n + p.children.length - 1, 0) : leaves;
  const leftRight = options.orientation === 'kiri-kanan' || (options.orientation === undefined && topDownSlots > WIDE_SLOTS);
  if (compact && !leftRight) {
    for (const p of all) {
      if (p.children.length === 0) continue;
      if (stackable(p)) {
        p.stacksChildren = true;
        p.children.forEach((c, i) => {
          c.stacked = true;
          c.pos = i;
        });
      }
    }
  }

  // ---- slots (iterative post-order so deep trees do not overflow the stack)
  let nextSlot = 0;
  const place = (root: Placed) => {
    const stack: { p: Placed; done: boolean }[] = [{ p: root, done: false }];
    while (stack.length > 0) {
      const top = stack.pop()!;
      const p = top.p;
      if (p.children.length === 0 || p.stacksChildren) {
        p.slot = nextSlot++;
        for (const c of p.children) c.slot = p.slot;
        continue;
      }
      if (!top.done) {
        stack.push({ p, done: true });
        for (let i = p.children.length - 1; i >= 0; i--) stack.push({ p: p.children[i], done: false });
        continue;
      }
      p.slot = Math.floor((p.children[0].slot + p.children[p.children.length - 1].slot) / 2);
    }
  };
  for (const r of roots) place(r);
  const slots = Math.max(1, nextSlot);

  const single = options.singleCells === true;
  const boxCols = single ? 1 : BOX_COLS;
  const slotBase = (s: number) => 1 + s * (single ? 1 + boxCols : SLOT_COLS);
  // Left to right: band b's box columns, then two connector columns.
  const bandBase = (b: number) => 1 + b * (boxCols + 2);
  // One column: a stacked box cannot be indented inside its slot; its spine runs in the gap.
  const boxLeft = (p: Placed) => (leftRight ? bandBase(p.band) : slotBase(p.slot) + (p.stacked && !single ? 2 : 1));
  const boxRight = (p: Placed) => (leftRight ? bandBase(p.band) + boxCols - 1 : slotBase(p.slot) + boxCols);
  const boxWidth = (p: Placed) => (single ? BOX_COLS : boxRight(p) - boxLeft(p) + 1) * (leftRight ? LR_BOX_COL_W : BOX_COL_W);
  const midCol = (p: Placed) => slotBase(p.slot) + (single ? 1 : 3);

  // ---- rows
  const rowHeights: number[] = [];
  const addRow = (pt: number) => {
    rowHeights.push(Math.round(pt * 4) / 4);
    return rowHeights.length - 1;
  };
  const title = options.title ?? 'Pohon Kinerja';
  addRow(24); // title
  addRow(SPACER_PT);
  const positions: Placed[][][] = Array.from({ length: bandCount }, () => []);
  for (const p of all) (positions[p.band][p.pos] ??= []).push(p);
  const headerRowOf = new Map<Placed, number>();
  const bodyRowsOf = new Map<Placed, [number, number]>();
  const bandRows: [number, number][] = [];
  const zoneRows: number[] = []; // first connector row above band b (b ≥ 1)
  const placeRowGroup = (group: readonly Placed[]) => {
    let head = 0;
    let body = 0;
    for (const p of group) {
      head = Math.max(head, textHeight(headerText(p.node), boxWidth(p)));
      body = Math.max(body, textHeight(bodyText(p.node), boxWidth(p)));
    }
    const h = addRow(Math.min(MAX_PT, Math.max(head, LINE_PT + PAD_PT)));
    const k = single ? 1 : Math.max(1, Math.ceil(body / MAX_ROW_PT));
    const first = rowHeights.length;
    // One row per body (single): the host's rows grow to fit, the height is a floor within Excel's cap.
    for (let j = 0; j < k; j++) addRow(single ? Math.min(MAX_PT, body) : body / k);
    for (const p of group) {
      headerRowOf.set(p, h);
      bodyRowsOf.set(p, [first, first + k - 1]);
    }
  };
  const bandNameRow = leftRight ? addRow(LINE_PT + PAD_PT) : -1;
  if (leftRight) {
    addRow(SPACER_PT);
    const bySlot: Placed[][] = Array.from({ length: slots }, () => []);
    for (const p of all) bySlot[p.slot].push(p);
    bySlot.forEach((group, i) => {
      if (i > 0) addRow(SPACER_PT);
      placeRowGroup(group);
    });
  }
  for (let b = 0; b < (leftRight ? 0 : bandCount); b++) {
    if (b > 0) {
      zoneRows[b] = addRow(CONNECTOR_PT);
      addRow(CONNECTOR_PT);
    }
    const start = rowHeights.length;
    const band = positions[b];
    for (let i = 0; i < band.length; i++) {
      if (i > 0) addRow(SPACER_PT);
      placeRowGroup(band[i] ?? []);
    }
    bandRows[b] = [start, rowHeights.length - 1];
  }

  // ---- cells
  // One array of cells per row: row-major order for free, and no key arithmetic past the
  // small-integer range that made a Map keyed by row × 65536 + col slow on big trees.
  const grid: (DrawnCell | undefined)[][] = [];
  const merges: DrawnMerge[] = [];
  const cell = (row: number, col: number): DrawnCell => {
    const line = (grid[row] ??= []);
    let c = line[col];
    if (c === undefined) {
      c = { row, col, value: null };
      line[col] = c;
    }
    return c;
  };
  const border = (row: number, col: number, side: 'top' | 'right' | 'bottom' | 'left', b: BorderSide) => {
    const c = cell(row, col);
    (c.border ??= {})[side] = b;
  };

  const t = cell(0, 0);
  t.value = title;
  t.font = { bold: true, size: 14 };

  const levelColour = (level: string) => (levelIndex.get(level.toLowerCase()) ?? 0) % DARK.length;
  // Band names: on the left of each band of rows, or above each band of columns.
  for (let b = 0; b < bandCount; b++) {
    const names: string[] = [];
    for (const p of all) if (p.band === b && !names.includes(p.node.level)) names.push(p.node.level);
    if (leftRight) {
      const left = bandBase(b);
      const c = cell(bandNameRow, left);
      c.value = names.join(' / ');
      const colour = levelColour(names[0] ?? '');
      c.fill = LIGHT[colour];
      c.font = { bold: true, size: 10, color: DARK[colour] };
      c.align = { horizontal: 'center', vertical: 'middle', wrap: true };
      if (!single) merges.push({ top: bandNameRow, left, bottom: bandNameRow, right: left + BOX_COLS - 1 });
      for (let col = left + 1; col < left + boxCols; col++) cell(bandNameRow, col).fill = LIGHT[colour];
      const need = textHeight(String(c.value), BOX_COLS * LR_BOX_COL_W);
      rowHeights[bandNameRow] = Math.min(MAX_PT, Math.max(rowHeights[bandNameRow], need));
      continue;
    }
    const [top, bottom] = bandRows[b];
    const c = cell(top, 0);
    c.value = names.join(' / ');
    const colour = levelColour(names[0] ?? '');
    c.fill = LIGHT[colour];
    c.font = { bold: true, size: 10, color: DARK[colour] };
    c.align = { horizontal: 'center', vertical: 'middle', wrap: true };
    if (bottom > top && !single) merges.push({ top, left: 0, bottom, right: 0 });
    // The band may be a single short row: make sure its name fits.
    let have = 0;
    for (let r = top; r <= bottom; r++) have += rowHeights[r];
    const need = textHeight(String(c.value), LABEL_W);
    if (need > have) rowHeights[bottom] = Math.min(MAX_PT, rowHeights[bottom] + need - have);
  }

  // Boxes.
  const boxes: Box[] = [];
  for (const p of all) {
    const colour = levelColour(p.node.level);
    const h = headerRowOf.get(p)!;
    const [b0, b1] = bodyRowsOf.get(p)!;
    const left = boxLeft(p);
    const right = boxRight(p);
    // One colour for every outline where each colour costs the host a call (the fills keep the level's colour).
    const side: BorderSide = single ? LINE : { style: 'medium', color: DARK[colour] };
    const divider: BorderSide = single ? THIN : { style: 'thin', color: DARK[colour] };
    const hc = cell(h, left);
    hc.value = headerText(p.node);
    hc.fill = DARK[colour];
    hc.font = { bold: true, size: FONT_PT, color: 'FFFFFF' };
    hc.align = { horizontal: 'center', vertical: 'middle', wrap: true };
    if (!single) merges.push({ top: h, left, bottom: h, right });
    const bc = cell(b0, left);
    bc.value = bodyText(p.node);
    bc.fill = LIGHT[colour];
    bc.font = { size: FONT_PT, color: p.node.temuan ? '9C0006' : undefined };
    bc.align = { horizontal: 'left', vertical: 'top', wrap: true };
    if (!single) merges.push({ top: b0, left, bottom: b1, right });
    for (let c = left; c <= right; c++) {
      if (c !== left) cell(h, c).fill = DARK[colour];
      border(h, c, 'top', side);
      border(h, c, 'bottom', divider);
      border(b1, c, 'bottom', side);
      for (let r = b0; r <= b1; r++) if (c !== left || r !== b0) cell(r, c).fill = LIGHT[colour];
    }
    for (let r = h; r <= b1; r++) {
      border(r, left, 'left', side);
      border(r, right, 'right', side);
    }
    boxes.push({ node: p.node, top: h, left, bottom: b1, right, band: p.band, stacked: p.stacked });
  }

  // Connectors.
  const connectors: Connector[] = [];
  for (const p of all) {
    if (p.children.length === 0) continue;
    const pBottom = bodyRowsOf.get(p)![1];
    if (leftRight) {
      // From the parent's right side under its header, along the connector column, into
      // each child's left side under its header.
      const z0 = boxRight(p) + 1;
      const z1 = z0 + 1;
      const ph = headerRowOf.get(p)!;
      const hs = p.children.map((c) => headerRowOf.get(c)!);
      const stem: Connector['segments'] = [{ row: ph, col: z0, side: 'bottom' }];
      p.children.forEach((c, i) => {
        const segs: Connector['segments'] = [...stem];
        const a = Math.min(ph, hs[i]);
        const b = Math.max(ph, hs[i]);
        for (let r = a + 1; r <= b; r++) segs.push({ row: r, col: z1, side: 'left' });
        for (let col = z1; col < boxLeft(c); col++) segs.push({ row: hs[i], col, side: 'bottom' });
        connectors.push({ parent: p.node, child: c.node, segments: segs });
      });
      continue;
    }
    if (p.stacksChildren) {
      // Along the parent's left edge; in one-cell boxes along the gap's, reached from the parent's bottom-left corner.
      const spine = slotBase(p.slot) + (single ? 0 : 1);
      for (const c of p.children) {
        const segs: Connector['segments'] = single ? [{ row: pBottom, col: spine, side: 'bottom' }] : [];
        const cTop = headerRowOf.get(c)!;
        for (let r = pBottom + 1; r < cTop; r++) segs.push({ row: r, col: spine, side: 'left' });
        segs.push({ row: cTop, col: spine, side: 'top' });
        connectors.push({ parent: p.node, child: c.node, segments: segs });
      }
      continue;
    }
    const bar = zoneRows[p.band + 1];
    const pm = midCol(p);
    const stem: Connector['segments'] = [];
    for (let r = pBottom + 1; r <= bar; r++) stem.push({ row: r, col: pm, side: 'left' });
    for (const c of p.children) {
      const cm = midCol(c);
      const segs: Connector['segments'] = [...stem];
      for (let col = Math.min(pm, cm); col < Math.max(pm, cm); col++) segs.push({ row: bar, col, side: 'bottom' });
      const cTop = headerRowOf.get(c)!;
      for (let r = bar + 1; r < cTop; r++) segs.push({ row: r, col: cm, side: 'left' });
      connectors.push({ parent: p.node, child: c.node, segments: segs });
    }
  }
  for (const k of connectors) for (const s of k.segments) border(s.row, s.col, s.side, LINE);

  const columnWidths: number[] = [leftRight ? GAP_W : LABEL_W];
  if (single && leftRight) for (let b = 0; b < bandCount; b++) columnWidths.push(BOX_COLS * LR_BOX_COL_W, LR_ZONE_W, LR_ZONE_W);
  else if (single) for (let s = 0; s < slots; s++) columnWidths.push(GAP_W, BOX_COLS * BOX_COL_W);
  else if (leftRight)
    for (let b = 0; b < bandCount; b++) columnWidths.push(LR_BOX_COL_W, LR_BOX_COL_W, LR_BOX_COL_W, LR_BOX_COL_W, LR_ZONE_W, LR_ZONE_W);
  else for (let s = 0; s < slots; s++) columnWidths.push(GAP_W, BOX_COL_W, BOX_COL_W, BOX_COL_W, BOX_COL_W);

  // ---- messages and the cascading table below the tree
  addRow(SPACER_PT * 2);
  const tableTop = drawTable(tree, { cell, merges, rowHeights, addRow, columnWidths, levelColour, single }, options.messages ?? []);

  const drawing: Drawing = {
    sheetName: 'Pohon Kinerja',
    columnWidths,
    rowHeights,
    cells: rowMajor(grid),
    merges,
    // A wide tree is printed on A3, as planners print their pohon kinerja.
    // Left to right runs over several pages: the level names repeat on each.
    print: {
      landscape: true,
      fitToWidth: true,
      paper: !leftRight && slots > 6 ? 'A3' : 'A4',
      repeatRows: leftRight ? bandNameRow + 1 : undefined,
    },
    gridlines: false,
  };
  if (single) drawing.rowsFitText = true;
  return { drawing, boxes, connectors, tableTop };
}

function rowMajor(grid: readonly ((DrawnCell | undefined)[] | undefined)[]): DrawnCell[] {
  const out: DrawnCell[] = [];
  for (const line of grid) {
    if (line === undefined) continue;
    for (let c = 0; c < line.length; c++) {
      const x = line[c];
      if (x !== undefined) out.push(x);
    }
  }
  return out;
}

interface Canvas {
  cell(row: number, col: number): DrawnCell;
  merges: DrawnMerge[];
  rowHeights: number[];
  addRow(pt: number): number;
  columnWidths: number[];
  levelColour(level: string): number;
  single: boolean;
}

const TABLE_COLUMNS: { title: string; width: number }[] = [
  { title: 'Tingkat', width: 14 },
  { title: 'Kode', width: 16 },
  { title: 'Pernyataan kinerja', width: 40 },
  { title: 'Indikator', width: 40 },
  { title: 'Target', width: 10 },
  { title: 'Satuan', width: 10 },
  { title: 'Pagu (Rp)', width: 18 },
  { title: 'Penanggung jawab', width: 18 },
  { title: 'Catatan pagu', width: 40 },
];

/** A grid column narrower than this (a gap, a connector column) holds no table column of one cell. */
const SINGLE_MIN_W = 10;

/**
 * Groups the grid's columns into spans wide enough for each table column, widening the sheet if
 * needed. One cell per table column (single): the next grid column at least SINGLE_MIN_W wide.
 */
function tableSpans(widths: number[], single: boolean): { left: number; right: number; width: number }[] {
  const spans: { left: number; right: number; width: number }[] = [];
  let c = 0;
  if (single) {
    for (const t of TABLE_COLUMNS) {
      while (c < widths.length && widths[c] < SINGLE_MIN_W) c++;
      if (c >= widths.length) widths.push(t.width);
      spans.push({ left: c, right: c, width: widths[c] });
      c++;
    }
    return spans;
  }
  for (const t of TABLE_COLUMNS) {
    const left = c;
    let w = 0;
    while (w < t.width) {
      if (c >= widths.length) widths.push(BOX_COL_W);
      w += widths[c];
      c++;
    }
    spans.push({ left, right: c - 1, width: w });
  }
  return spans;
}

function drawTable(tree: readonly PohonNode[], cv: Canvas, messages: readonly string[]): number {
  const spans = tableSpans(cv.columnWidths, cv.single);
  const thin = THIN;
  // Shared, never mutated: a table of 900 rows has some 20 000 bordered cells.
  const edges = {
    single: { top: thin, bottom: thin, left: thin, right: thin },
    first: { top: thin, bottom: thin, left: thin },
    middle: { top: thin, bottom: thin },
    last: { top: thin, bottom: thin, right: thin },
  };
  const put = (row: number, k: number, value: string | number | null, extra: Partial<DrawnCell> = {}) => {
    const s = spans[k];
    const c = cv.cell(row, s.left);
    c.value = value;
    c.font = { size: FONT_PT, ...extra.font };
    c.align = { vertical: 'top', wrap: true, ...extra.align };
    if (extra.fill) c.fill = extra.fill;
    if (extra.numberFormat) c.numberFormat = extra.numberFormat;
    if (s.right > s.left) cv.merges.push({ top: row, left: s.left, bottom: row, right: s.right });
    for (let col = s.left; col <= s.right; col++) {
      const x = cv.cell(row, col);
      if (col !== s.left && extra.fill) x.fill = extra.fill;
      x.border = s.left === s.right ? edges.single : col === s.left ? edges.first : col === s.right ? edges.last : edges.middle;
    }
  };
  // Narrow grid columns between one-cell table columns: the row's lines run on through them.
  const gaps = (row: number) => {
    for (let k = 0; k + 1 < spans.length; k++) {
      const fill = cv.cell(row, spans[k].left).fill;
      for (let col = spans[k].right + 1; col < spans[k + 1].left; col++) {
        const x = cv.cell(row, col);
        x.border = edges.middle;
        if (fill && fill === cv.cell(row, spans[k + 1].left).fill) x.fill = fill;
      }
    }
  };
  const fit = (row: number, texts: (string | null)[]) => {
    let h = LINE_PT + PAD_PT;
    texts.forEach((t, k) => {
      if (t) h = Math.max(h, textHeight(t, spans[k].width));
    });
    cv.rowHeights[row] = Math.min(MAX_PT, Math.max(cv.rowHeights[row], Math.round(h * 4) / 4));
  };

  if (messages.length > 0) {
    const r = cv.addRow(LINE_PT + PAD_PT);
    const c = cv.cell(r, 0);
    c.value = 'Catatan penyusunan pohon';
    c.font = { bold: true, size: 10 };
    for (const m of messages) {
      const row = cv.addRow(LINE_PT + PAD_PT);
      const left = 0;
      const right = spans[spans.length - 1].right;
      let width = 0;
      for (let col = left; col <= right; col++) width += cv.columnWidths[col];
      const x = cv.cell(row, left);
      x.value = m;
      x.font = { size: FONT_PT };
      // One cell: the sentence runs on over the empty cells to its right instead of wrapping.
      x.align = { vertical: 'top', wrap: !cv.single };
      if (!cv.single) cv.merges.push({ top: row, left, bottom: row, right });
      cv.rowHeights[row] = Math.min(MAX_PT, Math.max(LINE_PT + PAD_PT, textHeight(m, width)));
    }
    cv.addRow(SPACER_PT * 2);
  }

  const titleRow = cv.addRow(20);
  const tc = cv.cell(titleRow, 0);
  tc.value = 'Tabel kaskade kinerja';
  tc.font = { bold: true, size: 12 };
  const head = cv.addRow(LINE_PT + PAD_PT);
  TABLE_COLUMNS.forEach((t, k) =>
    put(head, k, t.title, {
      font: { bold: true, size: FONT_PT },
      fill: 'D9D9D9',
      align: { horizontal: 'center', vertical: 'middle', wrap: true },
    }),
  );
  gaps(head);
  fit(
    head,
    TABLE_COLUMNS.map((t) => t.title),
  );

  walk(tree, (n) => {
    const colour = LIGHT[cv.levelColour(n.level)];
    const inds = n.indikator.length > 0 ? n.indikator : [null];
    inds.forEach((ind, i) => {
      const r = cv.addRow(LINE_PT + PAD_PT);
      const first = i === 0;
      const catatan = first && n.temuan ? n.temuan.join(' ') : null;
      const vals: (string | number | null)[] = [
        first ? n.level : null,
        first ? n.kode : null,
        first ? n.pernyataan : null,
        ind ? ind.nama : null,
        ind ? ind.target : null,
        ind ? ind.satuan : null,
        first ? n.pagu : null,
        first ? n.pj : null,
        catatan,
      ];
      vals.forEach((v, k) => {
        const extra: Partial<DrawnCell> = { fill: k < 3 ? colour : undefined };
        if (k === 6) {
          extra.numberFormat = '#,##0';
          extra.align = { horizontal: 'right', vertical: 'top', wrap: true };
          if (catatan) {
            extra.fill = 'FFC7CE';
            extra.font = { color: '9C0006', bold: true };
          }
        }
        if (k === 8 && catatan) extra.font = { color: '9C0006' };
        put(r, k, v === '' ? null : v, extra);
      });
      gaps(r);
      fit(
        r,
        vals.map((v, k) => (v === null ? null : k === 6 && typeof v === 'number' ? formatNumber(v) : String(v))),
      );
    });
  });
  return head;
}
