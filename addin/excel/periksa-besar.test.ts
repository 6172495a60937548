import { columnLetters } from '../../core/lembar/model';
import { renjaTC33 } from '../../test/fixtures/sintetis';
import type { FakeCell, FakeState } from '../../test/browser/excel-panel';
import { excelDiVm, ExcelVm, terbesarMb } from '../../test/browser/excel-vm';
import type { Kemajuan } from '../../ui/jembatan';
import { buatJembatanExcel, KUNCI_CADANGAN } from './jembatan-excel';

/**
 * Periksa on large sheets through the fake Excel host (the one the browser test serves as
 * office.js, here in a Node vm) with Microsoft's own Office.js client measuring every request:
 * no request or response reaches Excel's 5 MB, and the number of round trips grows only with
 * the size of the table.
 */

function bukuRenja(rows: number, ubah = 1): { state: FakeState; kegiatan: number } {
  const r = renjaTC33({ subKegiatan: rows });
  const cells: Record<string, FakeCell> = {};
  r.sheet.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== null && v !== '') cells[`${columnLetters(j)}${i + 1}`] = { v: v as FakeCell['v'] };
    }),
  );
  // `ubah` sub kegiatan pagu changed by 1.000.000 each: their kegiatan no longer add up.
  for (let k = 0; k < ubah; k++) (cells[`${columnLetters(r.paguCols[0])}${r.subRows[7 + k * 4] + 1}`] as { v: number }).v += 1_000_000;
  return {
    state: {
      sheets: [{ name: 'Renja', cells, notes: {}, merges: [] }],
      active: 0,
      selection: 'A1',
      settings: {},
      names: {},
      lambda: true,
      notesApi: true,
    },
    kegiatan: ubah,
  };
}

function jembatan(host: ExcelVm) {
  return buatJembatanExcel({ run: (b) => host.Excel.run(b), notesSupported: () => true });
}

test('Periksa on 200 sub kegiatan takes 4 syncs, reports progress, and marks the wrong kegiatan; Hapus Tanda takes 3', async () => {
  const host = excelDiVm(bukuRenja(200).state);
  const j = jembatan(host);
  const stages: Kemajuan['tahap'][] = [];
  const view = await j.periksa('lembar', { skala: null }, (k) => stages.push(k.tahap));
  expect(host.__excel.syncs).toBe(4);
  expect([...new Set(stages)]).toEqual(['baca', 'periksa', 'tandai']);
  const sum = view.findings.filter((f) => f.rule === 'jumlah-induk');
  expect(sum.length).toBeGreaterThanOrEqual(1);
  const sheet = host.__excel.state.sheets[0];
  for (const f of sum) expect(sheet.cells[f.cell].fill).toBe('#FFC7CE');
  expect(view.marked).toBe(Object.values(sheet.cells).filter((c) => c.fill).length);
  expect(JSON.parse(host.__excel.state.settings[KUNCI_CADANGAN] as string).sel).toHaveLength(view.marked);

  host.__excel.syncs = 0;
  expect(await j.hapusTanda()).toEqual({ restored: view.marked });
  expect(host.__excel.syncs).toBe(3);
  expect(Object.values(sheet.cells).filter((c) => c.fill)).toEqual([]);
  expect(sheet.notes).toEqual({});
  expect(host.__excel.log).toEqual([]);
}, 60_000);

test('Periksa on 5,000 sub kegiatan (one read was over 5 MB) reads in blocks under 4 MB and still marks every wrong kegiatan', async () => {
  const host = excelDiVm(bukuRenja(5000, 3).state);
  const j = jembatan(host);
  const baca: number[] = [];
  const view = await j.periksa('lembar', { skala: null }, (k) => k.tahap === 'baca' && baca.push(k.selesai));
  expect(terbesarMb(host)).toBeLessThanOrEqual(4);
  expect(Math.max(...host.__excel.requests)).toBeGreaterThan(0);
  // Progress moves block by block.
  expect(new Set(baca).size).toBeGreaterThan(2);
  const sum = view.findings.filter((f) => f.rule === 'jumlah-induk');
  expect(sum.length).toBeGreaterThanOrEqual(3);
  const sheet = host.__excel.state.sheets[0];
  for (const f of sum) expect(sheet.cells[f.cell].fill).toBe('#FFC7CE');
  expect(host.__excel.log).toEqual([]);
}, 120_000);
