import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { fixturePath } from '../test/fixtures/muat';
import { jalankan } from '../test/helpers/jalankan-cli';

const periksa = (...argv: string[]) => jalankan('periksa', ...argv);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-periksa-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const MALANG = fixturePath('renja_malang_2024_tabel23_review_rkpd');
const CLEAN = fixturePath('lkjip_magetan_2024_realisasi_anggaran');

describe('periksa --json', () => {
  it('prints exactly the promised shape, with plain decimal strings, and exits 1 on errors', async () => {
    const r = await periksa(MALANG, '--json');
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['files']);
    const file = json.files[0];
    expect(Object.keys(file)).toEqual(['file', 'tables', 'findings']);
    expect(file.file).toBe(MALANG);
    expect(file.tables).toEqual([
      {
        sheet: 'renja_malang_2024_tabel23_review_rkpd',
        range: 'A1:L76',
        layout: 'renja-tc31',
        rows: expect.any(Number),
        // Issue 13: which rule ran on which columns, and what could not be checked.
        checks: expect.arrayContaining([
          expect.objectContaining({ rule: 'jumlah-induk', columns: ['F', 'K'] }),
          expect.objectContaining({ rule: 'jumlah-total', columns: ['F', 'K'] }),
        ]),
        unchecked: [expect.objectContaining({ columns: ['E', 'J'] })],
      },
    ]);
    for (const f of file.findings) {
      expect(Object.keys(f)).toEqual(['sheet', 'cell', 'rule', 'severity', 'actual', 'expected', 'message', 'related']);
    }
    const f14 = file.findings.find((f: { cell: string; rule: string }) => f.cell === 'F14' && f.rule === 'jumlah-induk');
    expect(f14).toMatchObject({ severity: 'error', actual: '820000000', expected: '819500000' });
  });

  it('exits 0 on a clean table', async () => {
    const r = await periksa(CLEAN, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).files[0].findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  });

  it('exits 2 when an input cannot be read, still checking the others', async () => {
    const missing = path.join(dir, 'tidak-ada.xlsx');
    const garbage = path.join(dir, 'rusak.xlsx');
    fs.writeFileSync(garbage, Buffer.from([0, 1, 2, 3, 255, 254, 0, 9]));
    const r = await periksa(missing, garbage, MALANG, '--json');
    expect(r.code).toBe(2);
    const files = JSON.parse(r.out).files;
    expect(files).toHaveLength(3);
    expect(files[0].error).toMatch(/tidak ditemukan|tidak ada/i);
    expect(typeof files[1].error).toBe('string');
    expect(files[2].findings.length).toBeGreaterThan(0);
    expect(r.err).toContain('tidak-ada.xlsx');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('periksa report', () => {
  it('is Indonesian, grouped by table and rule, with the cell and the sentence', async () => {
    const r = await periksa(MALANG);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Renja T-C.31 review rancangan awal RKPD');
    expect(r.out).toContain('Jumlah induk tidak sama dengan rinciannya:');
    expect(r.out).toMatch(/F14 +galat: Pagu kegiatan 820\.000\.000 tidak sama dengan jumlah pagu sub kegiatannya 819\.500\.000/);
    expect(r.out).toMatch(/Ringkasan: 1 tabel, \d+ galat/);
  });

  it('says so when a file holds no recognisable table', async () => {
    const f = path.join(dir, 'catatan.csv');
    fs.writeFileSync(f, 'Catatan rapat\nTidak ada tabel di sini\n');
    const r = await periksa(f);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Tidak ditemukan tabel');
  });

  it('rejects an unknown scale with a usage error', async () => {
    const r = await periksa(CLEAN, '--skala', 'bintang-lima');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Skala "bintang-lima" tidak dikenal');
  });

  it('gives a usage error without a file', async () => {
    const r = await periksa();
    expect(r.code).toBe(2);
  });
});

describe('periksa --tandai', () => {
  it('writes a marked copy with a Temuan sheet and leaves the input untouched', async () => {
    const input = path.join(dir, 'malang.tsv');
    fs.copyFileSync(MALANG, input);
    const before = fs.readFileSync(input);
    const out = path.join(dir, 'malang-bertanda.xlsx');
    const r = await periksa(input, '--tandai', out);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Salinan bertanda: ${out}`);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const temuan = wb.getWorksheet('Temuan')!;
    expect(temuan).toBeDefined();
    const cells = temuan.getColumn(2).values.slice(2).map(String);
    expect(cells).toEqual(expect.arrayContaining(['F3', 'F14', 'F24', 'F45', 'K60', 'K27', 'K76']));
  });
});

describe('usage errors', () => {
  it('are said in Indonesian', async () => {
    expect((await periksa()).err).toContain('Argumen wajib belum diberikan: berkas');
    expect((await periksa(CLEAN, '--warna')).err).toContain('Opsi tidak dikenal: --warna');
    const r = await jalankan('hapus');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Perintah tidak dikenal: hapus');
  });
});
