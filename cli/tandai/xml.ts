import { TandaiError } from './galat';
/**
 * Just enough XML to edit an OOXML part in place: a tag scanner that reports where each tag
 * starts and ends in the original text, attribute reading and rewriting on one tag's text, and
 * splicing. Everything not edited stays byte for byte as it was, unknown elements and
 * namespace prefixes included.
 */

export interface Tag {
  kind: 'open' | 'close' | 'empty';
  /** Qualified name as written (`x:row`). */
  name: string;
  /** Name without prefix (`row`). */
  local: string;
  /** Offsets of `<` and one past `>`. */
  start: number;
  end: number;
  /** Nesting depth of the element: the root element is 0. */
  depth: number;
}

/** Where and how far `scanTags` looks: a slice of the text, the depth there, and a tag to stop after. */
export interface ScanRange {
  from?: number;
  to?: number;
  depth?: number;
  /** Stop once this tag has been listed (the head of a part, up to one element). */
  until?: (tag: Tag) => boolean;
}

/**
 * All element tags of `xml` in document order. Comments, CDATA, processing instructions and
 * the DOCTYPE are skipped; quoted attribute values may hold `>`. A range scans one piece of a
 * large part (the rows that are marked) with offsets still into the whole text.
 */
export function scanTags(xml: string, range: ScanRange = {}): Tag[] {
  const tags: Tag[] = [];
  const to = range.to ?? xml.length;
  let depth = range.depth ?? 0;
  let i = xml.indexOf('<', range.from ?? 0);
  while (i >= 0 && i < to) {
    const special = skipSpecial(xml, i);
    if (special >= 0) {
      i = special;
    } else {
      const end = tagEnd(xml, i);
      const closing = xml[i + 1] === '/';
      const nameMatch = /^[^\s/>]+/.exec(xml.slice(i + (closing ? 2 : 1), Math.min(end, i + 200)));
      const name = nameMatch ? nameMatch[0] : '';
      const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
      let tag: Tag;
      if (closing) {
        depth--;
        tag = { kind: 'close', name, local, start: i, end, depth };
      } else if (xml[end - 2] === '/') {
        tag = { kind: 'empty', name, local, start: i, end, depth };
      } else {
        tag = { kind: 'open', name, local, start: i, end, depth };
        depth++;
      }
      tags.push(tag);
      if (range.until?.(tag)) break;
      i = end;
    }
    i = xml.indexOf('<', i);
  }
  return tags;
}

/** One past a comment, CDATA section, processing instruction or DOCTYPE starting at `i`; -1 for an element tag. */
export function skipSpecial(xml: string, i: number): number {
  if (xml.charCodeAt(i + 1) === 0x3f) return after(xml, '?>', i + 2);
  if (xml.charCodeAt(i + 1) !== 0x21) return -1;
  if (xml.startsWith('<!--', i)) return after(xml, '-->', i + 4);
  if (xml.startsWith('<![CDATA[', i)) return after(xml, ']]>', i + 9);
  return after(xml, '>', i + 2);
}

function after(xml: string, marker: string, from: number): number {
  const at = xml.indexOf(marker, from);
  if (at < 0) throw new TandaiError('XML rusak: penanda penutup tidak ditemukan.');
  return at + marker.length;
}

/** One past the `>` of the element tag starting at `start` (a `>` inside quotes does not end it). */
export function tagEnd(xml: string, start: number): number {
  let quote = 0;
  for (let j = start + 1; j < xml.length; j++) {
    const ch = xml.charCodeAt(j);
    if (quote !== 0) {
      if (ch === quote) quote = 0;
    } else if (ch === 0x22 || ch === 0x27) {
      quote = ch;
    } else if (ch === 0x3e) {
      return j + 1;
    }
  }
  throw new TandaiError('XML rusak: tag tidak ditutup.');
}

