import { GalatBaca } from './batas';
import { decodeEntities } from './xml-cepat';

/**
 * A small XML tokenizer for the one part that is big, the worksheet, working on the inflated
 * UTF-8 bytes themselves. The part is never decoded whole, and the tokenizer makes no string
 * but tag and attribute names (each decoded once): attribute values and the texts between tags
 * are handed over as byte ranges, and the handler decodes only what it keeps (`decodeText`,
 * `TagBytes.value`). A sheet's numbers, cell addresses, style and string indexes are read from
 * the bytes (`angka-bita.ts`); a string per attribute and per `<v>` was most of the reader's
 * time and garbage. A kept string is a fresh copy of its bytes: one cut out of a decoded chunk
 * would keep the whole chunk alive as long as the cell lives.
 *
 * Comments, processing instructions and a DOCTYPE are skipped; names arrive without their
 * namespace prefix, as in `xml.ts`. It does not validate: the part has passed its CRC, and what
 * it cannot make sense of (an unknown entity, a tag that never closes) makes the file
 * unreadable, never a guess. A part in UTF-16 is transcoded to UTF-8 first (`xml.ts`).
 */
const RUSAK = 'Berkas bukan .xlsx yang sah atau rusak.';
const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQ = 61;
const DQ = 34;
const SQ = 39;
const COLON = 58;
const AMP = 38;

/** What the handler of the byte tokenizer is told. */
export interface ByteHandler {
  /** `tag` is valid only during this call: its arrays are reused for the next tag. */
  open(name: string, tag: TagBytes, selfClosing: boolean): void;
  /** Text between tags as written (`decodeText` decodes it), or a CDATA section's content (`cdata`: taken as is). */
  text?(s: Buffer, a: number, b: number, cdata: boolean): void;
  close?(name: string): void;
}

/** The attributes of the tag being opened, as names and the byte ranges of their values. */
export class TagBytes {
  bytes: Buffer = Buffer.alloc(0);
  count = 0;
  keys: string[] = [];
  starts = new Int32Array(8);
  ends = new Int32Array(8);

  /** The index of the attribute named `key` (the last one when repeated, as an object would keep it), or -1. */
  find(key: string): number {
    for (let k = this.count - 1; k >= 0; k--) if (this.keys[k] === key) return k;
    return -1;
  }

  /** The value of attribute `k`, its entities decoded. */
  value(k: number): string {
    return decodeText(this.bytes, this.starts[k], this.ends[k], false);
  }

  get(key: string): string | undefined {
    const k = this.find(key);
    return k < 0 ? undefined : this.value(k);
  }

  record(): Record<string, string> {
    const out: Record<string, string> = {};
    for (let k = 0; k < this.count; k++) out[this.keys[k]] = this.value(k);
    return out;
  }

