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

/** Events of the byte tokenizer, as one string, for the UTF-8 bytes written in chunks of `size` bytes (a character may be cut). */
function events(xml: string, size?: number): string {
  const bytes = new TextEncoder().encode(xml);
  const step = size ?? bytes.length;
  const out: string[] = [];
  const p = new FastXmlBytes(recorder(out));
  for (let i = 0; i < bytes.length; i += step) p.write(bytes.slice(i, i + step));
  p.close();
  return out.join('');
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
