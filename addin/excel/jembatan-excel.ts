import { a1, Sheet, Workbook } from '../../core/lembar/model';
import { bacaPengaturan, Pengaturan, tulisPengaturan } from '../../core/pengaturan';
import { periksaWorkbook } from '../../core/periksa';
import type { Drawing } from '../../core/pohon/gambar';
import { isMarkFill, planMarks, uniqueSheetName } from '../../core/tanda';
import { bacaCadangan, Cadangan, gabungCadangan, SelCadangan } from '../../core/tanda/cadangan';
import type { Cakupan, Jembatan, Kemajuan, PeriksaView, PohonView } from '../../ui/jembatan';
import { catatanPengguna, catatanTanda, pulihCatatan } from '../../core/tanda/catatan';
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
      const lama = bacaCadangan(cadItem.isNullObject ? null : (cadItem.value as string));
      const old: Cadangan = lama.ok ? lama.cadangan : { versi: 2, sel: [] };
      const plans = planMarks(result.findings).filter((p) => {
        const d = dibaca.get(p.sheet);
        return d !== undefined && p.row >= d.area.top && p.row <= d.area.bottom && p.col >= d.area.left && p.col <= d.area.right;
      });
      const planned = new Set(plans.map((p) => key(p.sheet, p.cell)));
      // Cells on a sheet deleted or renamed since cannot be restored: they leave the backup unread.
      const names = new Set(worksheets.items.map((w) => w.name));
      const stale = old.sel.filter((s) => !planned.has(key(s.sheet, s.cell)) && names.has(s.sheet));
      const oldByKey = new Map(old.sel.map((s) => [key(s.sheet, s.cell), s]));

      if (plans.length === 0 && old.sel.length === 0) {
        return view(used, result, 0);
      }

      // 3: the notes of the cells about to change (to keep the user's own text).
      const notes = deps.notesSupported();
      const sheetObj = new Map<string, Excel.Worksheet>();
      const ws = (name: string) => {
        let w = sheetObj.get(name);
        if (!w) {
          w = wb.worksheets.getItemOrNullObject(name);
          w.load('name');
          sheetObj.set(name, w);
        }
        return w;
      };
      const noteOf = new Map<string, Excel.Note>();
      for (const c of [...plans, ...stale]) {
        const w = ws(c.sheet);
        if (notes) {
          const n = w.notes.getItemOrNullObject(c.cell);
          n.load('content');
          noteOf.set(key(c.sheet, c.cell), n);
        }
      }
      const staleFill = new Map(stale.map((s) => [key(s.sheet, s.cell), loadFill(ws(s.sheet), s.cell)]));
      await context.sync();
      const current = (sheet: string, cell: string): string | null => {
        const n = noteOf.get(key(sheet, cell));
        return n && !n.isNullObject ? n.content : null;
      };

      // 4: every write in one batch.
      for (const s of stale) {
        const w = ws(s.sheet);
        if (w.isNullObject) continue;
        restore(w, s, fillOf(staleFill.get(key(s.sheet, s.cell))!.value[0]?.[0]), current(s.sheet, s.cell), noteOf.get(key(s.sheet, s.cell)), notes);
      }
      const fresh: SelCadangan[] = [];
      for (const p of plans) {
        const w = ws(p.sheet);
        const d = dibaca.get(p.sheet)!;
        const prior = oldByKey.get(key(p.sheet, p.cell));
        const ada = current(p.sheet, p.cell);
        const userNote = prior ? prior.note : ada;
        fresh.push({ sheet: p.sheet, cell: p.cell, fill: fillOf(d.props[p.row - d.area.top]?.[p.col - d.area.left]), note: userNote, markNote: p.note });
        w.getRange(p.cell).format.fill.color = `#${p.fill}`;
        if (notes) {
          // Marked before: our earlier text is replaced, whatever the planner added stays.
          const text = catatanTanda(prior ? catatanPengguna(ada, prior) : ada, p.note);
          if (ada === null) w.notes.add(p.cell, text);
          else noteOf.get(key(p.sheet, p.cell))!.content = text;
        }
      }
      const kept: Cadangan = { versi: 2, sel: old.sel.filter((s) => planned.has(key(s.sheet, s.cell))) };
      const backup = gabungCadangan(kept, fresh);
      if (backup.sel.length > 0) wb.settings.add(KUNCI_CADANGAN, JSON.stringify(backup));
      else if (!cadItem.isNullObject) cadItem.delete();
      await context.sync();
      return view(used, result, plans.length);
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
    const act = pulihCatatan(now, s.note, s.markNote);
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
      const items = baca.cadangan.sel
        .filter((s) => names.has(s.sheet))
        .map((s) => {
          let w = sheets.get(s.sheet);
          if (!w) {
            w = wb.worksheets.getItem(s.sheet);
            sheets.set(s.sheet, w);
          }
          const note = notes ? w.notes.getItemOrNullObject(s.cell) : undefined;
          note?.load('content');
          return { s, w, note, fill: loadFill(w, s.cell) };
        });
      await context.sync();
      let restored = 0;
      for (const { s, w, note, fill } of items) {
        restore(w, s, fillOf(fill.value[0]?.[0]), note && !note.isNullObject ? note.content : null, note && !note.isNullObject ? note : undefined, notes);
        restored++;
      }
      cadItem.delete();
      await context.sync();
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
