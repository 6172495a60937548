import { parseCell } from '../angka/parse';
import { buildHierarchy, parseNomor } from '../hierarki';
import { a1, Sheet } from '../lembar/model';
import { BodyRow, scanBody } from './badan';
import { CellClass, Grid } from './grid';
import { classifyLayout } from './jenis';
import { flattenHeader, headerBand, isHeaderRow } from './kepala';
import { ColumnRole, MONEY_ROLES, Table, TableColumn } from '../tabel/model';
import { NumberLabel, readNumberRow } from './nomor-kolom';
import { assignPeriods } from './periode';
import { inferParentSums, inferRelations, settleByNumbers, settleLabelColumns } from './relasi';
import { roleFromHeader, RoleGuess } from './peran';

export { isTotalLabel } from './badan';
export { parseNumberLabel, normalizeFormula } from './nomor-kolom';
export { roleFromHeader, quarterOf } from './peran';
export { classifyLayout } from './jenis';

/** Rows looked at below a header row to tell where side-by-side tables are separated. */
const SEGMENT_LOOKAHEAD = 20;
/** Rows below the header that decide whether a column with a blank header belongs to the table. */
const BLANK_HEADER_SAMPLE = 6;
/** Body cells sampled per column when the header leaves the role open. */
const SAMPLE = 30;

/**
 * Every table on a sheet: header rows wherever they are, several tables one below the other
 * or side by side, each with its layout, column roles and row hierarchy. Never throws: a sheet
 * it cannot read gives no tables.
 */
export function findTables(sheet: Sheet): Table[] {
  try {
    return find(sheet);
  } catch {
    return [];
  }
}

function find(sheet: Sheet): Table[] {
  const grid = new Grid(sheet);
  const tables: Table[] = [];
  let floor = -1;
  let r = 0;
  while (r < grid.height) {
    if (grid.count(r) < 2 || !isHeaderRow(grid, r, 0, grid.width - 1)) {
      r++;
      continue;
    }
    let end = -1;
    for (const [c0, c1] of segments(grid, r)) {
      const built = tryBuildTable(grid, r, c0, c1, floor);
      if (built === null) continue;
      tables.push(built.table);
      end = Math.max(end, built.end);
    }
    if (end < r) {
      r++;
      continue;
    }
    floor = end;
    r = end + 1;
  }
  return tables;
}

/**
 * Column spans of the tables whose header is on row r: runs of used columns split by a
 * column left empty in the header and the rows below, when each run is a header by itself.
 */
function segments(grid: Grid, r: number): [number, number][] {
  const last = Math.min(grid.height - 1, r + SEGMENT_LOOKAHEAD);
  const used = new Uint8Array(grid.width);
  for (let k = r; k <= last; k++) {
    for (let c = 0; c < grid.width; c++) if (!used[c] && grid.cls(k, c) !== CellClass.Empty) used[c] = 1;
    for (const m of grid.merges(k)) for (let c = m.left; c <= Math.min(m.right, grid.width - 1); c++) used[c] = 1;
  }
  const runs: [number, number][] = [];
  for (let c = 0; c < grid.width; c++) {
    if (!used[c]) continue;
    const start = c;
    while (c + 1 < grid.width && used[c + 1]) c++;
    runs.push([start, c]);
  }
  if (runs.length === 0) return [];
  const headers = runs.filter(([a, b]) => isHeaderRow(grid, r, a, b));
  if (headers.length < 2) return [[runs[0][0], runs[runs.length - 1][1]]];
  // Runs that are not headers themselves (a stray note column) belong to the table on their left.
  return headers.map(([a], i) => {
    const nextStart = i + 1 < headers.length ? headers[i + 1][0] : grid.width;
    let b = a;
    for (const [x, y] of runs) if (x >= a && y < nextStart) b = Math.max(b, y);
    return [a, b] as [number, number];
  });
}

interface Draft {
  col: number;
  parts: string[];
  guess: RoleGuess;
  label?: NumberLabel;
}

