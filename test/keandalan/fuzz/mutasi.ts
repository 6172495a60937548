import fc from 'fast-check';
import { CellValue, Sheet, sheetWidth } from '../../../core/lembar/model';
import { formatNumber, parseCell } from '../../../core/angka';
import { rng } from '../../bench/ukur';
import { ERROR_VALUES, rumusTeks, selAcak } from './bentuk';

/*
 * The mess real tables go through between the document and our add-in: rows cropped, shuffled,
 * deleted and duplicated, numbers retyped as text (id-ID and en-US) or text turned into numbers,
 * error values, merges valid and invalid, formula/format/bold arrays of the wrong shape, a used
 * range that does not start at A1, hidden rows, ragged and very wide rows. Each mutation is a
 * plain record (positions as naturals taken modulo the sheet's size), so fast-check can shrink a
 * failing case to the few mutations that matter.
 */

/** Excel's grid: a host never hands over a cell beyond it. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export type Mutasi =
  | { k: 'potong'; from: number; len: number; keepHead: number }
  | { k: 'acak-baris'; from: number; len: number; seed: number }
  | { k: 'acak-sel'; row: number; seed: number }
  | { k: 'tukar-sel'; r1: number; c1: number; r2: number; c2: number }
  | { k: 'hapus-baris'; row: number; n: number }
  | { k: 'hapus-kolom'; col: number }
  | { k: 'hapus-sel'; row: number; col: number; n: number }
  | { k: 'ganda-baris'; row: number; n: number }
  | { k: 'ganda-sel'; r1: number; c1: number; r2: number; c2: number }
  | { k: 'jadi-teks'; row: number; col: number; n: number; gaya: 'id' | 'en' | 'rp' | 'persen' | 'spasi' }
  | { k: 'jadi-angka'; row: number; n: number }
  | { k: 'galat'; row: number; col: number; code: string }
  | { k: 'isi'; row: number; col: number; value: CellValue }
  | { k: 'gabung'; top: number; left: number; h: number; w: number; raw: boolean }
  | { k: 'gabung-raksasa' }
  // Hostile structures an .xlsx can claim (issue 15): the whole grid merged, thousands of
  // merges, a cell in the last column, escape sequences in text and sheet names.
  | { k: 'gabung-grid'; left: number }
  | { k: 'banyak-gabung'; n: number }
  | { k: 'sel-xfd'; row: number; value: CellValue }
  | { k: 'kendali'; row: number; col: number; text: string; sheet: boolean }
  | { k: 'rumus'; rows: number; cells: { row: number; col: number; f: string }[] }
  | { k: 'format'; rows: number; code: string | null; cells: { row: number; col: number }[] }
  | { k: 'tebal'; rows: number; cells: { row: number; col: number }[] }
  | { k: 'asal'; row: number; col: number }
  | { k: 'sembunyi'; rows: number[] }
  | { k: 'compang'; row: number; len: number }
  | { k: 'lebar'; row: number; n: number; value: CellValue }
  | { k: 'kosong' }
  | { k: 'satu-sel'; value: CellValue }
  | { k: 'typed'; typed: boolean }
  | { k: 'lolos'; row: number; col: number; payload: number; where: 'sel' | 'tambah' | 'nama' };

/**
 * Terminal escape sequences as cells, CSVs and `_x001B_` escapes in .xlsx text carry them: clear
 * the screen, write the clipboard (OSC 52), add a link (OSC 8), a C1 CSI, a right-to-left
 * override, a fake summary line after a line break, a carriage return over the real line, and
 * a very long text. Checking must survive them, and the terminal report must show them inert.
 */
export const URUTAN_LOLOS: readonly string[] = [
  '\u001B[2J\u001B[H',
  '\u001B]52;c;cm0gLXJmIH4=\u0007',
  '\u001B]8;;https://contoh.invalid\u001B\\klik\u001B]8;;\u001B\\',
  '\u009B31m',
  '\u202Eslx.exe',
  '\n  Ringkasan: 1 tabel, 0 galat, 0 peringatan, 0 info (1 ms).',
  '\r  Ringkasan: 0 galat',
  '\u0000\u0007\u0008\u007F\u0085\u2028\u2066',
  '1.000\u001B[8m',
  'x'.repeat(100_000),
];

