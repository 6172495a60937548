import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { readXlsxBuffer } from '../baca/xlsx';
import { CellValue } from '../../core/lembar/model';
import { Finding } from '../../core/periksa/temuan';
import { lembarXml, paketXlsx } from '../../test/helpers/xlsx-mentah';
import { writeAnnotatedCopy } from './index';

/**
 * The marked copy grows with its marks: 200,000 marks on a 100,000-row sheet (half on cells
 * that exist, half on cells the copy must create) is a matter of seconds. The former code
 * searched every row for each new one and concatenated arrays per row: minutes at this size.
 * The limit below is generous on purpose (a shared machine); the time is measured in the
 * bench (cli-tandai-100k-ms), not asserted here.
 */
const ROWS = 100_000;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandai-skala-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('200,000 marks on a 100,000-row sheet: every mark in place, every value kept', async () => {
  const values: CellValue[][] = Array.from({ length: ROWS }, (_, r) => [r + 1, `Kegiatan ${r + 1}`, (r + 1) * 1000]);
  const input = path.join(dir, 'besar.xlsx');
  fs.writeFileSync(input, paketXlsx({ sheets: [{ name: 'Data', xml: lembarXml(values, { merges: ['A1:B1'] }) }] }));
  const findings: Finding[] = [];
  for (let r = 1; r <= ROWS; r++) {
    findings.push({
      sheet: 'Data',
      cell: `C${r}`,
      rule: 'jumlah-induk',
      severity: 'error',
      actual: null,
      expected: null,
      message: `Pagu baris ${r}.`,
      related: [],
    });
    findings.push({
      sheet: 'Data',
      cell: `E${r + 1}`,
      rule: 'satuan',
      severity: 'warning',
      actual: null,
      expected: null,
      message: `Satuan baris ${r + 1}.`,
      related: [],
    });
  }
  const output = path.join(dir, 'besar-bertanda.xlsx');
  const r = await writeAnnotatedCopy({ path: input }, findings, output);
  expect(r).toEqual({ ok: true, marked: 200_000, sheetName: 'Temuan' });

  const parts = unzipSync(fs.readFileSync(output));
  const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
  // C1…C100000 keep their value and gain the error format; E2…E100001 are new, with the warning's.
  const errorXf = /<c r="C2" s="(\d+)"><v>2000<\/v><\/c>/.exec(sheet)![1];
  const warningXf = /<c r="E2" s="(\d+)"\/>/.exec(sheet)![1];
  expect(sheet.match(new RegExp(`<c r="C\\d+" s="${errorXf}"><v>\\d+</v></c>`, 'g'))).toHaveLength(ROWS);
  expect(sheet.match(new RegExp(`<c r="E\\d+" s="${warningXf}"/>`, 'g'))).toHaveLength(ROWS);
  expect(sheet).toContain(`<row r="${ROWS + 1}"><c r="E${ROWS + 1}" s="${warningXf}"/></row></sheetData>`);
  expect(strFromU8(parts['xl/comments1.xml']).match(/<comment /g)).toHaveLength(200_000);

  const after = await readXlsxBuffer(fs.readFileSync(output), 'besar-bertanda.xlsx');
  if (!after.ok) throw new Error(after.message);
  const now = after.workbook.sheets.find((s) => s.name === 'Data')!.values;
  // B1 is inside the merge A1:B1, which the reader gives as empty, as Excel shows it.
  const was = (row: number, c: number) => (row === 0 && c === 1 ? null : values[row][c]);
  for (let row = 0; row < ROWS; row++)
    for (let c = 0; c < 3; c++)
      if (now[row][c] !== was(row, c)) expect(`${row}:${c} ${now[row][c]}`).toBe(`${row}:${c} ${was(row, c)}`);
  expect(after.workbook.sheets.find((s) => s.name === 'Temuan')!.values).toHaveLength(200_001);
}, 240_000);
