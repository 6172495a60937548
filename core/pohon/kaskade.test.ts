import { CellValue, Sheet, Workbook } from '../lembar/model';
import { countNodes, pohonKinerja, PohonNode, templatPohon, TEMPLAT_HEADERS, walk } from '.';
import { Drawing } from './gambar';

const sheet = (name: string, values: CellValue[][]): Sheet => ({ name, values, typed: true });
const book = (...sheets: Sheet[]): Workbook => ({ name: 'uji.xlsx', sheets });

/** The template as a host would read it back: the drawing's values on a sheet. */
function sheetFromDrawing(d: Drawing): Sheet {
  const values: CellValue[][] = [];
  for (const c of d.cells) {
    while (values.length <= c.row) values.push([]);
    values[c.row][c.col] = c.value;
  }
  return sheet(
    d.sheetName,
    values.map((r) => Array.from(r, (v) => v ?? null)),
  );
}

function shape(nodes: PohonNode[]): unknown[] {
  return nodes.map((n) => (n.children.length ? { [n.level]: shape(n.children) } : n.level));
}

const H = ['Tingkat', 'Kode', 'Pernyataan kinerja', 'Indikator', 'Target', 'Satuan', 'Pagu', 'Penanggung jawab'];

describe('cascading sheet', () => {
  test('the template is itself a cascading sheet: sasaran → program → kegiatan → sub kegiatan, sums agree', () => {
    const t = templatPohon();
    expect(t.cells.filter((c) => c.row === 0).map((c) => c.value)).toEqual(TEMPLAT_HEADERS);
    const r = pohonKinerja(book(sheetFromDrawing(t)));
    expect(shape(r.tree)).toEqual([
      { Sasaran: [{ Program: [{ Kegiatan: ['Sub kegiatan', 'Sub kegiatan'] }, { Kegiatan: ['Sub kegiatan'] }] }] },
    ]);
    expect(r.findings).toEqual([]);
    expect(r.messages).toEqual([]);
    // A blank pernyataan continues the node above: the second indicator of Penyediaan Permakanan.
    const permakanan = r.tree[0].children[0].children[0].children[0];
    expect(permakanan.indikator.map((i) => `${i.nama} (${i.target} ${i.satuan})`)).toEqual([
      'Jumlah penerima permakanan (120 orang)',
      'Jumlah paket permakanan yang disalurkan (1440 paket)',
    ]);
    expect(permakanan.pagu).toBe(100000000);
  });

  test('a parent pagu that is not the sum of its children is found by the checker and flagged in the drawn table', () => {
    const s = sheetFromDrawing(templatPohon());
    s.values[3][6] = 175000000; // kegiatan 1.06.04.2.01: its sub kegiatan add up to 180.000.000
    const r = pohonKinerja(book(s));
    const cells = r.findings.map((f) => `${f.rule} ${f.cell}`);
    expect(cells).toContain('jumlah-induk G4');
    const kegiatan = r.tree[0].children[0].children[0];
    expect(kegiatan.temuan?.join(' ')).toMatch(/175\.000\.000/);
    const flagged = r.drawing.cells.filter((c) => c.value === 175000000);
    expect(flagged.some((c) => c.fill === 'FFC7CE')).toBe(true);
    expect(r.drawing.cells.some((c) => typeof c.value === 'string' && c.value.includes('⚠ Pagu'))).toBe(true);
  });

  test('office level names, an orphan and a skipped level give messages and a tree that still shows every row', () => {
    const r = pohonKinerja(
      book(
        sheet('Kaskade', [
          H,
          ['Kegiatan', 'K0', 'Kegiatan tanpa induk', 'Ind a', 10, 'dok', 5, null],
          ['Eselon II', 'E2', 'Meningkatnya layanan', 'Ind b', 1, '%', null, 'Kadis'],
          ['Program', 'P1', 'Program satu', 'Ind c', 2, '%', 10, 'Kabid'],
          ['Kegiatan', 'K1', 'Kegiatan satu', 'Ind d', 3, 'dok', 10, 'Kasi'],
          ['Eselon II', 'E3', 'Sasaran kedua', 'Ind e', 4, '%', null, 'Kadis'],
          ['Kegiatan', 'K2', 'Kegiatan langsung', 'Ind f', 5, 'dok', 7, 'Kasi'],
        ]),
      ),
    );
    expect(r.nodes).toBe(6);
    expect(r.messages.join('\n')).toMatch(/Baris 2: kegiatan "Kegiatan tanpa induk" tidak punya induk/);
    expect(r.messages.join('\n')).toMatch(
      /Baris 7: tingkat Program terlewati antara eselon ii "Sasaran kedua" dan kegiatan "Kegiatan langsung"/,
    );
    expect(shape(r.tree)).toEqual(['Kegiatan', { 'Eselon II': [{ Program: ['Kegiatan'] }] }, { 'Eselon II': ['Kegiatan'] }]);
  });

  test('a kode induk column: cycles and unknown parents are cut, nothing is lost', () => {
    const r = pohonKinerja(
      book(
        sheet('Kaskade', [
          ['Tingkat', 'Kode', 'Kode induk', 'Pernyataan kinerja', 'Indikator'],
          ['Sasaran', 'S1', null, 'Akar', 'i'],
          ['Program', 'A', 'B', 'Program A', 'i'],
          ['Program', 'B', 'A', 'Program B', 'i'],
          ['Kegiatan', 'C', 'S1', 'Kegiatan C', 'i'],
          ['Kegiatan', 'D', 'ZZ', 'Kegiatan D', 'i'],
        ]),
      ),
    );
    expect(r.nodes).toBe(5);
    expect(r.messages.join('\n')).toMatch(/lingkaran/);
    expect(r.messages.join('\n')).toMatch(/kode induk ZZ tidak ada/);
    const ids = new Set<string>();
    walk(r.tree, (n) => ids.add(n.pernyataan));
    expect(ids).toEqual(new Set(['Akar', 'Program A', 'Program B', 'Kegiatan C', 'Kegiatan D']));
  });

  test('kode only: parents by kode prefix, duplicates said once per level', () => {
    const r = pohonKinerja(
      book(
        sheet('K', [
          ['Kode', 'Pernyataan kinerja', 'Indikator', 'Target', 'Pagu'],
          ['1', 'Tujuan', 'i', '1', null],
          ['1.1', 'Sasaran', 'i', '1', null],
          ['1.1.1', 'Program', 'i', '1', 10],
          ['1.1.1', 'Program kembar', 'i', '1', 10],
          ['2.5', 'Yatim', 'i', '1', 10],
        ]),
      ),
    );
    expect(shape(r.tree)).toEqual([{ 'Tingkat 1': [{ 'Tingkat 2': ['Tingkat 3', 'Tingkat 3'] }] }, 'Tingkat 2']);
    expect(r.messages.filter((m) => /dipakai lebih dari sekali: 1\.1\.1 \(baris 4, 5\)/.test(m))).toHaveLength(1);
    expect(r.messages.join('\n')).toMatch(/induk kode 2\.5 tidak ada/);
  });

  test('sheets without a tree, an unknown sheet name, garbage: a message, never a crash', () => {
    expect(
      pohonKinerja(
        book(
          sheet('x', [
            ['a', 'b'],
            [1, 2],
          ]),
        ),
      ).messages[0],
    ).toMatch(/Tidak ada lembar kaskade/);
    expect(pohonKinerja(book()).nodes).toBe(0);
    const r = pohonKinerja(book(sheet('A', [H])), { lembar: 'B' });
    expect(r.messages[0]).toBe('Lembar "B" tidak ada. Lembar yang ada: "A".');
    const garbage = sheet('G', [
      H,
      [null, null, null, 'indikator tanpa pernyataan'],
      [{} as unknown as CellValue, NaN, -Infinity, '=1/0', true],
    ]);
    const g = pohonKinerja(book(garbage));
    expect(g.messages.join('\n')).toMatch(/tanpa pernyataan kinerja/);
    expect(countNodes(g.tree)).toBe(g.nodes);
  });

  test('--lembar picks the sheet; default is the first sheet with a tree', () => {
    const a = sheet('Catatan', [['Catatan bebas']]);
    const b = sheet('Kaskade', [H, ['Program', '1', 'P', 'i', 1, '%', 5, null]]);
    const c = sheet('Lain', [H, ['Sasaran', '1', 'S', 'i', 1, '%', null, null]]);
    expect(pohonKinerja(book(a, b, c)).tree[0].level).toBe('Program');
    expect(pohonKinerja(book(a, b, c), { lembar: 'lain' }).tree[0].level).toBe('Sasaran');
  });
});
