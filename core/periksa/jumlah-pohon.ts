import { Dec } from '../angka/desimal';
import { readNumberFormat } from '../lembar/format-sel';
import { cellAt } from '../lembar/model';
import { Table, TableColumn, TableRow } from '../tabel/model';
import { CheckContext } from './konteks';

/*
 * The money tree shared by jumlah-induk, jumlah-total and antar-tabel: which rows add up into
 * which (indexed once per table), and every money cell read once per column. The checks then
 * walk arrays; nothing is searched per row, so a 10 000-row table stays linear.
 */

// ---------------------------------------------------------------------------------------------
// Exact arithmetic, fast when it can be.

/**
 * Rupiah are whole numbers: while every amount of a column is a safe integer and the column's
 * absolute sum stays far below 2^53, double arithmetic on them is exact and some fifty times
 * faster than decimal.js. Any fraction or huge amount switches the whole column to Dec.
 */
export interface Ops<T> {
  zero: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  eq(a: T, b: T): boolean;
  isZero(a: T): boolean;
  toDec(a: T): Dec;
}

const NUMBER_OPS: Ops<number> = {
  zero: 0,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  eq: (a, b) => a === b,
  isZero: (a) => a === 0,
  toDec: (a) => new Dec(a),
};

const DEC_OPS: Ops<Dec> = {
  zero: new Dec(0),
  add: (a, b) => a.plus(b),
  sub: (a, b) => a.minus(b),
  eq: (a, b) => a.eq(b),
  isZero: (a) => a.isZero(),
  toDec: (a) => a,
};

/** Partial sums, differences and subset sums of deltas stay below 4·Σ|v|: keep that exact. */
const SAFE_COLUMN_SUM = Number.MAX_SAFE_INTEGER / 4;

// ---------------------------------------------------------------------------------------------
// Cell states.

export const ABSENT = 0; // blank, `-`, NIHIL: no value, not zero
export const VALUE = 1;
export const AMBIGUOUS = 2; // mixed marks (`29,822,934.850`): read through its alternative
export const INVALID = 3; // malformed, text, a percent in a money column: no sum is claimed
export type CellState = 0 | 1 | 2 | 3;

/** ABSENT adds nothing; INVALID spoils a sum; AMBIGUOUS marks it as read through a guess. */
export function combine(a: number, b: number): CellState {
  return Math.max(a, b) as CellState;
}

export function present(s: number): boolean {
  return s === VALUE || s === AMBIGUOUS;
}

// ---------------------------------------------------------------------------------------------
// The tree, once per table.

export interface SumTotal {
  /** Position of the total row in table.rows. */
  pos: number;
  /** Positions of the top-level rows the total adds up (its scope's roots), or of subtotals. */
  items: number[];
  /** 'rows': items are data rows; 'subtotals': a grand total over earlier total rows. */
  over: 'rows' | 'subtotals';
  /** Every node of the scope (for sums of deeper levels), in position order. */
  scope: number[];
  /** Position range [first, last] whose gapBefore flags make the total uncheckable. */
  gapFrom: number;
  gapTo: number;
}

export interface SumIndex {
  rows: readonly TableRow[];
  /** A node is a data row that is not a continuation: it owns money and may have children. */
  isNode: Uint8Array;
  /** Position of the node a row adds into; -1 for a root. Continuations: their owner. */
  parent: Int32Array;
  children: readonly (readonly number[])[];
  /** Continuation rows of each node (its second, third … indicator rows). */
  continuations: readonly (readonly number[])[];
  depth: Int32Array;
  /** Last position of each node's subtree. */
  spanEnd: Int32Array;
  /** Rows flagged gapBefore among positions < i. */
  gapPrefix: Int32Array;
  totals: SumTotal[];
  /** The total whose items include this root, -1 if none. */
  coveringTotal: Int32Array;
}

const NO_ROWS: readonly number[] = [];
const indexCache = new WeakMap<Table, SumIndex>();

export function sumIndex(table: Table): SumIndex {
  let idx = indexCache.get(table);
  if (idx === undefined) {
    idx = buildIndex(table);
    indexCache.set(table, idx);
  }
  return idx;
}

