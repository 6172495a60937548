import { roundHalfUp } from '../angka/desimal';
import { formatNumber } from '../angka/format';
import { classify, findSkala, SKALA_BAWAAN, Skala } from '../fungsi/skala';
import { cellAt } from '../lembar/model';
import { TableColumn } from '../tabel/model';
import { CheckContext, TableCheck } from './konteks';
import { columnsOfRole, nearestOfRole } from './rumus/pasangan';
import { Finding } from './temuan';
import { predikatDariRumus } from './rumus/fungsi-sel';
import { shownNumber } from './toleransi';

/**
 * Rule 'predikat' (error): the stated label must be the one the scale gives for the stated
 * capaian as shown (the label was given for the number the reader sees). The scale is the
 * workbook's own scale table, else the one whose labels the table itself uses, else the
 * user's choice, else Permendagri 86/2017.
 */

export function normalizeLabel(s: string): string {
  return s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[.,;:]+$/, '');
}

function labelsOf(skala: Skala): Set<string> {
  return new Set(skala.bands.map((b) => normalizeLabel(b.label)));
}

/** The built-in scale a set of labels comes from, if they clearly come from one. */
export function inferSkala(labels: ReadonlySet<string>): Skala | null {
  const has = (...xs: string[]) => xs.some((x) => labels.has(x));
  if (has('melampaui target', 'melampaui')) return SKALA_BAWAAN.melampaui;
  if (has('sangat berhasil', 'berhasil', 'cukup berhasil', 'kurang berhasil')) return SKALA_BAWAAN.berhasil;
  if (has('aa', 'bb', 'cc')) return SKALA_BAWAAN.sakip;
  if (has('sangat tinggi', 'tinggi', 'sedang', 'rendah', 'sangat rendah')) return SKALA_BAWAAN.permendagri86;
  return null;
}

interface ChosenSkala {
  skala: Skala;
  /** Said after the scale's title in messages. */
  basis: string;
  /** Whether the table's labels were seen to belong to the scale. */
  recognised: boolean;
}

function chooseSkala(ctx: CheckContext, labels: ReadonlySet<string>): ChosenSkala {
  const overlaps = (s: Skala) => [...labels].some((l) => labelsOf(s).has(l));
  const inferred = inferSkala(labels);
  if (ctx.workbookSkala !== null && (overlaps(ctx.workbookSkala) || inferred === null)) {
    return { skala: ctx.workbookSkala, basis: '', recognised: overlaps(ctx.workbookSkala) };
  }
  if (inferred !== null) return { skala: inferred, basis: ', skala yang sesuai dengan predikat di tabel ini', recognised: true };
  const chosen = ctx.options.skala ? findSkala(ctx.options.skala) : undefined;
  if (chosen) return { skala: chosen, basis: ', skala yang dipilih', recognised: overlaps(chosen) };
  return { skala: SKALA_BAWAAN.permendagri86, basis: ', skala bawaan', recognised: overlaps(SKALA_BAWAAN.permendagri86) };
}

/** "capaian ≥ 100", "75 ≤ capaian < 100", "capaian < 55": the band of a label, for the message. */
export function bandText(skala: Skala, label: string): string {
  const i = skala.bands.findIndex((b) => b.label === label);
  if (i < 0) return '';
  const b = skala.bands[i];
  const above = i > 0 ? skala.bands[i - 1] : null;
  const upper = above?.min ? ` ${above.inclusive ? '<' : '≤'} ${formatNumber(above.min)}` : '';
  if (b.min === null) return `capaian${upper}`;
  const lower = `${formatNumber(b.min)} ${b.inclusive ? '≤' : '<'} capaian`;
  return upper ? `${lower}${upper}` : `capaian ${b.inclusive ? '≥' : '>'} ${formatNumber(b.min)}`;
}

function capaianFor(ctx: CheckContext, p: TableColumn): TableColumn | null {
  return nearestOfRole(ctx.table, p, 'capaian') ?? columnsOfRole(ctx.table, 'capaian')[0] ?? null;
}

export const check: TableCheck = (ctx) => {
  const out: Finding[] = [];
  for (const p of ctx.table.columns) {
    if (p.role !== 'predikat') continue;
    const capCol = capaianFor(ctx, p);
    if (capCol === null) continue;
    const rows: { row: number; label: string }[] = [];
    const labels = new Set<string>();
    for (const r of ctx.table.rows) {
      if (r.kind !== 'data' && r.kind !== 'total') continue;
      const label = String(cellAt(ctx.sheet, r.row, p.col) ?? '').trim();
      if (label === '' || label === '-') continue;
      rows.push({ row: r.row, label });
      labels.add(normalizeLabel(label));
    }
    if (rows.length === 0) continue;
    const chosen = chooseSkala(ctx, labels);
    // A cell holding our PREDIKAT names its own skala (and desimal): that is what it was computed with.
    const own = new Map(rows.map(({ row }) => [row, predikatDariRumus(ctx, row, p.col)]));
    const allOwn = rows.every(({ row }) => own.get(row) !== null);
    if (!chosen.recognised && !allOwn) {
      const { skala, basis } = chosen;
      out.push(
        ctx.finding({
          row: rows[0].row,
          col: p.col,
          rule: 'predikat',
          severity: 'warning',
          actual: rows[0].label,
          expected: null,
          message: `Predikat di kolom ini tidak ada dalam skala ${skala.title}${basis}; predikat tidak diperiksa. Sertakan tabel skala di buku kerja atau pilih skalanya.`,
        }),
      );
      continue;
    }
    for (const { row, label } of rows) {
      const cap = shownNumber(ctx, row, capCol.col);
      if (cap === null) continue;
      const formula = own.get(row) ?? null;
      if (formula === null && !chosen.recognised) continue;
      const skala = formula?.skala ?? chosen.skala;
      const basis = formula ? ', skala yang disebut rumus sel ini' : chosen.basis;
      const value = formula?.desimal != null ? roundHalfUp(cap.value, formula.desimal) : cap.value;
      const expected = classify(skala, value);
      if (normalizeLabel(expected) === normalizeLabel(label)) continue;
      out.push(
        ctx.finding({
          row,
          col: p.col,
          rule: 'predikat',
          severity: 'error',
          actual: label,
          expected,
          related: [{ row, col: capCol.col }],
          message: `Predikat tertulis "${label}" untuk capaian ${formatNumber(value, { decimals: formula?.desimal ?? cap.decimals })} %, seharusnya "${expected}" (${bandText(skala, expected)}) menurut skala ${skala.title}${basis}.`,
        }),
      );
    }
  }
  return out;
};
