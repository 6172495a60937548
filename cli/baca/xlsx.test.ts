import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { a1, Sheet, SheetSchema, WorkbookSchema } from '../../core/lembar/model';
import { buildRichWorkbook } from '../../test/fixtures/kaya';
import { asZip64, withZip64Entry } from '../../test/helpers/zip64';
import { readWorkbookFile } from './index';
import { readXlsxBuffer } from './xlsx';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lk-baca-xlsx-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function writeBook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function readOk(file: string) {
  const r = await readWorkbookFile(file);
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  // Whatever the reader builds must satisfy the model every host hands to the core.
  expect(WorkbookSchema.safeParse(r.workbook).success).toBe(true);
  return r;
}

const sheetNamed = (sheets: Sheet[], name: string) => {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

describe('readWorkbookFile: .xlsx', () => {
  it('reads every sheet in tab order, typed, from A1', async () => {
    const file = await writeBook('urutan.xlsx', (wb) => {
      wb.addWorksheet('Ringkasan').getCell('A1').value = 'Ringkasan';
      wb.addWorksheet('T-C.33').getCell('A1').value = 'Kode';
      wb.addWorksheet('Catatan').getCell('B2').value = 'catatan';
    });
    const r = await readOk(file);
    expect(r.workbook.name).toBe('urutan.xlsx');
    expect(r.workbook.sheets.map((s) => s.name)).toEqual(['Ringkasan', 'T-C.33', 'Catatan']);
    for (const s of r.workbook.sheets) {
      expect(s.typed).toBe(true);
      expect(s.origin).toBeUndefined();
    }
    expect(r.workbook.sheets[2].values).toEqual([[], [null, 'catatan']]);
    expect(r.warnings).toEqual([]);
  });

  it('keeps numbers as numbers and text as text, joins rich text, reads booleans, hyperlinks and errors', async () => {
    const file = await writeBook('nilai.xlsx', (wb) => {
      const ws = wb.addWorksheet('Data');
      ws.getCell('A1').value = 29822934000;
      ws.getCell('B1').value = '29.822.934.000';
      ws.getCell('C1').value = 92.5;
      ws.getCell('D1').value = { richText: [{ text: 'PROGRAM ' }, { text: 'PENUNJANG', font: { bold: true } }] };
      ws.getCell('E1').value = true;
      ws.getCell('F1').value = { error: '#REF!' };
      ws.getCell('G1').value = { text: 'Dinas Sosial', hyperlink: 'https://example.org' };
      ws.getCell('H1').value = '';
    });
    const s = (await readOk(file)).workbook.sheets[0];
    expect(s.values).toEqual([[29822934000, '29.822.934.000', 92.5, 'PROGRAM PENUNJANG', true, '#REF!', 'Dinas Sosial']]);
    expect(s.formulas).toBeUndefined();
  });

  it('gives a formula cell its cached result as value and its text as formula', async () => {
    const file = await writeBook('rumus.xlsx', (wb) => {
      const ws = wb.addWorksheet('Anggaran');
      ws.addRow(['Anggaran', 'Realisasi', '%']);
      ws.addRow([5215862284, 5064388054, { formula: 'B2/A2*100', result: 97.0958 }]);
      ws.addRow([0, 1, { formula: 'B3/A3*100', result: { error: '#DIV/0!' } }]);
      ws.addRow([{ formula: 'SUM(A2:A3)', result: 5215862284 }, 'teks', { formula: '"ya"', result: 'ya' }]);
    });
    const s = (await readOk(file)).workbook.sheets[0];
    expect(s.values[1]).toEqual([5215862284, 5064388054, 97.0958]);
    expect(s.values[2]).toEqual([0, 1, '#DIV/0!']);
    expect(s.values[3]).toEqual([5215862284, 'teks', 'ya']);
    expect(s.formulas).toEqual([
      [null, null, null],
      [null, null, '=B2/A2*100'],
      [null, null, '=B3/A3*100'],
      ['=SUM(A2:A3)', null, '="ya"'],
    ]);
  });

  it('resolves shared formulas to each cell’s own formula', async () => {
    const file = await writeBook('bersama.xlsx', (wb) => {
      const ws = wb.addWorksheet('Capaian');
      ws.getCell('A1').value = 10;
      ws.getCell('A2').value = 20;
      ws.getCell('A3').value = 30;
      ws.fillFormula('B1:B3', 'A1*2', [20, 40, 60]);
    });
    const s = (await readOk(file)).workbook.sheets[0];
    expect(s.values).toEqual([
      [10, 20],
      [20, 40],
      [30, 60],
    ]);
    expect(s.formulas?.map((r) => r[1])).toEqual(['=A1*2', '=A2*2', '=A3*2']);
  });

  it('warns when formulas were saved without results (value stays empty, never invented)', async () => {
    const file = await writeBook('tanpa-hasil.xlsx', (wb) => {
      const ws = wb.addWorksheet('Renja');
      ws.getCell('A1').value = 1;
      ws.getCell('A2').value = { formula: 'A1*2' } as ExcelJS.CellFormulaValue;
    });
    const r = await readOk(file);
    const s = r.workbook.sheets[0];
    expect(s.values).toEqual([[1], [null]]);
    expect(s.formulas).toEqual([[null], ['=A1*2']]);
    expect(r.warnings).toEqual([
      'Lembar "Renja": 1 sel rumus belum punya nilai tersimpan (misalnya A2); buka dan simpan ulang berkas di Excel agar nilainya terbaca.',
    ]);
  });

  it('reads a date as ISO text and says so', async () => {
    const file = await writeBook('tanggal.xlsx', (wb) => {
      const ws = wb.addWorksheet('Data');
      ws.getCell('A1').value = new Date(Date.UTC(2024, 11, 31));
      ws.getCell('A1').numFmt = 'dd/mm/yyyy';
      ws.getCell('A2').value = new Date(Date.UTC(2022, 9, 2, 8, 30, 0));
    });
    const r = await readOk(file);
    expect(r.workbook.sheets[0].values).toEqual([['2024-12-31'], ['2022-10-02 08:30:00']]);
    expect(r.workbook.sheets[0].numberFormats?.[0]).toEqual(['dd/mm/yyyy']);
    expect(r.warnings).toEqual(['Lembar "Data": 2 sel berisi tanggal (misalnya A1); dibaca sebagai teks tanggal, bukan angka.']);
  });

  it('reads number formats, bold, merges and hidden rows in sheet positions', async () => {
    const file = await writeBook('tata.xlsx', (wb) => {
      const ws = wb.addWorksheet('T-C.29');
      ws.getCell('C5').value = 'Kode';
      ws.getCell('D5').value = 'Program/Kegiatan';
      ws.getCell('E5').value = 'Pagu';
      ws.mergeCells('C3:E4');
      ws.getCell('C3').value = 'TABEL T-C.29';
      ws.getCell('D6').value = 'PROGRAM PENUNJANG';
      ws.getCell('D6').font = { bold: true };
      ws.getCell('E6').value = 5215862284;
      ws.getCell('E6').numFmt = '#,##0';
      ws.getCell('D7').value = 'kegiatan tersembunyi';
      ws.getRow(7).hidden = true;
      ws.getCell('E7').value = 0.971;
      ws.getCell('E7').numFmt = '0.00%';
      ws.mergeCells('A6:B7');
    });
    const s = (await readOk(file)).workbook.sheets[0];
    expect(s.values[2]).toEqual([null, null, 'TABEL T-C.29']);
    // The other cells of a merge are empty, as Excel hands them to code.
    expect(s.values[3]).toEqual([]);
    expect(s.values[4]).toEqual([null, null, 'Kode', 'Program/Kegiatan', 'Pagu']);
    expect(a1(s, 4, 2)).toBe('C5');
    expect(s.merges).toEqual([
      { top: 2, left: 2, bottom: 3, right: 4 },
      { top: 5, left: 0, bottom: 6, right: 1 },
    ]);
    expect(s.bold?.[5]?.[3]).toBe(true);
    expect(s.bold?.[4]?.[3]).toBe(false);
    expect(s.numberFormats?.[5]?.[4]).toBe('#,##0');
    expect(s.numberFormats?.[6]?.[4]).toBe('0.00%');
    expect(s.numberFormats?.[4]?.[4]).toBeNull();
    expect(s.hiddenRows).toEqual([6]);
    // Every per-cell array has exactly the shape of values.
    for (const key of ['bold', 'numberFormats'] as const) {
      expect(s[key]?.map((r) => r.length)).toEqual(s.values.map((r) => r.length));
    }
  });

  it('marks a cell bold when all of its rich text is bold', async () => {
    const file = await writeBook('tebal.xlsx', (wb) => {
      const ws = wb.addWorksheet('Data');
      ws.getCell('A1').value = {
        richText: [
          { text: 'PROGRAM', font: { bold: true } },
          { text: ' 1', font: { bold: true } },
        ],
      };
      ws.getCell('A2').value = { richText: [{ text: 'Kegiatan', font: { bold: true } }, { text: ' 1' }] };
    });
    const s = (await readOk(file)).workbook.sheets[0];
    expect(s.bold).toEqual([[true], [false]]);
  });

  it('reads a one-row sheet and an empty sheet', async () => {
    const file = await writeBook('kecil.xlsx', (wb) => {
      wb.addWorksheet('Kosong');
      wb.addWorksheet('Satu').addRow(['No', 'Program', 'Pagu']);
    });
    const r = await readOk(file);
    expect(sheetNamed(r.workbook.sheets, 'Kosong').values).toEqual([]);
    expect(sheetNamed(r.workbook.sheets, 'Satu').values).toEqual([['No', 'Program', 'Pagu']]);
  });

  it('reads 5,000 rows × 17 columns completely', async () => {
    const file = await writeBook('besar.xlsx', (wb) => {
      const ws = wb.addWorksheet('Besar');
      for (let i = 0; i < 5000; i++) ws.addRow(Array.from({ length: 17 }, (_, c) => (c === 1 ? `Kegiatan ${i}` : i * 17 + c)));
    });
    const s = (await readOk(file)).workbook.sheets[0];
    expect(s.values.length).toBe(5000);
    expect(s.values[4999]).toHaveLength(17);
    expect(s.values[4999][1]).toBe('Kegiatan 4999');
    expect(s.values[4999][16]).toBe(4999 * 17 + 16);
    expect(SheetSchema.safeParse(s).success).toBe(true);
  });
});

describe('readWorkbookFile: bad .xlsx input gives a message, never a throw', () => {
  const write = async (name: string, bytes: Uint8Array | string) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, bytes);
    return file;
  };

  it('an empty file', async () => {
    expect(await readWorkbookFile(await write('kosong.xlsx', ''))).toEqual({ ok: false, message: 'Berkas kosong.' });
  });

  it('binary garbage named .xlsx', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(await readWorkbookFile(await write('sampah.xlsx', garbage))).toEqual({
      ok: false,
      message: 'Berkas bukan .xlsx yang sah atau rusak.',
    });
  });

  it('a zip that is not a workbook, and a truncated workbook', async () => {
    const zip = new JSZip();
    zip.file('catatan.txt', 'bukan buku kerja');
    const notBook = await write('zip.xlsx', await zip.generateAsync({ type: 'uint8array' }));
    expect(await readWorkbookFile(notBook)).toEqual({ ok: false, message: 'Berkas bukan .xlsx yang sah atau rusak.' });

    const good = await writeBook('utuh.xlsx', (wb) => {
      wb.addWorksheet('Data').getCell('A1').value = 1;
    });
    const bytes = await fs.readFile(good);
    const cut = await write('terpotong.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await readWorkbookFile(cut)).toEqual({ ok: false, message: 'Berkas bukan .xlsx yang sah atau rusak.' });
  });

  it('a text file named .xlsx', async () => {
    expect(await readWorkbookFile(await write('teks.xlsx', 'No;Program\n1;Dinas\n'))).toEqual({
      ok: false,
      message: 'Berkas bukan .xlsx yang sah atau rusak.',
    });
  });

  it('a password-protected workbook (an OLE2 container)', async () => {
    const cfb = new Uint8Array(1024);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const r = await readWorkbookFile(await write('sandi.xlsx', cfb));
    expect(r).toEqual({
      ok: false,
      message: 'Berkas terlindungi kata sandi atau berformat .xls lama; simpan ulang di Excel sebagai .xlsx tanpa kata sandi.',
    });
  });

  it('an .xlsx renamed to .csv is read as the workbook it is', async () => {
    const good = await writeBook('asli.xlsx', (wb) => {
      wb.addWorksheet('Data').getCell('A1').value = 42;
    });
    const renamed = path.join(dir, 'salah-nama.csv');
    await fs.copyFile(good, renamed);
    const r = await readOk(renamed);
    expect(r.workbook.sheets[0].values).toEqual([[42]]);
    expect(r.warnings).toEqual(['Berkas bernama .csv tetapi berisi buku kerja .xlsx; dibaca sebagai .xlsx.']);
  });
});

describe('zip64 packages', () => {
  // Some writers always use zip64 records, whatever the size; LibreOffice and Excel open them.
  it('are read as the same workbook as their classic form: zip64 end record, and an entry with its sizes in the extra field', async () => {
    const classic = await buildRichWorkbook();
    const expected = await readXlsxBuffer(classic, 'kaya.xlsx');
    expect(expected.ok).toBe(true);
    for (const bytes of [asZip64(classic), withZip64Entry(classic)]) {
      const r = await readXlsxBuffer(bytes, 'kaya.xlsx');
      expect(r).toEqual(expected);
    }
  });
});
