import { Finding } from './temuan';
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

/** Every per-table rule, in report order. One file per rule, named as the rule id. */
export const TABLE_CHECKS: readonly TableCheck[] = [
  jumlahInduk,
  jumlahTotal,
  rumusKolom,
  predikat,
  triwulan,
  satuan,
  formatAngka,
  angkaTeks,
  hierarki,
];

/** Rules that compare the tables of one workbook. */
export const WORKBOOK_CHECKS: readonly ((tables: { ctx: CheckContext }[]) => Finding[])[] = [antarTabel];
