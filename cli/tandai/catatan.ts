import { TandaiError } from './galat';
import { columnLetters } from '../../core/lembar/model';
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
  resolveTarget,
} from './paket';
import { CellPos } from './lembar-xml';
import { applyEdits, attr, closeOf, decodeEntities, Edit, escapeText, findTag, prefixOf, scanTags, withAttributes } from './xml';

/**
 * Cell notes ("comments" in the file format, "Catatan" in id-ID Excel): the comments part
 * holds the text, a legacy VML drawing holds the box Excel shows on hover. A sheet that
 * already has notes keeps them: ours are added to the same parts, and a cell that already has
 * a note gets our text appended to it rather than a second note.
 */

import { NOTE_AUTHOR } from '../../core/tanda';

export { NOTE_AUTHOR };
/** Excel's limit for a note's text. */
const MAX_NOTE = 32767;

export interface Note extends CellPos {
  /** Lines of our text (already neutralised and short). */
  lines: string[];
}

const VML_NS = {
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  x: 'urn:schemas-microsoft-com:office:excel',
};

const RUN_PROPS = (bold: boolean, p: string) =>
  `<${p}rPr>${bold ? `<${p}b/>` : ''}<${p}sz val="9"/><${p}color indexed="81"/><${p}rFont val="Tahoma"/><${p}family val="2"/></${p}rPr>`;

/** Two runs as Excel writes a note: the author in bold, then the text. */
function runs(p: string, lines: string[], separated: boolean): string {
  const head = `${separated ? '\n\n' : ''}${NOTE_AUTHOR}:`;
  const rest = '\n' + lines.join('\n');
  return (
    `<${p}r>${RUN_PROPS(true, p)}<${p}t xml:space="preserve">${escapeText(head)}</${p}t></${p}r>` +
    `<${p}r>${RUN_PROPS(false, p)}<${p}t xml:space="preserve">${escapeText(rest)}</${p}t></${p}r>`
  );
}

/** Lines cut so that a whole note stays within Excel's limit. */
function fit(lines: string[], room: number): string[] {
  const out: string[] = [];
  let used = NOTE_AUTHOR.length + 4;
  for (const l of lines) {
    if (used + l.length + 1 > room) {
      out.push('…');
      break;
    }
    out.push(l);
    used += l.length + 1;
  }
  return out;
}

/**
 * Add `notes` to the worksheet part `sheetPart`. Returns the relationship id the sheet's new
 * <legacyDrawing> must carry, or null when the sheet already points at a VML drawing.
 */
export async function addNotes(pkg: Parts, sheetPart: string, legacyDrawingId: string | null, notes: Note[]): Promise<string | null> {
  if (notes.length === 0) return null;
  const rels = parseRels(await pkg.read(relsPartOf(sheetPart)));

  // 1. The comments part: existing or new.
  const commentsRel = rels.find((r) => !r.external && isRelType(r, REL_TYPE.comments));
  let commentsPart: string;
  let commentsXml: string;
  if (commentsRel && pkg.has(resolveTarget(sheetPart, commentsRel.target))) {
    commentsPart = resolveTarget(sheetPart, commentsRel.target);
    commentsXml = (await pkg.read(commentsPart))!;
  } else {
    commentsPart = pkg.freeName('xl/comments', '.xml');
    commentsXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS.main}"><authors/><commentList/></comments>`;
    await addRelationship(pkg, sheetPart, REL_TYPE.comments, commentsPart);
    await ensureContentType(pkg, commentsPart, CONTENT_TYPE.comments);
  }
  const { xml: newComments, shapesNeeded } = mergeComments(commentsXml, notes);
  pkg.write(commentsPart, newComments);
  if (shapesNeeded.length === 0) return null;

  // 2. The VML drawing: the one the sheet points at, or a new one.
  const vmlRel = legacyDrawingId ? rels.find((r) => r.id === legacyDrawingId) : undefined;
  const existingVml = vmlRel && !vmlRel.external ? resolveTarget(sheetPart, vmlRel.target) : null;
  if (existingVml && pkg.has(existingVml)) {
    const vml = (await pkg.read(existingVml))!;
    pkg.write(existingVml, addShapes(vml, shapesNeeded));
    return null;
  }
  const vmlPart = pkg.freeName('xl/drawings/vmlDrawing', '.vml');
  const block = await freeIdBlock(pkg);
  pkg.write(vmlPart, newVml(block, shapesNeeded));
  await ensureContentType(pkg, vmlPart, CONTENT_TYPE.vml, true);
  const relId = await addRelationship(pkg, sheetPart, REL_TYPE.vmlDrawing, vmlPart);
  // A sheet with a <legacyDrawing> whose target is missing keeps it; the new one is then unused.
  return legacyDrawingId ? null : relId;
}

