import { Skala } from '../../core/fungsi/skala';
import { a1, CellValue, Sheet, Workbook } from '../../core/lembar/model';
import { ColumnRole, LayoutId, LevelName, MONEY_ROLES, RowKind, Table, TableColumn, TableRow } from '../../core/tabel/model';
import { CheckContext, CheckOptions, createContext, TableCheck } from '../../core/periksa/konteks';
import { Finding } from '../../core/periksa/temuan';
import { FixtureName, loadFixture } from '../fixtures/muat';

/*
 * Tables built by hand for the tests of the checks, so a check can be tested without
 * depending on table finding. One builder (`susunTabel`) makes the Table findTables would
 * report; three ways in: `buatTabel` from a compact description of columns and rows,
 * `tabelDariLembar` over an existing sheet with each row's level read by hand, and
 * `buildTable` over an existing sheet with flat rows named by their row numbers.
 */

export function kolom(
  header: string,
  role: ColumnRole,
  extra: Partial<Omit<TableColumn, 'header' | 'role'>> = {},
): Omit<TableColumn, 'col'> & { col?: number } {
  return { header, role, money: MONEY_ROLES.has(role), ...extra };
}

export interface BarisUji {
  kind: RowKind;
  /** Depth, 0 = top; null for non-data rows and flat tables. */
  level: number | null;
  cells: CellValue[];
  levelName?: LevelName | null;
  continuation?: boolean;
  gapBefore?: boolean;
  kode?: string | null;
  nomor?: string | null;
  /** Sheet row of the parent, when the test wants a parent the levels would not give. */
  parent?: number | null;
}

type Extra = Partial<Omit<BarisUji, 'kind' | 'cells'>>;

/** A program/kegiatan/sub kegiatan row at depth `level`. */
export function baris(level: number | null, cells: CellValue[], extra: Extra = {}): BarisUji {
  return { kind: 'data', level, cells, ...extra };
}

/** A second indicator row of the node above (blank uraian). */
export function lanjutan(cells: CellValue[], extra: Extra = {}): BarisUji {
  return { kind: 'data', level: null, cells, continuation: true, ...extra };
}

export function total(cells: CellValue[], extra: Extra = {}): BarisUji {
  return { kind: 'total', level: null, cells, ...extra };
}

/** A heading inside the table: the rows after it are another block. */
export function bagian(cells: CellValue[]): BarisUji {
  return { kind: 'section', level: null, cells };
}

export interface TabelUji {
  workbook: Workbook;
  sheet: Sheet;
  table: Table;
  ctx: CheckContext;
}

export interface SpecUji {
  sheetName?: string;
  columns: (Omit<TableColumn, 'col'> & { col?: number })[];
  rows: BarisUji[];
  /** Names of the levels by depth (default program, kegiatan, sub kegiatan). */
  levelNames?: (LevelName | null)[];
  layout?: LayoutId;
  /** Spreadsheet numbers stay numbers (an xlsx / Excel sheet) rather than CSV text. */
  typed?: boolean;
  /** Put a column-number row ("1", "2", …) under the header. */
  numberRow?: boolean;
}

const DEFAULT_LEVELS: LevelName[] = ['program', 'kegiatan', 'sub-kegiatan'];

/** A one-table sheet from a compact description; the header is row 1. */
export function buatTabel(spec: SpecUji): TabelUji {
  const columns = spec.columns.map((c, i) => ({ ...c, col: c.col ?? i }) as TableColumn);
  const width = Math.max(...columns.map((c) => c.col + 1), ...spec.rows.map((r) => r.cells.length));
  const header: CellValue[] = new Array(width).fill(null);
  for (const c of columns) header[c.col] = c.header;
  const values: CellValue[][] = [header];
  if (spec.numberRow) values.push(header.map((_, i) => String(i + 1)));
  const bodyTop = values.length;
  for (const r of spec.rows) values.push(r.cells.slice());
  const sheet: Sheet = { name: spec.sheetName ?? 'Tabel', values, typed: spec.typed ?? false };
  return susunTabel(sheet, {
    headerTop: 0,
    headerBottom: 0,
    numberRow: spec.numberRow ? 1 : null,
    bodyTop,
    columns,
    rows: spec.rows,
    levelNames: spec.levelNames ?? DEFAULT_LEVELS,
    layout: spec.layout ?? 'tidak-dikenal',
  });
}

