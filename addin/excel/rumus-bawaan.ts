import { a1, parseCellRef } from '../../core/lembar/model';
import { planRewrite, SelRumus } from '../../core/rumus-bawaan';
import { barisAsli, KOLOM_ASLI, LEMBAR_ASLI, rencanaKembali } from '../../core/rumus-bawaan/asli';
import type { Cakupan, RumusBawaanView } from '../../ui/jembatan';
import { parseAddress, RangeArea } from './model';
import { areasAlamat, muatCakupan } from './cakupan';

/**
 * "Jadikan rumus bawaan" on Office.js: only moves formulas in and out; what is converted, what
 * is refused and what is restored is decided by core/rumus-bawaan. Preview costs two syncs,
 * applying three, restoring two — whatever the number of cells.
 */

interface Terbaca {
  sheet: string;
  area: RangeArea;
  values: unknown[][];
  /** Where formulas are taken from (the selection may be smaller than what was read). */
  formulasOf: RangeArea;
  formulas: unknown[][];
}

const key = (sheet: string, cell: string) => `${sheet}\u0000${cell.replace(/\$/g, '').toUpperCase()}`;

/** Every written cell of the "Rumus Asli" sheet is text: an apostrophe keeps "=…" from becoming a formula. */
const teks = (rows: readonly (readonly string[])[]) => rows.map((r) => r.map((v) => `'${v}`));

function within(a: RangeArea, row: number, col: number): boolean {
  return row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
}

/** `F5`, `$F$5`, `'Data 2024'!B3`, `Data!B3` → sheet and cell, the sheet defaulting to `sheet`. */
/** The selection's area; whole columns (`C:E`) and rows (`5:9`) as Excel writes them included. */
export function selArea(address: string): RangeArea {
  const areas = areasAlamat(address);
  if (areas.length === 1) return areas[0];
  throw new Error('Pilih satu rentang sel yang bersambung (bukan beberapa bagian terpisah), lalu coba lagi.');
}

export async function jadikanRumusBawaanExcel(context: Excel.RequestContext, cakupan: Cakupan, terapkan: boolean): Promise<RumusBawaanView> {
  const wb = context.workbook;
  // 1: where the scope is.
  const { active, worksheets, selection } = muatCakupan(wb);
  await context.sync();

  const names = worksheets.items.map((w) => w.name);
  const hasAsli = names.some((n) => n.toLowerCase() === LEMBAR_ASLI.toLowerCase());
  // 2: formulas of the scope and the values its inputs may read, in one batch.
  const reads: { sheet: string; range: Excel.Range; formulasOf: RangeArea | null }[] = [];
  if (cakupan === 'buku') {
    for (const ws of worksheets.items) {
      if (ws.name.toLowerCase() === LEMBAR_ASLI.toLowerCase()) continue;
      reads.push({ sheet: ws.name, range: ws.getUsedRange(), formulasOf: null });
    }
  } else {
    // The whole used range of the active sheet is read either way, so inputs outside a
    // selection are still seen; only the selection's formulas are converted.
    const sel = cakupan === 'pilihan' ? selArea(selection.address) : null;
    // A used range from an earlier sync is no longer valid in Office.js (InvalidObjectPath): asked again.
    reads.push({ sheet: active.name, range: wb.worksheets.getItem(active.name).getUsedRange(), formulasOf: sel });
  }
  for (const r of reads) r.range.load('address,values,formulas');
  // Where the rows already kept end, so new ones go below them.
  const asliUsed = terapkan && hasAsli ? wb.worksheets.getItem(LEMBAR_ASLI).getUsedRange(true) : null;
  asliUsed?.load('address,values');
  await context.sync();

  const dibaca: Terbaca[] = reads.map((r) => {
    const area = parseAddress(r.range.address)!;
    return { sheet: r.sheet, area, values: r.range.values, formulasOf: r.formulasOf ?? area, formulas: r.range.formulas };
  });
  const cells: SelRumus[] = [];
  for (const d of dibaca) {
    d.formulas.forEach((row, i) =>
      row.forEach((f, j) => {
        const r = d.area.top + i;
        const c = d.area.left + j;
        if (typeof f === 'string' && f.startsWith('=') && within(d.formulasOf, r, c)) cells.push({ sheet: d.sheet, cell: a1({}, r, c), formula: f });
      }),
    );
  }
  const bySheet = new Map(dibaca.map((d) => [d.sheet.toLowerCase(), d]));
  const readValue = (sheet: string, ref: string): unknown => {
    const p = parseCellRef(ref, sheet);
    const d = p && bySheet.get(p.sheet.toLowerCase());
    if (!p || !d || !within(d.area, p.row, p.col)) return undefined;
    return d.values[p.row - d.area.top]?.[p.col - d.area.left];
  };
  const plan = planRewrite(cells, readValue);
  const view: RumusBawaanView = {
    cakupan,
    converted: plan.converted.map(({ sheet, cell, formula, native, note }) => ({ sheet, cell, formula, native, note })),
    skipped: plan.skipped.map(({ sheet, cell, formula, reason }) => ({ sheet, cell, formula, reason })),
    applied: false,
  };
  if (!terapkan || plan.converted.length === 0) return view;

  // 3: the native formulas and their originals on "Rumus Asli", in one batch.
  for (const c of plan.converted) {
    const native = c.native.startsWith('=') ? c.native : `=${c.native}`;
    wb.worksheets.getItem(c.sheet).getRange(c.cell).formulas = [[native]];
  }
  const rows = barisAsli(plan.converted);
  if (asliUsed) {
    const kosong = asliUsed.values.every((r) => r.every((v) => v === '' || v === null));
    const baru = kosong ? [[...KOLOM_ASLI], ...rows] : rows;
    const top = kosong ? 0 : parseAddress(asliUsed.address)!.bottom + 1;
    wb.worksheets.getItem(LEMBAR_ASLI).getRangeByIndexes(top, 0, baru.length, KOLOM_ASLI.length).values = teks(baru);
  } else {
    const asli = wb.worksheets.add(LEMBAR_ASLI);
    asli.getRangeByIndexes(0, 0, rows.length + 1, KOLOM_ASLI.length).values = teks([[...KOLOM_ASLI], ...rows]);
    // The record is the add-in's, not the planner's: out of sight but kept with the file.
    asli.visibility = 'Hidden' as Excel.SheetVisibility;
  }
  await context.sync();
  return { ...view, applied: true };
}

