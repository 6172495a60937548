import { ColumnRole, Table, TableColumn, TableRow } from '../../tabel/model';
import { CheckContext } from '../konteks';
import { Finding } from '../temuan';
import { fits } from '../toleransi';
import { columnsOf, Expr, parseFormula } from './ekspresi';
import { checkedRows } from './hasil';
import { evaluateFormulaRow, FormulaSpec, labelledColumns, makeSpec, reportFormulaRow } from './kolom-nomor';

/*
 * rumus-kolom in a T-C.29 table: the formulas are not written, so each block's formula is
 * inferred from its own rows among the Permendagri 86/2017 candidates.
 */

/** Formulas a T-C.29 uses without writing them, per result column (Permendagri 86/2017 numbering). */
const TC29_CANDIDATES: Record<string, string[]> = {
  '8': ['7/6*100'],
  '11': ['10/4*100', '(5+7)/4*100', '(5+7+10)/4*100'],
};

/** T-C.29 column numbers 1..11: from the number row, else from the order of the roles. */
function tc29Numbers(table: Table): Map<string, TableColumn> | null {
  const byLabel = labelledColumns(table);
  if (['4', '5', '6', '7', '8', '10', '11'].every((k) => byLabel.has(k))) return byLabel;
  const ordered = (role: ColumnRole) => table.columns.filter((c) => c.role === role).sort((a, b) => a.col - b.col);
  const t = ordered('target');
  const r = ordered('realisasi');
  const c = ordered('capaian');
  if (t.length !== 3 || r.length !== 3 || c.length !== 2) return null;
  return new Map([
    ['4', t[0]],
    ['5', r[0]],
    ['6', t[1]],
    ['7', r[1]],
    ['8', c[0]],
    ['9', t[2]],
    ['10', r[2]],
    ['11', c[1]],
  ]);
}

/**
 * The candidate most rows of a block fit. Ranked first without intervals (one double
 * comparison per row); only when no candidate fits half the rows that way are the
 * hidden-digit bands computed.
 */
function bestCandidate(ctx: CheckContext, specs: FormulaSpec[], rows: TableRow[]): { spec: FormulaSpec; evaluable: number } | null {
  for (const withInterval of [false, true]) {
    let best: { spec: FormulaSpec; evaluable: number; fit: number; exact: number } | null = null;
    for (const spec of specs) {
      let fit = 0;
      let exact = 0;
      let evaluable = 0;
      for (const r of rows) {
        const res = evaluateFormulaRow(ctx, spec, r.row, withInterval);
        if (res === null) continue;
        evaluable++;
        if (fits(res.judged.verdict)) fit++;
        if (res.judged.verdict === 'consistent') exact++;
      }
      if (best === null || fit > best.fit || (fit === best.fit && exact > best.exact)) best = { spec, evaluable, fit, exact };
    }
    // A candidate that most rows of the block contradict is not the block's formula.
    if (best !== null && best.fit > 0 && best.fit * 2 >= best.evaluable) return best;
  }
  return null;
}

export function checkTc29(ctx: CheckContext, handled: Set<number>): Finding[] {
  const numbers = tc29Numbers(ctx.table);
  if (numbers === null) return [];
  const out: Finding[] = [];
  const blocks = new Map<number, TableRow[]>();
  for (const r of checkedRows(ctx.table)) {
    const list = blocks.get(r.block);
    if (list) list.push(r);
    else blocks.set(r.block, [r]);
  }
  for (const [key, candidates] of Object.entries(TC29_CANDIDATES)) {
    const col = numbers.get(key);
    if (col === undefined || col.numberFormula || handled.has(col.col)) continue;
    handled.add(col.col);
    const specs = candidates
      .map((text) => parseFormula(text, (k) => numbers.has(k)))
      .filter((e): e is Expr => e !== null && columnsOf(e).every((k) => numbers.has(k)))
      .map((e) => makeSpec(ctx, col, e, numbers, key, true));
    for (const rows of blocks.values()) {
      const best = bestCandidate(ctx, specs, rows);
      if (best === null) continue;
      for (const r of rows) {
        const res = evaluateFormulaRow(ctx, best.spec, r.row);
        const f = res && reportFormulaRow(ctx, best.spec, res);
        if (f) out.push(f);
      }
    }
  }
  return out;
}
