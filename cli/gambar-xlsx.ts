import { strToU8, zipSync } from 'fflate';
import { columnLetters } from '../core/lembar/model';
import { BorderSide, Drawing, DrawnCell } from '../core/pohon/gambar';

/*
 * Drawing → .xlsx written directly: the CLI's host for the platform-neutral drawing, writing
 * the same cells, merges, sizes and print setup the add-ins write through their own APIs.
 * The sheet XML, the styles and the merges are written as strings in one pass over the
 * drawing, so the time and memory are linear in its size (exceljs checked every merge against
 * every earlier one: 41.7 s for a 2,000-row Renja).
 */

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot carry are written as Excel's own escape (`_x001B_`).
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
const argb = (rgb: string) => 'FF' + rgb.toUpperCase();

/** The style table, each distinct font, fill, border, number format and cell format once. */
class Styles {
  private readonly fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private readonly numFmts: string[] = [];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly index = new Map<string, number>();

  private id(list: string[], xml: string, offset = 0): number {
    const key = `${offset}|${xml}`;
    let i = this.index.get(key);
    if (i === undefined) {
      i = list.indexOf(xml);
      if (i < 0) i = list.push(xml) - 1;
      this.index.set(key, i);
    }
    return i + offset;
  }

  /** Cell format by a short key of the cell's style fields: the XML is built once per distinct style, not once per cell. */
  private readonly byKey = new Map<string, number>();

  of(c: DrawnCell): number {
    if (!c.fill && !c.font && !c.border && !c.align && !c.numberFormat) return 0;
    const f = c.font;
    const b = c.border;
    const a = c.align;
    const side = (x: BorderSide | undefined) => (x ? x.style + x.color : '');
    const key =
      `${c.fill ?? ''}|${f ? `${f.bold ? 1 : 0}${f.italic ? 1 : 0}:${f.size ?? ''}:${f.color ?? ''}` : '-'}|` +
      `${b ? `${side(b.left)},${side(b.right)},${side(b.top)},${side(b.bottom)}` : '-'}|` +
      `${a ? `${a.horizontal ?? ''}${a.vertical ?? ''}${a.wrap ? 1 : 0}` : '-'}|${c.numberFormat ?? ''}`;
    let xf = this.byKey.get(key);
    if (xf === undefined) {
      xf = this.build(c);
      this.byKey.set(key, xf);
    }
    return xf;
  }

