import { parseA1 } from '../../core/lembar/model';

/**
 * The sheet the "nothing lost" tests start from, the same on every host: the Malang review
 * table (real errors, so cells do get marked) at B3, dressed the way a planner's own sheet is
 * before the add-in touches it. The hard part is on the cells the checker marks: the planner's
 * own fills (one of them the very colour of an error mark), own notes, a formula, a text number
 * format and bold there; around them number formats, a percent cell, a merged title, and two
 * cells calling our functions below the table for Jadikan rumus bawaan.
 */

export const MALANG = 'renja_malang_2024_tabel23_review_rkpd';
export const LEMBAR = 'Tabel 2.3';
/** The fixture's top-left cell on the sheet, 0-based: B3. */
export const ATAS = 2;
export const KIRI = 1;

/** The cells Periksa Tabel marks on this sheet (the fixture's note lists these errors). */
export const DITANDAI = ['G5', 'G16', 'G26', 'L29', 'G47', 'L62', 'L78'];

export interface Hiasan {
  /** #RRGGBB, upper case (each host writes it as it stores colours). */
  fill?: string;
  note?: string;
  bold?: true;
  format?: string;
  /** A formula (en-US, as both hosts report it) and the number it computes. */
  formula?: { f: string; v: number };
}

export const HIASAN: Record<string, Hiasan> = {
  A1: { bold: true },
  // A percent shown as 97,10 % over 0.971: the value and its format must both come back.
  A2: { format: '0.00%' },
  G3: { fill: '#D9E1F2', bold: true },
  C5: { note: 'Catatan pengguna yang tidak boleh hilang.' },
  G5: { note: 'Angka dari DPA murni.', bold: true },
  G16: { fill: '#FFFF00', note: 'Cek ulang dengan Bappeda.' },
  // Excel's "Bad" style: the planner's fill is the colour of our error mark.
  G26: { fill: '#FFC7CE', note: 'Merah dari saya, bukan dari Lembar Kinerja.' },
  L29: { fill: '#E2EFDA', format: '@' },
  // A pagu typed as a sum of constants, one of them wrong: a formula cell that gets marked.
  G47: {
    fill: '#FCE4D6',
    bold: true,
    formula: {
      f: '=245000000+31000000+415000000+27000000+350000000+921000000+30000000+51000000+24000000+29000000+2000000',
      v: 2_125_000_000,
    },
  },
  G48: { formula: { f: '=200000000+45000000', v: 245_000_000 } },
  L78: { note: 'Total belum final.', bold: true },
};

export const JUDUL = 'Tabel 2.3 Review terhadap Rancangan Awal RKPD';
export const JUDUL_GABUNG = 'A1:M1';
export const PERSEN = { cell: 'A2', value: 0.971 };
/** Money cells (the fixture's pagu columns) get the planner's thousands format where they hold numbers. */
export const KOLOM_UANG = ['G', 'L'];
export const FORMAT_UANG = '#,##0';

/**
 * Below the table: realisasi, target, and our functions over them, as each host spells a call
 * (Excel through the add-in's SAKIP namespace, Sheets by the bare name).
 */
export function rumusKami(awalan: string): Record<string, { value: string | number; formula?: string }> {
  return {
    B81: { value: 'Capaian IKM' },
    C81: { value: 79.72 },
    D81: { value: 80 },
    E81: { value: 99.65, formula: `=${awalan}CAPAIAN(C81,D81)` },
    F81: { value: 'Sangat Tinggi', formula: `=${awalan}PREDIKAT(E81)` },
  };
}

/** Objects with their keys sorted, so that the string depends on the content only. */
export function urut(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(urut);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, urut((v as Record<string, unknown>)[k])]),
  );
}

const menurutLetak = (a: string, b: string) => {
  const p = parseA1(a)!;
  const q = parseA1(b)!;
  return p.row - q.row || p.col - q.col;
};

/**
 * One sheet as lines of text: its own properties, then every cell row by row (keys sorted),
 * every note and every merged range. Two snapshots compare as strings, and a difference shows
 * as the lines that differ.
 */
export function potretLembar(
  name: string,
  sheet: object,
  cells: Record<string, unknown>,
  notes: Record<string, string> = {},
  merges: string[] = [],
): string[] {
  return [
    `${name} ${JSON.stringify(urut(sheet))}`,
    ...Object.keys(cells)
      .sort(menurutLetak)
      .map((k) => `${name}!${k} ${JSON.stringify(urut(cells[k]))}`),
    ...Object.keys(notes)
      .sort(menurutLetak)
      .map((k) => `${name}!${k} catatan ${JSON.stringify(notes[k])}`),
    ...[...merges].sort().map((m) => `${name}!${m} gabung`),
  ];
}