export interface Klasifikasi {
  kind: RowKind;
  level?: number | null;
  levelName?: LevelName | null;
  continuation?: boolean;
  kode?: string | null;
  nomor?: string | null;
}

/**
 * A Table over an existing sheet (a fixture): `classify` tells each body row's kind and level,
 * as a hand reading of the printed table would.
 */
export function tabelDariLembar(
  sheet: Sheet,
  spec: {
    bodyTop: number;
    numberRow?: number | null;
    columns: (Omit<TableColumn, 'col'> & { col: number })[];
    classify: (cells: CellValue[], row: number) => Klasifikasi;
    levelNames?: (LevelName | null)[];
    layout?: LayoutId;
  },
): TabelUji {
  const rows: BarisUji[] = [];
  for (let r = spec.bodyTop; r < sheet.values.length; r++) {
    const k = spec.classify(sheet.values[r], r);
    rows.push({ cells: sheet.values[r], level: k.level ?? null, ...k });
  }
  return susunTabel(sheet, {
    headerTop: 0,
    headerBottom: Math.max(0, (spec.numberRow ?? spec.bodyTop) - 1),
    numberRow: spec.numberRow ?? null,
    bodyTop: spec.bodyTop,
    columns: spec.columns as TableColumn[],
    rows,
    levelNames: spec.levelNames ?? DEFAULT_LEVELS,
    layout: spec.layout ?? 'tidak-dikenal',
  });
}

function susunTabel(
  sheet: Sheet,
  s: {
    headerTop: number;
    headerBottom: number;
    numberRow: number | null;
    bodyTop: number;
    columns: TableColumn[];
    rows: BarisUji[];
    levelNames: (LevelName | null)[];
    layout: LayoutId;
    hierarchy?: Table['hierarchy'];
    /** The range's last column, when it is wider than the described columns. */
    lastCol?: number;
    options?: CheckOptions;
    skala?: Skala | null;
  },
): TabelUji {
  const rows: TableRow[] = [];
  // Open ancestors by depth, per block: what a parent derived from levels means.
  let stack: number[] = [];
  let block = 0;
  let lastNode: number | null = null;
  s.rows.forEach((b, i) => {
    const row = s.bodyTop + i;
    if (b.kind === 'section') {
      block = row;
      stack = [];
      lastNode = null;
    }
    let parent: number | null = null;
    let level = b.level;
    if (b.kind === 'data' && b.continuation) {
      parent = lastNode;
      level = lastNode === null ? null : rows[lastNode - s.bodyTop].level;
    } else if (b.kind === 'data' && level !== null) {
      stack.length = Math.min(stack.length, level);
      parent = level > 0 && stack.length >= level ? stack[level - 1] : null;
      stack[level] = row;
      lastNode = row;
    } else if (b.kind === 'data') {
      lastNode = row;
    }
    if (b.kind !== 'data') lastNode = null;
    if (b.parent !== undefined) parent = b.parent;
    const levelName =
      b.levelName !== undefined ? b.levelName : b.kind === 'data' && level !== null ? (s.levelNames[level] ?? null) : null;
    rows.push({
      row,
      kind: b.kind,
      level: b.kind === 'data' ? level : null,
      levelName,
      parent,
      kode: b.kode ?? null,
      nomor: b.nomor ?? null,
      continuation: b.continuation ?? false,
      gapBefore: b.gapBefore ?? false,
      block,
    });
  });
  const lastCol = s.lastCol ?? Math.max(...s.columns.map((c) => c.col));
  const table: Table = {
    sheet: sheet.name,
    range: `${a1(sheet, s.headerTop, 0)}:${a1(sheet, sheet.values.length - 1, lastCol)}`,
    layout: s.layout,
    confidence: 1,
    headerTop: s.headerTop,
    headerBottom: s.headerBottom,
    numberRow: s.numberRow,
    columns: s.columns,
    rows,
    hierarchy: s.hierarchy ?? 'nomor',
  };
  const workbook: Workbook = { name: 'uji', sheets: [sheet] };
  return { workbook, sheet, table, ctx: createContext(workbook, sheet, table, s.options ?? {}, s.skala ?? null) };
}

