import { CellValue, Merge, Sheet } from '../lembar/model';
import { findTables } from '.';
import { Table, TableRow, TableSchema } from '../tabel/model';

function sheet(values: CellValue[][], extra: Partial<Sheet> = {}): Sheet {
  return { name: 'Lembar1', values, typed: false, ...extra };
}

function one(s: Sheet): Table {
  const tables = findTables(s);
  expect(tables).toHaveLength(1);
  expect(() => TableSchema.parse(tables[0])).not.toThrow();
  return tables[0];
}

const at = (t: Table, row: number): TableRow => t.rows.find((r) => r.row === row) as TableRow;
const merge = (top: number, left: number, bottom: number, right: number): Merge => ({ top, left, bottom, right });

describe('where the header is', () => {
  it('finds a header on row 5 below a title, a subtitle and a blank row', () => {
    const t = one(
      sheet([
        ['Tabel 3.2'],
        ['Capaian Kinerja Dinas Sosial Tahun 2024'],
        [],
        [null, 'Sumber: LKjIP 2024'],
        ['Sasaran Strategis', 'Indikator Kinerja', 'Target', 'Realisasi', 'Capaian %', 'Kategori'],
        ['Meningkatnya Kualitas Perlindungan', 'Persentase PPKS terlindungi', '99,88', '99,88', '100', 'Berhasil'],
        ['Meningkatnya Rehabilitasi', 'Persentase PPKS direhabilitasi', '0,28', '0,259', '92,5', 'Berhasil'],
      ]),
    );
    expect([t.headerTop, t.headerBottom, t.layout, t.range]).toEqual([4, 4, 'lkjip-capaian', 'A5:F7']);
    expect(t.rows.map((r) => r.row)).toEqual([5, 6]);
  });

  it('reads a merged two-row header as "Group | Sub"', () => {
    const t = one(
      sheet(
        [
          ['No', 'Program/Kegiatan', 'Kinerja', null, null, 'Anggaran', null, null, 'Tingkat Efisiensi'],
          [null, null, 'Target', 'Realisasi', '% Capaian', 'Anggaran (Rp)', 'Realisasi (Rp)', '%', null],
          ['1', 'PROGRAM PEMBERDAYAAN SOSIAL', '100', '100', '100', '10.292.000.000', '10.227.996.300', '99,38', '0,62'],
          [
            '1.1',
            'Pengembangan Potensi Sumber Kesejahteraan Sosial',
            '100',
            '100',
            '100',
            '10.292.000.000',
            '10.227.996.300',
            '99,38',
            '0,62',
          ],
        ],
        { merges: [merge(0, 0, 1, 0), merge(0, 1, 1, 1), merge(0, 2, 0, 4), merge(0, 5, 0, 7), merge(0, 8, 1, 8)] },
      ),
    );
    expect([t.headerTop, t.headerBottom]).toEqual([0, 1]);
    expect(t.columns.map((c) => c.header)).toEqual([
      'No',
      'Program/Kegiatan',
      'Kinerja | Target',
      'Kinerja | Realisasi',
      'Kinerja | % Capaian',
      'Anggaran | Anggaran (Rp)',
      'Anggaran | Realisasi (Rp)',
      'Anggaran | %',
      'Tingkat Efisiensi',
    ]);
    expect(t.columns.map((c) => c.role)).toEqual([
      'nomor',
      'uraian',
      'target',
      'realisasi',
      'capaian',
      'anggaran',
      'realisasi-rp',
      'serapan',
      'efisiensi',
    ]);
    expect(t.layout).toBe('lkjip-efisiensi');
    expect(at(t, 3)).toMatchObject({ levelName: 'kegiatan', parent: 2 });
  });

  it('reads the same header unmerged (CSV): group labels spread over the sub-columns below them', () => {
    const t = one(
      sheet([
        ['No', 'Program/Kegiatan', 'Kinerja', null, null, 'Anggaran', null, null, 'Tingkat Efisiensi'],
        [null, null, 'Target', 'Realisasi', '% Capaian', 'Anggaran (Rp)', 'Realisasi (Rp)', '%', null],
        ['1', 'PROGRAM PEMBERDAYAAN SOSIAL', '100', '100', '100', '10.292.000.000', '10.227.996.300', '99,38', '0,62'],
      ]),
    );
    expect(t.columns.map((c) => c.group ?? null)).toEqual([
      null,
      null,
      'Kinerja',
      'Kinerja',
      'Kinerja',
      'Anggaran',
      'Anggaran',
      'Anggaran',
      null,
    ]);
    expect(t.columns[7].role).toBe('serapan');
  });

  it('does not take a centred title or a note above the header for a group row', () => {
    const t = one(
      sheet([
        [null, null, 'RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH', null],
        [null, 'Satuan: Rupiah', null, null],
        ['No', 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)'],
        ['1', 'PROGRAM A', '100', '90'],
      ]),
    );
    expect([t.headerTop, t.columns.map((c) => c.header)]).toEqual([2, ['No', 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)']]);
  });

  it('keeps a sub-row of years and a row of units in the header', () => {
    const t = one(
      sheet(
        [
          ['Sasaran', 'Indikator', 'Target Kinerja', null, 'Anggaran', 'Realisasi'],
          [null, null, 'Tahun 2023', 'Tahun 2024', null, null],
          [null, null, '(%)', '(%)', '(Rp)', '(Rp)'],
          ['Meningkatnya A', 'Persentase A', '90', '95', '100.000', '90.000'],
        ],
        { merges: [merge(0, 2, 0, 3)] },
      ),
    );
    expect([t.headerTop, t.headerBottom]).toEqual([0, 2]);
    expect(t.columns.map((c) => [c.role, c.period ?? null])).toEqual([
      ['sasaran', null],
      ['indikator', null],
      ['target', '2023'],
      ['target', '2024'],
      ['anggaran', null],
      ['realisasi-rp', null],
    ]);
  });

  it('keeps a number column whose header cell was left blank', () => {
    const t = one(
      sheet([
        [null, 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)'],
        ['1', 'PROGRAM A', '100', '90'],
        ['1.1', 'Kegiatan A1', '100', '90'],
        ['2', 'PROGRAM B', '50', '50'],
      ]),
    );
    expect(t.range).toBe('A1:D4');
    expect(t.columns.map((c) => c.role)).toEqual(['nomor', 'uraian', 'anggaran', 'realisasi-rp']);
    expect(t.rows.map((r) => r.levelName)).toEqual(['program', 'kegiatan', 'program']);
  });

  it('tolerates mis-typed and spaced header words', () => {
    const t = one(
      sheet([
        ['N o', 'Program/Kegiatan', 'Pagu Indikatf', 'Kebutuhan Dana', 'Catan Penting'],
        ['1', 'Program A', '100.000', '90.000', null],
        ['', 'T O T A L', '100.000', '90.000', null],
      ]),
    );
    expect(t.columns.map((c) => c.role)).toEqual(['nomor', 'uraian', 'pagu', 'kebutuhan', 'keterangan']);
    expect(at(t, 2).kind).toBe('total');
  });
});

describe('number rows', () => {
  it('reads formulas in the number row as column-number arithmetic', () => {
    const t = one(
      sheet([
        ['No', 'Indikator', 'Satuan', 'Target', 'Realisasi', 'Capaian (%)', 'Target Akhir Renstra', 'Capaian Renstra (%)'],
        ['(1)', '(2)', '(3)', '(4)', '(5)', '6 = 5/4 x 100%', '(7)', '8 = (5/7)'],
        ['1', 'Nilai SAKIP', 'nilai', '85', '92,33', '108,62', '90', '102,59'],
      ]),
    );
    expect(t.numberRow).toBe(1);
    expect(t.columns.map((c) => c.numberLabel)).toEqual(['(1)', '(2)', '(3)', '(4)', '(5)', '6', '(7)', '8']);
    expect(t.columns.map((c) => c.columnNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(t.columns[5].numberFormula).toBe('5/4*100');
    expect(t.columns[7].numberFormula).toBe('(5/7)');
    expect(t.rows.map((r) => r.row)).toEqual([2]);
  });

  it('reads "11 =10/4" and "10 = 5+7+9" in a table numbered 1..11', () => {
    const header = [
      'No',
      'Uraian',
      'Indikator',
      'Target',
      'Realisasi TW I',
      'Capaian TW I',
      'Realisasi TW II',
      'Capaian TW II',
      'Realisasi TW III',
      'Realisasi s/d TW III',
      'Capaian',
    ];
    const numbers = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10 = 5+7+9', '11 =10/4'];
    const t = one(sheet([header, numbers, ['1', 'Program A', 'Persentase', '100', '20', '20', '30', '30', '40', '90', '90']]));
    expect(t.columns[9].numberFormula).toBe('5+7+9');
    expect(t.columns[10].numberFormula).toBe('10/4');
    expect(t.columns[10].numberLabel).toBe('11');
  });

  it('does not take a row of years under the header for a number row', () => {
    const t = one(
      sheet([
        ['Sasaran', 'Indikator', 'Target', 'Realisasi', 'Capaian'],
        ['Meningkatnya A', 'Persentase A', '2022', '2023', '2024'],
      ]),
    );
    expect(t.numberRow).toBeNull();
  });
});

describe('page breaks', () => {
  it('marks the header and number row printed again mid-table, and keeps one table', () => {
    const header = ['No', 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)', '% Capaian'];
    const numbers = ['1', '2', '3', '4', '5'];
    const t = one(
      sheet([
        header,
        numbers,
        ['1', 'PROGRAM A', '300', '290', '96,67'],
        ['1.1', 'Kegiatan A1', '100', '95', '95,00'],
        [],
        header,
        numbers,
        ['1.2', 'Kegiatan A2', '200', '195', '97,50'],
        ['TOTAL', null, '300', '290', '96,67'],
      ]),
    );
    expect(t.rows.map((r) => r.kind)).toEqual(['data', 'data', 'blank', 'header-repeat', 'number-row', 'data', 'total']);
    expect(at(t, 7)).toMatchObject({ levelName: 'kegiatan', parent: 2, gapBefore: false });
  });

  it('flags a numbering gap where a page was lost', () => {
    const t = one(
      sheet([
        ['No', 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)'],
        ['1', 'PROGRAM A', '600', '600'],
        ['1.1', 'Kegiatan 1', '100', '100'],
        ['1.2', 'Kegiatan 2', '200', '200'],
        ['1.4', 'Kegiatan 4', '300', '300'],
        ['2', 'PROGRAM B', '50', '50'],
        ['2.1', 'Kegiatan 1', '50', '50'],
        ['4', 'PROGRAM D', '70', '70'],
        ['4.1', 'Kegiatan 1', '70', '70'],
      ]),
    );
    expect(t.rows.filter((r) => r.gapBefore).map((r) => r.nomor)).toEqual(['1.4', '4']);
  });

  it('flags a global kegiatan number that jumps (4 then 6) and a sub whose kegiatan is missing', () => {
    const t = one(
      sheet([
        ['No', 'Program/Kegiatan/ Sub Kegiatan', 'Pagu Indikatif (Rp.)', 'Kebutuhan Dana (Rp.)'],
        ['I.', 'PROGRAM A', '10', '0'],
        ['1.', 'Kegiatan satu', '10', '0'],
        ['1.1', 'Sub satu', '10', '0'],
        ['II', 'PROGRAM B', '10', '0'],
        ['2', 'Kegiatan dua', '10', '0'],
        ['2.1', 'Sub satu', '10', '0'],
        ['4', 'Kegiatan empat', '10', '0'],
        ['4.1', 'Sub satu', '10', '0'],
        ['6', 'Kegiatan enam', '0', '0'],
        ['6.1', 'Sub satu', '0', '0'],
        ['7.1', 'Sub tanpa kegiatan', '0', '0'],
      ]),
    );
    expect(t.rows.filter((r) => r.gapBefore).map((r) => r.nomor)).toEqual(['4', '6', '7.1']);
    // Kegiatan 2 under program II continues the numbering of program I: no gap there.
    expect(t.rows.find((r) => r.nomor === '2')?.gapBefore).toBe(false);
  });
});

describe('several tables on one sheet', () => {
  it('finds two tables one below the other, separated by a title', () => {
    const tables = findTables(
      sheet([
        ['Tabel 3.1 Skala Nilai'],
        ['Capaian', 'Kategori'],
        ['≥ 100', 'Sangat Berhasil'],
        ['75 - < 100', 'Berhasil'],
        ['55 - < 75', 'Cukup Berhasil'],
        ['< 55', 'Kurang Berhasil'],
        [],
        ['Tabel 3.2 Capaian Kinerja'],
        ['Sasaran Strategis', 'Indikator Kinerja', 'Target', 'Realisasi', 'Capaian %', 'Kategori'],
        ['Meningkatnya A', 'Persentase A', '99,88', '99,88', '100', 'Berhasil'],
      ]),
    );
    expect(tables.map((t) => [t.layout, t.range])).toEqual([
      ['skala', 'A2:B6'],
      ['lkjip-capaian', 'A9:F10'],
    ]);
    expect(tables[0].columns.map((c) => c.role)).toEqual(['capaian', 'predikat']);
  });

  it('ends a table at a new header right below it', () => {
    const tables = findTables(
      sheet([
        ['Sasaran', 'Indikator Kinerja', 'Target'],
        ['Meningkatnya A', 'Persentase A', '100 %'],
        ['No', 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)'],
        ['1', 'PROGRAM A', '100', '90'],
      ]),
    );
    expect(tables.map((t) => [t.layout, t.range])).toEqual([
      ['lkjip-pk', 'A1:C2'],
      ['lkjip-anggaran', 'A3:D4'],
    ]);
  });

  it('finds two tables side by side, split by an empty column', () => {
    const tables = findTables(
      sheet([
        ['Sasaran', 'Indikator Kinerja', 'Target', null, 'Nilai', 'Predikat'],
        ['Meningkatnya A', 'Persentase A', '100 %', null, '91 - 100', 'Sangat Tinggi'],
        ['Meningkatnya B', 'Persentase B', '90 %', null, '76 - 90', 'Tinggi'],
        [null, null, null, null, '≤ 75', 'Rendah'],
      ]),
    );
    expect(tables.map((t) => [t.layout, t.range])).toEqual([
      ['lkjip-pk', 'A1:C3'],
      ['skala', 'E1:F4'],
    ]);
  });
});

describe('triwulan and E.81 tables', () => {
  it('reads TW I..IV each with K and Rp', () => {
    const groups = ['Triwulan I', 'Triwulan II', 'Triwulan III', 'Triwulan IV'];
    const top: CellValue[] = ['Kode', 'Program/Kegiatan/Sub Kegiatan', 'Pagu (Rp)'];
    const sub: CellValue[] = [null, null, null];
    for (const g of groups) {
      top.push(g, null);
      sub.push('K (%)', 'Rp');
    }
    const t = one(
      sheet(
        [
          top,
          sub,
          ['1.06.01', 'PROGRAM PENUNJANG', '100', '25', '25', '25', '25', '25', '25', '25', '25'],
          ['1.06.01.2.01', 'Perencanaan', '100', '25', '25', '25', '25', '25', '25', '25', '25'],
        ],
        {
          merges: [
            merge(0, 0, 1, 0),
            merge(0, 1, 1, 1),
            merge(0, 2, 1, 2),
            merge(0, 3, 0, 4),
            merge(0, 5, 0, 6),
            merge(0, 7, 0, 8),
            merge(0, 9, 0, 10),
          ],
        },
      ),
    );
    expect(t.layout).toBe('renja-triwulan');
    expect(t.columns.slice(3).map((c) => [c.role, c.quarter, c.money])).toEqual([
      ['tw-k', 1, false],
      ['tw-rp', 1, true],
      ['tw-k', 2, false],
      ['tw-rp', 2, true],
      ['tw-k', 3, false],
      ['tw-rp', 3, true],
      ['tw-k', 4, false],
      ['tw-rp', 4, true],
    ]);
    expect(t.columns[2].role).toBe('pagu');
  });

  it('reads an E.81 table: K and Rp under each group, the number shared by both, 13 = 6 + 12 and 14 = 13/5×100%', () => {
    const groups = [
      'Target Renstra SKPD pada Tahun 2023 (Akhir Periode Renstra)',
      'Realisasi Capaian Kinerja Renstra SKPD sampai dengan Renja Tahun Lalu (n-2)',
      'Target Kinerja dan Anggaran Renja Tahun Berjalan (n-1)',
      'Realisasi Kinerja Pada Triwulan I',
      'Realisasi Kinerja Pada Triwulan II',
      'Realisasi Kinerja Pada Triwulan III',
      'Realisasi Kinerja Pada Triwulan IV',
      'Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi',
      'Realisasi Kinerja dan Anggaran Renstra s/d Tahun 2022',
      'Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra s/d Tahun 2022 (%)',
    ];
    const top: CellValue[] = ['No', 'Sasaran', 'Program/Kegiatan', 'Indikator Kinerja Program (outcome)/Kegiatan (output)'];
    const sub: CellValue[] = [null, null, null, null];
    const num: CellValue[] = ['1', '2', '3', '4'];
    const merges: Merge[] = [merge(0, 0, 1, 0), merge(0, 1, 1, 1), merge(0, 2, 1, 2), merge(0, 3, 1, 3)];
    groups.forEach((g, i) => {
      const c = top.length;
      top.push(g, null);
      sub.push('K', 'Rp');
      const n = 5 + i;
      num.push(n === 13 ? '13 = 6 + 12' : n === 14 ? '14 = 13 / 5 × 100 %' : String(n), null);
      merges.push(merge(0, c, 0, c + 1), merge(2, c, 2, c + 1));
    });
    top.push('Unit SKPD Penanggung Jawab');
    sub.push(null);
    num.push('15');
    merges.push(merge(0, top.length - 1, 1, top.length - 1));
    const row: CellValue[] = ['1', 'Meningkatnya A', 'Program A', 'Persentase A'];
    for (let i = 0; i < groups.length; i++) row.push('10', '1.000.000');
    row.push('Sekretariat');
    const t = one(sheet([top, sub, num, row], { merges }));
    expect(t.layout).toBe('renja-e81');
    expect(t.numberRow).toBe(2);
    const byNumber = (n: number) => t.columns.filter((c) => c.columnNumber === n);
    expect(byNumber(13).map((c) => [c.role, c.numberFormula])).toEqual([
      ['realisasi', '6+12'],
      ['realisasi-rp', '6+12'],
    ]);
    expect(byNumber(14).map((c) => [c.role, c.numberFormula])).toEqual([
      ['capaian', '13/5*100'],
      ['serapan', '13/5*100'],
    ]);
    expect(byNumber(5).map((c) => [c.role, c.period])).toEqual([
      ['target', 'renstra'],
      ['pagu', 'renstra'],
    ]);
    expect(byNumber(6).map((c) => c.period)).toEqual(['s/d n-2', 's/d n-2']);
    expect(byNumber(8).map((c) => [c.role, c.quarter])).toEqual([
      ['tw-k', 1],
      ['tw-rp', 1],
    ]);
    expect(byNumber(15)[0].role).toBe('pj');
  });
});

describe('scale tables', () => {
  it('reads a three-column scale with a number column', () => {
    const t = one(
      sheet([
        ['No', 'Rentang Capaian', 'Kategori'],
        ['1', '91-100', 'Sangat Tinggi'],
        ['2', '76-90', 'Tinggi'],
        ['3', '≤ 75', 'Rendah'],
      ]),
    );
    expect(t.layout).toBe('skala');
    expect(t.columns.map((c) => c.role)).toEqual(['nomor', 'capaian', 'predikat']);
  });

  it('takes the "Keterangan" column of a two-column scale as the predikat', () => {
    const t = one(
      sheet([
        ['Nilai', 'Keterangan'],
        ['> 90', 'AA'],
        ['> 80 - 90', 'A'],
      ]),
    );
    expect(t.layout).toBe('skala');
    expect(t.columns.map((c) => c.role)).toEqual(['capaian', 'predikat']);
  });
});

describe('roles that depend on the other columns', () => {
  it('reads "Realisasi" holding rupiah next to a pagu as realisasi-rp, and "Realisasi (%)" after Sisa as serapan', () => {
    const t = one(
      sheet([
        [
          'Kode',
          'Program/Kegiatan/Sub Kegiatan',
          'Satuan',
          'Pagu',
          'Realisasi',
          'Sisa',
          'Realisasi (%)',
          'Kinerja Fisik | Rencana (%)',
          'Kinerja Fisik | Realisasi (%)',
        ],
        ['1.06.01', 'PROGRAM A', 'dokumen', '1.000.000.000', '950.000.000', '50.000.000', '95,00', '100', '100'],
      ]),
    );
    expect(t.columns.map((c) => c.role)).toEqual([
      'kode',
      'uraian',
      'satuan',
      'pagu',
      'realisasi-rp',
      'sisa',
      'serapan',
      'target',
      'realisasi',
    ]);
    expect(t.layout).toBe('laporan-fisik-keuangan');
  });

  it('keeps an unknown table with its roles', () => {
    const t = one(
      sheet([
        ['Nama Kegiatan', 'Lokasi', 'Sumber Dana', 'Keterangan'],
        ['Kegiatan A', 'Kab. Malang', 'DAU', '-'],
      ]),
    );
    expect(t.layout).toBe('tidak-dikenal');
    expect(t.columns.map((c) => c.role)).toEqual(['uraian', 'lokasi', 'sumber-dana', 'keterangan']);
  });
});

describe('kode columns', () => {
  const header = ['Kode', 'Program/Kegiatan/Sub Kegiatan', 'Indikator', 'Target', 'Pagu Indikatif', 'Lokasi'];

  it('reads levels from a one-cell kode', () => {
    const t = one(
      sheet([
        header,
        ['1.06.01', 'PROGRAM PENUNJANG', 'Skor IKM', '83 skor', '300', 'Kab. Magetan'],
        ['1.06.01.2.01', 'Perencanaan', 'Dokumen', '6 dokumen', '300', 'Kab. Magetan'],
        ['1.06.01.2.01.0001', 'Penyusunan Dokumen', 'Dokumen', '3 dokumen', '100', 'Kab. Magetan'],
        ['1.06.01.2.01.0002', 'Evaluasi Kinerja', 'Dokumen', '3 dokumen', '200', 'Kab. Magetan'],
        ['1.06.02', 'PROGRAM PEMBERDAYAAN', 'Persentase', '100 %', '50', 'Kab. Magetan'],
      ]),
    );
    expect(t.layout).toBe('renja-tc33');
    expect(t.hierarchy).toBe('kode');
    expect(t.rows.map((r) => [r.levelName, r.level, r.parent])).toEqual([
      ['program', 0, null],
      ['kegiatan', 1, 1],
      ['sub-kegiatan', 2, 2],
      ['sub-kegiatan', 2, 2],
      ['program', 0, null],
    ]);
  });

  it('flags a code that is not under its parent (rows of a program lost)', () => {
    const t = one(
      sheet([
        header,
        ['1.06.01', 'PROGRAM A', 'x', '1', '100', 'Kab'],
        ['1.06.01.2.01', 'Kegiatan A1', 'x', '1', '100', 'Kab'],
        ['1.06.02.2.01', 'Kegiatan B1', 'x', '1', '100', 'Kab'],
      ]),
    );
    expect(at(t, 3)).toMatchObject({ levelName: 'kegiatan', parent: 1, gapBefore: true });
  });

  it('reads a "Kode" column holding plain numbering (1, 1.1) as numbering', () => {
    const t = one(
      sheet([
        ['Kode', 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)'],
        ['1', 'PROGRAM A', '100', '90'],
        ['1.1', 'Kegiatan A1', '100', '90'],
        ['2', 'PROGRAM B', '50', '50'],
      ]),
    );
    expect(t.hierarchy).toBe('nomor');
    expect(t.rows.map((r) => r.levelName)).toEqual(['program', 'kegiatan', 'program']);
  });

  it('reads "Kode" merged over five unlabelled columns as the five-cell kode (Excel T-C.33)', () => {
    const top: CellValue[] = [
      'Kode',
      null,
      null,
      null,
      null,
      'Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan',
      'Indikator Kinerja',
      'Rencana Tahun 2025',
      null,
      null,
      'Prakiraan Maju Rencana Tahun 2026',
      null,
    ];
    const sub: CellValue[] = [
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      'Target',
      'Pagu Indikatif',
      'Lokasi',
      'Target',
      'Pagu Indikatif',
    ];
    const num: CellValue[] = [1, null, null, null, null, 2, 3, 4, 5, 6, 7, 8];
    const merges = [merge(0, 0, 1, 4), merge(0, 5, 1, 5), merge(0, 6, 1, 6), merge(0, 7, 0, 9), merge(0, 10, 0, 11), merge(2, 0, 2, 4)];
    const t = one(
      sheet(
        [
          top,
          sub,
          num,
          [1, 6, 1, null, null, 'PROGRAM A', 'Persentase', '100 %', 300, null, '100 %', 330],
          [1, 6, 1, 2.01, null, 'Kegiatan A1', 'Dokumen', '3 dok', 300, null, '3 dok', 330],
          [1, 6, 1, 2.01, 1, 'Sub A1a', 'Dokumen', '3 dok', 300, 'Kab', '3 dok', 330],
        ],
        { merges, typed: true },
      ),
    );
    expect(t.columns.slice(0, 5).map((c) => [c.role, c.columnNumber])).toEqual([
      ['kode-urusan', 1],
      ['kode-bidang', 1],
      ['kode-program', 1],
      ['kode-kegiatan', 1],
      ['kode-sub', 1],
    ]);
    expect(t.layout).toBe('renja-tc33');
    expect(t.columns.filter((c) => c.money).map((c) => [c.col, c.period])).toEqual([
      [8, 'n'],
      [11, 'n+1'],
    ]);
    expect(t.rows.map((r) => [r.levelName, r.parent])).toEqual([
      ['program', null],
      ['kegiatan', 3],
      ['sub-kegiatan', 4],
    ]);
  });

  it('reads five-cell kode with one code shifted a cell to the right by its number of parts', () => {
    const five = [
      'Kode (Urusan)',
      'Kode (Bidang)',
      'Kode (Program)',
      'Kode (Kegiatan)',
      'Kode (Sub Kegiatan)',
      'Uraian',
      'Pagu Indikatif',
      'Lokasi',
      'Target',
    ];
    const t = one(
      sheet([
        five,
        ['1', '06', '01', null, null, 'PROGRAM A', '300', 'Kab', '1'],
        [null, '1', '06', '01', '2.01', 'Kegiatan A1 (kode bergeser)', '300', 'Kab', '1'],
        ['1', '06', '01', '2.01', '0001', 'Sub A1a', '300', 'Kab', '1'],
      ]),
    );
    expect(t.rows.map((r) => [r.levelName, r.parent])).toEqual([
      ['program', null],
      ['kegiatan', 1],
      ['sub-kegiatan', 2],
    ]);
    expect(t.rows.every((r) => !r.gapBefore)).toBe(true);
  });
});

describe('numbered tables with unnumbered rows', () => {
  it('puts an unnumbered name under the numbered row above it', () => {
    const t = one(
      sheet([
        ['No', 'Program/Kegiatan/Sub Kegiatan', 'Pagu Indikatif', 'Kebutuhan Dana'],
        ['I', 'PROGRAM A', '30', '0'],
        ['1', 'Kegiatan A1', '30', '0'],
        [null, 'Sub kegiatan tanpa nomor', '10', '0'],
        [null, 'Sub kegiatan lain', '20', '0'],
        ['2', 'Kegiatan A2', '0', '0'],
      ]),
    );
    expect(t.rows.map((r) => [r.levelName, r.parent, r.continuation])).toEqual([
      ['program', null, false],
      ['kegiatan', 1, false],
      ['sub-kegiatan', 2, false],
      ['sub-kegiatan', 2, false],
      ['kegiatan', 1, false],
    ]);
  });
});

describe('words and bold', () => {
  it('uses bold to tell kegiatan from sub kegiatan under a program named by its words', () => {
    const values: CellValue[][] = [
      ['Program/Kegiatan/Sub Kegiatan', 'Indikator', 'Target', 'Realisasi', 'Capaian (%)', 'Sasaran'],
      ['PROGRAM A', 'Persentase', '100 %', '100 %', '100', 'x'],
      ['Perencanaan', 'Skor IKM', '83', '83', '100', 'x'],
      ['Penyusunan Dokumen', 'Dokumen', '3', '3', '100', 'x'],
      ['Evaluasi Kinerja', 'Dokumen', '3', '3', '100', 'x'],
      ['Administrasi Keuangan', 'Skor IKM', '83', '83', '100', 'x'],
      ['Penyediaan Gaji', 'Bulan', '12', '12', '100', 'x'],
    ];
    const bold = values.map((r, i) => r.map(() => i === 1 || i === 2 || i === 5));
    const t = one(sheet(values, { bold }));
    expect(t.hierarchy).toBe('kata');
    expect(t.rows.map((r) => [r.levelName, r.parent])).toEqual([
      ['program', null],
      ['kegiatan', 1],
      ['sub-kegiatan', 2],
      ['sub-kegiatan', 2],
      ['kegiatan', 1],
      ['sub-kegiatan', 5],
    ]);
  });
});

describe('never throws', () => {
  it.each<[string, Sheet]>([
    ['an empty sheet', sheet([])],
    ['a 1-row sheet', sheet([['No', 'Uraian', 'Target']])],
    ['one giant merged cell', sheet([['Laporan']], { merges: [merge(0, 0, 500, 30)] })],
    ['ragged rows and holes', sheet([[], ['No'], [null, null, 'Target', 'Realisasi'], undefined as unknown as CellValue[]])],
  ])('%s gives no table', (_, s) => {
    expect(findTables(s)).toEqual([]);
  });

  it('ignores a merge with nonsense bounds', () => {
    const t = one(
      sheet(
        [
          ['No', 'Uraian', 'Target'],
          ['1', 'Program A', '5'],
        ],
        { merges: [merge(5, 5, 1, 1)] },
      ),
    );
    expect(t.columns.map((c) => c.header)).toEqual(['No', 'Uraian', 'Target']);
  });

  it('reads error values like #REF! as cells, not as headers or crashes', () => {
    const t = one(
      sheet(
        [
          ['No', 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)', '% Capaian'],
          [1, 'PROGRAM A', 100, '#REF!', '#DIV/0!'],
          [2, 'PROGRAM B', 200, 150, 75],
        ],
        { typed: true },
      ),
    );
    expect(t.rows.map((r) => r.kind)).toEqual(['data', 'data']);
  });

  it('reads a 100,000-row table', () => {
    const values: CellValue[][] = [['No', 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)', '% Capaian']];
    for (let p = 1; values.length <= 100_000; p++) {
      values.push([String(p), `PROGRAM ${p}`, 1000, 900, 90]);
      for (let k = 1; k <= 9; k++) values.push([`${p}.${k}`, `Kegiatan ${p}.${k}`, 100, 90, 90]);
    }
    const t = one(sheet(values, { typed: true }));
    expect(t.rows).toHaveLength(values.length - 1);
    expect(t.rows.some((r) => r.gapBefore)).toBe(false);
    expect(t.rows[t.rows.length - 1].levelName).toBe('kegiatan');
  });
});
