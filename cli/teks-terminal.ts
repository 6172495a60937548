import { formatNumber } from '../core/angka';
import { CliIO } from './io';

/**
 * Workbook text made inert for a terminal. A cell, a sheet name or a file name can hold ESC
 * sequences (CSI clears the screen or moves the cursor, OSC 52 writes the clipboard, OSC 8 adds
 * links), C1 controls (U+009B is a one-byte CSI on some terminals), line breaks that start a
 * fake line ("0 galat"), and bidi overrides that reverse what follows (U+202E). Each is shown
 * as a visible escape (`\u001B`, `\u202E`) so the planner sees that it is there and the terminal
 * does nothing with it. Long texts are shortened: a 10 MB cell is not echoed whole (the JSON,
 * the `--laporan` table and the Temuan sheet keep the full text).
 */

/**
 * C0 controls, DEL, C1 controls, the bidi embeddings, overrides and isolates, the implicit
 * direction marks, and the line and paragraph separators.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they must never reach a terminal
const TIDAK_AMAN = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** A name (sheet, file, cell text) longer than this is cut in the terminal. */
export const PANJANG_TERMINAL = 300;
/** A finding's sentence quotes cell text; longer than this it is cut in the terminal. */
export const PANJANG_PESAN = 1000;

/**
 * One form for every character, `\u001B`: recognisable, and inside a JSON string it is the
 * standard escape of the same character, so `--json` stays valid and keeps the exact text.
 */
function lolos(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Characters as the planner counts them: a surrogate pair (an emoji, a rare CJK name) is one. */
function codePoints(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return text.length - pairs;
}

/** `text` safe to print: controls shown escaped, and cut after `max` characters (code points). */
export function teksTerminal(text: string, max: number = PANJANG_TERMINAL): string {
  // Cut before escaping (an escape is several characters) and by code point, never inside a pair.
  let shown = text;
  let cut = 0;
  if (text.length > max) {
    const points = Array.from(text.length > max * 4 ? text.slice(0, max * 4) : text);
    if (points.length > max) {
      shown = points.slice(0, max).join('');
      cut = codePoints(text) - max;
    }
  }
  const safe = shown.replace(TIDAK_AMAN, lolos);
  return cut > 0 ? `${safe}… (${formatNumber(cut)} karakter lagi tidak ditampilkan)` : safe;
}

/** Every control but the line feed escaped: the last guard on whatever the CLI prints. */
export function terminalAman(text: string): string {
  return text.replace(TIDAK_AMAN, (ch) => (ch === '\n' ? ch : lolos(ch)));
}

/**
 * The CLI's output with `terminalAman` on every write, so no verb can send an escape sequence
 * from a workbook to the terminal even where a text was not passed through `teksTerminal`
 * (which also escapes line breaks and shortens, and is used where workbook text is printed).
 */
export function keluaranAman(io: CliIO): CliIO {
  return { out: (t) => io.out(terminalAman(t)), err: (t) => io.err(terminalAman(t)) };
}
