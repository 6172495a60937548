import { Inflate } from 'fflate';
import * as zlib from 'zlib';
import { BATAS, GalatBaca } from './batas';

/**
 * The parts of a zip package, read from its central directory (the index a zip ends with, the
 * one every spreadsheet program trusts) and inflated one at a time in chunks, so that a part's
 * text never has to sit in memory whole. Every part's CRC-32 is checked against the directory:
 * a tampered byte is an unreadable file, never a silently different number.
 */
export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const RUSAK = 'Berkas bukan .xlsx yang sah atau rusak.';

export class ZipPackage {
  readonly entries = new Map<string, ZipEntry>();
  /** The package uses zip64 records (read here; a marked copy refuses them: its writer has none). */
  zip64 = false;
  private inflated = 0;

  constructor(private readonly bytes: Uint8Array) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = findEndOfDirectory(view);
    let count = view.getUint16(eocd + 10, true);
    let dirOffset = view.getUint32(eocd + 16, true);
    // All ones say "see the zip64 end record": some writers always use zip64, whatever the size.
    if (count === 0xffff || dirOffset === 0xffffffff) {
      ({ count, dirOffset } = zip64End(view, eocd));
      this.zip64 = true;
    }
    let p = dirOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw new GalatBaca(RUSAK);
      const flags = view.getUint16(p + 8, true);
      const nameLength = view.getUint16(p + 28, true);
      const extraLength = view.getUint16(p + 30, true);
      const commentLength = view.getUint16(p + 32, true);
      const rawName = bytes.subarray(p + 46, p + 46 + nameLength);
      // Bit 11 says UTF-8; package part names are ASCII in practice, so reading them as UTF-8 is safe either way.
      const name = new TextDecoder('utf-8').decode(rawName);
      if (flags & 1) throw new GalatBaca('Berkas terlindungi kata sandi; simpan ulang di Excel sebagai .xlsx tanpa kata sandi.');
      const entry: ZipEntry = {
        name,
        method: view.getUint16(p + 10, true),
        crc: view.getUint32(p + 16, true),
        compressedSize: view.getUint32(p + 20, true),
        size: view.getUint32(p + 24, true),
        localOffset: view.getUint32(p + 42, true),
      };
      if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) {
        zip64Sizes(view, p + 46 + nameLength, extraLength, entry);
        this.zip64 = true;
      }
      this.entries.set(normalisePartName(name), entry);
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  /** The entry for a part name (`xl/workbook.xml`, with or without a leading `/`, any case). */
  entry(partName: string): ZipEntry | undefined {
    return this.entries.get(normalisePartName(partName));
  }

  /**
   * Inflate one part, handing its bytes to `onChunk` as they come. Counts every inflated byte
   * against the package's cap before passing it on, and checks the CRC at the end.
   */
  read(entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
    const { data, take, end } = this.open(entry, onChunk);
    if (entry.method === 0) {
      for (let i = 0; i < data.length; i += CHUNK) take(data.subarray(i, Math.min(i + CHUNK, data.length)));
    } else if (entry.method === 8 && entry.size <= WHOLE_MAX) {
      take(inflateWhole(data, entry.size));
    } else if (entry.method === 8) {
      const inflate = new Inflate((chunk) => take(chunk));
      try {
        for (let i = 0; i < data.length; i += CHUNK)
          inflate.push(data.subarray(i, Math.min(i + CHUNK, data.length)), i + CHUNK >= data.length);
        if (data.length === 0) inflate.push(new Uint8Array(0), true);
      } catch (e) {
        if (e instanceof GalatBaca) throw e;
        throw new GalatBaca(RUSAK);
      }
    } else {
      throw new GalatBaca(RUSAK);
    }
    end();
  }

  /**
   * `read`, with a large deflated part inflated by node:zlib on libuv's thread pool, in pieces
   * handed to `onChunk` as they come (fflate's inflater in this thread took a fifth of
   * the read of a 100,000-row sheet). Every other part is read by `read`.
   */
  async readLarge(entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): Promise<void> {
    if (entry.method !== 8 || entry.size <= WHOLE_MAX) return this.read(entry, onChunk);
    const { data, take, end } = this.open(entry, onChunk);
    await new Promise<void>((resolve, reject) => {
      const inflate = zlib.createInflateRaw({ chunkSize: STREAM_CHUNK });
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        inflate.destroy();
        reject(e instanceof GalatBaca ? e : new GalatBaca(RUSAK));
      };
      inflate.on('data', (chunk: Buffer) => {
        if (failed) return;
        try {
          take(chunk);
        } catch (e) {
          fail(e);
        }
      });
      inflate.on('error', fail);
      inflate.on('end', () => {
        if (!failed) resolve();
      });
      inflate.end(data);
    });
    end();
  }

  /** The part's deflated bytes, the counter that takes each inflated chunk, and the final check of size and CRC. */
  private open(
    entry: ZipEntry,
    onChunk: (chunk: Uint8Array) => void,
  ): { data: Uint8Array; take: (chunk: Uint8Array) => void; end: () => void } {
    if (this.inflated + entry.size > BATAS.byteXml) throw tooBig();
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const h = entry.localOffset;
    if (h + 30 > this.bytes.length || view.getUint32(h, true) !== 0x04034b50) throw new GalatBaca(RUSAK);
    const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw new GalatBaca(RUSAK);
    const data = this.bytes.subarray(start, end);
    let crc = 0;
    let size = 0;
    const take = (chunk: Uint8Array) => {
      size += chunk.length;
      this.inflated += chunk.length;
      // The directory's size may lie; the running count is what protects memory and time.
      if (this.inflated > BATAS.byteXml) throw tooBig();
      crc = zlib.crc32(chunk, crc);
      onChunk(chunk);
    };
    const check = () => {
      if (size !== entry.size || crc >>> 0 !== entry.crc >>> 0) {
        throw mismatch();
      }
    };
    return { data, take, end: check };
  }

  /** A small part whole (relationships, workbook, styles). */
  readAll(entry: ZipEntry): Uint8Array {
    const out = new Uint8Array(entry.size);
    let at = 0;
    this.read(entry, (chunk) => {
      if (at + chunk.length > out.length) throw new GalatBaca(RUSAK);
      out.set(chunk, at);
      at += chunk.length;
    });
    return out;
  }
}

