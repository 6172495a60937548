import { a1, parseA1, parseCellRef, Sheet, sheetWidth, Workbook } from '../../../core/lembar/model';
import { Finding, FindingSchema } from '../../../core/periksa/temuan';
import { PeriksaResult } from '../../../core/periksa';
import { countNodes, Drawing, PohonKinerjaResult, walk } from '../../../core/pohon';
import { MarkPlan, NOTE_AUTHOR } from '../../../core/tanda';
import { Table, TableSchema } from '../../../core/tabel/model';

/*
 * What "well-formed" means for everything the core hands to a host, as lists of problems (empty
 * when all is well) so a failing fuzz case prints every problem at once. A host writes a
 * finding's fill and note at its cell: a cell outside the sheet, an unparsable address or a
 * message reading "undefined" would break the workbook or the planner's trust.
 */

/** Leftovers of code printed into a sentence: a missing value, a number that was not one, an object. */
const ARTEFACTS = ['undefined', 'NaN', '[object', 'null', 'Infinity'] as const;
const ARTEFACT_RE = /\bundefined\b|\bNaN\b|\[object|\bnull\b|\bInfinity\b/g;

/** The artefact words that values themselves contain (a cell typed "null", a NaN argument): those may be quoted back. */
export function kataDalam(values: unknown): Set<string> {
  const found = new Set<string>();
  const scan = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(scan);
    else if (typeof v === 'string' || typeof v === 'number') {
      // Case-insensitive: a message may lower-case what it quotes ("#NULL!" as a level name).
      const s = String(v).toLowerCase();
      for (const a of ARTEFACTS) if (s.includes(a.toLowerCase())) found.add(a);
    }
  };
  scan(values);
  return found;
}

/** The artefact words a workbook's own names, cells and formulas contain. */
export function kataPengguna(workbook: Workbook): Set<string> {
  return kataDalam(workbook.sheets.map((s) => [s.name, s.values, s.formulas ?? []]));
}

/** Problems of one sentence shown to a planner. */
export function kalimatBermasalah(text: unknown, allowed: ReadonlySet<string>, what: string): string[] {
  if (typeof text !== 'string' || text.trim() === '') return [`${what}: kosong atau bukan teks (${JSON.stringify(text)})`];
  const bad = (text.match(ARTEFACT_RE) ?? []).filter((a) => !allowed.has(a));
  return bad.length > 0 ? [`${what}: memuat ${JSON.stringify(bad)}: ${text}`] : [];
}

interface Blok {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The sheet's block in absolute 0-based positions; null for a sheet with no cell. */
export function blokLembar(sheet: Sheet): Blok | null {
  const w = sheetWidth(sheet);
  if (sheet.values.length === 0 || w === 0) return null;
  const top = sheet.origin?.row ?? 0;
  const left = sheet.origin?.col ?? 0;
  return { top, left, bottom: top + sheet.values.length - 1, right: left + w - 1 };
}

function inBlok(b: Blok | null, p: { row: number; col: number }): boolean {
  return b !== null && p.row >= b.top && p.row <= b.bottom && p.col >= b.left && p.col <= b.right;
}

function sheetsNamed(workbook: Workbook, name: string): Sheet[] {
  return workbook.sheets.filter((s) => s.name === name);
}

/** A cell (`B12`, `'Data 2024'!B3`) inside one of the workbook's sheets of that name. */
function selBermasalah(workbook: Workbook, ref: string, sheet: string, what: string): string[] {
  const p = parseCellRef(ref, sheet);
  if (p === null) return [`${what}: "${ref}" bukan alamat sel`];
  const candidates = sheetsNamed(workbook, p.sheet);
  if (candidates.length === 0) return [`${what}: "${ref}" menunjuk lembar "${p.sheet}" yang tidak ada`];
  return candidates.some((s) => inBlok(blokLembar(s), p)) ? [] : [`${what}: "${ref}" di luar isi lembar "${p.sheet}"`];
}

function rangeBermasalah(workbook: Workbook, range: string, sheet: string, what: string): string[] {
  const [from, to, ...rest] = range.split(':');
  if (to === undefined || rest.length > 0) return [`${what}: "${range}" bukan rentang`];
  const a = parseA1(from);
  const b = parseA1(to);
  if (a === null || b === null) return [`${what}: "${range}" bukan rentang A1`];
  if (a.row > b.row || a.col > b.col) return [`${what}: "${range}" terbalik`];
  return [...selBermasalah(workbook, from, sheet, what), ...selBermasalah(workbook, to, sheet, what)];
}

export function temuanBermasalah(workbook: Workbook, findings: readonly Finding[], allowed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const f of findings) {
    const id = `temuan ${f.rule} ${f.sheet}!${f.cell}`;
    const parsed = FindingSchema.safeParse(f);
    if (!parsed.success) out.push(`${id}: tidak sesuai FindingSchema: ${parsed.error.message}`);
    out.push(...selBermasalah(workbook, f.cell, f.sheet, id));
    for (const r of f.related) out.push(...selBermasalah(workbook, r, f.sheet, `${id} sel terkait`));
    out.push(...kalimatBermasalah(f.message, allowed, id));
    if (f.table !== undefined) out.push(...rangeBermasalah(workbook, f.table, f.sheet, `${id} tabel`));
    // A check that threw is caught by `guarded` and reported this way: a crash all the same.
    if (/tidak dapat diselesaikan untuk tabel ini/.test(f.message)) out.push(`${id}: pemeriksaan gagal: ${f.message}`);
  }
  return out;
}

