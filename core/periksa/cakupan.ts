import { cellAt, columnLetters, Sheet } from '../lembar/model';
import { parseCell } from '../angka/parse';
import { TableColumn } from '../tabel/model';
import { CheckContext } from './konteks';
import { relationText, rowsText } from './rumus/relasi';
import { spreadSample } from '../tata-letak/contoh';
import { RuleId } from './temuan';

/**
 * What Periksa Tabel checked on a table, on which columns, and what it could not check and
 * why (issue 13: silence must never read as "all correct"). Built from the table model and
 * from what rumus-kolom recorded as checked, after the rules ran.
 */

export interface CheckCoverage {
  rule: RuleId;
  /** Column letters as the user sees them ("D", "E"). */
  columns: string[];
  /** One Indonesian sentence: what was compared with what. */
  what: string;
  /** A relation learned from the numbers, "F = D / C × 100", with its support. */
  relation?: { formula: string; holds: number; rows: number };
}

export interface UncheckedColumns {
  columns: string[];
  why: string;
}

export interface Coverage {
  checks: CheckCoverage[];
  unchecked: UncheckedColumns[];
  /** True when a value was compared with something (a sum, a formula, a scale), not only its writing. */
  valuesChecked: boolean;
  /** One sentence when the table was found but not understood; absent otherwise. */
  understood?: string;
}

/** Columns rumus-kolom checked on a table, recorded by the rule as it runs. */
const FORMULA_COLUMNS = new WeakMap<CheckContext, Set<number>>();

export function recordFormulaColumns(ctx: CheckContext, cols: Set<number>): void {
  FORMULA_COLUMNS.set(ctx, cols);
}

/** Target columns checked by a relation learned from the numbers, not by header words. */
const RELATION_COLUMNS = new WeakMap<CheckContext, Set<number>>();

export function recordRelationColumn(ctx: CheckContext, col: number): void {
  let set = RELATION_COLUMNS.get(ctx);
  if (set === undefined) RELATION_COLUMNS.set(ctx, (set = new Set()));
  set.add(col);
}

/** Roles whose cells are inputs of the header-word formulas (capaian, serapan, sisa). */
const INPUT_ROLES = new Set(['target', 'realisasi', 'realisasi-rp', 'anggaran', 'pagu', 'capaian', 'serapan']);
/** A column is numeric when at least this share of its filled cells hold numbers. */
const NUMERIC_SHARE = 0.6;
const NUMERIC_SAMPLE = 300;

/** Never throws: a table whose coverage cannot be worked out says so instead of stopping the run. */
export function coverageOf(ctx: CheckContext): Coverage {
  try {
    return computeCoverage(ctx);
  } catch {
    return {
      checks: [],
      unchecked: [],
      valuesChecked: false,
      understood: 'Cakupan pemeriksaan tabel ini tidak dapat disusun; periksa temuan di bawah dan isi tabel secara manual.',
    };
  }
}

