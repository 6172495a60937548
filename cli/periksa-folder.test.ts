import * as fs from 'fs';
import * as os from 'os';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as path from 'path';
import { FIXTURES, fixturePath } from '../test/fixtures/muat';
import { jalankan } from '../test/helpers/jalankan-cli';
import { lembarXml, paketXlsx } from '../test/helpers/xlsx-mentah';

/**
 * `periksa FOLDER`: the walk, the order of the report whatever the pool did, one bad file not
 * stopping the others, and the exit status. Run once in the calling thread and once with two
 * worker processes (loading the TypeScript sources through the test require hook).
 */
let dir: string;
let folder: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-folder-'));
  folder = path.join(dir, 'kabupaten');
  fs.mkdirSync(path.join(folder, 'dinas-sosial'), { recursive: true });
  fs.mkdirSync(path.join(folder, 'bappeda'), { recursive: true });
  fs.copyFileSync(fixturePath(FIXTURES[4]), path.join(folder, 'dinas-sosial', 'renja.tsv'));
  fs.copyFileSync(fixturePath(FIXTURES[5]), path.join(folder, 'bappeda', 'tabel23.tsv'));
  fs.copyFileSync(fixturePath(FIXTURES[2]), path.join(folder, 'realisasi.tsv'));
  fs.writeFileSync(path.join(folder, 'bappeda', 'rusak.xlsx'), 'bukan zip');
  fs.writeFileSync(
    path.join(folder, 'dinas-sosial', 'ringkas.xlsx'),
    paketXlsx({
      sheets: [
        {
          name: 'Ringkas',
          xml: lembarXml([
            ['Kode', 'Program', 'Pagu'],
            ['1.01', 'Program A', 300],
          ]),
        },
      ],
    }),
  );
  // Not checked: Excel's lock file, a hidden file, a PDF.
  fs.writeFileSync(path.join(folder, 'bappeda', '~$tabel23.xlsx'), 'kunci');
  fs.writeFileSync(path.join(folder, '.tersembunyi.csv'), 'a;b\n');
  fs.writeFileSync(path.join(folder, 'catatan.pdf'), '%PDF');
  fs.mkdirSync(path.join(dir, 'kosong'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const EXPECTED_ORDER = () => [
  path.join(folder, 'bappeda', 'rusak.xlsx'),
  path.join(folder, 'bappeda', 'tabel23.tsv'),
  path.join(folder, 'dinas-sosial', 'renja.tsv'),
  path.join(folder, 'dinas-sosial', 'ringkas.xlsx'),
  path.join(folder, 'realisasi.tsv'),
];

async function runBatch(
  threads: string,
): Promise<{ code: number; json: { files: { file: string; error?: string; findings: unknown[] }[] }; laporan: string }> {
  const saved = { p: process.env.LK_PEKERJA, d: process.env.LK_TS_DAFTAR };
  process.env.LK_PEKERJA = threads;
  process.env.LK_TS_DAFTAR = path.resolve(__dirname, '..', 'test', 'helpers', 'daftar-ts.js');
  try {
    const laporanPath = path.join(dir, `laporan-${threads}.csv`);
    const r = await jalankan('periksa', folder, '--json', '--laporan', laporanPath);
    return { code: r.code, json: JSON.parse(r.out), laporan: fs.readFileSync(laporanPath, 'utf8') };
  } finally {
    for (const [k, v] of [
      ['LK_PEKERJA', saved.p],
      ['LK_TS_DAFTAR', saved.d],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('periksa FOLDER', () => {
  it('walks the folder in path order, keeps every file, and exits 2 because one file cannot be read', async () => {
    const { code, json, laporan } = await runBatch('1');
    expect(code).toBe(2);
    expect(json.files.map((f) => f.file)).toEqual(EXPECTED_ORDER());
    expect(json.files[0].error).toBe('Berkas bukan .xlsx yang sah atau rusak.');
    expect(json.files.filter((f) => f.error === undefined)).toHaveLength(4);
    // Tabel 23 of Malang has its known sum errors: the bad file before it did not stop the batch.
    expect(json.files[1].findings.length).toBeGreaterThan(0);
    // The report lists the files in the same order, the unreadable one as a row of its own.
    const filesInReport = [
      ...new Set(
        laporan
          .split('\n')
          .slice(1)
          .filter((l) => l !== '')
          .map((l) => l.split(';')[0]),
      ),
    ];
    expect(filesInReport).toEqual(json.files.filter((f) => f.error !== undefined || f.findings.length > 0).map((f) => f.file));
    expect(filesInReport.length).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('two worker processes give the same report, in the same order', async () => {
    const one = await runBatch('1');
    const two = await runBatch('2');
    expect(two.code).toBe(one.code);
    expect(two.json).toEqual(one.json);
    expect(two.laporan).toEqual(one.laporan);
  }, 180_000);

  it('a worker that dies (as V8 ends one out of memory) costs only its file; a fresh worker checks the rest', async () => {
    const saved = process.env.LK_UJI_PEKERJA_MATI;
    process.env.LK_UJI_PEKERJA_MATI = 'tabel23.tsv';
    let batch: Awaited<ReturnType<typeof runBatch>>;
    try {
      batch = await runBatch('2');
    } finally {
      if (saved === undefined) delete process.env.LK_UJI_PEKERJA_MATI;
      else process.env.LK_UJI_PEKERJA_MATI = saved;
    }
    const one = await runBatch('1');
    expect(batch.code).toBe(2);
    expect(batch.json.files.map((f) => f.file)).toEqual(EXPECTED_ORDER());
    expect(batch.json.files[1].error).toBe(
      'Berkas terlalu besar untuk diperiksa: memori pemeriksaan (1536 MB) habis; berkas dilewati.',
    );
    // Every other file is reported exactly as a batch without the death reports it.
    const others = (r: typeof one) => r.json.files.filter((_, i) => i !== 1);
    expect(others(batch)).toEqual(others(one));
  }, 180_000);

  it('an empty folder is said, and the exit status is 2', async () => {
    const r = await jalankan('periksa', path.join(dir, 'kosong'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(`Folder ${path.join(dir, 'kosong')} tidak memuat berkas lembar kerja (.xlsx, .xlsm, .xls, .ods, .csv, .tsv).\n`);
  });
});

/** The same workbook as an Excel template: only the workbook part's content type differs. */
function asTemplate(xlsx: Uint8Array): Uint8Array {
  const parts = unzipSync(xlsx);
  const types = strFromU8(parts['[Content_Types].xml']);
  expect(types).toContain('spreadsheetml.sheet.main+xml');
  parts['[Content_Types].xml'] = strToU8(types.replace('spreadsheetml.sheet.main+xml', 'spreadsheetml.template.main+xml'));
  return zipSync(parts);
}

describe('periksa FOLDER with spreadsheets the checker cannot read itself', () => {
  let where: string;
  const ringkas = () =>
    paketXlsx({
      sheets: [
        {
          name: 'Ringkas',
          xml: lembarXml([
            ['Kode', 'Program', 'Pagu'],
            ['1.01', 'Program A', 300],
            ['1.01.2.01', 'Kegiatan A', 100],
            ['1.01.2.02', 'Kegiatan B', 250],
          ]),
        },
      ],
    });
  beforeAll(() => {
    where = path.join(dir, 'campur');
    fs.mkdirSync(where);
    fs.writeFileSync(path.join(where, 'a-renja.xlsx'), ringkas());
    fs.writeFileSync(path.join(where, 'b-templat.xltx'), asTemplate(ringkas()));
    fs.writeFileSync(path.join(where, 'c-lama.xls'), 'bukan berkas Excel 97-2003');
    fs.writeFileSync(path.join(where, 'd-biner.xlsb'), 'biner');
    fs.writeFileSync(path.join(where, 'e-catatan.txt'), 'catatan rapat');
  });

  it('lists every spreadsheet file: a template is checked as its workbook, the others say how to save them as .xlsx', async () => {
    const r = await jalankan('periksa', where, '--json');
    expect(r.code).toBe(2);
    const files = (JSON.parse(r.out) as { files: { file: string; error?: string; findings: unknown[] }[] }).files;
    // The notes file is not walked; nothing else is skipped without a word.
    expect(files.map((f) => path.basename(f.file))).toEqual(['a-renja.xlsx', 'b-templat.xltx', 'c-lama.xls', 'd-biner.xlsb']);
    expect(files[0].error).toBeUndefined();
    expect(files[0].findings.length).toBeGreaterThan(0);
    expect(files[1]).toEqual({ ...files[0], file: files[1].file });
    expect(files[2].error).toMatch(/^Berkas \.xls \(Excel 97-2003\) belum dapat dibaca/);
    expect(files[3].error).toMatch(/^Berkas \.xlsb \(buku kerja biner Excel\) belum dapat dibaca/);
  }, 60_000);

  it('gives no marked copy of a template, and says why', async () => {
    const keluar = path.join(dir, 'bertanda-templat');
    const r = await jalankan('periksa', path.join(where, 'b-templat.xltx'), '--tandai', keluar);
    expect(r.err).toContain('Salinan bertanda tidak dibuat untuk templat (.xltx/.xltm).');
    expect(fs.existsSync(keluar) ? fs.readdirSync(keluar) : []).toEqual([]);
  }, 60_000);
});
