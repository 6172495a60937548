import { formatNumber } from '../angka/format';
import { kodeCellProblems, kodeCellsProblems, KodeProblem, parseNomor, ParsedNomor } from '../hierarki';
import { toRoman } from '../hierarki/nomor';
import { cellText } from '../lembar/model';
import { ColumnRole, LevelName, TableRow } from '../tabel/model';
import { CheckContext, TableCheck } from './konteks';
import { capitalise, LEVEL_LABEL } from './label';
import { Finding } from './temuan';

/**
 * Rule 'hierarki': what the kode and numbering say about the rows, never about the numbers in
 * them. Rows lost between pages (a numbering or code gap), codes used twice, and codes
 * written in a mangled form. None of these is a wrong number, so none is an error: a gap is a
 * warning because the parent's sum can no longer be checked.
 */

const KODE_ROLES: ColumnRole[] = ['kode-urusan', 'kode-bidang', 'kode-program', 'kode-kegiatan', 'kode-sub'];
const KODE_LEVEL: Record<string, LevelName> = {
  'kode-urusan': 'urusan',
  'kode-bidang': 'bidang',
  'kode-program': 'program',
  'kode-kegiatan': 'kegiatan',
  'kode-sub': 'sub-kegiatan',
};
/** A finding names at most this many other cells; the message gives the full count. */
const MAX_RELATED = 50;

export const check: TableCheck = (ctx) => {
  const problems = kodeProblems(ctx);
  return [...gaps(ctx), ...duplicates(ctx, problems), ...mangledKode(ctx, problems)];
};

function labelColumn(ctx: CheckContext): { col: number } {
  const cols = ctx.table.columns;
  const pick = (pred: (role: ColumnRole) => boolean) => cols.find((c) => pred(c.role))?.col;
  const col =
    pick((r) => r === 'nomor') ??
    pick((r) => r === 'kode' || KODE_ROLES.includes(r)) ??
    pick((r) => r === 'uraian' || r === 'sasaran') ??
    cols[0]?.col ??
    0;
  return { col };
}

function kodeColumn(ctx: CheckContext, level: LevelName | null = null): number {
  const own = level === null ? undefined : ctx.table.columns.find((x) => KODE_LEVEL[x.role] === level);
  const c = own ?? ctx.table.columns.find((x) => x.role === 'kode' || KODE_ROLES.includes(x.role));
  return c?.col ?? labelColumn(ctx).col;
}

// ---------------------------------------------------------------------------------------------
// Gaps

function gaps(ctx: CheckContext): Finding[] {
  const rows = ctx.table.rows;
  const byRow = new Map<number, TableRow>();
  for (const r of rows) byRow.set(r.row, r);
  const out: Finding[] = [];
  const lastSibling = new Map<number, TableRow>();
  for (const r of rows) {
    if (r.kind !== 'data' || r.continuation) continue;
    // Siblings share a parent (top-level rows: a block) and a level.
    const siblingKey = ((r.parent ?? -2 - r.block) * 16 + (r.level ?? 15)) | 0;
    const previous = lastSibling.get(siblingKey) ?? null;
    lastSibling.set(siblingKey, r);
    if (!r.gapBefore) continue;
    const parent = r.parent === null ? null : (byRow.get(r.parent) ?? null);
    const text = explainGap(r, parent, previous);
    const useKode = r.nomor === null && r.kode !== null;
    const col = useKode ? kodeColumn(ctx, r.levelName) : labelColumn(ctx).col;
    out.push(
      ctx.finding({
        row: r.row,
        col,
        rule: 'hierarki',
        severity: 'warning',
        actual: r.nomor ?? r.kode,
        expected: text.expected,
        message: text.message,
        related: parent === null ? [] : [{ row: parent.row, col: useKode ? kodeColumn(ctx, parent.levelName) : col }],
      }),
    );
  }
  return out;
}

const UNCHECKABLE = 'jumlah induknya tidak dapat diperiksa.';