function computeCoverage(ctx: CheckContext): Coverage {
  const table = ctx.table;
  const letter = (c: number) => columnLetters((ctx.sheet.origin?.col ?? 0) + c);
  const letters = (cs: TableColumn[]) => cs.map((c) => letter(c.col));
  const checks: CheckCoverage[] = [];
  const used = new Set<number>();
  // A sample spread over the table decides what kind of column it is; the checks themselves read every cell.
  const sample = spreadSample(
    table.rows.filter((r) => r.kind === 'data' || r.kind === 'total'),
    NUMERIC_SAMPLE,
  );
  const numeric = table.columns.filter((c) => isNumericColumn(ctx.sheet, sample, c));

  const money = table.columns.filter((c) => c.money);
  const allParents = new Set(table.rows.filter((r) => r.kind === 'data' && r.parent !== null).map((r) => r.parent as number));
  // A parent row with no amount of its own (a kegiatan heading over its sub kegiatan) has no sum to compare.
  const parents = [...allParents].filter((row) => money.some((c) => parseCell(cellAt(ctx.sheet, row, c.col)).value !== null));
  const hasTotal = table.rows.some((r) => r.kind === 'total');
  if (money.length > 0 && parents.length > 0) {
    checks.push({
      rule: 'jumlah-induk',
      columns: letters(money),
      what: `Jumlah ${parents.length} baris induk dibandingkan dengan jumlah rinciannya pada kolom ${letters(money).join(', ')}.`,
    });
    money.forEach((c) => used.add(c.col));
  }
  if (money.length > 0 && hasTotal) {
    checks.push({
      rule: 'jumlah-total',
      columns: letters(money),
      what: `Baris total dibandingkan dengan jumlah baris di atasnya pada kolom ${letters(money).join(', ')}.`,
    });
    money.forEach((c) => used.add(c.col));
  }

  for (const r of (table.relations ?? []).filter((x) => x.kind === 'jumlah-anak')) {
    checks.push({
      rule: 'jumlah-induk',
      columns: [letter(r.target)],
      what: `Kolom ${letter(r.target)} dijumlahkan seperti uang karena angkanya menunjukkan induk = jumlah rinciannya (pada ${r.holds} dari ${r.rows} induk), walaupun judulnya tidak menyebut uang.`,
      relation: { formula: relationText(ctx, r), holds: r.holds, rows: r.rows },
    });
  }
  const formula = FORMULA_COLUMNS.get(ctx) ?? new Set<number>();
  const byNumbers = RELATION_COLUMNS.get(ctx) ?? new Set<number>();
  const relations = (table.relations ?? []).filter((r) => byNumbers.has(r.target));
  const byRelation = new Set(relations.map((r) => r.target));
  const byHeader = table.columns.filter((c) => formula.has(c.col) && !byRelation.has(c.col));
  if (byHeader.length > 0) {
    checks.push({
      rule: 'rumus-kolom',
      columns: letters(byHeader),
      what: `Kolom ${letters(byHeader).join(', ')} dihitung ulang dari kolom masukannya (rumus menurut judul kolom atau baris nomor kolom).`,
    });
    byHeader.forEach((c) => used.add(c.col));
    for (const c of table.columns) if (INPUT_ROLES.has(c.role)) used.add(c.col);
  }
  for (const r of relations) {
    const formulaText = relationText(ctx, r);
    checks.push({
      rule: 'rumus-kolom',
      columns: [r.target, ...r.operands].map(letter),
      what: `Hubungan kolom ${formulaText} disimpulkan dari angka tabel (berlaku pada ${rowsText(r)}) dan diperiksa pada setiap baris.`,
      relation: { formula: formulaText, holds: r.holds, rows: r.rows },
    });
    [r.target, ...r.operands].forEach((c) => used.add(c));
  }

  const predikat = table.columns.filter((c) => c.role === 'predikat');
  if (predikat.length > 0 && table.columns.some((c) => c.role === 'capaian')) {
    checks.push({
      rule: 'predikat',
      columns: letters(predikat),
      what: `Predikat di kolom ${letters(predikat).join(', ')} dibandingkan dengan capaian menurut skala.`,
    });
  }
  const tw = table.columns.filter((c) => (c.role === 'tw-k' || c.role === 'tw-rp') && c.quarter !== undefined);
  if (tw.length > 0) {
    checks.push({
      rule: 'triwulan',
      columns: letters(tw),
      what: 'Rencana per triwulan: jumlah K 100 % dan jumlah Rp sama dengan pagu baris.',
    });
    tw.forEach((c) => used.add(c.col));
  }
  const satuan = table.columns.filter((c) => c.role === 'satuan' || c.role === 'target' || c.role === 'realisasi');
  if (satuan.length > 0) checks.push({ rule: 'satuan', columns: letters(satuan), what: 'Satuan target dan realisasi dibandingkan.' });
  if (numeric.length > 0) {
    checks.push({
      rule: 'format-angka',
      columns: letters(numeric),
      what: 'Penulisan angka (pemisah ribuan dan desimal, angka tersimpan sebagai teks).',
    });
  }
  if (table.hierarchy !== 'flat') {
    // Account codes skip levels by design: only duplicates are looked for.
    const accounts = table.rows.some((r) => r.levelName !== null && ACCOUNT_LEVELS.has(r.levelName));
    checks.push({
      rule: 'hierarki',
      columns: [],
      what: accounts
        ? 'Tingkat baris dari kode rekening (akun, kelompok, jenis, objek, rincian objek): kode ganda.'
        : `Tingkat baris dari ${HIERARCHY_SOURCE[table.hierarchy]}: kode ganda dan baris yang hilang.`,
    });
  }

  const unchecked: UncheckedColumns[] = [];
  const idle = numeric.filter((c) => !used.has(c.col));
  const moneyIdle = idle.filter((c) => c.money);
  if (moneyIdle.length > 0) {
    unchecked.push({
      columns: letters(moneyIdle),
      why: 'Kolom uang tanpa baris induk yang berisi angka atau baris total: tidak ada jumlah yang dapat diperiksa.',
    });
  }
  const derivedIdle = idle.filter(
    (c) => !c.money && (c.role === 'capaian' || c.role === 'serapan' || c.role === 'efisiensi' || c.role === 'sisa'),
  );
  if (derivedIdle.length > 0) {
    unchecked.push({
      columns: letters(derivedIdle),
      why: 'Kolom turunan tanpa kolom masukan yang dikenali, dan angkanya tidak mengikuti satu rumus pada sedikitnya 80 % baris.',
    });
  }
  const otherIdle = idle.filter((c) => !moneyIdle.includes(c) && !derivedIdle.includes(c));
  if (otherIdle.length > 0) {
    unchecked.push({
      columns: letters(otherIdle),
      why: 'Angka yang bukan uang dan tidak berhubungan dengan kolom lain (tidak ada rumus atau jumlah yang dapat diperiksa); hanya penulisannya yang diperiksa.',
    });
  }

  const valuesChecked = checks.some((c) => c.rule !== 'format-angka' && c.rule !== 'hierarki' && c.rule !== 'satuan');
  const coverage: Coverage = { checks, unchecked, valuesChecked };
  if (!valuesChecked) {
    coverage.understood =
      numeric.length === 0
        ? 'Tabel ditemukan, tetapi tidak berisi kolom angka yang dapat diperiksa.'
        : 'Tabel ditemukan, tetapi tidak dipahami: tidak ada kolom uang berinduk atau bertotal, rumus, atau hubungan antarkolom yang dapat diperiksa; hanya penulisan angka yang diperiksa.';
  }
  return coverage;
}

