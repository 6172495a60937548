import fc from 'fast-check';
import { CAPAIAN, EFISIENSI, PREDIKAT, SERAPAN } from '../fungsi';
import { planRewrite, rewriteFormula } from './index';
import { parseFormula, emit } from './urai';
import { bacaMesin, mesinBaru } from '../../test/helpers/uji-mesin';

function converted(f: string): string {
  const r = rewriteFormula(f);
  if (!r.ok || !r.changed) throw new Error(`not converted: ${f}: ${JSON.stringify(r)}`);
  return r.formula;
}

/** Evaluates `formula` (en-US, with "=") in an engine whose row 1 is A1=79.72, B1=80, C1=96, D1=95.37. */
function hitung(formula: string, extra: (string | number | null)[] = []): unknown {
  const hf = mesinBaru([[79.72, 80, 96, 95.37, ...extra], [formula]]);
  const v = bacaMesin(hf.getCellValue({ sheet: 0, row: 1, col: 0 }));
  hf.destroy();
  return v;
}

describe('rewriteFormula: finds our calls however they are written', () => {
  it.each([
    ['=CAPAIAN(A1,B1)'],
    ['=capaian(A1,B1)'],
    ['=SAKIP.CAPAIAN(A1,B1)'],
    ['=sakip.Capaian( A1 , B1 )'],
    ['=_xldudf_SAKIP_CAPAIAN(A1,B1)'],
    ['=CAPAIAN(A1;B1)'],
    ['=CAPAIAN($A$1,$B1)'],
    ['=CAPAIAN(Sheet1!A1,Sheet1!$B$1)'],
  ])('%s gives 99.65 natively', (f) => {
    expect(hitung(converted(f))).toBe(99.65);
  });

  it('inside SUM, nested twice, and in an IF: the same numbers as the core', () => {
    expect(hitung(converted('=SUM(1, CAPAIAN(A1,B1), 2)'))).toBe(1 + 99.65 + 2);
    expect(hitung(converted('=PREDIKAT(CAPAIAN(A1,B1),"melampaui",2)'))).toBe(PREDIKAT(CAPAIAN(79.72, 80), 'melampaui', 2));
    // 0,30732563973908683…: not terminating, so equal to 10 decimals (templat.ts).
    const ef = converted('=EFISIENSI(CAPAIAN(A1,B1),SERAPAN(D1,C1))');
    expect(Math.abs((hitung(ef) as number) - (EFISIENSI(CAPAIAN(79.72, 80), SERAPAN(95.37, 96)) as number))).toBeLessThan(1e-10);
    expect(ef.length).toBeLessThan(2000);
    expect(hitung(converted('=IF(A1>0;PREDIKAT(SAKIP.CAPAIAN(A1;B1;"turun";100));"-")'))).toBe(
      PREDIKAT(CAPAIAN(79.72, 80, 'turun', 100)),
    );
    const r = rewriteFormula('=PREDIKAT(CAPAIAN(A1,B1))&" / "&PREDIKAT(CAPAIAN(C1,D1),"sakip")');
    expect(r.ok && r.changed && r.calls).toBe(4);
  });

  it('notes a call whose blank result feeds a calculation, not one whose result is the cell’s', () => {
    const note = (f: string) => {
      const r = rewriteFormula(f);
      return r.ok && r.changed ? r.note : 'not converted';
    };
    expect(note('=CAPAIAN(A1,B1)')).toBeNull();
    expect(note('=(CAPAIAN(A1,B1))')).toBeNull();
    expect(note('=IF(A1>0,CAPAIAN(A1,B1),"-")')).toBeNull();
    expect(note('=IFERROR(PREDIKAT(CAPAIAN(A1,B1)),"")')).toBeNull();
    expect(note('=SUM(1,CAPAIAN(A1,B1))')).toMatch(/#VALUE! atau berbeda sampai baris itu terisi/);
    expect(note('=CAPAIAN(A1,B1)+1')).toMatch(/#VALUE!/);
    expect(note('=IF(CAPAIAN(A1,B1)>100,1,0)')).toMatch(/#VALUE!/);
  });

  it('the id-ID form (";" and decimal commas) comes out as en-US', () => {
    const f = converted('=CAPAIAN(A1;B1;"naik";99,5)');
    expect(f).toContain('MIN(');
    expect(f).toContain('99.5');
    expect(f).not.toContain(';');
    expect(hitung(converted('=ROUND(CAPAIAN(A1;B1);1)+0,5'))).toBe(100.2);
  });

  it('keeps everything around the calls exactly as written, and the "=" only when it was there', () => {
    const f = converted('=IF( \'Data 2024\'!A1 <> "" , CAPAIAN(A1,B1) * 1% , {1,2;3,4} )');
    expect(f.startsWith('=IF( \'Data 2024\'!A1 <> "" , IF(')).toBe(true);
    expect(f.endsWith(' * 1% , {1,2;3,4} )')).toBe(true);
    expect(converted('CAPAIAN(A1,B1)').startsWith('IF(')).toBe(true);
  });

  it('leaves formulas without our functions untouched, even ones it cannot read', () => {
    for (const f of [
      '=A1+1',
      '=SUM(A1:A9)',
      '=VLOOKUP(A1,Tabel1[[#This Row],[Kode]],2,FALSE)',
      '=SUM(A1 B1)',
      '=LAMBDA(x,x+1)(2)',
      '=CAPAIAN_LAMA(A1)',
    ]) {
      expect(rewriteFormula(f)).toEqual({ ok: true, changed: false, formula: f });
    }
  });

  it('reports, without changing anything, what it cannot convert', () => {
    const cases: [string, RegExp][] = [
      ['=CAPAIAN(A1:A9,B1:B9)', /rentang/],
      ['=CAPAIAN({1,2},B1)', /larik/],
      ['=CAPAIAN(A1,B1,C1)', /Arah diambil dari sel/],
      ['=PREDIKAT(A1,F1:G5)', /skala sendiri/],
      ['=CAPAIAN(A1,B1', /tidak dapat dibaca/],
      ['=SUM(A1 B1)+CAPAIAN(A1,B1)', /tidak dapat dibaca/],
      ['=CAPAIAN(A1)', /memerlukan 2 sampai 4 argumen/],
      ['=IF(A1>0,CAPAIAN(A1;B1),0)', /tidak dapat dibaca/],
      ['=SUM(CAPAIAN(A1,B1),CAPAIAN(A1,B1,"naek"))', /Arah tidak dikenal/],
    ];
    for (const [f, why] of cases) {
      const r = rewriteFormula(f);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(why);
    }
  });

  it('round-trips every formula token by token (random formulas never mangled)', () => {
    const leaf = fc.constantFrom(
      'A1',
      '$B$2',
      "'Data 2024'!C3",
      '1.5',
      '"teks, ""kutip"""',
      'TRUE',
      '#N/A',
      'Sheet1!A1:B2',
      '{1,2;3,4}',
      '10%',
    );
    const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '&', '=', '<>', '^'), tie('e')).map(([a, o, b]) => `${a}${o}${b}`),
        tie('e').map((a) => `(${a})`),
        tie('e').map((a) => `-${a}`),
        fc
          .tuple(fc.constantFrom('SUM', 'IF', 'ROUND', 'CAPAIAN', 'sakip.serapan'), fc.array(tie('e'), { maxLength: 3 }))
          .map(([f, a]) => `${f}(${a.join(', ')})`),
      ),
    })).e as fc.Arbitrary<string>;
    fc.assert(
      fc.property(expr, (e) => {
        const p = parseFormula(`=${e}`);
        expect(p.ok).toBe(true);
        if (p.ok) expect(emit(p.tokens, 0, p.tokens.length)).toBe(e);
        const r = rewriteFormula(`=${e}`);
        if (r.ok && !r.changed) expect(r.formula).toBe(`=${e}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('planRewrite', () => {
  it('lists converted and skipped cells, and keeps a cell whose input is a text number', () => {
    const values: Record<string, unknown> = { F5: 79.72, G5: 80, F6: '99,88 %', G6: 100 };
    const plan = planRewrite(
      [
        { sheet: 'LKjIP', cell: 'H5', formula: '=CAPAIAN(F5,G5)' },
        { sheet: 'LKjIP', cell: 'H6', formula: '=CAPAIAN(F6,G6)' },
        { sheet: 'LKjIP', cell: 'H7', formula: '=SUM(H5:H6)' },
        { sheet: 'LKjIP', cell: 'I5', formula: '=PREDIKAT(H5,J1:K4)' },
      ],
      (_sheet, ref) => values[ref],
    );
    expect(plan.converted.map((c) => c.cell)).toEqual(['H5']);
    expect(plan.skipped.map((c) => c.cell)).toEqual(['H6', 'I5']);
    expect(plan.skipped[0].reason).toMatch(/F6 berisi angka sebagai teks/);
  });
});