function explainGap(r: TableRow, parent: TableRow | null, previous: TableRow | null): { message: string; expected: string | null } {
  const name = r.levelName === null ? 'baris' : LEVEL_LABEL[r.levelName];
  if (r.level !== null && r.level > 0 && (parent === null || (parent.level !== null && parent.level < r.level - 1))) {
    const id = r.nomor ?? r.kode ?? '';
    return {
      message: `Baris hilang? ${capitalise(name)} ${id} tidak mempunyai induk tepat satu tingkat di atasnya: ${UNCHECKABLE}`.replace(
        '  ',
        ' ',
      ),
      expected: null,
    };
  }
  if (r.nomor === null && r.kode !== null && parent !== null && parent.kode !== null && !under(r.kode, parent.kode)) {
    return {
      message: `Kode ${r.kode} tidak berada di bawah kode induknya ${parent.kode}: ada baris yang hilang atau kode tertulis salah; ${UNCHECKABLE}`,
      expected: null,
    };
  }
  const n = r.nomor === null ? null : parseNomor(r.nomor);
  if (n !== null) {
    const pn = parent?.nomor ? parseNomor(parent.nomor) : null;
    if (n.parts.length >= 2 && pn !== null && pn.shape === 'arabic' && !samePrefix(n, pn)) {
      return {
        message: `Nomor ${show(n)} tidak berada di bawah induknya nomor ${show(pn)}: baris induknya mungkin hilang; ${UNCHECKABLE}`,
        expected: null,
      };
    }
    const prev = previous?.nomor ? parseNomor(previous.nomor) : null;
    const v = n.parts[n.parts.length - 1];
    const from = prev !== null && prev.shape === n.shape ? prev.parts[prev.parts.length - 1] + 1 : 1;
    if (v > from) {
      const missing = from === v - 1 ? label(n, from) : `${label(n, from)} ${from === v - 2 ? 'dan' : 'sampai'} ${label(n, v - 1)}`;
      const where = prev !== null && prev.shape === n.shape ? `antara ${show(prev)} dan ${show(n)}` : `sebelum ${show(n)}`;
      return {
        message: `Baris hilang? Nomor ${missing} tidak ada ${where}: ${UNCHECKABLE}`,
        expected: label(n, from),
      };
    }
  }
  return { message: `Baris hilang? Ada nomor atau kode yang terlewati sebelum baris ini: ${UNCHECKABLE}`, expected: null };
}

function samePrefix(n: ParsedNomor, parent: ParsedNomor): boolean {
  const prefix = n.parts.slice(0, -1);
  return prefix.length === parent.parts.length && prefix.every((p, i) => p === parent.parts[i]);
}

function under(kode: string, parentKode: string): boolean {
  const a = keyOf(kode);
  const b = keyOf(parentKode);
  return a.length > b.length && b.every((p, i) => p === a[i]);
}

function keyOf(kode: string): string[] {
  return kode.split('.').map((p) => p.replace(/^0+(?=.)/, ''));
}

/** A number as the table writes it: `II`, `4`, `4.2`, `b`. */
function show(n: ParsedNomor): string {
  if (n.shape === 'roman') return n.text.replace(/[.)]+$/, '').toUpperCase();
  if (n.shape === 'alpha') return String.fromCharCode(96 + n.parts[0]);
  return n.parts.join('.');
}

/** The number `v` at the same place as `n` (`5` for `4`, `4.3` for `4.2`, `III` for `II`). */
function label(n: ParsedNomor, v: number): string {
  if (n.shape === 'roman') return toRoman(v).toUpperCase();
  if (n.shape === 'alpha') return String.fromCharCode(96 + v);
  return [...n.parts.slice(0, -1), v].join('.');
}

// ---------------------------------------------------------------------------------------------
// Duplicates