function buildIndex(table: Table): SumIndex {
  const rows = table.rows;
  const n = rows.length;
  const posOf = new Map<number, number>();
  rows.forEach((r, i) => posOf.set(r.row, i));

  const isNode = new Uint8Array(n);
  const parent = new Int32Array(n).fill(-1);
  const children: number[][] = new Array(n);
  const continuations: number[][] = new Array(n);
  const depth = new Int32Array(n);
  const gapPrefix = new Int32Array(n + 1);

  let lastNode = -1;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    gapPrefix[i + 1] = gapPrefix[i] + (r.gapBefore ? 1 : 0);
    if (r.kind !== 'data') {
      // A total, section or repeated header ends what a continuation may continue.
      lastNode = -1;
      continue;
    }
    if (r.continuation) {
      if (lastNode >= 0 && rows[lastNode].block === r.block) {
        parent[i] = lastNode;
        (continuations[lastNode] ??= []).push(i);
      }
      continue;
    }
    isNode[i] = 1;
    lastNode = i;
    let p = r.parent === null ? -1 : (posOf.get(r.parent) ?? -1);
    // A parent given as a continuation row means the node that row continues.
    if (p >= 0 && rows[p].kind === 'data' && rows[p].continuation) p = parent[p];
    // Rows of different blocks never add up together, and a parent comes before its children.
    if (p >= 0 && (p >= i || !isNode[p] || rows[p].block !== r.block)) p = -1;
    parent[i] = p;
    if (p >= 0) {
      (children[p] ??= []).push(i);
      depth[i] = depth[p] + 1;
    }
  }
  for (let i = 0; i < n; i++) {
    if (children[i] === undefined) children[i] = NO_ROWS as number[];
    if (continuations[i] === undefined) continuations[i] = NO_ROWS as number[];
  }

  const spanEnd = new Int32Array(n);
  for (let i = 0; i < n; i++) spanEnd[i] = i;
  for (let i = n - 1; i >= 0; i--) {
    const p = parent[i];
    if (p >= 0 && spanEnd[i] > spanEnd[p]) spanEnd[p] = spanEnd[i];
  }

  const { totals, coveringTotal } = findTotalScopes(rows, isNode, parent);
  return { rows, isNode, parent, children, continuations, depth, spanEnd, gapPrefix, totals, coveringTotal };
}

/**
 * What each total row adds up: the nodes of its block since the previous total row (or, for a
 * total printed above its rows, up to the next one); a total with no rows of its own is a
 * grand total over the subtotals before it.
 */
function findTotalScopes(
  rows: readonly TableRow[],
  isNode: Uint8Array,
  parent: Int32Array,
): { totals: SumTotal[]; coveringTotal: Int32Array } {
  const n = rows.length;
  const coveringTotal = new Int32Array(n).fill(-1);
  const totalPos: number[] = [];
  for (let i = 0; i < n; i++) if (rows[i].kind === 'total') totalPos.push(i);
  const totals: SumTotal[] = [];
  const scopeOf = (from: number, to: number, block: number): number[] => {
    const s: number[] = [];
    for (let i = from; i < to; i++) if (isNode[i] && rows[i].block === block) s.push(i);
    return s;
  };
  totalPos.forEach((t, k) => {
    const block = rows[t].block;
    const prev = k > 0 ? totalPos[k - 1] : -1;
    const next = k + 1 < totalPos.length ? totalPos[k + 1] : n;
    let scope = scopeOf(prev + 1, t, block);
    let gapFrom = prev + 1;
    let gapTo = t;
    if (scope.length === 0) {
      scope = scopeOf(t + 1, next, block);
      gapFrom = t + 1;
      gapTo = next - 1 < n ? Math.min(next, n - 1) : n - 1;
    }
    if (scope.length === 0) {
      const subtotals = totals.filter((x) => x.over === 'rows' && x.pos < t).map((x) => x.pos);
      if (subtotals.length > 0) totals.push({ pos: t, items: subtotals, over: 'subtotals', scope: [], gapFrom: 0, gapTo: t });
      return;
    }
    const inScope = new Set(scope);
    const items = scope.filter((i) => parent[i] < 0 || !inScope.has(parent[i]));
    for (const i of items) if (coveringTotal[i] < 0) coveringTotal[i] = t;
    totals.push({ pos: t, items, over: 'rows', scope, gapFrom, gapTo });
  });
  return { totals, coveringTotal };
}

/** Some row in positions [from, to] says rows were lost right before it. */
export function gapBetween(idx: SumIndex, from: number, to: number): boolean {
  const a = Math.max(0, from);
  const b = Math.min(idx.rows.length - 1, to);
  return b >= a && idx.gapPrefix[b + 1] - idx.gapPrefix[a] > 0;
}

// ---------------------------------------------------------------------------------------------
// A money column, once per table and column.

