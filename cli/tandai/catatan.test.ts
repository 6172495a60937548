import { addShapes, mergeComments } from './catatan';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

describe('mergeComments', () => {
  test('a new comments part gets our author and one comment per cell, each needing a shape', () => {
    const xml = `<comments xmlns="${MAIN}"><authors/><commentList/></comments>`;
    const { xml: out, shapesNeeded } = mergeComments(xml, [
      { row: 0, col: 1, lines: ['Galat (jumlah-induk): A & B < C.'] },
      { row: 2, col: 0, lines: ['Info (satuan): x', 'Peringatan (satuan): y'] },
    ]);
    expect(out).toContain('<authors><author>Lembar Kinerja</author></authors>');
    expect(out).toContain('<comment ref="B1" authorId="0" shapeId="0">');
    expect(out).toContain('Galat (jumlah-induk): A &amp; B &lt; C.');
    expect(out).toContain('<comment ref="A3" authorId="0" shapeId="0">');
    expect(out).toContain('\nInfo (satuan): x\nPeringatan (satuan): y</t>');
    expect(shapesNeeded.map((n) => [n.row, n.col])).toEqual([
      [0, 1],
      [2, 0],
    ]);
  });

  test('an existing comment on the cell gets our runs appended, before its phonetic runs, and no new shape', () => {
    const xml =
      `<x:comments xmlns:x="${MAIN}"><x:authors><x:author>Budi</x:author></x:authors><x:commentList>` +
      '<x:comment ref="$C$4" authorId="0"><x:text><x:t>Cek lagi</x:t><x:rPh sb="0" eb="1"><x:t>ち</x:t></x:rPh></x:text></x:comment>' +
      '</x:commentList></x:comments>';
    const { xml: out, shapesNeeded } = mergeComments(xml, [{ row: 3, col: 2, lines: ['Galat (predikat): salah.'] }]);
    expect(shapesNeeded).toEqual([]);
    expect(out).toContain('<x:author>Budi</x:author><x:author>Lembar Kinerja</x:author>');
    expect(out).toMatch(/<x:text><x:t>Cek lagi<\/x:t><x:r>.*Lembar Kinerja:.*Galat \(predikat\): salah\.<\/x:t><\/x:r><x:rPh /s);
    expect(out.match(/<x:comment /g)).toHaveLength(1);
  });

  test('our author is reused when a part already lists it', () => {
    const xml = `<comments xmlns="${MAIN}"><authors><author>A</author><author>Lembar Kinerja</author></authors><commentList></commentList></comments>`;
    const { xml: out } = mergeComments(xml, [{ row: 0, col: 0, lines: ['x'] }]);
    expect(out.match(/<author>/g)).toHaveLength(2);
    expect(out).toContain('<comment ref="A1" authorId="1"');
  });
});

describe('addShapes', () => {
  test('new shapes get ids after the last one, the note shape type is added when missing, and the id block list widens', () => {
    const vml =
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="2"/></o:shapelayout>' +
      '<v:shape id="_x0000_s3071" type="#_x0000_t201"><br></v:shape></xml>';
    const out = addShapes(vml, [
      { row: 4, col: 1, lines: ['a'] },
      { row: 5, col: 1, lines: ['b'] },
    ]);
    expect(out.startsWith(vml.slice(0, vml.indexOf('<o:shapelayout')))).toBe(true);
    expect(out).toContain('<v:shape id="_x0000_s3071" type="#_x0000_t201"><br></v:shape>');
    expect(out).toContain('<v:shapetype id="_x0000_t202"');
    // 3072 is a block boundary (3 × 1024), so ids run 3073, 3074 in block 3.
    expect([...out.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => m[1])).toEqual(['3071', '3073', '3074']);
    expect(out).toContain('data="2,3"');
    expect(out).toContain('<x:Row>4</x:Row><x:Column>1</x:Column>');
    expect(out.endsWith('</xml>')).toBe(true);
  });

  test('a drawing that already holds 200,000 notes gets the next id (a Math.max spread overflowed the stack)', () => {
    const shapes = Array.from({ length: 200_000 }, (_, i) => `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202"></v:shape>`).join(
      '',
    );
    const vml =
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>${shapes}</xml>`;
    const out = addShapes(vml, [{ row: 0, col: 0, lines: ['a'] }]);
    expect(out).toContain(`id="_x0000_s${1025 + 200_000}"`);
  });
});
