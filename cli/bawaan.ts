import { Command } from 'commander';
import { promises as fs } from 'fs';
import * as path from 'path';
import { cellAt, parseCellRef, Sheet, Workbook } from '../core/lembar/model';
import { formatNumber } from '../core/angka';
import { CATATAN_KOSONG, planRewrite, rewriteFormula, SelDilewati, SelRumus } from '../core/rumus-bawaan';
import { barisAsli, KOLOM_ASLI, LEMBAR_ASLI } from '../core/rumus-bawaan/asli';
import { uniqueSheetName } from '../core/tanda';
import { masukanYangDitimpa, pesanMenimpaMasukan, writeAtomically } from './berkas-keluaran';
import { pesanBaca } from './galat-berkas';
import { CliIO, EXIT_FOUND, EXIT_OK, EXIT_USAGE } from './io';
import { PANJANG_PESAN, teksTerminal } from './teks-terminal';
import { addWorksheet, readWorkbook, WorkbookInfo } from './tandai/buku';
import { TandaiError } from './tandai/galat';
import { NS, Package } from './tandai/paket';
import {
  applyEdits,
  attr,
  attributes,
  closeOf,
  decodeEntities,
  Edit,
  escapeText,
  findTag,
  scanTags,
  Tag,
  withAttributes,
} from './tandai/xml';

/**
 * `lembar-kinerja bawaan FILE --keluar KELUAR.xlsx`: a copy of the workbook whose CAPAIAN,
 * EFISIENSI, PREDIKAT, SERAPAN and NILAI_EFISIENSI formulas are native formulas (decided by
 * core/rumus-bawaan), so it computes in Excel 2019, LibreOffice or Sheets without the add-in.
 * Only the <f> elements of the converted cells change (their cached <v> is dropped, and the
 * workbook asks to be recalculated on opening); every other part is carried over untouched.
 * The originals are listed on a hidden sheet "Rumus Asli" (sheet, cell, formula): the way back.
 * The input is never written.
 */

export function registerBawaan(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('bawaan')
    .description(
      'Ubah rumus CAPAIAN, EFISIENSI, PREDIKAT, SERAPAN dan NILAI_EFISIENSI menjadi rumus bawaan spreadsheet, agar buku kerja tetap terhitung tanpa add-in.',
    )
    .argument('<berkas>', 'buku kerja .xlsx')
    .option('--keluar <keluaran.xlsx>', 'salinan yang ditulis (wajib; berkas masukan tidak diubah)')
    .action(async (berkas: string, options: { keluar?: string }) => {
      setExit(await bawaanFile(berkas, options, io));
    });
}

/** A formula cell as found in a sheet part. */
interface SelF extends SelRumus {
  part: string;
  /** Index of the <c> tag and of its <f> tag in the part's tags. */
  cTag: number;
  fTag: number;
  /** Shared-formula group id when this cell is the group's master, with the group's cells. */
  shared: { si: string; ref: string | null } | null;
}

/** OLE2 compound file: what Excel writes for a workbook encrypted with a password. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The hidden sheet of originals: the name every host uses (core/rumus-bawaan/asli.ts). */
export const NAMA_LEMBAR_ASLI = LEMBAR_ASLI;

