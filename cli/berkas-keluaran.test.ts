import { spawn } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as ts from 'typescript';
import { fixturePath, loadFixture } from '../test/fixtures/muat';
import { jalankan } from '../test/helpers/jalankan-cli';
import { namaSalinanBertanda, writeAtomically } from './berkas-keluaran';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-keluaran-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const hash = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const TC33 = fixturePath('renja_magetan_2022_tc33');
/** Files of a folder that look like our temporary files. */
const sisaSementara = (d: string) => fs.readdirSync(d).filter((f) => f.endsWith('.tmp'));

/** A folder of its own per test, with an .xlsx pohon and bawaan can both use. */
async function siapkan(name: string): Promise<{ d: string; input: string }> {
  const d = path.join(dir, name);
  fs.mkdirSync(d, { recursive: true });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('T-C.33');
  for (const row of loadFixture('renja_magetan_2022_tc33').values) ws.addRow(row);
  const c = wb.addWorksheet('Capaian');
  c.addRow(['Indikator', 'Target', 'Realisasi', 'Capaian']);
  c.addRow(['IKM', 80, 79.72]);
  c.getCell('D2').value = { formula: 'CAPAIAN(C2,B2)', result: 99.65 };
  const input = path.join(d, 'Renja.xlsx');
  await wb.xlsx.writeFile(input);
  return { d, input };
}

describe('an output that is the input under another name is refused by identity', () => {
  for (const verb of ['pohon', 'bawaan'] as const) {
    for (const link of ['symlink', 'hard link'] as const) {
      it(`${verb} --keluar pointing at the input through a ${link}`, async () => {
        const { d, input } = await siapkan(`${verb}-${link.replace(' ', '-')}`);
        const keluar = path.join(d, 'Salinan.xlsx');
        if (link === 'symlink') fs.symlinkSync(input, keluar);
        else fs.linkSync(input, keluar);
        const before = hash(input);
        const r = await jalankan(verb, input, '--keluar', keluar);
        expect(r.code).toBe(2);
        expect(r.err).toContain(`Berkas keluaran ${keluar} tidak boleh sama dengan berkas masukan ${input}`);
        expect(hash(input)).toBe(before);
        expect(sisaSementara(d)).toEqual([]);
      });
    }
  }

  it('periksa --laporan through a symlink to the checked file', async () => {
    const d = path.join(dir, 'laporan-tautan');
    fs.mkdirSync(d);
    const input = path.join(d, 'data.csv');
    fs.copyFileSync(TC33, input);
    const laporan = path.join(d, 'temuan.csv');
    fs.symlinkSync(input, laporan);
    const before = hash(input);
    const r = await jalankan('periksa', input, '--laporan', laporan);
    expect(r.code).toBe(2);
    expect(hash(input)).toBe(before);
  });
});

