import { FUNGSI } from '../core/fungsi/registry';
import { jalankan } from '../test/helpers/jalankan-cli';

const hitung = (...argv: string[]) => jalankan('hitung', ...argv);

describe('hitung', () => {
  test('prints the result in id-ID form, function name case-insensitive', async () => {
    expect(await hitung('capaian', '79,72', '80')).toEqual({ code: 0, out: '99,65\n', err: '' });
    expect(await hitung('Serapan', '5.000.000', 'Rp 20.000.000')).toEqual({ code: 0, out: '25\n', err: '' });
  });

  test('full precision is trimmed to 15 significant digits, --desimal rounds half-up', async () => {
    // (2×12,84 − 13,26)/12,84 × 100 = 96,72897196261682242…
    expect((await hitung('CAPAIAN', '13,26', '12,84', 'turun')).out).toBe('96,7289719626168\n');
    expect((await hitung('CAPAIAN', '87,45', '88', '--desimal', '2')).out).toBe('99,38\n'); // 99,375
    expect((await hitung('CAPAIAN', '99,88', '99,88', '--desimal', '2')).out).toBe('100,00\n');
    expect(await hitung('--desimal', '0', 'CAPAIAN', '1', '3').then((r) => r.code)).toBe(0);
    expect((await hitung('SERAPAN', '29.822.934.000', '1', '--desimal', '0')).out).toBe('2.982.293.400.000\n');
  });

  test('arguments as typed in a formula: quotes, percents, negative numbers', async () => {
    expect((await hitung('CAPAIAN', '13,26', '12,84', '"turun"', '--desimal', '2')).out).toBe('96,73\n');
    expect((await hitung('CAPAIAN', '13,26', '12,84', '-1', '--desimal', '2')).out).toBe('96,73\n');
    expect((await hitung('CAPAIAN', '99,88 %', '100 (%)')).out).toBe('99,88\n');
    expect((await hitung('EFISIENSI', '-5,5', '10', 'selisih')).out).toBe('-15,5\n');
    expect((await hitung('PREDIKAT', '90,995', '', '2')).out).toBe('Sangat Tinggi\n');
    expect((await hitung('PREDIKAT', '100', 'Berhasil')).out).toBe('Sangat Berhasil\n');
  });

  test('--json prints exactly one line', async () => {
    expect(await hitung('CAPAIAN', '79,72', '80', '--json')).toEqual({ code: 0, out: '{"value":99.65}\n', err: '' });
    expect((await hitung('CAPAIAN', '87,45', '88', '--json', '--desimal', '2')).out).toBe('{"value":99.38}\n');
    expect((await hitung('PREDIKAT', '92,5', '--json')).out).toBe('{"value":"Sangat Tinggi"}\n');
    expect((await hitung('CAPAIAN', '', '80', '--json')).out).toBe('{"value":null}\n');
    expect(await hitung('CAPAIAN', '5', '0', '--json')).toEqual({
      code: 1,
      out: '{"error":{"code":"#DIV/0!","message":"Target nol: capaian tidak dapat dihitung."}}\n',
      err: '',
    });
  });

  test('an error result prints the error value and exits 1', async () => {
    expect(await hitung('CAPAIAN', '5', 'abc')).toEqual({ code: 1, out: "#VALUE! Target bukan angka: 'abc'.\n", err: '' });
    expect((await hitung('PREDIKAT', '90', 'bintang')).code).toBe(1);
  });

  test('a blank result prints an empty line', async () => {
    expect(await hitung('CAPAIAN', '', '80')).toEqual({ code: 0, out: '\n', err: '' });
  });

  test('usage errors exit 2 with an Indonesian message on stderr', async () => {
    const unknown = await hitung('JUMLAH', '1', '2');
    expect(unknown.code).toBe(2);
    expect(unknown.out).toBe('');
    expect(unknown.err).toMatch(/^Fungsi "JUMLAH" tidak dikenal\. Fungsi yang tersedia: CAPAIAN, EFISIENSI/);

    const few = await hitung('CAPAIAN', '1');
    expect(few.code).toBe(2);
    expect(few.err).toContain('CAPAIAN memerlukan 2 sampai 4 argumen, diberikan 1: CAPAIAN(realisasi; target; [arah]; [batas]).');

    const many = await hitung('NILAI_EFISIENSI', '1', '2');
    expect(many.code).toBe(2);
    expect(many.err).toContain('NILAI_EFISIENSI memerlukan 1 argumen, diberikan 2');

    expect((await hitung()).code).toBe(2);
    expect((await hitung('CAPAIAN', '1', '2', '--desimal', 'dua')).err).toMatch(/--desimal harus bilangan bulat/);
    expect((await hitung('CAPAIAN', '1', '2', '--desimal', '99')).code).toBe(2);
    expect((await hitung('CAPAIAN', '1', '2', '--bulat')).err).toMatch(/Pilihan "--bulat" tidak dikenal/);
  });

  test('--help lists every function of the registry with its parameters', async () => {
    const r = await hitung('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Penggunaan: lembar-kinerja hitung NAMA/);
    for (const f of FUNGSI) {
      expect(r.out).toContain(`${f.name}(`);
      for (const p of f.params) expect(r.out).toContain(p.help);
    }
  });
});

describe('the examples in `hitung --help` print what they promise', () => {
  test('every example line, run as written', async () => {
    const help = (await hitung('--help')).out;
    const examples = [...help.matchAll(/Contoh: lembar-kinerja hitung (.+?) {2}→ (.+)$/gm)];
    expect(examples.length).toBeGreaterThanOrEqual(FUNGSI.length);
    for (const [, command, expected] of examples) {
      // split as a shell would: "" is an empty argument
      const argv = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
      const r = await hitung(...argv);
      expect({ command, out: r.out, code: r.code }).toEqual({ command, out: `${expected}\n`, code: 0 });
    }
  });
});
