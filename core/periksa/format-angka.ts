import { formatNumber } from '../angka/format';
import { Mark } from '../angka/parse';
import { readNumberFormat } from '../lembar/format-sel';
import { cellAt, formulaAt } from '../lembar/model';
import { ColumnRole, TableColumn } from '../tabel/model';
import { columnNoun } from './jumlah-kata';
import { CheckContext, TableCheck } from './konteks';
import { errorValueMessage } from './nilai-galat';
import { Finding } from './temuan';

/**
 * Rule 'format-angka': how numbers are written in the numeric columns.
 *   error    malformed grouping (`53.600.0000`), mixed marks (`29,822,934.850`, both readings
 *            given), scientific notation (`2,98229E+10`, digits lost), TRUE/FALSE, an error value
 *            (`#REF!`, `#N/A`, said with its meaning and the formula that gave it);
 *   error    text or a date where an amount belongs (a money column); a negative amount
 *            (pagu, anggaran, realisasi; a negative sisa is an overspend, not a typo);
 *   warning  a date where a number belongs; text in a capaian/serapan/efisiensi column;
 *   info     a column mixing `8,220,950,000` with `42.000.000` (once per column), and a
 *            column whose ambiguous single groups (`1.270`) were read by the column's choice.
 */

const NUMERIC_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['target', 'realisasi', 'capaian', 'serapan', 'efisiensi', 'tw-k']);

const DERIVED_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['capaian', 'serapan', 'efisiensi']);

const MARK_NAME: Record<Mark, string> = { '.': 'titik', ',': 'koma' };

const dateMessage = (text: string) => `Sel berisi tanggal (${text}) di kolom angka; nilainya tidak dapat dijumlahkan atau diperiksa.`;

/**
 * A native number that its format leaves a number and that is not a negative amount: nothing
 * below can be said about it (no marks, no problem, not text), so its Decimal is not built.
 */
function plainNumber(ctx: CheckContext, row: number, c: TableColumn): boolean {
  const v = cellAt(ctx.sheet, row, c.col);
  if (typeof v !== 'number' || !Number.isFinite(v) || (c.money && v < 0)) return false;
  const f = readNumberFormat(ctx.sheet.numberFormats?.[row]?.[c.col]);
  return !f.date && !f.percent;
}

