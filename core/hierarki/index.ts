import { cellText, Sheet } from '../lembar/model';
import { ColumnRole, LEVEL_NAMES, LevelName, RowKind, Table, TableColumn, TableRow } from '../tabel/model';
import { wordLevel } from './kata';
import { kodeUnder, looksLikeGovernmentKode, parseKodeCell, parseKodeCells, ParsedKode } from './kode';
import { leadingNomor, parseNomor, ParsedNomor } from './nomor';

export { parseNomor, leadingNomor } from './nomor';
export type { ParsedNomor, NomorShape } from './nomor';
export { parseKodeCell, parseKodeCells, kodeUnder, kodeCellProblems, kodeCellsProblems, looksLikeGovernmentKode } from './kode';
export type { ParsedKode, KodeProblem, KodeProblemCode } from './kode';
export { wordLevel } from './kata';

/**
 * Row hierarchy (docs/hierarki.md): which body rows are programs, kegiatan, sub kegiatan, their
 * parents, continuation rows, and gaps where rows were lost. Levels come from the kode, the
 * numbering, the words of the names and bold type, in that order of trust; rows are keyed on
 * position and parent, never on a code alone.
 */

export interface HierarchyInput {
  sheet: Sheet;
  columns: readonly TableColumn[];
  body: readonly { row: number; kind: RowKind }[];
}

export interface HierarchyResult {
  rows: TableRow[];
  hierarchy: Table['hierarchy'];
}

const KODE_ROLE_LEVEL: Partial<Record<ColumnRole, LevelName>> = {
  'kode-urusan': 'urusan',
  'kode-bidang': 'bidang',
  'kode-program': 'program',
  'kode-kegiatan': 'kegiatan',
  'kode-sub': 'sub-kegiatan',
};

const LEVEL_ORDER = new Map<LevelName, number>(LEVEL_NAMES.map((n, i) => [n, i]));
/** The chain a Renja table nests: urusan → bidang → program → kegiatan → sub kegiatan. */
const CHAIN: LevelName[] = ['urusan', 'bidang', 'program', 'kegiatan', 'sub-kegiatan'];

interface Columns {
  nomor: number | null;
  kodeCell: number | null;
  kodeCells: { col: number; level: LevelName }[];
  kodeLevels: LevelName[];
  uraian: number | null;
  sasaran: number | null;
  labels: number[];
}

interface RowFacts {
  nomor: ParsedNomor | null;
  nomorText: string | null;
  kode: ParsedKode | null;
  word: LevelName | null;
  bold: boolean;
  labelsBlank: boolean;
}

