import { Sheet, Workbook } from '../../core/lembar/model';
import { cropSheet, dataRegion } from '../../core/lembar/wilayah-data';
import { bacaPengaturan, Pengaturan, tulisPengaturan } from '../../core/pengaturan';
import { periksaWorkbook, PeriksaProgress } from '../../core/periksa';
import type { HasilPekerja, PeriksaFn } from './pekerja';
import type { Drawing } from '../../core/pohon/gambar';
import { gabunganDari, planMarks, uniqueSheetName } from '../../core/tanda';
import { bacaCadangan, Cadangan, tulisCadangan } from '../../core/tanda/cadangan';
import {
  KeadaanSel,
  rencanaHapus,
  rencanaTandai,
  SelDiLembar,
  selUntukHapus,
  selUntukTandai,
  tolakCadangan,
  TulisSel,
} from '../../core/tanda/pembukuan';
import { PeriksaDibatalkan } from '../../ui/jembatan';
import type { Cakupan, Jembatan, Kemajuan, PeriksaView, PohonView } from '../../ui/jembatan';
import { tulisGambar } from './gambar';
import { pasangLambda } from './lambda';
import { CellProps, fillOf, RangeArea, toSheet } from './model';
import { jadikanRumusBawaanExcel, kembalikanRumusAsliExcel } from './rumus-bawaan';
import { areaAlamat, areasAlamat, muatCakupan, potong } from './cakupan';
import { bacaAreas } from './baca';
import { BATAS_BYTE, byteJson, kodeGalat, potongan } from './ukuran';

/**
 * The Excel side of the pane's bridge, on Office.js. Each action is one Excel.run with as few
 * round trips as Excel's 5 MB per request and response allows: Periksa reads (1) what to read,
 * (2) the cells in blocks of rows sized from their bytes (baca.ts), (3) the notes of the cells
 * it will mark, then (4) writes the backup and every fill and note — four context.sync() calls
 * for a table of a few thousand cells, one more per ~4 MB beyond that (ukuran.ts).
 */

export const KUNCI_CADANGAN = 'LembarKinerja.cadangan';
export const KUNCI_PENGATURAN = 'LembarKinerja.pengaturan';

/** What the pohon kinerja generator (core/pohon, issue 6) offers; wired in when it exists. */
export interface PohonCore {
  pohonKinerja(workbook: Workbook, options: { lembar?: string }): { drawing: Drawing; nodes: number; messages: string[] };
  templatPohon(): Drawing;
}

export interface ExcelDeps {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** ExcelApi 1.18 (notes); without it cells are only filled. */
  notesSupported(): boolean;
  pohon?: PohonCore;
  /** Runs the check off the pane's thread (taskpane.ts: a Web Worker); without it, inline. */
  periksa?: PeriksaFn;
  now?: () => number;
}

interface Dibaca {
  sheet: Sheet;
  /** Where `sheet` lies (sheet coordinates, 0-based). */
  area: RangeArea;
  props: CellProps[][];
}

const FILL_LOAD = { format: { fill: { color: true, pattern: true } } } as const;

/** A marked cell's fill as it is now, queued with the read of its note; `fillOf` its value after the sync. */
function loadFill(w: Excel.Worksheet, cell: string): OfficeExtension.ClientResult<CellProps[][]> {
  return w.getRange(cell).getCellProperties(FILL_LOAD) as OfficeExtension.ClientResult<CellProps[][]>;
}

/**
 * Estimated request bytes of one cell in the notes read (note and fill queued) and in the
 * write (fill, note add or content), text aside: Office.js's own serialiser gives about 630 and
 * 760–870 (measured in test/browser/excel-vm.ts); the margin covers longer sheet names and ids.
 */
const BYTE_BACA_SEL = 1000;
const BYTE_TULIS_SEL = 1300;
/** The backup is one setting written in one request (alone when large). */
const BATAS_CADANGAN = BATAS_BYTE - 20_000;