  add(key: string, start: number, end: number): void {
    const k = this.count++;
    if (k === this.starts.length) {
      const starts = new Int32Array(k * 2);
      const ends = new Int32Array(k * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.keys[k] = key;
    this.starts[k] = start;
    this.ends[k] = end;
  }
}

/** The text in `s[a…b)` as a string: entities decoded, unless it is a CDATA section's. */
export function decodeText(s: Buffer, a: number, b: number, cdata: boolean): string {
  const t = s.toString('utf8', a, b);
  return !cdata && hasByte(s, AMP, a, b) ? decodeEntities(t) : t;
}

/** Bytes `plainOpen` takes in a name: ASCII letters, digits, `:`, `_`, `-`, `.`. */
const NAME_BYTE = new Uint8Array(256);
for (let c = 0; c < 128; c++) if (/[A-Za-z0-9:_.-]/.test(String.fromCharCode(c))) NAME_BYTE[c] = 1;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

export class FastXmlBytes {
  /** Bytes of a tag or text not complete at the end of the last chunk (always a copy). */
  private carry: Buffer | null = null;
  /** In `carry`, the bytes before this index hold no `<`: a long text is not searched again per chunk. */
  private noTagBefore = 0;
  private done = false;
  /** Names of tags and attributes are few: each is decoded once, looked up by its bytes after. */
  private readonly names = new Map<number, string>();
  /** One-letter names (`c`, `v`, `t`, `r`, `s`) by their byte: the commonest of a sheet. */
  private readonly letters: (string | undefined)[] = new Array<string | undefined>(128).fill(undefined);
  private readonly tag = new TagBytes();
  /** The text carried to the next chunk holds an `&`. */
  private carryAmp = false;
  /** The tag `tagEnd` last found holds an `&`. */
  private tagAmp = false;

  /**
   * `known`: the names the handler compares with, handed back as these very strings, so that
   * its comparisons find the same string object and stop there. `plain: false` reads every tag
   * by the general path (for the test that holds the two paths to the same events).
   */
  constructor(
    private readonly h: ByteHandler,
    private readonly known: readonly string[] = [],
    private readonly plain = true,
  ) {}

  write(chunk: Uint8Array): void {
    const fresh = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const s = this.carry === null ? fresh : Buffer.concat([this.carry, fresh]);
    const n = s.length;
    let i = 0;
    let searchFrom = this.noTagBefore;
    this.carry = null;
    this.noTagBefore = 0;
    const h = this.h;
    let amp = this.carryAmp;
    this.carryAmp = false;
    while (i < n) {
      // The next `<`, noting any `&` on the way: a text with one is decoded at once, so that a
      // bad entity refuses the part even where the handler does not keep the text.
      let lt = Math.max(i, searchFrom);
      searchFrom = 0;
      for (; lt < n; lt++) {
        const c = s[lt];
        if (c === LT) break;
        if (c === AMP) amp = true;
      }
      if (lt === n) {
        this.keep(s, i, n - i);
        this.carryAmp = amp;
        return;
      }
      if (lt > i && h.text) {
        if (amp) decodeText(s, i, lt, false);
        h.text(s, i, lt, false);
      }
      amp = false;
      if (lt + 1 >= n) {
        this.keep(s, lt, 0);
        return;
      }
      const c1 = s[lt + 1];
      if (c1 === BANG || c1 === QUESTION) {
        const end = this.skipSpecial(s, lt);
        if (end < 0) {
          this.keep(s, lt, 0);
          return;
        }
        i = end;
        continue;
      }
      // Most tags are plain and read in one pass; any other form, or one not all here yet, is
      // read by the general path below, which finds the end of the tag first.
      const plain = !this.plain ? -1 : c1 === SLASH ? this.plainClose(s, lt + 2) : this.plainOpen(s, lt + 1);
      if (plain >= 0) {
        i = plain + 1;
        continue;
      }
      const gt = this.tagEnd(s, lt + 1);
      if (gt < 0) {
        this.keep(s, lt, 0);
        return;
      }
      if (c1 === SLASH) {
        let a = lt + 2;
        let b = gt;
        while (a < b && isSpace(s[a])) a++;
        while (b > a && isSpace(s[b - 1])) b--;
        h.close?.(this.name(s, a, b));
      } else {
        const selfClosing = s[gt - 1] === SLASH;
        this.openTag(s, lt + 1, selfClosing ? gt - 1 : gt, selfClosing);
      }
      i = gt + 1;
    }
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    const rest = this.carry;
    this.carry = null;
    if (rest === null) return;
    let blank = true;
    for (let k = 0; k < rest.length && blank; k++) if (!isSpace(rest[k])) blank = false;
    if (blank) return;
    if (rest.indexOf(LT) >= 0) throw new GalatBaca(RUSAK);
    if (this.h.text) {
      decodeText(rest, 0, rest.length, false);
      this.h.text(rest, 0, rest.length, false);
    }
  }

  /** Keeps `s[from…]` for the next chunk, as a copy: the chunk's memory is the inflater's. */
  private keep(s: Buffer, from: number, noTagFor: number): void {
    this.carry = from < s.length ? Buffer.from(s.subarray(from)) : null;
    this.noTagBefore = noTagFor;
  }

  /** A tag or attribute name without its prefix, decoded once per distinct name. */
  private name(s: Buffer, a: number, b: number): string {
    for (let k = a; k < b; k++) {
      if (s[k] === COLON) {
        a = k + 1;
        break;
      }
    }
    const length = b - a;
    if (length === 1 && s[a] < 128) return this.letters[s[a]] ?? (this.letters[s[a]] = this.decodeName(s, a, b));
    if (length === 0 || length > 6) return this.decodeName(s, a, b);
    // Up to six bytes and the length fit exactly in a double.
    let key = 0;
    for (let k = a; k < b; k++) key = key * 256 + s[k];
    key = key * 8 + length;
    let name = this.names.get(key);
    if (name === undefined) {
      name = this.decodeName(s, a, b);
      this.names.set(key, name);
    }
    return name;
  }

  private decodeName(s: Buffer, a: number, b: number): string {
    const name = s.toString('utf8', a, b);
    const i = this.known.indexOf(name);
    return i < 0 ? name : this.known[i];
  }

  /** `<!-- -->`, `<![CDATA[ ]]>` (its text passed on), `<!DOCTYPE …>`, `<? ?>`: the index after it, or -1 when not all here yet. */
  private skipSpecial(s: Buffer, lt: number): number {
    if (startsWith(s, lt, '<!--')) {
      const e = s.indexOf('-->', lt + 4, 'latin1');
      return e < 0 ? -1 : e + 3;
    }
    if (startsWith(s, lt, '<![CDATA[')) {
      const e = s.indexOf(']]>', lt + 9, 'latin1');
      if (e < 0) return -1;
      this.h.text?.(s, lt + 9, e, true);
      return e + 3;
    }
    // Not all of `<![CDATA[` or `<!--` may be here yet.
    if (lt + 9 > s.length && (isPrefix(s, lt, '<![CDATA[') || isPrefix(s, lt, '<!--'))) return -1;
    if (s[lt + 1] === QUESTION) {
      const e = s.indexOf('?>', lt + 2, 'latin1');
      return e < 0 ? -1 : e + 2;
    }
    // A DOCTYPE, with or without an internal subset: skipped, its entities never used.
    const bracket = s.indexOf('[', lt, 'latin1');
    const gt = s.indexOf(GT, lt);
    if (gt < 0) return -1;
    if (bracket >= 0 && bracket < gt) {
      const e = s.indexOf(']>', bracket, 'latin1');
      return e < 0 ? -1 : e + 2;
    }
    return gt + 1;
  }

  /**
   * `<name a="…" b='…'>` or `<name …/>` with names of letters, digits and `:_-.` and spaces
   * only between the parts, read in one pass and handed on: the index of its `>`, or -1 (and
   * nothing handed on) when the tag is not that form or not all here yet. Where it reads a tag,
   * the general path reads the same name, attributes and self-closing.
   */
  private plainOpen(s: Buffer, from: number): number {
    const n = s.length;
    let i = from;
    while (i < n && NAME_BYTE[s[i]] === 1) i++;
    if (i === from || i >= n) return -1;
    const nameEnd = i;
    const tag = this.tag;
    tag.bytes = s;
    tag.count = 0;
    let amp = false;
    let selfClosing = false;
    for (;;) {
      while (i < n && isSpace(s[i])) i++;
      if (i >= n) return -1;
      const c = s[i];
      if (c === GT) break;
      if (c === SLASH) {
        if (i + 1 >= n || s[i + 1] !== GT) return -1;
        selfClosing = true;
        i++;
        break;
      }
      const keyStart = i;
      while (i < n && NAME_BYTE[s[i]] === 1) i++;
      const keyEnd = i;
      if (keyEnd === keyStart) return -1;
      while (i < n && isSpace(s[i])) i++;
      if (i >= n || s[i] !== EQ) return -1;
      i++;
      while (i < n && isSpace(s[i])) i++;
      if (i >= n) return -1;
      const q = s[i];
      if (q !== DQ && q !== SQ) return -1;
      const valueStart = ++i;
      for (; i < n; i++) {
        const v = s[i];
        if (v === q) break;
        if (v === AMP) amp = true;
      }
      if (i >= n) return -1;
      tag.add(this.name(s, keyStart, keyEnd), valueStart, i);
      i++;
    }
    const name = this.name(s, from, nameEnd);
    if (name === '') return -1;
    if (amp) for (let k = 0; k < tag.count; k++) tag.value(k);
    this.h.open(name, tag, selfClosing);
    if (selfClosing) this.h.close?.(name);
    return i;
  }

  /** `</name>` (spaces allowed before the `>`) read in one pass: the index of its `>`, or -1 as in `plainOpen`. */
  private plainClose(s: Buffer, from: number): number {
    const n = s.length;
    let i = from;
    while (i < n && NAME_BYTE[s[i]] === 1) i++;
    if (i === from) return -1;
    const nameEnd = i;
    while (i < n && isSpace(s[i])) i++;
    if (i >= n || s[i] !== GT) return -1;
    this.h.close?.(this.name(s, from, nameEnd));
    return i;
  }

  /** The `>` that ends the tag starting at `from`, skipping any inside quoted attribute values; -1 when not all here yet. */
  private tagEnd(s: Buffer, from: number): number {
    let quote = 0;
    let amp = false;
    for (let i = from, n = s.length; i < n; i++) {
      const c = s[i];
      if (c === AMP) amp = true;
      else if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === DQ || c === SQ) quote = c;
      else if (c === GT) {
        this.tagAmp = amp;
        return i;
      } else if (c === LT) throw new GalatBaca(RUSAK);
    }
    return -1;
  }

  private openTag(s: Buffer, start: number, end: number, selfClosing: boolean): void {
    let i = start;
    while (i < end && !isSpace(s[i])) i++;
    const name = this.name(s, start, i);
    if (name === '') throw new GalatBaca(RUSAK);
    const tag = this.tag;
    tag.bytes = s;
    tag.count = 0;
    while (i < end) {
      while (i < end && isSpace(s[i])) i++;
      if (i >= end) break;
      const nameStart = i;
      while (i < end && s[i] !== EQ && !isSpace(s[i])) i++;
      const key = this.name(s, nameStart, i);
      while (i < end && isSpace(s[i])) i++;
      if (s[i] !== EQ) throw new GalatBaca(RUSAK);
      i++;
      while (i < end && isSpace(s[i])) i++;
      const q = s[i];
      if (q !== DQ && q !== SQ) throw new GalatBaca(RUSAK);
      const close = indexOfByte(s, q, i + 1);
      if (close < 0 || close > end) throw new GalatBaca(RUSAK);
      tag.add(key, i + 1, close);
      i = close + 1;
    }
    // Every value is decoded once when the tag holds an `&`, so that a bad entity refuses the part.
    if (this.tagAmp) for (let k = 0; k < tag.count; k++) tag.value(k);
    this.h.open(name, tag, selfClosing);
    if (selfClosing) this.h.close?.(name);
  }
}

/**
 * `s.indexOf(byte, from)` as a loop: the closing quote is usually a few bytes away, where
 * the native call costs more than the search (the tokenizer took a third less CPU on the
 * 100,000-row Renja without it, under load).
 */
function indexOfByte(s: Buffer, byte: number, from: number): number {
  for (let k = from, n = s.length; k < n; k++) if (s[k] === byte) return k;
  return -1;
}

function hasByte(s: Buffer, byte: number, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (s[k] === byte) return true;
  return false;
}

function startsWith(s: Buffer, at: number, ascii: string): boolean {
  if (at + ascii.length > s.length) return false;
  for (let k = 0; k < ascii.length; k++) if (s[at + k] !== ascii.charCodeAt(k)) return false;
  return true;
}

/** The bytes from `at` to the end are the start of `ascii`. */
function isPrefix(s: Buffer, at: number, ascii: string): boolean {
  for (let k = 0; at + k < s.length && k < ascii.length; k++) if (s[at + k] !== ascii.charCodeAt(k)) return false;
  return true;
}