function duplicates(ctx: CheckContext, problems: Problem[]): Finding[] {
  const out: Finding[] = [];
  const kodeGroups = new Repeats<TableRow>();
  const nomorGroups = new Repeats<TableRow>();
  for (const r of ctx.table.rows) {
    if (r.kind !== 'data' || r.continuation) continue;
    if (r.kode !== null) kodeGroups.add(r.kode, r);
    if (r.nomor !== null) {
      const n = parseNomor(r.nomor);
      if (n !== null) nomorGroups.add(`${r.block}|${r.parent ?? -1}|${n.shape}|${n.parts.join('.')}`, r);
    }
  }
  const mangledRows = new Set(problems.map((p) => p.row));
  for (const sameText of kodeGroups.groups()) {
    // "1.6.1.2.1" may be kegiatan 2.1 or sub kegiatan 1 of kegiatan 2: only the same level repeats.
    const byLevel = new Map<string, TableRow[]>();
    for (const r of sameText) push(byLevel, r.levelName ?? '', r);
    for (const group of byLevel.values()) {
      if (group.length >= 2)
        out.push(
          duplicateKode(
            ctx,
            group,
            group.every((g) => mangledRows.has(g.row)),
          ),
        );
    }
  }
  const nomorCol = labelColumn(ctx).col;
  for (const group of nomorGroups.groups()) {
    const r = group[1];
    out.push(
      ctx.finding({
        row: r.row,
        col: nomorCol,
        rule: 'hierarki',
        severity: 'info',
        actual: r.nomor,
        expected: null,
        message: `Nomor ${r.nomor} dipakai ${formatNumber(group.length)} kali di bawah induk yang sama (${cells(ctx, group, nomorCol)}).`,
        related: related(group, r, nomorCol),
      }),
    );
  }
  return out;
}

function duplicateKode(ctx: CheckContext, group: TableRow[], explained: boolean): Finding {
  const r = group[1];
  const kodeCol = kodeColumn(ctx, r.levelName);
  const name = r.levelName === null ? '' : ` ${LEVEL_LABEL[r.levelName]}`;
  return ctx.finding({
    row: r.row,
    col: kodeCol,
    rule: 'hierarki',
    severity: explained ? 'info' : 'warning',
    actual: r.kode,
    expected: null,
    message:
      `Kode${name} ${r.kode} dipakai ${formatNumber(group.length)} kali (${cells(ctx, group, kodeCol)}): ` +
      (explained
        ? 'kodenya tertulis tidak lengkap, sehingga baris dikenali dari letak dan induknya, bukan dari kode.'
        : 'baris dikenali dari letak dan induknya, bukan dari kode; periksa kode yang benar.'),
    related: related(group, r, kodeCol),
  });
}

/**
 * Values grouped by key, where only keys seen twice or more matter: nearly every kode is
 * unique, and a list per key was most of this rule's time on a 100,000-row table.
 */
class Repeats<V> {
  private readonly first = new Map<string, V>();
  private readonly many = new Map<string, V[]>();

  add(key: string, v: V): void {
    const f = this.first.get(key);
    if (f === undefined) {
      this.first.set(key, v);
      return;
    }
    const list = this.many.get(key);
    if (list) list.push(v);
    else this.many.set(key, [f, v]);
  }