interface Bacaan {
  name: string;
  area: RangeArea;
  /** A single selected cell: the table around it is checked. */
  sekitar?: { row: number; col: number };
}

/**
 * What Periksa reads for a scope: the selection's areas within the used range (whole columns
 * and rows included; several areas each on their own), the table around a single selected
 * cell, the active sheet, or every sheet.
 */
export function rencanaBaca(
  cakupan: Cakupan,
  active: string,
  usedOf: ReadonlyMap<string, string>,
  selectionAddress: string,
  selectionCells: number,
): { cakupan: Cakupan; bacaan: Bacaan[] } {
  const usedArea = (name: string): RangeArea | null => {
    const a = areaAlamat(usedOf.get(name) ?? '');
    return a ? { ...a, sheet: name } : null;
  };
  if (cakupan === 'buku') {
    const bacaan: Bacaan[] = [];
    for (const name of usedOf.keys()) {
      const area = usedArea(name);
      if (area) bacaan.push({ name, area });
    }
    return { cakupan, bacaan };
  }
  const used = usedArea(active);
  if (!used) return { cakupan: 'lembar', bacaan: [] };
  if (cakupan === 'pilihan') {
    const areas = areasAlamat(selectionAddress);
    if (areas.length === 1 && selectionCells <= 1) {
      return { cakupan, bacaan: [{ name: active, area: used, sekitar: { row: areas[0].top, col: areas[0].left } }] };
    }
    const bacaan: Bacaan[] = [];
    for (const a of areas) {
      const part = potong(used, a);
      if (part) bacaan.push({ name: active, area: part });
    }
    return { cakupan, bacaan };
  }
  return { cakupan: 'lembar', bacaan: [{ name: active, area: used }] };
}

const key = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;

/** Office.js errors (RichApi.Error, English) as one Indonesian sentence the planner can act on. */
const PESAN_OFFICE: Record<string, string> = {
  InvalidSelection: 'Pilih sel di lembar kerja (bukan grafik atau gambar), lalu coba lagi.',
  ItemNotFound: 'Lembar atau sel yang dituju sudah tidak ada.',
  RequestPayloadSizeLimitExceeded:
    'Lembar terlalu besar untuk dibaca sekaligus di Excel ini; pilih bagian tabelnya lalu periksa "Sel yang dipilih".',
  ResponsePayloadSizeLimitExceeded:
    'Lembar terlalu besar untuk dibaca sekaligus di Excel ini; pilih bagian tabelnya lalu periksa "Sel yang dipilih".',
  InvalidOperationInCellEditMode: 'Excel sedang dalam mode mengedit sel; tekan Enter atau Esc, lalu coba lagi.',
  AccessDenied: 'Buku kerja ini terkunci atau hanya-baca; perubahan tidak dapat ditulis.',
  ApiNotFound: 'Versi Excel ini belum mendukung fitur yang diperlukan; perbarui Excel lalu coba lagi.',
};

export function pesanExcel(e: unknown): Error {
  const code = kodeGalat(e);
  if (code && PESAN_OFFICE[code]) return new Error(PESAN_OFFICE[code]);
  if (code) return new Error(`Excel menolak permintaan (${code}). Coba lagi; bila tetap gagal, simpan dan buka ulang buku kerja.`);
  return e instanceof Error ? e : new Error(String(e));
}

