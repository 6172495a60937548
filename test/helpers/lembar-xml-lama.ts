import { TandaiError } from '../../cli/tandai/galat';
import { columnLetters, parseA1 } from '../../core/lembar/model';
import {
  applyEdits,
  attr,
  attributes,
  closeOf,
  Edit,
  escapeAttr,
  findTag,
  prefixFor,
  prefixOf,
  scanTags,
  Tag,
  withAttributes,
} from '../../cli/tandai/xml';
import { NS } from '../../cli/tandai/paket';

/**
 * The former SheetPart (every tag of the part scanned, a search per mark), kept as a test-only
 * oracle for `cli/tandai/lembar-xml.ts`, which must give the same text. Edits of one worksheet part: the style index (`s`) of the marked cells, the cells and rows
 * that must exist to carry a mark, the dimension, and <legacyDrawing>. Nothing else in the
 * part is touched: values, formulas, merges, validations, conditional formats, hyperlinks
 * and drawings stay byte for byte.
 */

export interface CellPos {
  row: number;
  col: number;
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const key = (p: CellPos) => `${p.row}:${p.col}`;

interface CellInfo extends CellPos {
  tag: number;
  hasR: boolean;
}

interface RowInfo {
  row: number;
  tag: number;
  hasR: boolean;
  cells: CellInfo[];
}

/** The structure of a worksheet part that the marks need. */
export class SheetPartLama {
  readonly tags: Tag[];
  readonly prefix: string;
  private readonly rows: RowInfo[] = [];
  private readonly rowByNumber = new Map<number, RowInfo>();
  private readonly sheetData: number;
  private readonly colStyles: { min: number; max: number; style: number }[] = [];

  constructor(readonly xml: string) {
    this.tags = scanTags(xml);
    this.prefix = prefixOf(this.tags[0]);
    this.sheetData = findTag(this.tags, 'sheetData', 1);
    if (this.sheetData < 0) throw new TandaiError('Lembar kerja tanpa <sheetData>.');
    this.readRows();
    for (const t of this.tags.slice(0, this.sheetData)) {
      if (t.kind === 'close' || t.local !== 'col' || t.depth !== 2) continue;
      const a = attributes(this.text(t));
      this.colStyles.push({ min: Number(a.get('min')) - 1, max: Number(a.get('max')) - 1, style: Number(a.get('style') ?? '0') || 0 });
    }
  }

  private readRows(): void {
    const sd = this.tags[this.sheetData];
    const end = closeOf(this.tags, this.sheetData) ?? this.sheetData;
    let lastRow = -1;
    let current: RowInfo | null = null;
    let lastCol = -1;
    for (let j = this.sheetData + 1; j < end; j++) {
      const t = this.tags[j];
      if (t.kind === 'close') continue;
      if (t.depth === sd.depth + 1 && t.local === 'row') {
        const r = attr(this.text(t), 'r');
        const row = r !== null && /^\d+$/.test(r) ? Number(r) - 1 : lastRow + 1;
        current = { row, tag: j, hasR: r !== null, cells: [] };
        this.rows.push(current);
        this.rowByNumber.set(row, current);
        lastRow = row;
        lastCol = -1;
      } else if (current && t.depth === sd.depth + 2 && t.local === 'c') {
        const r = attr(this.text(t), 'r');
        const pos = r !== null ? parseA1(r) : null;
        const col = pos ? pos.col : lastCol + 1;
        current.cells.push({ row: current.row, col, tag: j, hasR: r !== null });
        lastCol = col;
      }
    }
  }

  private text(t: Tag): string {
    return this.xml.slice(t.start, t.end);
  }

  /** Merged ranges (0-based, inclusive). */
  merges(): Range[] {
    const out: Range[] = [];
    for (const t of this.tags) {
      if (t.kind === 'close' || t.local !== 'mergeCell') continue;
      const ref = attr(this.text(t), 'ref');
      const r = ref ? parseRange(ref) : null;
      if (r) out.push(r);
    }
    return out;
  }

