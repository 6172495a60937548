import { loadFixture } from '../../test/fixtures/muat';
import { CellValue } from '../lembar/model';
import { check, normaliseKode, normaliseName } from './antar-tabel';
import { FindingSchema } from './temuan';
import {
  baris,
  BarisUji,
  buatTabel,
  kolom,
  magetanEfisiensi,
  magetanRealisasiAnggaran,
  malangTabel23,
  satuBuku,
  TabelUji,
  total,
} from '../../test/helpers/uji-tabel';

const text = (c: CellValue | undefined) => (c === null || c === undefined ? '' : String(c));

/**
 * Renja Malang "Tabel 3.1" rencana program dan kegiatan, rebuilt from Tabel 2.3's hasil
 * analisis kebutuhan: the programs and kegiatan with kode and pagu n. As in the document its
 * total is 29.822.934.000, 850 less than Tabel 2.3's "29,822,934.850"; here program I and
 * kegiatan 2 carry those 850 less, and program V carries its kegiatan's 23.000.000.000.
 */
function malangTabel31(opts: { drop?: string; rename?: [string, string] } = {}): TabelUji {
  const t23 = malangTabel23(loadFixture('renja_malang_2024_tabel23_review_rkpd'));
  const rows: BarisUji[] = [];
  let p = 0;
  let k = 0;
  for (const r of t23.table.rows) {
    if (r.kind !== 'data' || r.level === null || r.level > 1) continue;
    const cells = t23.sheet.values[r.row];
    let name = text(cells[6]);
    if (opts.drop === name) continue;
    let pagu = text(cells[10]);
    if (pagu === '6.822.934.850') pagu = '6.822.934.000';
    if (pagu === '6.726.854.850') pagu = '6.726.854.000';
    if (name === 'PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL') pagu = '23.000.000.000';
    if (opts.rename && opts.rename[0] === name) name = opts.rename[1];
    if (r.level === 0) {
      p++;
      k = 0;
    } else k++;
    const kode =
      r.level === 0 ? `1.06.${String(p).padStart(2, '0')}` : `1.06.${String(p).padStart(2, '0')}.2.${String(k).padStart(2, '0')}`;
    rows.push(baris(r.level, [kode, name, pagu, null], { kode }));
  }
  rows.push(total([null, 'JUMLAH', '29.822.934.000', null]));
  return buatTabel({
    sheetName: 'Tabel 3.1',
    layout: 'renja-tc33',
    columns: [
      kolom('Kode', 'kode'),
      kolom('Program/Kegiatan', 'uraian'),
      kolom('Pagu Indikatif', 'pagu', { period: 'n' }),
      kolom('Prakiraan Maju Pagu', 'pagu', { period: 'n+1' }),
    ],
    rows,
  });
}

function malangBook(t31 = malangTabel31()) {
  const t23 = malangTabel23(loadFixture('renja_malang_2024_tabel23_review_rkpd'));
  t23.sheet.name = 'Tabel 2.3';
  t23.table.sheet = 'Tabel 2.3';
  return satuBuku([t23, t31]);
}

