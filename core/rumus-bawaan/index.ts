import { parseCell } from '../angka/parse';
import { NAMA_FUNGSI, NamaFungsi, nativeFormula } from './templat';
import { emit, Node, parseFormula, Token } from './urai';

/**
 * "Jadikan rumus bawaan": a formula that calls CAPAIAN, EFISIENSI, PREDIKAT, SERAPAN or
 * NILAI_EFISIENSI (as SAKIP.CAPAIAN, the bare LAMBDA name, or the file form _xldudf_…, in any
 * case, nested at any depth, inside other functions) becomes the same formula with each call
 * replaced by its native equivalent (templat.ts), so the workbook computes in any spreadsheet.
 * Host-neutral: the CLI edits .xlsx files with it, the add-ins edit ranges with it.
 *
 * All or nothing per cell: if one call of a formula cannot be converted, the whole cell stays
 * as it was and the reason is reported. The rest of a formula is re-emitted token by token, so
 * it comes back exactly as written (in en-US syntax when it arrived in the id-ID `;` form).
 */

export { nativeFormula, NAMA_FUNGSI } from './templat';
export type { NamaFungsi, HasilTemplat } from './templat';

export type RewriteResult =
  /** No call of ours: nothing to do. */
  | { ok: true; changed: false; formula: string }
  /**
   * `formula` is en-US, with a leading "=" exactly when the input had one. `inputs` are the
   * single-cell references read as numbers by the converted calls: a host that can see them
   * checks they hold no text numbers (the native formula cannot read "99,88 %").
   */
  | { ok: true; changed: true; formula: string; calls: number; inputs: string[]; note: string | null }
  | { ok: false; reason: string };

/** Our function behind a name as hosts and files spell it, or null. */
export function namaKita(name: string): NamaFungsi | null {
  let n = name.toUpperCase().replace(/^_XLDUDF_/, '');
  n = n.replace(/^SAKIP[._]/, '');
  return (NAMA_FUNGSI as readonly string[]).includes(n) ? (n as NamaFungsi) : null;
}

/** Which arguments are numbers read cell by cell (the others are names, scales, decimals). */
const ANGKA_ARG: Record<NamaFungsi, number[]> = {
  CAPAIAN: [0, 1, 3],
  SERAPAN: [0, 1],
  EFISIENSI: [0, 1],
  NILAI_EFISIENSI: [0],
  PREDIKAT: [0],
};

class Tolak extends Error {}

export const CATATAN_KOSONG =
  'Fungsi dipakai di dalam rumus lain: pada baris yang masih kosong hasilnya teks kosong "", sehingga hitungan di atasnya (mis. SUM(1;…) atau …+1) menjadi #VALUE! atau berbeda sampai baris itu terisi.';

function children(n: Node): Node[] {
  switch (n.type) {
    case 'leaf':
      return [];
    case 'call':
      return n.args.flatMap((a) => (a.node ? [a.node] : []));
    case 'unary':
    case 'postfix':
      return [n.operand];
    case 'binary':
      return [n.left, n.right];
    case 'paren':
      return [n.inner];
  }
}

/** Where a child's value becomes the node's value as it is: brackets, and IF/IFERROR's results. */
const PILIH: Record<string, number[]> = { IF: [1, 2], IFERROR: [0, 1], IFNA: [0, 1] };

function passThrough(n: Node): (child: Node) => boolean {
  if (n.type === 'paren') return () => true;
  if (n.type !== 'call') return () => false;
  const at = PILIH[n.name.toUpperCase().replace(/^_XLFN\./, '')];
  if (!at) return () => false;
  const chosen = new Set(at.map((i) => n.args[i]?.node).filter((x): x is Node => !!x));
  return (c) => chosen.has(c);
}

/** A range or array where a single value belongs: the native formula works cell by cell only. */
function isRentang(n: Node, tokens: readonly Token[]): boolean {
  if (n.type === 'paren') return isRentang(n.inner, tokens);
  if (n.type === 'binary' && n.op === ':') return true;
  if (n.type === 'leaf') {
    const t = tokens[n.from];
    return t.kind === 'array' || (t.kind === 'ref' && t.text.includes('['));
  }
  return false;
}

