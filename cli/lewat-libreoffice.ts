import { execFile } from 'child_process';
import { constants, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * An .xls (Excel 97-2003) or .ods (LibreOffice Calc) file converted to .xlsx by the planner's
 * own LibreOffice, when it is installed: `soffice --headless --convert-to xlsx`, into a private
 * temporary folder with a private LibreOffice profile (so an open LibreOffice window is not
 * disturbed), removed afterwards. Nothing leaves the machine; the input is only read.
 */

/** Long enough for a cold LibreOffice start on an office PC and a large workbook. */
const BATAS_WAKTU_MS = 180_000;

async function executable(p: string): Promise<boolean> {
  try {
    await fs.access(p, constants.X_OK);
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

/** `soffice` (or `libreoffice`) on the PATH, or LibreOffice's usual place on Windows and macOS. */
export async function cariSoffice(): Promise<string | null> {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const d of dirs) for (const n of names) if (await executable(path.join(d, n))) return path.join(d, n);
  const usual =
    process.platform === 'win32'
      ? ['C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe']
      : process.platform === 'darwin'
        ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice']
        : [];
  for (const p of usual) if (await executable(p)) return p;
  return null;
}

export type HasilUbah = { ok: true; bytes: Buffer } | { ok: false; sebab: 'tidak-ada' | 'gagal' };

/** The .xlsx bytes of `file` as LibreOffice saves it. */
export async function ubahKeXlsx(file: string): Promise<HasilUbah> {
  const soffice = await cariSoffice();
  if (soffice === null) return { ok: false, sebab: 'tidak-ada' };
  const kerja = await fs.mkdtemp(path.join(os.tmpdir(), 'lk-soffice-'));
  try {
    const profil = path.join(kerja, 'profil');
    const keluar = path.join(kerja, 'keluar');
    await fs.mkdir(keluar);
    const args = [
      `-env:UserInstallation=file://${profil
        .split(path.sep)
        .join('/')
        .replace(/^([A-Za-z]:)/, '/$1')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx',
      '--outdir',
      keluar,
      path.resolve(file),
    ];
    await new Promise<void>((resolve, reject) =>
      execFile(soffice, args, { timeout: BATAS_WAKTU_MS, windowsHide: true }, (e) => (e ? reject(e) : resolve())),
    );
    const hasil = (await fs.readdir(keluar)).find((f) => f.toLowerCase().endsWith('.xlsx'));
    if (hasil === undefined) return { ok: false, sebab: 'gagal' };
    return { ok: true, bytes: await fs.readFile(path.join(keluar, hasil)) };
  } catch {
    return { ok: false, sebab: 'gagal' };
  } finally {
    await fs.rm(kerja, { recursive: true, force: true }).catch(() => undefined);
  }
}