  /**
   * The cell format a cell shows now: its own `s`; for a cell not written, the row's format
   * when the row has a custom one, else its column's, else 0.
   */
  styleOf(pos: CellPos): number {
    const row = this.rowByNumber.get(pos.row);
    const cell = row?.cells.find((c) => c.col === pos.col);
    if (cell) return Number(attr(this.text(this.tags[cell.tag]), 's') ?? '0') || 0;
    if (row) {
      const a = attributes(this.text(this.tags[row.tag]));
      if (a.get('customFormat') === '1' || a.get('customFormat') === 'true') return Number(a.get('s') ?? '0') || 0;
    }
    return this.colStyles.find((c) => pos.col >= c.min && pos.col <= c.max)?.style ?? 0;
  }

  /** The r:id of <legacyDrawing>, when the sheet has one. */
  legacyDrawingId(): string | null {
    const i = findTag(this.tags, 'legacyDrawing', 1);
    if (i < 0) return null;
    const a = attributes(this.text(this.tags[i]));
    for (const [name, value] of a) if (name === 'id' || name.endsWith(':id')) return value;
    return null;
  }

  /**
   * The part with `styles` (cell → new `s`) applied, missing rows and cells created in order,
   * the dimension widened when a new cell lies outside it, and <legacyDrawing r:id> added when
   * `legacyDrawingRelId` is given.
   */
  edit(styles: Map<string, CellPos & { s: number }>, legacyDrawingRelId: string | null): string {
    const changes = new Map<number, { set: Record<string, string>; inner: string }>();
    const change = (tag: number) => {
      let c = changes.get(tag);
      if (!c) changes.set(tag, (c = { set: {}, inner: '' }));
      return c;
    };
    const inserts: Edit[] = [];
    const p = this.prefix;
    const byRow = new Map<number, (CellPos & { s: number })[]>();
    for (const v of styles.values()) {
      const list = byRow.get(v.row) ?? [];
      list.push(v);
      byRow.set(v.row, list);
    }
    const newCell = (c: CellPos & { s: number }) => `<${p}c r="${columnLetters(c.col)}${c.row + 1}" s="${c.s}"/>`;
    let newRows = false;
    let created: CellPos[] = [];

    for (const [rowNumber, wanted] of [...byRow].sort((a, b) => a[0] - b[0])) {
      wanted.sort((a, b) => a.col - b.col);
      const row = this.rowByNumber.get(rowNumber);
      if (!row) {
        newRows = true;
        created = created.concat(wanted);
        const text = `<${p}row r="${rowNumber + 1}">${wanted.map(newCell).join('')}</${p}row>`;
        const next = this.rows.find((r) => r.row > rowNumber);
        if (next) inserts.push({ start: this.tags[next.tag].start, end: this.tags[next.tag].start, text });
        else this.appendToSheetData(change, inserts, text);
        continue;
      }
      const missing: (CellPos & { s: number })[] = [];
      for (const w of wanted) {
        const cell = row.cells.find((c) => c.col === w.col);
        if (cell) change(cell.tag).set.s = String(w.s);
        else missing.push(w);
      }
      if (missing.length === 0) continue;
      created = created.concat(missing);
      // A cell without r sits right after its left neighbour; once a cell is inserted that no
      // longer holds, so every cell of the row gets its address written.
      for (const c of row.cells) if (!c.hasR) change(c.tag).set.r = `${columnLetters(c.col)}${c.row + 1}`;
      const rowTag = this.tags[row.tag];
      if (rowTag.kind === 'empty') {
        change(row.tag).inner += missing.map(newCell).join('');
      } else {
        for (const m of missing) {
          const next = row.cells.find((c) => c.col > m.col);
          const at = next ? this.tags[next.tag].start : this.tags[closeOf(this.tags, row.tag)!].start;
          inserts.push({ start: at, end: at, text: newCell(m) });
        }
      }
      const spans = attr(this.text(rowTag), 'spans');
      const sm = spans ? /^(\d+):(\d+)$/.exec(spans) : null;
      if (sm) {
        const lo = Math.min(Number(sm[1]), ...missing.map((m) => m.col + 1));
        const hi = Math.max(Number(sm[2]), ...missing.map((m) => m.col + 1));
        change(row.tag).set.spans = `${lo}:${hi}`;
      }
    }
    if (newRows) for (const r of this.rows) if (!r.hasR) change(r.tag).set.r = String(r.row + 1);
    if (created.length > 0) this.widenDimension(change, created);
    if (legacyDrawingRelId !== null) inserts.push(this.legacyDrawingInsert(legacyDrawingRelId));

    const edits: Edit[] = [...inserts];
    for (const [tagIndex, c] of changes) {
      const t = this.tags[tagIndex];
      const opened = withAttributes(this.text(t), c.set, c.inner !== '');
      edits.push({ start: t.start, end: t.end, text: c.inner !== '' ? `${opened}${c.inner}</${t.name}>` : opened });
    }
    return applyEdits(this.xml, edits);
  }

