import { Dec } from '../angka/desimal';
import { formatNumber } from '../angka/format';
import {
  cliHelp,
  cliHelpFungsi,
  excelCustomFunction,
  excelCustomFunctionsSource,
  sheetsCustomFunction,
  sheetsCustomFunctionsSource,
} from './dokumentasi';
import { findFungsi, FUNGSI, FungsiInfo, signature } from './registry';

const unquote = (a: string) => a.replace(/^"(.*)"$/, '$1');

describe('the registry', () => {
  test('lists the five functions of docs/fungsi.md, found case-insensitively', () => {
    expect(FUNGSI.map((f) => f.name)).toEqual(['CAPAIAN', 'EFISIENSI', 'PREDIKAT', 'SERAPAN', 'NILAI_EFISIENSI']);
    expect(findFungsi('capaian')?.name).toBe('CAPAIAN');
    expect(findFungsi(' Nilai_Efisiensi ')?.name).toBe('NILAI_EFISIENSI');
    expect(findFungsi('SUM')).toBeUndefined();
  });

  test.each(FUNGSI.map((f) => [f.name, f] as const))('%s: parameters match the implementation', (_, f) => {
    expect(f.impl.length).toBe(f.params.length);
    // optional parameters come last, as spreadsheets require
    const firstOptional = f.params.findIndex((p) => p.optional);
    if (firstOptional >= 0) expect(f.params.slice(firstOptional).every((p) => p.optional)).toBe(true);
    for (const p of f.params) expect(p.name).toMatch(/^[a-z_]+$/);
  });

  test.each(FUNGSI.flatMap((f) => f.examples.map((e) => [`${f.name}(${e.args.join('; ')}) → ${e.result}`, f, e] as const)))(
    'example %s holds',
    (_, f, e) => {
      const v = f.impl(...e.args.map(unquote));
      const shown = typeof v === 'number' ? formatNumber(new Dec(v), { decimals: 2 }) : v;
      expect(shown).toBe(e.result);
    },
  );
});

/** A made-up entry: every text in it must reach the generated output. */
const probe: FungsiInfo = {
  name: 'UJI_FUNGSI',
  description: 'Deskripsi uji yang unik 7f3a.',
  params: [
    { name: 'pertama', help: 'Bantuan pertama 19c2.', optional: false, range: true, kind: 'angka', example: '1,5' },
    { name: 'kedua', help: 'Bantuan kedua 88e1.', optional: true, range: false, kind: 'teks', example: '"x"' },
  ],
  resultKind: 'teks',
  result: 'Hasil uji b0d4.',
  examples: [{ args: ['1,5', '"x"'], result: 'ok 4411' }],
  impl: () => null,
};

describe('generated documentation is derived from the registry', () => {
  test('Excel JSDoc carries the description, every parameter and the result', () => {
    const src = excelCustomFunction(probe);
    expect(src).toContain(' * Deskripsi uji yang unik 7f3a.');
    expect(src).toContain(' * @customfunction');
    expect(src).toContain(' * @param {any[][]} pertama Bantuan pertama 19c2. Contoh: 1,5.');
    expect(src).toContain(' * @param {any} [kedua] Bantuan kedua 88e1. Contoh: "x".');
    expect(src).toContain(' * @returns {any[][]} Hasil uji b0d4.');
    expect(src).toContain('function UJI_FUNGSI(pertama, kedua) {');
  });

  test('Google Sheets JSDoc carries the same', () => {
    const src = sheetsCustomFunction(probe);
    expect(src).toContain(' * Deskripsi uji yang unik 7f3a.');
    expect(src).toContain(' * @param {number|Array<Array<number>>} pertama Bantuan pertama 19c2.');
    expect(src).toContain(' * @param {string} kedua (opsional) Bantuan kedua 88e1.');
    expect(src).toContain(' * @return {string|Array<Array<string>>} Hasil uji b0d4.');
    expect(src).toMatch(/@customfunction\n \*\/\nfunction UJI_FUNGSI\(pertama, kedua\) \{/);
  });

  test('CLI help carries the signature, parameters, result and examples', () => {
    const help = cliHelpFungsi(probe);
    expect(help).toContain('UJI_FUNGSI(pertama; [kedua])');
    expect(help).toContain('Deskripsi uji yang unik 7f3a.');
    expect(help).toContain('Bantuan pertama 19c2.');
    expect(help).toContain('(opsional) Bantuan kedua 88e1.');
    expect(help).toContain('Hasil uji b0d4.');
    expect(help).toContain('lembar-kinerja hitung UJI_FUNGSI 1,5 x  → ok 4411');
  });

  test.each(FUNGSI.map((f) => [f.name, f] as const))('%s appears fully in all three outputs', (_, f) => {
    const excel = excelCustomFunctionsSource();
    const sheets = sheetsCustomFunctionsSource();
    const help = cliHelp();
    for (const out of [excel, sheets, help]) {
      expect(out).toContain(f.description);
      expect(out).toContain(f.result);
      for (const p of f.params) expect(out).toContain(p.help);
    }
    expect(help).toContain(signature(f));
    const params = f.params.map((p) => p.name).join(', ');
    expect(excel).toContain(`function ${f.name}(${params})`);
    expect(sheets).toContain(`function ${f.name}(${params})`);
  });

  test('the generated sources are valid JavaScript with one @customfunction per function', () => {
    for (const src of [excelCustomFunctionsSource(), sheetsCustomFunctionsSource()]) {
      expect(() => new Function(src)).not.toThrow();
      expect(src.match(/@customfunction/g)).toHaveLength(FUNGSI.length);
    }
  });

  test('the body can be chosen by the host', () => {
    const src = excelCustomFunction(FUNGSI[0], (f, ps) => `return hostCall("${f.name}", [${ps.join(', ')}]);`);
    expect(src).toContain('return hostCall("CAPAIAN", [realisasi, target, arah, batas]);');
  });

  test('a comment terminator in the text cannot break the JSDoc', () => {
    const src = excelCustomFunction({ ...probe, description: 'a */ b' });
    expect(() => new Function(src)).not.toThrow();
  });
});
