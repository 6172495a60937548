/** Zip64 forms of a classic .xlsx package, as writers that always use zip64 write them. */

/**
 * The same package with a zip64 end record in front of the classic one, whose counts and
 * offset then say "see zip64" (0xFFFF, 0xFFFFFFFF), as writers that always use zip64 write it.
 */
export function asZip64(zip: Uint8Array): Uint8Array {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (v.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = v.getUint16(eocd + 10, true);
  const dirSize = v.getUint32(eocd + 12, true);
  const dirOffset = v.getUint32(eocd + 16, true);
  const z64 = new Uint8Array(56 + 20);
  const w = new DataView(z64.buffer);
  w.setUint32(0, 0x06064b50, true);
  w.setBigUint64(4, 44n, true);
  w.setUint16(12, 45, true);
  w.setUint16(14, 45, true);
  w.setBigUint64(24, BigInt(count), true);
  w.setBigUint64(32, BigInt(count), true);
  w.setBigUint64(40, BigInt(dirSize), true);
  w.setBigUint64(48, BigInt(dirOffset), true);
  w.setUint32(56, 0x07064b50, true);
  w.setBigUint64(64, BigInt(eocd), true);
  w.setUint32(72, 1, true);
  const end = new Uint8Array(zip.subarray(eocd, eocd + 22));
  const e = new DataView(end.buffer);
  e.setUint16(8, 0xffff, true);
  e.setUint16(10, 0xffff, true);
  e.setUint32(16, 0xffffffff, true);
  return Buffer.concat([zip.subarray(0, eocd), z64, end]);
}

/**
 * The same package with the first directory entry's sizes all ones and the real sizes in a
 * zip64 extra field (id 1), as a streaming writer leaves them.
 */
export function withZip64Entry(zip: Uint8Array): Uint8Array {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (v.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const dirSize = v.getUint32(eocd + 12, true);
  const dirOffset = v.getUint32(eocd + 16, true);
  const nameLength = v.getUint16(dirOffset + 28, true);
  const extraLength = v.getUint16(dirOffset + 30, true);
  const head = new Uint8Array(zip.subarray(dirOffset, dirOffset + 46 + nameLength + extraLength));
  const h = new DataView(head.buffer);
  const compressed = h.getUint32(20, true);
  const size = h.getUint32(24, true);
  h.setUint32(20, 0xffffffff, true);
  h.setUint32(24, 0xffffffff, true);
  h.setUint16(30, extraLength + 20, true);
  const extra = new Uint8Array(20);
  const x = new DataView(extra.buffer);
  x.setUint16(0, 1, true);
  x.setUint16(2, 16, true);
  x.setBigUint64(4, BigInt(size), true);
  x.setBigUint64(12, BigInt(compressed), true);
  const end = new Uint8Array(zip.subarray(eocd, eocd + 22));
  new DataView(end.buffer).setUint32(12, dirSize + 20, true);
  const rest = zip.subarray(dirOffset + head.length, eocd);
  return Buffer.concat([zip.subarray(0, dirOffset), head, extra, rest, end]);
}
