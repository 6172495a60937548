import fc from 'fast-check';
import { CellValue, Merge, Sheet, sheetWidth } from '../../../core/lembar/model';
import { TEMPLAT_HEADERS } from '../../../core/pohon';

/*
 * Generators of what a planner's sheet can hold: numbers as docs/angka.md says people type them,
 * the words of Renja/LKjIP tables, formulas, and whole sheets built from scratch (table-like,
 * cascading, or noise). Only values a host can hand over: strings, finite numbers, booleans,
 * null (Excel and Sheets give error values as their text, "#REF!").
 */

export const ERROR_VALUES = ['#REF!', '#N/A', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!'] as const;

// ---------------------------------------------------------------- numbers as text (docs/angka.md)

/** How a person marks a number's kind (docs/angka.md): money, percent, a satuan, or nothing. */
const MARKS = {
  polos: { prefixes: [''], suffixes: [''] },
  uang: { prefixes: ['Rp', 'Rp.', 'Rp. ', 'Rp ', 'rp', 'RP.', ''], suffixes: ['', ',-', '.-'] },
  persen: { prefixes: [''], suffixes: ['%', ' %', '(%)', ' (%)', ' persen', ' Persen', ' prosen'] },
  satuan: {
    prefixes: [''],
    suffixes: [
      ' orang',
      ' Orang',
      ' Dokumen',
      ' dok',
      ' Orang/Bulan',
      ' bln',
      ' Angka',
      ' m²',
      ' Kali',
      ' paket',
      ' unit',
      ' Desa/Kel',
    ],
  },
};
const SIGNS = ['', '', '', '-', '+', '\u2212'];

/** Digits of an integer part: small, money-sized, 10^15 rupiah, or longer than a double holds. */
const intDigits = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 999 }).map(String) },
  { weight: 4, arbitrary: fc.integer({ min: 1000, max: 999_999_999_999 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('1000000000000000', '999999999999999', '9007199254740993', '0', '00', '0000') },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...'0123456789'), { minLength: 16, maxLength: 45 }).map((d) => '1' + d.join('')) },
);
const fracDigits = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: 3 }).map((d) => d.join('')) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...'0123456789'), { minLength: 4, maxLength: 25 }).map((d) => d.join('')) },
);

function group(digits: string, mark: string, size = 3): string {
  let out = '';
  for (let i = digits.length; i > 0; i -= size) out = digits.slice(Math.max(0, i - size), i) + (out === '' ? '' : mark + out);
  return out;
}

type Gaya = 'id' | 'en' | 'none' | 'space' | 'four';

function angkaDengan(styles: Gaya[]): fc.Arbitrary<string> {
  return fc
    .record({
      kind: fc.constantFrom(...(Object.keys(MARKS) as (keyof typeof MARKS)[])),
      sign: fc.constantFrom(...SIGNS),
      int: intDigits,
      frac: fracDigits,
      style: fc.constantFrom(...styles),
      pick: fc.nat(),
    })
    .map(({ kind, sign, int, frac, style, pick }) => {
      const { prefixes, suffixes } = MARKS[kind];
      const [grp, dec] = style === 'en' ? [',', '.'] : style === 'space' ? ['\u00a0', ','] : ['.', ','];
      const body = style === 'none' ? int : style === 'four' ? group(int, '.', 4) : group(int, grp);
      return `${prefixes[pick % prefixes.length]}${sign}${body}${frac === '' ? '' : dec + frac}${suffixes[pick % suffixes.length]}`;
    });
}

/** A number as docs/angka.md lists people typing it: `Rp. 3.608.747.543,00`, `2,809,627,670`, `99,88 %`, `34 Orang/Bulan`. */
export const angkaTeks: fc.Arbitrary<string> = angkaDengan(['id', 'id', 'en', 'none']);

/** The same, grouped in ways no rule allows too (`1 234 567`, `53.6000.0000`). */
const angkaTeksLiar: fc.Arbitrary<string> = angkaDengan(['id', 'en', 'none', 'space', 'four']);

