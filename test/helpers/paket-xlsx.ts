import * as path from 'path';
import JSZip from 'jszip';
import { attributes, scanTags, Tag } from '../../cli/tandai/xml';

/**
 * Reading an .xlsx package part by part, for the tests that prove a written copy keeps what it
 * was not meant to change (cli/tandai, cli/bawaan, test/keandalan/utuh-cli).
 */

/** Every file part of the package, by name. */
export async function entries(zip: JSZip): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files))
    if (!zip.files[name].dir) out.set(name, Buffer.from(await zip.file(name)!.async('uint8array')));
  return out;
}

export const text = async (zip: JSZip, name: string): Promise<string> => zip.file(name)!.async('string');

/** Sheet name → its part, from the workbook and its rels (as Excel resolves them). */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wb = await text(zip, 'xl/workbook.xml');
  const rels = await text(zip, 'xl/_rels/workbook.xml.rels');
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)) target.set(m[1], m[2]);
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet [^>]*>/g)) {
    const a = attributes(m[0]);
    out.set(a.get('name')!, path.posix.join('xl', target.get(a.get('r:id')!)!));
  }
  return out;
}

/**
 * Every element of the original part appears in the new one, in the same order, with the same
 * attributes (but those `mayChange` names for an element) and the same text; the new part may
 * only add.
 */
export function expectOriginalKept(name: string, oldXml: string, newXml: string, mayChange: Record<string, string[]> = {}): void {
  const oldTags = scanTags(oldXml);
  const newTags = scanTags(newXml);
  let j = 0;
  const textAfter = (xml: string, tags: Tag[], k: number) =>
    tags[k].kind === 'open' && tags[k + 1]?.kind === 'close' ? xml.slice(tags[k].end, tags[k + 1].start) : '';
  for (let i = 0; i < oldTags.length; i++) {
    const t = oldTags[i];
    // An empty element may have been opened to take children (<sheetData/> → <sheetData>…</sheetData>).
    while (
      j < newTags.length &&
      !(newTags[j].name === t.name && (newTags[j].kind === t.kind || (t.kind === 'empty' && newTags[j].kind === 'open')))
    )
      j++;
    expect(`${name}: <${t.name}> #${i} found`).toBe(j < newTags.length ? `${name}: <${t.name}> #${i} found` : 'missing');
    const u = newTags[j];
    if (t.kind !== 'close') {
      const a = attributes(oldXml.slice(t.start, t.end));
      const b = attributes(newXml.slice(u.start, u.end));
      for (const k of a.keys()) {
        if (mayChange[t.local]?.includes(k)) continue;
        expect(`${name} <${t.name}> ${k}=${b.get(k)}`).toBe(`${name} <${t.name}> ${k}=${a.get(k)}`);
      }
      const oldText = textAfter(oldXml, oldTags, i);
      if (oldText !== '') expect(`${name} <${t.name}> ${textAfter(newXml, newTags, j)}`).toBe(`${name} <${t.name}> ${oldText}`);
    }
    j++;
  }
}
