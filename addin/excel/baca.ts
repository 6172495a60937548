import { a1 } from '../../core/lembar/model';
import { CellProps, quoteSheet, RangeArea, RangeRead } from './model';
import { BATAS_BYTE, byteJson, kodeGalat } from './ukuran';
import { PeriksaDibatalkan } from '../../ui/jembatan';

/**
 * One area of a sheet read in blocks of rows, each block one sync sized from the bytes the
 * previous blocks really took, so that no response nears Excel's 5 MB and the number of syncs
 * grows only with the size of the table. Between blocks the pane's thread is free.
 */

/** First block: about 1.8 MB of ordinary cells (values, formulas, formats, fill and bold ~110 bytes each), before their real length is known. */
const SEL_AWAL = 16000;
/** Later blocks aim below the budget: a block may hold longer text than the blocks before it. */
const SASARAN_BYTE = BATAS_BYTE * 0.75;
/**
 * getMergedAreasOrNullObject fails above 512 merged areas (Microsoft Learn, Excel.Range
 * getMergedAreasOrNullObject) and returns those whose top-left cell lies in the range
 * (OfficeDev/office-js#3611): at most one per cell, so a call over ≤ 512 cells cannot fail and
 * the calls over a block's pieces return every merge once.
 */
export const SEL_PER_PANGGILAN_GABUNG = 512;

export interface BacaOpsi {
  formulas?: boolean;
  numberFormat?: boolean;
  bold?: boolean;
  fill?: boolean;
  merges?: boolean;
  /** Rows read so far of this area. */
  kemajuan?: (baris: number, total: number) => void;
  /** Checked after every block: the read stops there (it has changed nothing). */
  batal?: AbortSignal;
}

/** The pieces of ≤ 512 cells covering rows top..bottom × left..right. */
export function kepinganGabung(top: number, bottom: number, left: number, right: number): RangeArea[] {
  const width = right - left + 1;
  const out: RangeArea[] = [];
  if (width >= SEL_PER_PANGGILAN_GABUNG) {
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c += SEL_PER_PANGGILAN_GABUNG) {
        out.push({ sheet: '', top: r, bottom: r, left: c, right: Math.min(right, c + SEL_PER_PANGGILAN_GABUNG - 1) });
      }
    }
    return out;
  }
  const rows = Math.floor(SEL_PER_PANGGILAN_GABUNG / width);
  for (let r = top; r <= bottom; r += rows) out.push({ sheet: '', top: r, bottom: Math.min(bottom, r + rows - 1), left, right });
  return out;
}

/** Rows appended one by one: a spread of a long block would overflow the call stack. */
function tambah<T>(to: T[], rows: readonly T[]): void {
  for (const r of rows) to.push(r);
}

export interface Bacaan {
  ws: Excel.Worksheet;
  name: string;
  area: RangeArea;
  /**
   * Only the formulas of this area (Kembalikan rumus asli compares formulas and needs no values):
   * its `values` stay empty, its `formulas` are filled whatever `opsi.formulas` says.
   */
  hanyaRumus?: boolean;
}

/** One area; see bacaAreas. */
export async function bacaArea(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  name: string,
  area: RangeArea,
  opsi: BacaOpsi = {},
): Promise<RangeRead> {
  return (await bacaAreas(context, [{ ws, name, area }], opsi))[0];
}

/**
 * Several areas (sheets, selected areas) read together: each sync takes as many rows, of as
 * many areas, as the byte budget allows, so small sheets share one round trip and a large one
 * is split.
 */