export async function kembalikanRumusAsliExcel(context: Excel.RequestContext): Promise<{ restored: number; kept: number }> {
  const wb = context.workbook;
  // 1: is there a record at all.
  const worksheets = wb.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const asliName = worksheets.items.map((w) => w.name).find((n) => n.toLowerCase() === LEMBAR_ASLI.toLowerCase());
  if (asliName === undefined) return { restored: 0, kept: 0 };

  // 2: the record and the current formulas of the sheets it may name, in one batch (which
  // sheets it names is known only after reading it, so every other sheet's used range is read).
  const asli = wb.worksheets.getItem(asliName);
  const record = asli.getUsedRange(true);
  record.load('address,values');
  const sheets = worksheets.items
    .filter((w) => w.name !== asliName)
    .map((w) => {
      const range = w.getUsedRange();
      range.load('address,formulas');
      return { sheet: w.name, range };
    });
  await context.sync();

  const rows = record.values.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v))));
  const formulaAt = new Map<string, string>();
  for (const { sheet, range } of sheets) {
    const area = parseAddress(range.address)!;
    range.formulas.forEach((row, i) => row.forEach((f, j) => formulaAt.set(key(sheet, a1({}, area.top + i, area.left + j)), String(f ?? ''))));
  }
  const { restore, kept } = rencanaKembali(rows, (sheet, cell) => formulaAt.get(key(sheet, cell)) ?? null);

  // 3: the originals back and the record without their rows, in one batch.
  for (const r of restore) wb.worksheets.getItem(r.sheet).getRange(r.cell).formulas = [[r.formula]];
  const done = new Set(restore.map((r) => key(r.sheet, r.cell)));
  const left = rows.filter((r) => r[0] !== '' && !done.has(key(r[0], r[1] ?? '')));
  const hasRecords = left.some((r) => !(r[0] === KOLOM_ASLI[0] && r[1] === KOLOM_ASLI[1]));
  if (!hasRecords) asli.delete();
  else if (restore.length > 0) {
    // Rewritten in place, the cleared tail set to "" (an empty value empties the cell).
    const width = Math.max(...rows.map((r) => r.length));
    const blank = Array.from({ length: width }, () => '');
    const area = parseAddress(record.address)!;
    const body = rows.map((_, i) => (i < left.length ? [...left[i].map((v) => `'${v}`), ...blank].slice(0, width) : blank));
    asli.getRangeByIndexes(area.top, area.left, rows.length, width).values = body;
  }
  await context.sync();
  return { restored: restore.length, kept: kept.length };
}
