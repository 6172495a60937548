import { rewriteFormula } from '../../core/rumus-bawaan';
import { KOLOM_ASLI, LEMBAR_ASLI } from '../../core/rumus-bawaan/asli';
import type { Jembatan } from '../../ui/jembatan';
import { buatJembatanExcel } from './jembatan-excel';
import { selArea } from './rumus-bawaan';
import type { FakeState } from '../../test/browser/excel-panel';
import { excelDiVm, ExcelVm, terbesarMb } from '../../test/browser/excel-vm';

/**
 * "Jadikan rumus bawaan" through the Excel bridge against the fake Excel host of the browser
 * tests (test/browser/excel-fake-office.js), loaded here in Node: calls are queued until
 * context.sync(), properties read only after load + sync, every sync counted.
 */

interface Cell {
  v: unknown;
  f?: string;
}
interface FakeSheet {
  name: string;
  visibility?: string;
  cells: Record<string, Cell>;
  notes: Record<string, string>;
  merges: string[];
}
interface FakeHost {
  state: { sheets: FakeSheet[]; active: number; selection: string; settings: Record<string, unknown>; names: Record<string, unknown> };
  syncs: number;
  log: string[];
}

function fakeExcel(sheets: FakeSheet[], selection = 'A1'): { host: FakeHost; jembatan: Jembatan; vm: ExcelVm } {
  // With Microsoft's own client mirroring every call: an object used past the sync that
  // invalidated it fails here as in Excel (InvalidObjectPath), and every request is measured
  // by Office.js's own serialiser (the fake refuses one over 5 MB, as Excel on the web does).
  const vm = excelDiVm({ sheets, active: 0, selection, settings: {}, names: {}, lambda: true, notesApi: true } as unknown as FakeState);
  const host = vm.__excel as unknown as FakeHost;
  const jembatan = buatJembatanExcel({ run: (b) => vm.Excel.run(b), notesSupported: () => true });
  return { host, jembatan, vm };
}

const native = (f: string) => {
  const r = rewriteFormula(f);
  if (!r.ok || !r.changed) throw new Error(f);
  return r.formula;
};

function renja(): FakeSheet[] {
  return [
    {
      name: 'Renja 2025',
      cells: {
        A1: { v: 'Target' },
        B1: { v: 'Realisasi' },
        C1: { v: 'Capaian' },
        D1: { v: 'Predikat' },
        A2: { v: 80 },
        B2: { v: 79.72 },
        C2: { v: 99.65, f: '=SAKIP.CAPAIAN(B2,A2)' },
        D2: { v: 'Sangat Tinggi', f: '=SAKIP.PREDIKAT(C2)' },
        A3: { v: 90 },
        B3: { v: '88,5' },
        C3: { v: 98.33, f: '=SAKIP.CAPAIAN(B3,A3)' },
        // A range where one value belongs: cannot be written natively.
        C4: { v: '#VALUE!', f: '=SAKIP.CAPAIAN(B2:B3,A2)' },
        E2: { v: 159.72, f: '=SUM(A2:B2)' },
        A5: { v: 'Catatan pengguna' },
      },
      notes: {},
      merges: [],
    },
  ];
}

const snapshot = (s: FakeSheet[]) => JSON.parse(JSON.stringify(s)) as FakeSheet[];