export function buildHierarchy(input: HierarchyInput): HierarchyResult {
  const cols = pickColumns(input.columns);
  const text = (r: number, c: number | null): string => (c === null ? '' : cellText(input.sheet.values[r]?.[c]));
  // Account codes (4, 4.1, 4.1.02.01) skip levels and numbers by design: no gap is claimed,
  // and they are read as numbering (every segment a level), never as Renja kode, even when
  // zero-padded parts (4.1.04.16.01) make them look like one.
  const kodeAccounts = cols.kodeCell !== null && cols.nomor === null && accountCodeColumn(input, cols.kodeCell);
  const kodeAsNomor = cols.kodeCell !== null && cols.nomor === null && (kodeAccounts || !governmentKodeColumn(input, cols.kodeCell));
  const codeCol = cols.nomor ?? (kodeAsNomor ? cols.kodeCell : null);
  const accounts = kodeAccounts || (codeCol !== null && accountCodeColumn(input, codeCol));

  const facts: (RowFacts | null)[] = input.body.map((b) =>
    b.kind === 'data' ? readFacts(input.sheet, cols, b.row, text, kodeAsNomor) : null,
  );
  if (accounts) {
    // Every segment of an account code is a level (4 / 4.1 / 4.1.1 / 4.1.1.01 / 4.1.1.01.07).
    for (const f of facts) if (f?.nomor) f.nomor = { ...f.nomor, rank: f.nomor.parts.length };
  }
  const continuation = markContinuations(input, cols, facts);

  const leading = facts.filter((f, i) => f !== null && !continuation[i]) as RowFacts[];
  const n = leading.length;
  const kodeRows = leading.filter((f) => f.kode !== null).length;
  const nomorRows = leading.filter((f) => f.nomor !== null).length;
  const wordRows = leading.filter((f) => f.word !== null).length;
  const ranks = new Set(leading.filter((f) => f.nomor !== null).map((f) => (f.nomor as ParsedNomor).rank));

  let hierarchy: Table['hierarchy'];
  if (n > 0 && kodeRows >= n * 0.5) hierarchy = 'kode';
  else if (n > 0 && nomorRows >= n * 0.5 && ranks.size >= 2) hierarchy = 'nomor';
  else if (wordRows > 0) hierarchy = 'kata';
  else if (cols.sasaran !== null && continuation.some(Boolean)) hierarchy = 'rowspan';
  else hierarchy = 'flat';

  const names = accounts ? accountLevelNames(facts, continuation) : levelNames(hierarchy, facts, continuation);
  const present = [...new Set(names.filter((x): x is LevelName => x !== null))].sort(
    (a, b) => (LEVEL_ORDER.get(a) as number) - (LEVEL_ORDER.get(b) as number),
  );
  const levelOf = new Map<LevelName, number>(present.map((name, i) => [name, i]));
  const trackNomor = n > 0 && nomorRows >= n * 0.5 && !accounts;

  const rows: TableRow[] = [];
  const walker = new Walker((hierarchy === 'kode' || hierarchy === 'nomor') && !accounts, trackNomor, hierarchy === 'kode');
  let block = 0;
  let lastLeading: TableRow | null = null;
  input.body.forEach((b, i) => {
    // A label row between a kegiatan and its sub kegiatan ("Sub-Kegiatan :", as SIPD and
    // SAKIP exports print) is not a new block: the link across it stays.
    if (b.kind === 'section' && !isLevelLabelRow(input.sheet, b.row)) {
      block++;
      walker.reset();
      lastLeading = null;
    }
    const f = facts[i];
    const base: TableRow = {
      row: b.row,
      kind: b.kind,
      level: null,
      levelName: null,
      parent: null,
      kode: null,
      nomor: null,
      continuation: false,
      gapBefore: false,
      block,
    };
    if (f === null) {
      rows.push(base);
      return;
    }
    base.kode = f.kode?.text ?? null;
    base.nomor = f.nomorText;
    if (continuation[i] && lastLeading !== null) {
      const of: TableRow = lastLeading;
      base.continuation = true;
      base.level = of.level;
      base.levelName = of.levelName;
      base.parent = of.parent;
      rows.push(base);
      return;
    }
    const name = names[i];
    base.levelName = name;
    base.level = name === null ? null : (levelOf.get(name) as number);
    const placed = walker.place(b.row, base.level, f, present.length > 0 ? 0 : null);
    base.parent = placed.parent;
    base.gapBefore = placed.gap;
    rows.push(base);
    lastLeading = base;
  });
  return { rows, hierarchy };
}

function pickColumns(columns: readonly TableColumn[]): Columns {
  const first = (role: ColumnRole) => columns.find((c) => c.role === role)?.col ?? null;
  const kodeCells = columns
    .filter((c) => KODE_ROLE_LEVEL[c.role] !== undefined)
    .map((c) => ({ col: c.col, level: KODE_ROLE_LEVEL[c.role] as LevelName }))
    .sort((a, b) => a.col - b.col);
  const out: Columns = {
    nomor: first('nomor'),
    kodeCell: first('kode'),
    kodeCells,
    kodeLevels: kodeCells.map((k) => k.level),
    uraian: first('uraian'),
    sasaran: first('sasaran'),
    labels: [],
  };
  const labels = [out.nomor, out.kodeCell, ...kodeCells.map((k) => k.col), out.uraian, out.sasaran];
  out.labels = labels.filter((c): c is number => c !== null);
  return out;
}

const LEVEL_LABEL_ROW = /^(sub[\s-]*kegiatan|kegiatan|program|indikator|sasaran|urusan|bidang(\s+urusan)?)\s*:?\s*$/i;

function isLevelLabelRow(sheet: Sheet, row: number): boolean {
  const values = sheet.values[row] ?? [];
  const texts = values.map((v) => cellText(v)).filter((t) => t !== '');
  return texts.length === 1 && LEVEL_LABEL_ROW.test(texts[0]);
}

