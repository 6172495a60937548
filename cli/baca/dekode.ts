/**
 * Bytes of a CSV/TSV file to text. Files come from Excel on Windows (UTF-8 with BOM, the ANSI
 * code page Windows-1252, or "Unicode Text" = UTF-16LE), from Google Sheets (UTF-8), and now
 * and then from something that is not text at all.
 */
export type Decoded = { ok: true; text: string; warning: string | null } | { ok: false; message: string };

const NOT_TEXT = 'Berkas bukan teks CSV/TSV yang sah (berisi data biner).';

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) return { ok: false, message: NOT_TEXT };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body), warning: null };
  } catch {
    return {
      ok: true,
      text: new TextDecoder('windows-1252').decode(body),
      warning: 'Berkas bukan UTF-8 yang sah; dibaca sebagai Windows-1252. Periksa huruf yang tampil aneh.',
    };
  }
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(body);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 65536))) return { ok: false, message: NOT_TEXT };
    return { ok: true, text, warning: null };
  } catch {
    return { ok: false, message: NOT_TEXT };
  }
}

/**
 * A NUL byte, or more than 1 in 100 control characters other than tab, newline, carriage
 * return and form feed, in the first 64 KiB: no spreadsheet writes that into a CSV.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control > n / 100;
}
