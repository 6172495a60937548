import { Severity } from '../../core/periksa/temuan';
import { SEVERITY_FILL } from '../../core/tanda';
import { applyEdits, attr, closeOf, findTag, prefixOf, scanTags, Tag, withAttributes } from './xml';

/** Children of <styleSheet> in the order the schema requires. */
const STYLE_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/**
 * Appends to xl/styles.xml what the marks need and nothing else: one solid fill per severity
 * used, and for each (original cell format, severity) a copy of that cell format whose only
 * change is the fill. Existing fonts, fills, borders and formats keep their indexes.
 */
export class StyleEditor {
  private readonly p: string;
  private readonly xfTexts: string[];
  private readonly fillCount: number;
  private readonly fontCount: number;
  private readonly font0: string | null;
  private readonly hasStyleXfs: boolean;
  private readonly newFills: string[] = [];
  private readonly newFonts: string[] = [];
  private readonly newXfs: string[] = [];
  private readonly fillOf = new Map<string, number>();
  private readonly xfOf = new Map<string, number>();
  private boldFont: number | null = null;

  constructor(private readonly xml: string) {
    const tags = scanTags(xml);
    this.p = prefixOf(tags[0]);
    this.xfTexts = childTexts(xml, tags, 'cellXfs', 'xf');
    this.fillCount = childTexts(xml, tags, 'fills', 'fill').length;
    const fonts = childTexts(xml, tags, 'fonts', 'font');
    this.fontCount = fonts.length;
    this.font0 = fonts[0] ?? null;
    this.hasStyleXfs = childTexts(xml, tags, 'cellStyleXfs', 'xf').length > 0;
  }

  /** Built from a styles part that may lack sections a valid part can omit. */
  static from(xml: string | null): StyleEditor {
    return new StyleEditor(withRequiredSections(xml ?? MINIMAL_STYLES));
  }

  get cellXfCount(): number {
    return this.xfTexts.length;
  }

