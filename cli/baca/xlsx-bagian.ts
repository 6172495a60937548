import { GalatBaca } from './batas';
import { decodeExcelEscapes, parsePart } from './xml';
import { ZipPackage } from './zip';

/**
 * The small parts around the sheets: relationships (which file is the workbook, which are its
 * sheets, strings and styles: resolved, never guessed from `xl/worksheets/sheetN.xml`), the
 * workbook's sheet list, the shared strings and the styles.
 */
const RUSAK = 'Berkas bukan .xlsx yang sah atau rusak.';

export interface Relationship {
  type: string;
  target: string;
}

/** Relationships of `partName` (from its `_rels/NAME.rels`), targets resolved to part names. */
export function readRelationships(pkg: ZipPackage, partName: string): Map<string, Relationship> {
  const slash = partName.lastIndexOf('/');
  const folder = slash < 0 ? '' : partName.slice(0, slash);
  const relsName = `${folder === '' ? '' : folder + '/'}_rels/${partName.slice(slash + 1)}.rels`;
  const entry = pkg.entry(relsName);
  const rels = new Map<string, Relationship>();
  if (!entry) return rels;
  parsePart(pkg, entry, {
    open(name, a) {
      if (name !== 'Relationship' || a.Id === undefined || a.Target === undefined) return;
      if (a.TargetMode === 'External') return;
      rels.set(a.Id, { type: a.Type ?? '', target: resolveTarget(folder, a.Target) });
    },
  });
  return rels;
}

/** A relationship target relative to the source part's folder (or absolute) as a part name. */
export function resolveTarget(folder: string, target: string): string {
  const parts = target.startsWith('/') ? [] : folder.split('/').filter((p) => p !== '');
  for (const p of target.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(decodeURIComponent(p));
  }
  return parts.join('/');
}

const typeIs = (rel: Relationship, suffix: string) => rel.type.endsWith(suffix);

export interface SheetRef {
  name: string;
  part: string;
}

export interface WorkbookParts {
  workbookPart: string;
  sheets: SheetRef[];
  date1904: boolean;
  sharedStrings: string | null;
  styles: string | null;
}

export function readWorkbookParts(pkg: ZipPackage, maxSheets: number, tooMany: (n: number) => GalatBaca): WorkbookParts {
  const root = readRelationships(pkg, '');
  let workbookPart: string | null = null;
  for (const rel of root.values()) if (typeIs(rel, '/officeDocument')) workbookPart = rel.target;
  if (workbookPart === null || !pkg.entry(workbookPart)) {
    // A package without the root relationship: Excel's usual name is the last chance.
    if (pkg.entry('xl/workbook.xml')) workbookPart = 'xl/workbook.xml';
    else throw new GalatBaca(RUSAK);
  }
  const rels = readRelationships(pkg, workbookPart);
  const listed: { name: string; id: string }[] = [];
  let date1904 = false;
  let inSheets = false;
  parsePart(pkg, pkg.entry(workbookPart)!, {
    open(name, a) {
      if (name === 'sheets') inSheets = true;
      else if (name === 'sheet' && inSheets) {
        listed.push({ name: a.name ?? '', id: a.id ?? '' });
        // Checked while reading: 5,000 sheet entries must not cost 5,000 sheet reads first.
        if (listed.length > maxSheets) throw tooMany(listed.length);
      } else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
    close(name) {
      if (name === 'sheets') inSheets = false;
    },
  });
  const sheets: SheetRef[] = [];
  for (const s of listed) {
    const rel = rels.get(s.id);
    // Chart sheets and dialog sheets hold no cells.
    if (!rel || !typeIs(rel, '/worksheet') || !pkg.entry(rel.target)) continue;
    sheets.push({ name: s.name, part: rel.target });
  }
  let sharedStrings: string | null = null;
  let styles: string | null = null;
  for (const rel of rels.values()) {
    if (typeIs(rel, '/sharedStrings') && pkg.entry(rel.target)) sharedStrings = rel.target;
    if (typeIs(rel, '/styles') && pkg.entry(rel.target)) styles = rel.target;
  }
  return { workbookPart, sheets, date1904, sharedStrings, styles };
}

/** Shared strings: the text of each item and whether every run of its rich text is bold. */
export interface SharedStrings {
  text: string[];
  bold: Uint8Array;
}

export function readSharedStrings(pkg: ZipPackage, part: string | null): SharedStrings {
  const text: string[] = [];
  const boldFlags: number[] = [];
  if (part === null) return { text, bold: new Uint8Array(0) };
  let depth = 0;
  let item: string[] = [];
  let inT = false;
  let runs = 0;
  let boldRuns = 0;
  let runBold = false;
  let inPhonetic = 0;
  parsePart(pkg, pkg.entry(part)!, {
    open(name, a) {
      if (name === 'si') {
        depth = 1;
        item = [];
        runs = 0;
        boldRuns = 0;
      } else if (depth > 0) {
        if (name === 'rPh') inPhonetic++;
        else if (name === 'r') {
          runs++;
          runBold = false;
        } else if (name === 'b' && inPhonetic === 0) runBold = a.val === undefined || a.val === '1' || a.val === 'true';
        else if (name === 't' && inPhonetic === 0) inT = true;
      }
    },
    text(t) {
      if (inT) item.push(t);
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic--;
      else if (name === 'r' && runBold) boldRuns++;
      else if (name === 'si') {
        depth = 0;
        text.push(decodeExcelEscapes(item.join('')));
        boldFlags.push(runs > 0 && boldRuns === runs ? 1 : 0);
      }
    },
  });
  return { text, bold: Uint8Array.from(boldFlags) };
}

/** Per cell style (`s`): its number format code (null for General) and whether its font is bold. */
export interface Styles {
  numberFormat: (string | null)[];
  bold: Uint8Array;
}

/** Excel's built-in number formats, as exceljs names them (ids 27–36 and 50–58 depend on the locale). */
const BUILT_IN: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

export function readStyles(pkg: ZipPackage, part: string | null): Styles {
  const custom = new Map<number, string>();
  const fontBold: boolean[] = [];
  const xfs: { numFmtId: number; fontId: number }[] = [];
  if (part !== null) {
    const stack: string[] = [];
    parsePart(pkg, pkg.entry(part)!, {
      open(name, a) {
        const parent = stack[stack.length - 1];
        if (name === 'numFmt' && parent === 'numFmts') custom.set(Number(a.numFmtId), a.formatCode ?? '');
        else if (name === 'font' && parent === 'fonts') fontBold.push(false);
        else if (name === 'b' && parent === 'font' && stack[stack.length - 2] === 'fonts') {
          fontBold[fontBold.length - 1] = a.val === undefined || a.val === '1' || a.val === 'true';
        } else if (name === 'xf' && parent === 'cellXfs')
          xfs.push({ numFmtId: Number(a.numFmtId ?? 0), fontId: Number(a.fontId ?? 0) });
        // close() comes for self-closing elements too, so every open is pushed.
        stack.push(name);
      },
      close() {
        stack.pop();
      },
    });
  }
  const numberFormat = xfs.map((xf) => {
    const code = custom.get(xf.numFmtId) ?? BUILT_IN[xf.numFmtId];
    return code === undefined || code === '' || code === 'General' ? null : code;
  });
  return { numberFormat, bold: Uint8Array.from(xfs.map((xf) => (fontBold[xf.fontId] ? 1 : 0))) };
}
