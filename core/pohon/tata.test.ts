import fc from 'fast-check';
import { Drawing } from './gambar';
import { PohonNode, walk } from './model';
import { Box, Connector, tataPohon } from './tata';
import { textHeight } from './teks';

const LEVELS = ['Visi', 'Misi', 'Sasaran', 'Program', 'Kegiatan', 'Sub kegiatan'];
const WORDS = [
  'Meningkatnya',
  'kualitas',
  'pelayanan',
  'sosial',
  'Penyediaan',
  'Administrasi',
  'Keuangan',
  'Perangkat',
  'Daerah',
  'PenyandangDisabilitasTerlantarSangatPanjang',
  'dan',
  'yang',
];

const text = (min: number, max: number) =>
  fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' '));

interface Spec {
  parents: number[];
  levelShift: number[];
  texts: string[];
  inds: { nama: string; target: string; satuan: string }[][];
  pagu: (number | null)[];
}

/** Trees of many shapes: a parent for each node among the earlier ones (or none), levels by depth with skips. */
const specArb = fc.integer({ min: 1, max: 70 }).chain((n) =>
  fc.record({
    parents: fc.array(fc.nat(), { minLength: n, maxLength: n }),
    levelShift: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
    texts: fc.array(text(0, 30), { minLength: n, maxLength: n }),
    inds: fc.array(
      fc.array(
        fc.record({
          nama: text(0, 15),
          target: fc.constantFrom('', '100', '12', '83,5'),
          satuan: fc.constantFrom('', '%', 'dokumen', 'orang'),
        }),
        { maxLength: 4 },
      ),
      { minLength: n, maxLength: n },
    ),
    pagu: fc.array(fc.option(fc.integer({ min: 0, max: 9_000_000_000 })), { minLength: n, maxLength: n }),
  }),
);

function buildTree(s: Spec, chain: number): PohonNode[] {
  const nodes: PohonNode[] = [];
  const depth: number[] = [];
  const roots: PohonNode[] = [];
  for (let i = 0; i < s.parents.length; i++) {
    // Most nodes hang under a recent node; `chain` makes deep or wide trees.
    const p = i === 0 || s.parents[i] % 7 === 0 ? -1 : Math.max(0, i - 1 - (s.parents[i] % Math.max(1, chain)));
    const d = p < 0 ? 0 : depth[p] + 1;
    depth.push(d);
    const node: PohonNode = {
      id: `n${i}`,
      level: LEVELS[Math.min(LEVELS.length - 1, d + (s.levelShift[i] === 2 ? 1 : 0))],
      kode: s.levelShift[i] === 1 ? null : `${i}`,
      pernyataan: s.texts[i],
      indikator: s.inds[i],
      pagu: s.pagu[i],
      pj: i % 3 === 0 ? 'Kepala Bidang Rehabilitasi Sosial' : null,
      children: [],
    };
    nodes.push(node);
    if (p < 0) roots.push(node);
    else nodes[p].children.push(node);
  }
  return roots;
}

const overlaps = (a: { top: number; left: number; bottom: number; right: number }, b: typeof a) =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

function checkBoxes(tree: PohonNode[], boxes: Box[]): void {
  const ids: string[] = [];
  walk(tree, (n) => ids.push(n.id));
  expect(boxes.map((b) => b.node.id).sort()).toEqual([...ids].sort());
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      if (overlaps(boxes[i], boxes[j])) throw new Error(`boxes ${boxes[i].node.id} and ${boxes[j].node.id} overlap`);
    }
  const boxOf = new Map(boxes.map((b) => [b.node, b]));
  walk(tree, (n, _d, parent) => {
    if (!parent) return;
    const c = boxOf.get(n)!;
    const p = boxOf.get(parent)!;
    expect(c.top > p.bottom || c.left > p.right).toBe(true);
  });
}

