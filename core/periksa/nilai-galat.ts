/**
 * What a spreadsheet error value means, in the words a planner can act on: the checker can
 * say "Sel berisi nilai galat #REF!", but he needs to know that a referenced cell was deleted.
 */
const MEANING: Record<string, string> = {
  '#REF!': 'merujuk ke sel yang sudah dihapus',
  '#N/A': 'nilai yang dicari tidak ditemukan',
  '#DIV/0!': 'pembagian dengan nol atau dengan sel kosong',
  '#VALUE!': 'rumus memakai teks atau jenis nilai yang salah',
  '#NAME?': 'nama fungsi atau nama rentang tidak dikenal',
  '#NUM!': 'angka di luar batas yang dapat dihitung',
  '#NULL!': 'dua rentang yang tidak berpotongan',
  '#SPILL!': 'hasilnya terhalang sel lain yang berisi',
  '#CALC!': 'rumus tidak dapat dihitung',
  '#GETTING_DATA': 'data masih dimuat',
  '#ERROR!': 'rumus tidak dapat dibaca',
};

/**
 * One sentence for a cell holding an error value: what it means and, when the cell has a
 * formula, that the formula produced it (the value is not typed, so fixing it means the formula).
 */
export function errorValueMessage(errorValue: string, formula: string | null): string {
  const code = errorValue.toUpperCase();
  const meaning = MEANING[code];
  const what = meaning === undefined ? code : `${code} (${meaning})`;
  const where = formula !== null ? `Rumus ${formula} di sel ini menghasilkan nilai galat ${what}` : `Sel berisi nilai galat ${what}`;
  return `${where}; nilainya tidak dapat dijumlahkan atau diperiksa.`;
}
