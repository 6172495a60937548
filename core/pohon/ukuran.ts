import { formatNumber } from '../angka/format';
import { PohonNode, walk } from './model';

/*
 * How big a tree may be drawn. The drawing holds one object per cell and the hosts write it in
 * one batch, so a tree of a 100,000-row table (about 4 million cells) runs the CLI out of
 * memory and would freeze Excel or Sheets. The tree is measured before the layout, from the
 * tree alone, and refused with the size that can be drawn. The caps leave room for ten times
 * a 2,000-row Renja (2,000 boxes, about 82,000 cells measured).
 */

/** Boxes (nodes) a drawing may hold. */
export const MAX_SIMPUL = 20_000;
/** Cells a drawing may hold (the estimate below). */
export const MAX_SEL = 1_000_000;

/** Cells per box: a header row and a body row of BOX_COLS cells, its connector borders. */
const BOX_CELLS = 10;
/** Cells per row of the cascading table under the tree (nine columns spread over the grid's columns). */
const TABLE_ROW_CELLS = 30;

export interface UkuranPohon {
  nodes: number;
  leaves: number;
  /** Cells the drawing would hold, estimated from the tree. */
  cells: number;
}

export function ukuranPohon(tree: readonly PohonNode[]): UkuranPohon {
  let nodes = 0;
  let leaves = 0;
  let cells = 0;
  walk(tree, (n) => {
    nodes++;
    if (n.children.length === 0) leaves++;
    cells += BOX_CELLS + TABLE_ROW_CELLS * Math.max(1, n.indikator.length);
  });
  return { nodes, leaves, cells };
}

/** An Indonesian refusal when the tree is too big to draw, null when it fits. */
export function pohonTerlaluBesar(size: UkuranPohon): string | null {
  if (size.nodes <= MAX_SIMPUL && size.cells <= MAX_SEL) return null;
  const n = (x: number) => formatNumber(x);
  return (
    `Pohon kinerja terlalu besar untuk digambar: ${n(size.nodes)} simpul (${n(size.leaves)} di tingkat terbawah), ` +
    `sekitar ${n(size.cells)} sel. Yang dapat digambar paling banyak ${n(MAX_SIMPUL)} simpul dan ${n(MAX_SEL)} sel. ` +
    'Gambarlah per program atau per perangkat daerah: salin bagian tabel itu ke lembar tersendiri.'
  );
}
