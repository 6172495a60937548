/// <reference types="office-js" />
import { columnLetters } from '../../core/lembar/model';
import { pohonKinerja, templatPohon } from '../../core/pohon';
import { buatJembatanExcel } from '../../addin/excel/jembatan-excel';
import { renjaTC33 } from '../fixtures/sintetis';
import type { FakeCell, FakeSheet, FakeState } from './excel-panel';
import { excelDiVm, ExcelVm } from './excel-vm';
import { kaskade500 } from '../bench/pohon';

/**
 * Excel's documented limits on large workbooks, measured through the fake Excel host in a Node
 * vm with Microsoft's own Office.js client (excel-web-16.00.js) serialising every request
 * (test/browser/excel-vm.ts); responses are the JSON of what each load returned.
 */

/** A T-C.33 table with `subKegiatan` sub kegiatan (about 1.3 rows each) padded to 20 columns, with `ubah` wrong cells. */
export function lembarRenja(subKegiatan: number, ubah: number): FakeSheet {
  const r = renjaTC33({ subKegiatan });
  const cells: Record<string, FakeCell> = {};
  const width = Math.max(...r.sheet.values.map((x) => x.length));
  r.sheet.values.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v !== null && v !== '') cells[`${columnLetters(j)}${i + 1}`] = { v: v as FakeCell['v'] };
    });
    // Columns a real office adds (keterangan, lokasi): text the checker reads and passes over.
    for (let j = width; j < 20; j++)
      cells[`${columnLetters(j)}${i + 1}`] = { v: i === 0 ? `Keterangan ${j - width + 1}` : `Lokasi ${i}` };
  });
  // One wrong pagu per kegiatan (a sum finding on the kegiatan); beyond one per kegiatan, a
  // malformed number in the sub kegiatan's n+1 pagu (a format finding on that cell).
  const kegiatan = Math.floor(r.subRows.length / 4);
  for (let k = 0; k < ubah; k++) {
    if (k < kegiatan) {
      const cell = cells[`${columnLetters(r.paguCols[0])}${r.subRows[k * 4] + 1}`] as { v: number };
      cell.v += 1_000_000;
    } else {
      cells[`${columnLetters(r.paguCols[r.paguCols.length - 1])}${r.subRows[(k - kegiatan) * 4 + 1] + 1}`] = { v: '53.600.0000' };
    }
  }
  return { name: 'Renja', cells, notes: {}, merges: [] };
}

function jembatan(host: ExcelVm) {
  return buatJembatanExcel({ run: (b) => host.Excel.run(b), notesSupported: () => true, pohon: { pohonKinerja, templatPohon } });
}

function kaskadeLembar(): FakeSheet {
  const cells: Record<string, FakeCell> = {};
  kaskade500().values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== null && v !== '') cells[`${columnLetters(j)}${i + 1}`] = { v: v as FakeCell['v'], ...(i === 0 ? { bold: true } : {}) };
    }),
  );
  return { name: 'Kaskade', cells, notes: {}, merges: [] };
}

export interface UkurBesar {
  rows: number;
  marked: number;
  periksaSyncs: number;
  periksaMaxMb: number;
  pohonSyncs: number;
  pohonMaxMb: number;
  pohonMerges: number;
  bukuSyncs: number;
  bukuMaxMb: number;
  mergedPerCall: number;
}

const mb = (h: ExcelVm) => Math.max(0, ...h.__excel.requests, ...h.__excel.responses) / 1e6;

/** Periksa of ~20,000 rows × 20 columns with ~5,000 marked cells; Pohon of a 500-node tree; then "Seluruh buku kerja" over both. */
export async function ukurBesar(subKegiatan = 15200, ubah = 5000): Promise<UkurBesar> {
  const renja = lembarRenja(subKegiatan, ubah);
  const state: FakeState = {
    sheets: [renja, kaskadeLembar()],
    active: 0,
    selection: 'A1',
    settings: {},
    names: {},
    lambda: true,
    notesApi: true,
  };
  const host = excelDiVm(state);
  const j = jembatan(host);
  const view = await j.periksa('lembar', { skala: null });
  const periksa = { syncs: host.__excel.syncs, mb: mb(host) };
  const rows = Object.keys(renja.cells).reduce((n, k) => Math.max(n, Number(/\d+$/.exec(k)![0])), 0);

  const pohonHost = excelDiVm({ ...state, sheets: [kaskadeLembar()], settings: {} });
  await jembatan(pohonHost).pohonKinerja(true);
  const tree = pohonHost.__excel.state.sheets.find((s) => s.name === 'Pohon Kinerja')!;

  const bukuHost = excelDiVm({ ...state, sheets: [state.sheets[0], tree], active: 0, settings: {} });
  await jembatan(bukuHost).periksa('buku', { skala: null });
  return {
    rows,
    marked: view.marked,
    periksaSyncs: periksa.syncs,
    periksaMaxMb: periksa.mb,
    pohonSyncs: pohonHost.__excel.syncs,
    pohonMaxMb: mb(pohonHost),
    pohonMerges: tree.merges.length,
    bukuSyncs: bukuHost.__excel.syncs,
    bukuMaxMb: mb(bukuHost),
    mergedPerCall: Math.max(0, ...bukuHost.__excel.mergedPerCall),
  };
}

if (require.main === module) {
  const [sub, ubah] = process.argv.slice(2).map(Number);
  ukurBesar(sub || undefined, ubah || undefined).then(
    (r) => process.stdout.write(JSON.stringify(r) + '\n'),
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
