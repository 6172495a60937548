/**
 * The pohon kinerja (performance tree): what the builders read from a sheet and what the
 * layout draws. Platform-neutral and JSON-safe, so every host gets the same tree.
 */

export interface Indikator {
  nama: string;
  /** As written (`83`, `100`), without the satuan when the satuan could be told apart. */
  target: string;
  satuan: string;
}

export interface PohonNode {
  /** Unique within one tree (the source row, or a made-up id for nodes that have none). */
  id: string;
  /** Level as the office names it: Visi, Misi, Sasaran, Program, Kegiatan, Sub kegiatan, … */
  level: string;
  kode: string | null;
  pernyataan: string;
  indikator: Indikator[];
  /** Whole rupiah (or exact decimal as a JS number); null when the sheet gives none. */
  pagu: number | null;
  pj: string | null;
  children: PohonNode[];
  /** Where the node was read: 0-based row of the block, the sheet row as the user sees it (1-based), its pagu cell (A1). */
  sumber?: { sheet: string; row: number; baris: number; paguCell?: string };
  /** Findings of the pagu roll-up on this node's pagu (Indonesian sentences). */
  temuan?: string[];
}

/** Depth-first visit, parents before children. */
export function walk(nodes: readonly PohonNode[], visit: (n: PohonNode, depth: number, parent: PohonNode | null) => void): void {
  const stack: { n: PohonNode; d: number; p: PohonNode | null }[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push({ n: nodes[i], d: 0, p: null });
  while (stack.length > 0) {
    const { n, d, p } = stack.pop()!;
    visit(n, d, p);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push({ n: n.children[i], d: d + 1, p: n });
  }
}

export function countNodes(nodes: readonly PohonNode[]): number {
  let k = 0;
  walk(nodes, () => k++);
  return k;
}

/** Canonical display names of the levels the hierarchy module knows. */
export const LEVEL_DISPLAY: Record<string, string> = {
  urusan: 'Urusan',
  bidang: 'Bidang urusan',
  program: 'Program',
  kegiatan: 'Kegiatan',
  'sub-kegiatan': 'Sub kegiatan',
  sasaran: 'Sasaran',
  indikator: 'Indikator',
  akun: 'Akun',
  kelompok: 'Kelompok',
  jenis: 'Jenis',
  objek: 'Objek',
  'rincian-objek': 'Rincian objek',
  'sub-rincian-objek': 'Sub rincian objek',
};