  private build(c: DrawnCell): number {
    let font = 0;
    if (c.font) {
      const f = c.font;
      font = this.id(
        this.fonts,
        `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}<sz val="${f.size ?? 11}"/>${f.color ? `<color rgb="${argb(f.color)}"/>` : ''}<name val="Calibri"/><family val="2"/></font>`,
      );
    }
    const fill = c.fill
      ? this.id(
          this.fills,
          `<fill><patternFill patternType="solid"><fgColor rgb="${argb(c.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
      : 0;
    let border = 0;
    if (c.border) {
      const side = (name: string, b: BorderSide | undefined) =>
        b ? `<${name} style="${b.style}"><color rgb="${argb(b.color)}"/></${name}>` : `<${name}/>`;
      const b = c.border;
      border = this.id(
        this.borders,
        `<border>${side('left', b.left)}${side('right', b.right)}${side('top', b.top)}${side('bottom', b.bottom)}<diagonal/></border>`,
      );
    }
    const numFmt = c.numberFormat ? this.id(this.numFmts, c.numberFormat, 164) : 0;
    let align = '';
    if (c.align) {
      const a = c.align;
      const attrs = [
        a.horizontal ? ` horizontal="${a.horizontal}"` : '',
        a.vertical ? ` vertical="${a.vertical === 'middle' ? 'center' : a.vertical}"` : '',
        a.wrap ? ' wrapText="1"' : '',
      ].join('');
      align = `<alignment${attrs}/>`;
    }
    const applied = [
      numFmt ? ' applyNumberFormat="1"' : '',
      font ? ' applyFont="1"' : '',
      fill ? ' applyFill="1"' : '',
      border ? ' applyBorder="1"' : '',
      align ? ' applyAlignment="1"' : '',
    ].join('');
    const head = `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applied}`;
    const xf = align === '' ? `${head}/>` : `${head}>${align}</xf>`;
    return this.id(this.xfs, xf);
  }

  xml(): string {
    const numFmts =
      this.numFmts.length === 0
        ? ''
        : `<numFmts count="${this.numFmts.length}">${this.numFmts.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(f)}"/>`).join('')}</numFmts>`;
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}">${numFmts}` +
      `<fonts count="${this.fonts.length}">${this.fonts.join('')}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join('')}</fills>` +
      `<borders count="${this.borders.length}">${this.borders.join('')}</borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
    );
  }
}

function sheetXml(drawing: Drawing, styles: Styles): string {
  const out: string[] = [];
  const fit = drawing.print.fitToWidth;
  out.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL}">`);
  if (fit) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  const freeze = drawing.freeze && (drawing.freeze.rows > 0 || drawing.freeze.cols > 0) ? drawing.freeze : null;
  const grid = drawing.gridlines === false ? ' showGridLines="0"' : '';
  if (freeze) {
    const topLeft = `${columnLetters(freeze.cols)}${freeze.rows + 1}`;
    const pane = freeze.rows > 0 && freeze.cols > 0 ? 'bottomRight' : freeze.rows > 0 ? 'bottomLeft' : 'topRight';
    const split = `${freeze.cols > 0 ? ` xSplit="${freeze.cols}"` : ''}${freeze.rows > 0 ? ` ySplit="${freeze.rows}"` : ''}`;
    out.push(
      `<sheetViews><sheetView workbookViewId="0"${grid}><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`,
    );
  } else {
    out.push(`<sheetViews><sheetView workbookViewId="0"${grid}/></sheetViews>`);
  }
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (drawing.columnWidths.length > 0) {
    out.push('<cols>');
    drawing.columnWidths.forEach((w, i) => out.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`));
    out.push('</cols>');
  }
  // Cells by row, then column; a merge's hidden cells keep their style (borders) but no value.
  // Per row, the column spans a merge hides (all but its top-left), swept in column order
  // below: work in the merges' heights, not their areas or the sheet's width.
  const hidden = new Map<number, [number, number][]>();
  for (const m of drawing.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const from = r === m.top ? m.left + 1 : m.left;
      if (from > m.right) continue;
      const list = hidden.get(r);
      if (list) list.push([from, m.right]);
      else hidden.set(r, [[from, m.right]]);
    }
  }
  const byRow = new Map<number, DrawnCell[]>();
  for (const c of drawing.cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
  }
  let lastRow = drawing.rowHeights.length - 1;
  for (const r of byRow.keys()) if (r > lastRow) lastRow = r;
  const letters: string[] = [];
  out.push('<sheetData>');
  for (let r = 0; r <= lastRow; r++) {
    const cells = byRow.get(r);
    const h = drawing.rowHeights[r];
    if (!cells && h === undefined) continue;
    out.push(`<row r="${r + 1}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ''}>`);
    if (cells) {
      cells.sort((a, b) => a.col - b.col);
      const spans = hidden.get(r)?.sort((a, b) => a[0] - b[0]) ?? [];
      let j = 0;
      for (const c of cells) {
        while (j < spans.length && spans[j][1] < c.col) j++;
        const ref = `${(letters[c.col] ??= columnLetters(c.col))}${r + 1}`;
        const s = styles.of(c);
        const sAttr = s === 0 ? '' : ` s="${s}"`;
        const v = j < spans.length && spans[j][0] <= c.col ? null : c.value;
        if (v === null || v === '') out.push(`<c r="${ref}"${sAttr}/>`);
        else if (typeof v === 'number')
          out.push(Number.isFinite(v) ? `<c r="${ref}"${sAttr}><v>${v}</v></c>` : `<c r="${ref}"${sAttr}/>`);
        else out.push(`<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`);
      }
    }
    out.push('</row>');
  }
  out.push('</sheetData>');
  const merges = drawing.merges.filter((m) => m.bottom > m.top || m.right > m.left);
  if (merges.length > 0) {
    out.push(`<mergeCells count="${merges.length}">`);
    for (const m of merges)
      out.push(`<mergeCell ref="${columnLetters(m.left)}${m.top + 1}:${columnLetters(m.right)}${m.bottom + 1}"/>`);
    out.push('</mergeCells>');
  }
  out.push('<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>');
  const paper = drawing.print.paper === 'A3' ? 8 : 9;
  out.push(
    `<pageSetup paperSize="${paper}" orientation="${drawing.print.landscape ? 'landscape' : 'portrait'}"${fit ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`,
  );
  out.push('</worksheet>');
  return out.join('');
}

/** Drawings, one sheet each, as the bytes of a new .xlsx. */
export function drawingsXlsx(drawings: readonly Drawing[]): Buffer {
  const styles = new Styles();
  const names = drawings.map(
    (d, i) =>
      (d.sheetName.slice(0, 31) || 'Pohon Kinerja') +
      (drawings.slice(0, i).some((e) => e.sheetName === d.sheetName) ? ` ${i + 1}` : ''),
  );
  const sheets = drawings.map((d) => sheetXml(d, styles));
  const titles = drawings
    .map((d, i) =>
      d.print.repeatRows
        ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${names[i].replace(/'/g, "''")}'!$1:$${d.print.repeatRows}</definedName>`
        : '',
    )
    .join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`).join('') +
        `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ),
    'docProps/core.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Lembar Kinerja</dc:creator></cp:coreProperties>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>` +
        names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        `</sheets>${titles ? `<definedNames>${titles}</definedNames>` : ''}</workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">` +
        sheets
          .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(styles.xml()),
  };
  sheets.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml)));
  return Buffer.from(zipSync(files, { level: 6 }));
}
