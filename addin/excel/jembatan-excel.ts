import { a1, Sheet, Workbook } from '../../core/lembar/model';
import { bacaPengaturan, Pengaturan, tulisPengaturan } from '../../core/pengaturan';
import { periksaWorkbook } from '../../core/periksa';
import type { Drawing } from '../../core/pohon/gambar';
import { planMarks, uniqueSheetName } from '../../core/tanda';
import { bacaCadangan, Cadangan, tulisCadangan } from '../../core/tanda/cadangan';
import { KeadaanSel, rencanaHapus, rencanaTandai, SelDiLembar, selUntukHapus, selUntukTandai, tolakCadangan, TulisSel } from '../../core/tanda/pembukuan';
import type { Cakupan, Jembatan, Kemajuan, PeriksaView, PohonView } from '../../ui/jembatan';
import { tulisGambar } from './gambar';
import { pasangLambda } from './lambda';
import { CellProps, fillOf, parseAddress, RangeArea, RangeRead, toSheet } from './model';
import { jadikanRumusBawaanExcel, kembalikanRumusAsliExcel } from './rumus-bawaan';
import { muatCakupan } from './cakupan';

/**
 * The Excel side of the pane's bridge, on Office.js. Each action is one Excel.run with as few
 * round trips as the data allows: Periksa reads (1) what to read, (2) every cell it needs in
 * one batch, (3) the notes of the cells it will mark, then (4) writes every fill, note and the
 * backup in one batch — four context.sync() calls whatever the number of rows.
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
  now?: () => number;
}

interface Dibaca {
  sheet: Sheet;
  area: RangeArea;
  props: CellProps[][];
}

const PROPS_LOAD = { format: { fill: { color: true, pattern: true }, font: { bold: true } } } as const;
const FILL_LOAD = { format: { fill: { color: true, pattern: true } } } as const;

/** A marked cell's fill as it is now, queued with the read of its note; `fillOf` its value after the sync. */
function loadFill(w: Excel.Worksheet, cell: string): OfficeExtension.ClientResult<CellProps[][]> {
  return w.getRange(cell).getCellProperties(FILL_LOAD) as OfficeExtension.ClientResult<CellProps[][]>;
}

/** The part of `b` inside `a` (both on one sheet), or null. */
function intersect(a: RangeArea, b: RangeArea): RangeArea | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top > bottom || left > right ? null : { sheet: a.sheet, top, left, bottom, right };
}

function areaAddress(r: RangeArea): string {
  return `${a1({}, r.top, r.left)}:${a1({}, r.bottom, r.right)}`;
}

const key = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;

/** Office.js errors (RichApi.Error, English) as one Indonesian sentence the planner can act on. */
const PESAN_OFFICE: Record<string, string> = {
  InvalidSelection: 'Pilih sel di lembar kerja (bukan grafik atau gambar), lalu coba lagi.',
  ItemNotFound: 'Lembar atau sel yang dituju sudah tidak ada.',
  RequestPayloadSizeLimitExceeded: 'Lembar terlalu besar untuk dibaca sekaligus di Excel ini; pilih bagian tabelnya lalu periksa "Sel yang dipilih".',
  ResponsePayloadSizeLimitExceeded: 'Lembar terlalu besar untuk dibaca sekaligus di Excel ini; pilih bagian tabelnya lalu periksa "Sel yang dipilih".',
  InvalidOperationInCellEditMode: 'Excel sedang dalam mode mengedit sel; tekan Enter atau Esc, lalu coba lagi.',
  AccessDenied: 'Buku kerja ini terkunci atau hanya-baca; perubahan tidak dapat ditulis.',
  ApiNotFound: 'Versi Excel ini belum mendukung fitur yang diperlukan; perbarui Excel lalu coba lagi.',
};

