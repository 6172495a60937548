import JSZip from 'jszip';
import type { Parts } from '../../cli/tandai/paket';

/**
 * The marked copy's former package code, kept as a test-only oracle: jszip loads the whole
 * package and `generateAsync` deflates every part again. `cli/tandai/beda-jszip.test.ts`
 * holds the new zip writer to the same cells, notes and fills.
 */
const BOM = '\uFEFF';

export class JsZipParts implements Parts {
  private readonly names = new Map<string, string>();
  private readonly boms = new Set<string>();
  readonly changed = new Set<string>();

  private constructor(private readonly zip: JSZip) {
    for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) this.names.set(name.toLowerCase(), name);
  }

  static async load(data: Uint8Array): Promise<JsZipParts> {
    return new JsZipParts(await JSZip.loadAsync(data));
  }

  entry(part: string): string | null {
    return this.names.get(part.replace(/^\//, '').toLowerCase()) ?? null;
  }

  has(part: string): boolean {
    return this.entry(part) !== null;
  }

  partNames(): string[] {
    return [...this.names.values()];
  }

  async read(part: string): Promise<string | null> {
    const name = this.entry(part);
    if (name === null) return null;
    let text = Buffer.from(await this.zip.file(name)!.async('uint8array')).toString('utf8');
    if (text.startsWith(BOM)) {
      this.boms.add(name);
      text = text.slice(1);
    }
    return text;
  }

  /** The former path read every part as UTF-8 text. */
  readBytewise(part: string): Promise<string | null> {
    return this.read(part);
  }

  write(part: string, text: string): void {
    const name = this.entry(part) ?? part.replace(/^\//, '');
    this.names.set(name.toLowerCase(), name);
    this.zip.file(name, (this.boms.has(name) ? BOM : '') + text);
    this.changed.add(name);
  }

  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) if (!this.has(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
  }

  generate(): Promise<Buffer> {
    return this.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}
