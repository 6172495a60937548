import { GalatBaca } from './batas';
import { decodeEntities, FastHandler } from './xml-cepat';

/**
 * The worksheet tokenizer of `xml-cepat.ts` working on the inflated UTF-8 bytes themselves, the
 * same events and the same refusals. The part is never decoded whole: only tag names, attribute
 * values and cell text become strings, each a fresh copy of its own bytes. A string cut out of
 * a decoded chunk would keep the whole chunk alive for as long as the cell lives (V8 slices
 * share their parent), so the model of a 100,000-row sheet used to hold the sheet's XML text;
 * the decoding of every chunk and the garbage it made were a third of the read.
 *
 * A part in UTF-16 goes through `FastXml` instead (`xml.ts` picks by the first bytes).
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

/** What a tag without attributes gets (most of a sheet's tags: `<v>`, `<is>`, `<t>`): one frozen object, not one each. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({});

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

export class FastXmlBytes {
  /** Bytes of a tag or text not complete at the end of the last chunk (always a copy). */
  private carry: Buffer | null = null;
  /** In `carry`, the bytes before this index hold no `<`: a long text is not searched again per chunk. */
  private noTagBefore = 0;
  private done = false;
  /** Names of tags and attributes are few: each is decoded once, looked up by its bytes after. */
  private readonly names = new Map<number, string>();

  constructor(private readonly h: FastHandler) {}

  write(chunk: Uint8Array): void {
    const fresh = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const s = this.carry === null ? fresh : Buffer.concat([this.carry, fresh]);
    const n = s.length;
    let i = 0;
    let searchFrom = this.noTagBefore;
    this.carry = null;
    this.noTagBefore = 0;
    const h = this.h;
    while (i < n) {
      const lt = indexOfByte(s, LT, Math.max(i, searchFrom));
      searchFrom = 0;
      if (lt < 0) {
        this.keep(s, i, n - i);
        return;
      }
      if (lt > i && h.text) h.text(this.text(s, i, lt));
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
      const gt = tagEnd(s, lt + 1);
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
    this.h.text?.(this.text(rest, 0, rest.length));
  }

  /** Keeps `s[from…]` for the next chunk, as a copy: the chunk's memory is the inflater's. */
  private keep(s: Buffer, from: number, noTagFor: number): void {
    this.carry = from < s.length ? Buffer.from(s.subarray(from)) : null;
    this.noTagBefore = noTagFor;
  }

  private text(s: Buffer, a: number, b: number): string {
    const t = s.toString('utf8', a, b);
    return hasByte(s, AMP, a, b) ? decodeEntities(t) : t;
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
    if (length === 0 || length > 6) return s.toString('utf8', a, b);
    // Up to six bytes and the length fit exactly in a double.
    let key = 0;
    for (let k = a; k < b; k++) key = key * 256 + s[k];
    key = key * 8 + length;
    let name = this.names.get(key);
    if (name === undefined) {
      name = s.toString('utf8', a, b);
      this.names.set(key, name);
    }
    return name;
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
      this.h.text?.(s.toString('utf8', lt + 9, e));
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

  private openTag(s: Buffer, start: number, end: number, selfClosing: boolean): void {
    let i = start;
    while (i < end && !isSpace(s[i])) i++;
    const name = this.name(s, start, i);
    if (name === '') throw new GalatBaca(RUSAK);
    let attributes: Record<string, string> = NO_ATTRIBUTES;
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
      if (attributes === NO_ATTRIBUTES) attributes = {};
      attributes[key] = this.text(s, i + 1, close);
      i = close + 1;
    }
    this.h.open(name, attributes, selfClosing);
    if (selfClosing) this.h.close?.(name);
  }
}

/** The `>` that ends the tag starting at `from`, skipping any inside quoted attribute values; -1 when not all here yet. */
function tagEnd(s: Buffer, from: number): number {
  let quote = 0;
  for (let i = from, n = s.length; i < n; i++) {
    const c = s[i];
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === DQ || c === SQ) quote = c;
    else if (c === GT) return i;
    else if (c === LT) throw new GalatBaca(RUSAK);
  }
  return -1;
}

/**
 * `s.indexOf(byte, from)` as a loop: the next `<` or quote is usually a few bytes away, where
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
