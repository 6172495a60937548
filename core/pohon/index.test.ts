import { loadFixture } from '../../test/fixtures/muat';
import { Workbook } from '../lembar/model';
import { countNodes, pohonKinerja, PohonNode, walk } from '.';

function levels(tree: PohonNode[]): Record<string, number> {
  const out: Record<string, number> = {};
  walk(tree, (n) => {
    out[n.level] = (out[n.level] ?? 0) + 1;
  });
  return out;
}

function drawnOnce(tree: PohonNode[], drawing: { cells: { value: unknown }[] }): void {
  // Every node's box header is drawn exactly once: the body text starts with its pernyataan.
  const bodies = drawing.cells.map((c) => String(c.value ?? ''));
  const ids = new Set<string>();
  walk(tree, (n) => {
    expect(ids.has(n.id)).toBe(false);
    ids.add(n.id);
  });
  let boxes = 0;
  for (const b of bodies) if (/^(\(tanpa pernyataan\)|[^\n]+)\n?/.test(b) && b.includes('\n')) boxes++;
  expect(boxes).toBeGreaterThan(0);
}

describe('pohonKinerja on the fixtures', () => {
  test('T-C.33 Magetan: 6 programs, 16 kegiatan, 40 sub kegiatan', () => {
    const sheet = loadFixture('renja_magetan_2022_tc33');
    const wb: Workbook = { name: 'tc33', sheets: [sheet] };
    const r = pohonKinerja(wb);
    const l = levels(r.tree);
    console.log(l, r.messages, r.findings.length);
    expect(l['Program']).toBe(6);
    expect(l['Kegiatan']).toBe(16);
    expect(l['Sub kegiatan']).toBe(40);
    expect(r.nodes).toBe(countNodes(r.tree));
    drawnOnce(r.tree, r.drawing);
  });
  test('Malang review table', () => {
    const sheet = loadFixture('renja_malang_2024_tabel23_review_rkpd');
    const r = pohonKinerja({ name: 'malang', sheets: [sheet] });
    console.log(levels(r.tree), r.messages, r.findings.map((f) => f.message));
  });
});
