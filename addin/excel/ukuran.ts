/**
 * Byte budgets for one Office.js batch. Excel on the web refuses a request or a response over
 * 5 MB (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded: Microsoft Learn,
 * "Resource limits and performance optimization for Office Add-ins" § Excel add-ins); every
 * batch here is sized to stay under 4 MB, measured as the JSON Office.js sends and receives.
 */
export const BATAS_BYTE = 4_000_000;

/** UTF-8 length of a text, without building the encoded bytes. */
export function byteUtf8(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of a value as JSON (what a load returns or a setter sends). */
export function byteJson(value: unknown): number {
  return byteUtf8(JSON.stringify(value) ?? 'null');
}

/** Items split into consecutive groups whose estimated bytes stay within `budget` (one item alone may exceed it). */
export function potongan<T>(items: readonly T[], bytes: (item: T) => number, budget = BATAS_BYTE): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let size = 0;
  for (const item of items) {
    const b = bytes(item);
    if (cur.length > 0 && size + b > budget) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(item);
    size += b;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** The Office.js error code of a failed sync ('' when it is not one). */
export function kodeGalat(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
}
