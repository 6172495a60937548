import { cellAt } from '../lembar/model';
import { ColumnRole, TableColumn } from '../tabel/model';
import { CheckContext, TableCheck } from './konteks';
import { Finding } from './temuan';

/**
 * Rule 'angka-teks' (warning): in a sheet whose cells carry types (xlsx, Excel, Sheets), a
 * number stored as text is skipped by SUM without a word. Money columns are summed, so any
 * text number there counts; in other numeric columns a text number counts when the column
 * otherwise holds real numbers (a column of "24 bln" is text by design). CSV/TSV have no
 * types and are never checked.
 */

const NUMERIC_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['target', 'realisasi', 'capaian', 'serapan', 'efisiensi', 'tw-k']);

/** Columns whose values other formulas use: a text number there breaks them. */
const DERIVED: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['capaian', 'serapan', 'efisiensi']);

/** Beyond this many in one column, one finding names them all. */
const PER_CELL_LIMIT = 5;

function textNumbers(ctx: CheckContext, c: TableColumn): { row: number; text: string }[] {
  const found: { row: number; text: string }[] = [];
  let natives = 0;
  for (const r of ctx.table.rows) {
    if (r.kind !== 'data' && r.kind !== 'total') continue;
    const raw = cellAt(ctx.sheet, r.row, c.col);
    if (typeof raw === 'number') natives++;
    if (typeof raw !== 'string') continue;
    const p = ctx.cell(r.row, c.col);
    if (p.value === null || !p.fromText || p.kind === 'quantity') continue;
    // A percent written with its sign ("100 (%)", "99,88 %") in a target or realisasi column is
    // a label people type on purpose and nobody sums; in money columns it is another matter.
    if (p.kind === 'percent' && (c.money || !DERIVED.has(c.role))) continue;
    found.push({ row: r.row, text: p.text });
  }
  return c.money || natives > 0 ? found : [];
}

export const check: TableCheck = (ctx) => {
  if (!ctx.sheet.typed) return [];
  const out: Finding[] = [];
  for (const c of ctx.table.columns) {
    if (!c.money && !NUMERIC_ROLES.has(c.role)) continue;
    const cells = textNumbers(ctx, c);
    if (cells.length === 0) continue;
    if (cells.length <= PER_CELL_LIMIT) {
      for (const x of cells) {
        out.push(
          ctx.finding({
            row: x.row,
            col: c.col,
            rule: 'angka-teks',
            severity: 'warning',
            actual: x.text,
            expected: ctx.cell(x.row, c.col).value!.toFixed(),
            message: `Angka "${x.text}" tersimpan sebagai teks, bukan sebagai angka; SUM di Excel melewatinya tanpa peringatan.`,
          }),
        );
      }
      continue;
    }
    const first = cells[0];
    out.push(
      ctx.finding({
        row: first.row,
        col: c.col,
        rule: 'angka-teks',
        severity: 'warning',
        actual: first.text,
        expected: ctx.cell(first.row, c.col).value!.toFixed(),
        related: cells.slice(1).map((x) => ({ row: x.row, col: c.col })),
        message: `${cells.length} angka di kolom ini tersimpan sebagai teks (misalnya "${first.text}"); SUM di Excel melewatinya tanpa peringatan.`,
      }),
    );
  }
  return out;
};
