import { applyEdits, attributes, closeOf, escapeText, scanTags, withAttributes } from './xml';

describe('scanTags', () => {
  test('finds element tags with depth, skipping comments, CDATA and processing instructions', () => {
    const xml = '<?xml version="1.0"?><!-- <c r="X1"/> --><a x="1 > 0"><b/><![CDATA[<c/>]]><c>t</c></a>';
    const tags = scanTags(xml);
    expect(tags.map((t) => `${t.kind}:${t.local}@${t.depth}`)).toEqual(['open:a@0', 'empty:b@1', 'open:c@1', 'close:c@1', 'close:a@0']);
    expect(attributes(xml.slice(tags[0].start, tags[0].end)).get('x')).toBe('1 > 0');
    expect(closeOf(tags, 0)).toBe(4);
  });

  test('keeps prefixes apart from local names', () => {
    const [t] = scanTags('<x:row r="1"/>');
    expect([t.name, t.local, t.kind]).toEqual(['x:row', 'row', 'empty']);
  });

  test('a tag that never closes is an error, not a hang', () => {
    expect(() => scanTags('<a b="1"')).toThrow(/tidak ditutup/);
  });
});

describe('withAttributes', () => {
  test('replaces a value in place and leaves the rest of the tag as written', () => {
    expect(withAttributes(`<c r="A1" s='3' t="s">`, { s: '7' })).toBe(`<c r="A1" s="7" t="s">`);
  });
  test('adds a missing attribute before the end, on empty and open tags', () => {
    expect(withAttributes('<c r="A1"/>', { s: '2' })).toBe('<c r="A1" s="2"/>');
    expect(withAttributes('<c r="A1">', { s: '2' })).toBe('<c r="A1" s="2">');
  });
  test('does not mistake a prefixed attribute for the plain one', () => {
    expect(withAttributes('<legacyDrawing r:id="rId1"/>', { r: 'x' })).toBe('<legacyDrawing r:id="rId1" r="x"/>');
  });
  test('opens an empty tag and escapes values', () => {
    expect(withAttributes('<row r="1" />', { spans: 'a"b' }, true)).toBe('<row r="1" spans="a&quot;b">');
  });
});

test('applyEdits puts inserts before a replacement at the same offset, in the order given', () => {
  const src = '<a><b/></a>';
  const at = src.indexOf('<b/>');
  const out = applyEdits(src, [
    { start: at, end: at + 4, text: '<b x="1"/>' },
    { start: at, end: at, text: '<i1/>' },
    { start: at, end: at, text: '<i2/>' },
  ]);
  expect(out).toBe('<a><i1/><i2/><b x="1"/></a>');
});

test('escapeText drops characters XML cannot carry and escapes markup', () => {
  expect(escapeText('a\u0001<b>&\u0007c')).toBe('a&lt;b&gt;&amp;c');
});