describe('Jadikan rumus bawaan in Excel', () => {
  it('the preview lists what would change and what cannot, and changes nothing (2 syncs)', async () => {
    const { host, jembatan } = fakeExcel(renja());
    const before = snapshot(host.state.sheets);
    const v = await jembatan.jadikanRumusBawaan!('lembar', false);
    expect(v.applied).toBe(false);
    expect(v.converted.map((c) => c.cell)).toEqual(['C2', 'D2']);
    expect(v.converted[0].native).toBe(native('=SAKIP.CAPAIAN(B2,A2)'));
    const skipped = Object.fromEntries(v.skipped.map((s) => [s.cell, s.reason]));
    expect(Object.keys(skipped).sort()).toEqual(['C3', 'C4']);
    expect(skipped.C3).toMatch(/Sel B3 berisi angka sebagai teks \('88,5'\)/);
    expect(skipped.C4.length).toBeGreaterThan(10);
    expect(host.state.sheets).toEqual(before);
    expect(host.syncs).toBe(2);
    expect(host.log).toEqual([]);
  });

  it('applies only the converted cells, keeps the originals on a hidden "Rumus Asli" (3 syncs), and restores them', async () => {
    const { host, jembatan } = fakeExcel(renja());
    const before = snapshot(host.state.sheets)[0];
    const v = await jembatan.jadikanRumusBawaan!('lembar', true);
    expect(v.applied).toBe(true);
    expect(host.syncs).toBe(3);
    const sheet = host.state.sheets[0];
    expect(sheet.cells.C2.f).toBe(native('=SAKIP.CAPAIAN(B2,A2)'));
    expect(sheet.cells.D2.f).toBe(native('=SAKIP.PREDIKAT(C2)'));
    // Everything else byte-identical: the refused formulas, other formulas, values.
    for (const k of Object.keys(before.cells).filter((k) => k !== 'C2' && k !== 'D2')) expect(sheet.cells[k]).toEqual(before.cells[k]);
    expect(Object.keys(sheet.cells).sort()).toEqual(Object.keys(before.cells).sort());

    const asli = host.state.sheets.find((s) => s.name === LEMBAR_ASLI)!;
    expect(asli.visibility).toBe('Hidden');
    const row = (r: number) => ['A', 'B', 'C', 'D', 'E'].map((c) => asli.cells[`${c}${r}`]);
    expect(row(1).map((c) => c.v)).toEqual([...KOLOM_ASLI]);
    expect(row(2).map((c) => c.v)).toEqual(['Renja 2025', 'C2', '=SAKIP.CAPAIAN(B2,A2)', native('=SAKIP.CAPAIAN(B2,A2)'), '']);
    expect(row(3).map((c) => c.v)).toEqual(['Renja 2025', 'D2', '=SAKIP.PREDIKAT(C2)', native('=SAKIP.PREDIKAT(C2)'), '']);
    // Kept as text, never as formulas.
    expect(Object.values(asli.cells).some((c) => c.f !== undefined)).toBe(false);

    // The user types over D2 after converting: restoring keeps the edit.
    sheet.cells.D2 = { v: 'Tinggi' };
    host.syncs = 0;
    const back = await jembatan.kembalikanRumusAsli!();
    expect(back).toEqual({ restored: 1, kept: 1 });
    // Names, where the record and the sheets lie, their contents, the writes.
    expect(host.syncs).toBe(4);
    expect(sheet.cells.C2.f).toBe('=SAKIP.CAPAIAN(B2,A2)');
    expect(sheet.cells.D2).toEqual({ v: 'Tinggi' });
    // Only the kept cell's row stays on the record.
    const left = host.state.sheets.find((s) => s.name === LEMBAR_ASLI)!;
    const rows = [1, 2, 3].map((r) => ['A', 'B'].map((c) => left.cells[`${c}${r}`]?.v ?? ''));
    expect(rows).toEqual([[...KOLOM_ASLI.slice(0, 2)], ['Renja 2025', 'D2'], ['', '']]);

    // A second restore changes nothing: the user's text stays.
    const again = await jembatan.kembalikanRumusAsli!();
    expect(again).toEqual({ restored: 0, kept: 1 });
    expect(sheet.cells.D2).toEqual({ v: 'Tinggi' });
  });

  it('removes the record when every cell is restored, and a second conversion appends below the first', async () => {
    const { host, jembatan } = fakeExcel(renja(), 'C2');
    await jembatan.jadikanRumusBawaan!('pilihan', true);
    expect(host.state.sheets[0].cells.D2.f).toBe('=SAKIP.PREDIKAT(C2)');
    host.state.selection = 'D2';
    await jembatan.jadikanRumusBawaan!('pilihan', true);
    const asli = host.state.sheets.find((s) => s.name === LEMBAR_ASLI)!;
    expect(['B2', 'B3'].map((k) => asli.cells[k].v)).toEqual(['C2', 'D2']);
    expect(await jembatan.kembalikanRumusAsli!()).toEqual({ restored: 2, kept: 0 });
    expect(host.state.sheets.map((s) => s.name)).toEqual(['Renja 2025']);
    // The fake host does not compute, so the formulas are compared, not the values.
    const formulas = (cells: Record<string, Cell>) => Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, c.f ?? c.v]));
    expect(formulas(host.state.sheets[0].cells)).toEqual(formulas(renja()[0].cells));
  });

  it('reads an input on another sheet and refuses a text number there', async () => {
    const sheets: FakeSheet[] = [
      { name: 'Hitung', cells: { A1: { v: 0, f: "=SAKIP.CAPAIAN('Data 2024'!$B$3,'Data 2024'!B4)" } }, notes: {}, merges: [] },
      { name: 'Data 2024', cells: { B3: { v: '99,88 %' }, B4: { v: 100 } }, notes: {}, merges: [] },
    ];
    const { jembatan } = fakeExcel(sheets);
    const v = await jembatan.jadikanRumusBawaan!('buku', false);
    expect(v.converted).toEqual([]);
    expect(v.skipped.map((s) => `${s.sheet}!${s.cell}`)).toEqual(['Hitung!A1']);
    expect(v.skipped[0].reason).toMatch(/99,88 %/);
  });

  it('with no record, restoring says so and changes nothing', async () => {
    const { host, jembatan } = fakeExcel(renja());
    const before = snapshot(host.state.sheets);
    expect(await jembatan.kembalikanRumusAsli!()).toEqual({ restored: 0, kept: 0 });
    expect(host.state.sheets).toEqual(before);
  });

  it('takes whole columns and rows as Excel writes them, and refuses a selection in several parts', async () => {
    expect(selArea("'Renja 2025'!C:D")).toMatchObject({ top: 0, bottom: 1048575, left: 2, right: 3 });
    expect(selArea('Renja!$5:$9')).toMatchObject({ top: 4, bottom: 8, left: 0, right: 16383 });
    expect(() => selArea('Renja!A1:B2,D4')).toThrow(/bersambung/);
    const { host, jembatan } = fakeExcel(renja(), 'C:C');
    const v = await jembatan.jadikanRumusBawaan!('pilihan', false);
    expect(v.converted.map((c) => c.cell)).toEqual(['C2']);
    expect(host.syncs).toBe(2);
  });
});