/** Characters people (and copy-paste from PDFs) put in numbers by mistake. */
const STRAY = [
  ' ',
  '  ',
  '\u00a0',
  '\u2007',
  '\u202f',
  '\t',
  '\n',
  '\u2212',
  '.',
  ',',
  '0',
  '5',
  '9',
  '-',
  '+',
  '%',
  'Rp',
  'e',
  'E',
  '\u0663',
  '\uff13',
  '\u200b',
  '(',
  ')',
  '/',
  '#',
  'x',
  "'",
  '"',
  '=',
  '@',
  '\u00b2',
  '\ufeff',
];

export interface SuntingTeks {
  at: number;
  op: 'sisip' | 'hapus' | 'ganda' | 'tukar';
  ch: string;
}

const suntingTeks: fc.Arbitrary<SuntingTeks> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('sisip', 'hapus', 'ganda', 'tukar'),
  ch: fc.constantFrom(...STRAY),
});

export function terapkanSunting(s: string, edits: readonly SuntingTeks[]): string {
  let t = s;
  for (const e of edits) {
    const i = t.length === 0 ? 0 : e.at % (t.length + 1);
    if (e.op === 'sisip') t = t.slice(0, i) + e.ch + t.slice(i);
    else if (t.length === 0) continue;
    else if (e.op === 'hapus') t = t.slice(0, Math.min(i, t.length - 1)) + t.slice(Math.min(i, t.length - 1) + 1);
    else if (e.op === 'ganda') t = t.slice(0, i) + t.slice(Math.max(0, i - 1), i) + t.slice(i);
    else if (i + 1 < t.length) t = t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2);
  }
  return t;
}

/** A docs/angka.md number, an error value or an empty token, then a few typing slips. */
export const angkaTeksRusak: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      { weight: 8, arbitrary: angkaTeksLiar },
      { weight: 1, arbitrary: fc.constantFrom(...ERROR_VALUES, '#ref!', '#GETTING_DATA') },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '-',
          '–',
          'NIHIL',
          '0 0',
          'n/a',
          '',
          ' ',
          'Rp',
          'Rp -',
          'Rp. -,-',
          '-Rp 1.000',
          '- 5',
          '2,98229E+10',
          '1e400',
          '.5',
          ',25',
        ),
      },
    ),
    fc.array(suntingTeks, { maxLength: 4 }),
  )
  .map(([s, edits]) => terapkanSunting(s, edits));

// ---------------------------------------------------------------- cell values

