/**
 * Everything the server does besides the custom functions: loaded on first use (see index.ts),
 * so a =CAPAIAN recalculation never evaluates the checker.
 */
export { menuBantuan, menuHapusTanda, menuPeriksa, menuPohon, onInstall, onOpen } from './menu';
export { bacaPengaturan, periksa, pilihSel, simpanPengaturan } from './periksa';
export { pohonKinerja, templatPohon } from './pohon';
export { hapusTanda } from './tanda';
export { jadikanRumusBawaan, kembalikanRumusAsli } from './bawaan';
