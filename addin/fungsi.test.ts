import * as fs from 'fs';
import * as path from 'path';
import { CAPAIAN, EFISIENSI, PREDIKAT } from '../core/fungsi';
import { FUNGSI } from '../core/fungsi/registry';
import { CustomFunctionsApi, dariExcel, keExcel } from './fungsi-excel';
import { sumberFungsiExcel } from './fungsi-sumber';

const FILE = path.join(__dirname, 'fungsi.js');

class FakeError {
  constructor(
    public code: unknown,
    public message?: string,
  ) {}
}
const CF: CustomFunctionsApi = {
  Error: FakeError as unknown as CustomFunctionsApi['Error'],
  ErrorCode: { invalidValue: '#VALUE!', divisionByZero: '#DIV/0!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
};

describe('Excel custom functions', () => {
  it('addin/fungsi.js is exactly what the core registry generates', () => {
    const want = sumberFungsiExcel();
    if (process.env.LK_TULIS === '1') fs.writeFileSync(FILE, want);
    expect(fs.readFileSync(FILE, 'utf8')).toBe(want);
  });

  it('declares every registry function as a top-level function with @customfunction and any[][] ranges', () => {
    const src = fs.readFileSync(FILE, 'utf8');
    for (const f of FUNGSI) {
      expect(src).toMatch(new RegExp(`\\n\\s*\\* @customfunction\\n[\\s\\S]*?\\nfunction ${f.name}\\(`));
      for (const p of f.params.filter((p) => p.range))
        expect(src).toContain(`@param {any[][]} ${p.optional ? `[${p.name}]` : p.name} `);
    }
    expect(src).not.toMatch(/=>/);
    // No Office API inside the functions: they compute only.
    expect(src).not.toMatch(/Excel\.|Office\./);
  });

  it('turns core results into what Excel expects: blanks as "", errors with the Indonesian message where Excel shows one, ranges spilled', () => {
    expect(keExcel(CAPAIAN('99,88 %', '99,88'), CF)).toEqual([[100]]);
    expect(keExcel(CAPAIAN(null, null), CF)).toEqual([['']]);
    const [[err]] = keExcel(CAPAIAN(5, 0), CF) as FakeError[][];
    expect(err).toBeInstanceOf(FakeError);
    expect(err.code).toBe('#DIV/0!');
    // Excel shows a custom message only for #VALUE! and #N/A: none is passed for #DIV/0!.
    expect(err.message).toBeUndefined();
    const [[bad]] = keExcel(EFISIENSI('abc', 90), CF) as FakeError[][];
    expect(bad.code).toBe('#VALUE!');
    expect(bad.message).toMatch(/abc/);
    expect(keExcel(CAPAIAN([[79.72], [0.259], [null]], [[80], [0.28], [null]]), CF)).toEqual([[99.65], [92.5], ['']]);
    expect(keExcel(PREDIKAT([[100, 90.5]], 'berhasil'), CF)).toEqual([['Sangat Berhasil', 'Berhasil']]);
  });

  it('an error cell inside a range argument (as Excel hands it with allowErrorForDataTypeAny) makes only its own row an error', () => {
    const na = new FakeError('#N/A');
    const out = keExcel(
      CAPAIAN(dariExcel([[79.72], [na], [0.259]]) as never, dariExcel([[80], [1], [0.28]]) as never),
      CF,
    ) as unknown[][];
    expect(out[0]).toEqual([99.65]);
    expect(out[2]).toEqual([92.5]);
    // The row keeps the input's own error and says so (without dariExcel: #VALUE! "bukan angka: 'objek'").
    expect(out[1][0]).toEqual(new FakeError('#N/A', 'Realisasi berisi galat #N/A.'));
    // The generated functions hand every argument through dariExcel.
    expect(fs.readFileSync(FILE, 'utf8')).toContain(
      'return keExcel(inti.CAPAIAN(dariExcel(realisasi), dariExcel(target), dariExcel(arah), dariExcel(batas)));',
    );
  });
});