describe('Rumus bawaan on large sheets: every request and response under 4 MB (Excel on the web refuses 5 MB)', () => {
  // Microsoft's 1.4 MB client serialises every request: seconds on a busy machine.
  jest.setTimeout(180_000);

  it('reads a sheet whose formulas and values are over 5 MB in blocks (one read was refused)', async () => {
    // 6,000 rows of four 200-character descriptions beside the formulas: about 10 MB as values and formulas.
    const cells: Record<string, Cell> = { A1: { v: 'Target' }, B1: { v: 'Realisasi' }, C1: { v: 'Capaian' } };
    for (let r = 2; r <= 6001; r++) for (const c of 'EFGH') cells[`${c}${r}`] = { v: `Uraian ${c}${r} `.padEnd(200, 'x') };
    Object.assign(cells, {
      A2: { v: 80 },
      B2: { v: 79.72 },
      C2: { v: 99.65, f: '=SAKIP.CAPAIAN(B2,A2)' },
      C6001: { v: 0, f: '=SAKIP.CAPAIAN(B2,A2)' },
    });
    const { jembatan, vm } = fakeExcel([{ name: 'Renja', cells, notes: {}, merges: [] }]);
    const v = await jembatan.jadikanRumusBawaan!('lembar', false);
    expect(v.converted.map((c) => c.cell)).toEqual(['C2', 'C6001']);
    expect(Math.max(...vm.__excel.responses)).toBeGreaterThan(1_000_000);
    expect(terbesarMb(vm)).toBeLessThanOrEqual(4);
    expect(vm.__excel.log).toEqual([]);
  });

  it('writes and restores 3,000 native formulas (about 8 MB of commands, one batch was refused) in batches, the record first', async () => {
    const cells: Record<string, Cell> = { A1: { v: 'Capaian' }, B1: { v: 'Predikat' } };
    for (let r = 2; r <= 3001; r++) {
      cells[`A${r}`] = { v: 80 + (r % 20) };
      cells[`B${r}`] = { v: 'Tinggi', f: `=SAKIP.PREDIKAT(A${r})` };
    }
    const { host, jembatan, vm } = fakeExcel([{ name: 'Renja', cells, notes: {}, merges: [] }]);
    const before = snapshot(host.state.sheets);
    const v = await jembatan.jadikanRumusBawaan!('lembar', true);
    expect(v.applied).toBe(true);
    expect(v.converted).toHaveLength(3000);
    expect(terbesarMb(vm)).toBeLessThanOrEqual(4);
    expect(Math.max(...vm.__excel.requests)).toBeGreaterThan(1_000_000);
    const sheet = host.state.sheets[0];
    expect(sheet.cells.B3001.f).toBe(native('=SAKIP.PREDIKAT(A3001)'));
    const asli = host.state.sheets.find((s) => s.name === LEMBAR_ASLI)!;
    expect(asli.cells.B3001.v).toBe('B3001');
    expect(asli.cells.C3001.v).toBe('=SAKIP.PREDIKAT(A3001)');

    vm.__excel.requests.length = 0;
    vm.__excel.responses.length = 0;
    expect(await jembatan.kembalikanRumusAsli!()).toEqual({ restored: 3000, kept: 0 });
    expect(terbesarMb(vm)).toBeLessThanOrEqual(4);
    // The record is gone and every formula is the original (the fake does not compute values).
    const formulas = (c: Record<string, Cell>) => Object.fromEntries(Object.entries(c).map(([k, x]) => [k, x.f ?? x.v]));
    expect(host.state.sheets.map((s) => s.name)).toEqual(['Renja']);
    expect(formulas(host.state.sheets[0].cells)).toEqual(formulas(before[0].cells));
    expect(vm.__excel.log).toEqual([]);
  });

  it('restores from a record of 150,000 rows (a spread of one argument per row overflowed the stack)', async () => {
    const asli: Record<string, Cell> = {};
    KOLOM_ASLI.forEach((h, i) => (asli[`${'ABCDE'[i]}1`] = { v: h }));
    for (let r = 2; r <= 150_001; r++) {
      asli[`A${r}`] = { v: 'Data' };
      asli[`B${r}`] = { v: `A${r}` };
      asli[`C${r}`] = { v: `=SAKIP.SERAPAN(B${r},C${r})` };
      asli[`D${r}`] = { v: '=1' };
    }
    // Two cells still hold the native formula; the others were changed or emptied since.
    const data: Record<string, Cell> = { A2: { v: 1, f: '=1' }, A150001: { v: 1, f: '=1' }, A3: { v: 7 } };
    const { host, jembatan, vm } = fakeExcel([
      { name: 'Data', cells: data, notes: {}, merges: [] },
      { name: LEMBAR_ASLI, visibility: 'Hidden', cells: asli, notes: {}, merges: [] },
    ]);
    expect(await jembatan.kembalikanRumusAsli!()).toEqual({ restored: 2, kept: 149_998 });
    expect(host.state.sheets[0].cells.A2.f).toBe('=SAKIP.SERAPAN(B2,C2)');
    expect(host.state.sheets[0].cells.A150001.f).toBe('=SAKIP.SERAPAN(B150001,C150001)');
    const record = host.state.sheets[1].cells;
    // The restored rows left the record; the kept ones moved up, the tail emptied.
    expect(record.B2.v).toBe('A3');
    expect(record.B149999.v).toBe('A150000');
    expect(record.B150000.v).toBe('');
    expect(terbesarMb(vm)).toBeLessThanOrEqual(4);
    expect(vm.__excel.log).toEqual([]);
  });
});
