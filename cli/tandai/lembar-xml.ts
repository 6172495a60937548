import { TandaiError } from './galat';
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
  skipSpecial,
  Tag,
  tagEnd,
  withAttributes,
} from './xml';
import { NS } from './paket';

/**
 * Edits of one worksheet part: the style index (`s`) of the marked cells, the cells and rows
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
  tag: Tag;
  hasR: boolean;
}

/** A row of sheetData as the light walk finds it: where its text is, not what it holds. */
interface RowInfo {
  row: number;
  hasR: boolean;
  /** The row's open (or empty) tag. */
  tag: Tag;
  /** One past the row's end (its close tag, or the empty tag). */
  end: number;
}

/** A row read cell by cell, done only for the rows that get a mark. */
interface ParsedRow {
  cells: CellInfo[];
  byCol: Map<number, CellInfo>;
  /** The row's close tag, null for `<row/>`. */
  close: Tag | null;
}

/** The `r` of a row tag, without decoding every attribute (rows are many; their r is digits). */
const ROW_R = /\sr\s*=\s*["']([^"']*)["']/;

type Change = { tag: Tag; set: Record<string, string>; inner: string };

/**
 * The structure of a worksheet part that the marks need. The part's head (up to <sheetData>)
 * and tail (from </sheetData>) are scanned tag by tag; the rows in between are only located,
 * in one walk that reads nothing but the row tags, and a row is read cell by cell when a mark
 * falls in it. So the work grows with the marks, not with the sheet: a 100,000-row sheet with
 * seven marks reads seven rows.
 */
export class SheetPart {
  /** Tags of the head and tail (sheetData's own open and close tags included), not of the rows. */
  readonly tags: Tag[];
  readonly prefix: string;
  private readonly rows: RowInfo[] = [];
  private readonly rowByNumber = new Map<number, number>();
  private readonly parsed = new Map<number, ParsedRow>();
  private readonly sheetData: number;
  /** Column formats sorted by first column, for a binary search. */
  private readonly colStyles: { min: number; max: number; style: number }[] = [];

  constructor(readonly xml: string) {
    const head = scanTags(xml, { until: (t) => t.depth === 1 && t.local === 'sheetData' && t.kind !== 'close' });
    const sd = head[head.length - 1];
    if (!sd || sd.local !== 'sheetData' || sd.depth !== 1 || sd.kind === 'close')
      throw new TandaiError('Lembar kerja tanpa <sheetData>.');
    this.sheetData = head.length - 1;
    this.prefix = prefixOf(head[0]);
    const tailFrom = sd.kind === 'empty' ? sd.end : (this.quickRows(sd) ?? this.walkRows(sd));
    this.tags = head.concat(scanTags(xml, { from: tailFrom, depth: sd.kind === 'empty' ? 1 : 2 }));
    for (const t of head) {
      if (t.kind === 'close' || t.local !== 'col' || t.depth !== 2) continue;
      const a = attributes(this.text(t));
      this.colStyles.push({ min: Number(a.get('min')) - 1, max: Number(a.get('max')) - 1, style: Number(a.get('style') ?? '0') || 0 });
    }
    this.colStyles.sort((a, b) => a.min - b.min);
  }

  /**
   * The rows of sheetData as spreadsheet programs write them: each `<row>` followed by its own
   * `</row>`, no comment, CDATA or processing instruction inside. A row's cells are then
   * skipped with one native string search instead of a walk over their tags. Returns where
   * </sheetData> starts, or null (rows forgotten) when the part is not of that shape.
   */
  private quickRows(sd: Tag): number | null {
    const xml = this.xml;
    const close = xml.indexOf(`</${sd.name}>`, sd.end);
    if (close < 0) return null;
    // Looked for by their rare second character: '<' is on every few bytes and would make the
    // search stop at each of them.
    for (const mark of ['!', '?']) {
      for (let at = xml.indexOf(mark, sd.end); at >= 0 && at < close; at = xml.indexOf(mark, at + 1)) {
        if (xml.charCodeAt(at - 1) === 0x3c) return null;
      }
    }
    let lastRow = -1;
    let i = xml.indexOf('<', sd.end);
    while (i >= 0 && i < close) {
      const end = tagEnd(xml, i);
      const name = /^[^\s/>]+/.exec(xml.slice(i + 1, Math.min(end, i + 200)))?.[0] ?? '';
      if (name !== 'row' && !name.endsWith(':row')) return this.forgetRows();
      const empty = xml.charCodeAt(end - 2) === 0x2f;
      let rowEnd = end;
      if (!empty) {
        const closeTag = `</${name}>`;
        // A row nested in a row (no schema allows one) would end this one early; the next tag
        // is then not a row, and the check above sends the part to the careful walk.
        const at = xml.indexOf(closeTag, end);
        if (at < 0 || at > close) return this.forgetRows();
        rowEnd = at + closeTag.length;
      }
      lastRow = this.addRow(xml, i, end, name, empty, rowEnd, lastRow);
      i = xml.indexOf('<', rowEnd);
    }
    return i === close ? close : this.forgetRows();
  }

