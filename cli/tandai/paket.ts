import { TandaiError } from './galat';
import * as path from 'path';
import type JSZip from 'jszip';
import { applyEdits, attributes, escapeAttr, findTag, scanTags, withAttributes } from './xml';

/**
 * The .xlsx package (OPC) as a zip: part names are case-insensitive, relationship targets are
 * relative to their source part, and a part we rewrite keeps its byte-order mark.
 */
export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  strictMain: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
};

export const REL_TYPE = {
  officeDocument: `${NS.rel}/officeDocument`,
  worksheet: `${NS.rel}/worksheet`,
  styles: `${NS.rel}/styles`,
  comments: `${NS.rel}/comments`,
  vmlDrawing: `${NS.rel}/vmlDrawing`,
};

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
};

const BOM = '\uFEFF';

export class Package {
  private readonly names = new Map<string, string>();
  private readonly boms = new Set<string>();
  /** Parts written by us, so a caller can tell what changed. */
  readonly changed = new Set<string>();

  constructor(readonly zip: JSZip) {
    for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) this.names.set(name.toLowerCase(), name);
  }

  static async load(data: Buffer): Promise<Package> {
    const { default: Zip } = await import('jszip');
    return new Package(await Zip.loadAsync(data));
  }

  /** The zip entry name of a part (`xl/workbook.xml`, no leading slash), whatever its case. */
  entry(part: string): string | null {
    return this.names.get(part.replace(/^\//, '').toLowerCase()) ?? null;
  }

  has(part: string): boolean {
    return this.entry(part) !== null;
  }

  async read(part: string): Promise<string | null> {
    const name = this.entry(part);
    if (name === null) return null;
    const bytes = await this.zip.file(name)!.async('uint8array');
    if (bytes[0] === 0xff && bytes[1] === 0xfe) throw new TandaiError(`Bagian ${name} berenkode UTF-16; tidak didukung.`);
    let text = Buffer.from(bytes).toString('utf8');
    if (text.startsWith(BOM)) {
      this.boms.add(name);
      text = text.slice(1);
    }
    return text;
  }

  write(part: string, text: string): void {
    const existing = this.entry(part);
    const name = existing ?? part.replace(/^\//, '');
    this.names.set(name.toLowerCase(), name);
    this.zip.file(name, (this.boms.has(name) ? BOM : '') + text);
    this.changed.add(name);
  }

  /** A part name not yet used: `xl/comments` + n + `.xml`. */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const candidate = `${prefix}${n}${suffix}`;
      if (!this.has(candidate)) return candidate;
    }
  }

  async generate(): Promise<Buffer> {
    return this.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPartOf(part: string): string {
  const dir = path.posix.dirname(part);
  return path.posix.join(dir === '.' ? '' : dir, '_rels', `${path.posix.basename(part)}.rels`);
}

/** A relationship's target as a part name, relative to its source part. */
export function resolveTarget(sourcePart: string, target: string): string {
  const clean = target.split('#')[0];
  if (clean.startsWith('/')) return clean.slice(1);
  const dir = path.posix.dirname(sourcePart);
  return path.posix.normalize(path.posix.join(dir === '.' ? '' : dir, clean));
}

/** The target written in a rels part for `targetPart`, relative to `sourcePart`. */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const dir = path.posix.dirname(sourcePart);
  return path.posix.relative(dir === '.' ? '' : dir, targetPart);
}

export function parseRels(xml: string | null): Relationship[] {
  if (xml === null) return [];
  const tags = scanTags(xml);
  return tags
    .filter((t) => t.kind !== 'close' && t.local === 'Relationship')
    .map((t) => {
      const a = attributes(xml.slice(t.start, t.end));
      return {
        id: a.get('Id') ?? '',
        type: a.get('Type') ?? '',
        target: a.get('Target') ?? '',
        external: (a.get('TargetMode') ?? '').toLowerCase() === 'external',
      };
    });
}

/** Relationship types match on their last segment, so Strict and Transitional URIs both do. */
export function isRelType(rel: Relationship, type: string): boolean {
  return rel.type === type || rel.type.endsWith('/' + type.slice(type.lastIndexOf('/') + 1));
}

/** Add a relationship to the rels part of `sourcePart` (creating it); returns the new Id. */
export async function addRelationship(pkg: Package, sourcePart: string, type: string, targetPart: string): Promise<string> {
  const relsPart = relsPartOf(sourcePart);
  let xml = await pkg.read(relsPart);
  if (xml === null) {
    xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
  }
  const used = new Set(parseRels(xml).map((r) => r.id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(relativeTarget(sourcePart, targetPart))}"/>`;
  pkg.write(relsPart, appendChild(xml, 'Relationships', rel));
  return id;
}

/**
 * Insert `child` as the last child of the root element named `rootLocal`, turning `<x/>` into
 * `<x>…</x>` when needed; the root's prefix is left to the caller's text.
 */
export function appendChild(xml: string, rootLocal: string, child: string): string {
  const tags = scanTags(xml);
  const i = findTag(tags, rootLocal, 0);
  if (i < 0) throw new TandaiError(`Elemen <${rootLocal}> tidak ditemukan.`);
  return appendInto(xml, tags, i, child);
}

/** Insert `child` before the close tag of element `tags[i]` (opening it if it is empty). */
export function appendInto(xml: string, tags: ReturnType<typeof scanTags>, i: number, child: string): string {
  const t = tags[i];
  if (t.kind === 'empty') {
    const open = withAttributes(xml.slice(t.start, t.end), {}, true);
    return applyEdits(xml, [{ start: t.start, end: t.end, text: `${open}${child}</${t.name}>` }]);
  }
  for (let j = i + 1; j < tags.length; j++) {
    const u = tags[j];
    if (u.kind === 'close' && u.depth === t.depth) return applyEdits(xml, [{ start: u.start, end: u.start, text: child }]);
  }
  throw new TandaiError(`Elemen <${t.name}> tidak ditutup.`);
}

/** Make sure [Content_Types].xml knows `part` (as an Override) or the extension (as a Default). */
export async function ensureContentType(pkg: Package, part: string, contentType: string, asDefault = false): Promise<void> {
  const ctPart = '[Content_Types].xml';
  const xml = await pkg.read(ctPart);
  if (xml === null) throw new TandaiError('[Content_Types].xml tidak ditemukan.');
  const tags = scanTags(xml);
  const ext = path.posix.extname(part).slice(1).toLowerCase();
  const partName = '/' + part.replace(/^\//, '');
  for (const t of tags) {
    if (t.kind === 'close') continue;
    const a = attributes(xml.slice(t.start, t.end));
    if (t.local === 'Override' && (a.get('PartName') ?? '').toLowerCase() === partName.toLowerCase()) return;
    if (t.local === 'Default' && asDefault && (a.get('Extension') ?? '').toLowerCase() === ext) return;
  }
  const entry = asDefault
    ? `<Default Extension="${escapeAttr(ext)}" ContentType="${escapeAttr(contentType)}"/>`
    : `<Override PartName="${escapeAttr(partName)}" ContentType="${escapeAttr(contentType)}"/>`;
  pkg.write(ctPart, appendChild(xml, 'Types', entry));
}