/** Several tables in one workbook, each with a context that sees that workbook. */
export function satuBuku(tables: TabelUji[]): TabelUji[] {
  const workbook: Workbook = { name: 'uji', sheets: [] };
  for (const t of tables) if (!workbook.sheets.includes(t.sheet)) workbook.sheets.push(t.sheet);
  return tables.map((t) => ({ ...t, workbook, ctx: createContext(workbook, t.sheet, t.table, {}, null) }));
}

// ---------------------------------------------------------------------------------------------
// The fixture tables of test/fixtures/dokumen, read by hand: their rows' levels come from the
// printed numbering or kode exactly as a planner reads them. The sheet is passed in so that
// this file stays free of file access.

const text = (c: CellValue | undefined): string => (c === null || c === undefined ? '' : String(c).trim());

/** Renja Kab. Malang 2024 Tabel 2.3 (T-C.31): I. program, 1. kegiatan, 1.1 sub kegiatan, T O T A L. */
export function malangTabel23(sheet: Sheet): TabelUji {
  return tabelDariLembar(sheet, {
    bodyTop: 2,
    numberRow: 1,
    layout: 'renja-tc31',
    columns: [
      { ...kolom('No', 'nomor'), col: 0 },
      { ...kolom('Program/Kegiatan/ Sub Kegiatan', 'uraian', { group: 'Rancangan Awal RKPD' }), col: 1 },
      { ...kolom('Target Capaian', 'target', { group: 'Rancangan Awal RKPD' }), col: 4 },
      { ...kolom('Pagu indikatif (Rp.)', 'pagu', { group: 'Rancangan Awal RKPD' }), col: 5 },
      { ...kolom('Program/Kegiatan/ Sub Kegiatan', 'uraian', { group: 'Hasil Analisis Kebutuhan' }), col: 6 },
      { ...kolom('Target Capaian', 'target', { group: 'Hasil Analisis Kebutuhan' }), col: 9 },
      { ...kolom('Kebutuhan dana (Rp.)', 'kebutuhan', { group: 'Hasil Analisis Kebutuhan' }), col: 10 },
      { ...kolom('Catatan Penting', 'keterangan'), col: 11 },
    ],
    classify: (cells) => {
      const no = text(cells[0]);
      if (no === '') return /total/i.test(text(cells[1]).replace(/\s/g, '')) ? { kind: 'total' } : { kind: 'blank' };
      if (/^[ivxlc]+\.?$/i.test(no)) return { kind: 'data', level: 0, nomor: no };
      if (/^\d+\.?$/.test(no)) return { kind: 'data', level: 1, nomor: no };
      return { kind: 'data', level: 2, nomor: no };
    },
  });
}

/** Renja Kab. Magetan 2022 T-C.33: five kode cells give urusan … sub kegiatan; pagu 2022 and 2023. */
export function magetanTC33(sheet: Sheet): TabelUji {
  return tabelDariLembar(sheet, {
    bodyTop: 1,
    layout: 'renja-tc33',
    levelNames: ['urusan', 'bidang', 'program', 'kegiatan', 'sub-kegiatan'],
    columns: [
      { ...kolom('Kode (Urusan)', 'kode-urusan'), col: 0 },
      { ...kolom('Kode (Bidang Urusan)', 'kode-bidang'), col: 1 },
      { ...kolom('Kode (Program)', 'kode-program'), col: 2 },
      { ...kolom('Kode (Kegiatan)', 'kode-kegiatan'), col: 3 },
      { ...kolom('Kode (Sub Kegiatan)', 'kode-sub'), col: 4 },
      { ...kolom('Urusan/ Bidang Urusan/ Program/ Kegiatan/ Sub Kegiatan', 'uraian'), col: 5 },
      { ...kolom('Indikator', 'indikator'), col: 6 },
      { ...kolom('Target 2022', 'target', { period: '2022' }), col: 7 },
      { ...kolom('Pagu Indikatif', 'pagu', { period: '2022' }), col: 8 },
      { ...kolom('Lokasi', 'lokasi'), col: 9 },
      { ...kolom('Sumber Dana', 'sumber-dana'), col: 10 },
      { ...kolom('Target', 'target', { period: '2023' }), col: 11 },
      { ...kolom('Pagu Indikatif', 'pagu', { period: '2023' }), col: 12 },
    ],
    classify: (cells) => {
      const parts = [0, 1, 2, 3, 4].map((i) => text(cells[i])).filter((s) => s !== '');
      return { kind: 'data', level: parts.length - 1, kode: parts.join('.') };
    },
  });
}