export interface MoneyColumn<T> {
  column: TableColumn;
  ops: Ops<T>;
  /** Own cell of each position. */
  state: Uint8Array;
  value: T[];
  /** Every reading of an AMBIGUOUS cell, and its text. */
  readings: Map<number, { text: string; values: Dec[] }>;
  /** A node's money: its own cell plus continuation rows that carry money of their own. */
  node: Uint8Array;
  nodeValue: T[];
  /** The node's money, or, when its cell is blank, the sum of its children (recursively). */
  eff: Uint8Array;
  effValue: T[];
  /** Σ eff of a node's children; ABSENT when no child has money. */
  sum: Uint8Array;
  sumValue: T[];
  /** Children without money (blank and without rincian of their own). */
  absentChildren: Int32Array;
}

const columnCache = new WeakMap<CheckContext, Map<number, MoneyColumn<unknown>>>();

export function moneyColumn(ctx: CheckContext, column: TableColumn): MoneyColumn<unknown> {
  let perCtx = columnCache.get(ctx);
  if (perCtx === undefined) {
    perCtx = new Map();
    columnCache.set(ctx, perCtx);
  }
  let mc = perCtx.get(column.col);
  if (mc === undefined) {
    mc = readMoneyColumn(ctx, column, sumIndex(ctx.table)) as MoneyColumn<unknown>;
    perCtx.set(column.col, mc);
  }
  return mc;
}

function readMoneyColumn(ctx: CheckContext, column: TableColumn, idx: SumIndex): MoneyColumn<number> | MoneyColumn<Dec> {
  const rows = idx.rows;
  const n = rows.length;
  const state = new Uint8Array(n);
  const raw: (number | Dec)[] = new Array(n);
  const readings = new Map<number, { text: string; values: Dec[] }>();
  let integral = true;
  let absSum = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (r.kind !== 'data' && r.kind !== 'total') continue;
    const native = cellAt(ctx.sheet, r.row, column.col);
    // A date serial (Excel hands dates over as numbers) is not an amount: the parse says so.
    if (
      typeof native === 'number' &&
      Number.isSafeInteger(native) &&
      !readNumberFormat(ctx.sheet.numberFormats?.[r.row]?.[column.col]).date
    ) {
      state[i] = VALUE;
      raw[i] = native;
      absSum += Math.abs(native);
      continue;
    }
    const p = ctx.cell(r.row, column.col);
    let v: Dec | null = null;
    if (p.kind === 'empty') state[i] = ABSENT;
    else if (p.value !== null && (p.kind === 'number' || p.kind === 'money')) {
      state[i] = VALUE;
      v = p.value;
    } else if (p.alternative !== null && p.problems.some((x) => x.code === 'mixed-marks')) {
      // Only mixed marks give a trustworthy second reading; scientific notation has lost digits.
      state[i] = AMBIGUOUS;
      v = p.alternative;
      const all = (p as { readings?: Dec[] }).readings;
      readings.set(i, { text: p.text, values: all && all.length > 0 ? all : [p.alternative] });
    } else state[i] = INVALID;
    if (v !== null) {
      raw[i] = v;
      if (integral && v.isInteger() && v.abs().lte(Number.MAX_SAFE_INTEGER)) absSum += Math.abs(v.toNumber());
      else integral = false;
    }
  }
  if (integral && absSum <= SAFE_COLUMN_SUM) {
    const value = raw.map((v) => (v === undefined ? 0 : typeof v === 'number' ? v : v.toNumber()));
    return finishColumn(column, NUMBER_OPS, state, value, readings, idx);
  }
  const value = raw.map((v) => (v === undefined ? DEC_OPS.zero : typeof v === 'number' ? new Dec(v) : v));
  return finishColumn(column, DEC_OPS, state, value, readings, idx);
}

