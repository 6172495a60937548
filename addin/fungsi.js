// GENERATED from core/fungsi/registry.ts by addin/fungsi-sumber.ts: do not edit by hand.
import * as inti from '../core/fungsi/spreadsheet';
import { dariExcel, keExcel } from './fungsi-excel';

/**
 * Menghitung capaian kinerja (%) dari realisasi dan target, menurut arah indikator.
 * @customfunction
 * @param {any[][]} realisasi Realisasi indikator: angka, teks angka (99,88 %; 84 Angka) atau rentang. Contoh: 79,72.
 * @param {any[][]} target Target indikator, dalam satuan yang sama dengan realisasi. Contoh: 80.
 * @param {any[][]} [arah] "naik" (bawaan; juga "positif" atau 1): realisasi/target×100; "turun" (juga "negatif" atau -1): (2×target−realisasi)/target×100; "turun-rasio": target/realisasi×100. Contoh: "turun".
 * @param {any[][]} [batas] Batas atas hasil, misalnya 100 atau 120; kosong berarti tanpa batas. Contoh: 100.
 * @returns {any[][]} Capaian dalam persen; kosong bila realisasi atau target kosong.
 */
function CAPAIAN(realisasi, target, arah, batas) {
  return keExcel(inti.CAPAIAN(dariExcel(realisasi), dariExcel(target), dariExcel(arah), dariExcel(batas)));
}

/**
 * Menghitung tingkat efisiensi (%) dari capaian kinerja dan serapan anggaran.
 * @customfunction
 * @param {any[][]} capaian_kinerja Capaian kinerja indikator dalam persen, misalnya 92,5. Contoh: 92,5.
 * @param {any[][]} serapan_anggaran Serapan anggaran dalam persen (realisasi/pagu×100), misalnya 88,01. Contoh: 88,01.
 * @param {any[][]} [metode] "rasio" (bawaan): (1 − serapan/capaian)×100, sesuai PMK 214/2017; "selisih": capaian − serapan; "sisa": 100 − serapan. Contoh: "selisih".
 * @returns {any[][]} Efisiensi dalam persen; kosong bila masukannya kosong.
 */
function EFISIENSI(capaian_kinerja, serapan_anggaran, metode) {
  return keExcel(inti.EFISIENSI(dariExcel(capaian_kinerja), dariExcel(serapan_anggaran), dariExcel(metode)));
}

/**
 * Menentukan predikat (kategori) sebuah capaian menurut skala penilaian.
 * @customfunction
 * @param {any[][]} capaian Capaian dalam persen, misalnya 92,5. Contoh: 92,5.
 * @param {any[][]} [skala] Nama skala: "permendagri86" (bawaan), "melampaui", "berhasil" atau "sakip"; atau rentang skala sendiri dengan 2 kolom (batas bawah, predikat) atau 3 kolom (batas bawah, batas atas, predikat). Contoh: "berhasil".
 * @param {any[][]} [desimal] Banyak desimal untuk membulatkan capaian (setengah ke atas) sebelum digolongkan, seperti yang tampil di tabel. Contoh: 2.
 * @returns {any[][]} Predikat sebagai teks; kosong bila capaian kosong.
 */
function PREDIKAT(capaian, skala, desimal) {
  return keExcel(inti.PREDIKAT(dariExcel(capaian), dariExcel(skala), dariExcel(desimal)));
}

/**
 * Menghitung serapan anggaran (%): realisasi dibagi pagu dikali 100.
 * @customfunction
 * @param {any[][]} realisasi Realisasi anggaran (Rp), misalnya 5.064.388.054 atau Rp 5.064.388.054,00. Contoh: 5.064.388.054.
 * @param {any[][]} pagu Pagu anggaran (Rp). Contoh: 5.215.862.284.
 * @returns {any[][]} Serapan dalam persen; kosong bila realisasi atau pagu kosong.
 */
function SERAPAN(realisasi, pagu) {
  return keExcel(inti.SERAPAN(dariExcel(realisasi), dariExcel(pagu)));
}

/**
 * Mengubah tingkat efisiensi menjadi nilai 0–100 gaya PMK: efisiensi dibatasi −20 s.d. 20, lalu 50 + (E/20)×50.
 * @customfunction
 * @param {any[][]} efisiensi Tingkat efisiensi dalam persen (hasil EFISIENSI), misalnya 4,85. Contoh: 4,85.
 * @returns {any[][]} Nilai efisiensi 0 sampai 100; kosong bila efisiensi kosong.
 */
function NILAI_EFISIENSI(efisiensi) {
  return keExcel(inti.NILAI_EFISIENSI(dariExcel(efisiensi)));
}
