/**
 * Repeated cell texts kept once. A Renja repeats the same short texts on every row (lokasi,
 * sumber dana, satuan, penanggung jawab); each read from the XML is a new string, and a model
 * holding 100,000 copies of "Kab. Contoh" costs memory and, above all, garbage-collector time
 * (every string that survives is copied twice by V8's young generation). Only short texts are
 * looked up, and the table is emptied when full, so that a sheet of unique texts costs little.
 */
export class TeksSekali {
  private readonly seen = new Map<string, string>();

  constructor(
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
}