/** One table that cannot be read must not cost the others on the sheet. */
function tryBuildTable(grid: Grid, r: number, c0: number, c1: number, floor: number): { table: Table; end: number } | null {
  try {
    return buildTable(grid, r, c0, c1, floor);
  } catch {
    return null;
  }
}

function buildTable(grid: Grid, r: number, c0: number, c1: number, floor: number): { table: Table; end: number } | null {
  const band = headerBand(grid, r, c0, c1, floor);
  const flat = flattenHeader(grid, band.top, band.bottom, c0, c1);
  let first = flat.findIndex((p) => p.length > 0);
  let last = flat.length - 1;
  while (last >= 0 && flat[last].length === 0) last--;
  if (first < 0) return null;
  first += c0;
  last += c0;
  // A column whose header cell was left blank ("No" typed only in the body) still belongs
  // to the table when the rows right below the header fill it.
  while (first > c0 && filledBelowHeader(grid, band.bottom, first - 1, first, last)) first--;
  while (last < c1 && filledBelowHeader(grid, band.bottom, last + 1, first, last)) last++;

  const numberRow = band.bottom + 1 < grid.height ? band.bottom + 1 : null;
  const labels = numberRow === null ? null : readNumberRow(grid, numberRow, first, last);
  const drafts: Draft[] = [];
  for (let c = first; c <= last; c++) {
    const parts = flat[c - c0];
    drafts.push({ col: c, parts, guess: roleFromHeader(parts) });
  }
  if (labels !== null) spreadNumberLabels(grid, numberRow as number, drafts, labels);
  extendKodeOverBlankHeaders(grid, drafts, (labels !== null ? (numberRow as number) : band.bottom) + 1);
  splitRepeatedKode(drafts);
  for (const d of drafts) {
    if (
      d.parts.length === 0 &&
      !d.guess.role.startsWith('kode') &&
      numberedBelow(grid, (labels !== null ? (numberRow as number) : band.bottom) + 1, d.col)
    ) {
      d.guess = { ...d.guess, role: 'nomor' };
    }
  }

  const labelCols = drafts
    .filter((d, i) => isLabelRole(d.guess.role) && (d.guess.role !== 'uraian' || firstOf(drafts, 'uraian') === i))
    .map((d) => d.col);
  const bodyStart = (labels !== null ? (numberRow as number) : band.bottom) + 1;
  const body = scanBody(
    { grid, c0: first, c1: last, headerTop: band.top, headerBottom: band.bottom, numberLabels: labels, labelCols },
    bodyStart,
  );
  if (!body.some((b) => b.kind === 'data' || b.kind === 'total')) return null;

  refineRoles(grid, drafts, body);
  const columns: TableColumn[] = drafts.map((d) => toColumn(d));
  const guess = classifyLayout(columns);
  if (guess.layout === 'skala') settleScaleLabels(columns);
  const periodCols = columns.map((c, i) => ({ role: c.role, parts: drafts[i].parts, period: undefined as string | undefined }));
  assignPeriods(periodCols, guess.layout);
  periodCols.forEach((p, i) => {
    if (p.period !== undefined) columns[i].period = p.period;
  });

  const { rows, hierarchy } = buildHierarchy({ sheet: grid.sheet, columns, body });
  const relations = inferRelations(grid.sheet, columns, rows);
  settleByNumbers(columns, relations);
  relations.push(...inferParentSums(grid.sheet, columns, rows));
  settleLabelColumns(grid.sheet, columns, rows);
  const end = body.length > 0 ? body[body.length - 1].row : bodyStart - 1;
  return {
    end,
    table: {
      sheet: grid.sheet.name,
      range: `${a1(grid.sheet, band.top, first)}:${a1(grid.sheet, end, last)}`,
      layout: guess.layout,
      confidence: Math.round(guess.confidence * 100) / 100,
      headerTop: band.top,
      headerBottom: band.bottom,
      numberRow: labels !== null ? numberRow : null,
      columns,
      rows,
      hierarchy,
      relations,
    },
  };
}