/** Comments part with our notes in; the notes whose cell had no comment need a VML shape. */
export function mergeComments(xml: string, notes: Note[]): { xml: string; shapesNeeded: Note[] } {
  let tags = scanTags(xml);
  const p = prefixOf(tags[0]);
  let out = xml;

  // Our author.
  let authorsAt = findTag(tags, 'authors', 1);
  if (authorsAt < 0) {
    out = applyEdits(out, [{ start: tags[0].end, end: tags[0].end, text: `<${p}authors/>` }]);
    tags = scanTags(out);
    authorsAt = findTag(tags, 'authors', 1);
  }
  const authorNames: string[] = [];
  const authorsClose = closeOf(tags, authorsAt);
  if (authorsClose !== null) {
    for (let j = authorsAt + 1; j < authorsClose; j++) {
      const t = tags[j];
      if (t.local !== 'author' || t.depth !== 2) continue;
      if (t.kind === 'empty') authorNames.push('');
      else if (t.kind === 'open') authorNames.push(decodeEntities(out.slice(t.end, tags[closeOf(tags, j)!].start)));
    }
  }
  let authorId = authorNames.indexOf(NOTE_AUTHOR);
  if (authorId < 0) {
    authorId = authorNames.length;
    out = insertLastChild(out, tags, authorsAt, `<${p}author>${escapeText(NOTE_AUTHOR)}</${p}author>`);
    tags = scanTags(out);
  }

  let listAt = findTag(tags, 'commentList', 1);
  if (listAt < 0) {
    const authorsEnd = tags[closeOf(tags, findTag(tags, 'authors', 1)) ?? findTag(tags, 'authors', 1)].end;
    out = applyEdits(out, [{ start: authorsEnd, end: authorsEnd, text: `<${p}commentList/>` }]);
    tags = scanTags(out);
    listAt = findTag(tags, 'commentList', 1);
  }

  // Existing comments by cell.
  const existing = new Map<string, number>();
  const listClose = closeOf(tags, listAt);
  if (listClose !== null) {
    for (let j = listAt + 1; j < listClose; j++) {
      const t = tags[j];
      if (t.local !== 'comment' || t.depth !== 2 || t.kind === 'close') continue;
      const ref = (attr(out.slice(t.start, t.end), 'ref') ?? '').replace(/\$/g, '').toUpperCase();
      if (!existing.has(ref)) existing.set(ref, j);
    }
  }

  const edits: Edit[] = [];
  const fresh: string[] = [];
  const shapesNeeded: Note[] = [];
  for (const note of notes) {
    const ref = `${columnLetters(note.col)}${note.row + 1}`;
    const at = existing.get(ref);
    if (at === undefined) {
      fresh.push(
        `<${p}comment ref="${ref}" authorId="${authorId}" shapeId="0"><${p}text>${runs(p, fit(note.lines, MAX_NOTE), false)}</${p}text></${p}comment>`,
      );
      shapesNeeded.push(note);
      continue;
    }
    edits.push(appendToComment(out, tags, at, p, note.lines));
  }
  if (fresh.length > 0) {
    const list = tags[listAt];
    if (list.kind === 'empty') {
      edits.push({
        start: list.start,
        end: list.end,
        text: `${withAttributes(out.slice(list.start, list.end), {}, true)}${fresh.join('')}</${list.name}>`,
      });
    } else {
      const close = tags[closeOf(tags, listAt)!];
      edits.push({ start: close.start, end: close.start, text: fresh.join('') });
    }
  }
  return { xml: applyEdits(out, edits), shapesNeeded };
}

function insertLastChild(xml: string, tags: ReturnType<typeof scanTags>, i: number, child: string): string {
  const t = tags[i];
  if (t.kind === 'empty') {
    return applyEdits(xml, [
      { start: t.start, end: t.end, text: `${withAttributes(xml.slice(t.start, t.end), {}, true)}${child}</${t.name}>` },
    ]);
  }
  const close = tags[closeOf(tags, i)!];
  return applyEdits(xml, [{ start: close.start, end: close.start, text: child }]);
}

/** Our runs added at the end of an existing comment's rich text (before any phonetic runs). */
function appendToComment(xml: string, tags: ReturnType<typeof scanTags>, commentAt: number, p: string, lines: string[]): Edit {
  const commentClose = closeOf(tags, commentAt);
  let textAt = -1;
  if (commentClose !== null) {
    for (let j = commentAt + 1; j < commentClose; j++) {
      if (tags[j].local === 'text' && tags[j].depth === tags[commentAt].depth + 1 && tags[j].kind !== 'close') {
        textAt = j;
        break;
      }
    }
  }
  const existingLength =
    commentClose !== null ? xml.slice(tags[commentAt].end, tags[commentClose].start).replace(/<[^>]*>/g, '').length : 0;
  const added = runs(p, fit(lines, Math.max(0, MAX_NOTE - existingLength - 2)), true);
  if (textAt < 0) {
    const t = tags[commentAt];
    if (t.kind === 'empty') {
      return {
        start: t.start,
        end: t.end,
        text: `${withAttributes(xml.slice(t.start, t.end), {}, true)}<${p}text>${added}</${p}text></${t.name}>`,
      };
    }
    return { start: t.end, end: t.end, text: `<${p}text>${added}</${p}text>` };
  }
  const text = tags[textAt];
  if (text.kind === 'empty') {
    return {
      start: text.start,
      end: text.end,
      text: `${withAttributes(xml.slice(text.start, text.end), {}, true)}${added}</${text.name}>`,
    };
  }
  const textClose = closeOf(tags, textAt)!;
  for (let j = textAt + 1; j < textClose; j++) {
    const t = tags[j];
    if (t.depth === text.depth + 1 && t.kind !== 'close' && (t.local === 'rPh' || t.local === 'phoneticPr')) {
      return { start: t.start, end: t.start, text: added };
    }
  }
  return { start: tags[textClose].start, end: tags[textClose].start, text: added };
}