describe('marked copies of a batch', () => {
  it('two inputs with one name get two copies, each line naming its own', async () => {
    const d = path.join(dir, 'nama-sama');
    for (const opd of ['opd1', 'opd2']) {
      fs.mkdirSync(path.join(d, opd), { recursive: true });
      fs.copyFileSync(TC33, path.join(d, opd, 'Renja.tsv'));
    }
    const hasil = path.join(d, 'hasil');
    const r = await jalankan('periksa', path.join(d, 'opd1', 'Renja.tsv'), path.join(d, 'opd2', 'Renja.tsv'), '--tandai', hasil);
    expect(r.err).toBe('');
    expect(fs.readdirSync(hasil).sort()).toEqual(['opd1-Renja-bertanda.xlsx', 'opd2-Renja-bertanda.xlsx']);
    expect(r.out).toContain(`Salinan bertanda: ${path.join(hasil, 'opd1-Renja-bertanda.xlsx')}`);
    expect(r.out).toContain(`Salinan bertanda: ${path.join(hasil, 'opd2-Renja-bertanda.xlsx')}`);
  });

  it('a copy never lands on another input of the run', async () => {
    const d = path.join(dir, 'masukan-lain');
    fs.mkdirSync(path.join(d, 'hasil'), { recursive: true });
    const first = path.join(d, 'Renja.tsv');
    const second = path.join(d, 'hasil', 'Renja-bertanda.xlsx');
    fs.copyFileSync(TC33, first);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Lain').addRow(['Indikator', 'Target']);
    await wb.xlsx.writeFile(second);
    const before = hash(second);
    const r = await jalankan('periksa', first, second, '--tandai', path.join(d, 'hasil'));
    expect(hash(second)).toBe(before);
    expect(r.out).toContain(`Salinan bertanda: ${path.join(d, 'hasil', 'Renja-2-bertanda.xlsx')}`);
  });

  it('names: one explicit name, appended names, folders, .xlsm kept, case-insensitive clashes', () => {
    expect(namaSalinanBertanda('hasil.xlsx', ['a/Renja.xlsx'])).toEqual(['hasil.xlsx']);
    expect(namaSalinanBertanda('hasil.xlsm', ['a/Renja.xlsm'])).toEqual(['hasil.xlsm']);
    expect(namaSalinanBertanda('hasil.xlsx', ['a/Renja.xlsx', 'a/LKjIP.csv'])).toEqual(['hasil-Renja.xlsx', 'hasil-LKjIP.xlsx']);
    expect(namaSalinanBertanda('keluaran', ['a/LKjIP.csv', 'a/Makro.xlsm'])).toEqual([
      path.join('keluaran', 'LKjIP-bertanda.xlsx'),
      path.join('keluaran', 'Makro-bertanda.xlsm'),
    ]);
    // Windows and macOS disks: RENJA and Renja are one file.
    expect(namaSalinanBertanda('k', ['a/Renja.xlsx', 'b/RENJA.xlsx'])).toEqual([
      path.join('k', 'a-Renja-bertanda.xlsx'),
      path.join('k', 'b-RENJA-bertanda.xlsx'),
    ]);
    expect(namaSalinanBertanda('k', ['x/a/R.xlsx', 'y/a/R.xlsx'])).toEqual([
      path.join('k', 'a-R-bertanda.xlsx'),
      path.join('k', 'a-R-2-bertanda.xlsx'),
    ]);
  });

  it('periksa --tandai out.xlsm marks a macro workbook as .xlsm', async () => {
    const d = path.join(dir, 'makro');
    fs.mkdirSync(d);
    const { input } = await siapkan('makro-sumber');
    // A macro-enabled package as Excel saves it: the workbook's content type and a VBA part.
    const zip = await JSZip.loadAsync(fs.readFileSync(input));
    const types = (await zip.file('[Content_Types].xml')!.async('string')).replace(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
    );
    zip.file(
      '[Content_Types].xml',
      types.replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
    );
    zip.file('xl/vbaProject.bin', Buffer.from('makro kantor'));
    const xlsm = path.join(d, 'Renja.xlsm');
    fs.writeFileSync(xlsm, await zip.generateAsync({ type: 'nodebuffer' }));
    for (const [tandai, out] of [
      [path.join(d, 'hasil.xlsm'), path.join(d, 'hasil.xlsm')],
      [path.join(d, 'folder'), path.join(d, 'folder', 'Renja-bertanda.xlsm')],
    ]) {
      const r = await jalankan('periksa', xlsm, '--tandai', tandai);
      expect(r.err).toBe('');
      expect(r.out).toContain(`Salinan bertanda: ${out} `);
      const copy = await JSZip.loadAsync(fs.readFileSync(out));
      expect(await copy.file('xl/vbaProject.bin')!.async('string')).toBe('makro kantor');
      expect(await copy.file('[Content_Types].xml')!.async('string')).toContain('macroEnabled.main+xml');
    }
  });
});