function filledBelowHeader(grid: Grid, bottom: number, col: number, first: number, last: number): boolean {
  let filled = 0;
  for (let r = bottom + 1; r <= bottom + BLANK_HEADER_SAMPLE && r < grid.height; r++) {
    // Stop at the end of this table: a blank row or the next table's header.
    if (grid.isBlank(r, first, last) || isHeaderRow(grid, r, first, last)) break;
    if (grid.cls(r, col) !== CellClass.Empty) filled++;
  }
  return filled >= 2;
}

const KODE_CHAIN: ColumnRole[] = ['kode-urusan', 'kode-bidang', 'kode-program', 'kode-kegiatan', 'kode-sub'];

/**
 * "Kode" merged over five columns (or over unlabelled "U BU P K SK" cells) is the five-cell
 * kode: the adjacent kode columns take the levels in order.
 */
function splitRepeatedKode(drafts: Draft[]): void {
  for (let i = 0; i < drafts.length; i++) {
    if (drafts[i].guess.role !== 'kode') continue;
    let j = i;
    while (j + 1 < drafts.length && drafts[j + 1].guess.role === 'kode') j++;
    const n = j - i + 1;
    if (n >= 2 && n <= KODE_CHAIN.length) {
      for (let k = 0; k < n; k++) drafts[i + k].guess = { ...drafts[i + k].guess, role: KODE_CHAIN[k] };
    }
    i = j;
  }
}

const KODE_PART = /^\d{1,4}(\.\d{1,4})?$/;

/**
 * "Kode" typed once over its five parts when the merge was lost (a table converted from PDF, a
 * CSV export): the blank-header columns right of it whose cells are code parts ("06", "2.01",
 * "0001") continue the kode, instead of passing for numbering columns.
 */
function extendKodeOverBlankHeaders(grid: Grid, drafts: Draft[], bodyStart: number): void {
  for (let i = 0; i < drafts.length; i++) {
    if (drafts[i].guess.role !== 'kode' || drafts[i].parts.length === 0) continue;
    for (let j = i + 1; j < drafts.length && j <= i + KODE_CHAIN.length - 1 && drafts[j].parts.length === 0; j++) {
      if (!codePartsBelow(grid, bodyStart, drafts[j].col)) break;
      drafts[j].guess = { ...drafts[j].guess, role: 'kode' };
    }
  }
}

function codePartsBelow(grid: Grid, start: number, col: number): boolean {
  let seen = 0;
  for (let r = start; r < start + BLANK_HEADER_SAMPLE * 2 && r < grid.height; r++) {
    if (grid.cls(r, col) === CellClass.Empty) continue;
    const v = grid.value(r, col);
    if (!KODE_PART.test(String(v).trim())) return false;
    seen++;
  }
  return seen >= 1;
}

/** A column without a header whose first cells are row numbers (1., 1.1, II) is the No column. */
function numberedBelow(grid: Grid, start: number, col: number): boolean {
  let seen = 0;
  let numbered = 0;
  for (let r = start; r < start + BLANK_HEADER_SAMPLE * 2 && r < grid.height; r++) {
    if (grid.cls(r, col) === CellClass.Empty) continue;
    seen++;
    if (parseNomor(grid.value(r, col)) !== null) numbered++;
  }
  return seen >= 2 && numbered >= seen * 0.8;
}

function firstOf(drafts: Draft[], role: string): number {
  return drafts.findIndex((d) => d.guess.role === role);
}

function isLabelRole(role: string): boolean {
  return role === 'nomor' || role === 'uraian' || role === 'sasaran' || role.startsWith('kode');
}