describe('antar-tabel: Renja Malang Tabel 2.3 against Tabel 3.1', () => {
  const findings = check(malangBook().map((t) => ({ ctx: t.ctx })));

  test('every finding is well formed and none touches the Rancangan Awal RKPD pagu', () => {
    for (const f of findings) expect(FindingSchema.safeParse(f).success).toBe(true);
    expect(findings.every((f) => f.rule === 'antar-tabel')).toBe(true);
    expect(findings.filter((f) => f.cell.startsWith('F'))).toEqual([]);
  });

  test('the grand totals 29.822.934.850 and 29.822.934.000 differ, naming both cells', () => {
    const f = findings.find((x) => x.cell === 'K76')!;
    expect(f).toBeDefined();
    expect(f.sheet).toBe('Tabel 2.3');
    expect(f.severity).toBe('warning');
    expect(f.actual).toBe('29,822,934.850');
    expect(f.expected).toBe('29822934000');
    expect(f.related).toEqual(["'Tabel 3.1'!C25"]);
    expect(f.message).toBe(
      'Total kebutuhan dana 29.822.934.850 (ditulis "29,822,934.850", penulisan meragukan) berbeda dengan total pagu ' +
        "di 'Tabel 3.1'!C25 29.822.934.000 (selisih 850).",
    );
  });

  test('the same program or kegiatan with another amount, matched by name', () => {
    const items = findings.filter((x) => x.cell !== 'K76').map((x) => [x.cell, x.severity, x.actual, x.expected, x.related[0]]);
    expect(items).toEqual([
      ['K3', 'warning', '6822934850', '6822934000', "'Tabel 3.1'!C2"],
      ['K6', 'warning', '6726854850', '6726854000', "'Tabel 3.1'!C4"],
      ['K60', 'warning', '0', '23000000000', "'Tabel 3.1'!C18"],
    ]);
    expect(findings.find((x) => x.cell === 'K60')!.message).toBe(
      'Kebutuhan dana program "PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL" 0 berbeda dengan pagu program yang sama ' +
        "di 'Tabel 3.1'!C18 23.000.000.000 (selisih 23.000.000.000).",
    );
  });

  test('a kegiatan missing from one table is counted and named (info)', () => {
    const dropped = 'Pengumpulan Sumbangan dalam Daerah Kabupaten/Kota';
    const f = check(malangBook(malangTabel31({ drop: dropped })).map((t) => ({ ctx: t.ctx })));
    const counts = f.filter((x) => x.severity === 'info');
    expect(counts.map((x) => [x.sheet, x.cell, x.actual, x.expected])).toEqual([['Tabel 2.3', 'B1', '16', '15']]);
    expect(counts[0].message).toBe(
      `Tabel ini memuat 16 kegiatan, sedangkan tabel 'Tabel 3.1'!A1:D24 memuat 15 kegiatan. Hanya di tabel ini: "${dropped}".`,
    );
  });

  test('names match whatever their case, spacing and punctuation', () => {
    const f = check(
      malangBook(
        malangTabel31({ rename: ['PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL', 'Program Perlindungan dan  Jaminan-Sosial'] }),
      ).map((t) => ({ ctx: t.ctx })),
    );
    expect(f.map((x) => x.cell)).toContain('K60');
  });
});

