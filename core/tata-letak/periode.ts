import { ColumnRole, LayoutId } from '../tabel/model';

/**
 * Periods that tell apart columns of one role: "renstra", "n", "n+1", "n-2", "s/d n-1", a
 * year, or the group name for side-by-side blocks. Renja tables name years ("Renja Tahun
 * 2020"); the plan year n is found from the table itself: the Prakiraan Maju year minus one,
 * for T-C.29 the latest year named plus one (its last column is "s/d tahun berjalan", n-1).
 */

export interface PeriodColumn {
  role: ColumnRole;
  parts: string[];
  period?: string;
}

const RANGE = /(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)\d{2}/g;
const YEAR = /(?:^|[^\d])((?:19|20)\d{2})(?!\d)/g;
const LITERAL = /(?:^|[\s(])n\s*(?:([+\-−–])\s*(\d))?(?=$|[\s),])/;
const SD = /\bs\s*\/\s*d\b|\bsd\b|sampai\s+dengan/;
const PAIR_SUB = /^\(?\s*(k|rp\.?|%|kinerja|keuangan|fisik)\s*\)?\s*(\(\s*(%|rp\.?)\s*\))?$/;
const MAJU = /pr[ae]kiraan\s+maju|perkiraan\s+maju/;

export function singleYears(text: string): number[] {
  const out: number[] = [];
  const stripped = text.replace(RANGE, ' ');
  for (const m of stripped.matchAll(YEAR)) out.push(Number(m[1]));
  return out;
}

/** The plan year n of a Renja table, or null when the table does not say. */
export function planYear(columns: readonly PeriodColumn[], layout: LayoutId): number | null {
  for (const c of columns) {
    const text = c.parts.join(' ').toLowerCase();
    if (!MAJU.test(text)) continue;
    const years = singleYears(text);
    if (years.length > 0) return years.reduce((a, b) => Math.max(a, b)) - 1;
  }
  const all: number[] = [];
  // Loops, not spreads: a header text can hold any number of years, as arguments they overflow the stack.
  for (const c of columns) for (const y of singleYears(c.parts.join(' '))) all.push(y);
  if (all.length === 0) return null;
  if (layout === 'renja-tc29') return all.reduce((a, b) => Math.max(a, b)) + 1;
  if (layout === 'renja-tc33' || layout === 'renja-triwulan') return all.reduce((a, b) => Math.min(a, b));
  return null;
}

/** Fill `period` on every column whose role occurs more than once. */
export function assignPeriods(columns: PeriodColumn[], layout: LayoutId): void {
  const count = new Map<ColumnRole, number>();
  for (const c of columns) count.set(c.role, (count.get(c.role) ?? 0) + 1);
  const n = planYear(columns, layout);
  for (const c of columns) {
    if ((count.get(c.role) ?? 0) < 2 || c.role === 'tw-k' || c.role === 'tw-rp' || c.role === 'lainnya') continue;
    const p = periodOf(c.parts, n);
    if (p !== null) c.period = p;
  }
}

function periodOf(parts: readonly string[], n: number | null): string | null {
  const sub = (parts[parts.length - 1] ?? '').toLowerCase();
  const group = parts.slice(0, -1).join(' | ');
  const groupLower = group.toLowerCase();
  // "K" and "Rp" under a group say nothing of the period: the group describes the pair.
  const own = PAIR_SUB.test(sub) ? groupLower : sub;
  const sd = SD.test(own) ? 's/d ' : '';
  for (const text of [sub, groupLower]) {
    const m = LITERAL.exec(text);
    if (m) return sd + (m[1] === undefined ? 'n' : `n${m[1] === '+' ? '+' : '-'}${m[2]}`);
  }
  if (own.includes('renstra')) return 'renstra';
  for (const text of [sub, groupLower]) {
    const years = singleYears(text);
    if (years.length > 0) {
      const y = years[years.length - 1];
      return n === null ? sd + String(y) : sd + relative(y - n);
    }
  }
  const all = `${sub} ${groupLower}`;
  if (n !== null || all.includes('tahun')) {
    if (all.includes('tahun berjalan')) return sd + 'n-1';
    if (all.includes('tahun lalu')) return sd + 'n-2';
  }
  if (MAJU.test(all)) return 'n+1';
  if (n !== null) return 'n';
  return group === '' ? null : group;
}

function relative(k: number): string {
  if (k === 0) return 'n';
  return k > 0 ? `n+${k}` : `n${k}`;
}
