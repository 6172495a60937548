/**
 * Repeated cell texts kept once. A Renja repeats the same short texts on every row (lokasi,
 * sumber dana, satuan, penanggung jawab); each read from the XML is a new string, and a model
 * holding 100,000 copies of "Kab. Contoh" costs memory and, above all, garbage-collector time
 * (every string that survives is copied twice by V8's young generation). Only short texts are
 * looked up, and the table is emptied when full, so that a sheet of unique texts costs little.
 */
export class TeksSekali {
  private readonly seen = new Map<string, string>();
  /** Short texts by a hash of their UTF-8 bytes: a repeated text is found without decoding it. */
  private readonly byBytes = new Map<number, KnownText>();

  /** `toCell`: what a cell shows of a text that is all of its content (the reader's `_xHHHH_` escapes decoded). */
  constructor(
    private readonly toCell: (text: string) => string = (text) => text,
    private readonly maxLength = 32,
    private readonly maxEntries = 50_000,
  ) {}

  get(text: string): string {
    if (text.length > this.maxLength) return text;
    const kept = this.seen.get(text);
    if (kept !== undefined) return kept;
    if (this.seen.size >= this.maxEntries) this.seen.clear();
    this.seen.set(text, text);
    return text;
  }

  /**
   * The short UTF-8 text in `s[a…b)`, which must need no other decoding (no entities), as `get`
   * would keep it, and its cell value; null when it is longer than the texts kept. Two texts with
   * the same hash take turns in the table: the bytes are always compared.
   */
  fromBytes(s: Buffer, a: number, b: number): KnownText | null {
    const n = b - a;
    if (n > this.maxLength) return null;
    let hash = n;
    for (let k = a; k < b; k++) hash = Math.imul(hash ^ s[k], 16_777_619);
    const kept = this.byBytes.get(hash);
    if (kept !== undefined && sameBytes(kept.bytes, s, a, b)) return kept;
    const text = this.get(s.toString('utf8', a, b));
    const known = { bytes: Buffer.from(s.subarray(a, b)), text, cell: this.get(this.toCell(text)) };
    if (this.byBytes.size >= this.maxEntries) this.byBytes.clear();
    this.byBytes.set(hash, known);
    return known;
  }
}

export interface KnownText {
  bytes: Buffer;
  text: string;
  cell: string;
}

function sameBytes(kept: Buffer, s: Buffer, a: number, b: number): boolean {
  if (kept.length !== b - a) return false;
  for (let k = 0; k < kept.length; k++) if (kept[k] !== s[a + k]) return false;
  return true;
}
