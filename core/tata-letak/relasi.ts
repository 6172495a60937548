import { parseCell } from '../angka/parse';
import { SKALA_BAWAAN } from '../fungsi/skala';
import { cellAt, Sheet } from '../lembar/model';
import { Relation, RelationKind, TableColumn, TableRow } from '../tabel/model';
import { spreadSample } from './contoh';

/**
 * Relations between columns learned from the table's own numbers, whatever the headers say:
 *   persen        C = A / B × 100        (capaian, serapan, "Persentase")
 *   persen-turun  C = (2B − A) / B × 100 (capaian of a lower-is-better indicator, Rumus 2)
 *   rasio-balik   C = B / A × 100        (the SIPD lower-is-better variant)
 *   selisih       C = A − B              (sisa = pagu − realisasi, bertambah = sesudah − sebelum)
 *   jumlah        C = A + B (+ …)        (TW I + … + TW IV = total, 13 = 6 + 12)
 *
 * A relation is kept when it holds on at least MIN_SUPPORT rows and on at least SUPPORT_SHARE
 * of the rows where all its cells hold numbers. Both numbers keep false alarms down: three
 * rows agreeing to the last shown digit by chance is rare for real amounts, and a relation
 * that fails on more than a fifth of the rows is more likely a different formula per row (an
 * indicator of the other direction, a block of another kind) than a fifth of the rows wrong,
 * so it is not turned into errors. One row off is always allowed, so that a single error in a
 * table of four rows (3 of 4, 75 %) still leaves its relation checked instead of silencing
 * it. The rows that break a kept relation are findings; a row that fits another percent form
 * exactly (Rumus 2, the SIPD ratio) is only noted (core/periksa/rumus/relasi.ts).
 */

/** A relation must hold on at least this many rows… */
export const MIN_SUPPORT = 3;
/** …and on at least this share of the rows where every cell it uses holds a number. */
export const SUPPORT_SHARE = 0.8;
/** Rows off a relation that are allowed whatever the share (a single error in a small table). */
export const MAX_ROWS_OFF = 1;

function enoughShare(holds: number, rows: number): boolean {
  return holds >= rows * SUPPORT_SHARE || rows - holds <= MAX_ROWS_OFF;
}

/** Rows a relation is learned from, spread over the whole table (its support is counted on them). */
export const LEARN_ROWS = 2000;
/** Rows tried before a candidate is checked on the whole table: most candidates fail early. */
const SAMPLE_ROWS = 24;
/** A column is numeric when at least this share of its filled body cells hold numbers. */
const NUMERIC_SHARE = 0.6;
/** Columns further apart than this are not paired (a wide T-C.29 would be slow, and a formula rarely spans more). */
const MAX_SPAN = 12;
/** Longest run of neighbouring columns tried as the parts of a sum (TW I … TW IV and a fifth). */
const MAX_SUM_PARTS = 5;

interface Col {
  col: number;
  /** Value per body row index (NaN when the cell holds no number). */
  v: Float64Array;
  /** Half a unit of the last shown digit per row (0 for whole numbers). */
  half: Float64Array;
}

const LABEL_ROLES = new Set([
  'nomor',
  'kode',
  'kode-urusan',
  'kode-bidang',
  'kode-program',
  'kode-kegiatan',
  'kode-sub',
  'uraian',
  'sasaran',
  'indikator',
  'satuan',
  'predikat',
  'lokasi',
  'sumber-dana',
  'pj',
  'keterangan',
  'sumber-data',
]);

