import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { fixturePath, loadFixture } from '../test/fixtures/muat';
import { jalankan } from '../test/helpers/jalankan-cli';
import { cariSoffice } from './lewat-libreoffice';

/*
 * Files as offices' own tools save them: Excel's "Unicode Text" (.txt), LibreOffice's .ods,
 * Excel 97-2003 .xls, and a password-protected workbook given to `bawaan`.
 */

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-format-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const MALANG = fixturePath('renja_malang_2024_tabel23_review_rkpd');
/** The cells and rules of the findings, which must not depend on the file format. */
const inti = (out: string) => (JSON.parse(out).files[0].findings as { cell: string; rule: string }[]).map((f) => `${f.cell} ${f.rule}`);

async function malangXlsx(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tabel 2.3');
  for (const row of loadFixture('renja_malang_2024_tabel23_review_rkpd').values) ws.addRow(row);
  await wb.xlsx.writeFile(file);
}

describe('Excel "Unicode Text" (.txt)', () => {
  it('is read like the .tsv it is: UTF-16LE with a byte-order mark, tabs between cells', async () => {
    const txt = path.join(dir, 'Tabel23.txt');
    const text = fs.readFileSync(MALANG, 'utf8').replace(/\n/g, '\r\n');
    fs.writeFileSync(txt, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await jalankan('periksa', txt, '--json');
    expect(r.err).toBe('');
    expect(inti(r.out)).toEqual(inti((await jalankan('periksa', MALANG, '--json')).out));
    expect(inti(r.out)).toContain('F14 jumlah-induk');

    const out = path.join(dir, 'Tabel23-bertanda.xlsx');
    const t = await jalankan('periksa', txt, '--tandai', out);
    expect(t.err).toBe('');
    expect(t.out).toContain(`Salinan bertanda: ${out} (`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('Temuan')!.getColumn(2).values.slice(2).map(String)).toEqual(expect.arrayContaining(['F14', 'K76']));
  });
});

describe('.xls and .ods', () => {
  const pathAsli = process.env.PATH;
  afterEach(() => {
    process.env.PATH = pathAsli;
  });

  it('without LibreOffice: the message says how to save as .xlsx', async () => {
    process.env.PATH = '';
    if ((await cariSoffice()) !== null) return; // LibreOffice in its usual place: nothing to hide it by
    const ods = path.join(dir, 'Renja.ods');
    fs.writeFileSync(ods, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    const r = await jalankan('periksa', ods);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'Berkas .ods (LibreOffice/OpenOffice Calc) belum dapat dibaca. Buka di LibreOffice lalu pilih Berkas › Simpan Sebagai › "Excel 2007-365 (.xlsx)"',
    );
    const xls = path.join(dir, 'Renja.xls');
    fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect((await jalankan('periksa', xls)).err).toContain('File › Save As › "Excel Workbook (*.xlsx)"');
  });

  // CI installs LibreOffice (scripts/siapkan-uji.sh): there a missing soffice is a failure.
  const wajib = process.env.LK_WAJIB_LIBREOFFICE === '1' || process.env.CI === 'true';
  it('with LibreOffice: an .xls and an .ods are converted and give the findings of the .xlsx', async () => {
    const soffice = await cariSoffice();
    if (soffice === null) {
      if (wajib) throw new Error('soffice tidak ditemukan');
      return;
    }
    const xlsx = path.join(dir, 'asal', 'Tabel23.xlsx');
    fs.mkdirSync(path.dirname(xlsx), { recursive: true });
    await malangXlsx(xlsx);
    const expected = inti((await jalankan('periksa', xlsx, '--json')).out);
    expect(expected).toContain('F14 jumlah-induk');
    const profile = `file://${path.join(dir, 'profil')}`;
    for (const ext of ['xls', 'ods']) {
      execFileSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', ext, '--outdir', dir, xlsx], {
        stdio: 'pipe',
        timeout: 120_000,
      });
      const file = path.join(dir, `Tabel23.${ext}`);
      const before = fs.readFileSync(file);
      const r = await jalankan('periksa', file, '--json');
      expect(r.err).toContain(`Berkas .${ext} diubah ke .xlsx dengan LibreOffice untuk diperiksa`);
      expect(inti(r.out)).toEqual(expected);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    }
  }, 300_000);
});

describe('bawaan on a password-protected workbook', () => {
  it('says it is password-protected, not "rusak"', async () => {
    // What Excel writes for an encrypted .xlsx: an OLE2 compound file (EncryptionInfo + EncryptedPackage).
    const file = path.join(dir, 'Rahasia.xlsx');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const r = await jalankan('bawaan', file, '--keluar', path.join(dir, 'Rahasia-bawaan.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('terlindungi kata sandi');
    expect(r.err).not.toContain('rusak');
  });
});