function finishColumn<T>(
  column: TableColumn,
  ops: Ops<T>,
  state: Uint8Array,
  value: T[],
  readings: Map<number, { text: string; values: Dec[] }>,
  idx: SumIndex,
): MoneyColumn<T> {
  const n = idx.rows.length;
  const node = new Uint8Array(n);
  const nodeValue: T[] = new Array(n).fill(ops.zero);
  for (let i = 0; i < n; i++) {
    if (!idx.isNode[i]) continue;
    let s: CellState = state[i] as CellState;
    let v = present(s) ? value[i] : ops.zero;
    for (const c of idx.continuations[i]) {
      const cs = state[c];
      if (cs === ABSENT) continue;
      // A continuation repeating its node's amount is the same money (an unmerged cell).
      if (present(cs) && present(state[i]) && ops.eq(value[c], value[i])) continue;
      s = combine(s, cs);
      if (present(cs)) v = ops.add(v, value[c]);
    }
    node[i] = s;
    nodeValue[i] = v;
  }

  const eff = new Uint8Array(n);
  const effValue: T[] = new Array(n).fill(ops.zero);
  const sum = new Uint8Array(n);
  const sumValue: T[] = new Array(n).fill(ops.zero);
  const absentChildren = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    if (!idx.isNode[i]) continue;
    let s: CellState = ABSENT;
    let v = ops.zero;
    let absent = 0;
    for (const c of idx.children[i]) {
      const cs = eff[c];
      if (cs === ABSENT) absent++;
      s = combine(s, cs);
      if (present(cs)) v = ops.add(v, effValue[c]);
    }
    sum[i] = s;
    sumValue[i] = v;
    absentChildren[i] = absent;
    if (node[i] !== ABSENT) {
      eff[i] = node[i];
      effValue[i] = nodeValue[i];
    } else {
      eff[i] = s;
      effValue[i] = v;
    }
  }
  return { column, ops, state, value, readings, node, nodeValue, eff, effValue, sum, sumValue, absentChildren };
}

/** Every reading of a node's money (one, unless its own cell is ambiguous and alone). */
export function readingsOf<T>(mc: MoneyColumn<T>, idx: SumIndex, i: number): Dec[] {
  const r = mc.readings.get(i);
  if (r !== undefined && addedContinuations(mc, idx, i).length === 0) return r.values;
  return [mc.ops.toDec(idx.isNode[i] ? mc.nodeValue[i] : mc.value[i])];
}

/** A node whose money differs from the sum of its children: Σ children − own. */
export function deltaOf<T>(mc: MoneyColumn<T>, i: number): T | null {
  if (!present(mc.node[i]) || !present(mc.sum[i])) return null;
  const d = mc.ops.sub(mc.sumValue[i], mc.nodeValue[i]);
  return mc.ops.isZero(d) ? null : d;
}

/** Continuation rows whose money was added to this node's own cell. */
export function addedContinuations<T>(mc: MoneyColumn<T>, idx: SumIndex, i: number): number[] {
  if (!idx.isNode[i]) return [];
  return idx.continuations[i].filter((c) => present(mc.state[c]) && !(present(mc.state[i]) && mc.ops.eq(mc.value[c], mc.value[i])));
}

// ---------------------------------------------------------------------------------------------
// Which side is wrong.

/**
 * For a row X (a node, or a total over its items) whose stated amount may differ from the sum
 * of its items: the subsets T of discrepant items such that X would agree if every item in T
 * carried the sum of its own children instead of its stated amount. An item that is in every
 * such subset is likely wrong itself; one in none agrees with X.
 */
export interface Explanation {
  solutions: number;
  /** How many solutions contain each discrepant item. */
  containing: Map<number, number>;
  /** Items with a discrepancy of their own that the search used. */
  discrepant: number[];
}

const MAX_DISCREPANT = 10;

export function explain<T>(mc: MoneyColumn<T>, stated: T, items: readonly number[]): Explanation | null {
  const ops = mc.ops;
  let total = ops.zero;
  const discrepant: number[] = [];
  const deltas: T[] = [];
  for (const c of items) {
    if (mc.eff[c] === INVALID) return null;
    if (present(mc.eff[c])) total = ops.add(total, mc.effValue[c]);
    const d = deltaOf(mc, c);
    if (d !== null) {
      discrepant.push(c);
      deltas.push(d);
    }
  }
  if (discrepant.length > MAX_DISCREPANT) return null;
  const target = ops.sub(stated, total);
  const containing = new Map<number, number>();
  let solutions = 0;
  for (let mask = 0; mask < 1 << discrepant.length; mask++) {
    let s = ops.zero;
    for (let b = 0; b < discrepant.length; b++) if (mask & (1 << b)) s = ops.add(s, deltas[b]);
    if (!ops.eq(s, target)) continue;
    solutions++;
    for (let b = 0; b < discrepant.length; b++)
      if (mask & (1 << b)) containing.set(discrepant[b], (containing.get(discrepant[b]) ?? 0) + 1);
  }
  return { solutions, containing, discrepant };
}

export type Membership = 'all' | 'none' | 'unknown';

export function membership(e: Explanation | null, item: number): Membership {
  if (e === null || e.solutions === 0) return 'unknown';
  const k = e.containing.get(item) ?? 0;
  if (k === e.solutions) return 'all';
  if (k === 0) return 'none';
  return 'unknown';
}