/**
 * A column of account codes (Kode Rekening of an LRA or APBD: 4 pendapatan, 5 belanja,
 * 6 pembiayaan, Permendagri 90/2019): codes that all start with 4, 5 or 6 and whose second
 * part is one digit (kelompok 4.1 … 4.4, 5.1 … 5.4, 6.1, 6.2). Not by the header: a Renja
 * heads its kode "Kode Rekening" too, and a Renja of a Sekretariat Daerah (4.01), Bappeda
 * (5.01) or Inspektorat (6.01) starts with 4 to 6, but its bidang part has two digits.
 */
function accountCodeColumn(input: HierarchyInput, col: number): boolean {
  let seen = 0;
  let nested = 0;
  let oneDigitKelompok = 0;
  for (const b of input.body) {
    if (b.kind !== 'data') continue;
    const raw = cellText(input.sheet.values[b.row]?.[col]);
    const t = dottedCode(raw) ?? raw.replace(/\s+/g, '');
    if (t === '') continue;
    if (!/^[4-6](\.\d{1,4})+\.?$/.test(t) && !/^[4-6]$/.test(t)) return false;
    seen++;
    if (t.length > 1) {
      nested++;
      if (/^\d\.\d(\.|$)/.test(t)) oneDigitKelompok++;
    }
  }
  return seen >= 3 && oneDigitKelompok * 2 > nested;
}

/** Akun, kelompok, jenis, objek, rincian objek, sub rincian objek: one per part of the code. */
const ACCOUNT_LEVELS: LevelName[] = ['akun', 'kelompok', 'jenis', 'objek', 'rincian-objek', 'sub-rincian-objek'];

function accountLevelNames(facts: (RowFacts | null)[], continuation: boolean[]): (LevelName | null)[] {
  return facts.map((f, i) => {
    if (f === null || continuation[i] || f.nomor === null) return null;
    return ACCOUNT_LEVELS[Math.min(f.nomor.parts.length, ACCOUNT_LEVELS.length) - 1];
  });
}

function governmentKodeColumn(input: HierarchyInput, col: number): boolean {
  const texts: string[] = [];
  for (const b of input.body) {
    if (b.kind !== 'data') continue;
    const t = cellText(input.sheet.values[b.row]?.[col]);
    if (t !== '') texts.push(t);
    if (texts.length >= 200) break;
  }
  return looksLikeGovernmentKode(texts);
}

const SPACED_CODE = /^\d+(\s*\.\s*\d+)+$/;
const SPACE_SEPARATED_CODE = /^\d+(\s+\d+)+$/;

/**
 * "4 . 1 . 1 . 01", as an APBD lampiran prints account codes, and "5 2 1", as an RKA or PRKA
 * form prints them (one digit group per level, no dots): the code with dots, for reading its
 * levels; the cell is still shown as written.
 */
function dottedCode(text: string): string | null {
  const t = text.trim();
  if (SPACED_CODE.test(t)) return t.replace(/\s+/g, '');
  if (SPACE_SEPARATED_CODE.test(t)) return t.replace(/\s+/g, '.');
  return null;
}

function readFacts(
  sheet: Sheet,
  cols: Columns,
  r: number,
  text: (r: number, c: number | null) => string,
  kodeAsNomor: boolean,
): RowFacts {
  const name = text(r, cols.uraian !== null ? cols.uraian : cols.sasaran);
  let nomorText: string | null = null;
  let nomor: ParsedNomor | null = null;
  const nomorCol = cols.nomor ?? (kodeAsNomor ? cols.kodeCell : null);
  if (nomorCol !== null) {
    const t = text(r, nomorCol);
    if (t !== '') {
      nomorText = t;
      nomor = parseNomor(dottedCode(t) ?? sheet.values[r]?.[nomorCol] ?? null);
    }
  } else if (cols.uraian !== null) {
    const lead = leadingNomor(name);
    if (lead !== null) {
      nomor = lead.nomor;
      nomorText = lead.nomor.text;
    }
  }
  let kode: ParsedKode | null = null;
  if (cols.kodeCells.length > 0) {
    const cells = new Array<string>(cols.kodeCells.length);
    for (let i = 0; i < cells.length; i++) cells[i] = text(r, cols.kodeCells[i].col);
    kode = parseKodeCells(cells, cols.kodeLevels);
  } else if (cols.kodeCell !== null && !kodeAsNomor) {
    const t = text(r, cols.kodeCell);
    if (t !== '') kode = parseKodeCell(t);
  }
  let labelsBlank = cols.labels.length > 0;
  for (const c of cols.labels) {
    if (text(r, c) !== '') {
      labelsBlank = false;
      break;
    }
  }
  return {
    nomor,
    nomorText,
    kode,
    word: wordLevel(name),
    bold: cols.uraian !== null && sheet.bold?.[r]?.[cols.uraian] === true,
    labelsBlank,
  };
}

