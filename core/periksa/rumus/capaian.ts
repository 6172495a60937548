import { Dec } from '../../angka/desimal';
import { formatNumber } from '../../angka/format';
import { capaianCepat } from '../../fungsi/cepat';
import { Arah, capaian } from '../../fungsi/rumus';
import { cellAt } from '../../lembar/model';
import { CheckContext } from '../konteks';
import { declaredSatuan } from '../satuan';
import { Finding } from '../temuan';
import {
  Derivation,
  Input,
  inputOf,
  isExact,
  Judged,
  judgeDerivation,
  Shown,
  shownNumber,
  toleranceFinding,
  VERDICT_RANK,
} from '../toleransi';
import { capaianDariRumus } from './fungsi-sel';
import { checkedRows, computedOf, hint, lazy, showValue } from './hasil';
import { effectiveRole, partner, previousOfRole } from './pasangan';

/*
 * rumus-kolom: capaian = realisasi / target × 100, the direction (arah) read from the indicator,
 * or, where the cell holds our CAPAIAN, from its own arguments (rumus/fungsi-sel.ts).
 */

const LOWER_IS_BETTER =
  /angka kemiskinan|tingkat kemiskinan|penduduk miskin|pengangguran|angka kematian|prevalensi|stunting|angka kesakitan|gini|putus sekolah|\bwaktu\b/i;
const NOT_LOWER =
  /tepat waktu|ketepatan waktu|penurunan|menurun|berkurang|mendapat|tertangani|ditangani|terlayani|dilayani|yang menerima/i;

/** Lower is better only when the indicator clearly says so ("angka kemiskinan", "waktu pelayanan"). */
export function arahOf(indicator: string): Arah {
  return LOWER_IS_BETTER.test(indicator) && !NOT_LOWER.test(indicator) ? 'turun' : 'naik';
}

function capaianWorking(arah: Arah, r: string, t: string): string {
  switch (arah) {
    case 'naik':
      return `${r} / ${t} × 100`;
    case 'turun':
      return `(2 × ${t} − ${r}) / ${t} × 100`;
    case 'turun-rasio':
      return `${t} / ${r} × 100`;
  }
}

function indicatorText(ctx: CheckContext, row: number): string {
  const c = ctx.table.columns.find((x) => x.role === 'indikator');
  return c ? String(cellAt(ctx.sheet, row, c.col) ?? '') : '';
}

const CAPS = [new Dec(100), new Dec(120)];

function capaianDerivation(
  stated: Shown,
  re: Shown,
  t: Shown,
  inputs: () => Input[],
  arah: Arah,
  batas: number | null = null,
): Derivation {
  const divisor = arah === 'turun-rasio' ? re.exactNum : t.exactNum;
  const approx = divisor === 0 ? undefined : capaianCepat(re.exactNum, t.exactNum, arah);
  const cap = batas === null ? null : new Dec(batas);
  return {
    stated,
    approx: approx === undefined || batas === null ? approx : Math.min(approx, batas),
    f: (xs) => {
      const v = capaian(xs[0], xs[1], arah);
      return v === null || cap === null || v.lte(cap) ? v : cap;
    },
    get inputs() {
      return inputs();
    },
  };
}

export function checkCapaian(ctx: CheckContext, handled: Set<number>): Finding[] {
  const out: Finding[] = [];
  const table = ctx.table;
  for (const c of table.columns) {
    if (c.role !== 'capaian' || handled.has(c.col) || effectiveRole(table, c) !== 'capaian') continue;
    if (table.layout === 'renja-tc29') continue; // its percent columns follow the block's inferred formula
    const after = previousOfRole(table, c, 'capaian');
    const tCol = partner(table, c, ['target'], after);
    const rCol = partner(table, c, ['realisasi'], after);
    if (tCol === null || rCol === null) continue;
    handled.add(c.col);
    const arahs = new Map<string, Arah>();
    for (const r of checkedRows(table)) {
      const stated = shownNumber(ctx, r.row, c.col);
      const t = stated && shownNumber(ctx, r.row, tCol.col);
      const re = t && shownNumber(ctx, r.row, rCol.col);
      if (stated === null || t === null || re === null) continue;
      // The cell's own CAPAIAN says how it was computed; the indicator's words are a guess.
      const own = capaianDariRumus(ctx, r.row, c.col);
      const indicator = indicatorText(ctx, r.row);
      let arah = own?.arah ?? arahs.get(indicator);
      if (arah === undefined) arahs.set(indicator, (arah = arahOf(indicator)));
      const inputs = lazy(() => {
        const unitHint = declaredSatuan(ctx, r.row)?.unit ?? null;
        return [inputOf(re, isExact(re, rCol.money, unitHint)), inputOf(t, isExact(t, tCol.money, unitHint))];
      });
      let best: { a: Arah; d: Derivation; judged: Judged } | null = null;
      const candidates: Arah[] = own ? [own.arah] : arah === 'naik' ? ['naik'] : ['turun', 'turun-rasio'];
      for (const a of candidates) {
        const d = capaianDerivation(stated, re, t, inputs, a, own?.batas ?? null);
        const judged = judgeDerivation(d);
        if (judged !== null && (best === null || VERDICT_RANK[judged.verdict] < VERDICT_RANK[best.judged.verdict])) {
          best = { a, d, judged };
        }
      }
      if (best === null || best.judged.verdict === 'consistent') continue;
      const computed = computedOf(best);
      const related = [
        { row: r.row, col: rCol.col },
        { row: r.row, col: tCol.col },
      ];
      const base = { row: r.row, col: c.col, actual: stated.value.toFixed(), related };
      const working = capaianWorking(best.a, showValue(re), showValue(t));
      if (best.judged.verdict === 'wrong' && arah !== 'naik' && !own) {
        const naik = judgeDerivation(capaianDerivation(stated, re, t, inputs, 'naik'), false);
        if (naik?.verdict === 'consistent') {
          out.push(
            ctx.finding({
              ...base,
              rule: 'rumus-kolom',
              severity: 'info',
              expected: computed.toDecimalPlaces(2).toFixed(),
              message: `Capaian dihitung realisasi / target × 100, padahal indikator ini lebih baik bila nilainya turun; dengan rumus indikator turun hasilnya ${formatNumber(computed, { decimals: 2 })} %.`,
            }),
          );
          continue;
        }
      }
      if (best.judged.verdict === 'wrong' && !own && CAPS.some((cap) => stated.value.eq(cap)) && computed.gt(stated.value)) {
        out.push(
          ctx.finding({
            ...base,
            rule: 'rumus-kolom',
            severity: 'info',
            expected: stated.value.toFixed(),
            message: `Capaian tertulis ${formatNumber(stated.value)} %, hasil hitung ${formatNumber(computed, { decimals: 2 })} % (${working}): tampaknya dibatasi ${formatNumber(stated.value)} %.`,
          }),
        );
        continue;
      }
      const f = toleranceFinding({
        ctx,
        row: r.row,
        col: c.col,
        label: 'Capaian',
        stated,
        computed,
        verdict: best.judged.verdict,
        working,
        percent: true,
        related,
        note: own ? `rumus sel: arah "${own.arah}"` : best.a === 'naik' ? undefined : `indikator turun, rumus ${best.a}`,
        hiddenHint: hint(best.d, best.judged.verdict, ['realisasi', 'target']),
      });
      if (f) out.push(f);
    }
  }
  return out;
}