const WORDS = [
  'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH',
  'Program Rehabilitasi Sosial',
  'Kegiatan Perencanaan, Penganggaran, dan Evaluasi',
  'Sub Kegiatan Penyediaan Permakanan',
  'Sasaran Strategis',
  'Meningkatnya kesejahteraan sosial',
  'Persentase PMKS yang tertangani',
  'Jumlah dokumen perencanaan',
  'JUMLAH',
  'TOTAL',
  'Jumlah Total',
  'Sangat Tinggi',
  'Tinggi',
  'Sedang',
  'Rendah',
  'Sangat Rendah',
  'Sangat Berhasil',
  'Berhasil',
  'Cukup Berhasil',
  'Kurang Berhasil',
  'Melampaui Target',
  'AA',
  'BB',
  'Kab. Magetan',
  'DAU',
  'APBD',
  'Bidang Rehabilitasi Sosial',
  'Nama OPD: Dinas Sosial',
  'Catatan Penting',
  '|| %',
  '|| Dokumen',
  'orang',
  '%',
  'dokumen',
  'bln',
  'Rumus 1',
  'turun',
  'naik',
  'Lokasi',
  'Seluruh Kecamatan',
];
const KODE = [
  '1',
  '06',
  '04',
  '2.01',
  '0001',
  '1.06',
  '1.06.04',
  '1.06.04.2.01',
  '1.06.04.2.01.0001',
  '1.06.04.2.01.01',
  '2.1',
  '2.10',
  '6',
  'X.XX.01',
  '1.01.01.2.01.0001',
  '1.06.04.2.01.0001.1',
  'I.',
  'II',
  'III.',
  'IV',
  '1.',
  '2',
  '1.1',
  '2.3.',
  'A',
  'a.',
  '(1)',
  '1)',
];
const HEADER_WORDS = [
  'Kode',
  'No',
  'No.',
  'Urusan/ Bidang Urusan/ Program/ Kegiatan/ Sub Kegiatan',
  'Program/Kegiatan',
  'Sasaran',
  'Sasaran Strategis',
  'Indikator Kinerja',
  'Indikator Program/ Kegiatan/ Sub Kegiatan',
  'Satuan',
  'Target',
  'Realisasi',
  'Capaian %',
  '% Capaian',
  'Capaian (%)',
  'Kategori',
  'Predikat',
  'Pagu Indikatif',
  'Pagu (Rp)',
  'Anggaran (Rp)',
  'Realisasi (Rp)',
  'Sisa',
  'Kebutuhan Dana',
  'Tingkat Efisiensi',
  'Tingkat Realisasi (%)',
  'Target Renstra',
  'Realisasi s/d 2020',
  'Target Renja 2021',
  'Lokasi',
  'Sumber Dana',
  'Penanggung Jawab',
  'Keterangan',
  'TW I',
  'TW II',
  'TW III',
  'TW IV',
  'K (%)',
  'Rp',
  'Rencana Tahun 2025',
  'Prakiraan Maju 2026',
  'Kinerja',
  'Anggaran',
  'Batas Bawah',
  'Batas Atas',
  'Catan Penting',
  'Praktis Capaian',
  'Realisasi Fisik',
  'Rencana (%)',
];
const NUMBER_LABELS = [
  '1',
  '2',
  '3',
  '(1)',
  '(7)',
  '6=4/5*100',
  '8 = (7/6)',
  '10 = 5+7+9',
  '11 =10/4',
  '13=6+12',
  '14=13/5x100%',
  '7 = 6/5',
  '9=(5+7)/4*100',
];

/** Arbitrary text, including what breaks naive code: very long, emoji, RTL, zero-width, markup. */
const teksAneh = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '𝟙𝟚𝟛',
    '١٢٣٫٤',
    '１２３',
    'עברית',
    '👍🏽',
    'e\u0301',
    '\u200b',
    '<img src=x onerror=alert(1)>',
    '=1+1',
    '@SUM(A1)',
    "'",
    '"',
  ),
  fc.integer({ min: 200, max: 4000 }).map((n) => 'Pagu '.repeat(Math.ceil(n / 5)).slice(0, n)),
);

const angkaAsli = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 999_999_999_999 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100) },
  { weight: 1, arbitrary: fc.integer({ min: -1_000_000_000, max: -1 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      0,
      -0,
      1e15,
      -1e15,
      1e-12,
      5e-324,
      Number.MAX_SAFE_INTEGER,
      1.7976931348623157e308,
      45292 /* a date serial */,
    ),
  },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e20, max: 1e20 }) },
);

export const selAcak: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: angkaAsli },
  { weight: 4, arbitrary: angkaTeksRusak },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...KODE) },
  { weight: 1, arbitrary: fc.constantFrom(...HEADER_WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...NUMBER_LABELS) },
  { weight: 1, arbitrary: fc.constantFrom(...ERROR_VALUES) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '-') },
  { weight: 1, arbitrary: teksAneh },
);

// ---------------------------------------------------------------- formulas

