import { Skala } from '../../core/fungsi/skala';
import { a1, CellValue, Sheet } from '../../core/lembar/model';
import { ColumnRole, LayoutId, MONEY_ROLES, Table, TableColumn, TableRow } from '../../core/tabel/model';
import { FixtureName, loadFixture } from '../fixtures/muat';
import { CheckContext, CheckOptions, createContext, TableCheck } from '../../core/periksa/konteks';
import { Finding } from '../../core/periksa/temuan';

/**
 * Test helper for the row checks: tables built by hand, the way findTables describes them,
 * so the checks can be tested on exact fixture rows independently of table finding.
 */

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

export function buildTable(sheet: Sheet, spec: TableSpec): Table {
  const width = Math.max(...sheet.values.map((r) => r.length), 1);
  const start = Math.max(spec.headerBottom, spec.numberRow ?? -1) + 1;
  const rows: TableRow[] = [];
  let block = 0;
  for (let row = start; row < sheet.values.length; row++) {
    const cells = sheet.values[row] ?? [];
    const blank = cells.every((c) => c === null || c === '');
    let kind: TableRow['kind'] = blank ? 'blank' : 'data';
    if (spec.totalRows?.includes(row)) kind = 'total';
    if (spec.sectionRows?.includes(row)) {
      kind = 'section';
      block = rows.length;
    }
    rows.push({
      row,
      kind,
      level: null,
      levelName: null,
      parent: null,
      kode: null,
      nomor: null,
      continuation: spec.continuationRows?.includes(row) ?? false,
      gapBefore: false,
      block,
    });
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
  return {
    sheet: sheet.name,
    range: `A1:${a1(sheet, sheet.values.length - 1, width - 1)}`,
    layout: spec.layout ?? 'tidak-dikenal',
    confidence: 1,
    headerTop: 0,
    headerBottom: spec.headerBottom,
    numberRow: spec.numberRow ?? null,
    columns,
    rows,
    hierarchy: 'flat',
  };
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
