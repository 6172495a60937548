import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lembarXml, paketXlsx } from '../test/helpers/xlsx-mentah';

/**
 * A single call starts fast: loading the CLI loads no reader or writer library, and checking
 * an .xlsx never loads exceljs (it writes drawings and a CSV's marked copy) or jszip (test-only:
 * marked copies are written by `cli/tandai/zip-tulis.ts`).
 * Run in a fresh Node process, where `require.cache` shows what was loaded.
 */
const HOOK = path.resolve(__dirname, '..', 'test', 'helpers', 'daftar-ts.js');
const MAIN = path.resolve(__dirname, 'main.ts');

function loadedAfter(argv: string[] | null): string[] {
  const run = argv === null ? '' : `await m.run(${JSON.stringify(argv)}, { out: () => {}, err: () => {} });`;
  const script = `(async () => { const m = require(${JSON.stringify(MAIN)}); ${run}
    const libs = new Set(Object.keys(require.cache).filter((k) => k.includes('node_modules')).map((k) => k.split('node_modules/').pop().split('/')[0]));
    process.stdout.write(JSON.stringify([...libs].sort())); })();`;
  const r = spawnSync(process.execPath, ['-r', HOOK, '-e', script], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, LK_TS_CACHE: path.join(os.tmpdir(), 'lk-ts-cache') },
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[];
}

describe('libraries are loaded on use', () => {
  it('loading the CLI loads no .xlsx library', () => {
    const libs = loadedAfter(null);
    for (const lib of ['exceljs', 'jszip', 'saxes', 'fflate', 'cli-progress']) expect(libs).not.toContain(lib);
  }, 130_000);

  it('hitung --help loads only what hitung needs: no checker, no schema library, no other verb', () => {
    const libs = loadedAfter(['hitung', '--help']);
    expect(libs).toContain('commander');
    // zod alone was 250 ms of the 550 ms start when every verb was loaded up front.
    for (const lib of ['zod', 'exceljs', 'jszip', 'saxes', 'fflate', 'cli-progress']) expect(libs).not.toContain(lib);
  }, 130_000);

  it('periksa on an .xlsx reads it without exceljs or jszip', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-malas-'));
    try {
      const file = path.join(dir, 'renja.xlsx');
      fs.writeFileSync(
        file,
        paketXlsx({
          sheets: [
            {
              name: 'Renja',
              xml: lembarXml([
                ['Kode', 'Program', 'Pagu'],
                ['1.01', 'Program A', 300],
              ]),
            },
          ],
        }),
      );
      const libs = loadedAfter(['periksa', file, '--json']);
      expect(libs).toContain('saxes');
      expect(libs).not.toContain('exceljs');
      expect(libs).not.toContain('jszip');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 130_000);
});