  private forgetRows(): null {
    this.rows.length = 0;
    this.rowByNumber.clear();
    return null;
  }

  /** Record a row found at `start`; returns its number, which a following row without r counts on. */
  private addRow(xml: string, start: number, end: number, name: string, empty: boolean, rowEnd: number, lastRow: number): number {
    const r = ROW_R.exec(xml.slice(start, end))?.[1] ?? null;
    const row = r !== null && /^\d+$/.test(r) ? Number(r) - 1 : lastRow + 1;
    const tag: Tag = { kind: empty ? 'empty' : 'open', name, local: 'row', start, end, depth: 2 };
    this.rowByNumber.set(row, this.rows.length);
    this.rows.push({ row, hasR: r !== null, tag, end: rowEnd });
    return row;
  }

  /**
   * Locate every row of an open <sheetData> and return where its close tag starts. Only the
   * tags' kinds are read (to keep the depth); a tag's name and attributes are read only for
   * the row tags, one level below sheetData.
   */
  private walkRows(sd: Tag): number {
    const xml = this.xml;
    let depth = 2;
    let lastRow = -1;
    let current: RowInfo | null = null;
    let i = xml.indexOf('<', sd.end);
    while (i >= 0) {
      const special = skipSpecial(xml, i);
      if (special >= 0) {
        i = xml.indexOf('<', special);
        continue;
      }
      const end = tagEnd(xml, i);
      if (xml.charCodeAt(i + 1) === 0x2f) {
        depth--;
        if (depth === 1) return i;
        if (depth === 2 && current) current.end = end;
      } else {
        const empty = xml.charCodeAt(end - 2) === 0x2f;
        if (depth === 2) {
          const name = /^[^\s/>]+/.exec(xml.slice(i + 1, Math.min(end, i + 200)))?.[0] ?? '';
          if (name === 'row' || name.endsWith(':row')) {
            lastRow = this.addRow(xml, i, end, name, empty, end, lastRow);
            current = this.rows[this.rows.length - 1];
          } else current = null;
        }
        if (!empty) depth++;
      }
      i = xml.indexOf('<', end);
    }
    throw new TandaiError(`XML rusak: <${sd.name}> tidak ditutup.`);
  }

