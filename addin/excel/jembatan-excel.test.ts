// office-addin-mock pulls in office-addin-manifest, whose ESM-only dependencies jest cannot load
// on Node 20; the mock only needs its OfficeApp names.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));
import { OfficeMockObject } from 'office-addin-mock';
import { NOTE_AUTHOR } from '../../core/tanda';
import { buatJembatanExcel, ExcelDeps, KUNCI_CADANGAN, KUNCI_PENGATURAN } from './jembatan-excel';

/**
 * The Excel bridge against office-addin-mock: what it asks of Excel (which sheet, which cell,
 * which setting) and how many round trips. Objects behind *OrNullObject calls are plain
 * objects, since the mock cannot load isNullObject; Periksa end to end is in
 * test/browser/excel.test.ts over a fake host with Office.js's batching rules.
 */

interface Counted {
  mock: OfficeMockObject;
  syncs: number;
}

/** The sheet collection as Hapus Tanda loads it (`items/name`), which the mock cannot load. */
function lembar(names: string[], getItem: (name: string) => unknown = () => undefined) {
  return {
    items: names.map((name) => ({ name })),
    load() {
      return this;
    },
    getItem,
  };
}

function deps(data: Record<string, unknown>, notes = true, worksheets = lembar([])): { d: ExcelDeps; c: Counted } {
  const mock = new OfficeMockObject(data) as unknown as OfficeMockObject & { sync(): Promise<void> };
  const c: Counted = { mock, syncs: 0 };
  const sync = mock.sync.bind(mock);
  (mock as unknown as { sync(): Promise<void> }).sync = async () => {
    c.syncs++;
    await sync();
  };
  const book = (mock as unknown as { workbook?: object }).workbook;
  const given = typeof data.workbook === 'object' && data.workbook !== null && 'worksheets' in data.workbook;
  const workbook = book && !given ? new Proxy(book, { get: (t, p) => (p === 'worksheets' ? worksheets : Reflect.get(t, p)) }) : book;
  const d: ExcelDeps = {
    run: (batch) =>
      batch({ workbook, sync: () => (mock as unknown as { sync(): Promise<void> }).sync() } as unknown as Excel.RequestContext),
    notesSupported: () => notes,
  };
  return { d, c };
}

function settingsStore(initial: Record<string, string>) {
  const store: Record<string, string> = { ...initial };
  return {
    store,
    settings: {
      getItemOrNullObject(key: string) {
        return {
          isNullObject: !(key in store),
          value: store[key],
          load() {
            return this;
          },
          delete: () => void delete store[key],
        };
      },
      add: (key: string, value: string) => void (store[key] = value),
    },
  };
}