export function tabelBermasalah(workbook: Workbook, sheet: Sheet, tables: readonly Table[]): string[] {
  const out: string[] = [];
  const w = sheetWidth(sheet);
  for (const t of tables) {
    const id = `tabel ${sheet.name}!${t.range}`;
    const parsed = TableSchema.safeParse(t);
    if (!parsed.success) out.push(`${id}: tidak sesuai TableSchema: ${parsed.error.message}`);
    if (t.sheet !== sheet.name) out.push(`${id}: nama lembar "${t.sheet}"`);
    out.push(...rangeBermasalah(workbook, t.range, sheet.name, id));
    if (t.headerTop > t.headerBottom || t.headerBottom >= sheet.values.length)
      out.push(`${id}: kepala ${t.headerTop}..${t.headerBottom}`);
    for (const r of t.rows) if (r.row < 0 || r.row >= sheet.values.length) out.push(`${id}: baris ${r.row} di luar lembar`);
    for (const c of t.columns) if (c.col < 0 || c.col >= w) out.push(`${id}: kolom ${c.col} di luar lembar`);
  }
  return out;
}

export function hasilPeriksaBermasalah(workbook: Workbook, result: PeriksaResult, allowed: ReadonlySet<string>): string[] {
  const out = temuanBermasalah(workbook, result.findings, allowed);
  for (const t of result.tables) out.push(...rangeBermasalah(workbook, t.range, t.sheet, `ringkasan tabel ${t.sheet}`));
  return out;
}

/** Every finding lands in exactly one mark, at its own cell, with our note. */
export function tandaBermasalah(findings: readonly Finding[], plans: readonly MarkPlan[]): string[] {
  const out: string[] = [];
  let marked = 0;
  const cells = new Set<string>();
  for (const p of plans) {
    const key = `${p.sheet}\u0000${p.cell}`;
    if (cells.has(key)) out.push(`tanda ${p.cell}: dua kali`);
    cells.add(key);
    const at = parseA1(p.cell);
    if (at === null || at.row !== p.row || at.col !== p.col) out.push(`tanda ${p.cell}: posisi ${p.row},${p.col}`);
    if (!/^[0-9A-F]{6}$/.test(p.fill)) out.push(`tanda ${p.cell}: warna "${p.fill}"`);
    if (!p.note.startsWith(`${NOTE_AUTHOR}:\n`) || p.note.length <= NOTE_AUTHOR.length + 2)
      out.push(`tanda ${p.cell}: catatan "${p.note}"`);
    for (const f of p.findings)
      if (f.sheet !== p.sheet || f.cell !== p.cell) out.push(`tanda ${p.cell}: memuat temuan ${f.sheet}!${f.cell}`);
    marked += p.findings.length;
  }
  if (marked !== findings.length) out.push(`tanda: ${marked} temuan ditandai dari ${findings.length}`);
  return out;
}

