import { Drawing, DrawnCell } from './gambar';
import { wrappedLines } from './teks';

/** Headers of the cascading sheet, in the order the template writes them. */
export const TEMPLAT_HEADERS = [
  'Tingkat',
  'Kode',
  'Pernyataan kinerja',
  'Indikator',
  'Target',
  'Satuan',
  'Pagu (Rp)',
  'Penanggung jawab',
];

/** A worked example: one sasaran, one program, two kegiatan, three sub kegiatan; sums agree. */
const CONTOH: (string | number | null)[][] = [
  ['Sasaran', 'S1', 'Meningkatnya kesejahteraan sosial masyarakat', 'Persentase PMKS yang tertangani', 75, '%', null, 'Kepala Dinas'],
  [
    'Program',
    '1.06.04',
    'Program Rehabilitasi Sosial',
    'Persentase PMKS yang memperoleh rehabilitasi sosial',
    80,
    '%',
    300000000,
    'Kepala Bidang Rehabilitasi Sosial',
  ],
  [
    'Kegiatan',
    '1.06.04.2.01',
    'Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar',
    'Jumlah penyandang disabilitas terlantar yang direhabilitasi',
    120,
    'orang',
    180000000,
    'Kepala Seksi Rehabilitasi',
  ],
  [
    'Sub kegiatan',
    '1.06.04.2.01.0001',
    'Penyediaan Permakanan',
    'Jumlah penerima permakanan',
    120,
    'orang',
    100000000,
    'Kepala Seksi Rehabilitasi',
  ],
  [null, null, null, 'Jumlah paket permakanan yang disalurkan', 1440, 'paket', null, null],
  [
    'Sub kegiatan',
    '1.06.04.2.01.0002',
    'Penyediaan Alat Bantu',
    'Jumlah penerima alat bantu',
    40,
    'orang',
    80000000,
    'Kepala Seksi Rehabilitasi',
  ],
  [
    'Kegiatan',
    '1.06.04.2.02',
    'Rehabilitasi Sosial Dasar Anak Terlantar',
    'Jumlah anak terlantar yang direhabilitasi',
    60,
    'anak',
    120000000,
    'Kepala Seksi Anak',
  ],
  [
    'Sub kegiatan',
    '1.06.04.2.02.0001',
    'Pemberian Bimbingan Fisik, Mental, Spiritual, dan Sosial',
    'Jumlah anak yang mendapat bimbingan',
    60,
    'anak',
    120000000,
    'Kepala Seksi Anak',
  ],
];

const WIDTHS = [14, 20, 44, 44, 10, 10, 18, 30];

/** The template keeps the default 11-pt font: a 9-pt line estimate scaled up, 15 pt a line. */
function rowHeight(vals: (string | number | null)[]): number {
  let lines = 1;
  vals.forEach((v, col) => {
    if (typeof v === 'string') lines = Math.max(lines, wrappedLines(v, (WIDTHS[col] * 9) / 11));
  });
  return lines * 15 + 4;
}

/**
 * An empty cascading sheet with its headers, a note on how to fill it, and a worked example
 * the pohon builder reads as it is (one row per indicator, a blank pernyataan continuing the
 * node above).
 */
export function templatPohon(): Drawing {
  const cells: DrawnCell[] = [];
  const border = { style: 'thin' as const, color: '808080' };
  const all = { top: border, right: border, bottom: border, left: border };
  TEMPLAT_HEADERS.forEach((h, col) =>
    cells.push({
      row: 0,
      col,
      value: h,
      fill: 'D9D9D9',
      font: { bold: true },
      border: all,
      align: { horizontal: 'center', vertical: 'middle', wrap: true },
    }),
  );
  CONTOH.forEach((vals, i) =>
    vals.forEach((value, col) =>
      cells.push({
        row: i + 1,
        col,
        value,
        border: all,
        align: { vertical: 'top', wrap: true, horizontal: col === 6 || col === 4 ? 'right' : 'left' },
        numberFormat: col === 6 ? '#,##0' : undefined,
      }),
    ),
  );
  const noteRow = CONTOH.length + 2;
  const notes = [
    'Cara mengisi: satu baris untuk setiap indikator. Tingkat: Visi, Misi, Tujuan, Sasaran, Program, Kegiatan, Sub kegiatan, atau nama tingkat kantor Anda.',
    'Pernyataan kinerja yang dikosongkan berarti baris itu indikator tambahan dari baris di atasnya. Pagu induk harus sama dengan jumlah pagu di bawahnya.',
    'Hapus contoh di atas lalu isi dengan data Anda; kemudian jalankan: npx lembar-kinerja pohon BERKAS.xlsx --keluar POHON.xlsx',
  ];
  notes.forEach((value, i) => cells.push({ row: noteRow + i, col: 0, value, font: { italic: true, color: '595959' } }));
  return {
    sheetName: 'Kaskade Kinerja',
    columnWidths: WIDTHS,
    rowHeights: [30, ...CONTOH.map(rowHeight), 15, 15, 15, 15],
    cells,
    merges: [],
    print: { landscape: true, fitToWidth: true, repeatRows: 1 },
    freeze: { rows: 1, cols: 0 },
  };
}