/**
 * A data row whose naming cells are all blank continues the row above: the second indicator
 * of the same program or sasaran, a rowspan in the source.
 */
function markContinuations(input: HierarchyInput, cols: Columns, facts: (RowFacts | null)[]): boolean[] {
  const out = new Array<boolean>(facts.length).fill(false);
  if (cols.labels.length === 0) return out;
  let seenLeading = false;
  input.body.forEach((b, i) => {
    if (b.kind === 'section') seenLeading = false;
    const f = facts[i];
    if (f === null) return;
    if (f.labelsBlank && seenLeading) out[i] = true;
    else seenLeading = true;
  });
  return out;
}

function levelNames(hierarchy: Table['hierarchy'], facts: (RowFacts | null)[], continuation: boolean[]): (LevelName | null)[] {
  const names = new Array<LevelName | null>(facts.length).fill(null);
  if (hierarchy === 'flat') return names;
  if (hierarchy === 'rowspan') {
    facts.forEach((f, i) => {
      if (f !== null && !continuation[i]) names[i] = 'sasaran';
    });
    return names;
  }
  const rankNames = hierarchy === 'nomor' ? nameRanks(facts, continuation) : null;
  let previous: LevelName | null = null;
  let lastNumbered: LevelName | null = null;
  let anchor: LevelName | null = null;
  let boldSinceAnchor = false;
  facts.forEach((f, i) => {
    if (f === null || continuation[i]) return;
    let name: LevelName | null = null;
    if (hierarchy === 'kode') name = f.kode?.levelName ?? null;
    else if (rankNames !== null && f.nomor !== null) {
      name = rankNames.get(f.nomor.rank) ?? null;
      lastNumbered = name;
    }
    if (name === null && f.word !== null) name = f.word;
    // An unnumbered name under a numbered one, in a numbered table, is its child.
    if (name === null && rankNames !== null && lastNumbered !== null) name = below(lastNumbered);
    if (name === null && hierarchy === 'kata') {
      // Words name programs (and sometimes kegiatan); the unnamed rows under them are one
      // level down, or two when a bold unnamed row above them is their kegiatan.
      if (anchor === null) name = f.bold ? 'program' : 'kegiatan';
      else if (f.bold) {
        name = below(anchor);
        boldSinceAnchor = true;
      } else name = boldSinceAnchor ? below(below(anchor)) : below(anchor);
    } else if (hierarchy === 'kata' && f.word !== null) {
      anchor = f.word;
      boldSinceAnchor = false;
    }
    if (name === null) name = previous;
    names[i] = name;
    previous = name;
  });
  return names;
}

function below(name: LevelName): LevelName {
  const i = CHAIN.indexOf(name);
  return i < 0 || i === CHAIN.length - 1 ? 'sub-kegiatan' : CHAIN[i + 1];
}

/**
 * Names for the numbering shapes of a table: what the words of each shape's rows say
 * ("PROGRAM …" under `1.`), else the next level down the chain; a table numbered I / 1 / 1.1
 * reads program / kegiatan / sub kegiatan.
 */