function checkColumn(ctx: CheckContext, c: TableColumn, out: Finding[]): void {
  const styles: Record<Mark, { row: number; text: string; n: number } | null> = { '.': null, ',': null };
  const count: Record<Mark, number> = { '.': 0, ',': 0 };
  let ambiguous: { row: number; text: string; mark: Mark; value: string } | null = null;
  for (const r of ctx.table.rows) {
    if (r.kind !== 'data' && r.kind !== 'total') continue;
    if (plainNumber(ctx, r.row, c)) continue;
    const p = ctx.cell(r.row, c.col);
    /** A finding about this cell as written. */
    const cellFinding = (severity: Finding['severity'], message: string, actual: string = p.text) =>
      out.push(ctx.finding({ row: r.row, col: c.col, rule: 'format-angka', severity, actual, expected: null, message }));
    // A value of the wrong kind breaks a money sum; in a derived column it only hides a check.
    const wrongKind = c.money ? 'error' : 'warning';
    for (const problem of p.problems) {
      switch (problem.code) {
        case 'error-value':
          cellFinding('error', errorValueMessage(p.text, formulaAt(ctx.sheet, r.row, c.col)));
          break;
        case 'malformed-group':
        case 'mixed-marks':
        case 'not-a-number': // scientific notation, TRUE/FALSE: otherwise the sum above is skipped without a word
          cellFinding('error', problem.message);
          break;
        case 'date':
          // A date serial under a date format (Excel hands dates over as numbers).
          cellFinding(wrongKind, dateMessage(p.text));
          break;
        default:
          break;
      }
    }
    if (p.kind === 'text' && (c.money || DERIVED_ROLES.has(c.role))) {
      // Excel's SUM skips text silently; a word or a date where an amount belongs hides a hole.
      const date = /^\d{4}-\d{2}-\d{2}|^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$/.test(p.text);
      cellFinding(
        wrongKind,
        date
          ? dateMessage(p.text)
          : `Sel berisi teks "${p.text}" di kolom angka, bukan angka; nilainya tidak dapat dijumlahkan atau diperiksa.`,
      );
    }
    if (p.problems.length > 0 || p.value === null) continue;
    if (c.money && c.role !== 'sisa' && p.value.isNegative() && !p.value.isZero() && !negativeIsNormal(ctx, r.row, c)) {
      const noun = columnNoun(c);
      cellFinding(
        'error',
        `${noun[0].toUpperCase()}${noun.slice(1)} bernilai negatif (${formatNumber(p.value)}); jumlah uang di kolom ini tidak boleh kurang dari nol. Periksa tanda minus atau rumus sel ini.`,
        p.value.toFixed(),
      );
    }
    const g = p.marks.grouping;
    if (g !== null) {
      count[g]++;
      if (styles[g] === null) styles[g] = { row: r.row, text: p.text, n: 0 };
    }
    if (p.marks.ambiguous !== null && ambiguous === null) {
      ambiguous = { row: r.row, text: p.text, mark: p.marks.ambiguous, value: formatNumber(p.value) };
    }
  }

  const dot = styles['.'];
  const comma = styles[','];
  if (dot !== null && comma !== null) {
    // Report at the first cell of the less used style: that is the one that looks pasted in.
    const minority = count['.'] < count[','] ? dot : comma;
    out.push(
      ctx.finding({
        row: minority.row,
        col: c.col,
        rule: 'format-angka',
        severity: 'info',
        actual: minority.text,
        expected: null,
        related: [minority === dot ? comma : dot].map((x) => ({ row: x.row, col: c.col })),
        message: `Kolom ini mencampur dua gaya penulisan angka: "${comma.text}" (pemisah ribuan koma, ${count[',']} sel) dan "${dot.text}" (pemisah ribuan titik, ${count['.']} sel); nilainya tetap terbaca, tetapi periksa asal datanya.`,
      }),
    );
  }

  const marks = ctx.columnMarks(c.col);
  if (ambiguous !== null && marks.ambiguousCells > 0) {
    const asDecimal = marks.decimalMark === ambiguous.mark;
    const reading = asDecimal
      ? `desimal (${MARK_NAME[ambiguous.mark]} sebagai tanda desimal)`
      : `ribuan (${MARK_NAME[ambiguous.mark]} sebagai pemisah ribuan)`;
    const basis = marks.basis === 'column' ? 'mengikuti angka lain di kolom ini' : 'mengikuti kebiasaan penulisan Indonesia';
    out.push(
      ctx.finding({
        row: ambiguous.row,
        col: c.col,
        rule: 'format-angka',
        severity: 'info',
        actual: ambiguous.text,
        expected: null,
        message: `Angka seperti "${ambiguous.text}" dapat dibaca dua cara; di kolom ini dibaca sebagai ${reading}, ${basis} (${marks.ambiguousCells} sel).`,
      }),
    );
  }
}

export const check: TableCheck = (ctx) => {
  const out: Finding[] = [];
  for (const c of ctx.table.columns) {
    if (c.money || NUMERIC_ROLES.has(c.role)) checkColumn(ctx, c, out);
  }
  return out;
};

/**
 * Where a negative amount is what the accountant meant: a column of differences (selisih,
 * bertambah/berkurang, sisa, efisiensi, surplus/defisit) or a row that nets two sides
 * (Surplus / (Defisit), Pembiayaan Netto, SiLPA) in an LRA or an APBD revision.
 */
const SIGNED_WORDS =
  /selisih|bertambah|berkurang|surplus|defisit|efisiensi|\bsisa\b|lebih\s*\/?\s*\(?kurang|netto|neto|silpa|sikpa|kenaikan|penurunan/i;

function negativeIsNormal(ctx: CheckContext, row: number, c: TableColumn): boolean {
  if (SIGNED_WORDS.test(c.header)) return true;
  // Money only by its numbers (parents = Σ children) under a header that names nothing: no
  // header says the amount cannot be negative, and a reworded Lebih / (Kurang) adds up too.
  if (c.role === 'lainnya') return true;
  // A column the numbers show to be a difference of two others, whatever its header.
  if ((ctx.table.relations ?? []).some((r) => r.kind === 'selisih' && r.target === c.col)) return true;
  for (const x of ctx.table.columns) {
    if (x.role !== 'uraian' && x.role !== 'sasaran') continue;
    const label = cellAt(ctx.sheet, row, x.col);
    if (typeof label === 'string' && SIGNED_WORDS.test(label)) return true;
  }
  return false;
}
