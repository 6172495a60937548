import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';
import { parseDelimited } from '../../core/lembar/teks';
import { Sel } from './palsu';

/** The Sheets bundle built for a test, in a folder of its own (tests run in parallel). */

export function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'webpack.config.js')) && fs.existsSync(path.join(dir, 'appsscript'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('Akar repositori tidak ditemukan.');
}

export function folderSementara(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function bangun(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(repoRoot(), 'webpack.config.js'))({ only: 'appsscript' }, { mode: 'production' })[0];
  config.output.path = outDir;
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
}

/** For the benchmark, which measures synchronously: the webpack CLI into dist/appsscript. */
export function bangunSinkron(): string {
  const root = repoRoot();
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
  execFileSync(process.execPath, [cli, '--env', 'only=appsscript', '--mode', 'production'], { cwd: root, stdio: 'ignore' });
  return path.join(root, 'dist', 'appsscript');
}

/**
 * A fixture table as a planner's Google Sheet holds it after typing or pasting in an id-ID
 * spreadsheet: "5.215.862.284" and "97,10" become numbers, "1.1" and "1." stay text.
 */
export function selDariTsv(text: string): Partial<Sel>[][] {
  const sheet = parseDelimited(text, 'x', '\t');
  return sheet.values.map((row) =>
    row.map((v) => {
      const s = v === null ? '' : String(v);
      if (/^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(s)) return { value: Number(s.replace(/\./g, '').replace(',', '.')) };
      return { value: s };
    }),
  );
}
