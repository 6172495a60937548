import { CellValue, Sheet } from '../lembar/model';
import { ColumnRole, RowKind, TableColumn } from '../tabel/model';
import {
  buildHierarchy,
  kodeCellProblems,
  kodeCellsProblems,
  leadingNomor,
  parseKodeCell,
  parseKodeCells,
  parseNomor,
  wordLevel,
} from '.';

describe('parseNomor', () => {
  it.each<[unknown, string, number[]]>([
    ['I.', 'roman', [1]],
    ['II', 'roman', [2]],
    ['v', 'roman', [5]],
    ['VII', 'roman', [7]],
    ['1.', 'arabic', [1]],
    ['13', 'arabic', [13]],
    ['1.1.', 'arabic', [1, 1]],
    ['2.3.', 'arabic', [2, 3]],
    ['11.10', 'arabic', [11, 10]],
    [4, 'arabic', [4]],
    ['b)', 'alpha', [2]],
  ])('%s', (input, shape, parts) => {
    expect(parseNomor(input)).toMatchObject({ shape, parts });
  });

  it('ranks roman above arabic and arabic by depth', () => {
    const rank = (s: string) => parseNomor(s)?.rank;
    expect([rank('IV'), rank('4'), rank('4.2'), rank('4.2.1')]).toEqual([0, 1, 2, 3]);
  });

  it.each(['', 'TOTAL', 'IIII', 'Program', '1 2', null])('rejects %p', (input) => {
    expect(parseNomor(input)).toBeNull();
  });

  it('reads numbering written at the start of a name', () => {
    expect(leadingNomor('1.1 Perencanaan Kinerja')).toMatchObject({ nomor: { parts: [1, 1] }, rest: 'Perencanaan Kinerja' });
    expect(leadingNomor('II. PROGRAM PEMBERDAYAAN')).toMatchObject({ nomor: { shape: 'roman', parts: [2] } });
    expect(leadingNomor('Penyediaan Jasa')).toBeNull();
  });
});

describe('kode', () => {
  it.each([
    ['1', 'urusan'],
    ['1.06', 'bidang'],
    ['1.06.04', 'program'],
    ['1.06.04.2.01', 'kegiatan'],
    ['1.06.04.2.01.0001', 'sub-kegiatan'],
    ['1.06.04.2.01.01', 'sub-kegiatan'],
  ])('one cell %s is %s', (text, level) => {
    expect(parseKodeCell(text)?.levelName).toBe(level);
  });

  it('keeps a one-cell code as text and compares it without leading zeros', () => {
    const k = parseKodeCell('1.06.04.2.01.0001');
    expect(k?.text).toBe('1.06.04.2.01.0001');
    expect(k?.key).toEqual(['1', '6', '4', '2', '1', '1']);
  });

  it('reports missing padding and incomplete one-cell codes', () => {
    expect(kodeCellProblems('1.6.4.2.1.1').map((p) => p.code)).toEqual(['padding']);
    expect(kodeCellProblems('1.06.04.2').map((p) => p.code)).toEqual(['depth']);
    expect(kodeCellProblems('1.06.04.2.01.0001')).toEqual([]);
  });

  const levels = ['urusan', 'bidang', 'program', 'kegiatan', 'sub-kegiatan'] as const;

  it('counts filled cells for the level, so a shifted code keeps its depth', () => {
    expect(parseKodeCells(['1', '06', '01', '2.01', ''], levels)?.levelName).toBe('kegiatan');
    expect(parseKodeCells(['', '1', '06', '01', '2.01'], levels)?.levelName).toBe('kegiatan');
    expect(parseKodeCells(['1', '6', '1', '2.1', '10'], levels)).toMatchObject({ text: '1.6.1.2.1.10', levelName: 'sub-kegiatan' });
    expect(parseKodeCells(['', '', '', '', ''], levels)).toBeNull();
  });

  it('names what is mangled in five-cell codes', () => {
    expect(kodeCellsProblems(['1', '6', '1', '2.1', '10'], levels)).toEqual([
      { code: 'padding', part: 1 },
      { code: 'padding', part: 2 },
      { code: 'kegiatan-form', part: 3 },
    ]);
    expect(kodeCellsProblems(['', '1', '06', '01', '2.01'], levels)[0]).toEqual({ code: 'hole', part: 1 });
    expect(kodeCellsProblems(['1', '06', '01', '2.01', '0001'], levels)).toEqual([]);
  });
});

