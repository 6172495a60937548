import { formatNumber } from '../angka/format';
import { a1, cellAt } from '../lembar/model';
import { LevelName, TableColumn } from '../tabel/model';
import { actualOf, columnNoun, levelLabel, shownAmount } from './jumlah-kata';
import { MoneyColumn, moneyColumn, present, readingsOf, SumIndex, sumIndex } from './jumlah-pohon';
import { CheckContext } from './konteks';
import { capitalise } from './label';
import { Finding } from './temuan';

/**
 * antar-tabel: the tables of one workbook against each other.
 *   - the same program/kegiatan (by kode when both rows have a usable one, else by name and
 *     level) with a different amount in comparable columns;
 *   - grand totals that differ, for two tables listing the same programs;
 *   - how many programs/kegiatan/sub kegiatan each lists (info), for tables with comparable
 *     money columns.
 * Comparable columns hold the same kind of money for the same period. "Rancangan Awal RKPD"
 * pagu is the RKPD's starting ceiling, not the office's plan: it is only compared with
 * another Rancangan Awal column. Kebutuhan dana (hasil analisis kebutuhan) is the plan, so
 * it is compared with the pagu of a rencana table, as a warning.
 */
export type WorkbookCheck = (tables: { ctx: CheckContext }[]) => Finding[];

type MoneyClass = 'rencana' | 'rancangan-awal' | 'anggaran' | 'realisasi';

const PERIOD = /^(?:s\/d )?(?:n(?:[+-]\d+)?|\d{4})$|^renstra$/;
const RANCANGAN_AWAL = /rancangan\s+awal/i;
/** Matched rows of which more than this share differ: the columns are not the same money. */
const MOSTLY_DIFFERENT = 0.5;
const MIN_FOR_MOSTLY = 4;
const MAX_NAMES = 3;

interface Item {
  pos: number;
  row: number;
  level: LevelName | null;
  name: string;
  key: string;
  kode: string | null;
}

interface Info {
  ctx: CheckContext;
  idx: SumIndex;
  order: number;
  money: { col: TableColumn; cls: MoneyClass; period: string | null; primary: boolean }[];
  items: Map<number, Item[]>; // per uraian column
  /** Normalised names and kodes, shared by the tables of the workbook: their sheets list the same programs. */
  normal: { names: Map<string, string>; kodes: Map<string, string | null>; keys: Map<string, Map<string, string>> };
}

/** Up to this many tables every pair is compared: the index of sharingItems would cost more than it saves. */
const ALL_PAIRS_UP_TO = 8;

export const check: WorkbookCheck = (tables) => {
  const normal = {
    names: new Map<string, string>(),
    kodes: new Map<string, string | null>(),
    keys: new Map<string, Map<string, string>>(),
  };
  const infos = tables.map((t, order) => describe(t.ctx, order, normal));
  const findings: Finding[] = [];
  const partners = sharingItems(infos);
  for (let i = 0; i < infos.length; i++) for (const j of partners[i]) comparePair(infos[i], infos[j], findings);
  return findings;
};

/**
 * For each table, the later tables that share at least one kode or one name key with it, in
 * order. Every finding of a pair needs a matched row (matchItems), so a pair sharing neither
 * has nothing to say: a workbook of hundreds of sheets no longer compares every table with
 * every other, only those that can match.
 */
function sharingItems(infos: Info[]): number[][] {
  // A pair that shares nothing finds no match and costs one pass over its items, about what
  // indexing its tokens costs: for a few tables, every pair is cheaper than the index.
  if (infos.length <= ALL_PAIRS_UP_TO) return infos.map((_, i) => infos.map((_, j) => j).filter((j) => j > i));
  const holders = new Map<string, number[]>();
  for (let i = 0; i < infos.length; i++) {
    for (const token of tokensOf(infos[i])) {
      const list = holders.get(token);
      if (list === undefined) holders.set(token, [i]);
      else list.push(i);
    }
  }
  const seen = new Int32Array(infos.length).fill(-1);
  return infos.map((info, i) => {
    const out: number[] = [];
    for (const token of tokensOf(info)) {
      for (const j of holders.get(token)!) {
        if (j <= i || seen[j] === i) continue;
        seen[j] = i;
        out.push(j);
      }
    }
    return out.sort((a, b) => a - b);
  });
}

