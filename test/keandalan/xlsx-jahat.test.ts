import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BERKAS_JAHAT } from './xlsx-jahat';

/**
 * Every hostile file is read and checked in its own Node process with a 1.5 GB heap and a
 * time limit: a file that made the reader allocate its claimed address space, or do quadratic
 * work, would kill or stall the child and fail here. Files past a cap must be refused with the
 * cap's sentence (README, "Batas").
 */
const HOOK = path.resolve(__dirname, '..', 'helpers', 'daftar-ts.js');
const CHILD = path.resolve(__dirname, 'baca-terbatas.ts');
const HEAP_MB = 1536;
/** Generous: the machine running the tests may be busy. Each run takes seconds when alone. */
const TIME_LIMIT_MS = 120_000;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-jahat-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('hostile .xlsx: bounded time and memory, a clear message past a cap', () => {
  it.each(BERKAS_JAHAT.map((b) => [b.name, b] as const))(
    '%s',
    (name, berkas) => {
      const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.xlsx`);
      fs.writeFileSync(file, berkas.build());
      const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '-r', HOOK, CHILD, file], {
        encoding: 'utf8',
        timeout: berkas.timeLimitMs ?? TIME_LIMIT_MS,
        env: { ...process.env, LK_TS_CACHE: path.join(os.tmpdir(), 'lk-ts-cache') },
      });
      expect({ signal: r.signal, status: r.status, stderr: r.stderr.slice(0, 500) }).toEqual({ signal: null, status: 0, stderr: '' });
      const out = JSON.parse(r.stdout) as { ok: boolean; message?: string; rssMb: number };
      if (berkas.refused === null) expect(out).toMatchObject({ ok: true });
      else {
        expect(out.ok).toBe(false);
        expect(out.message).toMatch(berkas.refused);
      }
      expect(out.rssMb).toBeLessThan(HEAP_MB);
    },
    360_000,
  );
});