/** A connector is a connected run of cell borders from the parent box's bottom edge to the child box's edge, crossing no box. */
function checkConnectors(tree: PohonNode[], boxes: Box[], connectors: Connector[], drawing: Drawing): void {
  const boxOf = new Map(boxes.map((b) => [b.node, b]));
  const edges = new Set<string>();
  walk(tree, (n, _d, parent) => {
    if (parent) edges.add(`${parent.id}>${n.id}`);
  });
  expect(connectors.map((k) => `${k.parent.id}>${k.child.id}`).sort()).toEqual([...edges].sort());
  const drawn = new Map(drawing.cells.map((c) => [`${c.row},${c.col}`, c]));
  for (const k of connectors) {
    const p = boxOf.get(k.parent)!;
    const c = boxOf.get(k.child)!;
    const pts: [number, number][][] = k.segments.map((s) => {
      const cell = drawn.get(`${s.row},${s.col}`);
      expect(cell?.border?.[s.side]).toBeDefined();
      if (s.side === 'left' || s.side === 'right') {
        const x = s.side === 'left' ? s.col : s.col + 1;
        for (const b of boxes)
          if (b.left < x && x <= b.right && b.top <= s.row && s.row <= b.bottom) throw new Error(`line through box ${b.node.id}`);
        return [
          [x, s.row],
          [x, s.row + 1],
        ];
      }
      const y = s.side === 'top' ? s.row : s.row + 1;
      for (const b of boxes)
        if (b.top < y && y <= b.bottom && b.left <= s.col && s.col <= b.right) throw new Error(`line through box ${b.node.id}`);
      return [
        [s.col, y],
        [s.col + 1, y],
      ];
    });
    // Union-find over segment end points.
    const parent = new Map<string, string>();
    const find = (a: string): string => {
      let r = a;
      while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
      return r;
    };
    const key = (pt: [number, number]) => `${pt[0]},${pt[1]}`;
    for (const [a, b] of pts) {
      const ra = find(key(a));
      const rb = find(key(b));
      parent.set(ra, ra);
      parent.set(rb, ra);
    }
    // On the box's outline: its bottom or right side for the parent, its top or left side for the child.
    const onParent = (pt: [number, number]) =>
      (pt[1] === p.bottom + 1 && p.left <= pt[0] && pt[0] <= p.right + 1) ||
      (pt[0] === p.right + 1 && p.top <= pt[1] && pt[1] <= p.bottom + 1);
    const onChild = (pt: [number, number]) =>
      (pt[1] === c.top && c.left <= pt[0] && pt[0] <= c.right + 1) || (pt[0] === c.left && c.top <= pt[1] && pt[1] <= c.bottom + 1);
    const all = pts.flat();
    const start = all.find(onParent);
    const end = all.find(onChild);
    if (!start || !end) throw new Error(`connector ${k.parent.id}>${k.child.id} does not touch both boxes`);
    expect(find(key(start))).toBe(find(key(end)));
  }
}

/**
 * Every wrapped text has the room its estimated lines need (unless the host's rows grow to fit
 * their text: rowsFitText); no value hides under a merge; merges never overlap.
 */
function checkText(d: Drawing): void {
  const mergeAt = new Map(d.merges.map((m) => [`${m.top},${m.left}`, m]));
  for (let i = 0; i < d.merges.length; i++)
    for (let j = i + 1; j < d.merges.length; j++) if (overlaps(d.merges[i], d.merges[j])) throw new Error('merges overlap');
  for (const cell of d.cells) {
    if (cell.value === null) continue;
    const covering = d.merges.find((m) => m.top <= cell.row && cell.row <= m.bottom && m.left <= cell.col && cell.col <= m.right);
    if (covering) expect([covering.top, covering.left]).toEqual([cell.row, cell.col]);
    if (!cell.align?.wrap || typeof cell.value !== 'string' || d.rowsFitText) continue;
    const m = mergeAt.get(`${cell.row},${cell.col}`) ?? { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col };
    let width = 0;
    for (let c = m.left; c <= m.right; c++) width += d.columnWidths[c];
    let height = 0;
    for (let r = m.top; r <= m.bottom; r++) height += d.rowHeights[r];
    if (height + 0.5 < textHeight(cell.value, width))
      throw new Error(`text cut at ${cell.row},${cell.col}: ${cell.value.slice(0, 40)}`);
  }
  for (const h of d.rowHeights) expect(h).toBeLessThanOrEqual(409);
}

