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
 * Decide a column's decimal mark from its unambiguous cells (docs/angka.md): a column of `16.8`,
 * `41.5` is decimal-dot; a column of `1.270`, `29.822.934.000` is grouping-dot.
 */
export function inferColumnMarks(cells: readonly unknown[]): ColumnMarks {
  return marksOf(cells.map((c) => parseCell(c)));
}

/** The column's decision from its cells already parsed without one (`parseCell(cell)`). */
export function marksOf(parsed: readonly ParsedCell[]): ColumnMarks {
  const votes = { '.': { grouping: 0, decimal: 0 }, ',': { grouping: 0, decimal: 0 } };
  let ambiguousCells = 0;
  for (const p of parsed) {
    if (p.marks.grouping) votes[p.marks.grouping].grouping++;
    if (p.marks.decimal) votes[p.marks.decimal].decimal++;
    if (p.marks.ambiguous) ambiguousCells++;
  }
  const mixedStyles = votes['.'].grouping > 0 && votes[','].grouping > 0;
  const marks = (decimalMark: ColumnMarks['decimalMark'], basis: ColumnMarks['basis']): ColumnMarks => ({
    decimalMark,
    basis,
    ambiguousCells,
    mixedStyles,
  });
  // Both marks group thousands (`8,220,950,000` and `42.000.000`): the column is money typed
  // in two styles, and a single group is a thousands group whichever mark it uses.
  if (mixedStyles) return marks('none', 'column');
  // Each certain cell votes for a decimal mark: `16.8` for '.', `29.822.934.000` for ','.
  // The majority wins, so one stray `16.8` does not flip a column of id-ID money.
  const dotDecimal = votes['.'].decimal + votes[','].grouping;
  const commaDecimal = votes[','].decimal + votes['.'].grouping;
  if (dotDecimal > commaDecimal) return marks('.', 'column');
  if (commaDecimal > dotDecimal) return marks(',', 'column');
  return marks(',', 'default');
}

/**
 * A cell read without the column's decision, read again with it. Only an ambiguous single
 * group (`1.270`) depends on the decision, so every other cell keeps its first reading.
 */
export function withColumnMarks(first: ParsedCell, cell: unknown, marks: ColumnMarks): ParsedCell {
  return first.marks.ambiguous === null ? first : parseCell(cell, { decimalMark: marks.decimalMark });
}

/** Parse every cell of a column with the column's decision applied. */
export function parseColumn(cells: readonly unknown[]): { marks: ColumnMarks; parsed: ParsedCell[] } {
  const first = cells.map((c) => parseCell(c));
  const marks = marksOf(first);
  return { marks, parsed: first.map((p, i) => withColumnMarks(p, cells[i], marks)) };
}