/** A VML shape-id block (`o:idmap data`) no drawing in the package uses yet. */
async function freeIdBlock(pkg: Parts): Promise<number> {
  const used = new Set<number>();
  for (const name of pkg.partNames()) {
    if (!name.toLowerCase().endsWith('.vml')) continue;
    const text = (await pkg.read(name)) ?? '';
    for (const m of text.matchAll(/idmap\b[^>]*?\bdata\s*=\s*["']([^"']*)["']/g)) {
      for (const n of m[1].split(',')) if (/^\s*\d+\s*$/.test(n)) used.add(Number(n));
    }
  }
  let block = 1;
  while (used.has(block)) block++;
  return block;
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function shape(id: number, note: Note, nsDecl: string): string {
  const lines = note.lines.reduce((n, l) => n + Math.max(1, Math.ceil(l.length / 40)), 1);
  const height = Math.min(24, 2 + lines);
  const anchor = [note.col + 1, 15, Math.max(0, note.row - 1), 10, note.col + 5, 15, Math.max(0, note.row - 1) + height, 4].join(', ');
  return (
    `<v:shape${nsDecl} id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:${height * 15}pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${note.row}</x:Row><x:Column>${note.col}</x:Column></x:ClientData></v:shape>`
  );
}

function newVml(block: number, notes: Note[]): string {
  let id = block * 1024;
  const shapes = notes
    .map((n) => {
      id++;
      if (id % 1024 === 0) id++;
      return shape(id, n, '');
    })
    .join('');
  const data = Array.from({ length: Math.floor(id / 1024) - block + 1 }, (_, i) => block + i).join(',');
  return (
    `<xml xmlns:v="${VML_NS.v}" xmlns:o="${VML_NS.o}" xmlns:x="${VML_NS.x}">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${data}"/></o:shapelayout>` +
    SHAPETYPE +
    shapes +
    '</xml>'
  );
}

/**
 * Shapes added before the drawing's closing tag. VML from Excel is not always well-formed XML
 * (bare `<br>`), so the drawing is edited as text: only the end is touched, and the id block
 * list is widened when the new ids need another block.
 */
export function addShapes(vml: string, notes: Note[]): string {
  const close = vml.lastIndexOf('</xml>');
  if (close < 0) throw new TandaiError('Gambar VML catatan tidak dikenali.');
  const ids = [...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
  const idmap = /(<o:idmap\b[^>]*?\bdata\s*=\s*["'])([^"']*)(["'])/.exec(vml);
  const blocks = idmap
    ? idmap[2]
        .split(',')
        .map((s) => Number(s.trim()))
        .filter((n) => Number.isInteger(n))
    : [];
  // reduce, not Math.max(...spread): a drawing with ~125,000 notes overflows the argument stack.
  let next = Math.max(
    ids.reduce((a, b) => Math.max(a, b), 0),
    (blocks.length ? blocks.reduce((a, b) => Math.min(a, b)) : 1) * 1024,
  );
  const root = /<xml\b[^>]*>/.exec(vml)?.[0] ?? '';
  const missing = Object.entries(VML_NS).filter(([pfx, ns]) => !new RegExp(`xmlns:${pfx}\\s*=\\s*["']${ns}["']`).test(root));
  const nsDecl = missing.map(([pfx, ns]) => ` xmlns:${pfx}="${ns}"`).join('');
  const newBlocks = new Set(blocks);
  let added = '';
  if (!/_x0000_t202|o:spt\s*=\s*["']202["']/.test(vml))
    added += nsDecl ? SHAPETYPE.replace('<v:shapetype', `<v:shapetype${nsDecl}`) : SHAPETYPE;
  for (const note of notes) {
    next++;
    if (next % 1024 === 0) next++;
    newBlocks.add(Math.floor(next / 1024));
    added += shape(next, note, nsDecl);
  }
  let out = vml.slice(0, close) + added + vml.slice(close);
  if (idmap) {
    const list = [...newBlocks].sort((a, b) => a - b).join(',');
    if (list !== idmap[2]) out = out.replace(idmap[0], `${idmap[1]}${list}${idmap[3]}`);
  }
  return out;
}
