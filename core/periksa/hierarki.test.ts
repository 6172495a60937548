import { CellValue, Sheet } from '../lembar/model';
import { findTables } from '../tata-letak';
import { FIXTURES, loadFixture } from '../../test/fixtures/muat';
import { check } from './hierarki';
import { createContext } from './konteks';
import { Finding, FindingSchema } from './temuan';

function findingsOf(sheet: Sheet): Finding[] {
  const out: Finding[] = [];
  for (const table of findTables(sheet)) {
    out.push(...check(createContext({ name: 'Buku', sheets: [sheet] }, sheet, table, {}, null)));
  }
  return out;
}

function sheet(values: CellValue[][], extra: Partial<Sheet> = {}): Sheet {
  return { name: 'Lembar1', values, typed: false, ...extra };
}

describe('hierarki on the real fixtures', () => {
  it.each(FIXTURES)('%s: findings are well formed and never errors', (name) => {
    const found = findingsOf(loadFixture(name));
    for (const f of found) {
      expect(() => FindingSchema.parse(f)).not.toThrow();
      expect(f.rule).toBe('hierarki');
      expect(f.severity).not.toBe('error');
    }
  });

  it.each(['renja_malang_2024_tabel23_review_rkpd', 'lkjip_magetan_2024_realisasi_anggaran'] as const)(
    '%s: a complete numbering gives no finding',
    (name) => {
      expect(findingsOf(loadFixture(name))).toEqual([]);
    },
  );

  const tc33 = findingsOf(loadFixture('renja_magetan_2022_tc33'));

  it('T-C.33: "1 6 1 2.1 2" is printed for four different sub kegiatan', () => {
    const f = tc33.find((x) => x.actual === '1.6.1.2.1.2') as Finding;
    expect(f).toBeDefined();
    // The second of rows 18, 25, 29, 34, in the sub kegiatan kode column.
    expect(f.cell).toBe('E25');
    expect(f.related).toEqual(['E18', 'E29', 'E34']);
    expect(f.message).toContain('dipakai 4 kali');
    // Caused by the kegiatan codes printed as "2"/"2.1": a note, not a warning.
    expect(f.severity).toBe('info');
  });

  it('T-C.33: the kegiatan codes printed as "2" and bidang "6" for "06" are noted once per column', () => {
    const kegiatan = tc33.filter((x) => x.message.includes('tidak berbentuk X.XX'));
    expect(kegiatan).toHaveLength(1);
    expect(kegiatan[0]).toMatchObject({ cell: 'D5', actual: '2', severity: 'info' });
    // Every kegiatan and sub kegiatan row (16 + 40) carries the kegiatan part.
    expect(kegiatan[0].message).toContain('56 baris');
    const bidang = tc33.find((x) => x.cell === 'B3') as Finding;
    expect(bidang).toMatchObject({ actual: '6', expected: '06', severity: 'info' });
  });
});

