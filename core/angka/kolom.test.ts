import { loadFixture } from '../../test/fixtures/muat';
import { cellAt } from '../lembar/model';
import fc from 'fast-check';
import { ColumnMarks, inferColumnMarks, parseColumn, withColumnMarks } from './kolom';
import { parseCell } from './parse';

const values = (cells: unknown[]) => parseColumn(cells).parsed.map((p) => (p.value === null ? null : p.value.toFixed()));

describe('inferColumnMarks / parseColumn (docs/angka.md: a single group is decided per column)', () => {
  it('a column of 16.8, 41.5 is decimal-dot, so 1.270 there is 1,27', () => {
    const cells = ['16.8', '41.5', '1.270'];
    expect(inferColumnMarks(cells)).toEqual({ decimalMark: '.', basis: 'column', ambiguousCells: 1, mixedStyles: false });
    expect(values(cells)).toEqual(['16.8', '41.5', '1.27']);
    // The column decided, so the cell carries no per-cell doubt any more.
    expect(parseColumn(cells).parsed[2].problems).toEqual([]);
  });

  it('a column of 1.270, 29.822.934.000 is grouping-dot, so 1.270 there is 1270', () => {
    const cells = ['1.270', '29.822.934.000'];
    expect(inferColumnMarks(cells)).toEqual({ decimalMark: ',', basis: 'column', ambiguousCells: 1, mixedStyles: false });
    expect(values(cells)).toEqual(['1270', '29822934000']);
  });

  it('a column of en-US money (2,809,627,670) reads 1,270 as 1270', () => {
    const cells = ['2,809,627,670', '1,270', '6,867,723,003.00'];
    expect(inferColumnMarks(cells).decimalMark).toBe('.');
    expect(values(cells)).toEqual(['2809627670', '1270', '6867723003']);
  });

  it('a column mixing 8,220,950,000 and 42.000.000 groups with both marks', () => {
    const cells = ['8,220,950,000', '42.000.000', '1,270', '1.270'];
    expect(inferColumnMarks(cells)).toEqual({ decimalMark: 'none', basis: 'column', ambiguousCells: 2, mixedStyles: true });
    expect(values(cells)).toEqual(['8220950000', '42000000', '1270', '1270']);
  });

  it('without evidence the id-ID reading is the default, and the column says so', () => {
    const cells = ['1.270', '1,500', '', '-', 'Dinas Sosial'];
    expect(inferColumnMarks(cells)).toEqual({ decimalMark: ',', basis: 'default', ambiguousCells: 2, mixedStyles: false });
    expect(values(cells)).toEqual(['1270', '1.5', null, null, null]);
  });

  it('the majority decides: one stray 16.8 does not flip a column of id-ID money', () => {
    const cells = ['5.215.862.284', '39.845.000', '3.360.862.284', '16.8', '1.270'];
    expect(inferColumnMarks(cells)).toMatchObject({ decimalMark: ',', basis: 'column' });
    expect(values(cells)[4]).toBe('1270');
  });

  it('a tie between contradicting cells falls back to the id-ID default', () => {
    expect(inferColumnMarks(['16.8', '29.822.934.000', '1.270'])).toMatchObject({ decimalMark: ',', basis: 'default' });
  });

  it('native numbers are not evidence', () => {
    expect(inferColumnMarks([1270.5, 92.5, '1.270'])).toMatchObject({ decimalMark: ',', basis: 'default', ambiguousCells: 1 });
  });

  it('an empty column is the default with nothing ambiguous', () => {
    expect(inferColumnMarks([])).toEqual({ decimalMark: ',', basis: 'default', ambiguousCells: 0, mixedStyles: false });
  });
});

describe('columns of the real fixtures', () => {
  const column = (name: Parameters<typeof loadFixture>[0], col: number, fromRow: number, toRow: number) => {
    const sheet = loadFixture(name);
    const cells: unknown[] = [];
    for (let r = fromRow; r <= toRow; r++) cells.push(cellAt(sheet, r, col));
    return cells;
  };

  it('Malang pagu indikatif mixes both styles; every cell reads as whole rupiah', () => {
    // Rows 3..76 of the TSV (0-based 2..75): program I "8,220,950,000", kegiatan "42.000.000" …
    const cells = column('renja_malang_2024_tabel23_review_rkpd', 5, 2, 75);
    const { marks, parsed } = parseColumn(cells);
    expect(marks).toMatchObject({ decimalMark: 'none', mixedStyles: true });
    expect(parsed[0].value?.toFixed()).toBe('8220950000');
    expect(parsed[8].value?.toFixed()).toBe('42000000');
    expect(parsed[73].value?.toFixed()).toBe('18032750000');
    for (const p of parsed) {
      if (p.value !== null) expect(p.value.isInteger()).toBe(true);
    }
  });

  it('Malang kebutuhan dana: the malformed 53.600.0000 and the mixed TOTAL are findings', () => {
    const cells = column('renja_malang_2024_tabel23_review_rkpd', 10, 2, 75);
    const { parsed } = parseColumn(cells);
    expect(parsed[0].value?.toFixed()).toBe('6822934850');
    expect(parsed[24]).toMatchObject({ kind: 'invalid', text: '53.600.0000' });
    expect(parsed[24].problems.map((p) => p.code)).toEqual(['malformed-group']);
    expect(parsed[73]).toMatchObject({ kind: 'invalid', text: '29,822,934.850' });
    expect(parsed[73].alternative?.toFixed()).toBe('29822934850');
  });

  it('Magetan realisasi anggaran is id-ID: grouping dot, decimal comma', () => {
    expect(inferColumnMarks(column('lkjip_magetan_2024_realisasi_anggaran', 3, 1, 20))).toMatchObject({
      decimalMark: ',',
      basis: 'column',
      mixedStyles: false,
    });
    const pct = parseColumn(column('lkjip_magetan_2024_realisasi_anggaran', 5, 1, 20)).parsed;
    expect(pct[0].value?.toFixed()).toBe('97.1');
    expect(pct[19].value?.toFixed()).toBe('97.6');
  });
});

describe('withColumnMarks: a first reading is kept unless the column decision changes it', () => {
  it('equals reading the cell with the decision, for any cell and decision', () => {
    const chars = fc.constantFrom(...'0123456789.,- %'.split(''), 'Rp', '000', '1.270', ' orang');
    const decisions: ColumnMarks[] = (['.', ',', 'none'] as const).map((decimalMark) => ({
      decimalMark,
      basis: 'column',
      ambiguousCells: 0,
      mixedStyles: false,
    }));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(chars, { maxLength: 8 }).map((p) => p.join('')),
          fc.double(),
          fc.constant(null),
        ),
        fc.constantFrom(...decisions),
        (cell, m) => {
          const kept = withColumnMarks(parseCell(cell), cell, m);
          const direct = parseCell(cell, { decimalMark: m.decimalMark });
          expect({ ...kept, value: kept.value?.toFixed(), alternative: kept.alternative?.toFixed() }).toEqual({
            ...direct,
            value: direct.value?.toFixed(),
            alternative: direct.alternative?.toFixed(),
          });
        },
      ),
      { numRuns: 3000 },
    );
  });
});
