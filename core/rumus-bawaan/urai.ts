/**
 * A tokenizer and parser for spreadsheet formulas, enough to find calls and their arguments
 * without ever mangling the rest: every node keeps the token range it came from, and text is
 * re-emitted token by token (whitespace included), so what is not rewritten comes back as it
 * was. Two dialects arrive from hosts: en-US (`,` between arguments, `.` decimals — the file
 * format and the hosts' `formulas` APIs) and the id-ID local form (`;` between arguments, `,`
 * decimals). Output is always en-US. A formula this parser does not understand is reported,
 * never guessed at.
 */

export type JenisToken = 'ws' | 'str' | 'num' | 'bool' | 'err' | 'ref' | 'func' | 'op' | 'sep' | 'open' | 'close' | 'array';

export interface Token {
  kind: JenisToken;
  /** Source text. */
  text: string;
  /** en-US text (differs from `text` for separators and decimal commas of the id-ID form). */
  en: string;
}

export type Node =
  | { type: 'leaf'; from: number; to: number }
  | { type: 'call'; name: string; from: number; to: number; args: Arg[] }
  | { type: 'unary'; from: number; to: number; operand: Node }
  | { type: 'binary'; op: string; from: number; to: number; left: Node; right: Node }
  | { type: 'postfix'; from: number; to: number; operand: Node }
  | { type: 'paren'; from: number; to: number; inner: Node };

/** An argument: its node, or null when omitted (`F(A1,,B1)`), and its token range. */
export interface Arg {
  node: Node | null;
  from: number;
  to: number;
}

export type HasilUrai = { ok: true; tokens: Token[]; root: Node; lokal: boolean } | { ok: false; reason: string };

const ERRORS = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|UNKNOWN!|CONNECT!|BUSY!)/i;
const OPS = ['<>', '<=', '>=', '+', '-', '*', '/', '^', '&', '=', '<', '>', '%', ':', '@'];
/** A reference or name: sheet-qualified, $-absolute, external [1], structured Table[Col]. */
const WORD = /^(?:\[[^\]]*\])?[A-Za-z_\\$][A-Za-z0-9_.$\\]*(?:![A-Za-z0-9_.$]+)?/;
const QUOTED_SHEET = /^(?:\[[^\]]*\])?'(?:[^']|'')+'![A-Za-z0-9_.$]+/;

/** Whether `;` separates arguments: the id-ID form. Decided once, outside strings. */
function isLokal(src: string): boolean {
  let inStr = false;
  let inBrace = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '"') inStr = !inStr;
    else if (!inStr && c === '{') inBrace++;
    else if (!inStr && c === '}') inBrace--;
    else if (!inStr && inBrace === 0 && c === ';') return true;
  }
  return false;
}

