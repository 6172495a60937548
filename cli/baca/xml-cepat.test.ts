import { GalatBaca } from './batas';
import { ByteHandler, decodeText, FastXmlBytes } from './xml-bita';

function recorder(out: string[]): ByteHandler {
  return {
    open: (name, tag, self) =>
      out.push(
        `<${name}${Object.entries(tag.record())
          .map(([k, v]) => ` ${k}=${v}`)
          .join('')}${self ? '/' : ''}>`,
      ),
    text: (s, a, b, cdata) => out.push(decodeText(s, a, b, cdata)),
    close: (name) => out.push(`</${name}>`),
  };
}

/** Writes the UTF-8 bytes of `xml` to `p` in chunks of `size` bytes (a character may be cut), then closes it. */
function feed(p: FastXmlBytes, xml: string, size?: number): void {
  const bytes = new TextEncoder().encode(xml);
  const step = size ?? bytes.length;
  for (let i = 0; i < bytes.length; i += step) p.write(bytes.slice(i, i + step));
  p.close();
}

/** Events of the byte tokenizer, as one string, for `xml` written in chunks of `size` bytes. */
function events(xml: string, size?: number, plain = true): string {
  const out: string[] = [];
  feed(new FastXmlBytes(recorder(out), [], plain), xml, size);
  return out.join('');
}

/** What `run` gives, or the refusal it throws, as a string to compare. */
function orRefusal(run: () => string): string {
  try {
    return run();
  } catch (e) {
    return e instanceof GalatBaca ? `GalatBaca: ${e.message}` : `other: ${String(e)}`;
  }
}

/** What the random tag soups are made of: every form of tag, text, entity and special section, valid or not. */
const PIECES = [
  '<',
  '</',
  '>',
  '/>',
  '/',
  ' ',
  '\n',
  '=',
  '"',
  "'",
  'c',
  'r',
  'x:',
  'is',
  't',
  'A1',
  'teks panjang ',
  '&amp;',
  '&bad;',
  '&#65;',
  '&zz;',
  '&',
  'é',
  '-',
  '<!-- k -->',
  '<![CDATA[<]]>',
  '<?pi?>',
];

/** `count` random texts of 1 to `most` PIECES inside `<x>…</x>`, each handed to `each` with the same random source. */
function soups(seed: number, most: number, count: number, each: (xml: string, random: () => number) => void): void {
  const random = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 4294967296;
  };
  for (let k = 0; k < count; k++) {
    const parts = ['<x>'];
    for (let j = 0, n = 1 + Math.floor(random() * most); j < n; j++) parts.push(PIECES[Math.floor(random() * PIECES.length)]);
    parts.push('</x>');
    each(parts.join(''), random);
  }
}