export function inferRelations(sheet: Sheet, columns: readonly TableColumn[], rows: readonly TableRow[]): Relation[] {
  // Learned from LEARN_ROWS rows spread over the whole table: enough evidence, a first block
  // of another kind does not hide the rest, and a 50,000-row table does not pay for it twice
  // (the check itself still reads every row).
  const all = rows.filter((r) => r.kind === 'data' || r.kind === 'total' || r.kind === 'summary');
  const body = spreadSample(all, LEARN_ROWS);
  if (body.length < MIN_SUPPORT) return [];
  const cols = numericColumns(sheet, columns, body);
  if (cols.length < 3) return [];
  const found: Relation[] = [];
  // Derived columns sit right of their inputs: try the rightmost targets first, so that of
  // pagu, realisasi and sisa it is sisa that is derived.
  for (let t = cols.length - 1; t >= 0; t--) {
    const best = bestFor(cols, t, found);
    if (best !== null) found.push(best);
  }
  // The support of a sampled table is counted on the sample: the finding says so.
  if (all.length > body.length) for (const r of found) r.sampledFrom = all.length;
  return found.sort((a, b) => a.target - b.target);
}

function numericColumns(sheet: Sheet, columns: readonly TableColumn[], body: readonly TableRow[]): Col[] {
  const out: Col[] = [];
  for (const c of columns) {
    if (LABEL_ROLES.has(c.role)) continue;
    const v = new Float64Array(body.length).fill(NaN);
    const half = new Float64Array(body.length);
    let filled = 0;
    let numbers = 0;
    // Texts repeat down a column (lokasi, sumber dana, "100 %"): each is read once.
    const texts = new Map<string, Reading>();
    body.forEach((r, i) => {
      const raw = cellAt(sheet, r.row, c.col);
      if (raw === null || raw === '') return;
      let read: Reading;
      if (typeof raw === 'number') read = Number.isFinite(raw) ? { value: raw === 0 ? 0 : raw, decimals: null } : INVALID;
      else if (typeof raw === 'string') {
        const known = texts.get(raw);
        read = known ?? readingOf(raw);
        if (known === undefined && texts.size < MAX_TEXTS) texts.set(raw, read);
      } else read = readingOf(raw);
      if (read === EMPTY) return;
      filled++;
      if (read === INVALID) return;
      numbers++;
      v[i] = read.value;
      half[i] = 0.5 * 10 ** -(read.decimals ?? decimalsOf(read.value));
    });
    if (numbers >= MIN_SUPPORT && numbers >= filled * NUMERIC_SHARE) out.push({ col: c.col, v, half });
  }
  return out;
}

/** A cell as the relations use it: its value as a double and the decimals it was written with. */
interface Reading {
  value: number;
  decimals: number | null;
}
const EMPTY: Reading = { value: NaN, decimals: null };
/** Filled, but not a number, money or percent. */
const INVALID: Reading = { value: NaN, decimals: null };
const MAX_TEXTS = 4096;

/** The amount a cell holds for a parent sum: a number or money, else null. */
function amountIn(raw: unknown): number | null {
  const p = parseCell(raw);
  return p.value !== null && (p.kind === 'number' || p.kind === 'money') ? p.value.toNumber() : null;
}

/**
 * What parseCell makes of the cell. A native number is taken as it is, without the Decimal
 * parseCell would build only to be turned back into the same double.
 */
function readingOf(raw: unknown): Reading {
  const p = parseCell(raw);
  if (p.kind === 'empty') return EMPTY;
  if (p.value === null || (p.kind !== 'number' && p.kind !== 'money' && p.kind !== 'percent')) return INVALID;
  return { value: p.value.toNumber(), decimals: p.decimals };
}

function decimalsOf(x: number): number {
  if (Number.isInteger(x)) return 0;
  const s = String(x);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : Math.min(9, s.length - dot - 1);
}

type Formula = (a: number, b: number) => number;
const PERCENT_FORMS: [RelationKind, Formula][] = [
  ['persen', (a, b) => (a / b) * 100],
  ['rasio-balik', (a, b) => (b / a) * 100],
  ['persen-turun', (a, b) => ((2 * b - a) / b) * 100],
  // Efisiensi, metode rasio: (1 − serapan / capaian) × 100 (SPEC §2).
  ['efisiensi', (a, b) => (1 - a / b) * 100],
];