export function tokenize(formula: string): { ok: true; tokens: Token[]; lokal: boolean } | { ok: false; reason: string } {
  const src = formula.startsWith('=') ? formula.slice(1) : formula;
  const lokal = isLokal(src);
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: JenisToken, text: string, en = text) => {
    tokens.push({ kind, text, en });
    i += text.length;
  };
  while (i < src.length) {
    const rest = src.slice(i);
    const c = src[i];
    let m: RegExpExecArray | null;
    if ((m = /^[ \t\r\n]+/.exec(rest))) push('ws', m[0]);
    else if (c === '"') {
      m = /^"(?:[^"]|"")*"/.exec(rest);
      if (!m) return { ok: false, reason: 'Teks dalam tanda kutip tidak ditutup.' };
      push('str', m[0]);
    } else if (c === '{') {
      const end = rest.indexOf('}');
      if (end < 0) return { ok: false, reason: 'Konstanta larik { … } tidak ditutup.' };
      // A local-form array constant uses other separators; kept only in en-US formulas.
      if (lokal) return { ok: false, reason: 'Konstanta larik { … } dalam rumus berpemisah ";" belum dapat dibaca.' };
      push('array', rest.slice(0, end + 1));
    } else if ((m = ERRORS.exec(rest))) push('err', m[0]);
    else if ((m = (lokal ? /^\d+(?:,\d+)?(?:[eE][+-]?\d+)?/ : /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/).exec(rest))) {
      // A row range such as 1:3 starts with digits too; ":" is then an operator between numbers.
      push('num', m[0], m[0].replace(',', '.'));
    } else if ((m = QUOTED_SHEET.exec(rest)) || (m = WORD.exec(rest))) {
      let text = m[0];
      // Structured references carry brackets: Tabel1[Capaian], Tabel1[[#This Row],[Target]].
      if (src[i + text.length] === '[') {
        let depth = 0;
        let j = i + text.length;
        for (; j < src.length; j++) {
          if (src[j] === '[') depth++;
          else if (src[j] === ']' && --depth === 0) break;
        }
        if (depth !== 0) return { ok: false, reason: 'Rujukan tabel [ … ] tidak ditutup.' };
        text = src.slice(i, j + 1);
      }
      const after = src.slice(i + text.length);
      const up = text.toUpperCase();
      if (/^\s*\(/.test(after) && !text.includes('!')) push('func', text);
      else if (up === 'TRUE' || up === 'FALSE') push('bool', text);
      else push('ref', text);
    } else if (c === '(') push('open', c);
    else if (c === ')') push('close', c);
    else if (c === (lokal ? ';' : ',')) push('sep', c, ',');
    else {
      const op = OPS.find((o) => rest.startsWith(o));
      if (!op) return { ok: false, reason: `Tanda "${c}" tidak dikenal dalam rumus.` };
      push('op', op);
    }
  }
  return { ok: true, tokens, lokal };
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  /** The index of the next token that is not whitespace. */
  private peekIndex(): number {
    let p = this.pos;
    while (p < this.tokens.length && this.tokens[p].kind === 'ws') p++;
    return p;
  }

  private peek(): Token | undefined {
    return this.tokens[this.peekIndex()];
  }

  private next(): number {
    const p = this.peekIndex();
    this.pos = p + 1;
    return p;
  }

  parseAll(): Node {
    const n = this.comparison();
    if (this.peek() !== undefined) throw new Error(`Bagian "${this.peek()!.text}" tidak dapat dibaca.`);
    return n;
  }

  private binaryLevel(ops: string[], nextLevel: () => Node): Node {
    let left = nextLevel();
    for (;;) {
      const t = this.peek();
      if (!t || t.kind !== 'op' || !ops.includes(t.en)) return left;
      this.next();
      const right = nextLevel();
      left = { type: 'binary', op: t.en, from: left.from, to: right.to, left, right };
    }
  }

  private comparison = (): Node => this.binaryLevel(['=', '<>', '<', '>', '<=', '>='], this.concat);
  private concat = (): Node => this.binaryLevel(['&'], this.additive);
  private additive = (): Node => this.binaryLevel(['+', '-'], this.multiplicative);
  private multiplicative = (): Node => this.binaryLevel(['*', '/'], this.power);
  private power = (): Node => this.binaryLevel(['^'], this.postfix);

  private postfix = (): Node => {
    let n = this.unary();
    for (let t = this.peek(); t && t.kind === 'op' && t.en === '%'; t = this.peek()) {
      const p = this.next();
      n = { type: 'postfix', from: n.from, to: p + 1, operand: n };
    }
    return n;
  };

  private unary = (): Node => {
    const t = this.peek();
    if (t && t.kind === 'op' && (t.en === '-' || t.en === '+' || t.en === '@')) {
      const p = this.next();
      const operand = this.unary();
      return { type: 'unary', from: p, to: operand.to, operand };
    }
    return this.range();
  };

  private range = (): Node => this.binaryLevel([':'], this.primary);

  private primary = (): Node => {
    const t = this.peek();
    if (!t) throw new Error('Rumus berakhir sebelum waktunya.');
    const p = this.next();
    switch (t.kind) {
      case 'str':
      case 'num':
      case 'bool':
      case 'err':
      case 'ref':
      case 'array':
        return { type: 'leaf', from: p, to: p + 1 };
      case 'open': {
        const inner = this.comparison();
        const c = this.peek();
        if (!c || c.kind !== 'close') throw new Error('Kurung tutup ")" kurang.');
        const q = this.next();
        return { type: 'paren', from: p, to: q + 1, inner };
      }
      case 'func': {
        const o = this.next();
        if (this.tokens[o]?.kind !== 'open') throw new Error(`Fungsi ${t.text} tanpa kurung buka.`);
        const args: Arg[] = [];
        const close = this.peek();
        if (close && close.kind === 'close') {
          const q = this.next();
          return { type: 'call', name: t.text, from: p, to: q + 1, args };
        }
        let start = o + 1;
        for (;;) {
          const n = this.peek();
          if (!n) throw new Error(`Kurung fungsi ${t.text} tidak ditutup.`);
          if (n.kind === 'sep' || n.kind === 'close') {
            args.push({ node: null, from: start, to: this.peekIndex() });
          } else {
            const node = this.comparison();
            args.push({ node, from: start, to: this.pos });
          }
          const s = this.peek();
          if (!s) throw new Error(`Kurung fungsi ${t.text} tidak ditutup.`);
          const q = this.next();
          if (s.kind === 'close') return { type: 'call', name: t.text, from: p, to: q + 1, args };
          if (s.kind !== 'sep') throw new Error(`Bagian "${s.text}" dalam fungsi ${t.text} tidak dapat dibaca.`);
          start = q + 1;
        }
      }
      default:
        throw new Error(`Bagian "${t.text}" tidak dapat dibaca.`);
    }
  };
}

/** Parses a formula (with or without the leading "="). */
export function parseFormula(formula: string): HasilUrai {
  const tk = tokenize(formula);
  if (!tk.ok) return tk;
  if (tk.tokens.every((t) => t.kind === 'ws')) return { ok: false, reason: 'Rumus kosong.' };
  try {
    const root = new Parser(tk.tokens).parseAll();
    return { ok: true, tokens: tk.tokens, root, lokal: tk.lokal };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

/** The en-US text of tokens [from, to). */
export function emit(tokens: readonly Token[], from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += tokens[i].en;
  return s;
}
