import { CellValue, Sheet } from '../../core/lembar/model';
import { pohonKinerja } from '../../core/pohon';
import { TEMPLAT_HEADERS } from '../../core/pohon/templat';
import { medianMs, Metric } from './ukur';

/**
 * Pohon kinerja: reading a 500-node cascading sheet (with the pagu roll-up check) and laying
 * it out as a drawing. Goal (issue 6): pohon-500-ms ≤ 200.
 */

/** 1 sasaran, 9 programs, 90 kegiatan, 400 sub kegiatan; one indicator each, sums that agree. */
export function kaskade500(): Sheet {
  const values: CellValue[][] = [TEMPLAT_HEADERS];
  values.push(['Sasaran', 'S1', 'Meningkatnya kesejahteraan sosial', 'Persentase PMKS tertangani', 75, '%', null, 'Kepala Dinas']);
  let sub = 0;
  for (let p = 1; p <= 9; p++) {
    const programRow = values.length;
    values.push(['Program', `1.06.0${p}`, `Program ${p}`, `Indikator program ${p}`, 80, '%', 0, 'Kepala Bidang']);
    let programPagu = 0;
    for (let k = 1; k <= 10; k++) {
      const kegiatanRow = values.length;
      values.push([
        'Kegiatan',
        `1.06.0${p}.2.${k}`,
        `Kegiatan ${p}.${k} penyediaan layanan`,
        `Indikator kegiatan ${k}`,
        12,
        'dokumen',
        0,
        'Kepala Seksi',
      ]);
      const subs = sub + 5 <= 400 - (9 - p) * 40 - (10 - k) * 4 ? 5 : 4;
      let kegiatanPagu = 0;
      for (let s = 1; s <= subs && sub < 400; s++, sub++) {
        const pagu = 1_000_000 * ((sub % 7) + 1);
        kegiatanPagu += pagu;
        values.push([
          'Sub kegiatan',
          `1.06.0${p}.2.${k}.${s}`,
          `Sub kegiatan ${sub + 1} dengan nama yang cukup panjang`,
          `Jumlah keluaran ${sub + 1}`,
          4,
          'laporan',
          pagu,
          'Pelaksana',
        ]);
        values.push([null, null, null, `Indikator kedua ${sub + 1}`, 100, '%', null, null]);
      }
      values[kegiatanRow][6] = kegiatanPagu;
      programPagu += kegiatanPagu;
    }
    values[programRow][6] = programPagu;
  }
  return { name: 'Kaskade', values, typed: true };
}

const pohon500Ms = () => {
  const sheet = kaskade500();
  return medianMs(() => pohonKinerja({ name: 'bench', sheets: [sheet] }), { warmup: 2, runs: 9 });
};

export const metrics: Metric[] = [{ name: 'pohon-500-ms', unit: 'ms', measure: pohon500Ms }];
