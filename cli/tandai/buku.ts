import { TandaiError } from './galat';
import {
  addRelationship,
  CONTENT_TYPE,
  ensureContentType,
  isRelType,
  NS,
  Parts,
  parseRels,
  REL_TYPE,
  relsPartOf,
  Relationship,
  resolveTarget,
} from './paket';
import { applyEdits, attributes, closeOf, escapeAttr, findTag, prefixFor, prefixOf, scanTags } from './xml';

/** The workbook part: its sheets, where each one's part is, and the styles part. */

export interface SheetEntry {
  name: string;
  sheetId: number;
  /** The sheet's part, when it is a worksheet present in the package (not a chartsheet). */
  part: string | null;
}

export interface WorkbookInfo {
  part: string;
  sheets: SheetEntry[];
  stylesPart: string | null;
  /** The workbook is macro-enabled (.xlsm content type). */
  macro: boolean;
  /** ISO Strict namespaces, which this writer does not produce. */
  strict: boolean;
}

export async function readWorkbook(pkg: Parts): Promise<WorkbookInfo> {
  const root = parseRels(await pkg.read('_rels/.rels'));
  const office = root.find((r) => !r.external && isRelType(r, REL_TYPE.officeDocument));
  const part = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
  const xml = await pkg.read(part);
  if (xml === null) throw new TandaiError('Bagian buku kerja (workbook.xml) tidak ditemukan.');
  const rels = parseRels(await pkg.read(relsPartOf(part)));
  const byId = new Map<string, Relationship>(rels.map((r) => [r.id, r]));
  const tags = scanTags(xml);
  const sheets: SheetEntry[] = [];
  for (const t of tags) {
    if (t.kind === 'close' || t.local !== 'sheet' || t.depth !== 2) continue;
    const a = attributes(xml.slice(t.start, t.end));
    let relId = '';
    for (const [k, v] of a) if (k.endsWith(':id')) relId = v;
    const rel = byId.get(relId);
    const target = rel && !rel.external && isRelType(rel, REL_TYPE.worksheet) ? resolveTarget(part, rel.target) : null;
    sheets.push({
      name: a.get('name') ?? '',
      sheetId: Number(a.get('sheetId') ?? '0') || 0,
      part: target && pkg.has(target) ? pkg.entry(target) : null,
    });
  }
  const stylesRel = rels.find((r) => !r.external && isRelType(r, REL_TYPE.styles));
  const stylesPart = stylesRel ? resolveTarget(part, stylesRel.target) : null;
  const macro = /macroEnabled/i.test(await contentTypeOf(pkg, part));
  return {
    part,
    sheets,
    stylesPart: stylesPart && pkg.has(stylesPart) ? pkg.entry(stylesPart) : stylesPart,
    macro,
    strict: xml.includes(NS.strictMain),
  };
}

/** The content type [Content_Types].xml gives a part: its Override, else its extension's Default. */
export async function contentTypeOf(pkg: Parts, part: string): Promise<string> {
  const xml = (await pkg.read('[Content_Types].xml')) ?? '';
  const partName = '/' + part.replace(/^\//, '').toLowerCase();
  const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  let byDefault = '';
  for (const t of scanTags(xml)) {
    if (t.kind === 'close') continue;
    const a = attributes(xml.slice(t.start, t.end));
    // Attribute order is free: Excel writes PartName first, other producers ContentType first.
    if (t.local === 'Override' && (a.get('PartName') ?? '').toLowerCase() === partName) return a.get('ContentType') ?? '';
    if (t.local === 'Default' && (a.get('Extension') ?? '').toLowerCase() === ext) byDefault = a.get('ContentType') ?? '';
  }
  return byDefault;
}

/** Add a worksheet part and list it last in the workbook. */
export async function addWorksheet(pkg: Parts, info: WorkbookInfo, name: string, sheetXml: string): Promise<void> {
  const part = pkg.freeName('xl/worksheets/sheet', '.xml');
  pkg.write(part, sheetXml);
  await ensureContentType(pkg, part, CONTENT_TYPE.worksheet);
  const relId = await addRelationship(pkg, info.part, REL_TYPE.worksheet, part);
  const xml = (await pkg.read(info.part))!;
  const tags = scanTags(xml);
  const p = prefixOf(tags[0]);
  const r = prefixFor(xml.slice(tags[0].start, tags[0].end), NS.rel);
  const idAttr = r !== null && r !== '' ? `${r}id="${relId}"` : `xmlns:r="${NS.rel}" r:id="${relId}"`;
  const sheetId = info.sheets.reduce((m, s) => Math.max(m, s.sheetId), 0) + 1;
  const entry = `<${p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${idAttr}/>`;
  const sheetsAt = findTag(tags, 'sheets', 1);
  if (sheetsAt < 0) throw new TandaiError('Daftar lembar (<sheets>) tidak ditemukan.');
  const close = closeOf(tags, sheetsAt);
  const out =
    close === null
      ? applyEdits(xml, [
          { start: tags[sheetsAt].start, end: tags[sheetsAt].end, text: `<${tags[sheetsAt].name}>${entry}</${tags[sheetsAt].name}>` },
        ])
      : applyEdits(xml, [{ start: tags[close].start, end: tags[close].start, text: entry }]);
  pkg.write(info.part, out);
}

/** Create xl/styles.xml for a workbook that had none. */
export async function createStylesPart(pkg: Parts, info: WorkbookInfo, xml: string): Promise<string> {
  const part = pkg.has('xl/styles.xml') ? pkg.freeName('xl/styles', '.xml') : 'xl/styles.xml';
  pkg.write(part, xml);
  await ensureContentType(pkg, part, CONTENT_TYPE.styles);
  await addRelationship(pkg, info.part, REL_TYPE.styles, part);
  return part;
}
