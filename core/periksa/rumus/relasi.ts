import { Dec } from '../../angka/desimal';
import { formatNumber } from '../../angka/format';
import { columnLetters } from '../../lembar/model';
import { Relation, RelationKind, TableColumn } from '../../tabel/model';
import { effectiveRole, MONEY_BASE, partner } from './pasangan';
import { recordRelationColumn } from '../cakupan';
import { CheckContext } from '../konteks';
import { Finding } from '../temuan';
import { Derivation, inputOf, isExact, judgeDerivation, shownNumber, toleranceFinding } from '../toleransi';
import { computedOf, showValue } from './hasil';

/* rumus-kolom: the relations the table's own numbers show (tata-letak/relasi.ts). */

const HUNDRED = new Dec(100);
const TWO = new Dec(2);

const FORMULA: Record<RelationKind, (xs: Dec[]) => Dec | null> = {
  persen: ([a, b]) => (b.isZero() ? null : a.div(b).times(HUNDRED)),
  'rasio-balik': ([a, b]) => (a.isZero() ? null : b.div(a).times(HUNDRED)),
  'persen-turun': ([a, b]) => (b.isZero() ? null : TWO.times(b).minus(a).div(b).times(HUNDRED)),
  efisiensi: ([a, b]) => (b.isZero() ? null : new Dec(1).minus(a.div(b)).times(HUNDRED)),
  selisih: ([a, b]) => a.minus(b),
  jumlah: (xs) => xs.reduce((s, x) => s.plus(x), new Dec(0)),
  'jumlah-anak': () => null, // checked by jumlah-induk once the column is money
};

const PERCENT = new Set<RelationKind>(['persen', 'rasio-balik', 'persen-turun', 'efisiensi']);

/** "F = D / C × 100" in the sheet's column letters. */
export function relationText(ctx: CheckContext, r: Relation, show: (col: number) => string = (c) => letterOf(ctx, c)): string {
  const [a, b] = r.operands.map(show);
  const t = show(r.target);
  switch (r.kind) {
    case 'persen':
      return `${t} = ${a} / ${b} × 100`;
    case 'rasio-balik':
      return `${t} = ${b} / ${a} × 100`;
    case 'persen-turun':
      return `${t} = (2 × ${b} − ${a}) / ${b} × 100`;
    case 'efisiensi':
      return `${t} = (1 − ${a} / ${b}) × 100`;
    case 'selisih':
      return `${t} = ${a} − ${b}`;
    case 'jumlah':
      return `${t} = ${r.operands.map(show).join(' + ')}`;
    case 'jumlah-anak':
      return `${t} induk = Σ rinciannya`;
  }
}

export function letterOf(ctx: CheckContext, col: number): string {
  return columnLetters((ctx.sheet.origin?.col ?? 0) + col);
}

/** "kolom F = D / C × 100 pada 61 dari 64 baris". */
export function supportText(ctx: CheckContext, r: Relation): string {
  return `kolom ${relationText(ctx, r)} pada ${rowsText(r)}`;
}

/** "61 dari 64 baris", or for a large table "1.990 dari 2.000 baris contoh (tabel 50.000 baris)". */
export function rowsText(r: Relation): string {
  const n = (x: number) => formatNumber(x);
  const base = `${n(r.holds)} dari ${n(r.rows)} baris`;
  return r.sampledFrom === undefined ? base : `${base} contoh (tabel ${n(r.sampledFrom)} baris)`;
}

/**
 * Columns another rule already checks by its header words (capaian, serapan, sisa, a
 * number-row formula, the triwulan shares) keep that check: header words decide where they are
 * clear. A relation is checked here only on a column nothing else checks.
 */
/**
 * Columns whose header words name a formula the numbers do not follow, while the numbers
 * follow another on a clear majority of rows ("Lebih / (Kurang)" read as sisa = pagu −
 * realisasi, when the table writes realisasi − anggaran): the numbers win. Maps the column to
 * what the header said, for the finding.
 */
