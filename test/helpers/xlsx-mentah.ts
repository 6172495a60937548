import { strToU8, zipSync, Zippable } from 'fflate';
import { CellValue, columnLetters } from '../../core/lembar/model';

/**
 * A bare .xlsx package written by hand, for tests and benchmarks that need what no library
 * writes on purpose: namespace prefixes, a workbook outside `xl/`, odd part names, cells
 * without `r`, UTF-16 parts, a row numbered 99,999,999, thousands of sheets or merges. Each
 * sheet is raw worksheet XML (see `lembarXml`), so a test can put anything in it.
 */
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface PaketOptions {
  sheets: { name: string; xml: string }[];
  /** Where the workbook part lives (Excel: `xl/workbook.xml`). */
  workbookPart?: string;
  /** Where sheet i lives, relative to the workbook's folder (Excel: `worksheets/sheet{i+1}.xml`). */
  sheetTarget?: (i: number) => string;
  /** Prefix every SpreadsheetML element with `x:` as the .NET Open XML SDK does. */
  prefixed?: boolean;
  /** Write every XML part as UTF-16LE with a BOM. */
  utf16?: boolean;
  /** Deflate level (0 stores). */
  level?: 0 | 1 | 6 | 9;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function paketXlsx(o: PaketOptions): Uint8Array {
  const wbPart = o.workbookPart ?? 'xl/workbook.xml';
  const slash = wbPart.lastIndexOf('/');
  const wbFolder = slash < 0 ? '' : wbPart.slice(0, slash + 1);
  const wbName = wbPart.slice(slash + 1);
  const target = o.sheetTarget ?? ((i: number) => `worksheets/sheet${i + 1}.xml`);
  const p = o.prefixed ? 'x:' : '';
  const xmlns = o.prefixed ? `xmlns:x="${NS}"` : `xmlns="${NS}"`;
  const encode = (xml: string) => {
    const text = `<?xml version="1.0" encoding="${o.utf16 ? 'UTF-16' : 'UTF-8'}" standalone="yes"?>\n${xml}`;
    if (!o.utf16) return strToU8(text);
    const body = Buffer.from(text, 'utf16le');
    return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
  };
  const files: Zippable = {};
  const sheetEntries = o.sheets
    .map((s, i) => `<${p}sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  files['[Content_Types].xml'] = encode(
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/${wbPart}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      o.sheets
        .map(
          (_, i) =>
            `<Override PartName="/${wbFolder}${target(i)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      `</Types>`,
  );
  files['_rels/.rels'] = encode(
    `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${wbPart}"/></Relationships>`,
  );
  files[wbPart] = encode(`<${p}workbook ${xmlns} xmlns:r="${REL}"><${p}sheets>${sheetEntries}</${p}sheets></${p}workbook>`);
  files[`${wbFolder}_rels/${wbName}.rels`] = encode(
    `<Relationships xmlns="${PKG_REL}">` +
      o.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${target(i)}"/>`).join('') +
      `</Relationships>`,
  );
  o.sheets.forEach((s, i) => {
    const xml = o.prefixed ? s.xml.replace(/<(\/?)(?!x:)([a-zA-Z]+)/g, '<$1x:$2').replace(`xmlns="${NS}"`, `xmlns:x="${NS}"`) : s.xml;
    files[`${wbFolder}${target(i)}`] = encode(xml);
  });
  return zipSync(files, { level: o.level ?? 6 });
}

/** A cell's XML: numbers as numbers, text inline, `=…` as a formula with its cached result. */
export function selXml(value: CellValue, ref: string | null, cached?: number): string {
  const r = ref === null ? '' : ` r="${ref}"`;
  if (value === null) return '';
  if (typeof value === 'number') return `<c${r}><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c${r} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value.startsWith('=')) return `<c${r}><f>${escapeXml(value.slice(1))}</f>${cached === undefined ? '' : `<v>${cached}</v>`}</c>`;
  return `<c${r} t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
}

/** Worksheet XML for a grid of values (row/cell `r` written unless `withoutRefs`), plus merges. */
export function lembarXml(
  values: CellValue[][],
  options: { merges?: string[]; withoutRefs?: boolean; extraRows?: string } = {},
): string {
  const parts: string[] = [`<worksheet xmlns="${NS}"><sheetData>`];
  values.forEach((row, r) => {
    const cells = row.map((v, c) => selXml(v, options.withoutRefs ? null : `${columnLetters(c)}${r + 1}`)).join('');
    parts.push(options.withoutRefs ? `<row>${cells}</row>` : `<row r="${r + 1}">${cells}</row>`);
  });
  if (options.extraRows) parts.push(options.extraRows);
  parts.push('</sheetData>');
  if (options.merges && options.merges.length > 0) {
    parts.push(
      `<mergeCells count="${options.merges.length}">${options.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`,
    );
  }
  parts.push('</worksheet>');
  return parts.join('');
}