/** The matching close tag of an open tag, or null for an empty-element tag. */
export function closeOf(tags: Tag[], index: number): number | null {
  const open = tags[index];
  if (open.kind !== 'open') return null;
  for (let j = index + 1; j < tags.length; j++) {
    if (tags[j].kind === 'close' && tags[j].depth === open.depth) return j;
  }
  throw new TandaiError(`XML rusak: <${open.name}> tidak ditutup.`);
}

const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Attributes of one tag's text, values decoded. */
export function attributes(tagText: string): Map<string, string> {
  const out = new Map<string, string>();
  const body = tagText.replace(/^<\/?[^\s/>]+/, '');
  for (const m of body.matchAll(ATTR)) out.set(m[1], decodeEntities(m[3] ?? m[4] ?? ''));
  return out;
}

const ONE_ATTR = new Map<string, RegExp>();

/** One attribute's value, decoded; found by its own pattern, without reading the others. */
export function attr(tagText: string, name: string): string | null {
  let re = ONE_ATTR.get(name);
  if (!re) ONE_ATTR.set(name, (re = new RegExp(`\\s${escapeRegExp(name)}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tagText);
  return m ? decodeEntities(m[1] ?? m[2]) : null;
}

/**
 * The tag's text with attributes set (replaced in place, or added before the tag's end) and
 * nothing else changed. `makeOpen` turns `<x/>` into `<x>`.
 */
export function withAttributes(tagText: string, set: Record<string, string>, makeOpen = false): string {
  let text = tagText;
  for (const [name, value] of Object.entries(set)) {
    const re = new RegExp(`(\\s${escapeRegExp(name)}\\s*=\\s*)("[^"]*"|'[^']*')`);
    const escaped = escapeAttr(value);
    if (re.test(text)) {
      text = text.replace(re, (_m, pre: string) => `${pre}"${escaped}"`);
    } else {
      const closeLen = text.endsWith('/>') ? 2 : 1;
      const body = text.slice(0, text.length - closeLen).replace(/\s+$/, '');
      text = `${body} ${name}="${escaped}"${text.slice(text.length - closeLen)}`;
    }
  }
  if (makeOpen && text.endsWith('/>')) text = text.slice(0, -2).replace(/\s+$/, '') + '>';
  return text;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/F). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what it must find
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeText(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** The prefix (with its colon, or '') the root element uses. */
export function prefixOf(tag: Tag): string {
  return tag.name.includes(':') ? tag.name.slice(0, tag.name.indexOf(':') + 1) : '';
}

/** The prefix bound to `namespace` on the root tag, or null when none is. */
export function prefixFor(rootTagText: string, namespace: string): string | null {
  for (const [name, value] of attributes(rootTagText)) {
    if (value !== namespace) continue;
    if (name === 'xmlns') return '';
    if (name.startsWith('xmlns:')) return name.slice(6) + ':';
  }
  return null;
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Apply non-overlapping edits. At one offset, inserts come before a replacement starting
 * there, and inserts keep the order they were given in.
 */
export function applyEdits(src: string, edits: Edit[]): string {
  const ordered = edits
    .map((e, seq) => ({ ...e, seq }))
    .sort((a, b) => a.start - b.start || Number(a.end > a.start) - Number(b.end > b.start) || a.seq - b.seq);
  // Pieces joined once: `+=` over hundreds of thousands of edits builds a rope the garbage
  // collector walks again and again.
  const out: string[] = [];
  let cursor = 0;
  for (const e of ordered) {
    if (e.start < cursor) throw new TandaiError('Suntingan XML bertumpuk.');
    out.push(src.slice(cursor, e.start), e.text);
    cursor = e.end;
  }
  out.push(src.slice(cursor));
  return out.join('');
}

/** Index of the first tag at `depth` whose local name is `local`, or -1. */
export function findTag(tags: Tag[], local: string, depth?: number, from = 0): number {
  for (let j = from; j < tags.length; j++) {
    const t = tags[j];
    if (t.kind !== 'close' && t.local === local && (depth === undefined || t.depth === depth)) return j;
  }
  return -1;
}
