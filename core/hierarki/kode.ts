import { LevelName } from '../tabel/model';

/**
 * Government kode (Kepmendagri 050): urusan `1`, bidang `1.06`, program `1.06.04`, kegiatan
 * `1.06.04.2.01`, sub kegiatan `1.06.04.2.01.0001`; in one cell, or in five cells (`1 | 06 |
 * 04 | 2.01 | 0001`). Codes arrive mangled (`06` as `6`, `2.10` as `2.1`, shifted one cell),
 * so they are kept as text and only their depth is trusted.
 */

export type KodeProblemCode =
  | 'hole' // a kode cell left empty between filled ones, or the code shifted right
  | 'padding' // `6` for `06`, `1` for `01`/`0001`
  | 'kegiatan-form' // kegiatan part not X.XX (`2`, `2.1`)
  | 'depth'; // more or fewer parts than a level has

export interface KodeProblem {
  code: KodeProblemCode;
  /** Which kode cell (index among the kode columns; 0 for a one-cell kode). */
  part: number;
}

export interface ParsedKode {
  /** As text: the cell, or the five cells' filled parts joined with ".". */
  text: string;
  levelName: LevelName;
  /** Numeric parts without leading zeros, for comparing a code with its parent's. */
  key: string[];
}

const ONE_CELL = /^[0-9xX]{1,4}(?:\s*\.\s*[0-9xX]{1,4})*/;
const KEGIATAN_PART = /^\d\.\d{2}$/;

/** `1.06.04.2.01.0001` → sub-kegiatan; null when the cell holds no code. */
export function parseKodeCell(text: string): ParsedKode | null {
  const m = ONE_CELL.exec(text.trim());
  if (!m) return null;
  const code = m[0].replace(/\s+/g, '');
  const parts = code.split('.');
  return { text: code, levelName: oneCellLevel(parts), key: parts.map(stripZeros) };
}

function oneCellLevel(parts: string[]): LevelName {
  switch (parts.length) {
    case 1:
      return 'urusan';
    case 2:
      return 'bidang';
    case 3:
      return 'program';
    case 4:
      return 'kegiatan';
    case 5:
      return parts[3].length === 1 ? 'kegiatan' : 'sub-kegiatan';
    default:
      return 'sub-kegiatan';
  }
}

/** What is wrong with the way a one-cell kode is written. */
export function kodeCellProblems(text: string): KodeProblem[] {
  const m = ONE_CELL.exec(text.trim());
  if (!m) return [];
  const parts = m[0].replace(/\s+/g, '').split('.');
  const n = parts.length;
  const problems: KodeProblem[] = [];
  if (n === 4 || n > 6) problems.push({ code: 'depth', part: 0 });
  const has = (i: number, lengths: number[]) => i >= n || lengths.includes(parts[i].length);
  const kegiatanStyle = n >= 5 && parts[3].length === 1;
  if (!has(1, [2]) || !has(2, [2]) || (kegiatanStyle && !has(4, [2])) || (n === 6 && !has(5, [2, 4]))) {
    problems.push({ code: 'padding', part: 0 });
  }
  return problems;
}

/**
 * Five (or fewer) kode cells, one per level. The level is the number of filled cells, not
 * the deepest filled column: a code shifted one cell right, or with a hole, still has the
 * depth its parts give.
 */
export function parseKodeCells(cells: readonly string[], levels: readonly LevelName[]): ParsedKode | null {
  let count = 0;
  let text = '';
  const key: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === '') continue;
    count++;
    text = text === '' ? v : text + '.' + v;
    let start = 0;
    for (let j = 0; j <= v.length; j++) {
      if (j === v.length || v.charCodeAt(j) === 46) {
        key.push(stripZeros(v.slice(start, j)));
        start = j + 1;
      }
    }
  }
  if (count === 0) return null;
  return { text, levelName: levels[Math.min(count, levels.length) - 1], key };
}

/** What is wrong with the way five-cell kode is written: holes, shifts, missing zero padding. */
export function kodeCellsProblems(cells: readonly string[], levels: readonly LevelName[]): KodeProblem[] {
  const problems: KodeProblem[] = [];
  let count = 0;
  let firstFilled = -1;
  let lastFilled = -1;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i] === '') continue;
    count++;
    if (firstFilled < 0) firstFilled = i;
    lastFilled = i;
  }
  if (count === 0) return problems;
  if (lastFilled !== count - 1) problems.push({ code: 'hole', part: firstFilled });
  for (let i = firstFilled; i <= lastFilled; i++) {
    const v = cells[i];
    if (v === '') continue;
    const level = levels[i];
    if ((level === 'bidang' || level === 'program') && !isDigits(v, 2, 2)) problems.push({ code: 'padding', part: i });
    else if (level === 'kegiatan' && !KEGIATAN_PART.test(v)) problems.push({ code: 'kegiatan-form', part: i });
    else if (level === 'sub-kegiatan' && !(isDigits(v, 2, 2) || isDigits(v, 4, 4))) problems.push({ code: 'padding', part: i });
  }
  return problems;
}

function isDigits(s: string, min: number, max: number): boolean {
  if (s.length < min || s.length > max) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function stripZeros(p: string): string {
  let i = 0;
  while (i < p.length - 1 && p.charCodeAt(i) === 48) i++;
  return i === 0 ? p : p.slice(i);
}

/** Whether `child` continues `parent` (its key starts with the parent's). */
export function kodeUnder(child: readonly string[], parent: readonly string[]): boolean {
  if (child.length <= parent.length) return false;
  for (let i = 0; i < parent.length; i++) if (child[i] !== parent[i]) return false;
  return true;
}

/**
 * Whether a one-cell kode column holds government codes rather than plain numbering written
 * in a "Kode" column (`1`, `1.1`, `1.1.1`): zero-padded parts or four and more parts.
 */
export function looksLikeGovernmentKode(texts: readonly string[]): boolean {
  let padded = 0;
  let deep = 0;
  for (const t of texts) {
    if (/(^|\.)0\d/.test(t)) padded++;
    if (t.split('.').length >= 4) deep++;
  }
  return texts.length > 0 && (padded >= texts.length * 0.3 || deep > 0);
}