const isCoord = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
const isSize = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;

/** A drawing a host can write in one batch: integer positions, merges that do not overlap. */
export function gambarBermasalah(d: Drawing, allowed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  out.push(...kalimatBermasalah(d.sheetName, allowed, 'nama lembar gambar'));
  d.columnWidths.forEach((x, i) => isSize(x) || out.push(`lebar kolom ${i}: ${x}`));
  d.rowHeights.forEach((x, i) => isSize(x) || out.push(`tinggi baris ${i}: ${x}`));
  for (const c of d.cells) {
    if (!isCoord(c.row) || !isCoord(c.col)) out.push(`sel gambar ${c.row},${c.col}`);
    if (typeof c.value === 'number' && !Number.isFinite(c.value)) out.push(`sel gambar ${c.row},${c.col}: nilai ${c.value}`);
    if (typeof c.value === 'string') {
      const bad = (c.value.match(ARTEFACT_RE) ?? []).filter((a) => !allowed.has(a));
      if (bad.length > 0) out.push(`sel gambar ${a1({}, c.row, c.col)}: memuat ${JSON.stringify(bad)}: ${c.value}`);
    }
    if (c.fill !== undefined && !/^[0-9A-Fa-f]{6}$/.test(c.fill)) out.push(`sel gambar ${c.row},${c.col}: warna ${c.fill}`);
  }
  for (const m of d.merges) {
    if (![m.top, m.left, m.bottom, m.right].every(isCoord) || m.top > m.bottom || m.left > m.right)
      out.push(`gabungan gambar ${JSON.stringify(m)}`);
  }
  // Excel refuses a merge that overlaps another one; the whole drawing would fail to write.
  const sorted = [...d.merges].sort((a, b) => a.top - b.top);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].top <= sorted[i].bottom; j++) {
      const a = sorted[i];
      const b = sorted[j];
      if (a.left <= b.right && b.left <= a.right) out.push(`gabungan gambar bertumpuk ${JSON.stringify(a)} ${JSON.stringify(b)}`);
    }
  }
  if (d.freeze && !(isCoord(d.freeze.rows) && isCoord(d.freeze.cols))) out.push(`bekukan ${JSON.stringify(d.freeze)}`);
  return out;
}

export function pohonBermasalah(workbook: Workbook, r: PohonKinerjaResult, allowed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  r.messages.forEach((m, i) => out.push(...kalimatBermasalah(m, allowed, `pesan pohon ${i}`)));
  for (const m of r.messages) if (m.startsWith('Pohon kinerja tidak dapat disusun')) out.push(`pohon gagal: ${m}`);
  out.push(...gambarBermasalah(r.drawing, allowed));
  out.push(...temuanBermasalah(workbook, r.findings, allowed));
  if (r.nodes !== countNodes(r.tree)) out.push(`pohon: ${r.nodes} simpul dilaporkan, ${countNodes(r.tree)} di pohon`);
  // A node reached twice (a kode induk cycle) would be drawn twice or loop forever in a host.
  const ids = new Set<string>();
  walk(r.tree, (n) => {
    if (ids.has(n.id)) out.push(`pohon: simpul ${n.id} muncul dua kali`);
    ids.add(n.id);
    out.push(...kalimatBermasalah(n.level, allowed, `tingkat simpul ${n.id}`));
    if (n.pagu !== null && !Number.isFinite(n.pagu)) out.push(`pohon: pagu simpul ${n.id} ${n.pagu}`);
    if (n.sumber?.paguCell !== undefined)
      out.push(...selBermasalah(workbook, n.sumber.paguCell, n.sumber.sheet, `sel pagu simpul ${n.id}`));
    (n.temuan ?? []).forEach((t) => out.push(...kalimatBermasalah(t, allowed, `temuan simpul ${n.id}`)));
  });
  return out;
}

/** Fails the fast-check case with every problem listed. */
export function pastikan(problems: readonly string[], what: string): void {
  if (problems.length > 0)
    throw new Error(
      `${what}:\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? `\n  … ${problems.length - 20} lagi` : ''}`,
    );
}
