import * as z from 'zod/mini';

/**
 * The table model: what table finding (core/tata-letak) and the hierarchy (core/hierarki)
 * say about a block of a sheet, and what every check (core/periksa) reads. It sits below all
 * three, so that tata-letak can call the hierarchy without the two importing each other. All row and
 * column numbers are 0-based and relative to the sheet block (`Sheet.values`).
 */

export const LAYOUTS = [
  'renja-tc29', // evaluasi Renja tahun lalu
  'renja-tc30', // kinerja pelayanan
  'renja-tc31', // review rancangan awal RKPD
  'renja-tc32', // usulan pemangku kepentingan
  'renja-tc33', // rumusan rencana program/kegiatan, rencana kerja dan pendanaan
  'renja-triwulan', // target dan penyerapan per triwulan
  'renja-e81', // evaluasi per triwulan
  'lkjip-pk', // perjanjian kinerja
  'lkjip-capaian', // capaian kinerja
  'lkjip-antartahun', // perbandingan antartahun
  'lkjip-renstra', // kemajuan terhadap Renstra
  'lkjip-anggaran', // realisasi anggaran
  'lkjip-efisiensi', // efisiensi per sasaran or program/kegiatan
  'lkjip-iku', // indikator kinerja utama
  'laporan-fisik-keuangan', // realisasi fisik dan keuangan
  'skala', // a predikat scale table (lower bound, [upper], label)
  'tidak-dikenal', // recognised as a table, layout unknown: still gets every check its columns allow
] as const;
export type LayoutId = (typeof LAYOUTS)[number];

export const COLUMN_ROLES = [
  'nomor', // No / numbering (I., 1., 1.1)
  'kode', // one-cell kode (1.06.04.2.01.0001)
  'kode-urusan',
  'kode-bidang',
  'kode-program',
  'kode-kegiatan',
  'kode-sub',
  'uraian', // Urusan/Bidang/Program/Kegiatan/Sub kegiatan name
  'sasaran',
  'indikator',
  'satuan',
  'target',
  'realisasi',
  'capaian', // capaian kinerja %
  'pagu', // pagu indikatif
  'kebutuhan', // kebutuhan dana
  'anggaran',
  'realisasi-rp',
  'sisa',
  'serapan', // realisasi anggaran %
  'efisiensi',
  'predikat', // kategori / predikat label
  'tw-k', // triwulan kinerja share (%)
  'tw-rp', // triwulan rupiah
  'lokasi',
  'sumber-dana',
  'pj', // penanggung jawab / unit
  'keterangan', // catatan, keterangan
  'sumber-data',
  'lainnya',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Roles whose cells add up across levels (docs/hierarki.md): parent = Σ children, total = Σ top level. */
export const MONEY_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'pagu',
  'kebutuhan',
  'anggaran',
  'realisasi-rp',
  'sisa',
  'tw-rp',
]);

export const TableColumnSchema = z.object({
  col: z.int().check(z.nonnegative()),
  /** Flattened header text, group first: "Anggaran | Realisasi (Rp.)". */
  header: z.string(),
  role: z.enum(COLUMN_ROLES),
  /**
   * Tells apart columns of one role: "renstra", "n", "n+1", "n-1", "n-2", "s/d n-1", a year
   * ("2022"), or the group name for side-by-side blocks. Absent when the role is unique.
   */
  period: z.optional(z.string()),
  /** Merged group header above the column ("Rancangan Awal RKPD", "Kinerja", "Anggaran", "TW I"). */
  group: z.optional(z.string()),
  quarter: z.optional(z.int().check(z.minimum(1), z.maximum(4))),
  /** Text of the column-number row under the header ("11", "(7)"). */
  numberLabel: z.optional(z.string()),
  /**
   * A formula the number row states for this column, normalised to column-number arithmetic:
   * "10/4", "6+12", "13/5*100", "(5+7)/4*100". Checked by rumus-kolom.
   */
  numberFormula: z.optional(z.string()),
  /**
   * The column number the number row gives this column (7 for "(7)", 11 for "11 =10/4"): what
   * the numbers in numberFormula refer to. Sub-columns under one merged number share it.
   */
  columnNumber: z.optional(z.int().check(z.positive())),
  /** Additive money column (see MONEY_ROLES). */
  money: z.boolean(),
});
export type TableColumn = z.infer<typeof TableColumnSchema>;

