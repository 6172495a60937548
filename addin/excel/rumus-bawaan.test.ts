import { rewriteFormula } from '../../core/rumus-bawaan';
import { KOLOM_ASLI, LEMBAR_ASLI } from '../../core/rumus-bawaan/asli';
import type { Jembatan } from '../../ui/jembatan';
import { buatJembatanExcel } from './jembatan-excel';
import { selArea } from './rumus-bawaan';
import type { FakeState } from '../../test/browser/excel-panel';
import { excelDiVm } from '../../test/browser/excel-vm';

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

function fakeExcel(sheets: FakeSheet[], selection = 'A1'): { host: FakeHost; jembatan: Jembatan } {
  // With Microsoft's own client mirroring every call: an object used past the sync that
  // invalidated it fails here as in Excel (InvalidObjectPath).
  const vm = excelDiVm({ sheets, active: 0, selection, settings: {}, names: {}, lambda: true, notesApi: true } as unknown as FakeState);
  const host = vm.__excel as unknown as FakeHost;
  const jembatan = buatJembatanExcel({ run: (b) => vm.Excel.run(b), notesSupported: () => true });
  return { host, jembatan };
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
    expect(host.syncs).toBeLessThanOrEqual(3);
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
