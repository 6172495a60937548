/**
 * A picture of a written .xlsx as a real spreadsheet program shows it, for people to look at:
 * LibreOffice headless prints the workbook to PDF, pdftoppm turns the pages into PNG (or, when
 * pdftoppm is missing, LibreOffice converts the first page to PNG itself).
 *
 *   npm run pratinjau -- KELUAR.xlsx [FOLDER]      (default folder: keluaran/pratinjau)
 *
 * Needs `soffice` (Debian: libreoffice-calc-nogui) and optionally `pdftoppm` (poppler-utils).
 * Not part of the tests: a look, not a check.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

function runTool(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) process.stderr.write(`${cmd} gagal: ${(r.stderr || r.stdout || '').trim()}\n`);
  return r.status === 0;
}

export function pratinjau(xlsx: string, outDir: string): string[] {
  if (!fs.existsSync(xlsx)) throw new Error(`Berkas tidak ada: ${xlsx}`);
  const soffice = ['soffice', 'libreoffice'].find(has);
  if (!soffice) throw new Error('LibreOffice (soffice) tidak terpasang; pasang paket Debian libreoffice-calc-nogui.');
  fs.mkdirSync(outDir, { recursive: true });
  const stem = path.basename(xlsx).replace(/\.xlsx$/i, '');
  // A profile of its own, so a LibreOffice window the user has open does not take the job.
  const profile = `-env:UserInstallation=file://${path.resolve(outDir, '.lo-profil')}`;
  if (has('pdftoppm')) {
    if (!runTool(soffice, [profile, '--headless', '--convert-to', 'pdf', '--outdir', outDir, xlsx])) return [];
    const pdf = path.join(outDir, `${stem}.pdf`);
    if (!runTool('pdftoppm', ['-png', '-r', '110', pdf, path.join(outDir, stem)])) return [pdf];
    return fs
      .readdirSync(outDir)
      .filter((f) => f.startsWith(stem) && f.endsWith('.png'))
      .sort()
      .map((f) => path.join(outDir, f));
  }
  if (!runTool(soffice, [profile, '--headless', '--convert-to', 'png', '--outdir', outDir, xlsx])) return [];
  return [path.join(outDir, `${stem}.png`)];
}

if (require.main === module) {
  const [xlsx, outDir = path.join('keluaran', 'pratinjau')] = process.argv.slice(2);
  if (!xlsx) {
    process.stderr.write('Pemakaian: npm run pratinjau -- KELUAR.xlsx [FOLDER]\n');
    process.exit(2);
  }
  try {
    const files = pratinjau(xlsx, outDir);
    if (files.length === 0) process.exit(1);
    for (const f of files) process.stdout.write(`${f}\n`);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
}