export function overruledByNumbers(ctx: CheckContext): Map<number, string> {
  const out = new Map<number, string>();
  const table = ctx.table;
  for (const r of table.relations ?? []) {
    const c = table.columns.find((x) => x.col === r.target);
    if (c === undefined) continue;
    const role = effectiveRole(table, c);
    const set = (cols: (TableColumn | null)[]) => cols.map((x) => x?.col ?? -1);
    if (role === 'sisa') {
      const [base, real] = set([partner(table, c, MONEY_BASE), partner(table, c, ['realisasi-rp'])]);
      if (base < 0 || real < 0) continue;
      if (!(r.kind === 'selisih' && r.operands[0] === base && r.operands[1] === real)) out.set(c.col, 'sisa = pagu − realisasi');
    } else if (role === 'serapan') {
      const [real, base] = set([partner(table, c, ['realisasi-rp']), partner(table, c, MONEY_BASE)]);
      if (base < 0 || real < 0) continue;
      if (!(r.kind === 'persen' && r.operands[0] === real && r.operands[1] === base))
        out.set(c.col, 'serapan = realisasi / anggaran × 100');
    }
  }
  return out;
}

export function checkRelations(ctx: CheckContext, handled: Set<number>, overruled: Map<number, string> = new Map()): Finding[] {
  const out: Finding[] = [];
  const table = ctx.table;
  const byCol = new Map(table.columns.map((c) => [c.col, c]));
  // A cell found wrong by one relation is not the fault of a relation that uses it as input.
  const broken = new Set<string>();
  for (const r of table.relations ?? []) {
    const target = byCol.get(r.target);
    if (r.kind === 'jumlah-anak') continue;
    if (target === undefined || (handled.has(r.target) && !overruled.has(r.target)) || coveredByTriwulan(r, byCol)) continue;
    const operands = r.operands.map((c) => byCol.get(c)).filter((c): c is TableColumn => c !== undefined);
    if (operands.length !== r.operands.length) continue;
    handled.add(r.target);
    recordRelationColumn(ctx, r.target);
    const f = FORMULA[r.kind];
    const percent = PERCENT.has(r.kind);
    const header = target.header.split(' | ').pop() ?? '';
    const label = header === '' ? `Kolom ${letterOf(ctx, r.target)}` : `Kolom ${letterOf(ctx, r.target)} (${header})`;
    let note = `${supportText(ctx, r)}, disimpulkan dari angka tabel`;
    const header0 = overruled.get(r.target);
    if (header0 !== undefined) note += `; judul kolom menunjuk rumus ${header0}, tetapi angka tabel mengikuti hubungan ini`;
    if (r.headerRole !== undefined && r.headerRole !== 'lainnya')
      note += `; judul kolom terbaca sebagai ${r.headerRole}, tetapi angkanya persentase, jadi kolom ini tidak dijumlahkan`;
    for (const row of table.rows) {
      if (row.kind !== 'data' && row.kind !== 'total' && row.kind !== 'summary') continue;
      const stated = shownNumber(ctx, row.row, r.target);
      if (stated === null) continue;
      const shown = operands.map((c) => shownNumber(ctx, row.row, c.col));
      if (shown.some((s) => s === null)) continue;
      const inputs = shown.map((s, i) => inputOf(s!, isExact(s!, operands[i].money)));
      const d: Derivation = { stated, approx: undefined, f, inputs };
      const judged = judgeDerivation(d);
      if (judged === null || judged.verdict === 'consistent') continue;
      if (judged.verdict === 'wrong') {
        broken.add(`${row.row}:${r.target}`);
        if (r.operands.some((c) => broken.has(`${row.row}:${c}`))) continue;
      }
      const working = workingOf(
        r.kind,
        shown.map((s) => showValue(s!)),
      );
      // A capaian of an indicator where lower is better follows Rumus 2 (or the SIPD ratio) on
      // its own row: that is the row's direction, not an error of the cell.
      const other = judged.verdict === 'wrong' && r.kind === 'persen' ? otherDirection(stated, inputs) : null;
      if (other !== null) {
        const alt = workingOf(
          other,
          shown.map((s) => showValue(s!)),
        );
        out.push(
          ctx.finding({
            row: row.row,
            col: r.target,
            rule: 'rumus-kolom',
            severity: 'info',
            actual: stated.value.toFixed(),
            expected: null,
            message: `${label} tertulis ${formatNumber(stated.value, { decimals: stated.decimals })}: tidak sesuai ${relationText(ctx, r)} (${working}), tetapi sesuai rumus indikator yang makin kecil makin baik (${alt}); pastikan arah indikator baris ini (${note}).`,
            related: operands.map((c) => ({ row: row.row, col: c.col })),
          }),
        );
        continue;
      }
      if (!percent && judged.verdict === 'wrong') {
        // A sum or difference is shown with the decimals of its own cells, not a percent's two.
        const computed = computedOf({ d, judged });
        const k = Math.max(stated.decimals, ...inputs.map((x) => x.decimals));
        out.push(
          ctx.finding({
            row: row.row,
            col: r.target,
            rule: 'rumus-kolom',
            severity: 'error',
            actual: stated.value.toFixed(),
            expected: computed.toFixed(),
            // A sum may be wrong in any of its cells (a pagu, or the Rp of one triwulan): it
            // names the disagreement without blaming the total.
            message:
              r.kind === 'jumlah'
                ? `${label} tertulis ${formatNumber(stated.value, { decimals: stated.decimals })}, tidak sama dengan jumlah ${working} = ${formatNumber(computed, { decimals: k })} (selisih ${formatNumber(stated.value.minus(computed).abs(), { decimals: k })}; ${note}).`
                : `${label} tertulis ${formatNumber(stated.value, { decimals: stated.decimals })}, seharusnya ${formatNumber(computed, { decimals: k })} (${working}; ${note}).`,
            related: operands.map((c) => ({ row: row.row, col: c.col })),
          }),
        );
        continue;
      }
      const finding = toleranceFinding({
        ctx,
        row: row.row,
        col: r.target,
        label,
        stated,
        computed: computedOf({ d, judged }),
        verdict: judged.verdict,
        working,
        percent: percent && stated.cell.kind === 'percent',
        related: operands.map((c) => ({ row: row.row, col: c.col })),
        note,
      });
      if (finding) out.push(finding);
    }
  }
  return out;
}

