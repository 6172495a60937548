import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Dec } from '../core/angka/desimal';
import { loadFixture } from '../test/fixtures/muat';
import { parseDelimited } from '../core/lembar/teks';
import { buildSamples, CSV_TABLE, readTypedIdNumber, SAMPLE_TABLES } from './buat-contoh';

describe('readTypedIdNumber: what id-ID Excel makes of a typed cell', () => {
  test.each([
    ['42.000.000', 42000000, '#,##0'],
    ['1.270', 1270, '#,##0'],
    ['92,5', 92.5, '0.0'],
    ['5,30', 5.3, '0.00'],
    ['0,259', 0.259, '0.000'],
    ['100', 100, null],
    ['0', 0, null],
    ['-12,5', -12.5, '0.0'],
    ['97,10%', 0.971, '0.00%'],
    ['3%', 0.03, '0%'],
    ['3.608.747.543,00', 3608747543, '#,##0.00'],
  ])('%s is the number %d (format %s)', (text, value, numFmt) => {
    expect(readTypedIdNumber(text)).toEqual({ value, numFmt });
  });

  test.each([
    '8,220,950,000',
    '53.600.0000',
    '29,822,934.850',
    '16.8',
    '99,88 %',
    '24 bln',
    '1.',
    '1.1',
    '-',
    '007',
    '1 6',
    '2.90%',
    'Rp. 5.000',
  ])('%s stays text', (text) => {
    expect(readTypedIdNumber(text)).toBeNull();
  });
});

/** The id-ID text a number shows under the formats readTypedIdNumber gives. */
function shown(value: number, numFmt: string | null): string {
  const fmt = numFmt ?? '0';
  const percent = fmt.endsWith('%');
  const places = (fmt.split('.')[1] ?? '').replace('%', '').length;
  const d = percent ? new Dec(value).times(100) : new Dec(value);
  const [int, frac] = d.toFixed(places).split('.');
  const grouped = fmt.startsWith('#,##0') ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : int;
  return grouped + (frac ? ',' + frac : '') + (percent ? '%' : '');
}