  /** The cells of row `index`, read once. */
  private parse(index: number): ParsedRow {
    const known = this.parsed.get(index);
    if (known) return known;
    const info = this.rows[index];
    const cells: CellInfo[] = [];
    const byCol = new Map<number, CellInfo>();
    let close: Tag | null = null;
    if (info.tag.kind === 'open') {
      // Only the cells' own tags become objects: a row of 30 cells has some 120 tags, and a
      // mark on each of 100,000 rows would otherwise keep the collector busy with them.
      const xml = this.xml;
      let depth = 3;
      let lastCol = -1;
      let i = xml.indexOf('<', info.tag.end);
      while (i >= 0 && i < info.end) {
        const special = skipSpecial(xml, i);
        if (special >= 0) {
          i = xml.indexOf('<', special);
          continue;
        }
        const end = tagEnd(xml, i);
        if (xml.charCodeAt(i + 1) === 0x2f) {
          if (--depth === 2) {
            close = { kind: 'close', name: info.tag.name, local: 'row', start: i, end, depth: 2 };
            break;
          }
        } else {
          const empty = xml.charCodeAt(end - 2) === 0x2f;
          if (depth === 3) {
            const name = /^[^\s/>]+/.exec(xml.slice(i + 1, Math.min(end, i + 200)))?.[0] ?? '';
            if (name === 'c' || name.endsWith(':c')) {
              const t: Tag = { kind: empty ? 'empty' : 'open', name, local: 'c', start: i, end, depth: 3 };
              const r = attr(this.text(t), 'r');
              const pos = r !== null ? parseA1(r) : null;
              const col = pos ? pos.col : lastCol + 1;
              const cell = { row: info.row, col, tag: t, hasR: r !== null };
              cells.push(cell);
              if (!byCol.has(col)) byCol.set(col, cell);
              lastCol = col;
            }
          }
          if (!empty) depth++;
        }
        i = xml.indexOf('<', end);
      }
      if (close === null) throw new TandaiError(`XML rusak: <${info.tag.name}> tidak ditutup.`);
    }
    const parsed = { cells, byCol, close };
    this.parsed.set(index, parsed);
    return parsed;
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
    const index = this.rowByNumber.get(pos.row);
    if (index !== undefined) {
      const cell = this.parse(index).byCol.get(pos.col);
      if (cell) return Number(attr(this.text(cell.tag), 's') ?? '0') || 0;
      const a = attributes(this.text(this.rows[index].tag));
      if (a.get('customFormat') === '1' || a.get('customFormat') === 'true') return Number(a.get('s') ?? '0') || 0;
    }
    return this.colStyle(pos.col);
  }

  private colStyle(col: number): number {
    let lo = 0;
    let hi = this.colStyles.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.colStyles[mid].min <= col) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const c = found >= 0 ? this.colStyles[found] : undefined;
    return c && col <= c.max ? c.style : 0;
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
   * `legacyDrawingRelId` is given. Only the rows holding a mark are rewritten; the text between
   * them is copied as it is.
   */
  edit(styles: Map<string, CellPos & { s: number }>, legacyDrawingRelId: string | null): string {
    const changes = new Map<number, Change>();
    const change = (tag: Tag): Change => {
      let c = changes.get(tag.start);
      if (!c) changes.set(tag.start, (c = { tag, set: {}, inner: '' }));
      return c;
    };
    const inserts: Edit[] = [];
    const p = this.prefix;
    const byRow = new Map<number, (CellPos & { s: number })[]>();
    for (const v of styles.values()) {
      const list = byRow.get(v.row);
      if (list) list.push(v);
      else byRow.set(v.row, [v]);
    }
    const newCell = (c: CellPos & { s: number }) => `<${p}c r="${columnLetters(c.col)}${c.row + 1}" s="${c.s}"/>`;
    let newRows = false;
    const created: CellPos[] = [];
    // The first row (in file order) numbered above a new row is where it goes; for rising row
    // numbers that place only moves forward, so one pointer serves every new row.
    let next = 0;

    for (const [rowNumber, wanted] of [...byRow].sort((a, b) => a[0] - b[0])) {
      wanted.sort((a, b) => a.col - b.col);
      const index = this.rowByNumber.get(rowNumber);
      if (index === undefined) {
        newRows = true;
        for (const w of wanted) created.push(w);
        const text = `<${p}row r="${rowNumber + 1}">${wanted.map(newCell).join('')}</${p}row>`;
        while (next < this.rows.length && this.rows[next].row <= rowNumber) next++;
        if (next < this.rows.length) inserts.push({ start: this.rows[next].tag.start, end: this.rows[next].tag.start, text });
        else this.appendToSheetData(change, inserts, text);
        continue;
      }
      const row = this.rows[index];
      const parsed = this.parse(index);
      const missing: (CellPos & { s: number })[] = [];
      for (const w of wanted) {
        const cell = parsed.byCol.get(w.col);
        if (cell) change(cell.tag).set.s = String(w.s);
        else missing.push(w);
      }
      if (missing.length === 0) continue;
      for (const m of missing) created.push(m);
      // A cell without r sits right after its left neighbour; once a cell is inserted that no
      // longer holds, so every cell of the row gets its address written.
      for (const c of parsed.cells) if (!c.hasR) change(c.tag).set.r = `${columnLetters(c.col)}${c.row + 1}`;
      if (row.tag.kind === 'empty') {
        change(row.tag).inner += missing.map(newCell).join('');
      } else {
        let after = 0;
        for (const m of missing) {
          while (after < parsed.cells.length && parsed.cells[after].col <= m.col) after++;
          const at = after < parsed.cells.length ? parsed.cells[after].tag.start : parsed.close!.start;
          inserts.push({ start: at, end: at, text: newCell(m) });
        }
      }
      const spans = attr(this.text(row.tag), 'spans');
      const sm = spans ? /^(\d+):(\d+)$/.exec(spans) : null;
      if (sm) {
        // missing is sorted by column: its first and last are the new span's candidates.
        const lo = Math.min(Number(sm[1]), missing[0].col + 1);
        const hi = Math.max(Number(sm[2]), missing[missing.length - 1].col + 1);
        change(row.tag).set.spans = `${lo}:${hi}`;
      }
    }
    if (newRows) for (const r of this.rows) if (!r.hasR) change(r.tag).set.r = String(r.row + 1);
    if (created.length > 0) this.widenDimension(change, created);
    if (legacyDrawingRelId !== null) inserts.push(this.legacyDrawingInsert(legacyDrawingRelId));

    const edits: Edit[] = inserts;
    for (const c of changes.values()) {
      const opened = withAttributes(this.text(c.tag), c.set, c.inner !== '');
      edits.push({ start: c.tag.start, end: c.tag.end, text: c.inner !== '' ? `${opened}${c.inner}</${c.tag.name}>` : opened });
    }
    return applyEdits(this.xml, edits);
  }

