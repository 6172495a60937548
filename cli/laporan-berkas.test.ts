import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { Finding } from '../core/periksa/temuan';
import { neutralise } from '../core/tanda';
import { fixturePath } from '../test/fixtures/muat';
import { jalankan } from '../test/helpers/jalankan-cli';
import { barisLaporan, BerkasDiperiksa, formatLaporan, LAPORAN_HEADERS, teksLaporan } from './laporan-berkas';

const temuan = (over: Partial<Finding>): Finding => ({
  sheet: 'Renja',
  cell: 'F14',
  rule: 'jumlah-induk',
  severity: 'error',
  actual: '820000000',
  expected: '819500000',
  message: 'Pagu kegiatan 820.000.000 tidak sama dengan jumlah pagu sub kegiatannya 819.500.000 (selisih 500.000).',
  related: ['F15', 'F16'],
  ...over,
});

/** The report as a spreadsheet would read it back: BOM dropped, fields split and unquoted. */
function bacaKembali(text: string, delimiter: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^[-+]?\d[\d.,]*%?$/;

test('the report path chooses the format by its extension, and nothing else is taken', () => {
  expect(formatLaporan('temuan.csv')).toBe('csv');
  expect(formatLaporan('Hasil/TEMUAN.TSV')).toBe('tsv');
  expect(formatLaporan('temuan.xlsx')).toBeNull();
  expect(formatLaporan('temuan')).toBeNull();
});

test('one row per finding under an Indonesian header, the file first and the Temuan sheet columns after it', () => {
  const rows = barisLaporan([
    {
      file: 'renja.xlsx',
      sheets: ['Renja'],
      findings: [
        temuan({}),
        temuan({ cell: 'C4', severity: 'warning', rule: 'format-angka', actual: '53.600.0000', expected: null, related: [] }),
      ],
    },
    { file: 'lkjip.xlsx', sheets: ['Capaian'], findings: [] },
  ]);
  expect(rows[0]).toEqual(['Berkas', 'Lembar', 'Sel', 'Aturan', 'Tingkat', 'Isi sel', 'Seharusnya', 'Keterangan', 'Sel terkait']);
  expect(rows.slice(1)).toEqual([
    ['renja.xlsx', 'Renja', 'C4', 'format-angka', 'peringatan', '53.600.0000', '', temuan({}).message, ''],
    ['renja.xlsx', 'Renja', 'F14', 'jumlah-induk', 'galat', '820.000.000', '819.500.000', temuan({}).message, 'F15, F16'],
  ]);
});

test('a file that could not be read is a row of its own with the reason, so the batch shows it', () => {
  const rows = barisLaporan([{ file: 'rusak.xlsx', error: 'Berkas bukan .xlsx yang sah atau rusak.' }]);
  expect(rows[1]).toEqual([
    'rusak.xlsx',
    '',
    '',
    '',
    'galat',
    '',
    '',
    'Berkas tidak dapat dibaca: Berkas bukan .xlsx yang sah atau rusak.',
    '',
  ]);
});

test.each([
  ['csv', ';'],
  ['tsv', '\t'],
] as const)('%s: a UTF-8 mark, CRLF lines, and quoting that brings back delimiters, quotes and line breaks', (format, delimiter) => {
  const message = `Predikat tertulis "Baik; cukup"\tuntuk capaian 92,5 %,\r\nseharusnya "Sangat Tinggi".`;
  const text = teksLaporan(
    [{ file: 'a;b\tc.csv', sheets: ['S'], findings: [temuan({ sheet: 'Lembar "1"', message, actual: 'a\nb' })] }],
    format,
  );
  expect(text.split('\r\n')[0]).toBe('\uFEFF' + LAPORAN_HEADERS.join(delimiter));
  expect(text.endsWith('\r\n')).toBe(true);
  const rows = bacaKembali(text, delimiter);
  expect(rows).toHaveLength(2);
  expect(rows[1]).toEqual(['a;b\tc.csv', 'Lembar "1"', 'F14', 'jumlah-induk', 'galat', 'a\nb', '819.500.000', message, 'F15, F16']);
});

test('whatever the user wrote, no field of the report starts a formula, and each reads back as the neutralised text', () => {
  const hostile = fc.oneof(
    fc.string(),
    fc.constantFrom('=1+1', '+62 811', "-2+3+cmd|' /C calc'!A0", '@SUM(1)', '\t=1', '\r=1', '＝1', '＋1', '－1', '＠A1', '-', '-12,5'),
    fc.string().map((s) => `=${s}`),
  );
  fc.assert(
    fc.property(
      hostile,
      hostile,
      hostile,
      hostile,
      hostile,
      fc.constantFrom('csv', 'tsv') as fc.Arbitrary<'csv' | 'tsv'>,
      (file, sheet, actual, expected, message, format) => {
        const f = temuan({ sheet, actual, expected, message: message === '' ? '.' : message });
        const berkas: BerkasDiperiksa[] = [{ file, sheets: [sheet], findings: [f] }];
        const rows = bacaKembali(teksLaporan(berkas, format), format === 'csv' ? ';' : '\t');
        const row = rows[1];
        for (const field of row) if (!PLAIN_NUMBER.test(field) && field !== '-') expect(field).not.toMatch(FORMULA_START);
        expect(row[0]).toBe(neutralise(file));
        expect(row[1]).toBe(neutralise(sheet));
        expect(row[7]).toBe(neutralise(f.message));
      },
    ),
    { numRuns: 300 },
  );
});

describe('periksa --laporan', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-laporan-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const MALANG = fixturePath('renja_malang_2024_tabel23_review_rkpd');
  const CLEAN = fixturePath('lkjip_magetan_2024_realisasi_anggaran');

  test('writes every finding of every file in one table and says where', async () => {
    const out = path.join(dir, 'hasil', 'temuan.csv');
    const missing = path.join(dir, 'tidak-ada.xlsx');
    const r = await jalankan('periksa', MALANG, CLEAN, missing, '--laporan', out, '--json');
    expect(r.code).toBe(2); // one input could not be read
    const json = JSON.parse(r.out) as { files: { file: string; findings: unknown[] }[] };
    const rows = bacaKembali(fs.readFileSync(out, 'utf8'), ';');
    expect(rows[0]).toEqual(LAPORAN_HEADERS);
    expect(rows.slice(1).filter((x) => x[0] === MALANG)).toHaveLength(json.files[0].findings.length);
    expect(rows.slice(1).filter((x) => x[0] === CLEAN)).toHaveLength(json.files[1].findings.length);
    expect(
      rows
        .slice(1)
        .filter((x) => x[0] === missing)
        .map((x) => x[4]),
    ).toEqual(['galat']);
    expect(rows.some((x) => x[0] === MALANG && x[2] === 'F14' && x[5] === '820.000.000' && x[6] === '819.500.000')).toBe(true);

    const plain = await jalankan('periksa', CLEAN, '--laporan', path.join(dir, 'bersih.tsv'));
    expect(plain.out).toMatch(/Laporan temuan: .*bersih\.tsv \(\d+ baris\)\./);
    expect(bacaKembali(fs.readFileSync(path.join(dir, 'bersih.tsv'), 'utf8'), '\t')[0]).toEqual(LAPORAN_HEADERS);
  });

  test('refuses a report that would replace a checked file, before checking anything', async () => {
    const input = path.join(dir, 'renja.csv');
    fs.copyFileSync(MALANG, input);
    const before = fs.readFileSync(input);
    const r = await jalankan('periksa', input, '--laporan', path.join(dir, '.', 'renja.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('Berkas laporan sama dengan berkas yang diperiksa');
    expect(r.out).toBe('');
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  test('refuses a report name that is neither .csv nor .tsv', async () => {
    const r = await jalankan('periksa', MALANG, '--laporan', path.join(dir, 'temuan.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('harus berakhiran .csv atau .tsv');
    expect(fs.existsSync(path.join(dir, 'temuan.xlsx'))).toBe(false);
  });
});