describe('gaps', () => {
  it('names the missing number between its neighbours', () => {
    const found = findingsOf(
      sheet([
        ['No', 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)'],
        ['1', 'PROGRAM A', '600', '600'],
        ['1.1', 'Kegiatan 1', '100', '100'],
        ['1.2', 'Kegiatan 2', '200', '200'],
        ['1.4', 'Kegiatan 4', '300', '300'],
      ]),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      cell: 'A5',
      severity: 'warning',
      actual: '1.4',
      expected: '1.3',
      message: 'Baris hilang? Nomor 1.3 tidak ada antara 1.2 dan 1.4: jumlah induknya tidak dapat diperiksa.',
      related: ['A2'],
    });
  });

  it('names a run of missing kegiatan numbered across programs (4, then 7; 1 to 3 missing before 4)', () => {
    const found = findingsOf(
      sheet([
        ['No', 'Program/Kegiatan/ Sub Kegiatan', 'Pagu Indikatif', 'Kebutuhan Dana'],
        ['I.', 'PROGRAM A', '10', '0'],
        ['4.', 'Kegiatan empat', '10', '0'],
        ['7', 'Kegiatan tujuh', '0', '0'],
        ['11', 'Kegiatan sebelas', '0', '0'],
      ]),
    );
    const messages = found.map((f) => f.message);
    expect(messages).toContain('Baris hilang? Nomor 1 sampai 3 tidak ada sebelum 4: jumlah induknya tidak dapat diperiksa.');
    expect(messages).toContain('Baris hilang? Nomor 5 dan 6 tidak ada antara 4 dan 7: jumlah induknya tidak dapat diperiksa.');
    expect(messages).toContain('Baris hilang? Nomor 8 sampai 10 tidak ada antara 7 dan 11: jumlah induknya tidak dapat diperiksa.');
  });

  it('says when a sub kegiatan stands under the wrong kegiatan number', () => {
    const found = findingsOf(
      sheet([
        ['No', 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)'],
        ['I', 'PROGRAM A', '600', '600'],
        ['1', 'Kegiatan 1', '100', '100'],
        ['1.1', 'Sub 1', '100', '100'],
        ['2.1', 'Sub tanpa kegiatan', '100', '100'],
      ]),
    );
    expect(found.map((f) => [f.cell, f.message])).toEqual([
      ['A5', 'Nomor 2.1 tidak berada di bawah induknya nomor 1: baris induknya mungkin hilang; jumlah induknya tidak dapat diperiksa.'],
    ]);
  });

  it('says when a code does not continue its parent code', () => {
    const found = findingsOf(
      sheet([
        ['Kode', 'Program/Kegiatan/Sub Kegiatan', 'Target', 'Pagu Indikatif', 'Lokasi'],
        ['1.06.01', 'PROGRAM A', '1', '100', 'Kab'],
        ['1.06.01.2.01', 'Kegiatan A1', '1', '100', 'Kab'],
        ['1.06.02.2.01', 'Kegiatan B1', '1', '100', 'Kab'],
      ]),
    );
    expect(found.map((f) => [f.cell, f.severity, f.message])).toEqual([
      [
        'A4',
        'warning',
        'Kode 1.06.02.2.01 tidak berada di bawah kode induknya 1.06.01: ada baris yang hilang atau kode tertulis salah; jumlah induknya tidak dapat diperiksa.',
      ],
    ]);
  });

  it('a duplicate code that is written correctly is a warning', () => {
    const found = findingsOf(
      sheet([
        ['Kode', 'Program/Kegiatan/Sub Kegiatan', 'Target', 'Pagu Indikatif', 'Lokasi'],
        ['1.06.01', 'PROGRAM A', '1', '100', 'Kab'],
        ['1.06.01.2.01', 'Kegiatan A1', '1', '50', 'Kab'],
        ['1.06.01.2.01', 'Kegiatan A2', '1', '50', 'Kab'],
      ]),
    );
    expect(found.map((f) => [f.cell, f.severity, f.related])).toEqual([['A4', 'warning', ['A3']]]);
    expect(found[0].message).toContain('Kode kegiatan 1.06.01.2.01 dipakai 2 kali (A3, A4)');
  });

  it('reads typed kode cells as the sheet shows them ("00" → 06, "0.00" → 2.10)', () => {
    const values: CellValue[][] = [
      ['Kode (Urusan)', 'Kode (Bidang)', 'Kode (Program)', 'Kode (Kegiatan)', 'Uraian', 'Target', 'Pagu Indikatif', 'Lokasi'],
      [1, 6, 1, null, 'PROGRAM A', '1', 100, 'Kab'],
      [1, 6, 1, 2.1, 'Kegiatan A', '1', 100, 'Kab'],
    ];
    const formats: Record<number, string> = { 1: '00', 2: '00', 3: '0.00' };
    const numberFormats = values.map((r, i) => r.map((_, c) => (i > 0 ? (formats[c] ?? null) : null)));
    expect(findingsOf(sheet(values, { typed: true, numberFormats }))).toEqual([]);
    // Without the formats the same cells show 6, 1 and 2.1.
    expect(findingsOf(sheet(values, { typed: true })).map((f) => f.cell)).toEqual(['B2', 'C2', 'D3']);
  });
});
