import { loadFixture } from '../../test/fixtures/muat';
import { findTables } from '.';
import { ColumnRole, Table, TableColumn, TableRow, TableSchema } from '../tabel/model';

/** Sheet row as printed in the fixture files and notes (1-based). */
const line = (r: TableRow) => r.row + 1;

function only(name: Parameters<typeof loadFixture>[0]): Table {
  const tables = findTables(loadFixture(name));
  expect(tables).toHaveLength(1);
  expect(() => TableSchema.parse(tables[0])).not.toThrow();
  return tables[0];
}

function roleAt(t: Table, col: number): TableColumn {
  const c = t.columns.find((x) => x.col === col);
  if (c === undefined) throw new Error(`no column ${col}`);
  return c;
}

function roles(t: Table): ColumnRole[] {
  return t.columns.map((c) => c.role);
}

function data(t: Table): TableRow[] {
  return t.rows.filter((r) => r.kind === 'data');
}

function byLevel(t: Table, name: string): TableRow[] {
  return data(t).filter((r) => r.levelName === name);
}

describe('renja_magetan_2022_tc33', () => {
  const t = only('renja_magetan_2022_tc33');

  it('is one T-C.33 table with five kode columns and no number row', () => {
    expect(t.layout).toBe('renja-tc33');
    expect(t.range).toBe('A1:M65');
    expect(t.numberRow).toBeNull();
    expect(roles(t).slice(0, 5)).toEqual(['kode-urusan', 'kode-bidang', 'kode-program', 'kode-kegiatan', 'kode-sub']);
    expect(t.hierarchy).toBe('kode');
  });

  it('counts 1 urusan, 1 bidang, 6 programs, 16 kegiatan, 40 sub kegiatan in 64 rows', () => {
    expect(data(t)).toHaveLength(64);
    expect(byLevel(t, 'urusan')).toHaveLength(1);
    expect(byLevel(t, 'bidang')).toHaveLength(1);
    expect(byLevel(t, 'program')).toHaveLength(6);
    expect(byLevel(t, 'kegiatan')).toHaveLength(16);
    expect(byLevel(t, 'sub-kegiatan')).toHaveLength(40);
  });

  it('gives each sub kegiatan its kegiatan and each kegiatan its program as parent', () => {
    const level = new Map(data(t).map((r) => [r.row, r.levelName]));
    for (const r of byLevel(t, 'sub-kegiatan')) expect(level.get(r.parent as number)).toBe('kegiatan');
    for (const r of byLevel(t, 'kegiatan')) expect(level.get(r.parent as number)).toBe('program');
    // Row 18 "Penyediaan Peralatan dan Perlengkapan Kantor" (1 6 1 2.1 2) sits under row 16
    // "Administrasi Umum Perangkat Daerah", not under the first kegiatan with the same printed code.
    const r18 = data(t).find((r) => line(r) === 18) as TableRow;
    expect(r18.parent! + 1).toBe(16);
    expect(r18.kode).toBe('1.6.1.2.1.2');
  });

  it('tells pagu n from pagu n+1 (Prakiraan Maju 2023)', () => {
    const pagu = t.columns.filter((c) => c.role === 'pagu');
    expect(pagu.map((c) => [c.col, c.period, c.money])).toEqual([
      [8, 'n', true],
      [12, 'n+1', true],
    ]);
    expect(t.columns.filter((c) => c.role === 'target').map((c) => c.period)).toEqual(['n', 'n+1']);
    expect(roleAt(t, 9).role).toBe('lokasi');
    expect(roleAt(t, 10).role).toBe('sumber-dana');
    expect(roleAt(t, 12).group).toBe('Prakiraan Maju Rencana Tahun 2023');
  });

  it('finds no gaps: sub kegiatan codes skip numbers by design', () => {
    expect(t.rows.some((r) => r.gapBefore)).toBe(false);
  });
});

