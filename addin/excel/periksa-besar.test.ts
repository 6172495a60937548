import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { columnLetters } from '../../core/lembar/model';
import { renjaTC33 } from '../../test/fixtures/sintetis';
import type { Kemajuan } from '../../ui/jembatan';
import { buatJembatanExcel, KUNCI_CADANGAN } from './jembatan-excel';

/**
 * Periksa on a large sheet through the fake Excel host (the one the browser test serves as
 * office.js, here in a Node vm): the number of round trips does not grow with the rows.
 */

interface Host {
  Excel: { run: <T>(b: (c: Excel.RequestContext) => Promise<T>) => Promise<T> };
  __excel: { syncs: number; state: { sheets: { name: string; cells: Record<string, { v: unknown; fill?: string }>; notes: Record<string, string> }[]; settings: Record<string, unknown> } };
}

function hostWith(rows: number): { host: Host; subRow: number; paguCol: number } {
  const r = renjaTC33({ subKegiatan: rows });
  const cells: Record<string, { v: unknown }> = {};
  r.sheet.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== null && v !== '') cells[`${columnLetters(j)}${i + 1}`] = { v };
    }),
  );
  // One sub kegiatan's pagu changed by 1.000.000: its kegiatan no longer adds up.
  const subRow = r.subRows[7];
  const paguCol = r.paguCols[0];
  (cells[`${columnLetters(paguCol)}${subRow + 1}`] as { v: number }).v += 1_000_000;
  const sandbox: Record<string, unknown> = { setTimeout };
  sandbox.window = sandbox;
  sandbox.__excel = { state: { sheets: [{ name: 'Renja', cells, notes: {}, merges: [] }], active: 0, selection: 'A1', settings: {}, names: {}, lambda: true, notesApi: true } };
  vm.runInNewContext(fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'browser', 'excel-fake-office.js'), 'utf8'), sandbox);
  return { host: sandbox as unknown as Host, subRow, paguCol };
}

test.each([200, 5000])('Periksa on %i sub kegiatan takes 4 syncs, reports progress, and marks the wrong kegiatan', async (rows) => {
  const { host } = hostWith(rows);
  const j = buatJembatanExcel({ run: (b) => host.Excel.run(b), notesSupported: () => true });
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
}, 60_000);