/** Our functions as hosts and files spell them, with how many arguments each takes. */
const OUR_CALLS: [string[], number, number][] = [
  [['CAPAIAN', 'SAKIP.CAPAIAN', 'sakip_capaian', '_xldudf_SAKIP_CAPAIAN', 'Capaian'], 2, 4],
  [['EFISIENSI', 'SAKIP.EFISIENSI'], 2, 3],
  [['PREDIKAT', 'Predikat', 'SAKIP.PREDIKAT'], 1, 3],
  [['SERAPAN', 'sakip.serapan'], 2, 2],
  [['NILAI_EFISIENSI'], 1, 1],
];
const OTHER_NAMES = [
  'SUM',
  'IF',
  'IFERROR',
  'ROUND',
  'MIN',
  'MAX',
  'AND',
  'LET',
  'LAMBDA',
  '_xlfn.XLOOKUP',
  'SUMIF',
  'VLOOKUP',
  'CAPAIAN',
  'SERAPAN',
];
const REFS = [
  'A1',
  'F5',
  '$F$5',
  'e12',
  'XFD1048576',
  "'Data 2024'!B3",
  "'It''s'!$C$9",
  'Sheet1!A1',
  'F5:F9',
  'A:A',
  '1:1',
  'Tabel1[Pagu]',
  '[1]Sheet1!A1',
  'ZZZ9',
  'namaKu',
];
const LITERALS = [
  '1',
  '12.5',
  '12,5',
  '0',
  '100',
  '1E+3',
  '"naik"',
  '"turun"',
  '"turun-rasio"',
  '"berhasil"',
  '"selisih"',
  '2',
  '""',
  '"a""b"',
  'TRUE',
  'FALSE',
  '#REF!',
  '#N/A',
  '{1,2;3,4}',
  '{1;2}',
];
const BINARY = ['+', '-', '*', '/', '^', '&', '=', '<>', '<', '>=', ':', ' '];

const rumus = fc.letrec<{ expr: string; ours: string }>((tie) => ({
  ours: fc
    .constantFrom(...OUR_CALLS)
    .chain(([names, min, max]) =>
      fc.tuple(
        fc.constantFrom(...names),
        fc.array(
          fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...REFS.slice(0, 8), ...LITERALS.slice(0, 11)) },
            { weight: 1, arbitrary: tie('expr') },
          ),
          { minLength: min, maxLength: max },
        ),
      ),
    )
    .map(([name, args]) => `${name}(${args.join('\u0000')})`),
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true, maxDepth: 4 },
    { weight: 4, arbitrary: fc.constantFrom(...REFS, ...LITERALS) },
    { weight: 2, arbitrary: tie('ours') },
    {
      weight: 1,
      arbitrary: fc
        .record({
          name: fc.constantFrom(...OTHER_NAMES),
          args: fc.array(fc.option(tie('expr'), { nil: '', freq: 6 }), { maxLength: 5 }),
        })
        .map(({ name, args }) => `${name}(${args.join('\u0000')})`),
    },
    { weight: 1, arbitrary: fc.tuple(tie('expr'), fc.constantFrom(...BINARY), tie('expr')).map(([a, op, b]) => `${a}${op}${b}`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('-', '+', '(', ''), tie('expr'), fc.constantFrom('%', '', ' '))
        .map(([a, e, b]) => (a === '(' ? `(${e})` : `${a}${e}${b}`)),
    },
  ),
}));

/** Formula text, en-US (`,`) or the id-ID form (`;`), nested calls of ours and others. */
export const rumusTeks: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof({ weight: 2, arbitrary: rumus.ours }, { weight: 1, arbitrary: rumus.expr }),
    fc.constantFrom(',', ';', ', '),
    fc.constantFrom('=', '=', '=', '', '= ', '=+'),
    fc.option(fc.array(suntingTeks, { minLength: 1, maxLength: 2 }), { freq: 3 }),
  )
  // eslint-disable-next-line no-control-regex -- U+0000 is the placeholder the generator put for the separator
  .map(([expr, sep, lead, edits]) => terapkanSunting(lead + expr.replace(/\u0000/g, sep), edits ?? []));

// ---------------------------------------------------------------- whole sheets from scratch

/** What a column holds, so a generated table looks like one and findTables has work to do. */
const ISI_KOLOM: Record<string, fc.Arbitrary<CellValue>> = {
  kode: fc.oneof(fc.constantFrom(...KODE), fc.constant(null)),
  uraian: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS.slice(0, 12)) }, { weight: 1, arbitrary: selAcak }),
  uang: fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 0, max: 1e12 }) },
    { weight: 3, arbitrary: angkaTeks },
    { weight: 2, arbitrary: selAcak },
  ),
  persen: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 15000 }).map((n) => n / 100) },
    { weight: 3, arbitrary: angkaTeksRusak },
    { weight: 1, arbitrary: selAcak },
  ),
  label: fc.oneof(fc.constantFrom(...WORDS.slice(9, 26)), selAcak),
  satuan: fc.constantFrom('%', 'orang', 'dokumen', 'Dokumen', 'bln', 'unit', '|| %', null, 'Persen'),
  bebas: selAcak,
};
const JENIS_KOLOM = Object.keys(ISI_KOLOM);

