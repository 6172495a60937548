import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { jalankan } from '../test/helpers/jalankan-cli';
import { fixturePath } from '../test/fixtures/muat';
import { EXIT_PIPA_TERTUTUP } from './io';

/**
 * The CLI as a process whose stdout is a pipe, as in `lembar-kinerja periksa … --json | jq`:
 * started the way bin/lembar-kinerja.js starts it, from the TypeScript sources.
 */
const HOOK = path.resolve(__dirname, '..', 'test', 'helpers', 'daftar-ts.js');
const MAIN = path.resolve(__dirname, 'main.ts');

interface Proses {
  code: number | null;
  out: string;
  err: string;
}

function prosesCli(argv: string[], bacaSampai = Infinity): Promise<Proses> {
  const script = `require(${JSON.stringify(MAIN)}).jalankanProses(${JSON.stringify(argv)});`;
  const child = spawn(process.execPath, ['-r', HOOK, '-e', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LK_TS_CACHE: path.join(os.tmpdir(), 'lk-ts-cache') },
  });
  const out: Buffer[] = [];
  let outBytes = 0;
  let err = '';
  child.stdout.on('data', (b: Buffer) => {
    out.push(b);
    outBytes += b.length;
    // The reader leaves early, as `head` does.
    if (outBytes >= bacaSampai) child.stdout.destroy();
  });
  child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out: Buffer.concat(out).toString('utf8'), err })));
}

describe('the CLI process', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-keluar-'));
    file = path.join(dir, 'Renja.tsv');
    // A text cell of 450 KB in a money column: its finding alone makes the --json report far
    // larger than the 64 KB a pipe takes at once.
    const src = fs
      .readFileSync(fixturePath('renja_malang_2024_tabel23_review_rkpd'), 'utf8')
      .replace('5,627,200,000', 'menyusul '.repeat(50_000));
    fs.writeFileSync(file, src);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes all of a large --json report into a pipe before it exits, with the status of the check', async () => {
    const inProcess = await jalankan('periksa', file, '--json');
    expect(inProcess.out.length).toBeGreaterThan(400_000);
    const p = await prosesCli(['periksa', file, '--json']);
    expect(p.err).toBe('');
    expect(p.out.length).toBe(inProcess.out.length);
    expect(JSON.parse(p.out)).toEqual(JSON.parse(inProcess.out));
    expect(p.code).toBe(inProcess.code);
  }, 120_000);

  it('ends quietly with 141 when the reader of the pipe leaves early, as after `| head`', async () => {
    const p = await prosesCli(['periksa', file, '--json'], 1);
    expect(p.code).toBe(EXIT_PIPA_TERTUTUP);
    expect(p.err).toBe('');
  }, 120_000);
});