/** The kodes and name keys of every uraian column a comparison of this table may use. */
function tokensOf(info: Info): Set<string> {
  const uraians = new Set<number>();
  for (const m of [null, ...info.money.map((x) => x.col)]) {
    const u = uraianFor(info, m);
    if (u !== null) uraians.add(u);
  }
  const tokens = new Set<string>();
  for (const u of uraians) {
    for (const it of itemsOf(info, u)) {
      if (it.kode !== null) tokens.add(`k${it.kode}`);
      if (it.key !== '') tokens.add(`n${it.key}`);
    }
  }
  return tokens;
}

function classOf(col: TableColumn): MoneyClass | null {
  const text = `${col.group ?? ''} ${col.header}`;
  switch (col.role) {
    case 'pagu':
    case 'kebutuhan':
      return RANCANGAN_AWAL.test(text) ? 'rancangan-awal' : 'rencana';
    case 'anggaran':
      return 'anggaran';
    case 'realisasi-rp':
      return 'realisasi';
    default:
      return null;
  }
}

function describe(ctx: CheckContext, order: number, normal: Info['normal']): Info {
  const money: Info['money'] = [];
  for (const col of ctx.table.columns) {
    const cls = col.money ? classOf(col) : null;
    if (cls === null) continue;
    const p = col.period?.trim().toLowerCase() ?? '';
    money.push({ col, cls, period: PERIOD.test(p) ? p : null, primary: false });
  }
  // The primary column of a class: the plan year n when marked, else the leftmost.
  for (const m of money) {
    const same = money.filter((x) => x.cls === m.cls);
    const n = same.find((x) => x.period === 'n');
    m.primary = (n ?? same.reduce((a, b) => (b.col.col < a.col.col ? b : a))) === m;
  }
  return { ctx, idx: sumIndex(ctx.table), order, money, items: new Map(), normal };
}

