import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FIXTURES, fixturePath } from '../../test/fixtures/muat';
import { WorkbookSchema } from '../../core/lembar/model';
import { readWorkbookFile } from './index';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lk-baca-teks-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, content);
  return file;
}

async function readOk(file: string) {
  const r = await readWorkbookFile(file);
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  expect(WorkbookSchema.safeParse(r.workbook).success).toBe(true);
  return r;
}

/** The cells of a TSV as its lines and tabs say, empty cells as null, trailing blank lines dropped. */
function naiveTsv(text: string): (string | null)[][] {
  const rows = text.split(/\r?\n/).map((l) => l.split('\t').map((c) => (c === '' ? null : c)));
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c === null)) rows.pop();
  return rows;
}

describe('readWorkbookFile: .csv and .tsv', () => {
  it.each([...FIXTURES, 'functions'])('fixture %s reads back with exactly the cells of the TSV', async (name) => {
    const file = fixturePath(name);
    const r = await readOk(file);
    expect(r.warnings).toEqual([]);
    expect(r.workbook.name).toBe(`${name}.tsv`);
    expect(r.workbook.sheets).toHaveLength(1);
    const sheet = r.workbook.sheets[0];
    expect(sheet.name).toBe(name);
    expect(sheet.typed).toBe(false);
    expect(sheet.values).toEqual(naiveTsv(await fs.readFile(file, 'utf8')));
  });

  it('an id-ID CSV uses `;`, and decimal commas stay inside their cells', async () => {
    const file = await write('capaian.csv', 'Indikator;Target;Realisasi\nPersentase PPKS;99,88;99,88\nIKM;85;85,2\n');
    const sheet = (await readOk(file)).workbook.sheets[0];
    expect(sheet.name).toBe('capaian');
    expect(sheet.values).toEqual([
      ['Indikator', 'Target', 'Realisasi'],
      ['Persentase PPKS', '99,88', '99,88'],
      ['IKM', '85', '85,2'],
    ]);
  });

  it('an en-US CSV uses `,` with quoted money; A1 is the first field of the first line', async () => {
    const file = await write('pagu.csv', '"",Pagu\r\nProgram I,"8,220,950,000"\r\n"Kegiatan ""A""",7800000\r\n');
    const sheet = (await readOk(file)).workbook.sheets[0];
    expect(sheet.values).toEqual([
      [null, 'Pagu'],
      ['Program I', '8,220,950,000'],
      ['Kegiatan "A"', '7800000'],
    ]);
  });

  it('keeps a quoted cell with a line break as one cell', async () => {
    const file = await write('baris.csv', 'No;Uraian\n1;"Program\nPenunjang"\n2;Kegiatan\n');
    expect((await readOk(file)).workbook.sheets[0].values).toEqual([
      ['No', 'Uraian'],
      ['1', 'Program\nPenunjang'],
      ['2', 'Kegiatan'],
    ]);
  });

  it('strips a UTF-8 BOM', async () => {
    const file = await write('bom.csv', '\uFEFFKode;Pagu\n1.06;5.215.862.284\n');
    expect((await readOk(file)).workbook.sheets[0].values[0]).toEqual(['Kode', 'Pagu']);
  });

  it('reads Windows-1252 bytes when the file is not UTF-8, and warns', async () => {
    // "Luas (m²);Keterangan\n120;Café\n" in Windows-1252: ² = 0xB2, é = 0xE9.
    const text = 'Luas (m\u00b2);Keterangan\n120;Caf\u00e9\n';
    const bytes = Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));
    const r = await readOk(await write('ansi.csv', bytes));
    expect(r.workbook.sheets[0].values).toEqual([
      ['Luas (m²)', 'Keterangan'],
      ['120', 'Café'],
    ]);
    expect(r.warnings).toEqual(['Berkas bukan UTF-8 yang sah; dibaca sebagai Windows-1252. Periksa huruf yang tampil aneh.']);
  });

  it('reads UTF-16LE "Unicode Text" as Excel saves it', async () => {
    const text = 'Indikator\tTarget\nIKM\t85,2\n';
    const body = Buffer.from(text, 'utf16le');
    const r = await readOk(await write('unicode.tsv', Buffer.concat([Buffer.from([0xff, 0xfe]), body])));
    expect(r.workbook.sheets[0].values).toEqual([
      ['Indikator', 'Target'],
      ['IKM', '85,2'],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('a .tsv without tabs falls back to detection, and says so', async () => {
    const r = await readOk(await write('salah.tsv', 'a;b\n1;2\n'));
    expect(r.workbook.sheets[0].values).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(r.warnings).toEqual(['Berkas .tsv tanpa tab; kolom dipisah dengan titik koma.']);
  });

  it('warns about a quote that never closes', async () => {
    const r = await readOk(await write('kutip.csv', 'No;Uraian\n1;"Program\n2;Kegiatan\n'));
    expect(r.warnings).toEqual(['Tanda kutip di baris 2 tidak ditutup; isi sesudahnya mungkin terbaca sebagai satu sel.']);
    expect(r.workbook.sheets[0].values[0]).toEqual(['No', 'Uraian']);
  });

  it('a one-line file is a one-row sheet', async () => {
    expect((await readOk(await write('satu.csv', 'No;Program;Pagu'))).workbook.sheets[0].values).toEqual([['No', 'Program', 'Pagu']]);
  });

  it('reads 100,000 rows', async () => {
    const lines = ['No;Program;Pagu'];
    for (let i = 1; i <= 100_000; i++) lines.push(`${i};Kegiatan ${i};${i}.000.000`);
    const sheet = (await readOk(await write('besar.csv', lines.join('\n')))).workbook.sheets[0];
    expect(sheet.values).toHaveLength(100_001);
    expect(sheet.values[100_000]).toEqual(['100000', 'Kegiatan 100000', '100000.000.000']);
  });
});

describe('readWorkbookFile: bad input gives a message, never a throw', () => {
  it('an empty file, and one with only blank lines', async () => {
    expect(await readWorkbookFile(await write('kosong.csv', ''))).toEqual({ ok: false, message: 'Berkas kosong.' });
    expect(await readWorkbookFile(await write('kosong2.tsv', '\uFEFF\r\n \n\n'))).toEqual({ ok: false, message: 'Berkas kosong.' });
  });

  it('a binary file named .csv', async () => {
    const bytes = Uint8Array.from({ length: 2048 }, (_, i) => (i * 31 + 7) % 256);
    expect(await readWorkbookFile(await write('biner.csv', bytes))).toEqual({
      ok: false,
      message: 'Berkas bukan teks CSV/TSV yang sah (berisi data biner).',
    });
  });

  it('a missing file', async () => {
    const missing = path.join(dir, 'tidak-ada.xlsx');
    expect(await readWorkbookFile(missing)).toEqual({ ok: false, message: `Berkas tidak ditemukan: ${missing}.` });
  });

  it('a directory, even one named like a workbook', async () => {
    const folder = path.join(dir, 'folder.xlsx');
    await fs.mkdir(folder);
    expect(await readWorkbookFile(folder)).toEqual({ ok: false, message: `${folder} adalah folder, bukan berkas.` });
    expect(await readWorkbookFile(dir)).toEqual({ ok: false, message: `${dir} adalah folder, bukan berkas.` });
  });

  it('an unknown file type, and an old .xls', async () => {
    expect(await readWorkbookFile(await write('laporan.pdf', '%PDF-1.4'))).toEqual({
      ok: false,
      message: 'Jenis berkas tidak dikenal: .pdf (gunakan .xlsx, .csv atau .tsv).',
    });
    expect(await readWorkbookFile(await write('catatan', 'a;b'))).toEqual({
      ok: false,
      message: 'Jenis berkas tidak dikenal: tanpa ekstensi (gunakan .xlsx, .csv atau .tsv).',
    });
    expect(await readWorkbookFile(await write('lama.xls', 'x'))).toEqual({
      ok: false,
      message: expect.stringContaining('Berkas .xls (Excel 97-2003) belum dapat dibaca. Buka di Excel lalu pilih File › Save As'),
    });
  });

  it('the extension is matched without regard to case', async () => {
    const r = await readOk(await write('BESAR.CSV', 'a;b\n'));
    expect(r.workbook.sheets[0].name).toBe('BESAR');
  });
});