interface Candidate {
  kind: RelationKind;
  operands: number[];
  /** Computes the target of row i, NaN when an operand is missing or a divisor zero. */
  at: (i: number) => number;
  /** Error allowed on row i beyond the target's own display rounding. */
  slack: (i: number) => number;
  /** A row that holds whatever the data (A = B in a ratio, a zero part in a sum): no evidence. */
  trivial: (i: number) => boolean;
  /** Additive relations of whole numbers must hold exactly. */
  exact: boolean;
  /**
   * A row that breaks the relation but fits its lower-is-better form (Rumus 2, the SIPD
   * ratio) exactly: an indicator of the other direction, neither support nor a break.
   */
  otherForms?: ((i: number) => number)[];
}

function bestFor(cols: Col[], t: number, found: Relation[]): Relation | null {
  const target = cols[t];
  const n = target.v.length;
  let best: Relation | null = null;
  const share = (r: Relation) => r.holds / r.rows;
  const consider = (c: Candidate) => {
    if (duplicates(found, target.col, c.operands)) return;
    if (support(target, c, Math.min(n, SAMPLE_ROWS), true) === null) return;
    const full = support(target, c, n, false);
    if (full === null) return;
    const rel: Relation = { kind: c.kind, target: target.col, operands: c.operands, holds: full.holds, rows: full.rows };
    // Ties go to the simpler formula (Rumus 1 before its variants), then to the nearest columns.
    const better =
      best === null ||
      share(rel) > share(best) ||
      (share(rel) === share(best) &&
        (rel.holds > best.holds || (rel.holds === best.holds && KIND_ORDER.indexOf(rel.kind) < KIND_ORDER.indexOf(best.kind))));
    if (better) best = rel;
  };
  const near = cols
    .map((_, i) => i)
    .filter((i) => i !== t && Math.abs(cols[i].col - target.col) <= MAX_SPAN)
    .sort((x, y) => Math.abs(cols[x].col - target.col) - Math.abs(cols[y].col - target.col));
  for (const a of near) {
    for (const b of near) {
      if (b === a) continue;
      const A = cols[a];
      const B = cols[b];
      // A column of whole amounts in the thousands is money: never a percent of others.
      if (!moneyLike(target))
        for (const [kind, f] of PERCENT_FORMS) {
          consider({
            kind,
            operands: [A.col, B.col],
            at: (i) => (B.v[i] === 0 || A.v[i] === 0 ? NaN : f(A.v[i], B.v[i])),
            // An input shown rounded moves a ratio by about its relative rounding; whole
            // amounts of a thousand or more are money, exact.
            slack: (i) => Math.abs(f(A.v[i], B.v[i])) * (inputError(A, i) + inputError(B, i)),
            trivial: (i) => A.v[i] === B.v[i],
            exact: false,
            otherForms:
              kind === 'persen'
                ? OTHER_DIRECTION.map((g) => (i: number) => (B.v[i] === 0 || A.v[i] === 0 ? NaN : g(A.v[i], B.v[i])))
                : undefined,
          });
        }
      // Additive: only with the target rightmost of the three, so each triple counts once.
      if (A.col < B.col && target.col > B.col) {
        consider(additive('jumlah', [A, B], (i) => A.v[i] + B.v[i]));
        consider(additive('selisih', [A, B], (i) => A.v[i] - B.v[i]));
        consider(additive('selisih', [B, A], (i) => B.v[i] - A.v[i]));
      }
    }
  }
  for (const parts of evenRuns(cols, target.col)) consider(additive('jumlah', parts, (i) => parts.reduce((s, p) => s + p.v[i], 0)));
  return best;
}

/**
 * Runs of 3 to MAX_SUM_PARTS numeric columns evenly spaced beside the target, the parts of a
 * sum: TW I … IV right before their total, or the Rp of TW I … IV every other column (a K
 * column between) right after the pagu they share out. Found by position, not by header.
 */
