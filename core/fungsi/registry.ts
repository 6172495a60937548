import { Hasil } from './rentang';
import { CAPAIAN, EFISIENSI, NILAI_EFISIENSI, PREDIKAT, SERAPAN } from './spreadsheet';

/**
 * The one description of every spreadsheet function. The Excel and Google Sheets JSDoc and the
 * CLI help are generated from it (dokumentasi.ts), so what a user reads in any host is what
 * the code does.
 */

/** What a parameter takes; decides the JSDoc types. */
export type JenisParam = 'angka' | 'teks' | 'skala';

export interface ParamInfo {
  /** As shown in the formula bar: `realisasi`, `capaian_kinerja` (a valid JS identifier). */
  name: string;
  help: string;
  optional: boolean;
  /** A range is accepted (cell by cell, or as a table for `skala`). */
  range: boolean;
  kind: JenisParam;
  /** As typed in an id-ID cell. */
  example: string;
}

export interface ContohInfo {
  /** Arguments as typed in an id-ID cell; `""` is an empty argument. */
  args: string[];
  /** The result as a sheet shows it: numbers with 2 decimals, id-ID. */
  result: string;
}

export interface FungsiInfo {
  name: string;
  description: string;
  params: ParamInfo[];
  resultKind: 'angka' | 'teks';
  result: string;
  examples: ContohInfo[];
  impl: (...args: unknown[]) => Hasil;
}