  /** Every group of two or more, in the order its second value came. */
  groups(): IterableIterator<V[]> {
    return this.many.values();
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function cells(ctx: CheckContext, group: TableRow[], col: number): string {
  const shown = group.slice(0, 6).map((g) => ctx.addr(g.row, col));
  return group.length > 6 ? `${shown.join(', ')}, …` : shown.join(', ');
}

function related(group: TableRow[], self: TableRow, col: number): { row: number; col: number }[] {
  return group
    .filter((g) => g !== self)
    .slice(0, MAX_RELATED)
    .map((g) => ({ row: g.row, col }));
}

// ---------------------------------------------------------------------------------------------
// Mangled codes

interface KodeLayout {
  cells: { col: number; level: LevelName }[];
  one: number | null;
}

function kodeLayout(ctx: CheckContext): KodeLayout {
  const cells = ctx.table.columns
    .filter((c) => KODE_LEVEL[c.role] !== undefined)
    .map((c) => ({ col: c.col, level: KODE_LEVEL[c.role] }))
    .sort((a, b) => a.col - b.col);
  const one = ctx.table.columns.find((c) => c.role === 'kode')?.col ?? null;
  return { cells, one };
}

/** The text a kode cell shows: a number formatted "00" shows its leading zero. */
function shownKode(ctx: CheckContext, row: number, col: number): string {
  const v = ctx.sheet.values[row]?.[col];
  const text = cellText(v);
  const fmt = ctx.sheet.numberFormats?.[row]?.[col];
  if (typeof v === 'number' && fmt) {
    if (/^0{2,}$/.test(fmt)) return text.padStart(fmt.length, '0');
    const decimals = /^0\.(0+)$/.exec(fmt);
    if (decimals) return v.toFixed(decimals[1].length);
  }
  return text;
}

interface Problem {
  row: number;
  col: number;
  text: string;
  problem: KodeProblem;
}

function kodeProblems(ctx: CheckContext): Problem[] {
  const layout = kodeLayout(ctx);
  const out: Problem[] = [];
  if (layout.cells.length === 0 && layout.one === null) return out;
  const levels = layout.cells.map((c) => c.level);
  const texts = new Array<string>(layout.cells.length);
  for (const r of ctx.table.rows) {
    if (r.kind !== 'data' || r.kode === null) continue;
    if (layout.cells.length > 0) {
      for (let i = 0; i < texts.length; i++) texts[i] = shownKode(ctx, r.row, layout.cells[i].col);
      for (const p of kodeCellsProblems(texts, levels)) {
        const col = layout.cells[p.part]?.col ?? layout.cells[0].col;
        out.push({ row: r.row, col, text: texts[p.part] ?? '', problem: p });
      }
    } else if (layout.one !== null) {
      const text = shownKode(ctx, r.row, layout.one);
      if (!/^\d+(\.\d+)*$/.test(text)) continue;
      for (const p of kodeCellProblems(text)) out.push({ row: r.row, col: layout.one, text, problem: p });
    }
  }
  return out;
}

function mangledKode(ctx: CheckContext, problems: Problem[]): Finding[] {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) push(groups, `${p.problem.code}|${p.col}`, p);
  const out: Finding[] = [];
  const layout = kodeLayout(ctx);
  for (const list of groups.values()) {
    const first = list[0];
    const level = layout.cells.find((c) => c.col === first.col)?.level ?? null;
    const { message, expected } = describeProblem(first, level, list.length);
    out.push(
      ctx.finding({
        row: first.row,
        col: first.col,
        rule: 'hierarki',
        severity: 'info',
        actual: first.text,
        expected,
        message,
        related: list.slice(1, MAX_RELATED + 1).map((p) => ({ row: p.row, col: p.col })),
      }),
    );
  }
  return out;
}

function describeProblem(p: Problem, level: LevelName | null, count: number): { message: string; expected: string | null } {
  const more = count > 1 ? ` Hal yang sama pada ${formatNumber(count)} baris.` : '';
  const what = level === null ? 'Kode' : `Kode ${LEVEL_LABEL[level]}`;
  switch (p.problem.code) {
    case 'padding': {
      if (level === 'bidang' || level === 'program') {
        const expected = p.text.padStart(2, '0');
        return { message: `${what} '${p.text}' ditulis tanpa angka nol di depan (seharusnya '${expected}').${more}`, expected };
      }
      if (level === 'sub-kegiatan') {
        return {
          message: `${what} '${p.text}' tidak berbentuk dua atau empat angka (mis. '${p.text.padStart(2, '0')}' atau '${p.text.padStart(4, '0')}').${more}`,
          expected: null,
        };
      }
      return { message: `Kode '${p.text}' mempunyai bagian tanpa angka nol di depan (mis. '6' untuk '06').${more}`, expected: null };
    }
    case 'kegiatan-form':
      return {
        message: `${what} '${p.text}' tidak berbentuk X.XX (mis. 2.01 atau 2.10): angka nol mungkin hilang karena format angka, sehingga kode bisa sama untuk kegiatan yang berbeda.${more}`,
        expected: null,
      };
    case 'hole':
      return {
        message: `Sel kode kosong di tengah atau kode bergeser satu sel; tingkat baris dibaca dari jumlah bagian kodenya.${more}`,
        expected: null,
      };
    case 'depth':
      return {
        message: `Kode '${p.text}' tidak mempunyai jumlah bagian yang lazim (urusan.bidang.program.kegiatan.sub).${more}`,
        expected: null,
      };
    default:
      return { message: `Kode '${p.text}' tertulis tidak lazim.${more}`, expected: null };
  }
}
