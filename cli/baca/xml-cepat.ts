import { GalatBaca } from './batas';

/**
 * The five XML entities and character references, as the byte tokenizer (`xml-bita.ts`)
 * decodes them: anything else after an `&` makes the part unreadable, never a guess, and
 * nothing is ever expanded from a DOCTYPE or fetched.
 */
const RUSAK = 'Berkas bukan .xlsx yang sah atau rusak.';

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
