import { Dec } from '../../angka/desimal';
import { formatNumber } from '../../angka/format';

/*
 * The formulas a number row writes (`11 =10/4`, `13=6+12`): parsed into a small expression
 * tree over column labels, evaluated exactly, and rendered back for messages.
 */

type Op = '+' | '-' | '*' | '/';
export type Expr = { t: 'col'; key: string } | { t: 'num'; v: Dec } | { t: 'op'; op: Op; a: Expr; b: Expr };

/** "(7)", "11.", " 4 " → "7", "11", "4": how a number-row label is referred to in a formula. */
export function labelKey(label: string): string {
  return label.replace(/[()\s[\]]/g, '').replace(/\.$/, '');
}

/**
 * Parse a number-row formula into column arithmetic. A number is a column when the table
 * has a column of that number (100 is always the constant of ×100). Tolerates what people
 * type: "x" and "×" for times, ":" for divide, a leading "11 =", a trailing "%".
 */
export function parseFormula(text: string, isColumn: (key: string) => boolean): Expr | null {
  let s = text.trim();
  const eq = s.lastIndexOf('=');
  if (eq >= 0) s = s.slice(eq + 1);
  s = s.replace(/[xX×]/g, '*').replace(/[:÷]/g, '/').replace(/%/g, '').replace(/\s+/g, '');
  if (s === '') return null;
  const tokens = s.match(/\d+(?:[.,]\d+)?|[-+*/()]/g);
  if (!tokens || tokens.join('') !== s) return null;
  let i = 0;
  const peek = () => tokens[i];
  const factor = (): Expr | null => {
    const t = tokens[i++];
    if (t === undefined) return null;
    if (t === '(') {
      const e = sum();
      if (tokens[i++] !== ')') return null;
      return e;
    }
    if (/^\d/.test(t)) {
      if (t !== '100' && isColumn(t)) return { t: 'col', key: t };
      return { t: 'num', v: new Dec(t.replace(',', '.')) };
    }
    return null;
  };
  const product = (): Expr | null => {
    let a = factor();
    while (a !== null && (peek() === '*' || peek() === '/')) {
      const op = tokens[i++] as Op;
      const b = factor();
      a = b === null ? null : { t: 'op', op, a, b };
    }
    return a;
  };
  const sum = (): Expr | null => {
    let a = product();
    while (a !== null && (peek() === '+' || peek() === '-')) {
      const op = tokens[i++] as Op;
      const b = product();
      a = b === null ? null : { t: 'op', op, a, b };
    }
    return a;
  };
  const e = sum();
  if (e === null || i !== tokens.length || columnsOf(e).length === 0) return null;
  return e;
}

export function columnsOf(e: Expr, out: string[] = []): string[] {
  if (e.t === 'col') {
    if (!out.includes(e.key)) out.push(e.key);
  } else if (e.t === 'op') {
    columnsOf(e.a, out);
    columnsOf(e.b, out);
  }
  return out;
}

export function evaluate(e: Expr, get: (key: string) => Dec): Dec | null {
  if (e.t === 'col') return get(e.key);
  if (e.t === 'num') return e.v;
  const a = evaluate(e.a, get);
  const b = evaluate(e.b, get);
  if (a === null || b === null) return null;
  switch (e.op) {
    case '+':
      return a.plus(b);
    case '-':
      return a.minus(b);
    case '*':
      return a.times(b);
    case '/':
      return b.isZero() ? null : a.div(b);
  }
}

const PRECEDENCE: Record<Op, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };
const SHOW_OP: Record<Op, string> = { '+': '+', '-': '−', '*': '×', '/': '/' };

/** The formula with each column shown by `show`: "1 / 3 × 100", "(12 + 12) / 24 × 100". */
export function render(e: Expr, show: (key: string) => string): string {
  if (e.t === 'col') return show(e.key);
  if (e.t === 'num') return formatNumber(e.v);
  const wrap = (x: Expr, right: boolean) => {
    const inner = render(x, show);
    if (x.t !== 'op') return inner;
    const p = PRECEDENCE[x.op];
    const need = p < PRECEDENCE[e.op] || (right && p === PRECEDENCE[e.op] && (e.op === '-' || e.op === '/'));
    return need ? `(${inner})` : inner;
  };
  return `${wrap(e.a, false)} ${SHOW_OP[e.op]} ${wrap(e.b, true)}`;
}

function some(e: Expr, p: (x: Expr) => boolean): boolean {
  if (p(e)) return true;
  return e.t === 'op' && (some(e.a, p) || some(e.b, p));
}

export const hasHundred = (e: Expr) =>
  some(e, (x) => x.t === 'op' && x.op === '*' && [x.a, x.b].some((y) => y.t === 'num' && y.v.eq(100)));
export const hasDivision = (e: Expr) => some(e, (x) => x.t === 'op' && x.op === '/');
/** A sum of columns: the formula adds values (of years, of parts). */
export const hasColumnSum = (e: Expr) => some(e, (x) => x.t === 'op' && x.op === '+');

/** The formula in doubles, for the quick screen only; the verdict itself is exact. */
export function approximate(e: Expr, get: (key: string) => number): number {
  if (e.t === 'col') return get(e.key);
  if (e.t === 'num') return e.v.toNumber();
  const a = approximate(e.a, get);
  const b = approximate(e.b, get);
  switch (e.op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
  }
}