function evenRuns(cols: Col[], target: number): Col[][] {
  const at = new Map(cols.map((c) => [c.col, c]));
  const out: Col[][] = [];
  for (const stride of [1, 2]) {
    for (let k = 3; k <= MAX_SUM_PARTS; k++) {
      for (let gap = 1; gap <= stride; gap++) {
        for (const first of [target + gap, target - gap - (k - 1) * stride]) {
          const parts: Col[] = [];
          for (let j = 0; j < k; j++) {
            const p = at.get(first + j * stride);
            if (p === undefined) break;
            parts.push(p);
          }
          if (parts.length === k) out.push(parts);
        }
      }
    }
  }
  return out;
}

const OTHER_DIRECTION: Formula[] = PERCENT_FORMS.filter(([k]) => k === 'persen-turun' || k === 'rasio-balik').map(([, f]) => f);

const KIND_ORDER: RelationKind[] = ['persen', 'selisih', 'jumlah', 'rasio-balik', 'persen-turun', 'efisiensi'];

function moneyLike(c: Col): boolean {
  let n = 0;
  let whole = 0;
  for (let i = 0; i < c.v.length; i++) {
    if (Number.isNaN(c.v[i])) continue;
    n++;
    if (Number.isInteger(c.v[i]) && Math.abs(c.v[i]) >= 1000) whole++;
  }
  return n > 0 && whole >= n * SUPPORT_SHARE;
}

function inputError(c: Col, i: number): number {
  const x = Math.abs(c.v[i]);
  if (c.half[i] === 0.5 && x >= 1000) return 0;
  return c.half[i] / x;
}

function additive(kind: RelationKind, parts: Col[], at: (i: number) => number): Candidate {
  return {
    kind,
    operands: parts.map((p) => p.col),
    at: (i) => {
      for (const p of parts) if (Number.isNaN(p.v[i])) return NaN;
      return at(i);
    },
    slack: (i) => parts.reduce((s, p) => s + (p.half[i] === 0.5 ? 0 : p.half[i]), 0),
    // A zero part turns C = A − B into a copy of A: such a row is no evidence.
    trivial: (i) => parts.some((p) => p.v[i] === 0),
    exact: true,
  };
}

/** The same three columns already related another way (pagu, realisasi, sisa): keep one. */
function duplicates(found: Relation[], target: number, operands: number[]): boolean {
  const set = [target, ...operands];
  return found.some((r) => {
    if (r.operands.length !== operands.length) return false;
    const other = new Set([r.target, ...r.operands]);
    return set.every((c) => other.has(c));
  });
}

function support(target: Col, c: Candidate, n: number, sample: boolean): { holds: number; rows: number } | null {
  let rows = 0;
  let holds = 0;
  let evidence = 0;
  for (let i = 0; i < n; i++) {
    const s = target.v[i];
    if (Number.isNaN(s)) continue;
    const x = c.at(i);
    if (!Number.isFinite(x)) continue;
    rows++;
    // Whole amounts add up exactly; a shown decimal allows its own rounding or truncation
    // (a full unit of the last digit), plus what the rounded inputs allow.
    const wholeTarget = target.half[i] === 0.5 && Math.abs(s) >= 1000;
    const tol = (c.exact && wholeTarget ? 0 : 2 * target.half[i]) + c.slack(i) + 1e-9 * Math.abs(x);
    if (Math.abs(s - x) <= tol) {
      holds++;
      if (!c.trivial(i)) evidence++;
    } else if (
      c.otherForms !== undefined &&
      c.otherForms.some((g) => Math.abs(s - g(i)) <= 2 * target.half[i] + c.slack(i) + 1e-9 * Math.abs(g(i)))
    ) {
      rows--;
    } else if (sample && rows - holds > n * (1 - SUPPORT_SHARE) + 1) return null;
  }
  // A sample too thin to judge lets the whole table decide.
  if (sample) return rows < MIN_SUPPORT || enoughShare(holds, rows) ? { holds, rows } : null;
  if (holds < MIN_SUPPORT || !enoughShare(holds, rows) || evidence < MIN_SUPPORT) return null;
  return { holds, rows };
}