const kolomAcak = fc.record({
  header: fc.constantFrom(...HEADER_WORDS),
  group: fc.option(fc.constantFrom('Kinerja', 'Anggaran', 'TW I', 'Rencana Tahun 2025', 'Realisasi'), { freq: 3 }),
  isi: fc.constantFrom(...JENIS_KOLOM),
});

/** Arithmetic over column numbers as a number row writes it: `10/4`, `(5+7)/4x100%`, `13 : 5`, and broken ones. */
const ekspresiKolom = (max: number): fc.Arbitrary<string> =>
  fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      { weight: 4, arbitrary: fc.integer({ min: 0, max: max + 2 }).map(String) },
      { weight: 1, arbitrary: fc.constantFrom('100', '100%', '0', '') },
      {
        weight: 3,
        arbitrary: fc
          .tuple(tie('e'), fc.constantFrom('+', '-', '/', '*', 'x', 'X', '×', ':', ' / '), tie('e'))
          .map(([a, op, b]) => `${a}${op}${b}`),
      },
      { weight: 1, arbitrary: tie('e').map((e) => `(${e})`) },
      { weight: 1, arbitrary: tie('e').map((e) => `(${e}`) },
    ),
  })).e;

/** The label of column i in a number row: its number, `(n)`, or `n = formula` over earlier columns. */
const labelNomor = (i: number): fc.Arbitrary<CellValue> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(String(i + 1)) },
    { weight: 1, arbitrary: fc.constant(`(${i + 1})`) },
    { weight: 1, arbitrary: fc.constant(i + 1) },
    { weight: 2, arbitrary: fc.tuple(ekspresiKolom(i + 1), fc.constantFrom('=', ' = ', ' =')).map(([e, eq]) => `${i + 1}${eq}${e}`) },
    { weight: 1, arbitrary: fc.constantFrom(...NUMBER_LABELS) },
  );

/** A table-like sheet: title rows, a one- or two-row header, maybe a number row, body rows. */
export const lembarTabelAcak: fc.Arbitrary<Sheet> = fc
  .record({
    name: fc.constantFrom('Sheet1', 'Tabel 2.3', 'Capaian', "It's", 'Data!2024', 'a'.repeat(31)),
    title: fc.nat({ max: 3 }),
    cols: fc.array(kolomAcak, { minLength: 2, maxLength: 14 }),
    numberRow: fc.boolean(),
    bodySeed: fc.array(fc.array(selAcak, { maxLength: 3 }), { maxLength: 2 }),
    rows: fc.nat({ max: 40 }),
    typed: fc.boolean(),
  })
  .chain((spec) =>
    fc.tuple(
      fc.constant(spec),
      fc.array(fc.tuple(...spec.cols.map((c) => ISI_KOLOM[c.isi])), { minLength: spec.rows, maxLength: spec.rows }),
      fc.tuple(...spec.cols.map((_, i) => labelNomor(i))),
    ),
  )
  .map(([spec, body, numbers]) => {
    const values: CellValue[][] = [];
    for (let i = 0; i < spec.title; i++) values.push(i === 0 ? ['TABEL 3.1 CAPAIAN KINERJA TAHUN 2024'] : []);
    const merges: Merge[] = [];
    const grouped = spec.cols.some((c) => c.group !== null);
    if (grouped) {
      const top = values.length;
      values.push(spec.cols.map((c) => c.group ?? c.header));
      values.push(spec.cols.map((c) => (c.group === null ? null : c.header)));
      spec.cols.forEach((c, col) => {
        if (c.group === null) merges.push({ top, left: col, bottom: top + 1, right: col });
        // A run of one group under one merged cell, as documents print it.
        else if (col === 0 || spec.cols[col - 1].group !== c.group) {
          let end = col;
          while (end + 1 < spec.cols.length && spec.cols[end + 1].group === c.group) end++;
          if (end > col) merges.push({ top, left: col, bottom: top, right: end });
        }
      });
    } else values.push(spec.cols.map((c) => c.header));
    if (spec.numberRow) values.push(numbers);
    for (const row of body) values.push(row as CellValue[]);
    for (const extra of spec.bodySeed) values.push(extra);
    return { name: spec.name, values, merges, typed: spec.typed };
  });

