import { periksaWorkbook } from '../../core/periksa';
import { fillOf, parseAddress, toSheet } from './model';

describe('Office ranges to the core sheet model', () => {
  it('reads Excel addresses, quoted sheet names included', () => {
    expect(parseAddress("'Renja 2024'!B3:L40")).toEqual({ sheet: 'Renja 2024', top: 2, left: 1, bottom: 39, right: 11 });
    expect(parseAddress("'Bu''s'!C5")).toEqual({ sheet: "Bu's", top: 4, left: 2, bottom: 4, right: 2 });
    expect(parseAddress('Sheet1!$A$1:$B$2')).toEqual({ sheet: 'Sheet1', top: 0, left: 0, bottom: 1, right: 1 });
    expect(parseAddress('bukan alamat')).toBeNull();
  });

  it('keeps the origin, blanks, formulas, formats, bold and merges of a used range', () => {
    const s = toSheet('LKjIP', {
      address: 'LKjIP!B3:D4',
      values: [
        ['Anggaran (Rp)', '', 0.971],
        [175000000, '#DIV/0!', true],
      ],
      formulas: [
        ['Anggaran (Rp)', '', '=C4/B4'],
        [175000000, '=1/0', true],
      ],
      numberFormat: [
        ['General', 'General', '0.00%'],
        ['#,##0', 'General', 'General'],
      ],
      cellProperties: [
        [{ format: { font: { bold: true } } }, { format: { font: { bold: false } } }, {}],
        [{}, {}, {}],
      ],
      mergedAreas: 'LKjIP!B3:C3, LKjIP!Z99',
    });
    expect(s).toEqual({
      name: 'LKjIP',
      typed: true,
      origin: { row: 2, col: 1 },
      values: [
        ['Anggaran (Rp)', null, 0.971],
        [175000000, '#DIV/0!', true],
      ],
      formulas: [
        [null, null, '=C4/B4'],
        [null, '=1/0', null],
      ],
      numberFormats: [
        [null, null, '0.00%'],
        ['#,##0', null, null],
      ],
      bold: [
        [true, false, false],
        [false, false, false],
      ],
      merges: [
        { top: 0, left: 0, bottom: 0, right: 1 },
        { top: 96, left: 24, bottom: 96, right: 24 },
      ],
    });
  });

  it('gives findings the cells the user sees when the table does not start at A1', () => {
    const values = [
      ['No.', 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)', '% Capaian'],
      ['1.', 'PROGRAM PENANGANAN BENCANA', 75_000_000, 70_000_000, 93.33],
      ['1.1', 'Perlindungan Sosial Korban Bencana', 100_000_000, 45_000_000, 45],
      ['1.2', 'Kesiapsiagaan Bencana', 75_000_000, 25_000_000, 33.33],
    ];
    const sheet = toSheet('Anggaran', { address: 'Anggaran!C5:G8', values });
    const f = periksaWorkbook({ name: 'uji', sheets: [sheet] }).findings.find((x) => x.rule === 'jumlah-induk');
    expect(f?.cell).toBe('E6');
  });

  it('records a cell with no fill as null, so Hapus Tanda clears rather than paints it white', () => {
    expect(fillOf({ format: { fill: { color: '#FFFFFF', pattern: 'None' } } })).toBeNull();
    expect(fillOf({ format: { fill: { color: '#ffff00', pattern: 'Solid' } } })).toBe('#FFFF00');
    expect(fillOf(undefined)).toBeNull();
  });
});