describe('FastXmlBytes', () => {
  const sheet =
    '<?xml version="1.0"?><!-- komentar --><x:worksheet xmlns:x="urn:x"><x:c r="A1" t=\'s\' x:s="3"><x:v>12</x:v></x:c>' +
    '<c r="B1" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &#x41;&#66; "&quot;" &apos;></t></is></c><c a="1>2"/><![CDATA[<mentah>]]>' +
    '<c r="C1" t="inlineStr" x:note="Ü"><is><t>Serapan — 95 % ✓ 𝟘</t></is></c><!-- lagi --> </x:worksheet>';
  const expected =
    '<worksheet x=urn:x><c r=A1 t=s s=3><v>12</v></c><c r=B1 t=inlineStr><is><t>a & b <c> AB """ \'></t></is></c><c a=1>2/></c><mentah>' +
    '<c r=C1 t=inlineStr note=Ü><is><t>Serapan — 95 % ✓ 𝟘</t></is></c> </worksheet>';

  it('reads tags, prefixed names, both quotes, entities, character references and CDATA', () => {
    expect(events(sheet)).toBe(expected);
  });

  it('gives the same events whatever the chunk boundaries', () => {
    for (const size of [1, 2, 3, 5, 7, 64]) expect(events(sheet, size)).toBe(expected);
  });

  it('gives a long text as one piece, with the tag after it found, whatever the chunks', () => {
    const long = 'é'.repeat(3000) + ' &amp; ' + 'x'.repeat(3000);
    const xml = `<c><is><t>${long}</t></is></c><c r="B1"/>`;
    const expected = `<c><is><t>${'é'.repeat(3000)} & ${'x'.repeat(3000)}</t></is></c><c r=B1/></c>`;
    for (const size of [7, 1000, 4096]) expect(events(xml, size)).toBe(expected);
  });

  it('skips a DOCTYPE with an internal subset and never expands its entities', () => {
    const xml = '<!DOCTYPE x [<!ENTITY e "BOOM">]><x><t>&e;</t></x>';
    expect(() => events(xml)).toThrow(GalatBaca);
    expect(events('<!DOCTYPE x [<!ENTITY e "BOOM">]><x>ok</x>')).toBe('<x>ok</x>');
  });

  it('refuses what it cannot read: a bare &, a tag that never closes, a < inside a tag', () => {
    expect(() => events('<x>a & b</x>')).toThrow(GalatBaca);
    expect(() => events('<x><c r="A1"')).toThrow(GalatBaca);
    expect(() => events('<x <y>/>')).toThrow(GalatBaca);
    expect(() => events('<x>&#0;</x>')).toThrow(GalatBaca);
  });
});

describe('the one-pass path for plain tags', () => {
  /** Events, or the refusal, of a text: the same for both paths or the plain path reads differently. */
  const outcome = (xml: string, size: number | undefined, plain: boolean) => orRefusal(() => events(xml, size, plain));

  it('gives what the general path gives for 20,000 random tag soups, whole and in chunks', () => {
    let same = 0;
    soups(7, 12, 20_000, (xml, random) => {
      const size = random() < 0.5 ? undefined : 1 + Math.floor(random() * 6);
      const general = outcome(xml, size, false);
      expect([xml, size, outcome(xml, size, true)]).toEqual([xml, size, general]);
      if (!general.startsWith('GalatBaca')) same++;
    });
    // Enough of the soups are read, not refused, for the comparison to mean something.
    expect(same).toBeGreaterThan(2_000);
  });

  it('gives the same events or refusal for 20,000 random tag soups whole and cut into chunks of any size', () => {
    // A handler that looks at no text: a bad entity cut by a chunk boundary must still refuse the part.
    const tagsOnly = (xml: string, size?: number) =>
      orRefusal(() => {
        const out: string[] = [];
        feed(
          new FastXmlBytes({ open: (name) => out.push(name), text: () => undefined, close: (name) => out.push('/' + name) }),
          xml,
          size,
        );
        return out.join(' ');
      });
    let read = 0;
    soups(11, 16, 20_000, (xml, random) => {
      const size = 1 + Math.floor(random() * 12);
      const whole = outcome(xml, undefined, true);
      expect([xml, size, outcome(xml, size, true)]).toEqual([xml, size, whole]);
      expect([xml, size, tagsOnly(xml, size)]).toEqual([xml, size, tagsOnly(xml)]);
      if (!whole.startsWith('GalatBaca')) read++;
    });
    expect(read).toBeGreaterThan(2_000);
  });

  it('reads well-formed sheet tags the same way', () => {
    const xml =
      '<row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" s="2" t="s"><v>0</v></c><c r = \'B1\' t="inlineStr" ><is><t xml:space="preserve"> a </t></is></c >' +
      '<c r="C1" a="&lt;&amp;"/><c r="D1"/><mergeCell ref="A1:B1" /></row>';
    expect(events(xml, undefined, true)).toBe(events(xml, undefined, false));
    expect(events(xml, undefined, true)).toBe(
      '<row r=1 spans=1:3 dyDescent=0.25><c r=A1 s=2 t=s><v>0</v></c><c r=B1 t=inlineStr><is><t space=preserve> a </t></is></c>' +
        '<c r=C1 a=<&/></c><c r=D1/></c><mergeCell ref=A1:B1/></mergeCell></row>',
    );
  });
});