export const FUNGSI: readonly FungsiInfo[] = [
  {
    name: 'CAPAIAN',
    description: 'Menghitung capaian kinerja (%) dari realisasi dan target, menurut arah indikator.',
    params: [
      {
        name: 'realisasi',
        help: 'Realisasi indikator: angka, teks angka (99,88 %; 84 Angka) atau rentang.',
        optional: false,
        range: true,
        kind: 'angka',
        example: '79,72',
      },
      {
        name: 'target',
        help: 'Target indikator, dalam satuan yang sama dengan realisasi.',
        optional: false,
        range: true,
        kind: 'angka',
        example: '80',
      },
      {
        name: 'arah',
        help:
          '"naik" (bawaan; juga "positif" atau 1): realisasi/target×100; "turun" (juga "negatif" atau -1): ' +
          '(2×target−realisasi)/target×100; "turun-rasio": target/realisasi×100.',
        optional: true,
        range: true,
        kind: 'teks',
        example: '"turun"',
      },
      {
        name: 'batas',
        help: 'Batas atas hasil, misalnya 100 atau 120; kosong berarti tanpa batas.',
        optional: true,
        range: true,
        kind: 'angka',
        example: '100',
      },
    ],
    resultKind: 'angka',
    result: 'Capaian dalam persen; kosong bila realisasi atau target kosong.',
    examples: [
      { args: ['79,72', '80'], result: '99,65' },
      { args: ['13,26', '12,84', '"turun"'], result: '96,73' },
      { args: ['87,86', '80', '"naik"', '100'], result: '100,00' },
    ],
    impl: CAPAIAN as FungsiInfo['impl'],
  },
  {
    name: 'EFISIENSI',
    description: 'Menghitung tingkat efisiensi (%) dari capaian kinerja dan serapan anggaran.',
    params: [
      {
        name: 'capaian_kinerja',
        help: 'Capaian kinerja indikator dalam persen, misalnya 92,5.',
        optional: false,
        range: true,
        kind: 'angka',
        example: '92,5',
      },
      {
        name: 'serapan_anggaran',
        help: 'Serapan anggaran dalam persen (realisasi/pagu×100), misalnya 88,01.',
        optional: false,
        range: true,
        kind: 'angka',
        example: '88,01',
      },
      {
        name: 'metode',
        help:
          '"rasio" (bawaan): (1 − serapan/capaian)×100, sesuai PMK 214/2017; "selisih": capaian − serapan; ' + '"sisa": 100 − serapan.',
        optional: true,
        range: true,
        kind: 'teks',
        example: '"selisih"',
      },
    ],
    resultKind: 'angka',
    result: 'Efisiensi dalam persen; kosong bila masukannya kosong.',
    examples: [
      { args: ['92,5', '88,01'], result: '4,85' },
      { args: ['92,5', '88,01', '"selisih"'], result: '4,49' },
      { args: ['99,91', '85,97', '"sisa"'], result: '14,03' },
    ],
    impl: EFISIENSI as FungsiInfo['impl'],
  },
  {
    name: 'PREDIKAT',
    description: 'Menentukan predikat (kategori) sebuah capaian menurut skala penilaian.',
    params: [
      {
        name: 'capaian',
        help: 'Capaian dalam persen, misalnya 92,5.',
        optional: false,
        range: true,
        kind: 'angka',
        example: '92,5',
      },
      {
        name: 'skala',
        help:
          'Nama skala: "permendagri86" (bawaan), "melampaui", "berhasil" atau "sakip"; atau rentang skala sendiri ' +
          'dengan 2 kolom (batas bawah, predikat) atau 3 kolom (batas bawah, batas atas, predikat).',
        optional: true,
        range: true,
        kind: 'skala',
        example: '"berhasil"',
      },
      {
        name: 'desimal',
        help: 'Banyak desimal untuk membulatkan capaian (setengah ke atas) sebelum digolongkan, seperti yang tampil di tabel.',
        optional: true,
        range: true,
        kind: 'angka',
        example: '2',
      },
    ],
    resultKind: 'teks',
    result: 'Predikat sebagai teks; kosong bila capaian kosong.',
    examples: [
      { args: ['92,5'], result: 'Sangat Tinggi' },
      { args: ['100', '"berhasil"'], result: 'Sangat Berhasil' },
      { args: ['90,995', '""', '2'], result: 'Sangat Tinggi' },
      { args: ['90,995'], result: 'Tinggi' },
    ],
    impl: PREDIKAT as FungsiInfo['impl'],
  },
  {
    name: 'SERAPAN',
    description: 'Menghitung serapan anggaran (%): realisasi dibagi pagu dikali 100.',
    params: [
      {
        name: 'realisasi',
        help: 'Realisasi anggaran (Rp), misalnya 5.064.388.054 atau Rp 5.064.388.054,00.',
        optional: false,
        range: true,
        kind: 'angka',
        example: '5.064.388.054',
      },
      {
        name: 'pagu',
        help: 'Pagu anggaran (Rp).',
        optional: false,
        range: true,
        kind: 'angka',
        example: '5.215.862.284',
      },
    ],
    resultKind: 'angka',
    result: 'Serapan dalam persen; kosong bila realisasi atau pagu kosong.',
    examples: [{ args: ['5.064.388.054', '5.215.862.284'], result: '97,10' }],
    impl: SERAPAN as FungsiInfo['impl'],
  },
  {
    name: 'NILAI_EFISIENSI',
    description: 'Mengubah tingkat efisiensi menjadi nilai 0–100 gaya PMK: efisiensi dibatasi −20 s.d. 20, lalu 50 + (E/20)×50.',
    params: [
      {
        name: 'efisiensi',
        help: 'Tingkat efisiensi dalam persen (hasil EFISIENSI), misalnya 4,85.',
        optional: false,
        range: true,
        kind: 'angka',
        example: '4,85',
      },
    ],
    resultKind: 'angka',
    result: 'Nilai efisiensi 0 sampai 100; kosong bila efisiensi kosong.',
    examples: [
      { args: ['4,85'], result: '62,13' },
      { args: ['-30'], result: '0,00' },
    ],
    impl: NILAI_EFISIENSI as FungsiInfo['impl'],
  },
];

/** Function names are case-insensitive, as in a spreadsheet. */
export function findFungsi(name: string): FungsiInfo | undefined {
  const key = name.trim().toUpperCase();
  return FUNGSI.find((f) => f.name === key);
}

export function signature(f: FungsiInfo): string {
  return `${f.name}(${f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join('; ')})`;
}
