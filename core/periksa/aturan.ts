import { Finding, RuleId } from './temuan';
import { CheckContext, TableCheck } from './konteks';
import { check as jumlahInduk } from './jumlah-induk';
import { check as jumlahTotal } from './jumlah-total';
import { check as triwulan } from './triwulan';
import { check as rumusKolom } from './rumus-kolom';
import { check as predikat } from './predikat';
import { check as satuan } from './satuan';
import { check as angkaTeks } from './angka-teks';
import { check as formatAngka } from './format-angka';
import { check as hierarki } from './hierarki';
import { check as antarTabel } from './antar-tabel';

export type WorkbookCheck = (tables: { ctx: CheckContext }[]) => Finding[];

/**
 * Every per-table rule, in report order. One file per rule, named as the rule id; the id is
 * here too so that the runner can name a rule that crashed (core/periksa/index.ts).
 */
export const TABLE_CHECKS: readonly { rule: RuleId; check: TableCheck }[] = [
  { rule: 'jumlah-induk', check: jumlahInduk },
  { rule: 'jumlah-total', check: jumlahTotal },
  { rule: 'rumus-kolom', check: rumusKolom },
  { rule: 'predikat', check: predikat },
  { rule: 'triwulan', check: triwulan },
  { rule: 'satuan', check: satuan },
  { rule: 'format-angka', check: formatAngka },
  { rule: 'angka-teks', check: angkaTeks },
  { rule: 'hierarki', check: hierarki },
];

/** Rules that compare the tables of one workbook. */
export const WORKBOOK_CHECKS: readonly { rule: RuleId; check: WorkbookCheck }[] = [{ rule: 'antar-tabel', check: antarTabel }];