const pos = fc.nat({ max: 10_000 });
const NUMBER_FORMATS = [
  '0.00%',
  '0%',
  '#,##0',
  '#,##0.00',
  '@',
  'General',
  'dd/mm/yyyy',
  'mmm-yy',
  '0.0',
  '_(* #,##0_)',
  '"Rp"#,##0',
  '#.##0,00',
  ';;;',
  '0.00E+00',
  '[Red]-#,##0',
];

/**
 * The hostile structures an .xlsx can claim, kept out of the general pool: on top of the other
 * mutations they made every fuzz file several times slower (acak from 21 s to over 4 minutes),
 * so they run in jahat.test.ts on a bounded number of sheets.
 */
export const mutasiJahat: fc.Arbitrary<Mutasi> = fc.oneof(
  fc.record({ k: fc.constant('gabung-grid' as const), left: fc.constantFrom(0, 7) }),
  fc.record({ k: fc.constant('banyak-gabung' as const), n: fc.integer({ min: 1000, max: 5000 }) }),
  fc.record({ k: fc.constant('sel-xfd' as const), row: pos, value: selAcak }),
);

export const mutasi: fc.Arbitrary<Mutasi> = fc.oneof(
  fc.record({ k: fc.constant('potong' as const), from: pos, len: fc.integer({ min: 0, max: 40 }), keepHead: fc.nat({ max: 6 }) }),
  fc.record({ k: fc.constant('acak-baris' as const), from: pos, len: fc.integer({ min: 2, max: 30 }), seed: fc.nat() }),
  fc.record({ k: fc.constant('acak-sel' as const), row: pos, seed: fc.nat() }),
  fc.record({ k: fc.constant('tukar-sel' as const), r1: pos, c1: pos, r2: pos, c2: pos }),
  fc.record({ k: fc.constant('hapus-baris' as const), row: pos, n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ k: fc.constant('hapus-kolom' as const), col: pos }),
  fc.record({ k: fc.constant('hapus-sel' as const), row: pos, col: pos, n: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ k: fc.constant('ganda-baris' as const), row: pos, n: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ k: fc.constant('ganda-sel' as const), r1: pos, c1: pos, r2: pos, c2: pos }),
  fc.record({
    k: fc.constant('jadi-teks' as const),
    row: pos,
    col: pos,
    n: fc.integer({ min: 1, max: 40 }),
    gaya: fc.constantFrom('id', 'en', 'rp', 'persen', 'spasi'),
  }),
  fc.record({ k: fc.constant('jadi-angka' as const), row: pos, n: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ k: fc.constant('galat' as const), row: pos, col: pos, code: fc.constantFrom(...ERROR_VALUES) }),
  fc.record({ k: fc.constant('isi' as const), row: pos, col: pos, value: selAcak }),
  fc.record({
    k: fc.constant('gabung' as const),
    top: pos,
    left: pos,
    h: fc.integer({ min: -2, max: 6 }),
    w: fc.integer({ min: -2, max: 6 }),
    raw: fc.boolean(),
  }),
  fc.constant({ k: 'gabung-raksasa' as const }),
  fc.record({
    k: fc.constant('kendali' as const),
    row: pos,
    col: pos,
    text: fc.constantFrom(
      '\u001b[2J\u001b[H0 galat',
      '\u001b]52;c;aGFjaw==\u0007',
      '\u001b]8;;http://x\u0007tautan\u001b]8;;\u0007',
      'T-C.33\u202eatad',
      '_x001B_[31m',
    ),
    sheet: fc.boolean(),
  }),
  fc.record({
    k: fc.constant('rumus' as const),
    rows: pos,
    cells: fc.array(fc.record({ row: pos, col: pos, f: rumusTeks }), { maxLength: 6 }),
  }),
  fc.record({
    k: fc.constant('format' as const),
    rows: pos,
    code: fc.option(fc.constantFrom(...NUMBER_FORMATS)),
    cells: fc.array(fc.record({ row: pos, col: pos }), { maxLength: 12 }),
  }),
  fc.record({ k: fc.constant('tebal' as const), rows: pos, cells: fc.array(fc.record({ row: pos, col: pos }), { maxLength: 12 }) }),
  fc.record({
    k: fc.constant('asal' as const),
    row: fc.nat({ max: MAX_ROWS }),
    col: fc.oneof(fc.nat({ max: 30 }), fc.nat({ max: MAX_COLS })),
  }),
  fc.record({ k: fc.constant('sembunyi' as const), rows: fc.array(fc.nat({ max: 200 }), { maxLength: 10 }) }),
  fc.record({ k: fc.constant('compang' as const), row: pos, len: fc.nat({ max: 30 }) }),
  fc.record({ k: fc.constant('lebar' as const), row: pos, n: fc.integer({ min: 20, max: 300 }), value: selAcak }),
  fc.constant({ k: 'kosong' as const }),
  fc.record({ k: fc.constant('satu-sel' as const), value: selAcak }),
  fc.record({ k: fc.constant('typed' as const), typed: fc.boolean() }),
  fc.record({
    k: fc.constant('lolos' as const),
    row: pos,
    col: pos,
    payload: fc.nat({ max: URUTAN_LOLOS.length - 1 }),
    where: fc.constantFrom('sel', 'tambah', 'nama'),
  }),
);