const PERCENT_KINDS = new Set<RelationKind>(['persen', 'persen-turun', 'rasio-balik', 'efisiensi']);

/**
 * Where header words and numbers disagree, the numbers win: a column the numbers show to be a
 * percent of two others is never summed, whatever its header ("Dana | Persentase" read as
 * pagu); an unnamed column that adds up with money ("Terpakai", "Selisih") is money. The role
 * the header gave is kept on the relation, so a finding can say that the numbers decided.
 */
export function settleByNumbers(columns: TableColumn[], relations: Relation[]): void {
  const byCol = new Map(columns.map((c) => [c.col, c]));
  for (const r of relations) {
    const t = byCol.get(r.target);
    if (t === undefined) continue;
    if (PERCENT_KINDS.has(r.kind) && t.role === 'lainnya') {
      // An unnamed percent of two columns is a capaian, or a serapan when its inputs are money.
      const ops = r.operands.map((o) => byCol.get(o));
      t.role = r.kind === 'efisiensi' ? 'efisiensi' : ops.some((o) => o?.money) ? 'serapan' : 'capaian';
      r.headerRole = 'lainnya';
    }
    if (PERCENT_KINDS.has(r.kind) && t.money) {
      r.headerRole = t.role;
      const ops = r.operands.map((o) => byCol.get(o));
      t.role = ops.some((o) => o?.money) ? 'serapan' : 'capaian';
      t.money = false;
    }
  }
  for (const r of relations) {
    if (PERCENT_KINDS.has(r.kind)) continue;
    const members = [r.target, ...r.operands].map((c) => byCol.get(c)!).filter(Boolean);
    if (!members.some((m) => m.money)) continue;
    for (const m of members) if (m.role === 'lainnya' && !m.money) m.money = true;
  }
  // A percent of money whose inputs the header left unnamed: the inputs are money.
  for (const r of relations) {
    if (r.kind !== 'persen') continue;
    const [a, b] = r.operands.map((c) => byCol.get(c));
    if (a === undefined || b === undefined) continue;
    if (a.money && b.role === 'lainnya') b.money = true;
    if (b.money && a.role === 'lainnya') a.money = true;
  }
}

/** Parents that must agree before an unnamed column is taken for money that adds up… */
export const MIN_PARENTS = 2;
/** …and the share of the parents with numbers that must agree. */
export const PARENT_SHARE = 0.5;

/**
 * An unnamed column whose parents equal the sum of their children (at least MIN_PARENTS, and
 * at least PARENT_SHARE of the parents with numbers) adds up like money, whatever its header
 * ("Data", "Nilai"): it becomes a money column, so jumlah-induk checks every parent. The bar
 * is lower than for row relations because a parent equal to the exact sum of several children
 * does not happen by chance, while a table with three parents and one wrong sum must still
 * be recognised (else the error would hide its own check).
 */
