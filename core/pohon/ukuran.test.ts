import { renjaTC33 } from '../../test/fixtures/sintetis';
import { Workbook } from '../lembar/model';
import { MAX_SIMPUL, pohonKinerja, ukuranPohon } from '.';

const renja = (subKegiatan: number): Workbook => ({ name: 'renja', sheets: [renjaTC33({ subKegiatan }).sheet] });

describe('a tree too big to draw', () => {
  test('a 2,000-row Renja still draws, and the estimate is near the cells drawn', () => {
    const r = pohonKinerja(renja(1540));
    expect(r.nodes).toBeGreaterThan(1900);
    const size = ukuranPohon(r.tree);
    expect(size.nodes).toBe(r.nodes);
    // The estimate is what keeps memory bounded: it may not be far below the real drawing.
    expect(size.cells).toBeGreaterThan(r.drawing.cells.length * 0.8);
    expect(size.cells).toBeLessThan(r.drawing.cells.length * 1.5);
    expect(size.nodes * 5).toBeLessThanOrEqual(MAX_SIMPUL);
  });

  test('a Renja of more boxes than MAX_SIMPUL is refused before the layout, with the size it can draw', () => {
    const r = pohonKinerja(renja(Math.ceil(MAX_SIMPUL * 0.8)));
    expect(r.nodes).toBe(0);
    expect(r.drawing.cells.length).toBeLessThan(50);
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatch(/^Pohon kinerja terlalu besar untuk digambar: [\d.]+ simpul/);
    expect(r.messages[0]).toContain('20.000 simpul dan 1.000.000 sel');
  });
});