const ACCOUNT_LEVELS = new Set<string>(['akun', 'kelompok', 'jenis', 'objek', 'rincian-objek', 'sub-rincian-objek']);
const HIERARCHY_SOURCE = { kode: 'kode', nomor: 'penomoran', kata: 'kata dan huruf besar', rowspan: 'sel gabungan', flat: '' } as const;

function isNumericColumn(sheet: Sheet, sample: CheckContext['table']['rows'], c: TableColumn): boolean {
  if (c.role === 'nomor' || c.role.startsWith('kode')) return false;
  let filled = 0;
  let numbers = 0;
  // A repeated text ("Kab. Contoh", "100 %") is parsed once; a native number needs no parse.
  const texts = new Map<string, boolean | null>();
  for (const r of sample) {
    const v = cellAt(sheet, r.row, c.col);
    let number: boolean | null;
    if (typeof v === 'number') number = Number.isFinite(v);
    else if (typeof v === 'string') {
      number = texts.get(v) ?? null;
      if (!texts.has(v)) {
        const p = parseCell(v);
        number = p.kind === 'empty' ? null : p.value !== null;
        texts.set(v, number);
      }
    } else {
      const p = parseCell(v);
      number = p.kind === 'empty' ? null : p.value !== null;
    }
    if (number === null) continue;
    filled++;
    if (number) numbers++;
  }
  return numbers > 0 && numbers >= filled * NUMERIC_SHARE;
}

/** A sheet with this many numbers and no table gets a sentence, so an empty report is not read as "all correct". */
export const MIN_NUMBERS_FOR_NOTE = 4;

export function hasNumbers(sheet: Sheet): boolean {
  let n = 0;
  for (const row of sheet.values) {
    for (const v of row) {
      if (v === null || v === '') continue;
      if (typeof v === 'number' || parseCell(v).value !== null) n++;
      if (n >= MIN_NUMBERS_FOR_NOTE) return true;
    }
  }
  return false;
}