/**
 * The Sheets drawing (singleCells): nothing merged, a box is a header cell over a body cell, and
 * every text cell stands alone, so the host's rows can grow to fit it.
 */
function checkSingleCells(d: Drawing, boxes: Box[]): void {
  expect(d.merges).toEqual([]);
  expect(d.rowsFitText).toBe(true);
  const at = new Map(d.cells.map((c) => [`${c.row},${c.col}`, c]));
  for (const b of boxes) {
    expect([b.right - b.left, b.bottom - b.top]).toEqual([0, 1]);
    expect(at.get(`${b.top},${b.left}`)?.value).toMatch(new RegExp(`^${b.node.level.toUpperCase()}`));
    expect(at.get(`${b.bottom},${b.left}`)?.align?.wrap).toBe(true);
  }
}

describe('tataPohon layout invariants', () => {
  test('no overlaps, children below, connectors join parent to child, text never cut', () => {
    fc.assert(
      fc.property(
        specArb,
        fc.integer({ min: 1, max: 6 }),
        fc.option(fc.boolean(), { nil: undefined }),
        fc.constantFrom(undefined, 'atas-bawah' as const, 'kiri-kanan' as const),
        fc.boolean(),
        (spec, chain, compact, orientation, singleCells) => {
          const tree = buildTree(spec, chain);
          const { drawing, boxes, connectors } = tataPohon(tree, {
            compact,
            orientation,
            singleCells,
            messages: spec.texts.slice(0, 2),
          });
          checkBoxes(tree, boxes);
          checkConnectors(tree, boxes, connectors, drawing);
          checkText(drawing);
          if (singleCells) checkSingleCells(drawing, boxes);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('the Sheets drawing (singleCells) shows what the Excel one shows: every text, and each box in its level colours', () => {
    fc.assert(
      fc.property(specArb, fc.integer({ min: 1, max: 6 }), (spec, chain) => {
        const tree = buildTree(spec, chain);
        const excel = tataPohon(tree, { messages: spec.texts.slice(0, 2) });
        const sheets = tataPohon(tree, { messages: spec.texts.slice(0, 2), singleCells: true });
        const texts = (d: Drawing) =>
          d.cells
            .filter((c) => c.value !== null)
            .map((c) => String(c.value))
            .sort();
        expect(texts(sheets.drawing)).toEqual(texts(excel.drawing));
        // Header cell and (first) body cell of each box: text, fill, font colour.
        const looks = (r: typeof excel) => {
          const at = new Map(r.drawing.cells.map((c) => [`${c.row},${c.col}`, c]));
          return r.boxes.map((b) => [
            b.node.id,
            ...[b.top, b.top + 1].map((row) => at.get(`${row},${b.left}`)).map((c) => [c?.value, c?.fill, c?.font?.color]),
          ]);
        };
        expect(looks(sheets)).toEqual(looks(excel));
      }),
      { numRuns: 40 },
    );
  });

  test('deterministic', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const a = tataPohon(buildTree(spec, 3)).drawing;
        const b = tataPohon(buildTree(spec, 3)).drawing;
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 20 },
    );
  });

  test('a wide tree (48 leaves) stacks its leaves: the sheet is as wide as the parents of the leaves', () => {
    const kegiatan: PohonNode[] = Array.from({ length: 8 }, (_, k) => ({
      id: `k${k}`,
      level: 'Kegiatan',
      kode: `1.${k}`,
      pernyataan: `Kegiatan ${k}`,
      indikator: [],
      pagu: null,
      pj: null,
      children: Array.from({ length: 6 }, (_, s) => ({
        id: `s${k}.${s}`,
        level: 'Sub kegiatan',
        kode: `1.${k}.${s}`,
        pernyataan: `Sub kegiatan ${s}`,
        indikator: [],
        pagu: 1000,
        pj: null,
        children: [],
      })),
    }));
    const tree: PohonNode[] = [
      { id: 'p', level: 'Program', kode: '1', pernyataan: 'Program', indikator: [], pagu: 48000, pj: null, children: kegiatan },
    ];
    const { boxes, drawing } = tataPohon(tree);
    const leafCols = new Set(boxes.filter((b) => b.node.level === 'Sub kegiatan').map((b) => b.left));
    expect(leafCols.size).toBe(8);
    expect(drawing.print).toMatchObject({ landscape: true, fitToWidth: true });
    // Band names on the left, one per level.
    const labels = drawing.cells.filter((c) => c.col === 0).map((c) => c.value);
    expect(labels).toEqual(expect.arrayContaining(['Program', 'Kegiatan', 'Sub kegiatan']));
  });

  test('a tree too wide even stacked (30 kegiatan with 2 sub kegiatan each) is drawn left to right, levels named on top', () => {
    const kegiatan: PohonNode[] = Array.from({ length: 30 }, (_, k) => ({
      id: `k${k}`,
      level: 'Kegiatan',
      kode: `1.${k}`,
      pernyataan: `Kegiatan ${k}`,
      indikator: [],
      pagu: null,
      pj: null,
      children: Array.from({ length: 2 }, (_, s) => ({
        id: `s${k}.${s}`,
        level: 'Sub kegiatan',
        kode: `1.${k}.${s}`,
        pernyataan: `Sub kegiatan ${s}`,
        indikator: [],
        pagu: 1000,
        pj: null,
        children: [],
      })),
    }));
    kegiatan[0].children[0].children = [
      { id: 'x', level: 'Rincian', kode: null, pernyataan: 'Rincian', indikator: [], pagu: null, pj: null, children: [] },
    ];
    const tree: PohonNode[] = [
      { id: 'p', level: 'Program', kode: '1', pernyataan: 'Program', indikator: [], pagu: null, pj: null, children: kegiatan },
    ];
    const { boxes, drawing } = tataPohon(tree);
    const program = boxes.find((b) => b.node.id === 'p')!;
    for (const b of boxes) if (b.node.level === 'Kegiatan') expect(b.left).toBeGreaterThan(program.right);
    // Band names sit above the bands, on one row.
    const names = drawing.cells.filter((c) => c.font?.size === 10 && c.value !== null);
    expect(names.map((c) => c.value)).toEqual(['Program', 'Kegiatan', 'Sub kegiatan', 'Rincian']);
    expect(new Set(names.map((c) => c.row)).size).toBe(1);
    expect(drawing.columnWidths.length).toBeLessThan(40);
  });

  test('box text: level, kode, pernyataan, indicator lines with target and satuan, pagu in rupiah, PJ', () => {
    const tree: PohonNode[] = [
      {
        id: 'a',
        level: 'Program',
        kode: '1.06.04',
        pernyataan: 'Program Rehabilitasi Sosial',
        pagu: 1234000,
        pj: 'Kabid Rehsos',
        indikator: [{ nama: 'Persentase PMKS tertangani', target: '80', satuan: '%' }],
        children: [],
      },
    ];
    const { drawing } = tataPohon(tree);
    const values = drawing.cells.map((c) => c.value);
    expect(values).toContain('PROGRAM 1.06.04');
    expect(values).toContain(
      'Program Rehabilitasi Sosial\nIndikator: Persentase PMKS tertangani (80 %)\nPagu: Rp 1.234.000\nPJ: Kabid Rehsos',
    );
  });
});