export function buatJembatanExcel(host: ExcelDeps): Jembatan {
  const now = host.now ?? (() => Date.now());
  const deps: ExcelDeps = {
    ...host,
    run: async (batch) => {
      try {
        return await host.run(batch);
      } catch (e) {
        throw pesanExcel(e);
      }
    },
  };

  async function periksa(
    cakupan: Cakupan,
    pengaturan: Pengaturan,
    kemajuan?: (k: Kemajuan) => void,
    batal?: AbortSignal,
  ): Promise<PeriksaView> {
    const t0 = now();
    /** Batalkan is honoured up to the first write: until then nothing in the workbook changed. */
    const cekBatal = () => {
      if (batal?.aborted) throw new PeriksaDibatalkan();
    };
    return deps.run(async (context) => {
      const wb = context.workbook;
      kemajuan?.({ tahap: 'baca', pesan: 'Membaca lembar kerja', selesai: 0, total: 0 });

      // 1: what is there to read.
      const { active, activeUsed, worksheets, selection } = muatCakupan(wb);
      const cadItem = wb.settings.getItemOrNullObject(KUNCI_CADANGAN);
      cadItem.load('value');
      await context.sync();

      // A backup that cannot be read is refused before anything is marked: marking over it would
      // lose the planner's fills and notes it still holds.
      const lama = bacaCadangan(cadItem.isNullObject ? null : (cadItem.value as string));
      const tolak = tolakCadangan(lama);
      if (tolak !== null || !lama.ok) throw new Error(tolak ?? '');
      const old: Cadangan = lama.cadangan;

      // 2: every cell needed, in blocks sized from their bytes.
      let usedOf: Map<string, string> = new Map([[active.name, activeUsed.address]]);
      if (cakupan === 'buku') {
        // Every sheet's used range: their names are known only now.
        const ranges = worksheets.items.map((w) => {
          const r = wb.worksheets.getItem(w.name).getUsedRange();
          r.load('address');
          return [w.name, r] as const;
        });
        await context.sync();
        usedOf = new Map(ranges.map(([n, r]) => [n, r.address]));
      }
      const rencana = rencanaBaca(cakupan, active.name, usedOf, selection.address, selection.cellCount);
      const reads = await bacaAreas(
        context,
        rencana.bacaan.map((t) => ({ ws: wb.worksheets.getItem(t.name), name: t.name, area: t.area })),
        {
          formulas: true,
          numberFormat: true,
          bold: true,
          fill: true,
          merges: true,
          kemajuan: (rows, total) => kemajuan?.({ tahap: 'baca', pesan: 'Membaca lembar kerja', selesai: rows, total }),
          batal,
        },
      );
      cekBatal();
      const dibaca: Dibaca[] = [];
      rencana.bacaan.forEach((t, i) => {
        const read = reads[i];
        const whole = toSheet(t.name, read);
        const props = read.cellProperties!;
        if (t.sekitar) {
          // One cell selected: the table around it, as Ctrl+A finds it; none there, the whole sheet.
          const region = dataRegion(whole, t.sekitar.row, t.sekitar.col);
          // A lone title line is no table: the whole sheet then.
          if (region && region.bottom > region.top) {
            const part = props
              .slice(region.top - t.area.top, region.bottom - t.area.top + 1)
              .map((r) => r.slice(region.left - t.area.left, region.right - t.area.left + 1));
            dibaca.push({ sheet: cropSheet(whole, region), area: { sheet: t.name, ...region }, props: part });
            return;
          }
          rencana.cakupan = 'lembar';
        }
        dibaca.push({ sheet: whole, area: t.area, props });
      });

      kemajuan?.({ tahap: 'periksa', pesan: 'Memeriksa tabel', selesai: 0, total: dibaca.length });
      // The check itself runs without a break; let the pane paint its progress first.
      if (kemajuan) await new Promise((r) => setTimeout(r, 0));
      const workbook: Workbook = { name: 'Buku kerja', sheets: dibaca.map((d) => d.sheet) };
      const options = pengaturan.skala ? { skala: pengaturan.skala } : {};
      const onProgress = (p: PeriksaProgress) =>
        kemajuan?.({ tahap: 'periksa', pesan: `Memeriksa lembar ${p.sheet}`, selesai: p.sheetIndex, total: p.sheetCount });
      // In a worker where the host gives one (the pane stays live, the functions answer); else here.
      cekBatal();
      const result: HasilPekerja = deps.periksa
        ? await deps.periksa(workbook, options, onProgress, batal)
        : periksaWorkbook(workbook, options, onProgress);
      cekBatal();

      kemajuan?.({ tahap: 'tandai', pesan: 'Menandai sel', selesai: 0, total: 0 });
      const where = (sheet: string, row: number, col: number) =>
        dibaca.find(
          (d) => d.area.sheet === sheet && row >= d.area.top && row <= d.area.bottom && col >= d.area.left && col <= d.area.right,
        );
      // A finding on a covered cell of a merged area is marked on its anchor (core/tanda).
      const plans = planMarks(result.findings, gabunganDari(dibaca.map((d) => d.sheet))).filter(
        (p) => where(p.sheet, p.row, p.col) !== undefined,
      );
      if (plans.length === 0 && old.sel.length === 0) {
        return view(rencana.cakupan, result, 0);
      }

      // 3: the fills and notes of the cells the core names (core/tanda/pembukuan.ts decides; the
      // marked cells' fills were read with the cells), in batches under the request budget.
      const names = worksheets.items.map((w) => w.name);
      const cells = selUntukTandai(old, plans, names);
      const planAt = new Map(plans.map((p) => [key(p.sheet, p.cell), p]));
      const keadaan = await muatKeadaan(context, wb, cells, (sheet, cell) => {
        const p = planAt.get(key(sheet, cell));
        const d = p && where(sheet, p.row, p.col);
        return d && p ? fillOf(d.props[p.row - d.area.top]?.[p.col - d.area.left]) : undefined;
      });
      const tanda = rencanaTandai(old, plans, names, keadaan.baca);

      // 4: the backup first, then every mark, in batches. Until the last batch the backup also
      // keeps the cells being unmarked, so a batch that fails leaves nothing Hapus Tanda cannot undo.
      const finalKeys = new Set(tanda.backup.sel.map((c) => key(c.sheet, c.cell)));
      const during: Cadangan = {
        ...tanda.backup,
        sel: [...old.sel.filter((c) => !finalKeys.has(key(c.sheet, c.cell))), ...tanda.backup.sel],
      };
      const duringText = during.sel.length > 0 ? tulisCadangan(during) : null;
      if (duringText !== null && byteJson(duringText) > BATAS_CADANGAN) {
        throw new Error(
          `Terlalu banyak sel bermasalah (${plans.length}) untuk dicatat cadangannya di buku kerja ini; tidak ada sel yang ditandai. Periksa bagian tabel yang lebih kecil lewat "Sel yang dipilih".`,
        );
      }
      const finalText = tanda.backup.sel.length > 0 ? tulisCadangan(tanda.backup) : null;
      // The last moment to stop: the next sync writes the backup.
      cekBatal();
      await keadaan.tulis(tanda.writes, {
        firstBytes: duringText === null ? 0 : byteJson(duringText),
        first: () => {
          if (duringText !== null) wb.settings.add(KUNCI_CADANGAN, duringText);
        },
        last: () => {
          if (finalText === duringText && duringText !== null) return;
          if (finalText !== null) wb.settings.add(KUNCI_CADANGAN, finalText);
          else wb.settings.getItemOrNullObject(KUNCI_CADANGAN).delete();
        },
        kemajuan: (selesai, total) => kemajuan?.({ tahap: 'tandai', pesan: 'Menandai sel', selesai, total }),
      });
      return view(rencana.cakupan, result, tanda.marked);
    });

    function view(used: Cakupan, result: HasilPekerja, marked: number): PeriksaView {
      return {
        cakupan: used,
        tables: result.tables,
        findings: result.findings,
        skala: result.skala ? result.skala.title : null,
        marked,
        ...(marked > 0 && !deps.notesSupported() ? { tanpaCatatan: true } : {}),
        ms: Math.round(now() - t0),
      };
    }
  }

  /**
   * The fills and notes of some cells, queued in the current batch (`known` gives a fill already
   * read); after the sync, `baca` answers the core and `tulis` queues the core's writes.
   */
  /**
   * Reads the fill and note of each named cell, and writes what the core decided, both in
   * batches sized under Excel's request limit (addin/excel/ukuran.ts): one sync per batch.
   */
  async function muatKeadaan(
    context: Excel.RequestContext,
    wb: Excel.Workbook,
    cells: readonly SelDiLembar[],
    known: (sheet: string, cell: string) => string | null | undefined,
  ) {
    const notes = deps.notesSupported();
    const sheetObj = new Map<string, Excel.Worksheet>();
    const ws = (name: string) => {
      let w = sheetObj.get(name);
      if (!w) {
        w = wb.worksheets.getItem(name);
        sheetObj.set(name, w);
      }
      return w;
    };
    const loaded = new Map<
      string,
      { note?: Excel.Note; fill?: OfficeExtension.ClientResult<CellProps[][]>; fillKnown?: string | null }
    >();
    for (const part of potongan(cells, () => BYTE_BACA_SEL)) {
      for (const c of part) {
        const w = ws(c.sheet);
        const note = notes ? w.notes.getItemOrNullObject(c.cell) : undefined;
        note?.load('content');
        const k = known(c.sheet, c.cell);
        loaded.set(key(c.sheet, c.cell), k === undefined ? { note, fill: loadFill(w, c.cell) } : { note, fillKnown: k });
      }
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch sized under Excel's 5 MB request limit: the loop is the chunking
      await context.sync();
    }
    const baca = (sheet: string, cell: string): KeadaanSel => {
      const l = loaded.get(key(sheet, cell));
      if (!l) return { fill: null, note: null };
      const fill = l.fill ? fillOf(l.fill.value[0]?.[0]) : (l.fillKnown ?? null);
      return { fill, note: l.note && !l.note.isNullObject ? l.note.content : null };
    };
    const tulisSatu = (w: TulisSel) => {
      const sheet = ws(w.sheet);
      if (w.fill !== undefined) {
        const fill = sheet.getRange(w.cell).format.fill;
        if (w.fill === null) fill.clear();
        else fill.color = w.fill;
      }
      if (!notes || w.note === undefined) return;
      const note = loaded.get(key(w.sheet, w.cell))?.note;
      const exists = note !== undefined && !note.isNullObject;
      if (w.note === null) {
        if (exists) note.delete();
      } else if (exists) note.content = w.note;
      else sheet.notes.add(w.cell, w.note);
    };
    /**
     * `first` is queued before the first batch (alone in its own sync when it is large), `last`
     * with the last batch; Excel runs a batch in order and stops at a failing command.
     */
    const tulis = async (
      writes: readonly TulisSel[],
      opsi: { first?: () => void; firstBytes?: number; last?: () => void; kemajuan?: (selesai: number, total: number) => void } = {},
    ) => {
      const firstBytes = opsi.firstBytes ?? 0;
      const alone = firstBytes > BATAS_BYTE / 4;
      if (alone) {
        opsi.first?.();
        await context.sync();
      }
      const parts = potongan(
        writes,
        (w) => BYTE_TULIS_SEL + byteJson(w.note ?? ''),
        BATAS_BYTE - (alone ? 0 : firstBytes) - 2 * BYTE_TULIS_SEL,
      );
      if (parts.length === 0) parts.push([]);
      for (let i = 0; i < parts.length; i++) {
        if (i === 0 && !alone) opsi.first?.();
        for (const w of parts[i]) tulisSatu(w);
        if (i === parts.length - 1) opsi.last?.();
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch sized under Excel's 5 MB request limit: the loop is the chunking
        await context.sync();
        opsi.kemajuan?.(i + 1, parts.length);
      }
    };
    return { baca, tulis };
  }

  async function hapusTanda(): Promise<{ restored: number }> {
    return deps.run(async (context) => {
      const wb = context.workbook;
      const cadItem = wb.settings.getItemOrNullObject(KUNCI_CADANGAN);
      cadItem.load('value');
      const worksheets = wb.worksheets;
      worksheets.load('items/name');
      await context.sync();
      if (cadItem.isNullObject) return { restored: 0 };
      const baca = bacaCadangan(cadItem.value as string);
      if (!baca.ok) throw new Error(baca.message);
      // A sheet deleted or renamed since is skipped before anything is read from it.
      const names = worksheets.items.map((w) => w.name);
      const keadaan = await muatKeadaan(context, wb, selUntukHapus(baca.cadangan, names), () => undefined);
      const hapus = rencanaHapus(baca.cadangan, names, keadaan.baca);
      // The backup goes only with the last batch: a batch that fails leaves it for another try.
      await keadaan.tulis(hapus.writes, { last: () => cadItem.delete() });
      return { restored: hapus.restored };
    });
  }

  async function pilihSel(sheet: string, cell: string): Promise<void> {
    await deps.run(async (context) => {
      const w = context.workbook.worksheets.getItem(sheet);
      w.activate();
      w.getRange(cell).select();
      await context.sync();
    });
  }

  async function bacaPengaturanExcel(): Promise<Pengaturan> {
    return deps.run(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(KUNCI_PENGATURAN);
      item.load('value');
      await context.sync();
      return bacaPengaturan(item.isNullObject ? null : item.value);
    });
  }

  async function simpanPengaturan(p: Pengaturan): Promise<void> {
    await deps.run(async (context) => {
      context.workbook.settings.add(KUNCI_PENGATURAN, tulisPengaturan(p));
      await context.sync();
    });
  }

  function pohonBelumAda(): never {
    throw new Error('Pembuat pohon kinerja belum tersedia pada versi add-in ini.');
  }

  async function pohonKinerja(ganti: boolean): Promise<PohonView> {
    const pohon = deps.pohon ?? pohonBelumAda();
    return deps.run(async (context) => {
      const wb = context.workbook;
      const active = wb.worksheets.getActiveWorksheet();
      active.load('name');
      const used = active.getUsedRange();
      used.load('address');
      await context.sync();
      const area = areaAlamat(used.address);
      const read = area
        ? await bacaAreas(context, [{ ws: wb.worksheets.getItem(active.name), name: active.name, area }], {
            formulas: true,
            numberFormat: true,
            bold: true,
          })
        : [];
      const sheet = toSheet(active.name, read[0] ?? { address: used.address, values: [] });
      const hasil = pohon.pohonKinerja({ name: 'Buku kerja', sheets: [sheet] }, { lembar: active.name });
      const ditulis = await tulisGambar(context, hasil.drawing, ganti);
      if (!ditulis) return { status: 'sudah-ada', sheet: hasil.drawing.sheetName, nodes: hasil.nodes, messages: hasil.messages };
      return { status: 'dibuat', sheet: hasil.drawing.sheetName, nodes: hasil.nodes, messages: hasil.messages };
    });
  }

  async function templatPohon(): Promise<{ sheet: string }> {
    const pohon = deps.pohon ?? pohonBelumAda();
    return deps.run(async (context) => {
      const drawing = pohon.templatPohon();
      const names = context.workbook.worksheets;
      names.load('items/name');
      await context.sync();
      const name = uniqueSheetName(
        names.items.map((w) => w.name),
        drawing.sheetName,
      );
      await tulisGambar(context, { ...drawing, sheetName: name }, false);
      return { sheet: name };
    });
  }

  return {
    host: 'Excel',
    bisaDibatalkan: true,
    periksa,
    hapusTanda,
    pilihSel,
    bacaPengaturan: bacaPengaturanExcel,
    simpanPengaturan,
    pohonKinerja,
    templatPohon,
    pasangTanpaAwalan: () => deps.run((context) => pasangLambda(context)),
    jadikanRumusBawaan: (cakupan, terapkan) => deps.run((context) => jadikanRumusBawaanExcel(context, cakupan, terapkan)),
    kembalikanRumusAsli: () => deps.run((context) => kembalikanRumusAsliExcel(context)),
  };
}
