import { parseCellRef } from './model';

/** Every host reads the inputs of a formula through this one reading of a cell reference. */
describe('parseCellRef', () => {
  it.each([
    ['F5', 'Capaian', { sheet: 'Capaian', row: 4, col: 5 }],
    ['$F$5', 'Capaian', { sheet: 'Capaian', row: 4, col: 5 }],
    ["'Data 2024'!B3", 'Capaian', { sheet: 'Data 2024', row: 2, col: 1 }],
    ["'Rp ''24'!A1", 'X', { sheet: "Rp '24", row: 0, col: 0 }],
    ['Data!$B$3', 'X', { sheet: 'Data', row: 2, col: 1 }],
  ])('%s', (ref, sheet, expected) => {
    expect(parseCellRef(ref, sheet)).toEqual(expected);
  });

  it('is null for a range or a name', () => {
    expect(parseCellRef('F5:F9', 'S')).toBeNull();
    expect(parseCellRef('TARGET', 'S')).toBeNull();
  });
});
