import { a1, parseCellRef } from '../../core/lembar/model';
import { planRewrite, SelRumus } from '../../core/rumus-bawaan';
import { barisAsli, KOLOM_ASLI, LEMBAR_ASLI, rencanaKembali } from '../../core/rumus-bawaan/asli';
import type { Cakupan, RumusBawaanView } from '../../ui/jembatan';
import { parseAddress, RangeArea } from './model';
import { areaAlamat, areasAlamat, muatCakupan } from './cakupan';
import { bacaAreas } from './baca';
import { BATAS_BYTE, byteJson, potongan } from './ukuran';

/**
 * "Jadikan rumus bawaan" on Office.js: only moves formulas in and out; what is converted, what
 * is refused and what is restored is decided by core/rumus-bawaan. Reads and writes go in
 * batches sized from their bytes, as Periksa's do (baca.ts, ukuran.ts: Excel on the web refuses
 * a request or response over 5 MB). For a sheet of a few thousand cells: preview 2 syncs
 * (3 for the whole workbook), applying 3, restoring 4; one more per ~3 MB read or ~4 MB written.
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

/** The selection's area; whole columns (`C:E`) and rows (`5:9`) as Excel writes them included. */
export function selArea(address: string): RangeArea {
  const areas = areasAlamat(address);
  if (areas.length === 1) return areas[0];
  throw new Error('Pilih satu rentang sel yang bersambung (bukan beberapa bagian terpisah), lalu coba lagi.');
}

/**
 * Estimated request bytes of one cell's formula write, its text aside: the range and the setter
 * as Office.js serialises them on a worksheet object shared by the batch (about 420 measured
 * with Microsoft's client; 1,030 when each cell asks for its worksheet again), with room for
 * long sheet names and row numbers.
 */
const BYTE_TULIS_RUMUS = 700;
/** Rows of "Rumus Asli" per write, before their text is counted (one setter per group of rows). */
const BARIS_PER_TULIS = 2000;

/** One worksheet object per name for a whole action: a cell's write then costs only its range. */
function lembarDari(wb: Excel.Workbook): (name: string) => Excel.Worksheet {
  const made = new Map<string, Excel.Worksheet>();
  return (name) => {
    let w = made.get(name);
    if (!w) {
      w = wb.worksheets.getItem(name);
      made.set(name, w);
    }
    return w;
  };
}

/** Whether a load of `r` has come back (isNullObject is known only then). */
function dimuat(r: Excel.Range): boolean {
  try {
    return typeof r.isNullObject === 'boolean';
  } catch {
    return false;
  }
}

/** One queued write and its estimated request bytes. */
interface Tulis {
  bytes: number;
  queue: () => void;
}

/** The writes in order, one sync per group under the request budget. */
async function tulisBertahap(context: Excel.RequestContext, writes: readonly Tulis[]): Promise<void> {
  for (const part of potongan(writes, (w) => w.bytes, BATAS_BYTE)) {
    for (const w of part) w.queue();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch sized under Excel's 5 MB request limit: the loop is the chunking
    await context.sync();
  }
}

/** Rows of the record written from (`top`, `left`) on (0-based), in groups small enough for one request each. */
function tulisBaris(ws: () => Excel.Worksheet, top: number, left: number, rows: readonly (readonly string[])[]): Tulis[] {
  const out: Tulis[] = [];
  for (let at = 0; at < rows.length;) {
    const group: (readonly string[])[] = [];
    let bytes = 0;
    while (at < rows.length && group.length < BARIS_PER_TULIS && (group.length === 0 || bytes + byteJson(rows[at]) < BATAS_BYTE / 2)) {
      bytes += byteJson(rows[at]) + 2 * rows[at].length;
      group.push(rows[at]);
      at++;
    }
    const from = top + at - group.length;
    const width = group.reduce((n, r) => Math.max(n, r.length), 0);
    out.push({
      bytes: bytes + BYTE_TULIS_RUMUS,
      queue: () => (ws().getRangeByIndexes(from, left, group.length, width).values = group.map((r) => [...r])),
    });
  }
  return out;
}

