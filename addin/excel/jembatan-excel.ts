import { Sheet, Workbook } from '../../core/lembar/model';
import { cropSheet, dataRegion } from '../../core/lembar/wilayah-data';
import { bacaPengaturan, Pengaturan, tulisPengaturan } from '../../core/pengaturan';
import { periksaWorkbook, PeriksaProgress } from '../../core/periksa';
import type { HasilPekerja, PeriksaFn } from './pekerja';
import type { Drawing } from '../../core/pohon/gambar';
import { isMarkFill, planMarks, uniqueSheetName } from '../../core/tanda';
import { bacaCadangan, Cadangan, gabungCadangan, SelCadangan } from '../../core/tanda/cadangan';
import type { Cakupan, Jembatan, Kemajuan, PeriksaView, PohonView } from '../../ui/jembatan';
import { catatanPengguna, catatanTanda, pulihCatatan } from '../../core/tanda/catatan';
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
  RequestPayloadSizeLimitExceeded: 'Lembar terlalu besar untuk dibaca sekaligus di Excel ini; pilih bagian tabelnya lalu periksa "Sel yang dipilih".',
  ResponsePayloadSizeLimitExceeded: 'Lembar terlalu besar untuk dibaca sekaligus di Excel ini; pilih bagian tabelnya lalu periksa "Sel yang dipilih".',
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

      // A backup that cannot be read is refused before anything is marked: marking over it would
      // lose the planner's fills and notes it still holds.
      const lama = bacaCadangan(cadItem.isNullObject ? null : (cadItem.value as string));
      if (!lama.ok) throw new Error(`${lama.message} Periksa Tabel tidak menandai sel agar warna dan catatan asli yang tercatat di sana tidak tertimpa.`);
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
        },
      );
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
            const part = props.slice(region.top - t.area.top, region.bottom - t.area.top + 1).map((r) => r.slice(region.left - t.area.left, region.right - t.area.left + 1));
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
      const onProgress = (p: PeriksaProgress) => kemajuan?.({ tahap: 'periksa', pesan: `Memeriksa lembar ${p.sheet}`, selesai: p.sheetIndex, total: p.sheetCount });
      // In a worker where the host gives one (the pane stays live, the functions answer); else here.
      const result: HasilPekerja = deps.periksa ? await deps.periksa(workbook, options, onProgress) : periksaWorkbook(workbook, options, onProgress);

      kemajuan?.({ tahap: 'tandai', pesan: 'Menandai sel', selesai: 0, total: 0 });
      const where = (sheet: string, row: number, col: number) =>
        dibaca.find((d) => d.area.sheet === sheet && row >= d.area.top && row <= d.area.bottom && col >= d.area.left && col <= d.area.right);
      const plans = planMarks(result.findings).filter((p) => where(p.sheet, p.row, p.col) !== undefined);
      const planned = new Set(plans.map((p) => key(p.sheet, p.cell)));
      // Cells on a sheet deleted or renamed since cannot be restored: they leave the backup unread.
      const names = new Set(worksheets.items.map((w) => w.name));
      const stale = old.sel.filter((s) => !planned.has(key(s.sheet, s.cell)) && names.has(s.sheet));
      const oldByKey = new Map(old.sel.map((s) => [key(s.sheet, s.cell), s]));

      if (plans.length === 0 && old.sel.length === 0) {
        return view(rencana.cakupan, result, 0);
      }

      // 3: the notes of the cells about to change (to keep the user's own text), in batches.
      const notes = deps.notesSupported();
      const sheetObj = new Map<string, Excel.Worksheet>();
      const ws = (name: string) => {
        let w = sheetObj.get(name);
        // eslint-disable-next-line office-addins/test-for-null-using-isNullObject -- a Map miss, not a null object
        if (!w) {
          w = wb.worksheets.getItemOrNullObject(name);
          w.load('name');
          sheetObj.set(name, w);
        }
        return w;
      };
      const noteOf = new Map<string, Excel.Note>();
      const staleFill = new Map<string, OfficeExtension.ClientResult<CellProps[][]>>();
      const staleKeys = new Set(stale.map((s) => key(s.sheet, s.cell)));
      for (const part of potongan([...plans, ...stale], () => BYTE_BACA_SEL)) {
        for (const c of part) {
          const w = ws(c.sheet);
          const k = key(c.sheet, c.cell);
          if (notes) {
            const n = w.notes.getItemOrNullObject(c.cell);
            n.load('content');
            noteOf.set(k, n);
          }
          if (staleKeys.has(k)) staleFill.set(k, loadFill(w, c.cell));
        }
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch sized under Excel's 5 MB request limit: the loop is the chunking
        await context.sync();
      }
      const current = (sheet: string, cell: string): string | null => {
        const n = noteOf.get(key(sheet, cell));
        return n && !n.isNullObject ? n.content : null;
      };

      // 4: the backup first, then every fill and note, in batches under the budget. Excel runs a
      // batch in order and stops at a failing command, so whatever got marked is in the backup.
      const fresh: SelCadangan[] = [];
      const tulis: { bytes: number; run: () => void }[] = [];
      for (const s of stale) {
        const w = ws(s.sheet);
        if (w.isNullObject) continue;
        const act = () => restore(w, s, fillOf(staleFill.get(key(s.sheet, s.cell))!.value[0]?.[0]), current(s.sheet, s.cell), noteOf.get(key(s.sheet, s.cell)), notes);
        tulis.push({ bytes: BYTE_TULIS_SEL + byteJson(s.note ?? ''), run: act });
      }
      for (const p of plans) {
        const w = ws(p.sheet);
        const d = where(p.sheet, p.row, p.col)!;
        const prior = oldByKey.get(key(p.sheet, p.cell));
        const ada = current(p.sheet, p.cell);
        const userNote = prior ? prior.note : ada;
        fresh.push({ sheet: p.sheet, cell: p.cell, fill: fillOf(d.props[p.row - d.area.top]?.[p.col - d.area.left]), note: userNote, kami: p.note });
        // Marked before: our earlier text is replaced, whatever the planner added stays.
        const text = notes ? catatanTanda(prior ? catatanPengguna(ada, prior) : ada, p.note) : '';
        tulis.push({
          bytes: BYTE_TULIS_SEL + byteJson(text),
          run: () => {
            w.getRange(p.cell).format.fill.color = `#${p.fill}`;
            if (!notes) return;
            if (ada === null) w.notes.add(p.cell, text);
            else noteOf.get(key(p.sheet, p.cell))!.content = text;
          },
        });
      }
      const kept: Cadangan = { versi: 1, sel: old.sel.filter((s) => planned.has(key(s.sheet, s.cell))) };
      const backup = gabungCadangan(kept, fresh);
      // Until the stale cells are restored, the backup still holds them.
      const during = gabungCadangan({ versi: 1, sel: [...stale, ...kept.sel] }, fresh);
      const backupText = JSON.stringify(during);
      if (byteJson(backupText) > BATAS_CADANGAN) {
        throw new Error(
          `Terlalu banyak sel bermasalah (${plans.length}) untuk dicatat cadangannya di buku kerja ini; tidak ada sel yang ditandai. Periksa bagian tabel yang lebih kecil lewat "Sel yang dipilih".`,
        );
      }
      // A large backup goes alone, one sync before the marks; a small one leads the first batch.
      const sendiri = byteJson(backupText) > BATAS_BYTE / 4;
      if (sendiri) {
        wb.settings.add(KUNCI_CADANGAN, backupText);
        await context.sync();
      }
      const parts = potongan(tulis, (t) => t.bytes, BATAS_BYTE - (sendiri ? 0 : byteJson(backupText)) - 2 * BYTE_TULIS_SEL);
      if (parts.length === 0) parts.push([]);
      for (let i = 0; i < parts.length; i++) {
        if (i === 0 && !sendiri && during.sel.length > 0) wb.settings.add(KUNCI_CADANGAN, backupText);
        for (const t of parts[i]) t.run();
        if (i === parts.length - 1) {
          if (during.sel.length === 0) {
            if (!cadItem.isNullObject) cadItem.delete();
          } else if (stale.length > 0) {
            // The stale cells are restored now: the backup keeps only what is still marked.
            if (backup.sel.length > 0) wb.settings.add(KUNCI_CADANGAN, JSON.stringify(backup));
            else wb.settings.getItemOrNullObject(KUNCI_CADANGAN).delete();
          }
        }
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch sized under Excel's 5 MB request limit: the loop is the chunking
        await context.sync();
        kemajuan?.({ tahap: 'tandai', pesan: 'Menandai sel', selesai: i + 1, total: parts.length });
      }
      return view(rencana.cakupan, result, plans.length);
    });

    function view(used: Cakupan, result: HasilPekerja, marked: number): PeriksaView {
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
   * A marked cell back as it was: its fill only while it is still our mark (a fill the planner
   * chose since is theirs), its note as core/tanda/catatan.ts decides.
   */
  function restore(w: Excel.Worksheet, s: SelCadangan, fillNow: string | null, now: string | null, note: Excel.Note | undefined, notes: boolean): void {
    if (isMarkFill(fillNow)) {
      const fill = w.getRange(s.cell).format.fill;
      if (s.fill === null) fill.clear();
      else fill.color = s.fill;
    }
    if (!notes || !note) return;
    const act = pulihCatatan(now, s.note, s.kami);
    if (act.aksi === 'hapus') note.delete();
    else if (act.aksi === 'ganti') note.content = act.isi;
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
      const notes = deps.notesSupported();
      // A sheet deleted or renamed since is skipped before anything is read from it.
      const names = new Set(worksheets.items.map((w) => w.name));
      const sheets = new Map<string, Excel.Worksheet>();
      const sheet = (name: string) => {
        let w = sheets.get(name);
        if (!w) {
          w = wb.worksheets.getItem(name);
          sheets.set(name, w);
        }
        return w;
      };
      const items: { s: SelCadangan; w: Excel.Worksheet; note?: Excel.Note; fill: OfficeExtension.ClientResult<CellProps[][]> }[] = [];
      for (const part of potongan(baca.cadangan.sel.filter((s) => names.has(s.sheet)), () => BYTE_BACA_SEL)) {
        for (const s of part) {
          const w = sheet(s.sheet);
          const note = notes ? w.notes.getItemOrNullObject(s.cell) : undefined;
          note?.load('content');
          items.push({ s, w, note, fill: loadFill(w, s.cell) });
        }
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch sized under Excel's 5 MB request limit: the loop is the chunking
        await context.sync();
      }
      let restored = 0;
      // The backup goes only with the last batch: a batch that fails leaves it for another try.
      const parts = potongan(items, (i) => BYTE_TULIS_SEL + byteJson(i.s.note ?? '') + byteJson(i.note && !i.note.isNullObject ? i.note.content : ''));
      if (parts.length === 0) parts.push([]);
      for (let i = 0; i < parts.length; i++) {
        for (const { s, w, note, fill } of parts[i]) {
          restore(w, s, fillOf(fill.value[0]?.[0]), note && !note.isNullObject ? note.content : null, note && !note.isNullObject ? note : undefined, notes);
          restored++;
        }
        if (i === parts.length - 1) cadItem.delete();
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch sized under Excel's 5 MB request limit: the loop is the chunking
        await context.sync();
      }
      return { restored };
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
        ? await bacaAreas(context, [{ ws: wb.worksheets.getItem(active.name), name: active.name, area }], { formulas: true, numberFormat: true, bold: true })
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
