import { anchorOf, SheetPart } from './lembar-xml';

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
    const withR = '<worksheet xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/><pageMargins/></worksheet>';
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
    const part = new SheetPart('<worksheet xmlns:r="r"><sheetData/><mergeCells><mergeCell ref="B2:D3"/></mergeCells><legacyDrawing r:id="rId4"/></worksheet>');
    expect(anchorOf(part.merges(), { row: 2, col: 3 })).toEqual({ row: 1, col: 1 });
    expect(anchorOf(part.merges(), { row: 4, col: 3 })).toEqual({ row: 4, col: 3 });
    expect(part.legacyDrawingId()).toBe('rId4');
  });
});
