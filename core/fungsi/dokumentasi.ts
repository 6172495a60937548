import { FUNGSI, FungsiInfo, ParamInfo, signature } from './registry';

/**
 * Text generated from the registry: the JSDoc blocks the Excel and Google Sheets hosts need to
 * declare the custom functions, and the CLI help. Nothing here is written by hand per function.
 */

/** How the generated function body reaches the implementation; each host bundles it its own way. */
export type BodyFor = (f: FungsiInfo, params: string[]) => string;

const defaultBody: BodyFor = (f, params) => `return LembarKinerja.${f.name}(${params.join(', ')});`;

/** JSDoc text must not close the comment early or break across lines unexpectedly. */
function jsdocText(s: string): string {
  return s.replace(/\*\//g, '*\u2215').replace(/\s*\n\s*/g, ' ');
}

function paramText(p: ParamInfo): string {
  return jsdocText(`${p.help} Contoh: ${p.example}.`);
}

/**
 * Excel custom functions (custom-functions-metadata reads these): every parameter is `any[][]`
 * (or `any` when it takes no range) because text numbers such as "99,88 %" must reach the
 * function; a `number` parameter would make Excel answer #VALUE! before the function runs.
 * The result is `any[][]`: cells may be blank (null) or an error the host converts.
 */
export function excelCustomFunction(f: FungsiInfo, body: BodyFor = defaultBody): string {
  const names = f.params.map((p) => p.name);
  const lines = ['/**', ` * ${jsdocText(f.description)}`, ' * @customfunction'];
  for (const p of f.params) {
    const type = p.range ? 'any[][]' : 'any';
    lines.push(` * @param {${type}} ${p.optional ? `[${p.name}]` : p.name} ${paramText(p)}`);
  }
  lines.push(` * @returns {any[][]} ${jsdocText(f.result)}`, ' */');
  lines.push(`function ${f.name}(${names.join(', ')}) {`, `  ${body(f, names)}`, '}');
  return lines.join('\n');
}

function sheetsType(kind: ParamInfo['kind'], range: boolean): string {
  if (kind === 'skala') return 'string|Array<Array<number|string>>';
  const cell = kind === 'angka' ? 'number' : 'string';
  return range ? `${cell}|Array<Array<${cell}>>` : cell;
}

/**
 * Google Sheets (Apps Script) custom function: `@customfunction` makes it appear in the
 * formula autocomplete with these descriptions. Optional parameters are marked in the text,
 * since Sheets shows the names as they are.
 */
export function sheetsCustomFunction(f: FungsiInfo, body: BodyFor = defaultBody): string {
  const names = f.params.map((p) => p.name);
  const lines = ['/**', ` * ${jsdocText(f.description)}`, ' *'];
  for (const p of f.params) {
    const opt = p.optional ? '(opsional) ' : '';
    lines.push(` * @param {${sheetsType(p.kind, p.range)}} ${p.name} ${opt}${paramText(p)}`);
  }
  lines.push(` * @return {${sheetsType(f.resultKind, true)}} ${jsdocText(f.result)}`);
  lines.push(' * @customfunction', ' */');
  lines.push(`function ${f.name}(${names.join(', ')}) {`, `  ${body(f, names)}`, '}');
  return lines.join('\n');
}

export function excelCustomFunctionsSource(body?: BodyFor): string {
  return FUNGSI.map((f) => excelCustomFunction(f, body)).join('\n\n') + '\n';
}

export function sheetsCustomFunctionsSource(body?: BodyFor): string {
  return FUNGSI.map((f) => sheetsCustomFunction(f, body)).join('\n\n') + '\n';
}

/** An argument as typed in a shell: quotes kept only where the shell needs them. */
function shellArg(a: string): string {
  const bare = a.replace(/^"(.*)"$/, '$1');
  return /^[\w.,%+-]+$/.test(bare) ? bare : `"${bare}"`;
}

export function cliHelpFungsi(f: FungsiInfo): string {
  const width = Math.max(...f.params.map((p) => p.name.length));
  const lines = [`  ${signature(f)}`, `      ${f.description}`];
  for (const p of f.params) {
    lines.push(`      ${p.name.padEnd(width)}  ${p.optional ? '(opsional) ' : ''}${p.help}`);
  }
  lines.push(`      Hasil: ${f.result}`);
  // Example results are shown with 2 decimals, so the command asks for them.
  const rounding = f.resultKind === 'angka' ? ' --desimal 2' : '';
  for (const e of f.examples) {
    lines.push(`      Contoh: lembar-kinerja hitung ${f.name} ${e.args.map(shellArg).join(' ')}${rounding}  → ${e.result}`);
  }
  return lines.join('\n');
}

/** The `hitung` help: usage, options, then every function of the registry. */
export function cliHelp(): string {
  return [
    'Penggunaan: lembar-kinerja hitung NAMA ARGUMEN... [--desimal N] [--json]',
    '',
    'Menghitung satu fungsi seperti di sel lembar kerja. Argumen ditulis seperti di sel',
    'berformat Indonesia (0,259; 99,88 %; Rp 5.000.000; turun); "" berarti argumen kosong.',
    '',
    'Pilihan:',
    '  --desimal N   bulatkan hasil angka ke N desimal (setengah ke atas)',
    '  --json        cetak {"value": …} atau {"error": {"code": …, "message": …}} dalam satu baris',
    '',
    'Status keluar: 0 berhasil, 1 hasilnya galat, 2 salah penggunaan.',
    '',
    'Fungsi:',
    FUNGSI.map(cliHelpFungsi).join('\n\n'),
    '',
  ].join('\n');
}
