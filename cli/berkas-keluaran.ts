import { promises as fs } from 'fs';
import * as path from 'path';

/** What every CLI output file needs: never the input under another spelling, never half written. */

/** True when both names lead to one file: same resolved path, same real path, or same inode. */
export async function samePath(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const real = async (p: string) => fs.realpath(p).catch(() => null);
  const [ra, rb] = await Promise.all([real(a), real(b)]);
  if (ra !== null && rb !== null && ra === rb) return true;
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => null), fs.stat(b).catch(() => null)]);
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** Write beside the target and rename, so a failed write never leaves half a file. */
export async function writeAtomically(target: string, data: Buffer | string): Promise<{ ok: true } | { ok: false; message: string }> {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
    await fs.writeFile(temp, data);
    await fs.rename(temp, target);
    return { ok: true };
  } catch {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    return { ok: false, message: `Berkas keluaran ${target} tidak dapat ditulis.` };
  }
}