/** Mostly a few mutations; the ones that empty the sheet are rare so most cases keep a table. */
export const daftarMutasi = (max = 6): fc.Arbitrary<Mutasi[]> =>
  fc
    .array(mutasi, { maxLength: max })
    .filter((ms) => ms.filter((m) => m.k === 'kosong' || m.k === 'satu-sel').length === 0 || ms.length < 3);

/** A deep copy a mutation may change freely (the fixtures are shared between cases). */
export function salin(sheet: Sheet): Sheet {
  return structuredClone(sheet);
}

/** A number as text the way a sheet would show it typed: id-ID, en-US, with Rp or %. */
function asText(n: number, gaya: Extract<Mutasi, { k: 'jadi-teks' }>['gaya']): string {
  const d = Math.round(n * 100) / 100;
  switch (gaya) {
    case 'id':
      return formatNumber(d);
    case 'en':
      return formatNumber(d, { style: 'en' });
    case 'rp':
      return `Rp. ${formatNumber(d, { decimals: 2 })}`;
    case 'persen':
      return `${formatNumber(d)} %`;
    case 'spasi':
      return ` ${formatNumber(d)}\u00a0`;
  }
}

/** A seeded Fisher-Yates shuffle: the same seed gives the same order, so a case replays. */
function kocok<T>(items: readonly T[], seed: number): T[] {
  const random = rng(seed);
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Arrays parallel to values, with rows made to `rows` (shorter or longer than values). */
function parallel<T>(existing: T[][] | undefined, rows: number): T[][] {
  const out = (existing ?? []).slice(0, rows).map((r) => r.slice());
  while (out.length < rows) out.push([]);
  return out;
}

function setAt<T>(grid: T[][], row: number, col: number, v: T, blank: T): void {
  const r = grid[row];
  while (r.length < col) r.push(blank);
  r[col] = v;
}

/** Apply the mutations in order to a copy of `source`. */
export function mutasikan(source: Sheet, mutations: readonly Mutasi[]): Sheet {
  const s = salin(source);
  for (const m of mutations) apply(s, m);
  return clampOrigin(s);
}

function apply(s: Sheet, m: Mutasi): void {
  const h = s.values.length;
  const w = sheetWidth(s);
  const row = (n: number) => (h === 0 ? -1 : n % h);
  const col = (n: number) => (w === 0 ? -1 : n % w);
  switch (m.k) {
    case 'potong': {
      if (h === 0) return;
      const head = Math.min(m.keepHead, h);
      const from = head + (h - head === 0 ? 0 : m.from % (h - head));
      const keep = (arr?: unknown[][]) => (arr ? [...arr.slice(0, head), ...arr.slice(from, from + m.len)] : arr);
      s.values = keep(s.values) as CellValue[][];
      s.formulas = keep(s.formulas) as Sheet['formulas'];
      s.numberFormats = keep(s.numberFormats) as Sheet['numberFormats'];
      s.bold = keep(s.bold) as Sheet['bold'];
      s.merges = s.merges?.filter((g) => g.bottom < head);
      s.hiddenRows = undefined;
      return;
    }
    case 'acak-baris': {
      if (h < 2) return;
      const from = m.from % h;
      const idx = Array.from({ length: Math.min(m.len, h - from) }, (_, i) => from + i);
      const perm = kocok(idx, m.seed);
      const rows = s.values.slice();
      idx.forEach((r, i) => (s.values[r] = rows[perm[i]]));
      return;
    }
    case 'acak-sel': {
      const r = row(m.row);
      if (r < 0) return;
      s.values[r] = kocok(s.values[r], m.seed);
      return;
    }
    case 'tukar-sel':
    case 'ganda-sel': {
      const r1 = row(m.r1);
      const r2 = row(m.r2);
      const c1 = col(m.c1);
      const c2 = col(m.c2);
      if (r1 < 0 || c1 < 0) return;
      const a = s.values[r1][c1] ?? null;
      const b = s.values[r2][c2] ?? null;
      setAt(s.values, r2, c2, a, null);
      if (m.k === 'tukar-sel') setAt(s.values, r1, c1, b, null);
      return;
    }
    case 'hapus-baris': {
      const r = row(m.row);
      if (r < 0) return;
      s.values.splice(r, m.n);
      s.formulas?.splice(r, m.n);
      s.numberFormats?.splice(r, m.n);
      s.bold?.splice(r, m.n);
      return;
    }
    case 'hapus-kolom': {
      const c = col(m.col);
      if (c < 0) return;
      for (const grid of [s.values, s.formulas, s.numberFormats, s.bold]) grid?.forEach((r) => r.splice(c, 1));
      return;
    }
    case 'hapus-sel': {
      const r = row(m.row);
      const c = col(m.col);
      if (r < 0 || c < 0) return;
      for (let i = 0; i < m.n && c + i < s.values[r].length; i++) s.values[r][c + i] = null;
      return;
    }
    case 'ganda-baris': {
      const r = row(m.row);
      if (r < 0) return;
      const copy = Array.from({ length: m.n }, () => s.values[r].slice());
      s.values.splice(r + 1, 0, ...copy);
      s.formulas?.splice(r + 1, 0, ...copy.map(() => (s.formulas?.[r] ?? []).slice()));
      s.numberFormats?.splice(r + 1, 0, ...copy.map(() => (s.numberFormats?.[r] ?? []).slice()));
      s.bold?.splice(r + 1, 0, ...copy.map(() => (s.bold?.[r] ?? []).slice()));
      return;
    }
    case 'jadi-teks': {
      // Numbers of a column retyped as text, top to bottom, as pasting from a PDF does.
      const c = col(m.col);
      if (c < 0) return;
      for (let i = 0, r = row(m.row); i < m.n && r < h; i++, r++) {
        const v = s.values[r][c];
        if (typeof v === 'number') s.values[r][c] = asText(v, m.gaya);
      }
      return;
    }
    case 'jadi-angka': {
      // Text numbers of a row turned into spreadsheet numbers (a planner "converts to number").
      const r = row(m.row);
      if (r < 0) return;
      let left = m.n;
      s.values[r].forEach((v, c) => {
        if (typeof v !== 'string' || left === 0) return;
        const p = parseCell(v);
        if (p.value === null) return;
        s.values[r][c] = p.value.toNumber();
        left--;
      });
      return;
    }
    case 'galat':
    case 'isi': {
      const r = row(m.row);
      if (r < 0) return;
      setAt(s.values, r, m.col % Math.max(w, 1), m.k === 'galat' ? m.code : m.value, null);
      return;
    }
    case 'gabung': {
      // raw: positions as given, so merges may overlap each other or leave the sheet entirely.
      const top = m.raw ? m.top : row(m.top);
      const left = m.raw ? m.left : col(m.left);
      if (top < 0 || left < 0) return;
      (s.merges ??= []).push({ top, left, bottom: Math.max(0, top + m.h), right: Math.max(0, left + m.w) });
      return;
    }
    case 'gabung-raksasa':
      s.merges = [{ top: 0, left: 0, bottom: Math.max(0, h - 1), right: Math.max(0, w - 1) }];
      return;
    case 'gabung-grid':
      (s.merges ??= []).push({ top: 0, left: m.left, bottom: 1_048_575, right: 16_383 });
      return;
    case 'banyak-gabung':
      for (let i = 0; i < m.n; i++) (s.merges ??= []).push({ top: i, left: 0, bottom: i, right: 1 });
      return;
    case 'sel-xfd': {
      const r = row(m.row);
      if (r < 0) return;
      setAt(s.values, r, 16_383, m.value, null);
      return;
    }
    case 'kendali': {
      if (m.sheet) s.name = m.text;
      const r = row(m.row);
      if (r < 0) return;
      setAt(s.values, r, m.col % Math.max(w, 1), m.text, null);
      return;
    }
    case 'rumus': {
      const grid = parallel(s.formulas, m.rows % (h + 4));
      for (const c of m.cells) if (grid.length > 0) setAt(grid, c.row % grid.length, c.col % (w + 2), c.f, null);
      s.formulas = grid;
      return;
    }
    case 'format': {
      const grid = parallel(s.numberFormats, m.rows % (h + 4));
      for (const c of m.cells) if (grid.length > 0) setAt(grid, c.row % grid.length, c.col % (w + 2), m.code, null);
      s.numberFormats = grid;
      return;
    }
    case 'tebal': {
      const grid = parallel(s.bold, m.rows % (h + 4));
      for (const c of m.cells) if (grid.length > 0) setAt(grid, c.row % grid.length, c.col % (w + 2), true, false);
      s.bold = grid;
      return;
    }
    case 'asal':
      s.origin = { row: m.row, col: m.col };
      return;
    case 'sembunyi':
      s.hiddenRows = m.rows;
      return;
    case 'compang': {
      const r = row(m.row);
      if (r < 0) return;
      if (m.len < s.values[r].length) s.values[r] = s.values[r].slice(0, m.len);
      else while (s.values[r].length < m.len) s.values[r].push(null);
      return;
    }
    case 'lebar': {
      const r = row(m.row);
      if (r < 0) return;
      for (let i = 0; i < m.n; i++) s.values[r].push(i % 7 === 0 ? m.value : null);
      return;
    }
    case 'kosong':
      s.values = [];
      s.formulas = undefined;
      s.numberFormats = undefined;
      s.bold = undefined;
      s.merges = undefined;
      return;
    case 'satu-sel':
      s.values = [[m.value]];
      return;
    case 'typed':
      s.typed = m.typed;
      return;
    case 'lolos': {
      const payload = URUTAN_LOLOS[m.payload % URUTAN_LOLOS.length];
      if (m.where === 'nama') {
        s.name = `${s.name}${payload}`.slice(0, 200);
        return;
      }
      const r = row(m.row);
      const c = col(m.col);
      if (r < 0 || c < 0) return;
      const old = s.values[r][c];
      setAt(s.values, r, c, m.where === 'tambah' && old !== null && old !== undefined ? `${String(old)}${payload}` : payload, null);
      return;
    }
  }
}

/** A used range that starts late still ends inside Excel's grid, as any host's does. */
function clampOrigin(s: Sheet): Sheet {
  if (!s.origin) return s;
  const h = Math.max(s.values.length, ...(s.merges ?? []).map((g) => g.bottom + 1));
  const w = Math.max(sheetWidth(s), ...(s.merges ?? []).map((g) => g.right + 1));
  s.origin = { row: Math.max(0, Math.min(s.origin.row, MAX_ROWS - h)), col: Math.max(0, Math.min(s.origin.col, MAX_COLS - w)) };
  return s;
}
