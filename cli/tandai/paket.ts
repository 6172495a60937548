import { TandaiError } from './galat';
import * as path from 'path';
import * as zlib from 'zlib';
import { BATAS, GalatBaca } from '../baca/batas';
import { normalisePartName, ZipEntry, ZipPackage } from '../baca/zip';
import { storedBytes, writeZip, ZipPart } from './zip-tulis';
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
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const RUSAK = 'Berkas bukan .xlsx yang sah atau rusak.';

const ZIP64 =
  'Berkas .xlsx ini disimpan dalam format zip64, yang belum didukung untuk salinan bertanda; buka dan simpan ulang di Excel sebagai .xlsx, lalu periksa lagi.';

/** What the marking needs of a package, whichever zip code is behind it. */
export interface Parts {
  /** Parts written, so a caller can tell what changed. */
  readonly changed: Set<string>;
  entry(part: string): string | null;
  has(part: string): boolean;
  partNames(): string[];
  read(part: string): Promise<string | null>;
  readBytewise(part: string): Promise<string | null>;
  write(part: string, text: string, options?: { bytewise?: boolean }): void;
  freeName(prefix: string, suffix: string): string;
  generate(): Promise<Buffer>;
}

/**
 * The package of the input, read through the reader's zip index (`cli/baca/zip.ts`): a part
 * is inflated (and its CRC checked) only when it is read, and the copy keeps every part not
 * written here as the input stores it.
 */
export class Package implements Parts {
  /** Part name as stored, by its normalised name. */
  private readonly names = new Map<string, string>();
  /** Entries in the input's order (folders too), and parts added here after them. */
  private readonly order: ZipEntry[] = [];
  private readonly original = new Map<string, ZipEntry>();
  private readonly written = new Map<string, { text: string; bytewise: boolean }>();
  private inflated = 0;
  private readonly boms = new Set<string>();
  /** Parts written by us, so a caller can tell what changed. */
  readonly changed = new Set<string>();

  private constructor(
    private readonly bytes: Uint8Array,
    zip: ZipPackage,
  ) {
    // The reader reads zip64; the copy's writer has no zip64 records, so it refuses rather than guess.
    if (zip.zip64) throw new TandaiError(ZIP64);
    for (const e of zip.entries.values()) {
      this.order.push(e);
      if (e.name.endsWith('/')) continue;
      this.names.set(normalisePartName(e.name), e.name);
      this.original.set(e.name, e);
    }
  }

  static async load(data: Uint8Array): Promise<Package> {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    try {
      return new Package(bytes, new ZipPackage(bytes));
    } catch (e) {
      if (e instanceof GalatBaca) throw new TandaiError(hasZip64End(bytes) ? ZIP64 : e.message);
      throw e;
    }
  }

  /** The zip entry name of a part (`xl/workbook.xml`, no leading slash), whatever its case. */
  entry(part: string): string | null {
    return this.names.get(normalisePartName(part)) ?? null;
  }

  has(part: string): boolean {
    return this.entry(part) !== null;
  }

  /** Every part name (no folders). */
  partNames(): string[] {
    return [...this.names.values()];
  }

  async read(part: string): Promise<string | null> {
    const name = this.entry(part);
    if (name === null) return null;
    const mine = this.written.get(name);
    if (mine !== undefined) return mine.bytewise ? Buffer.from(mine.text, 'latin1').toString('utf8') : mine.text;
    const bytes = this.inflate(name);
    let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    if (text.startsWith(BOM)) {
      this.boms.add(name);
      text = text.slice(1);
    }
    return text;
  }

  /**
   * A part as text of one character per byte (latin1), for a large part edited only between
   * ASCII markup: decoding and encoding it are copies, where UTF-8 would examine every byte
   * twice. Non-ASCII text passes through unchanged, as the same bytes, as long as whatever is
   * written into it is ASCII (cell addresses, style numbers, relationship ids).
   */
  async readBytewise(part: string): Promise<string | null> {
    const name = this.entry(part);
    if (name === null) return null;
    const mine = this.written.get(name);
    if (mine !== undefined) return mine.bytewise ? mine.text : Buffer.from(mine.text, 'utf8').toString('latin1');
    const bytes = this.inflate(name);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    if (bom) this.boms.add(name);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', bom ? 3 : 0);
  }

