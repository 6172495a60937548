import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { CellValue, Sheet, Workbook } from '../core/lembar/model';
import { periksaWorkbook } from '../core/periksa';
import { FindingSchema } from '../core/periksa/temuan';
import { loadFixture } from './fixtures/muat';
import { renjaTC33 } from './fixtures/sintetis';
import { jalankan } from './helpers/jalankan-cli';

/**
 * Bad input gets a clear Indonesian message and never a stack trace; odd sheets are checked
 * for what they hold and never crash the checker.
 */

const periksa = (...argv: string[]) => jalankan('periksa', ...argv);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-buruk-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at [\w.<]+ \(/);

describe('files that cannot be read', () => {
  it.each([
    ['kosong.xlsx', Buffer.alloc(0)],
    ['kosong.csv', Buffer.alloc(0)],
    ['sampah.xlsx', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ['sampah.csv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256))],
    ['laporan.pdf', Buffer.from('%PDF-1.4\n')],
  ])('%s: exit 2 with an Indonesian message', async (name, bytes) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    const r = await periksa(file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Berkas|berkas/);
    noStack(r.err);
  });
});

function book(values: CellValue[][], extra: Partial<Sheet> = {}): Workbook {
  return { name: 'uji', sheets: [{ name: 'Lembar1', values, typed: true, ...extra }] };
}

function wellFormed(wb: Workbook) {
  const result = periksaWorkbook(wb);
  for (const f of result.findings) {
    expect(FindingSchema.safeParse(f).success).toBe(true);
    expect(f.message.trim().length).toBeGreaterThan(0);
  }
  return result;
}

describe('odd sheets are checked without crashing', () => {
  it('an empty sheet and a one-row sheet find no table', () => {
    expect(wellFormed(book([])).tables).toEqual([]);
    expect(wellFormed(book([['Program', 'Pagu']])).findings).toEqual([]);
  });

  it('a sheet that is one giant merged cell', () => {
    const values: CellValue[][] = Array.from({ length: 40 }, (_, r) => Array.from({ length: 12 }, (_, c) => (r === 0 && c === 0 ? 'RENJA 2024' : null)));
    const result = wellFormed(book(values, { merges: [{ top: 0, left: 0, bottom: 39, right: 11 }] }));
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('error values in money cells are reported, not summed', () => {
    const sheet = loadFixture('lkjip_magetan_2024_realisasi_anggaran');
    sheet.values[3][3] = '#REF!';
    sheet.values[9][4] = '#N/A';
    const result = wellFormed({ name: 'uji', sheets: [sheet] });
    const atRef = result.findings.filter((f) => f.cell === 'D4');
    expect(atRef.some((f) => f.rule === 'format-angka' && f.severity === 'error')).toBe(true);
    // The program above a #REF! child cannot be summed: no sum error is claimed for it.
    expect(result.findings.some((f) => f.cell === 'D2' && f.rule === 'jumlah-induk' && f.severity === 'error')).toBe(false);
  });

  it('a date or a word in a money column is reported at its cell', () => {
    const sheet = loadFixture('lkjip_magetan_2024_realisasi_anggaran');
    sheet.values[4][3] = '2024-12-31';
    sheet.values[5][4] = 'menyusul';
    const findings = wellFormed({ name: 'uji', sheets: [sheet] }).findings;
    expect(findings.find((f) => f.cell === 'D5')).toMatchObject({ rule: 'format-angka', severity: 'error' });
    expect(findings.find((f) => f.cell === 'D5')!.message).toContain('tanggal');
    expect(findings.find((f) => f.cell === 'E6')).toMatchObject({ rule: 'format-angka', severity: 'error' });
  });

  it('100,000 rows are checked (linear, no crash)', () => {
    const sheet = renjaTC33({ subKegiatan: 100_000 }).sheet;
    const result = wellFormed({ name: 'besar', sheets: [sheet] });
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0].rows).toBeGreaterThan(100_000);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  }, 60_000);
});

describe('a real workbook with a table in the middle of a sheet', () => {
  it('finds the table below a title and names cells as the user sees them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Realisasi');
    ws.addRow(['REALISASI ANGGARAN DINAS SOSIAL TAHUN 2024']);
    ws.addRow([]);
    ws.addRow(['No.', 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)', '% Capaian']);
    ws.addRow(['1.', 'PROGRAM PEMBERDAYAAN SOSIAL', 175_000_000, 170_000_000, 97.14]);
    ws.addRow(['1.1', 'Kegiatan A', 100_000_000, 99_000_000, 99]);
    ws.addRow(['1.2', 'Kegiatan B', 50_000_000, 71_000_000, 142]);
    ws.addRow(['TOTAL', null, 175_000_000, 170_000_000, 97.14]);
    const file = path.join(dir, 'tengah.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await periksa(file, '--json');
    const findings = JSON.parse(r.out).files[0].findings;
    const sum = findings.find((f: { rule: string }) => f.rule === 'jumlah-induk');
    expect(sum).toMatchObject({ cell: 'C4', severity: 'error', actual: '175000000', expected: '150000000' });
    expect(r.code).toBe(1);
  });
});