/** Two tables on one sheet, side by side or one below the other, a few blank cells apart. */
export const lembarDuaTabel: fc.Arbitrary<Sheet> = fc
  .tuple(lembarTabelAcak, lembarTabelAcak, fc.boolean(), fc.nat({ max: 3 }))
  .map(([a, b, beside, gap]) => {
    const values = a.values.map((r) => r.slice());
    const merges = [...(a.merges ?? [])];
    if (beside) {
      const left = sheetWidth(a) + gap;
      b.values.forEach((r, i) => {
        while (values.length <= i) values.push([]);
        while (values[i].length < left) values[i].push(null);
        values[i].push(...r);
      });
      for (const m of b.merges ?? []) merges.push({ ...m, left: m.left + left, right: m.right + left });
    } else {
      const top = values.length + gap;
      while (values.length < top) values.push([]);
      values.push(...b.values.map((r) => r.slice()));
      for (const m of b.merges ?? []) merges.push({ ...m, top: m.top + top, bottom: m.bottom + top });
    }
    return { name: a.name, values, merges, typed: a.typed };
  });

/** A bound as a scale table prints it: `≥ 100`, `75 - < 100`, `91-100`, `≤ 50`, `0 s/d 50`, or a slip. */
const batasSkala: fc.Arbitrary<CellValue> = fc.oneof(
  fc.tuple(fc.constantFrom('≥ ', '>', '>= ', '≤ ', '<', '=< '), fc.integer({ min: -10, max: 150 })).map(([op, n]) => `${op}${n}`),
  fc
    .tuple(
      fc.integer({ min: -10, max: 150 }),
      fc.constantFrom(' - ', '-', ' – < ', ' s/d ', ' sampai ', ' - ≤ '),
      fc.integer({ min: -10, max: 150 }),
      fc.constantFrom('', '%', ',5'),
    )
    .map(([a, sep, b, tail]) => `${a}${sep}${b}${tail}`),
  fc.integer({ min: 0, max: 100 }),
  selAcak,
);

const LABEL_SKALA = ['Sangat Berhasil', 'Berhasil', 'Cukup Berhasil', 'Kurang Berhasil', 'Tidak Berhasil', 'Sangat Tinggi'];

/** A scale whose bands meet (`≥ 100`, `75 - < 100`, …, `< 55`), as Magetan's Tabel 3.1 prints it. */
const bandsRapi: fc.Arbitrary<[CellValue, string][]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 5 })
  .map((ts) => {
    const t = ts.sort((a, b) => b - a);
    const rows: [CellValue, string][] = [[`≥ ${t[0]}`, LABEL_SKALA[0]]];
    for (let i = 1; i < t.length; i++) rows.push([`${t[i]} - < ${t[i - 1]}`, LABEL_SKALA[i]]);
    rows.push([`< ${t[t.length - 1]}`, LABEL_SKALA[t.length]]);
    return rows;
  });

/** The office's own predikat scale typed on a sheet, which the predikat check then judges by. */
export const lembarSkala: fc.Arbitrary<Sheet> = fc
  .record({
    header: fc.constantFrom(
      ['No', 'Capaian (%)', 'Predikat'],
      ['Capaian', 'Kategori'],
      ['Capaian (%)', 'Kategori Predikat'],
      ['Capaian', 'Keterangan'],
    ),
    rows: fc.oneof(bandsRapi, fc.array(fc.tuple(batasSkala, fc.constantFrom(...LABEL_SKALA, '', 'AA')), { maxLength: 7 })),
  })
  .map(({ header, rows }) => ({
    name: 'Skala',
    values: [header.slice(), ...rows.map(([b, label], i) => (header.length === 3 ? [String(i + 1), b, label] : [b, label]))],
    typed: true,
  }));

