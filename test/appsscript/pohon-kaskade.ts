import { CellValue, Sheet } from '../../core/lembar/model';
import { TEMPLAT_HEADERS } from '../../core/pohon/templat';
import { isi, Sel, SheetPalsu } from './palsu';

/**
 * Cascading sheets of any size for the Sheets Pohon Kinerja tests and bench: one sasaran,
 * `program` programs, `kegiatan` kegiatan each, `sub` sub kegiatan each (1 + P + P·K + P·K·S
 * nodes, or `total` when given: the sub kegiatan stop there), one indicator per node, pagu on
 * the sub kegiatan only.
 */
export function kaskade(program: number, kegiatan: number, sub: number, total = Infinity): Sheet {
  let nodes = 1 + program + program * kegiatan;
  const values: CellValue[][] = [TEMPLAT_HEADERS];
  values.push(['Sasaran', 'S1', 'Meningkatnya kesejahteraan sosial', 'Persentase PMKS tertangani', 75, '%', null, 'Kepala Dinas']);
  for (let p = 1; p <= program; p++) {
    values.push(['Program', `1.06.${p}`, `Program ${p} rehabilitasi sosial`, `Indikator program ${p}`, 80, '%', null, 'Kepala Bidang']);
    for (let k = 1; k <= kegiatan; k++) {
      values.push([
        'Kegiatan',
        `1.06.${p}.2.${k}`,
        `Kegiatan ${p}.${k} penyediaan layanan`,
        'Dokumen yang disusun',
        12,
        'dokumen',
        null,
        'Kepala Seksi',
      ]);
      for (let s = 1; s <= sub && nodes < total; s++, nodes++) {
        values.push([
          'Sub kegiatan',
          `1.06.${p}.2.${k}.${s}`,
          `Sub kegiatan ${p}.${k}.${s} dengan nama yang cukup panjang`,
          'Jumlah keluaran',
          4,
          'laporan',
          1_000_000 * s,
          'Pelaksana',
        ]);
      }
    }
  }
  return { name: 'Kaskade', values, typed: true };
}

/** A cascading sheet written into a fake sheet at A1 (unlogged). */
export function isiKaskade(sheet: SheetPalsu, model: Sheet): void {
  isi(
    sheet,
    1,
    1,
    model.values.map((r) => r.map((v) => ({ value: v === null ? '' : (v as Sel['value']) }))),
  );
}