export function pesanExcel(e: unknown): Error {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
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

  async function periksa(cakupan: Cakupan, pengaturan: Pengaturan, kemajuan?: (k: Kemajuan) => void): Promise<PeriksaView> {
    const t0 = now();
    return deps.run(async (context) => {
      const wb = context.workbook;
      kemajuan?.({ tahap: 'baca', pesan: 'Membaca lembar kerja', selesai: 0, total: 0 });

      // 1: what is there to read.
      const { active, activeUsed, worksheets, selection } = muatCakupan(wb);
      const cadItem = wb.settings.getItemOrNullObject(KUNCI_CADANGAN);
      cadItem.load('value');
      await context.sync();

      // The selection when it is more than one cell, else the active sheet.
      let used: Cakupan = cakupan;
      if (used === 'pilihan' && selection.cellCount <= 1) used = 'lembar';
      const targets: { name: string; range: Excel.Range }[] = [];
      if (used === 'pilihan') {
        const sel = parseAddress(selection.address);
        const all = parseAddress(activeUsed.address);
        const part = sel && all ? intersect(all, sel) : null;
        if (part) targets.push({ name: active.name, range: active.getRange(areaAddress(part)) });
      } else if (used === 'lembar') {
        targets.push({ name: active.name, range: activeUsed });
      } else {
        for (const ws of worksheets.items) targets.push({ name: ws.name, range: ws.getUsedRange() });
      }

      // 2: every cell needed, in one batch.
      const reads = targets.map(({ name, range }) => {
        range.load('address,values,formulas,numberFormat');
        const props = range.getCellProperties(PROPS_LOAD);
        const merged = range.getMergedAreasOrNullObject();
        merged.load('address');
        return { name, range, props, merged };
      });
      await context.sync();

      const dibaca = new Map<string, Dibaca>();
      const sheets: Sheet[] = [];
      for (const r of reads) {
        const read: RangeRead = {
          address: r.range.address,
          values: r.range.values,
          formulas: r.range.formulas,
          numberFormat: r.range.numberFormat,
          cellProperties: r.props.value as CellProps[][],
          mergedAreas: r.merged.isNullObject ? null : r.merged.address,
        };
        const sheet = toSheet(r.name, read);
        sheets.push(sheet);
        dibaca.set(r.name, { sheet, area: parseAddress(read.address)!, props: read.cellProperties! });
      }

      kemajuan?.({ tahap: 'periksa', pesan: 'Memeriksa tabel', selesai: 0, total: sheets.length });
      // The check itself runs without a break; let the pane paint its progress first.
      if (kemajuan) await new Promise((r) => setTimeout(r, 0));
      const workbook: Workbook = { name: 'Buku kerja', sheets };
      const result = periksaWorkbook(workbook, pengaturan.skala ? { skala: pengaturan.skala } : {}, (p) =>
        kemajuan?.({ tahap: 'periksa', pesan: `Memeriksa lembar ${p.sheet}`, selesai: p.sheetIndex, total: p.sheetCount }),
      );

      kemajuan?.({ tahap: 'tandai', pesan: 'Menandai sel', selesai: 0, total: 0 });
      // The bookkeeping is core/tanda/pembukuan.ts: an unreadable backup is refused before anything is written.
      const stored = bacaCadangan(cadItem.isNullObject ? null : (cadItem.value as string));
      const tolak = tolakCadangan(stored);
      if (tolak !== null) throw new Error(tolak);
      const previous = (stored as { cadangan: Cadangan }).cadangan;
      const plans = planMarks(result.findings).filter((p) => {
        const d = dibaca.get(p.sheet);
        return d !== undefined && p.row >= d.area.top && p.row <= d.area.bottom && p.col >= d.area.left && p.col <= d.area.right;
      });
      if (plans.length === 0 && previous.sel.length === 0) {
        return view(used, result, 0);
      }

      // 3: the fills and notes of the cells the core names (the marked ones' fills are read already).
      const names = worksheets.items.map((w) => w.name);
      const cells = selUntukTandai(previous, plans, names);
      const planAt = new Map(plans.map((p) => [key(p.sheet, p.cell), p]));
      const keadaan = muatKeadaan(wb, cells, (sheet, cell) => {
        const d = dibaca.get(sheet);
        const p = planAt.get(key(sheet, cell));
        return d && p ? fillOf(d.props[p.row - d.area.top]?.[p.col - d.area.left]) : undefined;
      });
      await context.sync();
      const rencana = rencanaTandai(previous, plans, names, keadaan.baca);

      // 4: the backup first, then every mark, in one batch.
      if (rencana.backup.sel.length > 0) wb.settings.add(KUNCI_CADANGAN, tulisCadangan(rencana.backup));
      else if (!cadItem.isNullObject) cadItem.delete();
      keadaan.tulis(rencana.writes);
      await context.sync();
      return view(used, result, rencana.marked);
    });

    function view(used: Cakupan, result: ReturnType<typeof periksaWorkbook>, marked: number): PeriksaView {
      return {
        cakupan: used,
        tables: result.tables,
        findings: result.findings,
        skala: result.skala ? result.skala.title : null,
        marked,
        ms: Math.round(now() - t0),
      };
    }
  }

  /**
   * The fills and notes of some cells, queued in the current batch (`known` gives a fill already
   * read); after the sync, `baca` answers the core and `tulis` queues the core's writes.
   */
  function muatKeadaan(wb: Excel.Workbook, cells: readonly SelDiLembar[], known: (sheet: string, cell: string) => string | null | undefined) {
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
    const loaded = new Map<string, { note?: Excel.Note; fill?: OfficeExtension.ClientResult<CellProps[][]>; fillKnown?: string | null }>();
    for (const c of cells) {
      const w = ws(c.sheet);
      const note = notes ? w.notes.getItemOrNullObject(c.cell) : undefined;
      note?.load('content');
      const k = known(c.sheet, c.cell);
      loaded.set(key(c.sheet, c.cell), k === undefined ? { note, fill: loadFill(w, c.cell) } : { note, fillKnown: k });
    }
    const baca = (sheet: string, cell: string): KeadaanSel => {
      const l = loaded.get(key(sheet, cell));
      if (!l) return { fill: null, note: null };
      const fill = l.fill ? fillOf(l.fill.value[0]?.[0]) : (l.fillKnown ?? null);
      return { fill, note: l.note && !l.note.isNullObject ? l.note.content : null };
    };
    const tulis = (writes: readonly TulisSel[]) => {
      for (const w of writes) {
        const sheet = ws(w.sheet);
        if (w.fill !== undefined) {
          const fill = sheet.getRange(w.cell).format.fill;
          if (w.fill === null) fill.clear();
          else fill.color = w.fill;
        }
        if (!notes || w.note === undefined) continue;
        const note = loaded.get(key(w.sheet, w.cell))?.note;
        const exists = note !== undefined && !note.isNullObject;
        if (w.note === null) {
          if (exists) note.delete();
        } else if (exists) note.content = w.note;
        else sheet.notes.add(w.cell, w.note);
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
      const keadaan = muatKeadaan(wb, selUntukHapus(baca.cadangan, names), () => undefined);
      await context.sync();
      const rencana = rencanaHapus(baca.cadangan, names, keadaan.baca);
      keadaan.tulis(rencana.writes);
      cadItem.delete();
      await context.sync();
      return { restored: rencana.restored };
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
      used.load('address,values,formulas,numberFormat');
      const props = used.getCellProperties({ format: { font: { bold: true } } });
      await context.sync();
      const sheet = toSheet(active.name, {
        address: used.address,
        values: used.values,
        formulas: used.formulas,
        numberFormat: used.numberFormat,
        cellProperties: props.value as CellProps[][],
      });
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