function toColumn(d: Draft): TableColumn {
  const col: TableColumn = {
    col: d.col,
    header: d.parts.join(' | '),
    role: d.guess.role,
    money: MONEY_ROLES.has(d.guess.role),
  };
  if (d.parts.length > 1) col.group = d.parts.slice(0, -1).join(' | ');
  if (d.guess.quarter !== undefined) col.quarter = d.guess.quarter;
  if (d.label !== undefined) {
    col.numberLabel = d.label.label;
    col.columnNumber = d.label.number;
    if (d.label.formula !== null) col.numberFormula = d.label.formula;
  }
  return col;
}

/**
 * A column number printed once over merged sub-columns (E.81: "5" over K and Rp) belongs to
 * each of them; in CSV the merge is lost, so an unnumbered sub-column of the same group
 * takes the number on its left.
 */
function spreadNumberLabels(grid: Grid, row: number, drafts: Draft[], labels: Map<number, NumberLabel>): void {
  const byCol = new Map<number, Draft>(drafts.map((d) => [d.col, d]));
  for (const [c, l] of labels) {
    const d = byCol.get(c);
    if (d !== undefined) d.label = l;
    const m = grid.mergeAt(row, c);
    if (m === null) continue;
    for (let k = m.left; k <= m.right; k++) {
      const e = byCol.get(k);
      if (e !== undefined && e.label === undefined) e.label = l;
    }
  }
  for (let i = 1; i < drafts.length; i++) {
    const d = drafts[i];
    const left = drafts[i - 1];
    if (d.label !== undefined || left.label === undefined || grid.cls(row, d.col) !== CellClass.Empty) continue;
    const g = d.parts.slice(0, -1).join('|');
    if (g !== '' && g === left.parts.slice(0, -1).join('|')) d.label = left.label;
  }
}

/**
 * Settle what the headers leave open, from the table's other columns and a sample of its
 * cells: "% Capaian" in a budget table is serapan; "Realisasi" next to a pagu and holding
 * rupiah is realisasi-rp; "TW I" holding rupiah is tw-rp.
 */
function refineRoles(grid: Grid, drafts: Draft[], body: BodyRow[]): void {
  const has = (role: string) => drafts.some((d) => d.guess.role === role);
  const budget = (has('anggaran') || has('pagu')) && has('realisasi-rp');
  drafts.forEach((d, i) => {
    const g = d.guess;
    const group = d.parts.slice(0, -1).join(' ').toLowerCase();
    const kinerja = group.includes('kinerja') || group.includes('fisik');
    if (g.role === 'capaian' && budget && !kinerja && !has('target') && !has('realisasi')) g.role = 'serapan';
    if (g.role === 'realisasi' && g.percent && !kinerja && i > 0) {
      const left = drafts[i - 1].guess.role;
      if (left === 'realisasi-rp' || left === 'sisa') g.role = 'serapan';
    }
    if (g.role === 'realisasi' && !g.percent && !kinerja && (has('pagu') || has('anggaran')) && !has('realisasi-rp')) {
      if (mostlyMoney(grid, d.col, body)) g.role = 'realisasi-rp';
    }
    if (g.quarterUnsure && mostlyMoney(grid, d.col, body)) g.role = 'tw-rp';
  });
}

function mostlyMoney(grid: Grid, col: number, body: BodyRow[]): boolean {
  let seen = 0;
  let money = 0;
  for (const b of body) {
    if (b.kind !== 'data' || grid.cls(b.row, col) !== CellClass.Value) continue;
    const p = parseCell(grid.value(b.row, col));
    if (p.value === null) continue;
    seen++;
    if (p.kind === 'money' || (p.unit === null && p.kind !== 'percent' && p.value.abs().gte(100000))) money++;
    if (seen >= SAMPLE) break;
  }
  return seen > 0 && money >= seen * 0.6;
}

/** In a scale table the label column may be headed "Keterangan": it is the predikat. */
function settleScaleLabels(columns: TableColumn[]): void {
  if (columns.some((c) => c.role === 'predikat')) return;
  const label = columns.find((c) => c.role === 'keterangan' || c.role === 'lainnya');
  if (label !== undefined) label.role = 'predikat';
}
