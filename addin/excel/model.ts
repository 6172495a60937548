import { Merge, parseA1, Sheet } from '../../core/lembar/model';

/**
 * What Office.js hands back for a range, turned into the core's sheet model. Only the shape
 * changes here (empty strings to blanks, A1 addresses to positions); what the cells mean is
 * decided in core.
 */

export interface RangeArea {
  /** Sheet name as Excel writes it in an address (unquoted). */
  sheet: string;
  /** 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `'Renja 2024'!B3:L40`, `Sheet1!C5`, `B3:L40` → sheet and 0-based corners. Null if not an address. */
export function parseAddress(address: string): RangeArea | null {
  const bang = address.lastIndexOf('!');
  let sheet = bang < 0 ? '' : address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const ref = bang < 0 ? address : address.slice(bang + 1);
  const [a, b = a] = ref.split(':');
  const p = parseA1(a);
  const q = parseA1(b);
  if (!p || !q) return null;
  return {
    sheet,
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** A sheet name as it must appear in a formula or address: quoted when it is not a plain word. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export interface CellProps {
  format?: { font?: { bold?: boolean }; fill?: { color?: string; pattern?: string } };
}

export interface RangeRead {
  address: string;
  values: unknown[][];
  formulas?: unknown[][];
  numberFormat?: unknown[][];
  cellProperties?: CellProps[][];
  /** Addresses of merged areas inside the range, comma separated (RangeAreas.address). */
  mergedAreas?: string | null;
}

function cell(v: unknown): string | number | boolean | null {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

/** One used range as a core Sheet: typed, with its origin, formulas, formats, bold and merges. */
export function toSheet(name: string, read: RangeRead): Sheet {
  const area = parseAddress(read.address);
  const origin = area ? { row: area.top, col: area.left } : { row: 0, col: 0 };
  const values = read.values.map((row) => row.map(cell));
  const sheet: Sheet = { name, values, typed: true, origin };

  if (read.formulas) {
    let any = false;
    const formulas = read.formulas.map((row) =>
      row.map((f) => {
        if (typeof f === 'string' && f.startsWith('=')) {
          any = true;
          return f;
        }
        return null;
      }),
    );
    if (any) sheet.formulas = formulas;
  }
  if (read.numberFormat) {
    let any = false;
    const formats = read.numberFormat.map((row) =>
      row.map((f) => {
        if (typeof f === 'string' && f !== '' && f !== 'General') {
          any = true;
          return f;
        }
        return null;
      }),
    );
    if (any) sheet.numberFormats = formats;
  }
  if (read.cellProperties) {
    let any = false;
    const bold = read.cellProperties.map((row) =>
      row.map((p) => {
        const b = p?.format?.font?.bold === true;
        if (b) any = true;
        return b;
      }),
    );
    if (any) sheet.bold = bold;
  }
  if (read.mergedAreas && area) {
    const merges: Merge[] = [];
    for (const part of read.mergedAreas.split(',')) {
      const m = parseAddress(part.trim());
      if (!m) continue;
      const top = m.top - area.top;
      const left = m.left - area.left;
      if (top < 0 || left < 0) continue;
      merges.push({ top, left, bottom: m.bottom - area.top, right: m.right - area.left });
    }
    if (merges.length > 0) sheet.merges = merges;
  }
  return sheet;
}

/**
 * A cell's background as the backup keeps it: `#RRGGBB`, or null when the cell has no fill
 * (Excel reports white with pattern "None" then, and white must not be written back as a fill).
 */
export function fillOf(p: CellProps | undefined): string | null {
  const fill = p?.format?.fill;
  if (!fill || fill.pattern === 'None' || typeof fill.color !== 'string') return null;
  return fill.color.toUpperCase();
}