  write(part: string, text: string, options: { bytewise?: boolean } = {}): void {
    const existing = this.entry(part);
    const name = existing ?? part.replace(/^\//, '');
    this.names.set(normalisePartName(name), name);
    this.written.set(name, { text, bytewise: options.bytewise === true });
    this.changed.add(name);
  }

  /**
   * A stored part inflated whole by node:zlib (native: about four times faster than a
   * JavaScript inflate on the 85 MB sheet of a 100,000-row Renja), bounded by the size the
   * directory states and the reader's cap on inflated bytes, and checked against its CRC.
   */
  private inflate(name: string): Uint8Array {
    const entry = this.original.get(name)!;
    this.inflated += entry.size;
    if (this.inflated > BATAS.byteXml) {
      throw new TandaiError(
        `Isi berkas melebihi batas ${BATAS.byteXml / 1024 / 1024} MB XML setelah dibuka (kemungkinan berkas rusak atau bom zip); berkas dilewati.`,
      );
    }
    const stored = storedBytes(this.bytes, entry);
    let bytes: Uint8Array;
    if (entry.method === 0) bytes = stored;
    else if (entry.method === 8) {
      try {
        bytes = zlib.inflateRawSync(stored, { maxOutputLength: Math.max(1, entry.size) });
      } catch {
        throw new TandaiError(RUSAK);
      }
    } else throw new TandaiError(RUSAK);
    if (bytes.length !== entry.size || zlib.crc32(bytes) >>> 0 !== entry.crc >>> 0) {
      throw new TandaiError(
        'Berkas .xlsx rusak: isi salah satu bagiannya tidak cocok dengan kode pemeriksanya (CRC). Minta salinan asli berkas.',
      );
    }
    if (bytes[0] === 0xff && bytes[1] === 0xfe) throw new TandaiError(`Bagian ${name} berenkode UTF-16; tidak didukung.`);
    return bytes;
  }

  /** A part name not yet used: `xl/comments` + n + `.xml`. */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const candidate = `${prefix}${n}${suffix}`;
      if (!this.has(candidate)) return candidate;
    }
  }

  /** The copy: the input's parts in their order (changed ones rewritten in place), then the new ones. */
  async generate(): Promise<Buffer> {
    const encode = (name: string) => {
      const { text, bytewise } = this.written.get(name)!;
      const body = Buffer.from(text, bytewise ? 'latin1' : 'utf8');
      return this.boms.has(name) ? Buffer.concat([UTF8_BOM, body]) : body;
    };
    const parts: ZipPart[] = [];
    for (const e of this.order) {
      parts.push(
        this.written.has(e.name) ? { kind: 'new', name: e.name, data: encode(e.name), replaces: e } : { kind: 'copy', entry: e },
      );
    }
    for (const name of this.written.keys()) if (!this.original.has(name)) parts.push({ kind: 'new', name, data: encode(name) });
    return writeZip(this.bytes, parts);
  }
}

/** A zip64 end-of-directory locator (signature PK\6\7) just before the end record's search window. */
function hasZip64End(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 22 - 0xffff - 20);
  for (let p = bytes.length - 4; p >= from; p--) {
    if (bytes[p] === 0x50 && bytes[p + 1] === 0x4b && bytes[p + 2] === 0x06 && bytes[p + 3] === 0x07) return true;
  }
  return false;
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
export async function addRelationship(pkg: Parts, sourcePart: string, type: string, targetPart: string): Promise<string> {
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
export async function ensureContentType(pkg: Parts, part: string, contentType: string, asDefault = false): Promise<void> {
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