describe('renja_malang_2024_tabel23_review_rkpd', () => {
  const t = only('renja_malang_2024_tabel23_review_rkpd');

  it('is a T-C.31 review table with the number row 1..12 on sheet row 2', () => {
    expect(t.layout).toBe('renja-tc31');
    expect(t.numberRow).toBe(1);
    expect(t.columns.map((c) => c.numberLabel)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(t.columns.every((c) => c.numberFormula === undefined)).toBe(true);
  });

  it('reads col 6 as pagu of Rancangan Awal RKPD and col 11 as kebutuhan dana', () => {
    expect(roleAt(t, 5)).toMatchObject({ role: 'pagu', group: 'Rancangan Awal RKPD', money: true });
    expect(roleAt(t, 10)).toMatchObject({ role: 'kebutuhan', group: 'Hasil Analisis Kebutuhan', money: true });
    expect(roleAt(t, 0).role).toBe('nomor');
    expect(roleAt(t, 11).role).toBe('keterangan');
    // The two side-by-side blocks repeat their roles; the group tells them apart.
    expect(t.columns.filter((c) => c.role === 'target').map((c) => c.period)).toEqual([
      'Rancangan Awal RKPD',
      'Hasil Analisis Kebutuhan',
    ]);
  });

  it('numbers 7 programs (I..VII, with a lowercase "v"), 16 kegiatan and their subs', () => {
    expect(t.hierarchy).toBe('nomor');
    const programs = byLevel(t, 'program');
    expect(programs.map((r) => r.nomor)).toEqual(['I.', 'II', 'III', 'IV', 'v', 'VI', 'VII']);
    expect(byLevel(t, 'kegiatan')).toHaveLength(16);
    const subs = byLevel(t, 'sub-kegiatan');
    // Sheet rows 3..75 are 73 data rows: 7 programs + 16 kegiatan + 50 sub kegiatan.
    expect(subs).toHaveLength(50);
    // "11.10" is the tenth sub of kegiatan 11, not 11.1 again.
    const s1110 = subs.find((r) => r.nomor === '11.10') as TableRow;
    expect(line(data(t).find((r) => r.row === s1110.parent) as TableRow)).toBe(45);
    for (const s of subs) {
      const parent = data(t).find((r) => r.row === s.parent) as TableRow;
      expect(parent.levelName).toBe('kegiatan');
      expect(s.nomor!.startsWith(parent.nomor!.replace(/\.$/, '') + '.')).toBe(true);
    }
    expect(t.rows.some((r) => r.gapBefore)).toBe(false);
  });

  it('reads "T O T A L" on the last row as the total', () => {
    const last = t.rows[t.rows.length - 1];
    expect(line(last)).toBe(76);
    expect(last.kind).toBe('total');
    expect(t.rows.filter((r) => r.kind === 'total')).toHaveLength(1);
  });
});

describe('lkjip_magetan_2024_realisasi_anggaran', () => {
  const t = only('lkjip_magetan_2024_realisasi_anggaran');

  it('is a realisasi anggaran table with anggaran, realisasi Rp, serapan and PJ columns', () => {
    expect(t.layout).toBe('lkjip-anggaran');
    expect(roles(t)).toEqual(['nomor', 'uraian', 'pj', 'anggaran', 'realisasi-rp', 'serapan']);
    expect(t.columns.filter((c) => c.money).map((c) => c.col)).toEqual([3, 4]);
  });

  it('has 6 programs numbered "1." and "2".."6" and kegiatan 1.1 … 6.1 under them', () => {
    expect(byLevel(t, 'program').map((r) => r.nomor)).toEqual(['1.', '2', '3', '4', '5', '6']);
    const kegiatan = byLevel(t, 'kegiatan');
    expect(kegiatan).toHaveLength(13);
    for (const k of kegiatan) {
      const parent = data(t).find((r) => r.row === k.parent) as TableRow;
      expect(k.nomor!.split('.')[0]).toBe(parent.nomor!.replace('.', ''));
    }
  });

  it('reads the TOTAL row (label in the No. column) as the total', () => {
    expect(t.rows.filter((r) => r.kind === 'total').map(line)).toEqual([21]);
  });
});

describe('lkjip_magetan_2024_capaian', () => {
  const t = only('lkjip_magetan_2024_capaian');

  it('is a capaian kinerja table', () => {
    expect(t.layout).toBe('lkjip-capaian');
    expect(roles(t)).toEqual(['sasaran', 'indikator', 'target', 'realisasi', 'capaian', 'predikat', 'sumber-data']);
  });

  it('reads the IKM row under the SAKIP row as a continuation of sasaran 5', () => {
    const last = t.rows[t.rows.length - 1];
    expect(line(last)).toBe(7);
    expect(last.continuation).toBe(true);
    const above = t.rows[t.rows.length - 2];
    expect(above.continuation).toBe(false);
    expect([last.level, last.levelName, last.parent]).toEqual([above.level, above.levelName, above.parent]);
    expect(t.rows.filter((r) => r.continuation)).toHaveLength(1);
  });
});

describe('lkjip_magetan_2024_efisiensi_sasaran', () => {
  const t = only('lkjip_magetan_2024_efisiensi_sasaran');

  it('is an efisiensi table with Kinerja and Anggaran groups', () => {
    expect(t.layout).toBe('lkjip-efisiensi');
    expect(t.columns.map((c) => [c.role, c.group ?? null])).toEqual([
      ['sasaran', null],
      ['indikator', null],
      ['target', 'Indikator Kinerja'],
      ['realisasi', 'Indikator Kinerja'],
      ['capaian', 'Indikator Kinerja'],
      ['anggaran', 'Anggaran'],
      ['realisasi-rp', 'Anggaran'],
      ['serapan', 'Anggaran'],
      ['efisiensi', null],
    ]);
  });

  it('reads the IKM row as a continuation and "Efisiensi Total" as the total', () => {
    const byLine = new Map(t.rows.map((r) => [line(r), r]));
    expect(byLine.get(7)).toMatchObject({ kind: 'data', continuation: true });
    expect(byLine.get(8)).toMatchObject({ kind: 'total' });
    expect(t.rows.filter((r) => r.continuation).map(line)).toEqual([7]);
  });
});

describe('renja_magetan_2022_tc29', () => {
  const t = only('renja_magetan_2022_tc29');

  it('is a T-C.29 table with the number row on sheet row 2', () => {
    expect(t.layout).toBe('renja-tc29');
    expect(t.numberRow).toBe(1);
    expect(t.range).toBe('A1:K102');
  });

  it('tells the repeated target, realisasi and capaian columns apart by period', () => {
    expect(t.columns.slice(3).map((c) => [c.role, c.period])).toEqual([
      ['target', 'renstra'],
      ['realisasi', 's/d n-3'],
      ['target', 'n-2'],
      ['realisasi', 'n-2'],
      ['capaian', 'n-2'],
      ['target', 'n-1'],
      ['realisasi', 's/d n-1'],
      ['capaian', 'renstra'],
    ]);
    expect(roles(t).slice(0, 3)).toEqual(['kode', 'uraian', 'indikator']);
  });

  it('starts block 1 at the section row "Nama OPD: …" (sheet row 42)', () => {
    const sections = t.rows.filter((r) => r.kind === 'section');
    expect(sections.map(line)).toEqual([42]);
    for (const r of t.rows) expect(r.block).toBe(line(r) < 42 ? 0 : 1);
  });

  it('reads programs from their words and the blank-named row 32 as a continuation', () => {
    expect(t.hierarchy).toBe('kata');
    const programs = byLevel(t, 'program').map(line);
    expect(programs).toEqual([3, 7, 11, 13, 15, 18, 24, 30, 33, 36, 40, 43, 74, 79, 86, 93, 99]);
    expect(t.rows.filter((r) => r.continuation).map(line)).toEqual([32]);
    const r31 = t.rows.find((r) => line(r) === 31) as TableRow;
    const r32 = t.rows.find((r) => line(r) === 32) as TableRow;
    expect([r32.level, r32.parent]).toEqual([r31.level, r31.parent]);
  });
});