export function inferParentSums(sheet: Sheet, columns: TableColumn[], rows: readonly TableRow[]): Relation[] {
  const out: Relation[] = [];
  const data = rows.filter((r) => r.kind === 'data' && !r.continuation);
  const children = new Map<number, TableRow[]>();
  for (const r of data) {
    if (r.parent === null) continue;
    const list = children.get(r.parent);
    if (list) list.push(r);
    else children.set(r.parent, [r]);
  }
  // A total row is the parent of the top-level rows since the previous total (an LRA closes
  // pendapatan and belanja each with its own Jumlah).
  const top = data.filter((r) => r.parent === null);
  let since = -1;
  for (const t of rows) {
    if (t.kind !== 'total') continue;
    const group = top.filter((r) => r.row > since && r.row < t.row);
    if (group.length > 0 && (group.length > 1 || children.has(group[0].row))) children.set(t.row, group);
    since = t.row;
  }
  if (children.size < MIN_PARENTS) return out;
  for (const c of columns) {
    if (c.money || c.role !== 'lainnya') continue;
    // A native number is its own value; a text ("PN 1", "Lansia") is parsed once per column.
    const texts = new Map<string, number | null>();
    const value = (row: number): number | null => {
      const raw = cellAt(sheet, row, c.col);
      if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
      if (typeof raw === 'string') {
        let v = texts.get(raw);
        if (v === undefined) {
          v = amountIn(raw);
          if (texts.size < MAX_TEXTS) texts.set(raw, v);
        }
        return v;
      }
      return amountIn(raw);
    };
    // A heading without an amount (4 PENDAPATAN over 4.1 …) stands for its children.
    const amountOf = (row: number, depth: number): number | null => {
      const own = value(row);
      if (own !== null || depth > 32) return own;
      const kids = children.get(row);
      if (kids === undefined) return null;
      let sum = 0;
      for (const k of kids) {
        const x = amountOf(k.row, depth + 1);
        if (x === null) return null;
        sum += x;
      }
      return sum;
    };
    const equal = (own: number, rowsOf: readonly TableRow[]): boolean | null => {
      let sum = 0;
      for (const k of rowsOf) {
        const x = amountOf(k.row, 0);
        if (x === null) return null;
        sum += x;
      }
      return Math.abs(sum - own) <= 1e-9 * Math.abs(own);
    };
    let rowsSeen = 0;
    let holds = 0;
    for (const [parent, kids] of children) {
      const own = value(parent);
      if (own === null || own === 0) continue;
      const direct = equal(own, kids);
      if (direct === null) continue;
      rowsSeen++;
      // One wrong kegiatan breaks two sums, its own and its program's; the program still
      // equals the sum of its sub kegiatan, so it counts as agreeing (a small table with one
      // wrong sum must still be recognised as money, or the error hides its own check).
      if (direct || (kids.some((k) => children.has(k.row)) && equal(own, leavesOf(parent, children)) === true)) holds++;
    }
    if (holds >= MIN_PARENTS && holds >= rowsSeen * PARENT_SHARE) {
      c.money = true;
      out.push({ kind: 'jumlah-anak', target: c.col, operands: [], holds, rows: rowsSeen });
    }
  }
  return out;
}

/** The rows under `parent` that have no children of their own. */
function leavesOf(parent: number, children: ReadonlyMap<number, TableRow[]>): TableRow[] {
  const out: TableRow[] = [];
  const walk = (row: number, depth: number) => {
    for (const k of children.get(row) ?? []) {
      if (children.has(k.row) && depth < 32) walk(k.row, depth + 1);
      else out.push(k);
    }
  };
  walk(parent, 0);
  return out;
}

/**
 * A column of labels of a known predikat scale ("Sangat Berhasil", "Tinggi", "BB") under a
 * header no layout knows is the predikat column: at least SUPPORT_SHARE of its filled cells,
 * and MIN_SUPPORT of them, are scale labels.
 */
export function settleLabelColumns(sheet: Sheet, columns: TableColumn[], rows: readonly TableRow[]): void {
  if (columns.some((c) => c.role === 'predikat')) return;
  const labels = new Set(Object.values(SKALA_BAWAAN).flatMap((s) => s.bands.map((b) => b.label.toLowerCase())));
  for (const c of columns) {
    if (c.role !== 'lainnya' && c.role !== 'keterangan') continue;
    let filled = 0;
    let known = 0;
    for (const r of rows) {
      if (r.kind !== 'data') continue;
      const v = cellAt(sheet, r.row, c.col);
      if (typeof v !== 'string' || v.trim() === '') continue;
      filled++;
      if (labels.has(v.trim().toLowerCase())) known++;
    }
    if (known >= MIN_SUPPORT && known >= filled * SUPPORT_SHARE) {
      c.role = 'predikat';
      return;
    }
  }
}