describe('wordLevel', () => {
  it.each([
    ['PROGRAM PENUNJANG URUSAN', 'program'],
    ['Program PelayananAdministrasi', 'program'],
    ['ProgramPembinaan Lembaga', 'program'],
    ['Kegiatan Penyediaan Jasa', 'kegiatan'],
    ['Sub Kegiatan Penyusunan Dokumen', 'sub-kegiatan'],
    ['URUSAN PEMERINTAHAN BIDANG SOSIAL', 'bidang'],
    ['URUSAN PEMERINTAHAN WAJIB', 'urusan'],
    ['I. PROGRAM PEMBERDAYAAN SOSIAL', 'program'],
    ['Penyediaan Gaji dan Tunjangan ASN', null],
    ['PKH', null],
  ])('%s → %s', (text, level) => {
    expect(wordLevel(text)).toBe(level);
  });
});

function column(col: number, role: ColumnRole): TableColumn {
  return { col, role, header: role, money: false };
}

function rowsOf(values: CellValue[][], columns: TableColumn[], kinds?: RowKind[], extra: Partial<Sheet> = {}) {
  const sheet: Sheet = { name: 'L', values, typed: false, ...extra };
  return buildHierarchy({ sheet, columns, body: values.map((_, row) => ({ row, kind: kinds?.[row] ?? 'data' })) });
}

