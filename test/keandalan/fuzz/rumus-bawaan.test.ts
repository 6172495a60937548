import fc from 'fast-check';
import { planRewrite, rewriteFormula, RewriteResult } from '../../../core/rumus-bawaan';
import { parseFormula } from '../../../core/rumus-bawaan/urai';
import { rumusTeks, selAcak } from './bentuk';
import { pengintaiBerkas } from './galat-tersembunyi';
import { RUNS } from './jumlah';
import { kalimatBermasalah, kataDalam, pastikan } from './syarat';

/*
 * Rumus bawaan on formula text as it arrives from a cell: ours and others' functions nested,
 * en-US and id-ID separators, sheet-qualified and structured references, arrays, then a few
 * slipped characters. A formula is rewritten completely or left alone with a reason; what is
 * written back must be a formula we can read again and must hold none of our calls.
 */

const pengintai = pengintaiBerkas();

function hasilBermasalah(formula: string, r: RewriteResult): string[] {
  const allowed = kataDalam(formula);
  if (!r.ok) return kalimatBermasalah(r.reason, allowed, 'alasan');
  if (!r.changed) return r.formula === formula ? [] : [`tanpa perubahan tetapi rumus menjadi ${r.formula}`];
  const out: string[] = [];
  if (r.formula.startsWith('=') !== formula.startsWith('=')) out.push(`tanda "=" berubah: ${r.formula}`);
  if (!(r.calls >= 1)) out.push(`${r.calls} panggilan`);
  if (r.note !== null) out.push(...kalimatBermasalah(r.note, allowed, 'catatan'));
  if (!parseFormula(r.formula).ok) out.push(`rumus bawaan tidak terbaca lagi: ${r.formula}`);
  const again = rewriteFormula(r.formula);
  if (!(again.ok && !again.changed)) out.push(`rumus bawaan masih memuat fungsi kita: ${r.formula}`);
  return out;
}

test('rewriteFormula rewrites all or nothing, never throws, and writes only formulas it can read again', () => {
  fc.assert(
    fc.property(rumusTeks, (formula) => {
      const { value, thrown } = pengintai.watch(() => rewriteFormula(formula));
      pastikan(
        [...thrown.map((t) => `galat di dalam inti: ${t.description} @ ${t.frames.join(' < ')}`), ...hasilBermasalah(formula, value)],
        formula,
      );
    }),
    { numRuns: RUNS.rumus },
  );
});

test('planRewrite accounts for every cell with our call, and keeps a cell whose input is a text number', () => {
  const sel = fc.record({
    sheet: fc.constantFrom('Data', 'Data 2024', "It's"),
    cell: fc.constantFrom('A1', 'F5', 'XFD1048576'),
    formula: rumusTeks,
  });
  fc.assert(
    fc.property(fc.array(sel, { maxLength: 8 }), fc.array(selAcak, { minLength: 1, maxLength: 5 }), (cells, shown) => {
      let asked = 0;
      const { value, thrown } = pengintai.watch(() => planRewrite(cells, () => shown[asked++ % shown.length]));
      const problems = thrown.map((t) => `galat di dalam inti: ${t.description}`);
      const ours = cells.filter((c) => {
        const r = rewriteFormula(c.formula);
        return !r.ok || r.changed;
      });
      if (value.converted.length + value.skipped.length !== ours.length)
        problems.push(`${ours.length} sel, ${value.converted.length} diubah, ${value.skipped.length} dilewati`);
      for (const c of value.converted) {
        const r = rewriteFormula(c.formula);
        if (!(r.ok && r.changed && r.formula === c.native)) problems.push(`${c.cell}: rumus bawaan lain dari rewriteFormula`);
      }
      for (const s of value.skipped) problems.push(...kalimatBermasalah(s.reason, kataDalam([s.formula, shown]), `dilewati ${s.cell}`));
      pastikan(problems, 'planRewrite');
    }),
    { numRuns: Math.round(RUNS.rumus / 6) },
  );
});
