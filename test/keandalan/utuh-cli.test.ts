import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { attributes, closeOf, scanTags } from '../../cli/tandai/xml';
import { LEMBAR_ASLI } from '../../core/rumus-bawaan/asli';
import { buildRichWorkbook, RICH } from '../fixtures/kaya';
import { jalankan } from '../helpers/jalankan-cli';
import { entries, expectOriginalKept, sheetParts, text } from '../helpers/paket-xlsx';

/**
 * Nothing lost, command line: the rich workbook of test/fixtures/kaya.ts (chart, image, pivot
 * table, data validation, conditional format, defined and LAMBDA names, notes, a hidden sheet),
 * with our functions in three of its cells as Excel saves them. Every verb only reads its input;
 * the converted copy of `bawaan` keeps every part and every element it did not mean to change.
 * What the annotated copy of `periksa --tandai` keeps is proven in cli/tandai/tandai.test.ts.
 */

/**
 * Ringkasan's cells calling our functions (Excel's spelling of an add-in call, and a bare name),
 * and a realisasi total typed over its SUM and 10.000 off, so that Periksa has a cell to mark.
 */
const RUMUS_KAMI: Record<string, { from: string; to: string }> = {
  E4: { from: '<c r="E4" s="5"><f>IF(C4=0,0,D4/C4*100)</f>', to: '<c r="E4" s="5"><f>_xldudf_SAKIP_SERAPAN(D4,C4)</f>' },
  E5: { from: '<c r="E5" s="5"><f>IF(C5=0,0,D5/C5*100)</f>', to: '<c r="E5" s="5"><f>SERAPAN(D5,C5)</f>' },
  // A formula giving text: Excel stores it with t="str" and the text as its cached value.
  F4: {
    from: '<c r="F4" s="3" t="s"><v>8</v></c>',
    to: '<c r="F4" s="3" t="str"><f>_xldudf_SAKIP_PREDIKAT(E4)</f><v>Sangat Berhasil</v></c>',
  },
};
const TOTAL_KETIK = { from: '<c r="D9" s="7"><f>SUM(D4:D8)</f><v>23594861370</v></c>', to: '<c r="D9" s="7"><v>23594871370</v></c>' };