describe('buildHierarchy', () => {
  const nomorUraian = [column(0, 'nomor'), column(1, 'uraian'), column(2, 'indikator'), column(3, 'pagu')];

  it('gives a blank-named row the level and parent of the row it continues', () => {
    const { rows } = rowsOf(
      [
        ['1', 'PROGRAM A', 'Indikator 1', '100'],
        ['1.1', 'Kegiatan A1', 'Indikator 2', '100'],
        [null, null, 'Indikator 3', null],
        ['1.2', 'Kegiatan A2', 'Indikator 4', '0'],
      ],
      nomorUraian,
    );
    expect(rows.map((r) => [r.continuation, r.levelName, r.parent])).toEqual([
      [false, 'program', null],
      [false, 'kegiatan', 0],
      [true, 'kegiatan', 0],
      [false, 'kegiatan', 0],
    ]);
    // The continuation row is not a gap and does not break the numbering of its siblings.
    expect(rows.some((r) => r.gapBefore)).toBe(false);
  });

  it('restarts parents, numbering and blocks at a section row', () => {
    const { rows } = rowsOf(
      [
        ['1', 'PROGRAM A', 'x', '1'],
        ['1.1', 'Kegiatan', 'x', '1'],
        ['Nama OPD: Dinas Sosial', null, null, null],
        ['1', 'PROGRAM B', 'x', '1'],
        ['1.1', 'Kegiatan', 'x', '1'],
      ],
      nomorUraian,
      ['data', 'data', 'section', 'data', 'data'],
    );
    expect(rows.map((r) => [r.kind, r.block, r.parent, r.gapBefore])).toEqual([
      ['data', 0, null, false],
      ['data', 0, 0, false],
      ['section', 1, null, false],
      ['data', 1, null, false],
      ['data', 1, 3, false],
    ]);
  });

  it('flags a gap in a flat numbered list without inventing levels', () => {
    const { rows, hierarchy } = rowsOf(
      [
        ['1', 'Indeks A'],
        ['2', 'Indeks B'],
        ['4', 'Indeks D'],
      ],
      [column(0, 'nomor'), column(1, 'indikator')],
    );
    expect(hierarchy).toBe('flat');
    expect(rows.map((r) => [r.level, r.gapBefore])).toEqual([
      [null, false],
      [null, false],
      [null, true],
    ]);
  });

  it('flags a sub kegiatan directly under a program (its kegiatan row lost)', () => {
    const five = [
      column(0, 'kode-urusan'),
      column(1, 'kode-bidang'),
      column(2, 'kode-program'),
      column(3, 'kode-kegiatan'),
      column(4, 'kode-sub'),
      column(5, 'uraian'),
    ];
    const { rows } = rowsOf(
      [
        ['1', '06', '01', null, null, 'PROGRAM A'],
        ['1', '06', '01', '2.01', null, 'Kegiatan A1'],
        ['1', '06', '01', '2.01', '0001', 'Sub'],
        ['1', '06', '02', null, null, 'PROGRAM B'],
        ['1', '06', '02', '2.01', '0001', 'Sub tanpa kegiatan'],
      ],
      five,
    );
    expect(rows.map((r) => [r.levelName, r.level, r.gapBefore])).toEqual([
      ['program', 0, false],
      ['kegiatan', 1, false],
      ['sub-kegiatan', 2, false],
      ['program', 0, false],
      ['sub-kegiatan', 2, true],
    ]);
    expect(rows[4].parent).toBe(3);
  });

  it('leaves total, blank and repeated-header rows out of the tree', () => {
    const { rows } = rowsOf(
      [
        ['1', 'PROGRAM A', 'x', '1'],
        ['No', 'Program/Kegiatan', 'Indikator', 'Pagu'],
        ['1.1', 'Kegiatan', 'x', '1'],
        [null, 'JUMLAH', null, '1'],
      ],
      nomorUraian,
      ['data', 'header-repeat', 'data', 'total'],
    );
    expect(rows.map((r) => [r.kind, r.levelName, r.parent])).toEqual([
      ['data', 'program', null],
      ['header-repeat', null, null],
      ['data', 'kegiatan', 0],
      ['total', null, null],
    ]);
  });

  // Zero-padded account codes (4.1.04.16.01) looked like Renja kode: rows were named urusan,
  // bidang urusan, program, and the codes got Renja padding advice.
  it('reads zero-padded account codes as akun, kelompok, jenis, objek, rincian objek', () => {
    const { rows, hierarchy } = rowsOf(
      [
        ['4', 'PENDAPATAN DAERAH', '100'],
        ['4.1', 'PENDAPATAN ASLI DAERAH', '100'],
        ['4.1.04', 'Lain-lain PAD yang Sah', '100'],
        ['4.1.04.16', 'Pendapatan BLUD', '100'],
        ['4.1.04.16.01', 'Pendapatan Jasa Layanan', '100'],
        ['5', 'BELANJA DAERAH', '80'],
        ['5.1', 'BELANJA OPERASI', '80'],
        ['5.1.02', 'Belanja Barang dan Jasa', '80'],
      ],
      [{ ...column(0, 'kode'), header: 'Kode' }, column(1, 'uraian'), column(2, 'anggaran')],
    );
    expect(hierarchy).toBe('nomor');
    expect(rows.map((r) => [r.levelName, r.parent, r.kode, r.gapBefore])).toEqual([
      ['akun', null, null, false],
      ['kelompok', 0, null, false],
      ['jenis', 1, null, false],
      ['objek', 2, null, false],
      ['rincian-objek', 3, null, false],
      ['akun', null, null, false],
      ['kelompok', 5, null, false],
      ['jenis', 6, null, false],
    ]);
    // Shown exactly as written.
    expect(rows[4].nomor).toBe('4.1.04.16.01');
  });

  // Urusan 4 to 6 are Sekretariat Daerah, Bappeda, Inspektorat …: their Renja codes start like
  // accounts, but the bidang part has two digits.
  it('keeps the Renja kode of a Sekretariat Daerah (4.01…) as program, kegiatan, sub kegiatan', () => {
    const { rows, hierarchy } = rowsOf(
      [
        ['4.01.01', 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH', '300'],
        ['4.01.01.2.01', 'Perencanaan, Penganggaran, dan Evaluasi Kinerja', '300'],
        ['4.01.01.2.01.0001', 'Penyusunan Dokumen Perencanaan', '100'],
        ['4.01.01.2.01.0002', 'Koordinasi dan Penyusunan RKA', '200'],
      ],
      [column(0, 'kode'), column(1, 'uraian'), column(2, 'pagu')],
    );
    expect(hierarchy).toBe('kode');
    expect(rows.map((r) => r.levelName)).toEqual(['program', 'kegiatan', 'sub-kegiatan', 'sub-kegiatan']);
  });

  // An RKA / PRKA form writes account codes one digit group per level, with spaces (5 2 1).
  it('reads account codes written with spaces and no dots, and keeps them as written', () => {
    const { rows } = rowsOf(
      [
        ['5', 'BELANJA', '300'],
        ['5 1', 'BELANJA TIDAK LANGSUNG', '100'],
        ['5 1 1', 'BELANJA PEGAWAI', '100'],
        ['5 2', 'BELANJA LANGSUNG', '200'],
      ],
      [{ ...column(0, 'kode'), header: 'Kode Rekening' }, column(1, 'uraian'), column(2, 'anggaran')],
    );
    expect(rows.map((r) => [r.levelName, r.parent, r.nomor])).toEqual([
      ['akun', null, '5'],
      ['kelompok', 0, '5 1'],
      ['jenis', 1, '5 1 1'],
      ['kelompok', 0, '5 2'],
    ]);
  });
});