export async function bawaanFile(file: string, options: { keluar?: string }, io: CliIO): Promise<number> {
  const keluar = options.keluar;
  if (keluar === undefined || keluar.trim() === '') {
    io.err('Opsi --keluar wajib diisi: nama berkas .xlsx yang akan ditulis.\n');
    return EXIT_USAGE;
  }
  if (!/\.xlsx$/i.test(file)) {
    io.err(`${file}: hanya buku kerja .xlsx yang dapat diubah rumusnya.\n`);
    return EXIT_USAGE;
  }
  if (!/\.xlsx$/i.test(keluar)) {
    io.err(`Berkas keluaran harus berakhiran .xlsx: ${keluar}\n`);
    return EXIT_USAGE;
  }
  // By identity, not by name: a symlink or hard link to the input is the input.
  const ditimpa = await masukanYangDitimpa(keluar, [file]);
  if (ditimpa !== null) {
    io.err(`${pesanMenimpaMasukan(keluar, ditimpa)}\n`);
    return EXIT_USAGE;
  }
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    io.err(`${pesanBaca(file, e)}\n`);
    return EXIT_USAGE;
  }
  // An encrypted .xlsx is an OLE2 compound file, not a zip: say what it is, not "rusak".
  if (CFB_MAGIC.every((b, i) => data[i] === b)) {
    io.err(
      `${teksTerminal(file)}: buku kerja ini terlindungi kata sandi (terenkripsi), sehingga rumusnya tidak dapat dibaca. ` +
        'Buka di Excel, hapus kata sandinya (File › Info › Protect Workbook › Encrypt with Password, kosongkan), simpan, lalu ulangi.\n',
    );
    return EXIT_USAGE;
  }
  let hasil: HasilBawaan;
  try {
    hasil = await bawaanXlsx(data);
  } catch (e) {
    io.err(
      `${teksTerminal(file)}: ${e instanceof TandaiError ? teksTerminal(e.message, PANJANG_PESAN) : 'berkas bukan .xlsx yang sah atau rusak.'}\n`,
    );
    return EXIT_USAGE;
  }
  const { converted, skipped, bytes } = hasil;
  if (bytes === null) {
    io.out(
      `${path.basename(file)}: tidak ada rumus CAPAIAN, EFISIENSI, PREDIKAT, SERAPAN atau NILAI_EFISIENSI yang dapat diubah; berkas keluaran tidak ditulis.\n`,
    );
    printSkipped(skipped, io);
    return skipped.length > 0 ? EXIT_FOUND : EXIT_OK;
  }
  const ditimpaKini = await masukanYangDitimpa(keluar, [file]);
  const written =
    ditimpaKini !== null
      ? { ok: false as const, message: pesanMenimpaMasukan(keluar, ditimpaKini) }
      : await writeAtomically(keluar, bytes);
  if (!written.ok) {
    io.err(`${written.message}\n`);
    return EXIT_USAGE;
  }
  io.out(
    `${formatNumber(converted)} sel diubah menjadi rumus bawaan, ditulis ke ${keluar}. ` +
      `Rumus aslinya tercatat di lembar tersembunyi "${hasil.sheetName}".\n`,
  );
  if (hasil.noted.length > 0) {
    io.out(`Perhatikan ${formatNumber(hasil.noted.length)} sel yang diubah: ${CATATAN_KOSONG}\n`);
    io.out(`  ${hasil.noted.map((n) => `${teksTerminal(n.sheet)}!${n.cell}`).join(', ')}\n`);
  }
  printSkipped(skipped, io);
  return skipped.length > 0 ? EXIT_FOUND : EXIT_OK;
}

function printSkipped(skipped: SelDilewati[], io: CliIO): void {
  if (skipped.length === 0) return;
  io.out(`${formatNumber(skipped.length)} sel dibiarkan seperti semula:\n`);
  for (const s of skipped) io.out(`- ${teksTerminal(s.sheet)}!${s.cell}: ${teksTerminal(s.reason, PANJANG_PESAN)}\n`);
}

export interface HasilBawaan {
  /** Cells whose formula changed (the members of a converted shared formula included). */
  converted: number;
  skipped: SelDilewati[];
  /** Converted cells with a note (a blank row inside another formula, core/rumus-bawaan). */
  noted: SelDilewati[];
  /** The new package, or null when nothing was converted. */
  bytes: Buffer | null;
  sheetName: string;
}

