import { StyleEditor } from './gaya';

describe('StyleEditor', () => {
  const styles =
    '<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="#,##0.00 &quot;Rp&quot;"/></x:numFmts>' +
    '<x:fonts count="1"><x:font><x:sz val="10"/><x:name val="Arial"/></x:font></x:fonts>' +
    '<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills>' +
    '<x:borders count="1"><x:border/></x:borders>' +
    '<x:cellStyleXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellStyleXfs>' +
    '<x:cellXfs count="2"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<x:xf numFmtId="164" fontId="0" fillId="1" borderId="0" xfId="0" applyNumberFormat="1" applyFill="0"><x:alignment horizontal="right"/></x:xf></x:cellXfs>' +
    '</x:styleSheet>';

  test('a marked format is the old one with a new solid fill; one per (format, severity)', () => {
    const ed = new StyleEditor(styles);
    expect(ed.markedXf(1, 'error')).toBe(2);
    expect(ed.markedXf(1, 'error')).toBe(2);
    expect(ed.markedXf(0, 'error')).toBe(3);
    expect(ed.markedXf(1, 'info')).toBe(4);
    expect(ed.markedXf(99, 'info')).toBe(5); // an out-of-range index is read as format 0
    const out = ed.result();
    expect(out).toContain('<x:fills count="4">');
    expect(out).toContain(
      '<x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFFFC7CE"/><x:bgColor indexed="64"/></x:patternFill></x:fill>',
    );
    expect(out).toContain(
      '<x:xf numFmtId="164" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"><x:alignment horizontal="right"/></x:xf>',
    );
    expect(out).toContain('<x:cellXfs count="6">');
    // What was there is untouched.
    expect(out).toContain('<x:numFmt numFmtId="164" formatCode="#,##0.00 &quot;Rp&quot;"/>');
    expect(out.indexOf('<x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>')).toBeGreaterThan(0);
  });

  test('the findings sheet header gets a bold copy of the workbook font', () => {
    const ed = new StyleEditor(styles);
    const header = ed.headerXf();
    const out = ed.result();
    expect(header).toBe(2);
    expect(out).toContain(
      '<x:fonts count="2"><x:font><x:sz val="10"/><x:name val="Arial"/></x:font><x:font><x:b/><x:sz val="10"/><x:name val="Arial"/></x:font></x:fonts>',
    );
    expect(out).toContain('<x:xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">');
  });

  test('a styles part that lacks sections, or a workbook without one, still gets valid additions', () => {
    const bare = new StyleEditor(
      StyleEditor.from('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>').result(),
    );
    expect(bare.cellXfCount).toBe(1);
    const ed = StyleEditor.from(null);
    expect(ed.markedXf(0, 'warning')).toBe(1);
    const out = ed.result();
    // Fills 0 and 1 stay the reserved ones; ours comes after.
    expect(out).toMatch(
      /<fills count="3"><fill><patternFill patternType="none"\/><\/fill><fill><patternFill patternType="gray125"\/><\/fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFEB9C"\/>/,
    );
  });
});