export function rewriteFormula(formula: string): RewriteResult {
  if (typeof formula !== 'string') return { ok: false, reason: 'Rumus bukan teks.' };
  const parsed = parseFormula(formula);
  if (!parsed.ok) {
    // A formula we cannot read is only our business if it mentions our functions.
    return mentionsOurs(formula)
      ? { ok: false, reason: `Rumus tidak dapat dibaca: ${parsed.reason}` }
      : { ok: true, changed: false, formula };
  }
  const { tokens, root } = parsed;
  let calls = 0;
  const inputs = new Set<string>();

  let inside = false;
  /** `free`: the node's value is the cell's value, or an argument of one of our functions. */
  const text = (n: Node, free: boolean): string => {
    if (n.type === 'call') {
      const ours = namaKita(n.name);
      if (ours) {
        if (!free) inside = true;
        return call(n, ours);
      }
    }
    // Everything between the children is emitted as it was written.
    let out = '';
    let i = n.from;
    const passes = passThrough(n);
    for (const c of children(n)) {
      out += emit(tokens, i, c.from) + text(c, free && passes(c));
      i = c.to;
    }
    return out + emit(tokens, i, n.to);
  };

  const call = (n: Extract<Node, { type: 'call' }>, name: NamaFungsi): string => {
    const args = n.args.map((a, i) => {
      if (a.node === null) return '';
      if (ANGKA_ARG[name].includes(i) && isRentang(a.node, tokens)) {
        throw new Tolak(
          `Argumen ke-${i + 1} ${name} berupa rentang atau larik; rumus bawaan dibuat per sel, tulis satu sel per rumus.`,
        );
      }
      if (ANGKA_ARG[name].includes(i) && a.node.type === 'leaf' && tokens[a.node.from].kind === 'ref') {
        inputs.add(tokens[a.node.from].text);
      }
      return text(a.node, true);
    });
    const r = nativeFormula(name, args);
    if (!r.ok) throw new Tolak(r.reason);
    calls++;
    return r.formula;
  };

  try {
    const out = text(root, true);
    if (calls === 0) return { ok: true, changed: false, formula };
    const lead = formula.startsWith('=') ? '=' : '';
    const all = lead + emit(tokens, 0, root.from) + out + emit(tokens, root.to, tokens.length);
    if (all.length > 8192) return { ok: false, reason: `Rumus bawaan akan terlalu panjang (${all.length} karakter; batas 8192).` };
    // A blank row's result is "" (text), as a cell must show it; the core's blank inside SUM(…)
    // or +1 is no number either, but a host may read it as 0. Said, not hidden.
    const note = inside ? CATATAN_KOSONG : null;
    return { ok: true, changed: true, formula: all, calls, inputs: [...inputs], note };
  } catch (e) {
    if (e instanceof Tolak) return { ok: false, reason: e.message };
    throw e;
  }
}

/** A cheap test for the names, so an unreadable formula of someone else's is left alone quietly. */
function mentionsOurs(formula: string): boolean {
  return /(?:^|[^A-Za-z0-9_.])(?:_xldudf_)?(?:SAKIP[._])?(?:CAPAIAN|EFISIENSI|PREDIKAT|SERAPAN|NILAI_EFISIENSI)\s*\(/i.test(formula);
}

export interface SelRumus {
  sheet: string;
  /** A1 address. */
  cell: string;
  formula: string;
}

export interface SelDiubah extends SelRumus {
  /** The native formula, en-US. */
  native: string;
  calls: number;
  /** Where the native formula may answer differently on a blank row (CATATAN_KOSONG), or null. */
  note: string | null;
}

export interface SelDilewati extends SelRumus {
  reason: string;
}

export interface RencanaUbah {
  converted: SelDiubah[];
  skipped: SelDilewati[];
}

/**
 * The plan for many cells. `readValue(sheet, ref)`, when the host can see values, is asked for
 * each input a converted call reads (a single-cell reference as written, e.g. `F5` or
 * `'Data 2024'!$B$3`): a text number there keeps the cell as it was, since the native formula
 * would answer #VALUE! where the core reads the number.
 */
export function planRewrite(cells: readonly SelRumus[], readValue?: (sheet: string, ref: string) => unknown): RencanaUbah {
  const converted: SelDiubah[] = [];
  const skipped: SelDilewati[] = [];
  for (const c of cells) {
    const r = rewriteFormula(c.formula);
    if (!r.ok) {
      skipped.push({ ...c, reason: r.reason });
      continue;
    }
    if (!r.changed) continue;
    const teks = readValue ? r.inputs.map((ref) => [ref, readValue(c.sheet, ref)] as const).find(([, v]) => isAngkaTeks(v)) : undefined;
    if (teks) {
      skipped.push({
        ...c,
        reason: `Sel ${teks[0]} berisi angka sebagai teks ('${String(teks[1])}'); rumus bawaan akan menghasilkan #VALUE!. Ubah isinya menjadi angka lebih dulu.`,
      });
      continue;
    }
    converted.push({ ...c, native: r.formula, calls: r.calls, note: r.note });
  }
  return { converted, skipped };
}

/** Text the core reads as a number but a native formula does not. */
export function isAngkaTeks(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const p = parseCell(v);
  return p.kind !== 'empty' && p.kind !== 'text' && p.value !== null;
}
