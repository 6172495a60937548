// The add-in's icons, drawn here as PNG so that no binary file is kept in the repository:
// a rounded square in the Excel green with a white glyph (a tick for Periksa Tabel and the
// add-in, a small tree for Pohon Kinerja, a cross for Hapus Tanda). Used by addin/webpack.part.js.
'use strict';
const zlib = require('zlib');

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** RGBA pixels (size × size × 4) to a PNG file. */
function png(size, rgba) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distance from p to the segment a–b (unit square coordinates). */
function segDist(px, py, [ax, ay, bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const GLYPHS = {
  periksa: [
    [0.27, 0.52, 0.44, 0.69],
    [0.44, 0.69, 0.75, 0.33],
  ],
  pohon: [
    [0.5, 0.25, 0.5, 0.5],
    [0.3, 0.5, 0.7, 0.5],
    [0.3, 0.5, 0.3, 0.72],
    [0.7, 0.5, 0.7, 0.72],
    [0.5, 0.5, 0.5, 0.72],
  ],
  hapus: [
    [0.3, 0.3, 0.7, 0.7],
    [0.7, 0.3, 0.3, 0.7],
  ],
};
const GREEN = [0x10, 0x7c, 0x41];

/** One icon: anti-aliased by 4×4 supersampling. */
function ikon(kind, size) {
  const segs = GLYPHS[kind];
  const rgba = Buffer.alloc(size * size * 4);
  const radius = 0.18;
  const stroke = size <= 16 ? 0.09 : 0.07;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const px = (x + (sx + 0.5) / 4) / size;
          const py = (y + (sy + 0.5) / 4) / size;
          const qx = Math.max(Math.abs(px - 0.5) - (0.5 - radius), 0);
          const qy = Math.max(Math.abs(py - 0.5) - (0.5 - radius), 0);
          if (Math.hypot(qx, qy) > radius) continue;
          bg++;
          if (segs.some((s) => segDist(px, py, s) <= stroke)) fg++;
        }
      }
      const i = (y * size + x) * 4;
      const a = bg / 16;
      const w = bg === 0 ? 0 : fg / bg;
      rgba[i] = Math.round(GREEN[0] + (255 - GREEN[0]) * w);
      rgba[i + 1] = Math.round(GREEN[1] + (255 - GREEN[1]) * w);
      rgba[i + 2] = Math.round(GREEN[2] + (255 - GREEN[2]) * w);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return png(size, rgba);
}

/** Every icon the manifest names: assets/<kind>-<size>.png → PNG bytes. */
let cache = null;
function semuaIkon() {
  if (cache) return cache;
  cache = {};
  for (const kind of Object.keys(GLYPHS)) for (const size of [16, 32, 64, 80]) cache[`assets/${kind}-${size}.png`] = ikon(kind, size);
  return cache;
}

module.exports = { semuaIkon, ikon, png };
