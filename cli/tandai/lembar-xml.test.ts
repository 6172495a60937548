import fc from 'fast-check';
import { SheetPartLama } from '../../test/helpers/lembar-xml-lama';
import { anchorOf, anchorsOf, SheetPart } from './lembar-xml';

const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const styles = (...cells: [number, number, number][]) => new Map(cells.map(([row, col, s]) => [`${row}:${col}`, { row, col, s }]));

describe('SheetPart.edit', () => {
  test('sets s on existing cells and creates missing cells and rows in order, under the part own prefix', () => {
    const xml =
      `<x:worksheet ${NS}><x:dimension ref="A1:C3"/><x:sheetData>` +
      '<x:row r="1" spans="1:3"><x:c r="A1" s="1"><x:v>1</x:v></x:c><x:c r="C1"><x:f>A1*2</x:f><x:v>2</x:v></x:c></x:row>' +
      '<x:row r="3"/>' +
      '</x:sheetData></x:worksheet>';
    const out = new SheetPart(xml).edit(styles([0, 0, 9], [0, 1, 8], [0, 4, 7], [1, 1, 6], [2, 0, 5], [4, 2, 4]), null);
    expect(out).toBe(
      `<x:worksheet ${NS}><x:dimension ref="A1:E5"/><x:sheetData>` +
        '<x:row r="1" spans="1:5"><x:c r="A1" s="9"><x:v>1</x:v></x:c><x:c r="B1" s="8"/><x:c r="C1"><x:f>A1*2</x:f><x:v>2</x:v></x:c><x:c r="E1" s="7"/></x:row>' +
        '<x:row r="2"><x:c r="B2" s="6"/></x:row>' +
        '<x:row r="3"><x:c r="A3" s="5"/></x:row>' +
        '<x:row r="5"><x:c r="C5" s="4"/></x:row>' +
        '</x:sheetData></x:worksheet>',
    );
  });

  test('rows and cells without r keep their place once something is inserted before them', () => {
    const xml = `<worksheet><sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData></worksheet>`;
    // Row 1 holds A1, B1 and row 2 holds A2, all implicitly; D1 and row 4 are new.
    const part = new SheetPart(xml);
    expect(part.styleOf({ row: 1, col: 0 })).toBe(0);
    const out = part.edit(styles([0, 1, 3], [0, 3, 4], [3, 0, 5]), null);
    expect(out).toBe(
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c s="3" r="B1"><v>2</v></c><c r="D1" s="4"/></row>' +
        '<row r="2"><c><v>3</v></c></row><row r="4"><c r="A4" s="5"/></row></sheetData></worksheet>',
    );
  });

  test('an empty <sheetData/> is opened to take new rows', () => {
    const out = new SheetPart('<worksheet><sheetData/><pageMargins/></worksheet>').edit(styles([1, 1, 2]), null);
    expect(out).toBe('<worksheet><sheetData><row r="2"><c r="B2" s="2"/></row></sheetData><pageMargins/></worksheet>');
  });

  test('<legacyDrawing> goes after <drawing> and before <tableParts>/<extLst>, declaring r when the root does not', () => {
    const xml = '<worksheet><sheetData/><drawing/><tableParts count="0"/><extLst/></worksheet>';
    expect(new SheetPart(xml).edit(new Map(), 'rId9')).toBe(
      '<worksheet><sheetData/><drawing/><legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId9"/><tableParts count="0"/><extLst/></worksheet>',
    );
    const withR =
      '<worksheet xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/><pageMargins/></worksheet>';
    expect(new SheetPart(withR).edit(new Map(), 'rId2')).toContain('<pageMargins/><legacyDrawing rel:id="rId2"/></worksheet>');
  });
});

describe('SheetPart.styleOf', () => {
  test('a cell not written shows its row format when the row has one, else its column format', () => {
    const xml =
      '<worksheet><cols><col min="2" max="4" style="6"/></cols><sheetData>' +
      '<row r="1" s="4" customFormat="1"><c r="A1" s="2"/></row><row r="2" s="5"/></sheetData></worksheet>';
    const part = new SheetPart(xml);
    expect(part.styleOf({ row: 0, col: 0 })).toBe(2);
    expect(part.styleOf({ row: 0, col: 2 })).toBe(4);
    expect(part.styleOf({ row: 1, col: 2 })).toBe(6); // s without customFormat does not apply
    expect(part.styleOf({ row: 5, col: 0 })).toBe(0);
  });

  test('merges and legacyDrawing id are read', () => {
    const part = new SheetPart(
      '<worksheet xmlns:r="r"><sheetData/><mergeCells><mergeCell ref="B2:D3"/></mergeCells><legacyDrawing r:id="rId4"/></worksheet>',
    );
    expect(anchorOf(part.merges(), { row: 2, col: 3 })).toEqual({ row: 1, col: 1 });
    expect(anchorOf(part.merges(), { row: 4, col: 3 })).toEqual({ row: 4, col: 3 });
    expect(part.legacyDrawingId()).toBe('rId4');
  });
});