/** The converted copy of an .xlsx package. */
export async function bawaanXlsx(data: Buffer): Promise<HasilBawaan> {
  const pkg = await Package.load(data).catch(() => {
    throw new TandaiError('Berkas bukan .xlsx yang sah atau rusak.');
  });
  const info = await readWorkbook(pkg);
  if (info.strict)
    throw new TandaiError(
      'Buku kerja berformat "Strict Open XML" belum didukung; simpan ulang sebagai buku kerja Excel biasa (.xlsx).',
    );

  // Values, to keep a cell whose inputs hold text numbers (the native formula cannot read them).
  const { readXlsxBuffer } = await import('./baca/xlsx');
  const read = await readXlsxBuffer(data, 'masukan.xlsx');
  const values = read.ok ? read.workbook : null;

  const cells: SelF[] = [];
  const sharedMembers = new Map<string, { part: string; cTag: number; fTag: number }[]>();
  const arrays: SelDilewati[] = [];
  const parts = new Map<string, { xml: string; tags: Tag[] }>();
  for (const entry of info.sheets) {
    if (entry.part === null) continue;
    const xml = (await pkg.read(entry.part))!;
    const tags = scanTags(xml);
    parts.set(entry.part, { xml, tags });
    for (const f of formulaCells(xml, tags)) {
      const a = attributes(xml.slice(tags[f.fTag].start, tags[f.fTag].end));
      const type = a.get('t') ?? 'normal';
      if (type === 'shared' && f.text === null) {
        const si = a.get('si') ?? '';
        const list = sharedMembers.get(`${entry.part}|${si}`) ?? [];
        list.push({ part: entry.part, cTag: f.cTag, fTag: f.fTag });
        sharedMembers.set(`${entry.part}|${si}`, list);
        continue;
      }
      if (f.text === null || f.text.trim() === '') continue;
      const cell = { sheet: entry.name, cell: f.ref, formula: f.text, part: entry.part, cTag: f.cTag, fTag: f.fTag };
      if (type === 'array' && (a.get('ref') ?? f.ref) !== f.ref) {
        arrays.push({
          sheet: entry.name,
          cell: f.ref,
          formula: f.text,
          reason: `Rumus larik untuk beberapa sel (${a.get('ref')}) dibiarkan; ubah satu sel per rumus lebih dulu.`,
        });
        continue;
      }
      if (type === 'dataTable') continue;
      cells.push({ ...cell, shared: type === 'shared' ? { si: a.get('si') ?? '', ref: a.get('ref') ?? null } : null });
    }
  }

  const plan = planRewrite(cells, values ? (sheet, ref) => valueAt(values, sheet, ref) : undefined);
  // Multi-cell array formulas that do not mention our functions are not ours to report.
  const skipped = [
    ...plan.skipped,
    ...arrays.filter((a) => {
      const r = rewriteFormula(a.formula);
      return !r.ok || r.changed;
    }),
  ];
  if (plan.converted.length === 0) return { converted: 0, skipped, noted: [], bytes: null, sheetName: '' };

  const byPart = new Map<string, Edit[]>();
  const listed: string[][] = [];
  const noted: SelDilewati[] = [];
  let count = 0;
  const byCell = new Map(cells.map((x) => [`${x.sheet}!${x.cell}`, x]));
  for (const c of plan.converted) {
    const cell = byCell.get(`${c.sheet}!${c.cell}`)!;
    const { xml, tags } = parts.get(cell.part)!;
    const edits = byPart.get(cell.part) ?? [];
    edits.push(...formulaEdits(xml, tags, cell.cTag, cell.fTag, c.native));
    count++;
    let note = c.note ?? '';
    if (c.note) noted.push({ sheet: c.sheet, cell: c.cell, formula: c.formula, reason: c.note });
    if (cell.shared) {
      const members = sharedMembers.get(`${cell.part}|${cell.shared.si}`) ?? [];
      // The members follow the master's text; only their cached values must go.
      for (const m of members) for (const e of formulaEdits(xml, tags, m.cTag, m.fTag, null)) edits.push(e);
      count += members.length;
      note = [`rumus bersama untuk ${cell.shared.ref ?? cell.cell}`, note].filter(Boolean).join('. ');
    }
    byPart.set(cell.part, edits);
    // The one format of core/rumus-bawaan/asli.ts, so either pane can restore this copy.
    listed.push(...barisAsli([{ ...c, keterangan: note }]));
  }
  for (const [part, edits] of byPart) pkg.write(part, applyEdits(parts.get(part)!.xml, edits));

  const sheetName = uniqueSheetName(
    info.sheets.map((s) => s.name),
    NAMA_LEMBAR_ASLI,
  );
  await addWorksheet(pkg, info, sheetName, asliSheetXml(listed));
  await hideAndRecalc(pkg, info, sheetName);
  return { converted: count, skipped, noted, bytes: await pkg.generate(), sheetName };
}

interface FCell {
  ref: string;
  cTag: number;
  fTag: number;
  /** Decoded formula text, or null for an empty <f/> (a shared-formula member). */
  text: string | null;
}

/** Every <c> with an <f> child in a worksheet part. */
function formulaCells(xml: string, tags: Tag[]): FCell[] {
  const out: FCell[] = [];
  const sd = findTag(tags, 'sheetData', 1);
  if (sd < 0) return out;
  const end = closeOf(tags, sd) ?? sd;
  for (let j = sd + 1; j < end; j++) {
    const t = tags[j];
    if (t.kind !== 'open' || t.local !== 'c') continue;
    const close = closeOf(tags, j)!;
    for (let k = j + 1; k < close; k++) {
      const f = tags[k];
      if (f.kind === 'close' || f.local !== 'f' || f.depth !== t.depth + 1) continue;
      const ref = attr(xml.slice(t.start, t.end), 'r') ?? '';
      const fClose = f.kind === 'open' ? closeOf(tags, k)! : null;
      const text = fClose === null ? null : decodeEntities(xml.slice(f.end, tags[fClose].start));
      out.push({ ref, cTag: j, fTag: k, text: text === '' ? null : text });
    }
    j = close;
  }
  return out;
}