/** A sheet of anything: ragged rows of arbitrary cells. */
export const lembarBebas: fc.Arbitrary<Sheet> = fc
  .record({ values: fc.array(fc.array(selAcak, { maxLength: 12 }), { maxLength: 25 }), typed: fc.boolean() })
  .map(({ values, typed }) => ({ name: 'Bebas', values, typed }));

// ---------------------------------------------------------------- cascading sheets (pohon)

const TINGKAT = [
  'Visi',
  'Misi',
  'Tujuan',
  'Sasaran',
  'Sasaran Strategis',
  'Sasaran Program',
  'Program',
  'Kegiatan',
  'Sub kegiatan',
  'Eselon II',
  'Eselon III',
  'eselon 4',
  'Urusan',
  'Jabatan Fungsional',
  '',
  null,
];
const HEADER_KASKADE: string[][] = [
  TEMPLAT_HEADERS.slice(),
  ['Level', 'Kode', 'Kode Induk', 'Uraian Kinerja', 'Indikator Kinerja', 'Target', 'Satuan', 'Anggaran', 'PJ'],
  ['Eselon', 'Sasaran', 'Indikator', 'Satuan', 'Target', 'Pagu', 'Unit Pelaksana'],
  ['Kode', 'Pernyataan Kinerja', 'Indikator', 'Target', 'Pagu'],
  ['Jenis Kinerja', 'Nama', 'Parent', 'Kode', 'Indikator'],
];

/** Few kode, so parents are found, missed, duplicated and looped (1 → 1.1 → 1) often. */
const KODE_KASKADE = ['1', '1.1', '1.1.1', '1.2', '2', '2.1', 'S1', 'S1.1', '1.06.04', '1.06.04.2.01'];
const barisKaskade = fc.record({
  tingkat: fc.constantFrom(...TINGKAT),
  kode: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...KODE_KASKADE) },
    { weight: 1, arbitrary: fc.constantFrom(...KODE) },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
  induk: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...KODE_KASKADE) },
    { weight: 1, arbitrary: fc.constantFrom(...KODE, 'tidak ada') },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
  pernyataan: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...WORDS.slice(0, 8)) },
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: selAcak },
  ),
  indikator: fc.oneof(fc.constantFrom('Persentase PMKS', 'Jumlah dokumen', 'Indeks kepuasan'), selAcak),
  target: selAcak,
  satuan: fc.constantFrom('%', 'orang', 'dokumen', null, 'Rp'),
  pagu: fc.oneof(fc.integer({ min: 0, max: 1e12 }), angkaTeksRusak, fc.constant(null)),
  pj: fc.constantFrom('Kepala Dinas', 'Kabid', null, 'Kasi Rehabilitasi'),
});

/** A cascading sheet: one of several header wordings, rows of levels with orphans, gaps, cycles. */
export const lembarKaskade: fc.Arbitrary<Sheet> = fc
  .record({ header: fc.constantFrom(...HEADER_KASKADE), rows: fc.array(barisKaskade, { maxLength: 30 }), above: fc.nat({ max: 2 }) })
  .map(({ header, rows, above }) => {
    const values: CellValue[][] = Array.from({ length: above }, () => ['Cascading Kinerja Dinas Sosial']);
    values.push(header.slice());
    for (const r of rows) {
      values.push(
        header.map((h) => {
          const k = h.toLowerCase();
          if (/induk|parent/.test(k)) return r.induk;
          if (/^kode/.test(k)) return r.kode;
          if (/^(tingkat|level|eselon|jenis)/.test(k)) return r.tingkat;
          if (/indikator/.test(k)) return r.indikator;
          if (/satuan/.test(k)) return r.satuan;
          if (/target/.test(k)) return r.target;
          if (/pagu|anggaran/.test(k)) return r.pagu;
          if (/penanggung|^pj|pelaksana/.test(k)) return r.pj;
          return r.pernyataan;
        }),
      );
    }
    return { name: 'Cascading', values, typed: true };
  });
