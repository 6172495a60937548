import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { renjaXlsx } from '../../test/keandalan/xlsx-jahat';

/**
 * Issue 15's memory goal for the biggest real file: a Renja of 100,000 rows is read and checked
 * in a Node process whose JavaScript heap may not pass 200 MB. Before the byte tokenizer, the
 * shared empty problem list and the single copy of the rows, the same file needed more than
 * 320 MB (the cell texts kept the sheet's decoded XML alive, and the model was copied once more
 * at the end); before the check shared one parsed object per repeated text and kept its values'
 * digit arrays to size, it needed 260 MB (it died at 240). It now passes at 150 MB. The peak
 * resident memory of the whole process is held under the 400 MB goal here;
 * `cli-100k-xlsx-peak-mb` in `test/bench/cli.ts` measures it through the CLI.
 */
const HOOK = path.resolve(__dirname, '..', '..', 'test', 'helpers', 'daftar-ts.js');
const CHILD = path.resolve(__dirname, '..', '..', 'test', 'keandalan', 'baca-terbatas.ts');
const HEAP_MB = 200;
const RSS_MB = 400;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-memori-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it(`reads and checks a 100,000-row Renja with a ${HEAP_MB} MB heap`, () => {
  const file = path.join(dir, 'renja-100000.xlsx');
  fs.writeFileSync(file, renjaXlsx(100_000));
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '-r', HOOK, CHILD, file], {
    encoding: 'utf8',
    // Generous: the machine running the tests may be busy. It takes seconds when alone.
    timeout: 300_000,
    env: { ...process.env, LK_TS_CACHE: path.join(os.tmpdir(), 'lk-ts-cache') },
  });
  expect({ signal: r.signal, status: r.status, stderr: r.stderr.slice(0, 500) }).toEqual({ signal: null, status: 0, stderr: '' });
  const out = JSON.parse(r.stdout) as { ok: boolean; rows: number; findings: number; rssMb: number };
  expect(out).toMatchObject({ ok: true, rows: 100_004 });
  expect(out.rssMb).toBeLessThan(RSS_MB);
}, 360_000);
