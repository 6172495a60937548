import { columnLetters } from '../../core/lembar/model';

/**
 * A shared formula is written once, on its first cell; the others carry only its id. Each
 * cell's own text is the first one with every relative reference moved by the cell's offset,
 * as Excel shows it in the formula bar. Text in quotes and quoted sheet names are left alone;
 * `$` parts stay; a name followed by `(` is a function (LOG10), not a cell.
 */
const TOKEN = /"(?:[^"]|"")*"|'(?:[^']|'')*'|(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(.!])|[A-Za-z_\\][A-Za-z0-9_.\\]*/g;

export function slideFormula(formula: string, rowOffset: number, colOffset: number): string {
  return formula.replace(
    TOKEN,
    (token, colDollar: string | undefined, col: string | undefined, rowDollar: string, row: string, at: number) => {
      if (col === undefined) return token;
      // Part of a longer name (`_A1`, `x.A1`) is not a reference.
      const before = at > 0 ? formula[at - 1] : '';
      if (/[A-Za-z0-9_.]/.test(before)) return token;
      const letters = col.toUpperCase();
      if (letters.length === 3 && letters > 'XFD') return token;
      let c = 0;
      for (const ch of letters) c = c * 26 + (ch.charCodeAt(0) - 64);
      c -= 1;
      let r = Number(row);
      if (!colDollar) c += colOffset;
      if (!rowDollar) r += rowOffset;
      if (c < 0 || r < 1) return '#REF!';
      return `${colDollar}${columnLetters(c)}${rowDollar}${r}`;
    },
  );
}
