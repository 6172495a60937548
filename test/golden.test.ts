import { run } from '../cli/main';
import { CliIO } from '../cli/io';
import { Dec } from '../core/angka/desimal';
import { formatNumber } from '../core/angka/format';
import { findFungsi } from '../core/fungsi/registry';
import { loadGolden } from './fixtures/muat';

/**
 * Results printed in real LKjIP documents (test/fixtures/dokumen/functions.tsv): typed as text
 * the way the documents show them, the functions must give what the documents printed.
 */

function bufferIO(): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => (out += t), err: (t) => (err += t), stdout: () => out, stderr: () => err };
}

const golden = loadGolden();

test('the golden file has the rows the documents printed', () => {
  expect(golden.length).toBeGreaterThanOrEqual(26);
  expect(new Set(golden.map((g) => g.fn))).toEqual(new Set(['CAPAIAN', 'EFISIENSI', 'SERAPAN']));
});

describe.each(golden.map((g) => [`${g.fn}(${g.args.join('; ')}) = ${g.expected}`, g] as const))('%s', (_, g) => {
  test('through `hitung --desimal 2`', async () => {
    const io = bufferIO();
    const code = await run(['hitung', g.fn, ...g.args, '--desimal', '2'], io);
    expect(io.stderr()).toBe('');
    expect(code).toBe(0);
    expect(io.stdout()).toBe(`${g.expected}\n`);
  });

  test('through the function API', () => {
    const f = findFungsi(g.fn)!;
    const value = f.impl(...g.args);
    expect(typeof value).toBe('number');
    expect(formatNumber(new Dec(value as number), { decimals: 2 })).toBe(g.expected);
  });
});