/** The lower-is-better form a row's percent fits instead, if any. */
function otherDirection(stated: Derivation['stated'], inputs: Derivation['inputs']): RelationKind | null {
  for (const kind of ['persen-turun', 'rasio-balik'] as const) {
    const judged = judgeDerivation({ stated, approx: undefined, f: FORMULA[kind], inputs });
    if (judged !== null && judged.verdict !== 'wrong') return kind;
  }
  return null;
}

function workingOf(kind: RelationKind, xs: string[]): string {
  switch (kind) {
    case 'persen':
      return `${xs[0]} / ${xs[1]} × 100`;
    case 'rasio-balik':
      return `${xs[1]} / ${xs[0]} × 100`;
    case 'persen-turun':
      return `(2 × ${xs[1]} − ${xs[0]}) / ${xs[1]} × 100`;
    case 'efisiensi':
      return `(1 − ${xs[0]} / ${xs[1]}) × 100`;
    case 'selisih':
      return `${xs[0]} − ${xs[1]}`;
    case 'jumlah':
    case 'jumlah-anak':
      return xs.join(' + ');
  }
}

/** K and Rp per triwulan against the row's pagu are the triwulan rule's. */
function coveredByTriwulan(r: Relation, byCol: Map<number, TableColumn>): boolean {
  const roles = [r.target, ...r.operands].map((c) => byCol.get(c)?.role);
  return roles.some((x) => x === 'tw-k' || x === 'tw-rp');
}