describe('SheetPart against the former whole-part scan (test/helpers/lembar-xml-lama.ts)', () => {
  /** A worksheet part of the shapes producers write: rows and cells with or without r, prefixes, spans, odd markup. */
  const sheet = fc
    .record({
      prefixed: fc.boolean(),
      dimension: fc.boolean(),
      cols: fc.boolean(),
      rows: fc.array(
        fc.record({
          r: fc.boolean(),
          gap: fc.integer({ min: 0, max: 2 }),
          spans: fc.boolean(),
          custom: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
          cells: fc.array(
            fc.record({
              r: fc.boolean(),
              gap: fc.integer({ min: 0, max: 2 }),
              s: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
              text: fc.constantFrom('', '1', 'a > b', '<![CDATA[<row r="9">]]>', '<!-- </row> -->'),
            }),
            { maxLength: 5 },
          ),
        }),
        { maxLength: 8 },
      ),
    })
    .map(({ prefixed, dimension, cols, rows }) => {
      const p = prefixed ? 'x:' : '';
      let rowNumber = 0;
      const body = rows
        .map((row) => {
          // A row without r is the one after the previous row.
          rowNumber += row.r ? row.gap + 1 : 1;
          let col = 0;
          const cells = row.cells
            .map((c) => {
              col += c.gap + 1;
              const r = c.r ? ` r="${String.fromCharCode(64 + col)}${rowNumber}"` : '';
              const s = c.s === undefined ? '' : ` s="${c.s}"`;
              return c.text === '' ? `<${p}c${r}${s}/>` : `<${p}c${r}${s}><${p}v>${c.text}</${p}v></${p}c>`;
            })
            .join('');
          const attrs = `${row.r ? ` r="${rowNumber}"` : ''}${row.spans ? ` spans="1:${Math.max(1, col)}"` : ''}${row.custom === undefined ? '' : ` s="${row.custom}" customFormat="1"`}`;
          return cells === '' ? `<${p}row${attrs}/>` : `<${p}row${attrs}>${cells}</${p}row>`;
        })
        .join('');
      return (
        `<${p}worksheet ${prefixed ? NS : 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'}>` +
        (dimension ? `<${p}dimension ref="A1:C3"/>` : '') +
        (cols ? `<${p}cols><${p}col min="2" max="3" style="7"/></${p}cols>` : '') +
        `<${p}sheetData>${body}</${p}sheetData><${p}mergeCells><${p}mergeCell ref="B2:C3"/></${p}mergeCells></${p}worksheet>`
      );
    });
  const marks = fc.uniqueArray(
    fc.record({ row: fc.integer({ min: 0, max: 14 }), col: fc.integer({ min: 0, max: 7 }), s: fc.integer({ min: 10, max: 12 }) }),
    {
      selector: (m) => `${m.row}:${m.col}`,
      maxLength: 12,
    },
  );

  test('the same text for any marks, and the same current format for every cell', () => {
    fc.assert(
      fc.property(sheet, marks, fc.boolean(), (xml, list, drawing) => {
        const now = new SheetPart(xml);
        const before = new SheetPartLama(xml);
        for (const m of list) expect(now.styleOf(m)).toBe(before.styleOf(m));
        expect(now.merges()).toEqual(before.merges());
        const map = new Map(list.map((m) => [`${m.row}:${m.col}`, m]));
        expect(now.edit(map, drawing ? 'rId7' : null)).toBe(before.edit(map, drawing ? 'rId7' : null));
      }),
      { numRuns: 400 },
    );
  });

  test('anchorsOf finds the same merge anchors as a search of every merge', () => {
    const range = fc
      .record({ top: fc.nat(20), left: fc.nat(10), h: fc.nat(4), w: fc.nat(3) })
      .map((r) => ({ top: r.top, left: r.left, bottom: r.top + r.h, right: r.left + r.w }));
    fc.assert(
      fc.property(
        fc.array(range, { maxLength: 8 }),
        fc.array(fc.record({ row: fc.nat(25), col: fc.nat(14) }), { maxLength: 30 }),
        (merges, positions) => {
          // Overlapping merges are not valid; the file order decides among them in neither code.
          const disjoint = merges.filter((m, i) =>
            merges.slice(0, i).every((o) => m.bottom < o.top || m.top > o.bottom || m.right < o.left || m.left > o.right),
          );
          const expected = positions.map((p) => {
            const m = disjoint.find((a) => p.row >= a.top && p.row <= a.bottom && p.col >= a.left && p.col <= a.right);
            return m ? { row: m.top, col: m.left } : p;
          });
          expect(anchorsOf(disjoint, positions)).toEqual(expected);
        },
      ),
    );
  });
});
