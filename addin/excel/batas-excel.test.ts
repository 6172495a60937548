import { columnLetters } from '../../core/lembar/model';
import { bukuUji, FakeCell, FakeSheet, FakeState, lembarDariFixture } from '../../test/browser/excel-panel';
import { excelDiVm, ExcelVm } from '../../test/browser/excel-vm';
import { bacaArea } from './baca';
import { buatJembatanExcel, KUNCI_CADANGAN } from './jembatan-excel';
import { toSheet } from './model';

/**
 * The Excel bridge against the limits real Excel documents, enforced by the fake host with
 * Microsoft's own client beside it (test/browser/excel-vm.ts): the selection in every form a
 * planner makes, more than 512 merged areas, a backup that cannot be read, a batch that fails
 * half way.
 */

// Each case builds a host with Microsoft's 1.4 MB client and reads real tables: seconds on a busy machine.
jest.setTimeout(120_000);

function jembatan(host: ExcelVm) {
  return buatJembatanExcel({ run: (b) => host.Excel.run(b), notesSupported: () => true });
}

const cells = (v: { findings: { cell: string }[] }) => new Set(v.findings.map((f) => f.cell));

describe('the selection, as Excel reports it', () => {
  it('several areas (Ctrl+click): each is checked, nothing outside them', async () => {
    const state = bukuUji();
    // A second copy of the table at P3: its L29 is Z29 there.
    Object.assign(state.sheets[0].cells, lembarDariFixture('renja_malang_2024_tabel23_review_rkpd', 'x', 2, 15).cells);
    state.selection = 'B3:M20,P3:AA78';
    const host = excelDiVm(state);
    const view = await jembatan(host).periksa('pilihan', { skala: null });
    expect(view.cakupan).toBe('pilihan');
    const found = cells(view);
    expect(found.has('G16')).toBe(true);
    expect(found.has('Z29')).toBe(true);
    expect(found.has('L29')).toBe(false);
    expect(view.tables.map((t) => t.range)).toEqual(['B3:M20', 'P3:AA78']);
    expect(host.__excel.log).toEqual([]);
  });

  it('whole columns (B:M) and whole rows (3:20) cover the table inside them', async () => {
    const cols = bukuUji();
    cols.selection = 'B:M';
    const v1 = await jembatan(excelDiVm(cols)).periksa('pilihan', { skala: null });
    expect(v1.cakupan).toBe('pilihan');
    expect(cells(v1).has('G16')).toBe(true);
    expect(cells(v1).has('L29')).toBe(true);

    const rows = bukuUji();
    rows.selection = '3:20';
    const v2 = await jembatan(excelDiVm(rows)).periksa('pilihan', { skala: null });
    expect(cells(v2).has('G16')).toBe(true);
    expect(cells(v2).has('L29')).toBe(false);
  });

  it('one cell: the table around it, not the other table on the sheet; a lone title cell: the whole sheet', async () => {
    const state = bukuUji();
    const other = lembarDariFixture('renja_malang_2024_tabel23_review_rkpd', 'x', 2, 15);
    Object.assign(state.sheets[0].cells, other.cells);
    state.selection = 'G16';
    const around = await jembatan(excelDiVm(state)).periksa('pilihan', { skala: null });
    expect(around.cakupan).toBe('pilihan');
    expect(around.tables.map((t) => t.range)).toEqual(['B3:M78']);

    state.selection = 'A1';
    const sheet = await jembatan(excelDiVm(state)).periksa('pilihan', { skala: null });
    expect(sheet.cakupan).toBe('lembar');
    expect(sheet.tables).toHaveLength(2);
  });
});

/** A drawn pohon kinerja: a grid of boxes, each five columns merged over two rows. */
function pohon(boxes: number): FakeSheet {
  const merges: string[] = [];
  const c: Record<string, FakeCell> = {};
  for (let i = 0; i < boxes; i++) {
    const row = Math.floor(i / 20) * 3 + 1;
    const col = (i % 20) * 6;
    merges.push(`${columnLetters(col)}${row}:${columnLetters(col + 4)}${row + 1}`);
    c[`${columnLetters(col)}${row}`] = { v: `Sasaran ${i + 1}` };
  }
  return { name: 'Pohon Kinerja', cells: c, notes: {}, merges };
}