/** Lower case, letters and digits only: "KABUPATEN/ KOTA" and "Kabupaten/Kota" are one name. */
export function normaliseName(s: string): string {
  const ascii = asciiName(s);
  if (ascii !== null) return ascii;
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * normaliseName of an ASCII text, null for any other text. Nearly every name is ASCII, and
 * Unicode normalisation and two Unicode regexes per name were a tenth of the check of a
 * three-sheet workbook.
 */
function asciiName(s: string): string | null {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return null;
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "1.06.01.2.01.0001" and "1 6 1 2.1 1" name one row: segments without leading zeros. */
export function normaliseKode(s: string | null): string | null {
  if (s === null) return null;
  const plain = plainKode(s);
  if (plain !== undefined) return plain;
  const parts = s
    .split(/[.\s]+/)
    .filter(Boolean)
    .map((p) => p.replace(/^0+(?=\d)/, ''));
  return parts.length === 0 ? null : parts.join('.');
}

/** normaliseKode of a kode of ASCII digits, dots and spaces, one slice per segment; undefined for any other. */
function plainKode(s: string): string | null | undefined {
  const parts: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46;
    if (c >= 48 && c <= 57) {
      if (start < 0) start = i;
    } else if (c === 46 || c === 32) {
      if (start >= 0) {
        // Leading zeros go, the last digit stays: "0001" is "1", "00" is "0".
        while (start < i - 1 && s.charCodeAt(start) === 48) start++;
        parts.push(s.slice(start, i));
        start = -1;
      }
    } else return undefined;
  }
  return parts.length === 0 ? null : parts.join('.');
}

function uraianFor(info: Info, money: TableColumn | null): number | null {
  const cols = info.ctx.table.columns;
  const named = cols.filter((c) => c.role === 'uraian');
  const pool = named.length > 0 ? named : cols.filter((c) => c.role === 'sasaran');
  if (pool.length === 0) return null;
  const sameGroup = money ? pool.find((c) => c.group !== undefined && c.group === money.group) : undefined;
  return (sameGroup ?? pool[0]).col;
}

function itemsOf(info: Info, uraian: number): Item[] {
  let items = info.items.get(uraian);
  if (items !== undefined) return items;
  const { idx, ctx } = info;
  const nameAt: string[] = [];
  items = [];
  for (let i = 0; i < idx.rows.length; i++) {
    if (!idx.isNode[i]) continue;
    const r = idx.rows[i];
    const raw = cellAt(ctx.sheet, r.row, uraian);
    const name = raw === null ? '' : String(raw).trim();
    nameAt[i] = name;
    let kode: string | null = null;
    if (r.kode !== null) {
      const known = info.normal.kodes.get(r.kode);
      kode = known !== undefined ? known : normaliseKode(r.kode);
      if (known === undefined) info.normal.kodes.set(r.kode, kode);
    }
    items.push({ pos: i, row: r.row, level: r.levelName, name, key: '', kode });
  }
  // Keys that identify one row of the table: its name at its level, else with its parent's name.
  const count = new Map<string, number>();
  const bump = (k: string) => count.set(k, (count.get(k) ?? 0) + 1);
  // Each name is normalised 6 to 8 times below (Unicode normalisation is the cost): once is enough.
  const normalised = info.normal.names;
  const norm = (s: string) => {
    let n = normalised.get(s);
    if (n === undefined) normalised.set(s, (n = normaliseName(s)));
    return n;
  };
  // Each item's own key once; the key with its parent's name only where the own key repeats.
  // One string per key for the whole workbook: the maps below then hash each key only once.
  const keys = info.normal.keys;
  const owns = items.map((it) => {
    const n = norm(it.name);
    if (n === '') return '';
    const level = it.level ?? '?';
    let perLevel = keys.get(n);
    if (perLevel === undefined) keys.set(n, (perLevel = new Map()));
    let key = perLevel.get(level);
    if (key === undefined) perLevel.set(level, (key = `${level}|${n}`));
    return key;
  });
  const path = (it: Item, own: string) => `${own}<${norm(nameAt[idx.parent[it.pos]] ?? '')}`;
  for (const own of owns) if (own !== '') bump(own);
  const paths = items.map((it, k) => (owns[k] !== '' && count.get(owns[k])! > 1 ? path(it, owns[k]) : ''));
  for (const p of paths) if (p !== '') bump(p);
  items.forEach((it, k) => {
    const own = owns[k];
    if (own === '') return;
    it.key = count.get(own) === 1 ? own : count.get(paths[k]) === 1 ? paths[k] : '';
  });
  const kodes = new Map<string, number>();
  for (const it of items) if (it.kode !== null) kodes.set(it.kode, (kodes.get(it.kode) ?? 0) + 1);
  // A kode printed twice ("1 6 1 2.1 2" × 4) names nothing.
  for (const it of items) if (it.kode !== null && kodes.get(it.kode)! > 1) it.kode = null;
  info.items.set(uraian, items);
  return items;
}

interface ItemLookup {
  byKode: Map<string, Item>;
  byKey: Map<string, Item>;
}

/** Built once per item list, not once per pair of tables. */
const lookups = new WeakMap<Item[], ItemLookup>();

function lookupOf(items: Item[]): ItemLookup {
  let l = lookups.get(items);
  if (l === undefined) {
    l = { byKode: new Map(), byKey: new Map() };
    for (const it of items) {
      if (it.kode !== null) l.byKode.set(it.kode, it);
      if (it.key !== '') l.byKey.set(it.key, it);
    }
    lookups.set(items, l);
  }
  return l;
}

/** Pairs of rows that are the same program/kegiatan: by kode when both have one, else by name. */
function matchItems(a: Item[], b: Item[]): [Item, Item][] {
  const { byKode, byKey } = lookupOf(b);
  const used = new Set<Item>();
  const out: [Item, Item][] = [];
  for (const it of a) {
    let m = it.kode !== null ? byKode.get(it.kode) : undefined;
    if (m === undefined && it.key !== '') {
      const byName = byKey.get(it.key);
      if (byName !== undefined && (it.kode === null || byName.kode === null)) m = byName;
    }
    if (m === undefined || used.has(m)) continue;
    used.add(m);
    out.push([it, m]);
  }
  return out;
}

/** Matched rows of one pair of tables, per pair of uraian columns: a pair asks for them more than once. */
type MatchesOf = (ua: number, ub: number) => [Item, Item][];

interface Tops {
  programs: Set<Item>;
  roots: Set<Item>;
}

/** An item list's programs and roots, once per table rather than once per pair. */
const tops = new WeakMap<Item[], Tops>();

/** Top-level items: programs when both tables name them, else each table's roots. */
function topItems(info: Info, items: Item[], programs: boolean): Set<Item> {
  let t = tops.get(items);
  if (t === undefined) {
    t = {
      programs: new Set(items.filter((it) => it.level === 'program')),
      roots: new Set(items.filter((it) => info.idx.parent[it.pos] < 0)),
    };
    tops.set(items, t);
  }
  return programs ? t.programs : t.roots;
}

function sameHierarchy(a: Info, b: Info, matchesOf: MatchesOf): { ia: Item[]; ib: Item[]; matches: [Item, Item][] } | null {
  const ua = uraianFor(a, null);
  const ub = uraianFor(b, null);
  if (ua === null || ub === null) return null;
  const ia = itemsOf(a, ua);
  const ib = itemsOf(b, ub);
  const programs = topItems(a, ia, true).size > 0 && topItems(b, ib, true).size > 0;
  const ta = topItems(a, ia, programs);
  const tb = topItems(b, ib, programs);
  const matches = matchesOf(ua, ub);
  let topMatched = 0;
  for (const [x, y] of matches) if (ta.has(x) && tb.has(y)) topMatched++;
  if (topMatched === 0 || topMatched < Math.min(ta.size, tb.size) * 0.5) return null;
  return { ia, ib, matches };
}

function comparable(x: Info['money'][number], y: Info['money'][number]): { strong: boolean } | null {
  if (x.cls !== y.cls) return null;
  if (x.period !== null && y.period !== null) return x.period === y.period ? { strong: x.col.role === y.col.role } : null;
  return x.primary && y.primary ? { strong: false } : null;
}

function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** An address in another table, qualified by its sheet when that differs. */
function refIn(from: Info, to: Info, row: number, col: number): string {
  const addr = a1(to.ctx.sheet, row, col);
  return from.ctx.sheet.name === to.ctx.sheet.name ? addr : `${sheetRef(to.ctx.sheet.name)}!${addr}`;
}

function tableRef(from: Info, to: Info): string {
  return from.ctx.sheet.name === to.ctx.sheet.name ? to.ctx.table.range : `${sheetRef(to.ctx.sheet.name)}!${to.ctx.table.range}`;
}

function shortName(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

interface Amount {
  pos: number;
  /**
   * Every reading as decimal.js writes it: equal values give equal text (no trailing zeros,
   * one zero), and comparing text allocates nothing, where Decimal#eq copies its argument.
   */
  readings: string[];
  ambiguous: boolean;
}

/** A row's amount is read once per column, not once per table it is compared with. */
const amounts = new WeakMap<MoneyColumn<unknown>, (Amount | null | undefined)[]>();

function amountOf(mc: MoneyColumn<unknown>, idx: SumIndex, pos: number): Amount | null {
  return amountIn(knownAmounts(mc), mc, idx, pos);
}

function knownAmounts(mc: MoneyColumn<unknown>): (Amount | null | undefined)[] {
  let known = amounts.get(mc);
  if (known === undefined) amounts.set(mc, (known = []));
  return known;
}

/** amountOf with the column's cache already in hand: a loop over a column looks it up once. */
function amountIn(known: (Amount | null | undefined)[], mc: MoneyColumn<unknown>, idx: SumIndex, pos: number): Amount | null {
  let a = known[pos];
  if (a === undefined) {
    const state = idx.isNode[pos] ? mc.node[pos] : mc.state[pos];
    a = present(state) ? { pos, readings: readingTexts(mc, idx, pos), ambiguous: mc.readings.has(pos) } : null;
    known[pos] = a;
  }
  return a;
}

/**
 * An amount of a whole-rupiah column is a safe integer, whose text is the same from JavaScript
 * as from decimal.js: the Decimal is not built only to be written.
 */
function readingTexts(mc: MoneyColumn<unknown>, idx: SumIndex, pos: number): string[] {
  const v = idx.isNode[pos] ? mc.nodeValue[pos] : mc.value[pos];
  if (typeof v === 'number' && !mc.readings.has(pos)) return [String(v)];
  return readingsOf(mc, idx, pos).map(String);
}

function agree(x: Amount, y: Amount): boolean {
  if (x.readings.length === 1 && y.readings.length === 1) return x.readings[0] === y.readings[0];
  return x.readings.some((r) => y.readings.includes(r));
}

function comparePair(a: Info, b: Info, out: Finding[]): void {
  const known = new Map<string, [Item, Item][]>();
  const matchesOf: MatchesOf = (ua, ub) => {
    const k = `${ua} ${ub}`;
    let m = known.get(k);
    if (m === undefined) known.set(k, (m = matchItems(itemsOf(a, ua), itemsOf(b, ub))));
    return m;
  };
  const same = sameHierarchy(a, b, matchesOf);
  let money = false;
  for (const x of a.money)
    for (const y of b.money) {
      const c = comparable(x, y);
      if (c === null) continue;
      money = true;
      compareColumns(a, b, x.col, y.col, c.strong, same !== null, matchesOf, out);
    }
  // Only tables about the same money should list the same things: a T-C.29 of last year or an
  // LKjIP beside a Renja legitimately lists other kegiatan.
  if (same !== null && money) compareCounts(a, b, same, out);
}

function compareColumns(
  a: Info,
  b: Info,
  ca: TableColumn,
  cb: TableColumn,
  strong: boolean,
  sameTables: boolean,
  matchesOf: MatchesOf,
  out: Finding[],
): void {
  const ma = moneyColumn(a.ctx, ca);
  const mb = moneyColumn(b.ctx, cb);
  const ua = uraianFor(a, ca);
  const ub = uraianFor(b, cb);
  const nounA = columnNoun(ca);
  const nounB = columnNoun(cb);
  const severity = strong ? 'error' : 'warning';

  if (ua !== null && ub !== null) {
    const pairs: { x: Item; y: Item; ax: Amount; ay: Amount }[] = [];
    let compared = 0;
    const knownA = knownAmounts(ma);
    const knownB = knownAmounts(mb);
    for (const [x, y] of matchesOf(ua, ub)) {
      const ax = amountIn(knownA, ma, a.idx, x.pos);
      const ay = amountIn(knownB, mb, b.idx, y.pos);
      if (ax === null || ay === null) continue;
      compared++;
      if (!agree(ax, ay)) pairs.push({ x, y, ax, ay });
    }
    if (compared >= MIN_FOR_MOSTLY && pairs.length > compared * MOSTLY_DIFFERENT) {
      out.push(
        a.ctx.finding({
          row: a.ctx.table.headerBottom,
          col: ca.col,
          rule: 'antar-tabel',
          severity: 'info',
          actual: null,
          expected: null,
          message:
            `Kolom ${nounA} tabel ini dan kolom ${nounB} tabel ${tableRef(a, b)} berbeda pada ${pairs.length} dari ` +
            `${compared} program/kegiatan yang sama; kemungkinan periodenya berbeda, jadi tidak dibandingkan per baris.`,
        }),
      );
    } else {
      for (const p of pairs) out.push(itemFinding(a, b, ma, mb, p, severity));
    }
  }

  if (sameTables) {
    const ta = lastTotal(ma, a.idx);
    const tb = lastTotal(mb, b.idx);
    if (ta !== null && tb !== null && !agree(ta, tb)) out.push(totalFinding(a, b, ma, mb, ta, tb, severity));
  }
}

/** The last total row with money in this column (a grand total follows its subtotals). */
function lastTotal(mc: MoneyColumn<unknown>, idx: SumIndex): Amount | null {
  for (let k = idx.totals.length - 1; k >= 0; k--) {
    const a = amountOf(mc, idx, idx.totals[k].pos);
    if (a !== null) return a;
  }
  return null;
}

/** The finding sits in the first table unless only the second one's cell is ambiguous. */
function placed(a: Info, b: Info, ax: Amount, ay: Amount) {
  return ay.ambiguous && !ax.ambiguous
    ? { here: b, there: a, h: ay, t: ax, swap: true }
    : { here: a, there: b, h: ax, t: ay, swap: false };
}

function itemFinding(
  a: Info,
  b: Info,
  ma: MoneyColumn<unknown>,
  mb: MoneyColumn<unknown>,
  p: { x: Item; y: Item; ax: Amount; ay: Amount },
  severity: 'error' | 'warning',
): Finding {
  const { here, there, h, t, swap } = placed(a, b, p.ax, p.ay);
  const [mh, mt] = swap ? [mb, ma] : [ma, mb];
  const [ih, it] = swap ? [p.y, p.x] : [p.x, p.y];
  const level = levelLabel(ih.level) ?? 'baris';
  const diff = mh.ops.toDec(mh.nodeValue[h.pos]).minus(mt.ops.toDec(mt.nodeValue[t.pos])).abs();
  const other = refIn(here, there, it.row, mt.column.col);
  const f = here.ctx.finding({
    row: ih.row,
    col: mh.column.col,
    rule: 'antar-tabel',
    severity,
    actual: actualOf(mh, here.idx, h.pos),
    expected: actualOf(mt, there.idx, t.pos),
    message:
      `${capitalise(columnNoun(mh.column))} ${level} "${shortName(ih.name)}" ${shownAmount(mh, here.idx, h.pos)} berbeda ` +
      `dengan ${columnNoun(mt.column)} ${level} yang sama di ${other} ${shownAmount(mt, there.idx, t.pos)} ` +
      `(selisih ${formatNumber(diff)}).`,
  });
  return { ...f, related: [other] };
}

function totalFinding(
  a: Info,
  b: Info,
  ma: MoneyColumn<unknown>,
  mb: MoneyColumn<unknown>,
  ta: Amount,
  tb: Amount,
  severity: 'error' | 'warning',
): Finding {
  const { here, there, h, t, swap } = placed(a, b, ta, tb);
  const [mh, mt] = swap ? [mb, ma] : [ma, mb];
  const diff = mh.ops.toDec(mh.value[h.pos]).minus(mt.ops.toDec(mt.value[t.pos])).abs();
  const other = refIn(here, there, there.idx.rows[t.pos].row, mt.column.col);
  const f = here.ctx.finding({
    row: here.idx.rows[h.pos].row,
    col: mh.column.col,
    rule: 'antar-tabel',
    severity,
    actual: actualOf(mh, here.idx, h.pos),
    expected: actualOf(mt, there.idx, t.pos),
    message:
      `Total ${columnNoun(mh.column)} ${shownAmount(mh, here.idx, h.pos)} berbeda dengan total ` +
      `${columnNoun(mt.column)} di ${other} ${shownAmount(mt, there.idx, t.pos)} (selisih ${formatNumber(diff)}).`,
  });
  return { ...f, related: [other] };
}

const COUNTED: LevelName[] = ['program', 'kegiatan', 'sub-kegiatan'];

function compareCounts(a: Info, b: Info, same: { ia: Item[]; ib: Item[]; matches: [Item, Item][] }, out: Finding[]): void {
  const matchedA = new Set(same.matches.map(([x]) => x));
  const matchedB = new Set(same.matches.map(([, y]) => y));
  const uraian = uraianFor(a, null) ?? 0;
  for (const level of COUNTED) {
    const la = atLevel(same.ia, level);
    const lb = atLevel(same.ib, level);
    if (la.length === 0 || lb.length === 0 || la.length === lb.length) continue;
    const label = levelLabel(level)!;
    let message = `Tabel ini memuat ${la.length} ${label}, sedangkan tabel ${tableRef(a, b)} memuat ${lb.length} ${label}.`;
    const onlyA = la.filter((x) => !matchedA.has(x)).map((x) => x.name);
    const onlyB = lb.filter((y) => !matchedB.has(y)).map((y) => y.name);
    if (onlyA.length > 0) message += ` Hanya di tabel ini: ${names(onlyA)}.`;
    if (onlyB.length > 0) message += ` Hanya di tabel lain: ${names(onlyB)}.`;
    out.push(
      a.ctx.finding({
        row: a.ctx.table.headerTop,
        col: uraian,
        rule: 'antar-tabel',
        severity: 'info',
        actual: String(la.length),
        expected: String(lb.length),
        message,
      }),
    );
  }
}

/** An item list's items per counted level, once per table rather than once per pair. */
const levels = new WeakMap<Item[], Map<LevelName, Item[]>>();

function atLevel(items: Item[], level: LevelName): Item[] {
  let per = levels.get(items);
  if (per === undefined) {
    per = new Map(COUNTED.map((l) => [l, items.filter((x) => x.level === l)]));
    levels.set(items, per);
  }
  return per.get(level) ?? items.filter((x) => x.level === level);
}

function names(list: string[]): string {
  const shown = list
    .slice(0, MAX_NAMES)
    .map((n) => `"${shortName(n)}"`)
    .join(', ');
  return list.length > MAX_NAMES ? `${shown} dan ${list.length - MAX_NAMES} lainnya` : shown;
}
