import { GalatBaca } from './batas';

/**
 * A small XML tokenizer for the one part that is big: the worksheet. It finds tags with
 * indexOf, reads attributes in a loop and decodes only the five XML entities and character
 * references, three to four times faster than a general parser on a 100,000-row sheet. It does
 * not validate: the part has passed its CRC, and anything it cannot make sense of (an unknown
 * entity, a tag that never closes) makes the file unreadable, never a guess. Comments,
 * processing instructions and a DOCTYPE are skipped; nothing is ever expanded or fetched.
 * Names arrive without their namespace prefix, as in `xml.ts`.
 */
export interface FastHandler {
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  text?(text: string): void;
  close?(name: string): void;
}

const RUSAK = 'Berkas bukan .xlsx yang sah atau rusak.';
const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQ = 61;
const DQ = 34;
const SQ = 39;

const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);|&/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (whole, body: string | undefined) => {
    if (body === undefined) throw new GalatBaca(RUSAK);
    const named = NAMED[body];
    if (named !== undefined) return named;
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) throw new GalatBaca(RUSAK);
    return String.fromCodePoint(code);
  });
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

export class FastXml {
  private carry = '';
  private done = false;

  constructor(private readonly h: FastHandler) {}

  write(chunk: string): void {
    const s = this.carry === '' ? chunk : this.carry + chunk;
    const n = s.length;
    let i = 0;
    const h = this.h;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) break;
      if (lt > i && h.text) h.text(decodeEntities(s.slice(i, lt)));
      const c1 = s.charCodeAt(lt + 1);
      if (Number.isNaN(c1)) {
        i = lt;
        break;
      }
      if (c1 === BANG || c1 === QUESTION) {
        const end = this.skipSpecial(s, lt);
        if (end < 0) {
          i = lt;
          this.carry = s.slice(i);
          return;
        }
        i = end;
        continue;
      }
      const gt = tagEnd(s, lt + 1);
      if (gt < 0) {
        i = lt;
        this.carry = s.slice(i);
        return;
      }
      if (c1 === SLASH) {
        h.close?.(localName(s.slice(lt + 2, gt).trim()));
      } else {
        const selfClosing = s.charCodeAt(gt - 1) === SLASH;
        this.openTag(s, lt + 1, selfClosing ? gt - 1 : gt, selfClosing);
      }
      i = gt + 1;
    }
    // What is left is text still being written, or the start of a tag.
    this.carry = i < n ? s.slice(i) : '';
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    if (this.carry.trim() !== '') {
      if (this.carry.indexOf('<') >= 0) throw new GalatBaca(RUSAK);
      this.h.text?.(decodeEntities(this.carry));
    }
    this.carry = '';
  }

  /** `<!-- -->`, `<![CDATA[ ]]>` (its text passed on), `<!DOCTYPE …>`, `<? ?>`: the index after it, or -1 when not all here yet. */
  private skipSpecial(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const e = s.indexOf('-->', lt + 4);
      return e < 0 ? -1 : e + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const e = s.indexOf(']]>', lt + 9);
      if (e < 0) return -1;
      this.h.text?.(s.slice(lt + 9, e));
      return e + 3;
    }
    if (s.charCodeAt(lt + 1) === QUESTION) {
      const e = s.indexOf('?>', lt + 2);
      return e < 0 ? -1 : e + 2;
    }
    // A DOCTYPE, with or without an internal subset: skipped, its entities never used.
    const bracket = s.indexOf('[', lt);
    const gt = s.indexOf('>', lt);
    if (gt < 0) return -1;
    if (bracket >= 0 && bracket < gt) {
      const e = s.indexOf(']>', bracket);
      return e < 0 ? -1 : e + 2;
    }
    return gt + 1;
  }

  private openTag(s: string, start: number, end: number, selfClosing: boolean): void {
    let i = start;
    while (i < end && !isSpace(s.charCodeAt(i))) i++;
    const name = localName(s.slice(start, i));
    if (name === '') throw new GalatBaca(RUSAK);
    const attributes: Record<string, string> = {};
    while (i < end) {
      while (i < end && isSpace(s.charCodeAt(i))) i++;
      if (i >= end) break;
      const nameStart = i;
      while (i < end && s.charCodeAt(i) !== EQ && !isSpace(s.charCodeAt(i))) i++;
      const key = s.slice(nameStart, i);
      while (i < end && isSpace(s.charCodeAt(i))) i++;
      if (s.charCodeAt(i) !== EQ) throw new GalatBaca(RUSAK);
      i++;
      while (i < end && isSpace(s.charCodeAt(i))) i++;
      const q = s.charCodeAt(i);
      if (q !== DQ && q !== SQ) throw new GalatBaca(RUSAK);
      const close = s.indexOf(q === DQ ? '"' : "'", i + 1);
      if (close < 0 || close > end) throw new GalatBaca(RUSAK);
      attributes[localName(key)] = decodeEntities(s.slice(i + 1, close));
      i = close + 1;
    }
    this.h.open(name, attributes, selfClosing);
    if (selfClosing) this.h.close?.(name);
  }
}

/** The `>` that ends the tag starting at `from`, skipping any inside quoted attribute values; -1 when not all here yet. */
function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let i = from, n = s.length; i < n; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === DQ || c === SQ) quote = c;
    else if (c === GT) return i;
    else if (c === LT) throw new GalatBaca(RUSAK);
  }
  return -1;
}