export async function bacaAreas(context: Excel.RequestContext, items: readonly Bacaan[], opsi: BacaOpsi = {}): Promise<RangeRead[]> {
  const fieldsOf = (item: Bacaan) =>
    item.hanyaRumus
      ? 'formulas'
      : ['values', ...(opsi.formulas ? ['formulas'] : []), ...(opsi.numberFormat ? ['numberFormat'] : [])].join(',');
  const spec = {
    format: {
      ...(opsi.fill ? { fill: { color: true, pattern: true } } : {}),
      ...(opsi.bold ? { font: { bold: true } } : {}),
    },
  };
  const wantProps = !!(opsi.fill || opsi.bold);
  const outs: RangeRead[] = items.map(({ name, area, hanyaRumus }) => ({
    address: `${quoteSheet(name)}!${a1({}, area.top, area.left)}:${a1({}, area.bottom, area.right)}`,
    values: [],
    ...(opsi.formulas || hanyaRumus ? { formulas: [] } : {}),
    ...(opsi.numberFormat ? { numberFormat: [] } : {}),
    ...(wantProps ? { cellProperties: [] } : {}),
    ...(opsi.merges ? { mergedAreas: null } : {}),
  }));
  const merged: string[][] = items.map(() => []);
  const total = items.reduce((n, i) => n + i.area.bottom - i.area.top + 1, 0);
  let done = 0;
  let budget = SEL_AWAL;
  let bytesPerCell = 0;
  let at = 0;
  let row = items[0]?.area.top ?? 0;
  while (at < items.length) {
    // Queue blocks until the budget (in cells) is used; at least one row.
    const blocks: {
      i: number;
      top: number;
      h: number;
      range: Excel.Range;
      props: OfficeExtension.ClientResult<CellProps[][]> | null;
      merges: Excel.RangeAreas[];
      onlyFormulas: boolean;
    }[] = [];
    let left = budget;
    let i = at;
    let r = row;
    while (i < items.length) {
      const { ws, area } = items[i];
      const width = area.right - area.left + 1;
      const h = Math.min(area.bottom - r + 1, Math.floor(left / width));
      if (h < 1) {
        if (blocks.length > 0) break;
      }
      const rows = Math.max(1, h);
      const range = ws.getRangeByIndexes(r, area.left, rows, width);
      const fields = fieldsOf(items[i]);
      // eslint-disable-next-line office-addins/no-empty-load -- `fields` names the properties; the rule sees a variable, not an empty load
      range.load(fields);
      const props = wantProps && !items[i].hanyaRumus ? range.getCellProperties(spec) : null;
      const merges =
        opsi.merges && !items[i].hanyaRumus
          ? kepinganGabung(r, r + rows - 1, area.left, area.right).map((k) => {
              const m = ws.getRangeByIndexes(k.top, k.left, k.bottom - k.top + 1, k.right - k.left + 1).getMergedAreasOrNullObject();
              m.load('address');
              return m;
            })
          : [];
      blocks.push({ i, top: r, h: rows, range, props, merges, onlyFormulas: items[i].hanyaRumus === true });
      left -= rows * width;
      r += rows;
      if (r > area.bottom) {
        i++;
        r = items[i]?.area.top ?? 0;
      }
      if (left <= 0) break;
    }
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch sized under Excel's 5 MB request limit: the loop is the chunking
      await context.sync();
    } catch (e) {
      // Cells far longer than the ones before: the same rows again, in smaller batches.
      if (kodeGalat(e) === 'ResponsePayloadSizeLimitExceeded' && (blocks.length > 1 || blocks[0].h > 1)) {
        budget = Math.max(1, Math.ceil(budget / 2));
        continue;
      }
      throw e;
    }
    let bytes = 0;
    let cellsRead = 0;
    for (const b of blocks) {
      const out = outs[b.i];
      if (!b.onlyFormulas) {
        tambah(out.values, b.range.values);
        bytes += byteJson(b.range.values);
      }
      if (out.formulas) {
        tambah(out.formulas, b.range.formulas);
        bytes += byteJson(b.range.formulas);
      }
      if (out.numberFormat && !b.onlyFormulas) {
        tambah(out.numberFormat, b.range.numberFormat);
        bytes += byteJson(b.range.numberFormat);
      }
      if (b.props && out.cellProperties) {
        const v = b.props.value as CellProps[][];
        tambah(out.cellProperties, v);
        bytes += byteJson(v);
      }
      for (const m of b.merges) if (!m.isNullObject && m.address) merged[b.i].push(m.address);
      cellsRead += b.h * (items[b.i].area.right - items[b.i].area.left + 1);
      done += b.h;
    }
    at = i;
    row = r;
    if (opsi.batal?.aborted) throw new PeriksaDibatalkan();
    opsi.kemajuan?.(done, total);
    bytesPerCell = Math.max(bytesPerCell, bytes / Math.max(cellsRead, 1));
    budget = Math.max(1, Math.floor(SASARAN_BYTE / Math.max(bytesPerCell, 1)));
  }
  if (opsi.merges) outs.forEach((o, i) => (o.mergedAreas = merged[i].length > 0 ? merged[i].join(',') : null));
  return outs;
}