export const LEVEL_NAMES = [
  'urusan',
  'bidang',
  'program',
  'kegiatan',
  'sub-kegiatan',
  'sasaran',
  'indikator',
  // Account codes of an LRA or APBD (Permendagri 90/2019; 13/2006 before): 4 akun, 4.1
  // kelompok, 4.1.01 jenis, 4.1.01.06 objek, 4.1.01.06.01 rincian objek, then sub rincian.
  'akun',
  'kelompok',
  'jenis',
  'objek',
  'rincian-objek',
  'sub-rincian-objek',
] as const;
export type LevelName = (typeof LEVEL_NAMES)[number];

export const ROW_KINDS = [
  'data', // a program/kegiatan/sub kegiatan/sasaran/indicator row
  'total', // TOTAL / JUMLAH, or the unlabelled grand-total row
  'section', // a heading inside the table ("Nama OPD: …", a block title)
  'header-repeat', // the header printed again after a page break
  'number-row', // the column-number row repeated
  'blank',
  // A row that nets others after them (Surplus / (Defisit), Pembiayaan Netto, SiLPA in an LRA
  // or APBD): neither a child of the row above nor a total of the rows before.
  'summary',
] as const;
export type RowKind = (typeof ROW_KINDS)[number];

export const TableRowSchema = z.object({
  row: z.int().check(z.nonnegative()),
  kind: z.enum(ROW_KINDS),
  /** Depth in the hierarchy, 0 = top; null for non-data rows and flat tables. */
  level: z.nullable(z.int().check(z.nonnegative())),
  levelName: z.nullable(z.enum(LEVEL_NAMES)),
  /** Row of the parent data row; null at the top or in a flat table. */
  parent: z.nullable(z.int().check(z.nonnegative())),
  /** Kode as text, five-cell codes joined with "." ("1.6.1.2.1"); null when none. */
  kode: z.nullable(z.string()),
  nomor: z.nullable(z.string()),
  /**
   * The row continues the node above (blank uraian/sasaran: a second indicator of the same
   * program or sasaran, a rowspan in the source). It has no money of its own to add up.
   */
  continuation: z.boolean(),
  /**
   * A numbering or code gap right before this row: rows were lost (a missing page). Sums of
   * the parent that spans the gap cannot be checked.
   */
  gapBefore: z.boolean(),
  /** Which section of the table the row belongs to (index of the last 'section' row, or 0). */
  block: z.int().check(z.nonnegative()),
});
export type TableRow = z.infer<typeof TableRowSchema>;

export const RELATION_KINDS = [
  'persen', // target = A / B × 100
  'persen-turun', // target = (2B − A) / B × 100
  'rasio-balik', // target = B / A × 100
  'efisiensi', // target = (1 − A / B) × 100
  'selisih', // target = A − B
  'jumlah', // target = A + B (+ …)
  'jumlah-anak', // in column target, a parent row = Σ its children (operands empty)
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** A relation between columns learned from the table's numbers (tata-letak/relasi.ts). */
export const RelationSchema = z.object({
  kind: z.enum(RELATION_KINDS),
  target: z.int().check(z.nonnegative()),
  /** Columns in formula order: A, B (, …). */
  operands: z.array(z.int().check(z.nonnegative())),
  /** Rows where it holds, and rows where every cell it uses holds a number. */
  holds: z.int().check(z.nonnegative()),
  rows: z.int().check(z.nonnegative()),
  /** Body rows of the table when `holds` and `rows` were counted on a sample spread over it. */
  sampledFrom: z.optional(z.int().check(z.nonnegative())),
  /** The role the header gave the target when the numbers overruled it ("pagu" for a percent). */
  headerRole: z.optional(z.enum(COLUMN_ROLES)),
});
export type Relation = z.infer<typeof RelationSchema>;

export const TableSchema = z.object({
  sheet: z.string(),
  /** A1 range of the whole table including its header, e.g. "A1:L76". */
  range: z.string(),
  layout: z.enum(LAYOUTS),
  /** 0..1: how sure the classification is. */
  confidence: z.number().check(z.minimum(0), z.maximum(1)),
  headerTop: z.int().check(z.nonnegative()),
  headerBottom: z.int().check(z.nonnegative()),
  /** Row of the column-number row ("1 2 3 … 12"), null when the table has none. */
  numberRow: z.nullable(z.int().check(z.nonnegative())),
  columns: z.array(TableColumnSchema),
  /** Body rows, top to bottom (everything below the header / number row). */
  rows: z.array(TableRowSchema),
  /** What gave the levels. */
  hierarchy: z.enum(['kode', 'nomor', 'kata', 'rowspan', 'flat']),
  /** Relations between columns the numbers show (absent when none was looked for). */
  relations: z.optional(z.array(RelationSchema)),
});
export type Table = z.infer<typeof TableSchema>;