describe('buildSamples', () => {
  let dir: string;
  let files: string[];
  const books = new Map<string, ExcelJS.Worksheet>();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contoh-'));
    files = await buildSamples(dir);
    for (const t of SAMPLE_TABLES) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, `${t.fixture}.xlsx`));
      books.set(t.fixture, wb.getWorksheet(t.sheet)!);
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('one workbook per table and one semicolon CSV', () => {
    expect(files.map((f) => path.basename(f)).sort()).toEqual(
      [...SAMPLE_TABLES.map((t) => `${t.fixture}.xlsx`), `${CSV_TABLE}.csv`].sort(),
    );
    for (const t of SAMPLE_TABLES) expect(books.get(t.fixture)).toBeDefined();
  });

  test('every cell is either the number whose display is the printed text, or the printed text itself', () => {
    for (const t of SAMPLE_TABLES) {
      const ws = books.get(t.fixture)!;
      const sheet = loadFixture(t.fixture);
      sheet.values.forEach((row, r) =>
        row.forEach((text, c) => {
          const cell = ws.getCell(r + 1, c + 1);
          if (text === null) {
            expect(cell.value).toBeNull();
          } else if (typeof cell.value === 'number') {
            expect(`${t.fixture}!${cell.address} ${shown(cell.value, cell.numFmt ?? null)}`).toBe(
              `${t.fixture}!${cell.address} ${text}`,
            );
          } else {
            expect(`${t.fixture}!${cell.address} ${String(cell.value)}`).toBe(`${t.fixture}!${cell.address} ${text}`);
          }
        }),
      );
    }
  });

  test('known cells of the Magetan LKjIP tables', () => {
    const cap = books.get('lkjip_magetan_2024_capaian')!;
    expect(cap.getCell('A1').value).toBe('Sasaran Strategis');
    expect(cap.getCell('A1').font?.bold).toBe(true);
    expect(cap.getCell('A1').alignment?.wrapText).toBe(true);
    expect(cap.getCell('C2').value).toBe(99.88);
    expect(cap.getCell('D3').value).toBe(0.259);
    expect(cap.getCell('D3').numFmt).toBe('0.000');
    expect(cap.getCell('E3').value).toBe(92.5);
    expect(cap.getCell('E2').value).toBe(100);
    expect(cap.getCell('C5').numFmt).toBe('0.00'); // 5,30 keeps its printed zero
    expect(cap.getCell('F2').value).toBe('Berhasil');
    expect(cap.getCell('A2').font?.bold).toBeFalsy();

    const efi = books.get('lkjip_magetan_2024_efisiensi_sasaran')!;
    expect(efi.getCell('C2').value).toBe('99,88 %');
    expect(efi.getCell('F2').value).toBe(6093000000);
    expect(efi.getCell('F2').numFmt).toBe('#,##0');
    expect(efi.getCell('H2').value).toBe(0.9913);
    expect(efi.getCell('H2').numFmt).toBe('0.00%');
    expect(efi.getCell('I8').value).toBe(0.034);

    const ang = books.get('lkjip_magetan_2024_realisasi_anggaran')!;
    expect(ang.getCell('A2').value).toBe('1.');
    expect(ang.getCell('A3').value).toBe('1.1');
    expect(ang.getCell('A9').value).toBe(2);
    expect(ang.getCell('D2').value).toBe(5215862284);
    expect(ang.getCell('F2').value).toBe(97.1);
    expect(ang.getCell('F2').numFmt).toBe('0.00');
    expect(ang.getCell('B2').font?.bold).toBe(true); // PROGRAM row
    expect(ang.getCell('B3').font?.bold).toBeFalsy();
  });

  test('known cells of the Renja tables', () => {
    const tc29 = books.get('renja_magetan_2022_tc29')!;
    expect(tc29.getCell('A2').value).toBe(1); // the column-number row is a header row
    expect(tc29.getCell('K2').value).toBe(11);
    expect(tc29.getCell('K2').font?.bold).toBe(true);
    expect(tc29.getCell('D4').value).toBe('24 bln');
    expect(tc29.getCell('H4').value).toBe('100 %');

    const tc33 = books.get('renja_magetan_2022_tc33')!;
    expect(tc33.getCell('A2').value).toBe(1);
    expect(tc33.getCell('I3').value).toBe('11,364,627,670');
    expect(tc33.getCell('F4').font?.bold).toBe(true);

    const malang = books.get('renja_malang_2024_tabel23_review_rkpd')!;
    expect(malang.name).toBe('Tabel 2.3');
    expect(malang.getCell('A3').value).toBe('I.');
    expect(malang.getCell('F3').value).toBe('8,220,950,000');
    expect(malang.getCell('F11').value).toBe(42000000);
    expect(malang.getCell('F14').value).toBe(820000000);
    expect(malang.getCell('K27').value).toBe('53.600.0000');
    expect(malang.getCell('F76').value).toBe(18032750000);
    expect(malang.getCell('K76').value).toBe('29,822,934.850');
    expect(malang.getCell('L2').font?.bold).toBe(true);
    // exceljs leaves out a column of its default width 9, and reads it back as undefined.
    const widths = malang.columns.map((c) => c.width ?? 9);
    expect(widths).toHaveLength(12);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(6);
    expect(Math.max(...widths)).toBeLessThanOrEqual(48);
  });

  test('the CSV reads back to the same table with semicolons, as id-ID Excel exports it', () => {
    const text = fs.readFileSync(path.join(dir, `${CSV_TABLE}.csv`), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n')[1]).toBe(
      '1.;PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/ KOTA;Sekretariat;5.215.862.284;5.064.388.054;97,10',
    );
    const back = parseDelimited(text, CSV_TABLE);
    expect(back.values).toEqual(loadFixture(CSV_TABLE).values);
  });
});