async function bukuKayaDenganRumusKami(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await buildRichWorkbook());
  const part = (await sheetParts(zip)).get('Ringkasan')!;
  let xml = await text(zip, part);
  for (const { from, to } of [...Object.values(RUMUS_KAMI), TOTAL_KETIK]) {
    if (!xml.includes(from)) throw new Error(`utuh-cli: ${from} tidak ada di ${part}`);
    xml = xml.replace(from, to);
  }
  zip.file(part, xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

let dir: string;
let input: string;
let inputHash: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-utuh-cli-'));
  input = path.join(dir, 'kaya.xlsx');
  fs.writeFileSync(input, await bukuKayaDenganRumusKami());
  inputHash = sha256(input);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('periksa --tandai, bawaan and pohon each write their copy and leave the input file byte-identical (sha256)', async () => {
  const runs: [string, string[], RegExp][] = [
    [
      'periksa',
      [input, '--tandai', path.join(dir, 'bertanda.xlsx')],
      /✗ D9 .*\n[^]*Salinan bertanda: .*bertanda\.xlsx \(1 sel ditandai/,
    ],
    ['bawaan', [input, '--keluar', path.join(dir, 'bawaan.xlsx')], /^3 sel diubah menjadi rumus bawaan, ditulis ke .*bawaan\.xlsx/],
    [
      'pohon',
      [input, '--lembar', 'Ringkasan', '--keluar', path.join(dir, 'pohon.xlsx')],
      /^Pohon kinerja kaya\.xlsx: \d+ simpul, ditulis ke .*pohon\.xlsx/,
    ],
  ];
  const stat = fs.statSync(input);
  for (const [verb, args, said] of runs) {
    const r = await jalankan(verb, ...args);
    // Exit 1 is "errors found" (the typed total); 2 would be a failure to read or write.
    expect(`${verb} ${r.code}`).toMatch(new RegExp(`^${verb} [01]$`));
    expect(r.out).toMatch(said);
    expect(`${verb} ${sha256(input)}`).toBe(`${verb} ${inputHash}`);
  }
  expect(fs.statSync(input).mtimeMs).toBe(stat.mtimeMs);
});

describe('the converted copy (bawaan) of the rich workbook', () => {
  let before: JSZip;
  let after: JSZip;
  beforeAll(async () => {
    const output = path.join(dir, 'bawaan-kaya.xlsx');
    expect((await jalankan('bawaan', input, '--keluar', output)).out).toMatch(/^3 sel diubah menjadi rumus bawaan/);
    before = await JSZip.loadAsync(fs.readFileSync(input));
    after = await JSZip.loadAsync(fs.readFileSync(output));
  });

  test('keeps every part byte-identical but the workbook, its rels, the content types and the converted sheet; adds only the hidden record', async () => {
    const a = await entries(before);
    const b = await entries(after);
    const ringkasan = (await sheetParts(before)).get('Ringkasan')!;
    const allowed = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', ringkasan]);
    const changed = [...a].filter(([name, bytes]) => !b.get(name)?.equals(bytes)).map(([name]) => name);
    expect(changed.sort()).toEqual([...allowed].sort());
    const asli = (await sheetParts(after)).get(LEMBAR_ASLI)!;
    expect([...b.keys()].filter((name) => !a.has(name))).toEqual([asli]);
    // The parts an xlsx library tends to lose are among the untouched ones.
    for (const kept of [
      'xl/charts/chart1.xml',
      'xl/media/image1.png',
      'xl/pivotTables/pivotTable1.xml',
      'xl/pivotCache/pivotCacheRecords1.xml',
      'xl/comments1.xml',
      (await sheetParts(before)).get(RICH.hidden)!,
    ]) {
      expect(`${kept} ${b.get(kept)!.equals(a.get(kept)!)}`).toBe(`${kept} true`);
    }
    const wb = await text(after, 'xl/workbook.xml');
    expect(wb).toContain(`<definedName name="CAPAIAN">${RICH.lambda}</definedName>`);
    expect(wb).toMatch(new RegExp(`<sheet name="${LEMBAR_ASLI}" sheetId="\\d+" [^>]*state="hidden"`));
  });

  test('the workbook, its rels and the content types keep every original element: the copy only adds', async () => {
    for (const name of ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']) {
      expectOriginalKept(name, await text(before, name), await text(after, name));
    }
  });

  test('the converted sheet is byte-identical outside the converted cells, which keep their style and lose only the formula text, the cached value and its type', async () => {
    const part = (await sheetParts(before)).get('Ringkasan')!;
    const oldXml = await text(before, part);
    const newXml = await text(after, part);
    const cellsOf = (xml: string) => {
      const tags = scanTags(xml);
      const out = new Map<string, { start: number; end: number }>();
      tags.forEach((t, i) => {
        const ref = t.local === 'c' && t.kind !== 'close' ? attributes(xml.slice(t.start, t.end)).get('r') : undefined;
        if (ref && ref in RUMUS_KAMI) out.set(ref, { start: t.start, end: t.kind === 'open' ? tags[closeOf(tags, i)!].end : t.end });
      });
      return out;
    };
    const without = (xml: string, cells: Map<string, { start: number; end: number }>) =>
      [...cells.values()].sort((x, y) => y.start - x.start).reduce((x, c) => x.slice(0, c.start) + '<c/>' + x.slice(c.end), xml);
    const oldCells = cellsOf(oldXml);
    const newCells = cellsOf(newXml);
    expect([...newCells.keys()].sort()).toEqual(Object.keys(RUMUS_KAMI).sort());
    expect(without(newXml, newCells)).toBe(without(oldXml, oldCells));
    for (const [ref, at] of newCells) {
      const was = oldXml.slice(oldCells.get(ref)!.start, oldCells.get(ref)!.end);
      const now = newXml.slice(at.start, at.end);
      const attrs = (x: string) => Object.fromEntries([...attributes(/^<c[^>]*>/.exec(x)![0])].filter(([k]) => k !== 't'));
      expect(attrs(now)).toEqual(attrs(was));
      expect(now).toMatch(/^<c [^>]*><f>IF\(/);
      expect(now).not.toMatch(/<v>|\st=|SERAPAN|PREDIKAT|_xldudf_/);
    }
  });
});