describe('antar-tabel: which columns are compared', () => {
  const columns = (period?: string, role: 'pagu' | 'anggaran' = 'pagu', group?: string) => [
    kolom('Kode', 'kode'),
    kolom('Program/Kegiatan', 'uraian', group ? { group } : {}),
    kolom(role === 'pagu' ? 'Pagu Indikatif' : 'Anggaran', role, { ...(period ? { period } : {}), ...(group ? { group } : {}) }),
  ];
  const rows = (a: string, b: string, kode = true) => [
    baris(0, ['1.06.01', 'PROGRAM PENUNJANG', a], kode ? { kode: '1.06.01' } : {}),
    baris(0, ['1.06.02', 'PROGRAM PEMBERDAYAAN SOSIAL', b], kode ? { kode: '1.06.02' } : {}),
  ];
  const run = (...ts: TabelUji[]) => check(satuBuku(ts).map((t) => ({ ctx: t.ctx })));

  test('the same role and the same period: an error, on the same sheet without a sheet name', () => {
    const a = buatTabel({ sheetName: 'Renja', columns: columns('n'), rows: rows('100', '200') });
    const b = buatTabel({ sheetName: 'Renja', columns: columns('n'), rows: rows('100', '250') });
    const f = run(a, b);
    expect(f.map((x) => [x.cell, x.severity, x.related])).toEqual([['C3', 'error', ['C3']]]);
  });

  test('periods that differ are not compared; an unknown period is a warning', () => {
    const n = buatTabel({ sheetName: 'A', columns: columns('n'), rows: rows('100', '200') });
    const n1 = buatTabel({ sheetName: 'B', columns: columns('n+1'), rows: rows('150', '250') });
    expect(run(n, n1)).toEqual([]);
    const unknown = buatTabel({ sheetName: 'C', columns: columns(), rows: rows('150', '200') });
    expect(run(n, unknown).map((x) => [x.cell, x.severity])).toEqual([['C2', 'warning']]);
  });

  test('pagu and anggaran are different money; Rancangan Awal RKPD is compared only with its own kind', () => {
    const pagu = buatTabel({ sheetName: 'A', columns: columns('n'), rows: rows('100', '200') });
    const anggaran = buatTabel({ sheetName: 'B', columns: columns('n', 'anggaran'), rows: rows('90', '190') });
    expect(run(pagu, anggaran)).toEqual([]);
    const awal = buatTabel({ sheetName: 'C', columns: columns(undefined, 'pagu', 'Rancangan Awal RKPD'), rows: rows('80', '190') });
    expect(run(pagu, awal)).toEqual([]);
    const awal2 = buatTabel({ sheetName: 'D', columns: columns(undefined, 'pagu', 'Rancangan Awal RKPD'), rows: rows('80', '180') });
    expect(run(awal, awal2).map((x) => x.cell)).toEqual(['C3']);
  });

  test('a usable kode decides; two different kodes are two rows even with one name', () => {
    const a = buatTabel({ sheetName: 'A', columns: columns('n'), rows: rows('100', '200') });
    const renamed = buatTabel({
      sheetName: 'B',
      columns: columns('n'),
      rows: [
        baris(0, ['1.6.1', 'Program Penunjang Urusan', '100'], { kode: '1.6.1' }),
        baris(0, ['1.6.2', 'X', '250'], { kode: '1.6.2' }),
      ],
    });
    expect(run(a, renamed).map((x) => x.cell)).toEqual(['C3']);
    const recoded = buatTabel({
      sheetName: 'C',
      columns: columns('n'),
      rows: [
        baris(0, ['1.06.07', 'PROGRAM PENUNJANG', '999'], { kode: '1.06.07' }),
        baris(0, ['1.06.08', 'PROGRAM PEMBERDAYAAN SOSIAL', '999'], { kode: '1.06.08' }),
      ],
    });
    expect(run(a, recoded)).toEqual([]);
  });

  test('a name printed twice is told apart by its parent', () => {
    const t = (x: string) =>
      buatTabel({
        sheetName: x === '60' ? 'A' : 'B',
        columns: columns('n'),
        rows: [
          baris(0, [null, 'Rehabilitasi Sosial Dasar', '300']),
          baris(1, [null, 'Penyediaan Permakanan', '300']),
          baris(0, [null, 'Rehabilitasi PMKS Lainnya', x]),
          baris(1, [null, 'Penyediaan Permakanan', x]),
        ],
      });
    const f = run(t('60'), t('70'));
    expect(f.map((x) => x.cell)).toEqual(['C4', 'C5']);
  });

  test('columns that differ on most rows are one info, not a warning per row', () => {
    const many = (v: number) =>
      buatTabel({
        sheetName: `S${v}`,
        columns: columns(),
        rows: [1, 2, 3, 4, 5].map((i) => baris(0, [null, `PROGRAM ${i}`, String(i * v)])),
      });
    const f = run(many(100), many(110));
    expect(f.map((x) => [x.cell, x.severity])).toEqual([['C1', 'info']]);
    expect(f[0].message).toContain('berbeda pada 5 dari 5 program/kegiatan yang sama');
  });
});

