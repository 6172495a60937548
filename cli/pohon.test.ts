import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { fixturePath } from '../test/fixtures/muat';
import { jalankan } from '../test/helpers/jalankan-cli';
import { readWorkbookFile } from './baca';
import { pohonKinerja } from '../core/pohon';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-pohon-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const TC33 = fixturePath('renja_magetan_2022_tc33');
const MALANG = fixturePath('renja_malang_2024_tabel23_review_rkpd');
const hash = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

describe('pohon', () => {
  it('writes the drawing to a new .xlsx as exceljs reads it back: cells, merges, sizes, print setup; the input is untouched', async () => {
    const out = path.join(dir, 'tc33.xlsx');
    const before = hash(TC33);
    const r = await jalankan('pohon', TC33, '--keluar', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Pohon kinerja renja_magetan_2022_tc33\.tsv: 64 simpul, ditulis ke /);
    expect(hash(TC33)).toBe(before);

    const read = await readWorkbookFile(TC33);
    if (!read.ok) throw new Error(read.message);
    const { drawing } = pohonKinerja(read.workbook);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Pohon Kinerja')!;
    expect(ws).toBeDefined();
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, paperSize: 8 });
    expect(ws.views[0]).toMatchObject({ showGridLines: false });
    for (const c of drawing.cells) {
      const cell = ws.getCell(c.row + 1, c.col + 1);
      if (c.value !== null && !(cell.isMerged && cell.master !== cell)) expect(cell.value).toEqual(c.value);
      if (c.fill) expect(cell.fill).toMatchObject({ fgColor: { argb: 'FF' + c.fill } });
      for (const side of ['top', 'right', 'bottom', 'left'] as const)
        if (c.border?.[side]) expect(cell.border?.[side]).toMatchObject({ style: c.border[side]!.style });
    }
    expect(Object.keys((ws as unknown as { _merges: object })._merges)).toHaveLength(
      drawing.merges.filter((m) => m.bottom > m.top || m.right > m.left).length,
    );
    drawing.columnWidths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBeCloseTo(w, 2));
    drawing.rowHeights.forEach((h, i) => expect(ws.getRow(i + 1).height).toBe(h));
  });

  it('--arah kiri-kanan draws the levels as bands of columns', async () => {
    const out = path.join(dir, 'lr.xlsx');
    expect((await jalankan('pohon', TC33, '--arah', 'kiri-kanan', '--keluar', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Pohon Kinerja')!;
    const names = [2, 8, 14, 20, 26].map((c) => ws.getCell(3, c).value);
    expect(names).toEqual(['Urusan', 'Bidang urusan', 'Program', 'Kegiatan', 'Sub kegiatan']);
  });

  it('exits 1 when the pagu roll-up finds errors, and lists them', async () => {
    const r = await jalankan('pohon', MALANG, '--keluar', path.join(dir, 'malang.xlsx'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\n- renja_malang_2024_tabel23_review_rkpd!F14: Pagu kegiatan 820\.000\.000 tidak sama/);
  });

  it('usage and input errors exit 2 with an Indonesian sentence; nothing is written', async () => {
    const missing = await jalankan('pohon', TC33);
    expect(missing).toMatchObject({ code: 2, err: 'Opsi --keluar wajib diisi: nama berkas .xlsx yang akan ditulis.\n' });
    const same = path.join(dir, 'sama.xlsx');
    await jalankan('templat', 'pohon', '--keluar', same);
    const before = hash(same);
    expect((await jalankan('pohon', same, '--keluar', same)).code).toBe(2);
    expect(hash(same)).toBe(before);
    const unreadable = await jalankan('pohon', path.join(dir, 'tidak-ada.xlsx'), '--keluar', path.join(dir, 'x.xlsx'));
    expect(unreadable.code).toBe(2);
    const sheet = await jalankan('pohon', TC33, '--lembar', 'Renja', '--keluar', path.join(dir, 'y.xlsx'));
    expect(sheet.code).toBe(2);
    expect(sheet.err).toMatch(/Lembar "Renja" tidak ada/);
    const arah = await jalankan('pohon', TC33, '--arah', 'miring', '--keluar', path.join(dir, 'w.xlsx'));
    expect(arah).toMatchObject({ code: 2, err: 'Arah tidak dikenal: miring. Pilihan: atas-bawah, kiri-kanan.\n' });
    expect(['x', 'y', 'w'].some((f) => fs.existsSync(path.join(dir, `${f}.xlsx`)))).toBe(false);
  });

  it('a file without a cascading sheet or a recognised table: exit 1, a message, no output', async () => {
    const csv = path.join(dir, 'catatan.csv');
    fs.writeFileSync(csv, 'catatan\nhanya teks\n');
    const r = await jalankan('pohon', csv, '--keluar', path.join(dir, 'z.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Tidak ada lembar kaskade atau tabel Renja\/LKjIP yang dikenali/);
    expect(fs.existsSync(path.join(dir, 'z.xlsx'))).toBe(false);
  });
});

describe('templat pohon', () => {
  it('writes an empty cascading sheet with a worked example that pohon reads back', async () => {
    const t = path.join(dir, 'templat.xlsx');
    const r = await jalankan('templat', 'pohon', '--keluar', t);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(t);
    const ws = wb.getWorksheet('Kaskade Kinerja')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Tingkat',
      'Kode',
      'Pernyataan kinerja',
      'Indikator',
      'Target',
      'Satuan',
      'Pagu (Rp)',
      'Penanggung jawab',
    ]);
    const p = await jalankan('pohon', t, '--keluar', path.join(dir, 'dari-templat.xlsx'));
    expect(p.code).toBe(0);
    expect(p.out).toMatch(/: 7 simpul, ditulis ke/);
  });

  it('an unknown kind is a usage error', async () => {
    const r = await jalankan('templat', 'renja', '--keluar', path.join(dir, 'r.xlsx'));
    expect(r).toMatchObject({ code: 2, err: 'Jenis templat tidak dikenal: renja. Pilihan: pohon.\n' });
  });
});
