import { Dec } from '../../angka/desimal';
import { formatNumber } from '../../angka/format';
import { Table, TableRow } from '../../tabel/model';
import { Derivation, hiddenValue, Judged, Shown, Verdict } from '../toleransi';

/* What every rumus-kolom part shares: the rows checked, and how a recomputed value is shown. */

/** The exact result: kept from judging, or computed now for a message. */
export function computedOf(res: { d: Derivation; judged: Judged }): Dec {
  return res.judged.computed ?? res.d.f(res.d.inputs.map((x) => x.value))!;
}

export function showValue(s: Shown): string {
  return formatNumber(s.value, { decimals: s.decimals });
}

export function hint(d: Derivation, verdict: Verdict, names: string[]): string | null {
  if (verdict !== 'hidden-digits') return null;
  for (let i = 0; i < d.inputs.length; i++) {
    const v = hiddenValue(d.f, d.inputs, i, d.stated);
    if (v !== null) return `${names[i]} sebenarnya ${formatNumber(v)}`;
  }
  return null;
}

export function checkedRows(table: Table): TableRow[] {
  return table.rows.filter((r) => r.kind === 'data' || r.kind === 'total');
}

export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
