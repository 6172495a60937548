import { randomBytes } from 'crypto';
import * as fsSync from 'fs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { pesanTulis } from './galat-berkas';

/**
 * The one output guard of every verb that writes (`periksa --tandai`, `--laporan`, `pohon`,
 * `templat`, `bawaan`):
 * - an output is never an input, whatever name leads to it: compared by identity (device and
 *   inode, which also catches a symlink, a hard link, and another spelling on a case-insensitive
 *   file system), not by path string;
 * - an output is never half written: the bytes go to a temporary file in the target's own
 *   folder (so the rename stays on one file system and is atomic), which is renamed over the
 *   target only when complete; on an error or Ctrl-C the temporary file is removed and a
 *   previous copy under the target's name stays as it was;
 * - a batch never gives two outputs one name (`opd1/Renja.xlsx`, `opd2/Renja.xlsx`), nor an
 *   output the name of another input of the run.
 */

export type HasilTulis = { ok: true } | { ok: false; message: string };

interface Identitas {
  dev: bigint;
  ino: bigint;
}

/** Device and inode of an existing file (bigint: inode numbers overflow doubles on some systems). */
async function identitas(p: string): Promise<Identitas | null> {
  const s = await fs.stat(p, { bigint: true }).catch(() => null);
  return s === null ? null : { dev: s.dev, ino: s.ino };
}

/** True when both names lead to one file: same resolved path, or the same device and inode. */
export async function samePath(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [ia, ib] = await Promise.all([identitas(a), identitas(b)]);
  return ia !== null && ib !== null && ia.dev === ib.dev && ia.ino === ib.ino;
}

/** The input of the run that `target` would overwrite, or null. */
export async function masukanYangDitimpa(target: string, inputs: readonly string[]): Promise<string | null> {
  for (const input of inputs) if (await samePath(input, target)) return input;
  return null;
}

/** The sentence for an output refused because it is an input. */
export function pesanMenimpaMasukan(target: string, input: string): string {
  return `Berkas keluaran ${target} tidak boleh sama dengan berkas masukan ${input} (juga melalui tautan atau nama lain); pilih nama lain agar berkas asli tidak ditimpa.`;
}

/** A source of the bytes written piece by piece (a long report need not sit in memory twice). */
export type Penulis = (tulis: (chunk: Uint8Array | string) => Promise<void>) => Promise<void>;

/** Temporary files being written now, removed if the process is interrupted. */
const sementara = new Set<string>();
const SINYAL = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function bersihkanSemua(): void {
  for (const t of sementara) {
    try {
      fsSync.rmSync(t, { force: true });
    } catch {
      // Nothing more can be done while the process ends.
    }
  }
  sementara.clear();
}

/**
 * Ctrl-C (or a terminal closing) while a temporary file exists: remove it, then end the way
 * the signal would have, so the shell still sees an interrupted command.
 */
function onSinyal(signal: NodeJS.Signals): void {
  bersihkanSemua();
  lepasPenjaga();
  process.kill(process.pid, signal);
}

let terpasang = false;
function pasangPenjaga(): void {
  if (terpasang) return;
  terpasang = true;
  for (const s of SINYAL) process.on(s, onSinyal);
  process.on('exit', bersihkanSemua);
}
function lepasPenjaga(): void {
  if (!terpasang) return;
  terpasang = false;
  for (const s of SINYAL) process.off(s, onSinyal);
  process.off('exit', bersihkanSemua);
}

/**
 * Write `data` to `target` whole or not at all: into a new temporary file beside the target,
 * flushed to disk, then renamed over it. Never throws; a failure is one Indonesian sentence.
 */
export async function writeAtomically(target: string, data: Uint8Array | string | Penulis): Promise<HasilTulis> {
  const dir = path.dirname(path.resolve(target));
  // Hidden, unique, and recognisably ours if a power cut ever leaves one behind.
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let handle: fs.FileHandle | null = null;
  try {
    await buatFolder(dir);
    pasangPenjaga();
    sementara.add(temp);
    handle = await fs.open(temp, 'wx');
    if (typeof data === 'function') {
      const h = handle;
      await data(async (chunk) => {
        await h.write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
      });
    } else {
      await handle.writeFile(data);
    }
    // A full disk may only show when the data reaches it.
    await handle.sync();
    await handle.close();
    handle = null;
    await fs.rename(temp, target);
    return { ok: true };
  } catch (e) {
    if (handle !== null) await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    return { ok: false, message: pesanTulis(target, e) };
  } finally {
    sementara.delete(temp);
    if (sementara.size === 0) lepasPenjaga();
  }
}

/**
 * `mkdir -p`, one level at a time: Node 20's `mkdir(…, { recursive: true })` never settles for
 * a path under /proc (tried: `/proc/x` hangs), and a hung CLI is worse than a refused folder.
 */
async function buatFolder(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if ((await fs.stat(dir)).isDirectory()) return;
      throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    }
    const parent = path.dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw e;
    await buatFolder(parent);
    await fs.mkdir(dir).catch((again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST') throw again;
    });
  }
}

const EKSTENSI_MASUKAN = /\.(xlsx|xlsm|xltx|xltm|xls|xlsb|ods|numbers|csv|tsv|txt)$/i;
const EKSTENSI_KELUARAN = /\.(xlsx|xlsm)$/i;

/**
 * The names of the marked copies of a batch (`--tandai KELUAR`), one per input, in order.
 * KELUAR.xlsx/.xlsm names the copy of a single input; with several inputs each copy gets the
 * input's name appended (KELUAR-Renja.xlsx); any other value is a folder (KELUAR/Renja-bertanda.xlsx).
 * A macro workbook (.xlsm) keeps .xlsm in a derived name, or Excel would refuse to open it.
 * Two inputs with one base name get their folder's name in front (opd1-Renja…, opd2-Renja…), and
 * a name still taken (case-insensitively: Windows and macOS disks ignore case), or the name of
 * another input of the run, gets -2, -3….
 */
export function namaSalinanBertanda(tandai: string, inputs: readonly string[]): string[] {
  if (inputs.length === 1 && EKSTENSI_KELUARAN.test(tandai)) return [tandai];
  const stem = (input: string) => path.basename(input).replace(EKSTENSI_MASUKAN, '');
  const nama = (input: string, s: string) => {
    const ext = /\.xlsm$/i.test(input) ? '.xlsm' : '.xlsx';
    if (!EKSTENSI_KELUARAN.test(tandai)) return path.join(tandai, `${s}-bertanda${ext}`);
    return tandai.replace(EKSTENSI_KELUARAN, `-${s}${ext}`);
  };
  const key = (p: string) => path.resolve(p).toLowerCase();
  const stems = inputs.map(stem);
  const count = new Map<string, number>();
  for (const s of stems) count.set(s.toLowerCase(), (count.get(s.toLowerCase()) ?? 0) + 1);
  const taken = new Set(inputs.map(key));
  return inputs.map((input, i) => {
    let s = stems[i];
    if ((count.get(s.toLowerCase()) ?? 0) > 1) {
      const parent = path.basename(path.dirname(path.resolve(input)));
      if (parent !== '') s = `${parent}-${s}`;
    }
    let candidate = nama(input, s);
    for (let n = 2; taken.has(key(candidate)); n++) candidate = nama(input, `${s}-${n}`);
    taken.add(key(candidate));
    return candidate;
  });
}
