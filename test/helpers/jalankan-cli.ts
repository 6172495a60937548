import { CliIO } from '../../cli/io';
import { run } from '../../cli/main';

/** Run the CLI in-process as a person would type it, capturing what it prints. */
export async function jalankan(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t) };
  const code = await run(argv, io);
  return { code, out, err };
}