describe('Excel bridge (office-addin-mock)', () => {
  it('pilihSel activates the finding’s sheet and selects its cell in one sync', async () => {
    const calls: string[] = [];
    const { d, c } = deps({
      workbook: {
        worksheets: {
          getItem: (name: string) => ({
            activate: () => calls.push(`activate ${name}`),
            getRange: (cell: string) => ({ select: () => calls.push(`select ${cell}`) }),
          }),
        },
      },
    });
    await buatJembatanExcel(d).pilihSel('Tabel 2.3', 'G16');
    expect(calls).toEqual(['activate Tabel 2.3', 'select G16']);
    expect(c.syncs).toBe(1);
  });

  it('keeps the scale setting in the document and reads back only valid settings', async () => {
    const s = settingsStore({});
    const { d } = deps({ workbook: { settings: s.settings } });
    const j = buatJembatanExcel(d);
    expect(await j.bacaPengaturan()).toEqual({ skala: null });
    await j.simpanPengaturan({ skala: 'berhasil' });
    expect(JSON.parse(s.store[KUNCI_PENGATURAN])).toEqual({ skala: 'berhasil' });
    expect(await j.bacaPengaturan()).toEqual({ skala: 'berhasil' });
    // Someone else's edit of the stored settings falls back to the default, never a crash.
    s.store[KUNCI_PENGATURAN] = '{"skala": 42';
    expect(await j.bacaPengaturan()).toEqual({ skala: null });
    s.store[KUNCI_PENGATURAN] = '{"skala": "tidak-ada"}';
    expect(await j.bacaPengaturan()).toEqual({ skala: null });
  });

  function sheetWith(cells: Record<string, { fill: string | null; note: string | null }>, log: string[]) {
    return {
      isNullObject: false,
      load() {
        return this;
      },
      getRange: (cell: string) => ({
        // Excel reports a cell without fill as white with pattern "None".
        getCellProperties: () => ({
          value: [
            [
              {
                format: {
                  fill:
                    cells[cell].fill === null ? { color: '#FFFFFF', pattern: 'None' } : { color: cells[cell].fill, pattern: 'Solid' },
                },
              },
            ],
          ],
        }),
        format: {
          fill: {
            set color(v: string) {
              cells[cell].fill = v;
              log.push(`fill ${cell} ${v}`);
            },
            clear: () => {
              cells[cell].fill = null;
              log.push(`clear ${cell}`);
            },
          },
        },
      }),
      notes: {
        getItemOrNullObject: (cell: string) => ({
          isNullObject: cells[cell].note === null,
          get content() {
            return cells[cell].note as string;
          },
          set content(v: string) {
            cells[cell].note = v;
            log.push(`note ${cell}`);
          },
          load() {
            return this;
          },
          delete: () => {
            cells[cell].note = null;
            log.push(`delete note ${cell}`);
          },
        }),
      },
    };
  }

  it('Hapus Tanda puts back the recorded fills and notes, removes only its own notes, keeps a fill the planner chose since', async () => {
    const ours = `${NOTE_AUTHOR}:\nGalat (jumlah-induk): Pagu kegiatan 820.000.000 …`;
    const cells = {
      G16: { fill: '#FFC7CE', note: `Cek ulang dengan Bappeda.\n\n${ours}` },
      F3: { fill: '#FFC7CE', note: ours },
      H9: { fill: '#FFEB9C', note: 'Diganti pengguna setelah ditandai.' },
      J2: { fill: '#00B050', note: ours },
    };
    const backup = {
      versi: 1,
      sel: [
        { sheet: 'Tabel 2.3', cell: 'G16', fill: '#FFFF00', note: 'Cek ulang dengan Bappeda.' },
        { sheet: 'Tabel 2.3', cell: 'F3', fill: null, note: null },
        { sheet: 'Tabel 2.3', cell: 'H9', fill: null, note: null },
        { sheet: 'Tabel 2.3', cell: 'J2', fill: '#FFFF00', note: null },
        { sheet: 'Lembar Terhapus', cell: 'A1', fill: null, note: null },
      ],
    };
    const s = settingsStore({ [KUNCI_CADANGAN]: JSON.stringify(backup) });
    const log: string[] = [];
    const sheet = sheetWith(cells, log);
    // The sheet of the last cell was deleted since: nothing of it is asked for.
    const worksheets = lembar(['Tabel 2.3'], (n) => {
      if (n !== 'Tabel 2.3') throw new Error(`getItem(${n})`);
      return sheet;
    });
    const { d, c } = deps({ workbook: { settings: s.settings } }, true, worksheets);

    expect(await buatJembatanExcel(d).hapusTanda()).toEqual({ restored: 4 });
    expect(cells).toEqual({
      G16: { fill: '#FFFF00', note: 'Cek ulang dengan Bappeda.' },
      F3: { fill: null, note: null },
      H9: { fill: null, note: 'Diganti pengguna setelah ditandai.' },
      // Coloured green by the planner after marking: their fill stays, our note goes.
      J2: { fill: '#00B050', note: null },
    });
    expect(log).toEqual(['fill G16 #FFFF00', 'note G16', 'clear F3', 'delete note F3', 'clear H9', 'delete note J2']);
    expect(s.store[KUNCI_CADANGAN]).toBeUndefined();
    expect(c.syncs).toBe(3);
  });

  it('Hapus Tanda with a damaged backup says so in Indonesian and changes nothing', async () => {
    const damaged = '{"versi": 1, "sel": [{"cell": "=HYPERLINK()"}]}';
    const s = settingsStore({ [KUNCI_CADANGAN]: damaged });
    const log: string[] = [];
    const { d } = deps(
      { workbook: { settings: s.settings } },
      true,
      lembar(['Tabel 2.3'], () => sheetWith({}, log)),
    );
    await expect(buatJembatanExcel(d).hapusTanda()).rejects.toThrow(
      'Catatan tanda sebelumnya tidak dikenali; warna sel tidak dapat dipulihkan otomatis.',
    );
    expect(log).toEqual([]);
    // The damaged backup stays exactly as it was: a later version may still read it.
    expect(s.store).toEqual({ [KUNCI_CADANGAN]: damaged });
  });

  it('Hapus Tanda with nothing marked does nothing in one sync', async () => {
    const s = settingsStore({});
    const { d, c } = deps({ workbook: { settings: s.settings } });
    expect(await buatJembatanExcel(d).hapusTanda()).toEqual({ restored: 0 });
    expect(c.syncs).toBe(1);
  });
});

describe('Excel errors reach the planner in Indonesian', () => {
  it('maps the Office.js error codes a planner can meet', async () => {
    const failing = (code: string): ExcelDeps => ({
      run: async () => {
        throw Object.assign(new Error('The current selection is invalid for this operation.'), { code });
      },
      notesSupported: () => true,
    });
    await expect(buatJembatanExcel(failing('InvalidSelection')).periksa('pilihan', { skala: null })).rejects.toThrow(
      'Pilih sel di lembar kerja (bukan grafik atau gambar), lalu coba lagi.',
    );
    await expect(buatJembatanExcel(failing('ResponsePayloadSizeLimitExceeded')).periksa('buku', { skala: null })).rejects.toThrow(
      /terlalu besar/,
    );
    await expect(buatJembatanExcel(failing('GeneralException')).hapusTanda()).rejects.toThrow(
      /^Excel menolak permintaan \(GeneralException\)/,
    );
  });
});
