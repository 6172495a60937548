import { SaxesParser } from 'saxes';
import { GalatBaca } from './batas';
import { ByteHandler, FastXmlBytes } from './xml-bita';
import { ZipEntry, ZipPackage } from './zip';

/**
 * One streaming pass over a package part's XML. Names arrive without their namespace prefix
 * (`x:c` and `c` are the same element: the .NET Open XML SDK writes the first, Excel the
 * second), attributes too (`r:id` is `id`). Nothing is ever fetched or expanded beyond the five
 * XML entities: saxes reads a DOCTYPE without acting on it.
 */
export interface XmlHandler {
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  text?(text: string): void;
  close?(name: string): void;
}

const RUSAK = 'Berkas bukan .xlsx yang sah atau rusak.';

export function parsePart(pkg: ZipPackage, entry: ZipEntry, handler: XmlHandler): void {
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    const raw = tag.attributes as Record<string, string>;
    for (const key in raw) attributes[localName(key)] = raw[key];
    handler.open(localName(tag.name), attributes, tag.isSelfClosing);
    if (tag.isSelfClosing) handler.close?.(localName(tag.name));
  });
  if (handler.text) {
    const onText = handler.text.bind(handler);
    parser.on('text', onText);
    parser.on('cdata', onText);
  }
  if (handler.close) {
    const onClose = handler.close.bind(handler);
    parser.on('closetag', (tag) => {
      if (!tag.isSelfClosing) onClose(localName(tag.name));
    });
  }
  feed(pkg, entry, parser);
}

/**
 * The worksheet through the byte tokenizer (`xml-bita.ts`), its events as byte ranges. A part in
 * UTF-16 (some tools write it) is transcoded to UTF-8 on the way, so that one tokenizer and one
 * handler serve both.
 */
export async function parsePartBytes(
  pkg: ZipPackage,
  entry: ZipEntry,
  handler: ByteHandler,
  known: readonly string[] = [],
): Promise<void> {
  let sink: { write(chunk: Uint8Array): void; close(): void } | null = null;
  try {
    await pkg.readLarge(entry, (chunk) => {
      sink ??= byteSink(chunk, new FastXmlBytes(handler, known));
      sink.write(chunk);
    });
    (sink as { close(): void } | null)?.close();
  } catch (e) {
    if (e instanceof GalatBaca) throw e;
    throw new GalatBaca(RUSAK);
  }
}

/** The tokenizer for a part whose first bytes are `first`. */
function byteSink(first: Uint8Array, bytes: FastXmlBytes): { write(chunk: Uint8Array): void; close(): void } {
  const encoding = encodingOf(first);
  if (encoding === 'utf-8') {
    let start = true;
    return {
      write(chunk) {
        // The byte order mark TextDecoder would drop.
        if (start && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
        start = false;
        bytes.write(chunk);
      },
      close: () => bytes.close(),
    };
  }
  const decoder = new TextDecoder(encoding);
  return {
    write: (chunk) => bytes.write(Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8')),
    close() {
      bytes.write(Buffer.from(decoder.decode(), 'utf8'));
      bytes.close();
    },
  };
}

/** Streams a part's bytes into a parser, decoded as its first bytes say; any failure is "rusak". */
function feed(pkg: ZipPackage, entry: ZipEntry, parser: { write(text: string): unknown; close(): unknown }): void {
  let decoder: InstanceType<typeof TextDecoder> | null = null;
  try {
    pkg.read(entry, (chunk) => {
      // The first bytes say the encoding: Excel writes UTF-8; some tools write UTF-16 with a BOM.
      decoder ??= new TextDecoder(encodingOf(chunk));
      parser.write(decoder.decode(chunk, { stream: true }));
    });
    if (decoder !== null) parser.write((decoder as InstanceType<typeof TextDecoder>).decode());
    parser.close();
  } catch (e) {
    if (e instanceof GalatBaca) throw e;
    throw new GalatBaca(RUSAK);
  }
}

function encodingOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // UTF-16 without a BOM still starts with `<` and a zero byte.
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return 'utf-16be';
  return 'utf-8';
}

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Excel's escape for characters XML cannot carry: `_x000D_` is a carriage return. */
export function decodeExcelEscapes(text: string): string {
  return text.indexOf('_x') < 0
    ? text
    : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