describe('merged areas', () => {
  it('"Seluruh buku kerja" works with a drawn pohon kinerja of 700 boxes: no call asks for more than 512 merged areas', async () => {
    const state = bukuUji();
    state.sheets.push(pohon(700));
    const host = excelDiVm(state);
    const view = await jembatan(host).periksa('buku', { skala: null });
    expect(cells(view).has('G16')).toBe(true);
    expect(Math.max(...host.__excel.mergedPerCall)).toBeLessThanOrEqual(512);
    expect(host.__excel.log).toEqual([]);
  });

  it('every merged area is read once, also those cut by the pieces each call covers', async () => {
    const sheet = pohon(300);
    // A tall merge crossing many pieces' borders, and one wider than a piece (512 cells).
    sheet.merges.push('DT1:DU40', `A48:${columnLetters(598)}48`);
    const state: FakeState = { sheets: [sheet], active: 0, selection: 'A1', settings: {}, names: {}, lambda: true, notesApi: true };
    const host = excelDiVm(state, false);
    const read = await host.Excel.run(async (context: Excel.RequestContext) => {
      const ws = context.workbook.worksheets.getItem('Pohon Kinerja');
      return bacaArea(
        context,
        ws,
        'Pohon Kinerja',
        { sheet: 'Pohon Kinerja', top: 0, left: 0, bottom: 49, right: 599 },
        { merges: true },
      );
    });
    const got = toSheet('Pohon Kinerja', read).merges!.map(
      (m) => `${columnLetters(m.left)}${m.top + 1}:${columnLetters(m.right)}${m.bottom + 1}`,
    );
    expect(got.sort()).toEqual([...sheet.merges].sort());
    expect(Math.max(...host.__excel.mergedPerCall)).toBeLessThanOrEqual(512);
  }, 60_000);
});

describe('the mark backup', () => {
  it('a backup that cannot be read is refused before anything is marked', async () => {
    const state = bukuUji();
    state.settings[KUNCI_CADANGAN] = '{"versi":1,"sel":[{"sheet":"Tabel 2.3"';
    const before = JSON.stringify(state);
    const host = excelDiVm(state);
    await expect(jembatan(host).periksa('lembar', { skala: null })).rejects.toThrow(
      /^Catatan tanda sebelumnya rusak; .* Periksa Tabel tidak menandai sel/,
    );
    expect(JSON.stringify(host.__excel.state)).toBe(before);
  });

  it('is written before the marks: when Excel refuses a mark half way, Hapus Tanda still puts every cell back', async () => {
    const state = bukuUji();
    state.sheets[0].locked = ['L29'];
    const before = JSON.stringify(state.sheets);
    const host = excelDiVm(state);
    const j = jembatan(host);
    await expect(j.periksa('lembar', { skala: null })).rejects.toThrow(/terkunci/);
    // Some cells were marked before the refusal, and the backup holds them.
    expect(Object.values(host.__excel.state.sheets[0].cells).some((c) => c.fill === '#FFC7CE')).toBe(true);
    expect(host.__excel.state.settings[KUNCI_CADANGAN]).toBeDefined();
    await j.hapusTanda();
    expect(JSON.stringify(host.__excel.state.sheets)).toBe(before);
  });
});

describe('Pasang =CAPAIAN tanpa awalan where Excel refuses', () => {
  it('a LAMBDA probe refused outright, or definitions too long for this Excel, give the "tidak didukung" answer and leave no name', async () => {
    for (const tweak of [{ lambdaDitolak: true }, { panjangNamaMaks: 3000 }]) {
      const state = { ...bukuUji(), ...tweak };
      const host = excelDiVm(state, false);
      const r = await jembatan(host).pasangTanpaAwalan!();
      expect(r).toEqual({ status: 'tidak-didukung', names: [] });
      expect(host.__excel.state.names).toEqual({});
    }
  });
});
