/**
 * Row numbering as printed: `I.`, `II`, `v` (roman), `1.`, `13`, `1.1`, `2.3.`, `11.10`
 * (arabic, dotted), `a.`, `b)` (letters).
 */

export type NomorShape = 'roman' | 'arabic' | 'alpha';

export interface ParsedNomor {
  text: string;
  shape: NomorShape;
  /** Numeric parts: [2] for `II`, [11, 10] for `11.10`, [1] for `a`. */
  parts: number[];
  /**
   * Which numbering level the shape stands for, ordered the way tables nest them: roman,
   * then arabic by depth, then letters.
   */
  rank: number;
}

const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
const ARABIC = /^\d{1,4}(?:\.\d{1,4})*$/;

export function parseNomor(value: unknown): ParsedNomor | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return null;
    text = String(value);
  } else if (typeof value === 'string') text = value.trim();
  else return null;
  if (text === '' || text.length > 16) return null;
  const bare = text
    .replace(/^\(/, '')
    .replace(/[.)]+$/, '')
    .trim();
  if (bare === '') return null;
  if (ARABIC.test(bare)) {
    const parts = bare.split('.').map(Number);
    return { text, shape: 'arabic', parts, rank: Math.min(parts.length, 4) };
  }
  const lower = bare.toLowerCase();
  const roman = romanValue(lower);
  if (roman !== null && (lower.length > 1 || lower === 'i' || lower === 'v' || lower === 'x')) {
    return { text, shape: 'roman', parts: [roman], rank: 0 };
  }
  if (/^[a-z]$/.test(lower)) return { text, shape: 'alpha', parts: [lower.charCodeAt(0) - 96], rank: 5 };
  return null;
}

/** Numbering written at the start of a name: "1.1 Perencanaan …", "II. PROGRAM …". */
export function leadingNomor(text: string): { nomor: ParsedNomor; rest: string } | null {
  const m = /^\s*((?:\d{1,3}(?:\.\d{1,3})*\.?)|(?:[IVXivx]{1,6}\.)|(?:[a-z][.)]))\s+(\S.*)$/s.exec(text);
  if (!m) return null;
  const nomor = parseNomor(m[1]);
  return nomor === null ? null : { nomor, rest: m[2] };
}

function romanValue(s: string): number | null {
  if (!/^[ivxlc]+$/.test(s) || s.length > 8) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]];
    const next = i + 1 < s.length ? ROMAN_VALUES[s[i + 1]] : 0;
    total += v < next ? -v : v;
  }
  return toRoman(total) === s ? total : null;
}

/** Lower-case roman numeral (`iv`), as the parser compares it. */
export function toRoman(n: number): string {
  const table: [number, string][] = [
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let s = '';
  for (const [v, r] of table) {
    while (n >= v) {
      s += r;
      n -= v;
    }
  }
  return s;
}
