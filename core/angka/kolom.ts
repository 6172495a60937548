import { Mark, ParsedCell, parseCell } from './parse';

export interface ColumnMarks {
  /** The decimal mark used to read ambiguous single groups in this column. */
  decimalMark: Mark | 'none';
  /** How the choice was made: from the column's own unambiguous cells, or the id-ID default. */
  basis: 'column' | 'default';
  /** How many cells were ambiguous (`1.270`) and so depended on this choice. */
  ambiguousCells: number;
  /** Both styles (`8,220,950,000` and `42.000.000`) occur in the column. */
  mixedStyles: boolean;
}

/**
 * Decide a column's decimal mark from its unambiguous cells (SPEC §1): a column of `16.8`,
 * `41.5` is decimal-dot; a column of `1.270`, `29.822.934.000` is grouping-dot.
 */
export function inferColumnMarks(cells: readonly unknown[]): ColumnMarks {
  const votes = { '.': { grouping: 0, decimal: 0 }, ',': { grouping: 0, decimal: 0 } };
  let ambiguousCells = 0;
  for (const c of cells) {
    const p = parseCell(c);
    if (p.marks.grouping) votes[p.marks.grouping].grouping++;
    if (p.marks.decimal) votes[p.marks.decimal].decimal++;
    if (p.marks.ambiguous) ambiguousCells++;
  }
  const dotDecimal = votes['.'].decimal + votes[','].grouping;
  const commaDecimal = votes[','].decimal + votes['.'].grouping;
  const mixedStyles = votes['.'].grouping > 0 && votes[','].grouping > 0;
  if (dotDecimal > 0 && commaDecimal === 0) return { decimalMark: '.', basis: 'column', ambiguousCells, mixedStyles };
  if (commaDecimal > 0 && dotDecimal === 0) return { decimalMark: ',', basis: 'column', ambiguousCells, mixedStyles };
  if (votes['.'].decimal > 0 && votes[','].decimal === 0 && !mixedStyles)
    return { decimalMark: '.', basis: 'column', ambiguousCells, mixedStyles };
  if (votes[','].decimal > 0 && votes['.'].decimal === 0 && !mixedStyles)
    return { decimalMark: ',', basis: 'column', ambiguousCells, mixedStyles };
  // Mixed evidence: in a column where both marks group thousands, a single group is grouping too.
  if (mixedStyles && votes['.'].decimal === 0 && votes[','].decimal === 0)
    return { decimalMark: 'none', basis: 'column', ambiguousCells, mixedStyles };
  return { decimalMark: ',', basis: 'default', ambiguousCells, mixedStyles };
}

/** Parse every cell of a column with the column's decision applied. */
export function parseColumn(cells: readonly unknown[]): { marks: ColumnMarks; parsed: ParsedCell[] } {
  const marks = inferColumnMarks(cells);
  return { marks, parsed: cells.map((c) => parseCell(c, { decimalMark: marks.decimalMark })) };
}