/** LKjIP Kab. Magetan 2024 Tabel 3.9 realisasi anggaran: 1. program, 1.1 kegiatan, TOTAL. */
export function magetanRealisasiAnggaran(sheet: Sheet): TabelUji {
  return tabelDariLembar(sheet, {
    bodyTop: 1,
    layout: 'lkjip-anggaran',
    columns: [
      { ...kolom('No.', 'nomor'), col: 0 },
      { ...kolom('Program/Kegiatan', 'uraian'), col: 1 },
      { ...kolom('Bidang Pengampu', 'pj'), col: 2 },
      { ...kolom('Anggaran (Rp)', 'anggaran'), col: 3 },
      { ...kolom('Realisasi (Rp)', 'realisasi-rp'), col: 4 },
      { ...kolom('% Capaian', 'serapan'), col: 5 },
    ],
    classify: (cells) => {
      const no = text(cells[0]);
      if (/total/i.test(no)) return { kind: 'total' };
      return { kind: 'data', level: /^\d+\.?$/.test(no) ? 0 : 1, nomor: no };
    },
  });
}

/** LKjIP Kab. Magetan 2024 efisiensi per sasaran: the IKM row continues the SAKIP sasaran. */
export function magetanEfisiensi(sheet: Sheet): TabelUji {
  return tabelDariLembar(sheet, {
    bodyTop: 1,
    layout: 'lkjip-efisiensi',
    levelNames: ['sasaran'],
    columns: [
      { ...kolom('Sasaran', 'sasaran'), col: 0 },
      { ...kolom('Indikator Kinerja', 'indikator'), col: 1 },
      { ...kolom('Target', 'target', { group: 'Kinerja' }), col: 2 },
      { ...kolom('Realisasi', 'realisasi', { group: 'Kinerja' }), col: 3 },
      { ...kolom('% Capaian', 'capaian', { group: 'Kinerja' }), col: 4 },
      { ...kolom('Anggaran (Rp.)', 'anggaran', { group: 'Anggaran' }), col: 5 },
      { ...kolom('Realisasi (Rp.)', 'realisasi-rp', { group: 'Anggaran' }), col: 6 },
      { ...kolom('% Capaian', 'serapan', { group: 'Anggaran' }), col: 7 },
      { ...kolom('Tingkat Efisiensi', 'efisiensi'), col: 8 },
    ],
    classify: (cells) => {
      if (/efisiensi total/i.test(text(cells[0]))) return { kind: 'total' };
      if (text(cells[0]) === '') return { kind: 'data', continuation: true };
      return { kind: 'data', level: 0 };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Flat tables over an existing sheet: no levels, rows named by number (total, section,
// continuation), columns by position. For the checks that read columns, not the hierarchy.

export interface ColumnSpec {
  col: number;
  role: ColumnRole;
  header?: string;
  period?: string;
  group?: string;
  numberLabel?: string;
  numberFormula?: string;
}

export interface TableSpec {
  layout?: LayoutId;
  /** Last header row (0-based); body rows start after it, or after the number row. */
  headerBottom: number;
  numberRow?: number | null;
  columns: ColumnSpec[];
  /** 0-based rows of TOTAL / JUMLAH. */
  totalRows?: number[];
  /** 0-based rows of section headings inside the table (they start a new block). */
  sectionRows?: number[];
  /** 0-based rows that continue the node above (rowspan). */
  continuationRows?: number[];
}

export function sheetOf(
  values: CellValue[][],
  options: { name?: string; typed?: boolean; numberFormats?: (string | null)[][] } = {},
): Sheet {
  return {
    name: options.name ?? 'Lembar1',
    values,
    typed: options.typed ?? false,
    ...(options.numberFormats ? { numberFormats: options.numberFormats } : {}),
  };
}

function flatTable(sheet: Sheet, spec: TableSpec, options: CheckOptions = {}, skala: Skala | null = null): TabelUji {
  const bodyTop = Math.max(spec.headerBottom, spec.numberRow ?? -1) + 1;
  const rows: BarisUji[] = [];
  for (let row = bodyTop; row < sheet.values.length; row++) {
    const cells = sheet.values[row] ?? [];
    let kind: RowKind = cells.every((c) => c === null || c === '') ? 'blank' : 'data';
    if (spec.totalRows?.includes(row)) kind = 'total';
    if (spec.sectionRows?.includes(row)) kind = 'section';
    // A flat table has no parents, not even for a continuation row.
    rows.push({ kind, level: null, cells, continuation: spec.continuationRows?.includes(row) ?? false, parent: null });
  }
  const columns: TableColumn[] = spec.columns.map((c) => ({
    col: c.col,
    header: c.header ?? String(sheet.values[spec.headerBottom]?.[c.col] ?? ''),
    role: c.role,
    ...(c.period !== undefined ? { period: c.period } : {}),
    ...(c.group !== undefined ? { group: c.group } : {}),
    ...(c.numberLabel !== undefined ? { numberLabel: c.numberLabel } : {}),
    ...(c.numberFormula !== undefined ? { numberFormula: c.numberFormula } : {}),
    money: MONEY_ROLES.has(c.role),
  }));
  return susunTabel(sheet, {
    headerTop: 0,
    headerBottom: spec.headerBottom,
    numberRow: spec.numberRow ?? null,
    bodyTop,
    columns,
    rows,
    levelNames: [],
    layout: spec.layout ?? 'tidak-dikenal',
    hierarchy: 'flat',
    lastCol: Math.max(...sheet.values.map((r) => r.length), 1) - 1,
    options,
    skala,
  });
}

export function buildTable(sheet: Sheet, spec: TableSpec): Table {
  return flatTable(sheet, spec).table;
}

export function contextOf(sheet: Sheet, table: Table, options: CheckOptions = {}, skala: Skala | null = null): CheckContext {
  return createContext({ name: 'uji', sheets: [sheet] }, sheet, table, options, skala);
}

export function runCheck(
  check: TableCheck,
  sheet: Sheet,
  table: Table,
  options: CheckOptions = {},
  skala: Skala | null = null,
): Finding[] {
  return check(contextOf(sheet, table, options, skala));
}

/** Findings as compact "B4 rule severity" lines, for readable assertions. */
export function brief(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.cell} ${f.rule} ${f.severity}`);
}

/** Number-row labels "1".."n" for columns 0..n-1. */
function numbered(specs: ColumnSpec[]): ColumnSpec[] {
  return specs.map((c) => ({ ...c, numberLabel: String(c.col + 1) }));
}

/** The six fixture tables with the columns a planner would name, built by hand. */
export const FIXTURE_TABLES: Record<FixtureName, TableSpec> = {
  lkjip_magetan_2024_capaian: {
    layout: 'lkjip-capaian',
    headerBottom: 0,
    columns: [
      { col: 0, role: 'sasaran' },
      { col: 1, role: 'indikator' },
      { col: 2, role: 'target' },
      { col: 3, role: 'realisasi' },
      { col: 4, role: 'capaian' },
      { col: 5, role: 'predikat' },
      { col: 6, role: 'sumber-data' },
    ],
    continuationRows: [6],
  },
  lkjip_magetan_2024_efisiensi_sasaran: {
    layout: 'lkjip-efisiensi',
    headerBottom: 0,
    columns: [
      { col: 0, role: 'sasaran' },
      { col: 1, role: 'indikator' },
      { col: 2, role: 'target', group: 'Indikator Kinerja' },
      { col: 3, role: 'realisasi', group: 'Indikator Kinerja' },
      { col: 4, role: 'capaian', group: 'Indikator Kinerja' },
      { col: 5, role: 'anggaran', group: 'Anggaran' },
      { col: 6, role: 'realisasi-rp', group: 'Anggaran' },
      { col: 7, role: 'serapan', group: 'Anggaran' },
      { col: 8, role: 'efisiensi' },
    ],
    continuationRows: [6],
    totalRows: [7],
  },
  lkjip_magetan_2024_realisasi_anggaran: {
    layout: 'lkjip-anggaran',
    headerBottom: 0,
    columns: [
      { col: 0, role: 'nomor' },
      { col: 1, role: 'uraian' },
      { col: 2, role: 'pj' },
      { col: 3, role: 'anggaran' },
      { col: 4, role: 'realisasi-rp' },
      { col: 5, role: 'serapan' },
    ],
    totalRows: [20],
  },
  renja_magetan_2022_tc29: {
    layout: 'renja-tc29',
    headerBottom: 0,
    numberRow: 1,
    columns: numbered([
      { col: 0, role: 'kode' },
      { col: 1, role: 'uraian' },
      { col: 2, role: 'indikator' },
      { col: 3, role: 'target', period: 'renstra' },
      { col: 4, role: 'realisasi', period: 's/d n-3' },
      { col: 5, role: 'target', period: 'n-2' },
      { col: 6, role: 'realisasi', period: 'n-2' },
      { col: 7, role: 'capaian', period: 'n-2' },
      { col: 8, role: 'target', period: 'n-1' },
      { col: 9, role: 'realisasi', period: 's/d n-1' },
      { col: 10, role: 'capaian', period: 'renstra' },
    ]),
    sectionRows: [41],
  },
  renja_magetan_2022_tc33: {
    layout: 'renja-tc33',
    headerBottom: 0,
    columns: [
      { col: 0, role: 'kode-urusan' },
      { col: 1, role: 'kode-bidang' },
      { col: 2, role: 'kode-program' },
      { col: 3, role: 'kode-kegiatan' },
      { col: 4, role: 'kode-sub' },
      { col: 5, role: 'uraian' },
      { col: 6, role: 'indikator' },
      { col: 7, role: 'target', period: 'n' },
      { col: 8, role: 'pagu', period: 'n' },
      { col: 9, role: 'lokasi' },
      { col: 10, role: 'sumber-dana' },
      { col: 11, role: 'target', period: 'n+1' },
      { col: 12, role: 'pagu', period: 'n+1' },
    ],
  },
  renja_malang_2024_tabel23_review_rkpd: {
    layout: 'renja-tc31',
    headerBottom: 0,
    numberRow: 1,
    columns: numbered([
      { col: 0, role: 'nomor' },
      { col: 1, role: 'uraian', group: 'Rancangan Awal RKPD' },
      { col: 2, role: 'lokasi', group: 'Rancangan Awal RKPD' },
      { col: 3, role: 'indikator', group: 'Rancangan Awal RKPD' },
      { col: 4, role: 'target', group: 'Rancangan Awal RKPD' },
      { col: 5, role: 'pagu', group: 'Rancangan Awal RKPD' },
      { col: 6, role: 'uraian', group: 'Hasil Analisis Kebutuhan' },
      { col: 7, role: 'lokasi', group: 'Hasil Analisis Kebutuhan' },
      { col: 8, role: 'indikator', group: 'Hasil Analisis Kebutuhan' },
      { col: 9, role: 'target', group: 'Hasil Analisis Kebutuhan' },
      { col: 10, role: 'kebutuhan', group: 'Hasil Analisis Kebutuhan' },
      { col: 11, role: 'keterangan' },
    ]),
    totalRows: [75],
  },
};

export function fixtureTable(name: FixtureName): { sheet: Sheet; table: Table } {
  const sheet = loadFixture(name);
  return { sheet, table: buildTable(sheet, FIXTURE_TABLES[name]) };
}