export async function jadikanRumusBawaanExcel(
  context: Excel.RequestContext,
  cakupan: Cakupan,
  terapkan: boolean,
): Promise<RumusBawaanView> {
  const wb = context.workbook;
  // 1: where the scope is.
  const { active, activeUsed, worksheets, selection } = muatCakupan(wb);
  await context.sync();

  const names = worksheets.items.map((w) => w.name);
  const asliName = names.find((n) => n.toLowerCase() === LEMBAR_ASLI.toLowerCase());
  // 2: formulas of the scope and the values its inputs may read, in blocks sized from their bytes.
  const targets: { sheet: string; area: RangeArea; formulasOf: RangeArea | null }[] = [];
  if (cakupan === 'buku') {
    // Every sheet's used range: their names are known only now.
    const used = names
      .filter((n) => n !== asliName)
      .map((n) => {
        const r = wb.worksheets.getItem(n).getUsedRange();
        r.load('address');
        return { sheet: n, r };
      });
    await context.sync();
    for (const { sheet, r } of used) {
      const area = areaAlamat(r.address);
      if (area) targets.push({ sheet, area, formulasOf: null });
    }
  } else {
    // The whole used range of the active sheet is read either way, so inputs outside a
    // selection are still seen; only the selection's formulas are converted.
    const sel = cakupan === 'pilihan' ? selArea(selection.address) : null;
    const area = areaAlamat(activeUsed.address);
    if (area) targets.push({ sheet: active.name, area, formulasOf: sel });
  }
  // Where the rows already kept end, so new ones go below them (rides on the first read's sync).
  const asliUsed = terapkan && asliName !== undefined ? wb.worksheets.getItem(asliName).getUsedRangeOrNullObject(true) : null;
  asliUsed?.load('address');
  const reads = await bacaAreas(
    context,
    targets.map((t) => ({ ws: wb.worksheets.getItem(t.sheet), name: t.sheet, area: t.area })),
    { formulas: true },
  );
  if (asliUsed && !dimuat(asliUsed)) {
    // No read to ride on, or its batch was retried smaller (a failed sync loads nothing).
    asliUsed.load('address');
    await context.sync();
  }

  const dibaca: Terbaca[] = targets.map((t, i) => ({
    sheet: t.sheet,
    area: t.area,
    values: reads[i].values,
    formulasOf: t.formulasOf ?? t.area,
    formulas: reads[i].formulas ?? [],
  }));
  const cells: SelRumus[] = [];
  for (const d of dibaca) {
    d.formulas.forEach((row, i) =>
      row.forEach((f, j) => {
        const r = d.area.top + i;
        const c = d.area.left + j;
        if (typeof f === 'string' && f.startsWith('=') && within(d.formulasOf, r, c))
          cells.push({ sheet: d.sheet, cell: a1({}, r, c), formula: f });
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

  // 3: the originals on "Rumus Asli" first, then the native formulas, in batches. A batch that
  // fails leaves every converted cell on the record; restoring skips a cell not converted yet.
  const rows = barisAsli(plan.converted);
  const lembar = lembarDari(wb);
  const writes: Tulis[] = [];
  let asliSheet: Excel.Worksheet | null = null;
  const asli = () => (asliSheet ??= wb.worksheets.getItem(LEMBAR_ASLI));
  const kosong = asliUsed === null || asliUsed.isNullObject;
  if (asliName === undefined) {
    writes.push({
      bytes: BYTE_TULIS_RUMUS,
      queue: () => {
        asliSheet = wb.worksheets.add(LEMBAR_ASLI);
        // The record is the add-in's, not the planner's: out of sight but kept with the file.
        asliSheet.visibility = 'Hidden' as Excel.SheetVisibility;
      },
    });
  }
  const top = kosong ? 0 : parseAddress(asliUsed.address)!.bottom + 1;
  writes.push(...tulisBaris(asli, top, 0, teks(kosong ? [[...KOLOM_ASLI], ...rows] : rows)));
  for (const c of plan.converted) {
    const native = c.native.startsWith('=') ? c.native : `=${c.native}`;
    writes.push({
      bytes: BYTE_TULIS_RUMUS + byteJson(native) + byteJson(c.sheet),
      queue: () => (lembar(c.sheet).getRange(c.cell).formulas = [[native]]),
    });
  }
  await tulisBertahap(context, writes);
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

  // 2: where the record and the sheets it may name lie (which sheets it names is known only
  // after reading it, so every other sheet's formulas are read).
  const asli = wb.worksheets.getItem(asliName);
  const recordUsed = asli.getUsedRangeOrNullObject(true);
  recordUsed.load('address');
  const used = worksheets.items
    .filter((w) => w.name !== asliName)
    .map((w) => {
      const r = w.getUsedRange();
      r.load('address');
      return { sheet: w.name, r };
    });
  await context.sync();

  // 3: the record's values and the sheets' formulas, in blocks sized from their bytes.
  const recordArea = recordUsed.isNullObject ? null : areaAlamat(recordUsed.address);
  const sheets = used.flatMap(({ sheet, r }) => {
    const area = areaAlamat(r.address);
    return area ? [{ sheet, area }] : [];
  });
  const reads = await bacaAreas(context, [
    ...(recordArea ? [{ ws: wb.worksheets.getItem(asliName), name: asliName, area: recordArea }] : []),
    ...sheets.map(({ sheet, area }) => ({ ws: wb.worksheets.getItem(sheet), name: sheet, area, hanyaRumus: true })),
  ]);
  const recordValues = recordArea ? reads[0].values : [];
  const formulaReads = recordArea ? reads.slice(1) : reads;

  const rows = recordValues.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v))));
  const formulaAt = new Map<string, string>();
  sheets.forEach(({ sheet, area }, i) => {
    (formulaReads[i].formulas ?? []).forEach((row, r) =>
      row.forEach((f, c) => {
        if (f !== '' && f !== null && f !== undefined) formulaAt.set(key(sheet, a1({}, area.top + r, area.left + c)), String(f));
      }),
    );
  });
  const { restore, kept } = rencanaKembali(rows, (sheet, cell) => formulaAt.get(key(sheet, cell)) ?? null);

  // 4: the originals back, then the record without their rows (or without the sheet), in
  // batches. A batch that fails leaves the record whole: a second Kembalikan finishes the rest.
  const lembar = lembarDari(wb);
  const writes: Tulis[] = restore.map((r) => ({
    bytes: BYTE_TULIS_RUMUS + byteJson(r.formula) + byteJson(r.sheet),
    queue: () => (lembar(r.sheet).getRange(r.cell).formulas = [[r.formula]]),
  }));
  const done = new Set(restore.map((r) => key(r.sheet, r.cell)));
  const left = rows.filter((r) => r[0] !== '' && !done.has(key(r[0], r[1] ?? '')));
  const hasRecords = left.some((r) => !(r[0] === KOLOM_ASLI[0] && r[1] === KOLOM_ASLI[1]));
  if (!hasRecords) writes.push({ bytes: BYTE_TULIS_RUMUS, queue: () => wb.worksheets.getItem(asliName).delete() });
  else if (restore.length > 0 && recordArea) {
    // Rewritten in place, the cleared tail set to "" (an empty value empties the cell). The
    // width by reduce: a spread of one argument per row overflows the stack past ~100,000 rows.
    const width = rows.reduce((n, r) => Math.max(n, r.length), 0);
    const blank = Array.from({ length: width }, () => '');
    const body = rows.map((_, i) => (i < left.length ? [...left[i].map((v) => `'${v}`), ...blank].slice(0, width) : blank));
    writes.push(...tulisBaris(() => lembar(asliName), recordArea.top, recordArea.left, body));
  }
  await tulisBertahap(context, writes);
  return { restored: restore.length, kept: kept.length };
}