describe('never half written', () => {
  it('a full disk keeps the previous copy and leaves no temporary file', async () => {
    const { d, input } = await siapkan('disk-penuh');
    const keluar = path.join(d, 'Pohon.xlsx');
    fs.writeFileSync(keluar, 'salinan lama yang baik');
    const realOpen = fs.promises.open;
    // ENOSPC after part of the bytes, as a disk that fills up mid-write answers.
    const spy = jest.spyOn(fs.promises, 'open').mockImplementation(async (...args: Parameters<typeof realOpen>) => {
      const handle = await realOpen(...args);
      if (!String(args[0]).endsWith('.tmp')) return handle;
      const penuh = async () => {
        await handle.write(Buffer.from('PK\u0003\u0004 separuh'));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });
      };
      return new Proxy(handle, {
        get(target, key) {
          if (key === 'write' || key === 'writeFile') return penuh;
          const v = Reflect.get(target, key);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
    });
    try {
      const r = await jalankan('pohon', input, '--lembar', 'T-C.33', '--keluar', keluar);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`Ruang disk tidak cukup untuk menulis ${keluar}`);
      expect(r.err).not.toContain('ENOSPC');
      const b = await jalankan('bawaan', input, '--keluar', keluar);
      expect(b.code).toBe(2);
      expect(b.err).toContain('Ruang disk tidak cukup');
    } finally {
      spy.mockRestore();
    }
    expect(fs.readFileSync(keluar, 'utf8')).toBe('salinan lama yang baik');
    expect(sisaSementara(d)).toEqual([]);
  });

  it('Ctrl-C in the middle of a write removes the temporary file and keeps the previous copy', async () => {
    const d = path.join(dir, 'ctrl-c');
    const lib = path.join(d, 'lib');
    fs.mkdirSync(lib, { recursive: true });
    // The guard and its messages, compiled alone: they import only Node built-ins.
    for (const name of ['berkas-keluaran', 'galat-berkas']) {
      const src = fs.readFileSync(path.join(__dirname, `${name}.ts`), 'utf8');
      const js = ts.transpileModule(src, {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      });
      fs.writeFileSync(path.join(lib, `${name}.js`), js.outputText);
    }
    const target = path.join(d, 'laporan.csv');
    fs.writeFileSync(target, 'laporan lama');
    const script = `
      const { writeAtomically } = require(${JSON.stringify(path.join(lib, 'berkas-keluaran.js'))});
      writeAtomically(${JSON.stringify(target)}, async (tulis) => {
        await tulis('Berkas;Lembar\\r\\n'.repeat(50000));
        process.stdout.write('separuh\\n');
        await new Promise(() => setInterval(() => undefined, 1000));
      });`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => b.toString().includes('separuh') && resolve());
      child.on('exit', () => reject(new Error('the child ended before writing')));
      timer = setTimeout(() => reject(new Error('no write within 20 s')), 20_000);
    }).finally(() => clearTimeout(timer));
    expect(sisaSementara(d)).toHaveLength(1);
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    child.kill('SIGINT');
    const { code, signal } = await ended;
    // Ended as Ctrl-C ends a program, so a calling script sees an interruption.
    expect(signal ?? code).toBe('SIGINT');
    expect(sisaSementara(d)).toEqual([]);
    expect(fs.readFileSync(target, 'utf8')).toBe('laporan lama');
  }, 30_000);

  it('writes whole from a writer function, and a failing writer leaves nothing', async () => {
    const d = path.join(dir, 'penulis');
    fs.mkdirSync(d);
    const target = path.join(d, 'a.csv');
    expect(
      await writeAtomically(target, async (tulis) => {
        await tulis('satu;');
        await tulis(Buffer.from('dua'));
      }),
    ).toEqual({ ok: true });
    expect(fs.readFileSync(target, 'utf8')).toBe('satu;dua');
    const failed = await writeAtomically(path.join(d, 'b.csv'), async (tulis) => {
      await tulis('x');
      throw new Error('gagal');
    });
    expect(failed.ok).toBe(false);
    expect(fs.readdirSync(d)).toEqual(['a.csv']);
  });
});

describe('file errors are Indonesian sentences in every verb', () => {
  const ENGLISH = /\bE[A-Z]{3,}\b|no such file|directory|permission denied|\bError\b/;

  it('a missing input, an output that is a folder, a folder that cannot be made', async () => {
    const { d, input } = await siapkan('errno');
    const folder = path.join(d, 'Folder.xlsx');
    fs.mkdirSync(folder);
    fs.mkdirSync(path.join(d, 'Laporan.csv'));
    const hilang = path.join(d, 'Hilang.xlsx');
    const cases: [string[], string][] = [
      [['pohon', hilang, '--keluar', path.join(d, 'a.xlsx')], `Berkas tidak ditemukan: ${hilang}.`],
      [['bawaan', hilang, '--keluar', path.join(d, 'a.xlsx')], `Berkas tidak ditemukan: ${hilang}.`],
      [['bawaan', folder, '--keluar', path.join(d, 'a.xlsx')], `${folder} adalah folder, bukan berkas.`],
      [['periksa', hilang], `Berkas tidak ditemukan: ${hilang}.`],
      [['pohon', input, '--lembar', 'T-C.33', '--keluar', folder], `${folder} adalah folder; beri nama berkas keluaran.`],
      [['templat', 'pohon', '--keluar', folder], `${folder} adalah folder; beri nama berkas keluaran.`],
      [['bawaan', input, '--keluar', folder], `${folder} adalah folder; beri nama berkas keluaran.`],
      [['periksa', TC33, '--laporan', path.join(d, 'Laporan.csv')], 'adalah folder; beri nama berkas keluaran.'],
      [['periksa', TC33, '--tandai', path.join(input, 'x.xlsx')], 'tidak ada dan tidak dapat dibuat.'],
    ];
    if (process.platform === 'linux') {
      // Node 20's recursive mkdir never settles under /proc: this hung before.
      cases.push([
        ['templat', 'pohon', '--keluar', '/proc/lk-tidak-ada/Kaskade.xlsx'],
        'Folder untuk /proc/lk-tidak-ada/Kaskade.xlsx tidak ada dan tidak dapat dibuat.',
      ]);
    }
    for (const [argv, sentence] of cases) {
      const r = await jalankan(...argv);
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.err).toContain(sentence);
      expect(r.err).not.toMatch(ENGLISH);
    }
    expect(sisaSementara(d)).toEqual([]);
  }, 30_000);
});