function nameRanks(facts: (RowFacts | null)[], continuation: boolean[]): Map<number, LevelName> {
  const votes = new Map<number, Map<LevelName, number>>();
  facts.forEach((f, i) => {
    if (f === null || continuation[i] || f.nomor === null) return;
    let v = votes.get(f.nomor.rank);
    if (v === undefined) votes.set(f.nomor.rank, (v = new Map()));
    if (f.word !== null) v.set(f.word, (v.get(f.word) ?? 0) + 1);
  });
  const ranks = [...votes.keys()].sort((a, b) => a - b);
  const voted = ranks.map((rank) => {
    let best: LevelName | null = null;
    let bestN = 0;
    for (const [name, count] of votes.get(rank) as Map<LevelName, number>) {
      if (count > bestN && CHAIN.includes(name)) [best, bestN] = [name, count];
    }
    return best;
  });
  const out = new Map<number, LevelName>();
  let previous: LevelName | null = null;
  ranks.forEach((rank, i) => {
    let name = voted[i];
    if (name !== null && previous !== null && CHAIN.indexOf(name) <= CHAIN.indexOf(previous)) name = null;
    if (name === null) {
      if (previous !== null) name = below(previous);
      else {
        const later = voted.findIndex((v, k) => k > i && v !== null);
        const start = later < 0 ? CHAIN.indexOf('program') : CHAIN.indexOf(voted[later] as LevelName) - (later - i);
        name = CHAIN[Math.max(0, Math.min(CHAIN.length - 1, start))];
      }
    }
    out.set(rank, name);
    previous = name;
  });
  return out;
}

interface StackEntry {
  row: number;
  level: number;
  nomor: ParsedNomor | null;
  kode: ParsedKode | null;
  /** Last child number seen under this entry, per numbering rank. */
  lastChild: Map<number, number>;
}

/**
 * Walks the leading data rows top to bottom with a stack of open ancestors: gives each row
 * its parent, and notices gaps (a skipped level, a code outside its parent, a numbering
 * that jumps) where rows were lost.
 */
class Walker {
  private stack: StackEntry[] = [];
  private root: StackEntry = { row: -1, level: -1, nomor: null, kode: null, lastChild: new Map() };
  private lastAtRank = new Map<number, number>();
  private minLevel: number | null = null;

  constructor(
    private readonly checkSkips: boolean,
    private readonly trackNomor: boolean,
    private readonly checkKode: boolean,
  ) {}

  reset(): void {
    this.stack = [];
    this.root = { row: -1, level: -1, nomor: null, kode: null, lastChild: new Map() };
    this.lastAtRank = new Map();
    this.minLevel = null;
  }

  place(row: number, level: number | null, f: RowFacts, top: number | null): { parent: number | null; gap: boolean } {
    let gap = false;
    let parentEntry = this.root;
    if (level !== null) {
      while (this.stack.length > 0 && this.stack[this.stack.length - 1].level >= level) this.stack.pop();
      if (this.stack.length > 0) parentEntry = this.stack[this.stack.length - 1];
      if (this.minLevel === null) this.minLevel = top ?? level;
      if (this.checkSkips) {
        const allowed = parentEntry === this.root ? this.minLevel : parentEntry.level + 1;
        if (level > allowed) gap = true;
      }
      if (this.checkKode && f.kode !== null && parentEntry.kode !== null && !kodeUnder(f.kode.key, parentEntry.kode.key)) gap = true;
    }
    if (this.trackNomor && f.nomor !== null && this.numberingJumps(f.nomor, parentEntry)) gap = true;
    const entry: StackEntry = { row, level: level ?? 0, nomor: f.nomor, kode: f.kode, lastChild: new Map() };
    if (level !== null) this.stack.push(entry);
    return { parent: parentEntry === this.root ? null : parentEntry.row, gap };
  }

  private numberingJumps(nomor: ParsedNomor, parent: StackEntry): boolean {
    const v = nomor.parts[nomor.parts.length - 1];
    const dotted = nomor.parts.length >= 2;
    let jump = false;
    if (dotted && parent.nomor !== null && parent.nomor.shape === 'arabic') {
      const prefix = nomor.parts.slice(0, -1);
      if (prefix.length !== parent.nomor.parts.length || prefix.some((p, i) => p !== (parent.nomor as ParsedNomor).parts[i]))
        jump = true;
    }
    const previous = parent.lastChild.get(nomor.rank);
    if (previous !== undefined) {
      if (v > previous + 1) jump = true;
    } else {
      const global = this.lastAtRank.get(nomor.rank);
      const allowed = dotted || global === undefined ? 1 : Math.max(1, global + 1);
      if (v > allowed) jump = true;
    }
    parent.lastChild.set(nomor.rank, v);
    this.lastAtRank.set(nomor.rank, v);
    return jump;
  }
}
