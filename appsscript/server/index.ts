import type { ServerApi } from './api';
import { fungsiSheets } from './fungsi';
import { menuBantuan, menuHapusTanda, menuPeriksa, menuPohon, onInstall, onOpen } from './menu';
import { bacaPengaturan, periksa, pilihSel, simpanPengaturan } from './periksa';
import { pohonKinerja, templatPohon } from './pohon';
import { hapusTanda } from './tanda';

/**
 * The Apps Script entry. Apps Script calls only top-level functions (menus, triggers,
 * google.script.run): every `global.x = …` here becomes one through gas-webpack-plugin. The
 * custom functions (=CAPAIAN …) are declared by the build from the registry and call
 * LembarKinerja_ (the trailing underscore keeps it private to the script).
 */

declare const global: Record<string, unknown>;

const api: ServerApi = {
  lkPeriksa: periksa,
  lkHapusTanda: () => hapusTanda(SpreadsheetApp.getActiveSpreadsheet()),
  lkPilihSel: pilihSel,
  lkBacaPengaturan: bacaPengaturan,
  lkSimpanPengaturan: simpanPengaturan,
  lkPohonKinerja: pohonKinerja,
  lkTemplatPohon: templatPohon,
};

global.onOpen = onOpen;
global.onInstall = onInstall;
global.lkMenuPeriksa = menuPeriksa;
global.lkMenuHapusTanda = menuHapusTanda;
global.lkMenuPohon = menuPohon;
global.lkMenuBantuan = menuBantuan;
global.lkPeriksa = api.lkPeriksa;
global.lkHapusTanda = api.lkHapusTanda;
global.lkPilihSel = api.lkPilihSel;
global.lkBacaPengaturan = api.lkBacaPengaturan;
global.lkSimpanPengaturan = api.lkSimpanPengaturan;
global.lkPohonKinerja = api.lkPohonKinerja;
global.lkTemplatPohon = api.lkTemplatPohon;

(globalThis as Record<string, unknown>).LembarKinerja_ = fungsiSheets();
