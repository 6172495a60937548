import { readArah, readDesimal, readMetode, readSkala } from '../../fungsi/argumen';
import { isFungsiError } from '../../fungsi/galat';
import { Arah, MetodeEfisiensi } from '../../fungsi/rumus';
import { Skala } from '../../fungsi/skala';
import { cellAt, formulaAt, parseCellRef } from '../../lembar/model';
import { namaKita } from '../../rumus-bawaan';
import { NamaFungsi } from '../../rumus-bawaan/templat';
import { Node, parseFormula, Token } from '../../rumus-bawaan/urai';
import { CheckContext } from '../konteks';

/*
 * A cell that holds one of our own functions (`=CAPAIAN(D5;C5;"turun")`, `=SAKIP.CAPAIAN(D5,C5,-1)`,
 * any case) says how its value was computed: its arah, metode or skala is what the check uses,
 * not a guess from the indicator's words. Otherwise the checker would call the add-in's own
 * result wrong. Only what can be known is taken: a literal argument, an omitted one (the
 * function's default), or a reference to one cell of the same sheet holding the value.
 * Anything else (an expression, a range) leaves the check to its own inference.
 */

/** An argument as far as the check can know it: its value, `undefined` when omitted, or unknown. */
type Nilai = { known: true; value: unknown } | { known: false };

interface Panggilan {
  name: NamaFungsi;
  args: Nilai[];
}

const UNKNOWN: Nilai = { known: false };

/** The first token of [from, to) that is not whitespace, and whether it is the only one. */
function soleToken(tokens: readonly Token[], from: number, to: number): Token | null {
  let found: Token | null = null;
  for (let i = from; i < to; i++) {
    if (tokens[i].kind === 'ws') continue;
    if (found !== null) return null;
    found = tokens[i];
  }
  return found;
}

function valueOf(ctx: CheckContext, tokens: readonly Token[], node: Node | null): Nilai {
  if (node === null) return { known: true, value: undefined };
  if (node.type === 'paren') return valueOf(ctx, tokens, node.inner);
  if (node.type === 'unary') {
    const inner = valueOf(ctx, tokens, node.operand);
    const sign = soleToken(tokens, node.from, node.operand.from);
    if (inner.known && typeof inner.value === 'number' && sign?.text === '-') return { known: true, value: -inner.value };
    return UNKNOWN;
  }
  if (node.type !== 'leaf') return UNKNOWN;
  const t = soleToken(tokens, node.from, node.to);
  if (t === null) return UNKNOWN;
  switch (t.kind) {
    case 'str':
      return { known: true, value: t.text.slice(1, -1).replace(/""/g, '"') };
    case 'num':
      return { known: true, value: Number(t.en) };
    case 'bool':
      return { known: true, value: t.text.toUpperCase() === 'TRUE' };
    case 'ref': {
      const ref = parseCellRef(t.text, ctx.sheet.name);
      if (ref === null || ref.sheet !== ctx.sheet.name) return UNKNOWN;
      const row = ref.row - (ctx.sheet.origin?.row ?? 0);
      const col = ref.col - (ctx.sheet.origin?.col ?? 0);
      if (row < 0 || col < 0) return UNKNOWN;
      return { known: true, value: cellAt(ctx.sheet, row, col) };
    }
    default:
      return UNKNOWN;
  }
}

/** Our function at the top of the cell's formula, with its arguments as far as known. */
function panggilan(ctx: CheckContext, row: number, col: number): Panggilan | null {
  const formula = formulaAt(ctx.sheet, row, col);
  if (formula === null || formula.length > 2000) return null;
  const parsed = parseFormula(formula);
  if (!parsed.ok) return null;
  let root = parsed.root;
  while (root.type === 'paren') root = root.inner;
  if (root.type !== 'call') return null;
  const name = namaKita(root.name);
  if (name === null) return null;
  return { name, args: root.args.map((a) => valueOf(ctx, parsed.tokens, a.node)) };
}

function argument(call: Panggilan, index: number): Nilai {
  return call.args[index] ?? { known: true, value: undefined };
}

/** What a CAPAIAN formula in the cell says: its arah, and its batas when it caps the result. */
export function capaianDariRumus(ctx: CheckContext, row: number, col: number): { arah: Arah; batas: number | null } | null {
  const call = panggilan(ctx, row, col);
  if (call === null || call.name !== 'CAPAIAN') return null;
  const a = argument(call, 2);
  if (!a.known) return null;
  const arah = readArah(a.value);
  if (isFungsiError(arah)) return null;
  const b = argument(call, 3);
  if (!b.known) return null;
  const batas = typeof b.value === 'number' && Number.isFinite(b.value) ? b.value : null;
  return { arah, batas };
}

/** The metode an EFISIENSI formula in the cell names, or null. */
export function metodeDariRumus(ctx: CheckContext, row: number, col: number): MetodeEfisiensi | null {
  const call = panggilan(ctx, row, col);
  if (call === null || call.name !== 'EFISIENSI') return null;
  const m = argument(call, 2);
  if (!m.known) return null;
  const metode = readMetode(m.value);
  return isFungsiError(metode) ? null : metode;
}

/** The skala a PREDIKAT formula in the cell names, and its desimal (rounding before classifying), or null. */
export function predikatDariRumus(ctx: CheckContext, row: number, col: number): { skala: Skala; desimal: number | null } | null {
  const call = panggilan(ctx, row, col);
  if (call === null || call.name !== 'PREDIKAT') return null;
  const s = argument(call, 1);
  const d = argument(call, 2);
  if (!s.known || !d.known) return null;
  const skala = readSkala(s.value);
  const desimal = readDesimal(d.value);
  return isFungsiError(skala) || isFungsiError(desimal) ? null : { skala, desimal };
}