const CHUNK = 64 * 1024;

/**
 * Parts up to this size are inflated in one native call: node:zlib takes a third of the time
 * fflate's streaming inflater does on a 2,000-row sheet, and a part this small costs little
 * memory whole. Larger parts (an 85 MB sheet of a 100,000-row Renja) stream in chunks.
 */
const WHOLE_MAX = 8 * 1024 * 1024;

/** The pieces a large part is inflated in: few enough that the tokenizer's work per piece is nothing. */
const STREAM_CHUNK = 1024 * 1024;

/**
 * The part inflated whole, never past the size its directory entry declares: a directory that
 * lies about a bigger part gives a part of the wrong size (the CRC sentence), not a big buffer.
 */
function inflateWhole(data: Uint8Array, declared: number): Uint8Array {
  try {
    // One output chunk as large as the part: zlib joins smaller chunks with a copy of the whole.
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, declared), chunkSize: Math.max(CHUNK, declared) });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw mismatch();
    throw new GalatBaca(RUSAK);
  }
}

function mismatch(): GalatBaca {
  return new GalatBaca(
    'Berkas .xlsx rusak: isi salah satu bagiannya tidak cocok dengan kode pemeriksanya (CRC). Minta salinan asli berkas.',
  );
}

function tooBig(): GalatBaca {
  return new GalatBaca(
    `Isi berkas melebihi batas ${BATAS.byteXml / 1024 / 1024} MB XML setelah dibuka (kemungkinan berkas rusak atau bom zip); berkas dilewati.`,
  );
}

export function normalisePartName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/** The end-of-central-directory record: the last 22 bytes, or earlier when the zip has a comment. */
/** The zip64 end record, found through its locator just before the classic end record. */
function zip64End(view: DataView, eocd: number): { count: number; dirOffset: number } {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) throw new GalatBaca(RUSAK);
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > locator || view.getUint32(record, true) !== 0x06064b50) throw new GalatBaca(RUSAK);
  const count = Number(view.getBigUint64(record + 32, true));
  const dirOffset = Number(view.getBigUint64(record + 48, true));
  if (dirOffset > record) throw new GalatBaca(RUSAK);
  return { count, dirOffset };
}

/**
 * The real sizes and offset of an entry whose directory fields are all ones: the zip64 extra
 * field (id 1) holds, in this order, only the values that did not fit.
 */
function zip64Sizes(view: DataView, extra: number, length: number, entry: ZipEntry): void {
  for (let q = extra; q + 4 <= extra + length;) {
    const id = view.getUint16(q, true);
    const size = view.getUint16(q + 2, true);
    if (id === 1) {
      let at = q + 4;
      const next = (): number => {
        if (at + 8 > q + 4 + size) throw new GalatBaca(RUSAK);
        const value = Number(view.getBigUint64(at, true));
        at += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    q += 4 + size;
  }
  throw new GalatBaca(RUSAK);
}

function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let p = last; p >= first; p--) {
    if (view.getUint32(p, true) === 0x06054b50) return p;
  }
  throw new GalatBaca(RUSAK);
}
