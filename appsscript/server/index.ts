import type { ServerApi } from './api';
import { fungsiSheets } from './fungsi';

/**
 * The Apps Script entry. Apps Script calls only top-level functions (menus, triggers,
 * google.script.run): every `global.x = …` here becomes one through gas-webpack-plugin. The
 * custom functions (=CAPAIAN …) are declared by the build from the registry and call
 * LembarKinerja_ (the trailing underscore keeps it private to the script).
 *
 * Sheets evaluates the whole script for every custom-function call, so only the functions are
 * evaluated up front; the checker and the menu (layanan.ts) are a webpack module evaluated on
 * the first call that needs them.
 */

declare const global: Record<string, unknown>;

type Layanan = typeof import('./layanan');
let layanan: Layanan | null = null;
function muat(): Layanan {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (layanan === null) layanan = require('./layanan') as Layanan;
  return layanan;
}

const api: ServerApi = {
  lkPeriksa: (cakupan, pengaturan) => muat().periksa(cakupan, pengaturan),
  lkHapusTanda: () => muat().hapusTanda(SpreadsheetApp.getActiveSpreadsheet()),
  lkPilihSel: (sheet, cell) => muat().pilihSel(sheet, cell),
  lkBacaPengaturan: () => muat().bacaPengaturan(),
  lkSimpanPengaturan: (p) => muat().simpanPengaturan(p),
  lkPohonKinerja: (ganti) => muat().pohonKinerja(ganti),
  lkTemplatPohon: () => muat().templatPohon(),
  lkJadikanRumusBawaan: (cakupan, terapkan) => muat().jadikanRumusBawaan(cakupan, terapkan),
  lkKembalikanRumusAsli: () => muat().kembalikanRumusAsli(),
};

global.onOpen = () => muat().onOpen();
global.onInstall = () => muat().onInstall();
global.lkMenuPeriksa = () => muat().menuPeriksa();
global.lkMenuHapusTanda = () => muat().menuHapusTanda();
global.lkMenuPohon = () => muat().menuPohon();
global.lkMenuBantuan = () => muat().menuBantuan();
global.lkPeriksa = api.lkPeriksa;
global.lkHapusTanda = api.lkHapusTanda;
global.lkPilihSel = api.lkPilihSel;
global.lkBacaPengaturan = api.lkBacaPengaturan;
global.lkSimpanPengaturan = api.lkSimpanPengaturan;
global.lkPohonKinerja = api.lkPohonKinerja;
global.lkTemplatPohon = api.lkTemplatPohon;
global.lkJadikanRumusBawaan = api.lkJadikanRumusBawaan;
global.lkKembalikanRumusAsli = api.lkKembalikanRumusAsli;

(globalThis as Record<string, unknown>).LembarKinerja_ = fungsiSheets();