  /** The cell format to give a cell that now has `xf` (index into cellXfs) and this severity. */
  markedXf(xf: number, severity: Severity): number {
    const base = xf >= 0 && xf < this.xfTexts.length ? xf : 0;
    const key = `${base}:${severity}`;
    const known = this.xfOf.get(key);
    if (known !== undefined) return known;
    const source = this.xfTexts[base] ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`;
    const startEnd = tagTextEnd(source);
    const start = withAttributes(source.slice(0, startEnd), { fillId: String(this.fill(severity)), applyFill: '1' });
    return this.addXf(key, start + source.slice(startEnd));
  }

  /** Header cells of the findings sheet: bold, wrapped, top-aligned. */
  headerXf(): number {
    return this.addXf('header', this.plainXf(this.bold(), null));
  }

  /** Body cells of the findings sheet: wrapped, top-aligned, optionally filled. */
  bodyXf(severity: Severity | null = null): number {
    return this.addXf(`body:${severity ?? ''}`, this.plainXf(0, severity === null ? null : this.fill(severity)));
  }

  private plainXf(fontId: number, fillId: number | null): string {
    const p = this.p;
    const xfId = this.hasStyleXfs ? ' xfId="0"' : '';
    const fill = fillId === null ? '0' : String(fillId);
    const apply = `${fontId ? ' applyFont="1"' : ''}${fillId !== null ? ' applyFill="1"' : ''}`;
    return `<${p}xf numFmtId="0" fontId="${fontId}" fillId="${fill}" borderId="0"${xfId}${apply} applyAlignment="1"><${p}alignment vertical="top" wrapText="1"/></${p}xf>`;
  }

  private addXf(key: string, text: string): number {
    const known = this.xfOf.get(key);
    if (known !== undefined) return known;
    const index = this.xfTexts.length + this.newXfs.length;
    this.newXfs.push(text);
    this.xfOf.set(key, index);
    return index;
  }

  private fill(severity: Severity): number {
    const known = this.fillOf.get(severity);
    if (known !== undefined) return known;
    const p = this.p;
    // Excel reserves fills 0 and 1 (none, gray125); a part with fewer gets them first.
    const reserved = ['none', 'gray125'];
    while (this.fillCount + this.newFills.length < 2) {
      const type = reserved[this.fillCount + this.newFills.length];
      this.newFills.push(`<${p}fill><${p}patternFill patternType="${type}"/></${p}fill>`);
    }
    const index = this.fillCount + this.newFills.length;
    this.newFills.push(
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${SEVERITY_FILL[severity]}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
    this.fillOf.set(severity, index);
    return index;
  }

  private bold(): number {
    if (this.boldFont !== null) return this.boldFont;
    const p = this.p;
    let font = this.font0 ?? `<${p}font/>`;
    if (!/<(\w+:)?b[\s/>]/.test(font)) {
      if (font.endsWith('/>')) font = `${font.slice(0, -2).replace(/\s+$/, '')}><${p}b/></${p}font>`;
      else {
        const end = tagTextEnd(font);
        font = `${font.slice(0, end)}<${p}b/>${font.slice(end)}`;
      }
    }
    this.newFonts.push(font);
    this.boldFont = this.fontCount + this.newFonts.length - 1;
    return this.boldFont;
  }

  /** The styles part with everything appended. */
  result(): string {
    const tags = scanTags(this.xml);
    const edits = [
      ...appendEdits(this.xml, tags, 'fonts', this.newFonts, this.fontCount),
      ...appendEdits(this.xml, tags, 'fills', this.newFills, this.fillCount),
      ...appendEdits(this.xml, tags, 'cellXfs', this.newXfs, this.xfTexts.length),
    ];
    return applyEdits(this.xml, edits);
  }
}

/** One past the `>` of the first tag in `text`. */
function tagTextEnd(text: string): number {
  return scanTags(text)[0].end;
}

function childTexts(xml: string, tags: Tag[], parent: string, child: string): string[] {
  const i = findTag(tags, parent, 1);
  if (i < 0) return [];
  const close = closeOf(tags, i);
  if (close === null) return [];
  const out: string[] = [];
  for (let j = i + 1; j < close; j++) {
    const t = tags[j];
    if (t.depth !== tags[i].depth + 1 || t.kind === 'close' || t.local !== child) continue;
    const end = t.kind === 'open' ? tags[closeOf(tags, j)!].end : t.end;
    out.push(xml.slice(t.start, end));
  }
  return out;
}

function appendEdits(xml: string, tags: Tag[], parent: string, children: string[], before: number) {
  if (children.length === 0) return [];
  const i = findTag(tags, parent, 1);
  const t = tags[i];
  const count = String(before + children.length);
  const open = xml.slice(t.start, t.end);
  const hasCount = attr(open, 'count') !== null;
  if (t.kind === 'empty') {
    const opened = withAttributes(open, hasCount ? { count } : {}, true);
    return [{ start: t.start, end: t.end, text: `${opened}${children.join('')}</${t.name}>` }];
  }
  const close = tags[closeOf(tags, i)!];
  return [
    ...(hasCount ? [{ start: t.start, end: t.end, text: withAttributes(open, { count }) }] : []),
    { start: close.start, end: close.start, text: children.join('') },
  ];
}

/**
 * A styles part with <fonts>, <fills> (the two reserved fills first) and <cellXfs> present,
 * inserted at their schema position when a (still valid) part left them out.
 */
function withRequiredSections(xml: string): string {
  let out = xml;
  const defaults: Record<string, (p: string) => string> = {
    fonts: (p) => `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font></${p}fonts>`,
    fills: (p) =>
      `<${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills>`,
    cellXfs: (p) => `<${p}cellXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellXfs>`,
  };
  for (const section of ['fonts', 'fills', 'cellXfs']) {
    const tags = scanTags(out);
    if (findTag(tags, section, 1) >= 0) continue;
    const p = prefixOf(tags[0]);
    const later = STYLE_ORDER.slice(STYLE_ORDER.indexOf(section) + 1);
    const next = tags.find((t) => t.depth === 1 && t.kind !== 'close' && later.includes(t.local));
    const root = tags[0];
    if (next) {
      out = applyEdits(out, [{ start: next.start, end: next.start, text: defaults[section](p) }]);
    } else if (root.kind === 'empty') {
      out = applyEdits(out, [
        {
          start: root.start,
          end: root.end,
          text: `${withAttributes(out.slice(root.start, root.end), {}, true)}${defaults[section](p)}</${root.name}>`,
        },
      ]);
    } else {
      const close = tags[closeOf(tags, 0)!];
      out = applyEdits(out, [{ start: close.start, end: close.start, text: defaults[section](p) }]);
    }
  }
  return out;
}
