import { Sheet } from '../../core/lembar/model';
import { paketXlsx } from '../../test/helpers/xlsx-mentah';
import { readXlsxBuffer } from './xlsx';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RUSAK = 'Berkas bukan .xlsx yang sah atau rusak.';

/** Cells whose attributes and values the reader reads from the bytes, and the odd forms it leaves to the text. */
const SHEET =
  `<worksheet xmlns="${NS}"><sheetData>` +
  '<row r="1"><c r="A1"><v>12.5</v></c><c r="B1"><v>-0</v></c><c r="C1"><v>1E-3</v></c>' +
  '<c r="D1"><v>1234567890123456789</v></c><c r="E1"><v> 7</v></c><c r="F1"><v>0x10</v></c>' +
  '<c r="G1"><v>1e400</v></c><c r="H1"><v>abc</v></c><c r="I1" t="n"><v>+.5</v></c></row>' +
  '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="e"><v>#REF!</v></c><c r="C2" t="str"><v>teks</v></c>' +
  '<c r="D2" t="d"><v>2024-12-31T00:00:00Z</v></c><c r="E2" t="inlineStr"><v>Kab. Contoh</v></c>' +
  '<c r="$F$2"><v>6</v></c><c r="g2"><v>7</v></c><c><v>8</v></c></row>' +
  '<row><c r="A3" t="inlineStr"><is><t>Kab. Contoh</t></is></c><c r="B3" t="inlineStr"><is><t>Kab. Contoh</t></is></c></row>' +
  '<row r="5" hidden="1"><c r="A5" t="inlineStr"><is><r><t>DA</t></r><r><t>U</t></r></is></c></row>' +
  '</sheetData></worksheet>';

/** Every attribute value and every one-piece `<v>` written as character references: the text path. */
function asReferences(xml: string): string {
  const refs = (s: string) => [...s].map((ch) => `&#${ch.codePointAt(0)};`).join('');
  return xml
    .replace(/<c ([^>]*)>/g, (_, attributes: string) => `<c ${attributes.replace(/="([^"]*)"/g, (__, v: string) => `="${refs(v)}"`)}>`)
    .replace(/<row r="([^"]*)"/g, (_, v: string) => `<row r="${refs(v)}"`)
    .replace(/<v>([^<]*)<\/v>/g, (_, v: string) => `<v>${refs(v)}</v>`);
}

async function sheetOf(xml: string): Promise<Sheet> {
  const r = await readXlsxBuffer(paketXlsx({ sheets: [{ name: 'Renja', xml }] }), 'renja.xlsx');
  if (!r.ok) throw new Error(r.message);
  return r.workbook.sheets[0];
}

async function messageOf(xml: string): Promise<string> {
  const r = await readXlsxBuffer(paketXlsx({ sheets: [{ name: 'Renja', xml }] }), 'renja.xlsx');
  return r.ok ? 'terbaca' : r.message;
}

describe('a sheet read from its bytes', () => {
  it('reads numbers, types, addresses and texts as their text says', async () => {
    const sheet = await sheetOf(SHEET);
    expect(sheet.values[0]).toEqual([12.5, -0, 0.001, 1234567890123456800, 7, 0, null, null, 0.5]);
    expect(Object.is(sheet.values[0][1], -0)).toBe(true);
    expect(sheet.values[1]).toEqual([true, '#REF!', 'teks', '2024-12-31', 'Kab. Contoh', 6, 7, 8]);
    expect(sheet.values[2]).toEqual(['Kab. Contoh', 'Kab. Contoh']);
    expect(sheet.values[4]).toEqual(['DAU']);
    expect(sheet.hiddenRows).toEqual([4]);
  });

  it('gives the same sheet when every attribute and value is written as character references', async () => {
    const escaped = asReferences(SHEET);
    expect(escaped).toContain('<c r="&#65;&#49;"><v>&#49;&#50;&#46;&#53;</v>');
    expect(await sheetOf(escaped)).toEqual(await sheetOf(SHEET));
  });

  it('joins a value written in pieces (a comment or CDATA inside <v>) before reading it', async () => {
    const xml =
      `<worksheet xmlns="${NS}"><sheetData><row r="1">` +
      '<c r="A1"><v>12<!-- x -->34</v></c><c r="B1"><v><![CDATA[5.5]]></v></c><c r="C1"><v>1<![CDATA[2]]>.5</v></c>' +
      '<c r="D1" t="inlineStr"><is><t>a &amp; b</t></is></c><c r="E1" t="inlineStr"><is><t><![CDATA[x &amp; y]]></t></is></c>' +
      '<c r="F1" t="str"><v>Kab.<![CDATA[ ]]>Contoh</v></c><c r="G1"><v><![CDATA[]]></v></c><c r="H1"><v>9</v></c>' +
      '</row></sheetData></worksheet>';
    expect((await sheetOf(xml)).values[0]).toEqual([1234, 5.5, 12.5, 'a & b', 'x &amp; y', 'Kab. Contoh', null, 9]);
  });

  it('still refuses a bad entity where the reader keeps nothing: an unknown attribute, the space between tags', async () => {
    const cell = (inner: string) => `<worksheet xmlns="${NS}"><sheetData><row r="1">${inner}</row></sheetData></worksheet>`;
    expect(await messageOf(cell('<c r="A1" x14:foo="&bogus;"><v>1</v></c>'))).toBe(RUSAK);
    expect(await messageOf(cell(' &bogus; <c r="A1"><v>1</v></c>'))).toBe(RUSAK);
    expect(await messageOf(cell('<c r="A1"><v>&bogus;</v></c>'))).toBe(RUSAK);
    expect(await messageOf(cell('<c r="A1" t="inlineStr"><is><t>a & b</t></is></c>'))).toBe(RUSAK);
    expect(await messageOf(cell('<c r="A1"><v>1</v></c>'))).toBe('terbaca');
  });

  it('names a bad address as written, whichever way it is written', async () => {
    const cell = (r: string) => `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="${r}"><v>1</v></c></row></sheetData></worksheet>`;
    expect(await messageOf(cell('A0'))).toBe('Lembar "Renja": alamat sel "A0" tidak sah; berkas dilewati.');
    expect(await messageOf(cell('&#65;&#48;'))).toBe('Lembar "Renja": alamat sel "A0" tidak sah; berkas dilewati.');
    expect(await messageOf(cell('XFE1'))).toBe('Lembar "Renja": sel XFE1 melewati kolom terakhir XFD; berkas dilewati.');
  });
});
