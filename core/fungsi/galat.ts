/**
 * The error value a spreadsheet function returns instead of throwing. Each host maps it to its
 * own form (Excel `CustomFunctions.Error`, a thrown Error in Apps Script, a line on stderr in
 * the CLI); the message is what the planner reads, in Indonesian.
 */
export type KodeGalat = '#VALUE!' | '#DIV/0!' | '#N/A' | '#NUM!';

export interface FungsiError {
  readonly code: KodeGalat;
  readonly message: string;
}

export const KODE_GALAT: readonly KodeGalat[] = ['#VALUE!', '#DIV/0!', '#N/A', '#NUM!'];

export function galat(code: KodeGalat, message: string): FungsiError {
  return { code, message };
}

/**
 * Structural, so an error a host hands back in as an argument (a cell showing #DIV/0!) is
 * recognised and passed on rather than read as text.
 */
export function isFungsiError(x: unknown): x is FungsiError {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const o = x as { code?: unknown; message?: unknown };
  return typeof o.message === 'string' && (KODE_GALAT as readonly unknown[]).includes(o.code);
}

/** A value as the user sees it in a message: `'abc'`, never a crash on odd objects. */
export function tampil(x: unknown): string {
  if (typeof x === 'string') return `'${x.length > 40 ? x.slice(0, 40) + '…' : x}'`;
  if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'bigint') return `'${String(x)}'`;
  if (x === null || x === undefined) return "''";
  if (x instanceof Date) return Number.isNaN(x.getTime()) ? "'tanggal tidak sah'" : `'${x.toISOString().slice(0, 10)}'`;
  if (Array.isArray(x)) return "'rentang'";
  return "'objek'";
}