  private appendToSheetData(change: (tag: Tag) => Change, inserts: Edit[], text: string): void {
    const sd = this.tags[this.sheetData];
    if (sd.kind === 'empty') change(sd).inner += text;
    else {
      const close = this.tags[closeOf(this.tags, this.sheetData)!];
      inserts.push({ start: close.start, end: close.start, text });
    }
  }

  private widenDimension(change: (tag: Tag) => Change, cells: CellPos[]): void {
    const i = findTag(this.tags, 'dimension', 1);
    if (i < 0) return;
    const ref = attr(this.text(this.tags[i]), 'ref') ?? '';
    const current = parseRange(ref);
    // Loops, not Math.min(...spread): one cell per marked finding, and ~125,000 arguments overflow the stack.
    let [top, left, bottom, right] = current
      ? [current.top, current.left, current.bottom, current.right]
      : [Infinity, Infinity, -Infinity, -Infinity];
    for (const c of cells) {
      top = Math.min(top, c.row);
      left = Math.min(left, c.col);
      bottom = Math.max(bottom, c.row);
      right = Math.max(right, c.col);
    }
    const next = formatRange({ top, left, bottom, right });
    if (current && formatRange(current) === next) return;
    change(this.tags[i]).set.ref = next;
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
  return anchorsOf(merges, [pos])[0];
}

/**
 * The anchor of each position at once. Positions are taken in row order and the merges in
 * order of their top row, so a merge is looked at only while the rows asked about cross it:
 * the work grows with the marks and the merges, not with their product (a sheet with a merge
 * on each of 100,000 rows and a mark on each row is one walk).
 */
export function anchorsOf(merges: Range[], positions: CellPos[]): CellPos[] {
  const out = positions.slice();
  if (merges.length === 0) return out;
  const byTop = merges.slice().sort((a, b) => a.top - b.top);
  const order = positions.map((_, i) => i).sort((a, b) => positions[a].row - positions[b].row);
  let active: Range[] = [];
  let next = 0;
  let row = -1;
  for (const i of order) {
    const pos = positions[i];
    if (pos.row !== row) {
      row = pos.row;
      while (next < byTop.length && byTop[next].top <= row) active.push(byTop[next++]);
      active = active.filter((m) => m.bottom >= row);
    }
    const m = active.find((a) => pos.col >= a.left && pos.col <= a.right);
    if (m) out[i] = { row: m.top, col: m.left };
  }
  return out;
}

export { key as cellKey };