describe('antar-tabel: tables that are not about the same things', () => {
  test('LKjIP Magetan realisasi anggaran (programs) and efisiensi (sasaran) share nothing', () => {
    const a = magetanRealisasiAnggaran(loadFixture('lkjip_magetan_2024_realisasi_anggaran'));
    a.sheet.name = 'Tabel 3.9';
    const b = magetanEfisiensi(loadFixture('lkjip_magetan_2024_efisiensi_sasaran'));
    b.sheet.name = 'Tabel 3.9 (2)';
    expect(check(satuBuku([a, b]).map((t) => ({ ctx: t.ctx })))).toEqual([]);
  });

  test('counts are compared only between tables about the same money', () => {
    const programs = (kegiatan: number, money: boolean) =>
      buatTabel({
        sheetName: money ? 'Renja' : 'Evaluasi',
        columns: [kolom('Program/Kegiatan', 'uraian'), money ? kolom('Pagu', 'pagu') : kolom('Target', 'target')],
        rows: [
          baris(0, ['PROGRAM PEMBERDAYAAN SOSIAL', '30']),
          ...Array.from({ length: kegiatan }, (_, i) => baris(1, [`Kegiatan ${i + 1}`, i === 0 ? '30' : '0'])),
        ],
      });
    expect(check(satuBuku([programs(3, false), programs(2, true)]).map((t) => ({ ctx: t.ctx })))).toEqual([]);
    const both = check(satuBuku([programs(3, true), programs(2, true)]).map((t) => ({ ctx: t.ctx })));
    expect(both.map((f) => [f.cell, f.severity, f.actual, f.expected])).toEqual([['A1', 'info', '3', '2']]);
  });

  test('one table alone, or none, gives nothing', () => {
    const a = malangTabel23(loadFixture('renja_malang_2024_tabel23_review_rkpd'));
    expect(check([{ ctx: a.ctx }])).toEqual([]);
    expect(check([])).toEqual([]);
  });
});

describe('antar-tabel: names and kode', () => {
  test('normaliseName ignores case, spaces and punctuation', () => {
    expect(normaliseName('PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/ KOTA')).toBe(
      normaliseName('Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota '),
    );
    expect(normaliseName('Penyediaan Sandang')).not.toBe(normaliseName('Penyediaan Makanan'));
  });

  test('normaliseKode drops leading zeros of each segment', () => {
    expect(normaliseKode('1.06.01.2.01.0001')).toBe('1.6.1.2.1.1');
    expect(normaliseKode('1 6 1 2.1 1')).toBe('1.6.1.2.1.1');
    expect(normaliseKode('0')).toBe('0');
    expect(normaliseKode(null)).toBeNull();
  });

  // The one-pass readers of ASCII names and kodes must give what the general (regex) path gives.
  const byRegexName = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const byRegexKode = (s: string) => {
    const parts = s
      .split(/[.\s]+/)
      .filter(Boolean)
      .map((p) => p.replace(/^0+(?=\d)/, ''));
    return parts.length === 0 ? null : parts.join('.');
  };
  const random = (alphabet: string, seed: number) => {
    let x = seed;
    const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    return Array.from({ length: 1 + Math.floor(next() * 20) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  };

  test('normaliseName reads every kind of text as the general path does', () => {
    for (const s of [
      '',
      ' ',
      '  Kab./Kota  ',
      'A-B_C',
      'ÉLAN vital',
      'Dinas PU\u00a0dan PR',
      'Pelayanan   Umum 2',
      '½ tahun',
      'ｐｒｏｇｒａｍ',
    ])
      expect(normaliseName(s)).toBe(byRegexName(s));
    for (let seed = 1; seed <= 3000; seed++) {
      const s = random('aZ9 ./-_()&\t\né', seed);
      expect(normaliseName(s)).toBe(byRegexName(s));
    }
  });

  test('normaliseKode reads every kind of kode as the general path does', () => {
    for (const s of ['', '.', ' . ', '00', '0.0', '1..2', ' 01 ', '1.06.01.2.01.0001', '1\t2', 'A.01', '1.0x', '١٢'])
      expect(normaliseKode(s)).toBe(byRegexKode(s));
    for (let seed = 1; seed <= 3000; seed++) {
      const s = random('0019. \tx', seed);
      expect(normaliseKode(s)).toBe(byRegexKode(s));
    }
  });
});