  private appendToSheetData(
    change: (tag: number) => { set: Record<string, string>; inner: string },
    inserts: Edit[],
    text: string,
  ): void {
    const sd = this.tags[this.sheetData];
    if (sd.kind === 'empty') change(this.sheetData).inner += text;
    else {
      const close = this.tags[closeOf(this.tags, this.sheetData)!];
      inserts.push({ start: close.start, end: close.start, text });
    }
  }

  private widenDimension(change: (tag: number) => { set: Record<string, string> }, cells: CellPos[]): void {
    const i = findTag(this.tags, 'dimension', 1);
    if (i < 0) return;
    const ref = attr(this.text(this.tags[i]), 'ref') ?? '';
    const current = parseRange(ref);
    const all = cells.concat(
      current
        ? [
            { row: current.top, col: current.left },
            { row: current.bottom, col: current.right },
          ]
        : [],
    );
    // Loops, not Math.min(...spread): one cell per marked finding, and ~125,000 arguments overflow the stack.
    let [top, left, bottom, right] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const c of all) {
      top = Math.min(top, c.row);
      left = Math.min(left, c.col);
      bottom = Math.max(bottom, c.row);
      right = Math.max(right, c.col);
    }
    const next = formatRange({ top, left, bottom, right });
    if (current && formatRange(current) === next) return;
    change(i).set.ref = next;
  }

  /** <legacyDrawing> goes after <drawing> and before legacyDrawingHF … extLst (CT_Worksheet order). */
  private legacyDrawingInsert(relId: string): Edit {
    const later = new Set([
      'legacyDrawingHF',
      'drawingHF',
      'picture',
      'oleObjects',
      'controls',
      'webPublishItems',
      'tableParts',
      'extLst',
      'AlternateContent',
    ]);
    const next = this.tags.find((t) => t.depth === 1 && t.kind !== 'close' && later.has(t.local));
    const root = this.text(this.tags[0]);
    const r = prefixFor(root, NS.rel);
    const idAttr = r !== null && r !== '' ? `${r}id="${escapeAttr(relId)}"` : `xmlns:r="${NS.rel}" r:id="${escapeAttr(relId)}"`;
    const text = `<${this.prefix}legacyDrawing ${idAttr}/>`;
    const at = next ? next.start : this.tags[closeOf(this.tags, 0)!].start;
    return { start: at, end: at, text };
  }
}

export function parseRange(ref: string): Range | null {
  const [a, b] = ref.split(':');
  const p = parseA1(a);
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export function formatRange(r: Range): string {
  const a = `${columnLetters(r.left)}${r.top + 1}`;
  const b = `${columnLetters(r.right)}${r.bottom + 1}`;
  return a === b ? a : `${a}:${b}`;
}

/** The top-left cell of the merged range holding `pos`, or `pos` itself. */
export function anchorOf(merges: Range[], pos: CellPos): CellPos {
  for (const m of merges) {
    if (pos.row >= m.top && pos.row <= m.bottom && pos.col >= m.left && pos.col <= m.right) return { row: m.top, col: m.left };
  }
  return pos;
}

export { key as cellKey };