/**
 * Edits of one cell: the new formula text (when given) and no cached value or value type, so
 * the program computes the cell instead of showing the add-in's last result.
 */
function formulaEdits(xml: string, tags: Tag[], cTag: number, fTag: number, formula: string | null): Edit[] {
  const edits: Edit[] = [];
  const c = tags[cTag];
  const cText = xml.slice(c.start, c.end);
  if (attr(cText, 't') !== null) edits.push({ start: c.start, end: c.end, text: cText.replace(/\s+t\s*=\s*("[^"]*"|'[^']*')/, '') });
  const f = tags[fTag];
  if (formula !== null) {
    const fClose = closeOf(tags, fTag)!;
    edits.push({ start: f.end, end: tags[fClose].start, text: escapeText(formula) });
  }
  const cClose = closeOf(tags, cTag)!;
  for (let k = cTag + 1; k < cClose; k++) {
    const v = tags[k];
    if (v.local !== 'v' || v.depth !== c.depth + 1 || v.kind === 'close') continue;
    const vEnd = v.kind === 'empty' ? v.end : tags[closeOf(tags, k)!].end;
    edits.push({ start: v.start, end: vEnd, text: '' });
  }
  return edits;
}

/** The value of a single-cell reference as written in a formula on `sheet`. */
function valueAt(wb: Workbook, sheet: string, ref: string): unknown {
  const p = parseCellRef(ref, sheet);
  if (!p) return undefined;
  const s: Sheet | undefined =
    wb.sheets.find((x) => x.name === p.sheet) ?? wb.sheets.find((x) => x.name.toLowerCase() === p.sheet.toLowerCase());
  if (!s) return undefined;
  return cellAt(s, p.row - (s.origin?.row ?? 0), p.col - (s.origin?.col ?? 0));
}

/** Inline strings only: the original formulas are kept as text, never evaluated. */
function asliSheetXml(rows: string[][]): string {
  const cell = (ref: string, text: string) =>
    text === '' ? '' : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeText(text.slice(0, 32767))}</t></is></c>`;
  const cols = 'ABCDE';
  const body = [[...KOLOM_ASLI], ...rows]
    .map((r, i) => `<row r="${i + 1}">${r.map((t, j) => cell(`${cols[j]}${i + 1}`, t)).join('')}</row>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
    `<dimension ref="A1:E${rows.length + 1}"/>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    '<cols><col min="1" max="1" width="20" customWidth="1"/><col min="2" max="2" width="8" customWidth="1"/>' +
    '<col min="3" max="4" width="60" customWidth="1"/><col min="5" max="5" width="30" customWidth="1"/></cols>' +
    `<sheetData>${body}</sheetData>` +
    '</worksheet>'
  );
}

/** The "Rumus Asli" sheet hidden, and the workbook recalculated when opened. */
async function hideAndRecalc(pkg: Package, info: WorkbookInfo, sheetName: string): Promise<void> {
  let xml = (await pkg.read(info.part))!;
  let tags = scanTags(xml);
  const edits: Edit[] = [];
  for (const t of tags) {
    if (t.kind === 'close' || t.local !== 'sheet') continue;
    const text = xml.slice(t.start, t.end);
    if (attr(text, 'name') === sheetName) edits.push({ start: t.start, end: t.end, text: withAttributes(text, { state: 'hidden' }) });
  }
  xml = applyEdits(xml, edits);
  tags = scanTags(xml);
  const calc = findTag(tags, 'calcPr', 1);
  if (calc >= 0) {
    const t = tags[calc];
    xml = applyEdits(xml, [{ start: t.start, end: t.end, text: withAttributes(xml.slice(t.start, t.end), { fullCalcOnLoad: '1' }) }]);
  } else {
    // calcPr follows sheets and definedNames in the schema's order; before anything after them.
    const after = [
      'oleSize',
      'customWorkbookViews',
      'pivotCaches',
      'smartTagPr',
      'smartTagTypes',
      'webPublishing',
      'fileRecoveryPr',
      'webPublishObjects',
      'extLst',
    ];
    const at = tags.find((t) => t.depth === 1 && t.kind !== 'close' && after.includes(t.local));
    const close = tags[tags.length - 1];
    const prefix = tags[0].name.includes(':') ? tags[0].name.slice(0, tags[0].name.indexOf(':') + 1) : '';
    const pos = at ? at.start : close.start;
    xml = applyEdits(xml, [{ start: pos, end: pos, text: `<${prefix}calcPr fullCalcOnLoad="1"/>` }]);
  }
  pkg.write(info.part, xml);
}
