import * as fs from 'fs';
import * as path from 'path';
import { CellValue, Sheet } from '../../core/lembar/model';
import { renjaTC33 } from '../fixtures/sintetis';
import { ringkasan } from '../../ui/teks';
import {
  at,
  messageAt,
  periksaBerkas,
  periksaLembar,
  realisasiAnggaran,
  tempDir,
  typedFixture,
  withCells,
  writeCsv,
  writeXlsx,
} from './katalog';

/**
 * The bad-input catalogue: one test per kind of mess a real table holds, each asserting the
 * Indonesian sentence the planner gets. Sheets go through periksaWorkbook typed as Excel and
 * Sheets hand them over; files through the CLI. Every sheet case also proves (periksaLembar)
 * that the input is not changed and that every finding is well formed.
 */

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const NO_TABLE_CLI = 'Tidak ditemukan tabel Renja/LKjIP yang dapat diperiksa (tidak ada baris judul kolom yang dikenali).';
const NO_TABLE_PANE = 'Tidak ada tabel Renja atau LKjIP yang dikenali di lembar aktif';

/** What the task pane and the sidebar show for a core result (ui/teks ringkasan). */
const paneSummary = (sheet: Sheet) => {
  const r = periksaLembar(sheet);
  return ringkasan({ cakupan: 'lembar', tables: r.tables, findings: r.findings, skala: null, marked: 0, ms: 0 });
};

describe('numbers written as docs/angka.md says people write them', () => {
  it('53.600.0000 (a group of four digits) is malformed, and the program above it is not claimed wrong', () => {
    const r = periksaLembar(withCells(realisasiAnggaran(), { D3: '53.600.0000' }));
    expect(messageAt(r, 'D3')).toBe('Penulisan angka "53.600.0000" tidak sah: pemisah ribuan harus diikuti tepat tiga angka.');
    expect(at(r, 'D2')).toEqual([]);
  });

  it('96.080.00 (a last group of two digits) is malformed', () => {
    const r = periksaLembar(withCells(realisasiAnggaran(), { D3: '96.080.00' }));
    expect(messageAt(r, 'D3')).toBe('Penulisan angka "96.080.00" tidak sah: pemisah ribuan harus diikuti tepat tiga angka.');
  });

  it('29,822,934.850 (mixed marks) gets both readings, and the sum above names the doubtful cell', () => {
    const r = periksaLembar(withCells(realisasiAnggaran(), { D3: '29,822,934.850' }));
    expect(messageAt(r, 'D3', 'format-angka')).toBe(
      'Penulisan angka "29,822,934.850" mencampur pemisah ribuan "," dan ".": dapat dibaca 29.822.934.850 atau 29.822.934,85.',
    );
    expect(messageAt(r, 'D2', 'jumlah-induk')).toContain('Sel D3 penulisannya meragukan ("29,822,934.850")');
  });

  it('1.270 is read by its column: as thousands among grouped amounts, as a decimal among 16.8 and 41.5', async () => {
    const file = writeCsv(path.join(dir, 'satu-kelompok.csv'), [
      ['No.', 'Program/Kegiatan', 'Anggaran (Rp)', 'Target', 'Realisasi'],
      ['1.', 'PROGRAM PEMBERDAYAAN SOSIAL', '29.822.935.270', '16.8', '16.8'],
      ['1.1', 'Kegiatan A', '29.822.934.000', '41.5', '41.5'],
      ['1.2', 'Kegiatan B', '1.270', '1.270', '1.270'],
    ]);
    const r = await periksaBerkas(file);
    expect(r.out).toContain(
      'C4     info: Angka seperti "1.270" dapat dibaca dua cara; di kolom ini dibaca sebagai ribuan (titik sebagai pemisah ribuan), mengikuti angka lain di kolom ini (1 sel).',
    );
    expect(r.out).toContain(
      'D4     info: Angka seperti "1.270" dapat dibaca dua cara; di kolom ini dibaca sebagai desimal (titik sebagai tanda desimal), mengikuti angka lain di kolom ini (1 sel).',
    );
    // Read as 1270, kegiatan B makes the program's sum exact: no sum error.
    expect(r.out).not.toContain('Jumlah induk');
    expect(r.code).toBe(0);
  });

  it('a number stored as text in a typed sheet is still summed, and the planner is told SUM skips it', () => {
    const r = periksaLembar(withCells(realisasiAnggaran(), { D3: '39.845.000' }));
    expect(r.findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(['D3 angka-teks']);
    expect(messageAt(r, 'D3')).toBe(
      'Angka "39.845.000" tersimpan sebagai teks, bukan sebagai angka; SUM di Excel melewatinya tanpa peringatan.',
    );
  });

  it('a whole money column stored as text is one finding naming how many cells', () => {
    const sheet = realisasiAnggaran();
    const asText = Object.fromEntries(
      sheet.values.slice(1).map((row, i) => [`D${i + 2}`, String(row[3]).replace(/\B(?=(\d{3})+(?!\d))/g, '.')]),
    );
    const r = periksaLembar(withCells(sheet, asText));
    expect(r.findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(['D2 angka-teks']);
    expect(messageAt(r, 'D2')).toBe(
      '20 angka di kolom ini tersimpan sebagai teks (misalnya "5.215.862.284"); SUM di Excel melewatinya tanpa peringatan.',
    );
  });

  it('Rp. 39.845.000,- is read as 39.845.000 (the sum above holds), and reported as text', () => {
    const r = periksaLembar(withCells(realisasiAnggaran(), { D3: 'Rp. 39.845.000,-' }));
    expect(r.findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(['D3 angka-teks']);
    expect(messageAt(r, 'D3')).toBe(
      'Angka "Rp. 39.845.000,-" tersimpan sebagai teks, bukan sebagai angka; SUM di Excel melewatinya tanpa peringatan.',
    );
  });

  it.each(['NIHIL', '-', '0 0'])('%s is no value, and the sum that needs it says it was left out', (nothing) => {
    const r = periksaLembar(withCells(realisasiAnggaran(), { D3: nothing }));
    expect(messageAt(r, 'D2')).toBe(
      'Anggaran program 5.215.862.284 tidak sama dengan jumlah anggaran kegiatannya 5.176.017.284 (selisih 39.845.000). ' +
        '1 baris kegiatan kosong tidak dihitung. Anggaran program ini sesuai dengan total anggaran di D21; ' +
        'kemungkinan ada kegiatan yang salah atau belum tercantum.',
    );
    expect(at(r, 'D3')).toEqual([]);
  });

  it('scientific notation (3,9845E+07, digits lost) is reported instead of silently skipped', () => {
    const r = periksaLembar(withCells(realisasiAnggaran(), { D3: '3,9845E+07' }));
    expect(messageAt(r, 'D3')).toBe(
      'Angka "3,9845E+07" ditulis dalam notasi ilmiah; nilainya mungkin sudah terpotong. Tulis angka lengkapnya.',
    );
    expect(at(r, 'D2')).toEqual([]);
  });
});

describe('typos and hostile text (issue 15)', () => {
  it('39.8O5.000 (letter O for zero) is a typo named at its cell, not 39,8 with satuan "O5.000"', () => {
    const r = periksaLembar(withCells(realisasiAnggaran(), { D3: '39.8O5.000' }));
    expect(messageAt(r, 'D3')).toBe(
      'Angka "39.8O5.000" memuat huruf "O" di antara angkanya; kemungkinan salah ketik (angka 0?). Perbaiki isi sel ini; nilainya tidak dihitung.',
    );
  });

  it('a CSV cell that clears the screen and writes the clipboard is shown escaped; --json keeps it whole', async () => {
    const payload = '\u001B[2J\u001B]52;c;ZXZpbA==\u0007';
    const rows = realisasiAnggaran().values.map((r) => r.slice());
    rows[2][3] = payload;
    const file = writeCsv(path.join(dir, 'lolos.csv'), rows);
    const r = await periksaBerkas(file);
    expect(r.out).not.toContain('\u001B');
    expect(r.out).toContain('Sel berisi teks "\\u001B[2J\\u001B]52;c;ZXZpbA==\\u0007" di kolom angka');
    const j = await periksaBerkas(file, '--json');
    expect(JSON.parse(j.out).files[0].findings.some((f: { message: string }) => f.message.includes(payload))).toBe(true);
  });
});

describe('error values', () => {
  it.each([
    ['#REF!', 'merujuk ke sel yang sudah dihapus'],
    ['#N/A', 'nilai yang dicari tidak ditemukan'],
    ['#DIV/0!', 'pembagian dengan nol atau dengan sel kosong'],
    ['#VALUE!', 'rumus memakai teks atau jenis nilai yang salah'],
  ])('%s in a money cell says what it means, and the program above is not claimed wrong', (error, meaning) => {
    const r = periksaLembar(withCells(realisasiAnggaran(), { D3: error }));
    expect(messageAt(r, 'D3')).toBe(`Sel berisi nilai galat ${error} (${meaning}); nilainya tidak dapat dijumlahkan atau diperiksa.`);
    expect(at(r, 'D2')).toEqual([]);
  });

  it.each(['#REF!', '#N/A', '#DIV/0!', '#VALUE!'])('%s in a percent cell is reported at that cell', (error) => {
    const r = periksaLembar(withCells(realisasiAnggaran(), { F3: error }));
    expect(r.findings.map((f) => `${f.cell} ${f.rule} ${f.severity}`)).toEqual(['F3 format-angka error']);
    expect(messageAt(r, 'F3')).toMatch(new RegExp(`^Sel berisi nilai galat ${error.replace(/[/!]/g, '\\$&')} \\(`));
  });

  it('a formula that returns an error (=E3/D3*100 giving #DIV/0!) is named with its formula', () => {
    const sheet = withCells(realisasiAnggaran(), { F3: '#DIV/0!' });
    sheet.formulas = sheet.values.map((row, r) => row.map((_, c) => (r === 2 && c === 5 ? '=E3/D3*100' : null)));
    const r = periksaLembar(sheet);
    expect(messageAt(r, 'F3')).toBe(
      'Rumus =E3/D3*100 di sel ini menghasilkan nilai galat #DIV/0! (pembagian dengan nol atau dengan sel kosong); nilainya tidak dapat dijumlahkan atau diperiksa.',
    );
  });
});

describe('dates and signs in money columns', () => {
  it('a date typed as text in a money column is an error at its cell', () => {
    const r = periksaLembar(withCells(realisasiAnggaran(), { D3: '31/12/2024' }));
    expect(messageAt(r, 'D3')).toBe('Sel berisi tanggal (31/12/2024) di kolom angka; nilainya tidak dapat dijumlahkan atau diperiksa.');
    expect(at(r, 'D2')).toEqual([]);
  });

  it('a real date (serial 45657 under dd/mm/yyyy, as Excel hands it over) is a date, never the amount 45.657', () => {
    const sheet = withCells(realisasiAnggaran(), { D3: 45657 });
    sheet.numberFormats = sheet.values.map((row, r) => row.map((_, c) => (r === 2 && c === 3 ? 'dd/mm/yyyy' : null)));
    const r = periksaLembar(sheet);
    expect(r.findings.map((f) => `${f.cell} ${f.rule} ${f.severity}`)).toEqual(['D3 format-angka error']);
    expect(messageAt(r, 'D3')).toBe('Sel berisi tanggal (2024-12-31) di kolom angka; nilainya tidak dapat dijumlahkan atau diperiksa.');
  });

  it('a date cell in an .xlsx: the file warns once, the cell is an error', async () => {
    const file = await writeXlsx(path.join(dir, 'tanggal.xlsx'), 'Realisasi', (ws) => {
      ws.addRow(['No.', 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)']);
      ws.addRow(['1.', 'PROGRAM PEMBERDAYAAN SOSIAL', 150_000_000, 140_000_000]);
      ws.addRow(['1.1', 'Kegiatan A', new Date(Date.UTC(2024, 11, 31)), 90_000_000]);
      ws.addRow(['1.2', 'Kegiatan B', 50_000_000, 50_000_000]);
    });
    const r = await periksaBerkas(file);
    expect(r.err).toContain('Lembar "Realisasi": 1 sel berisi tanggal (misalnya C3); dibaca sebagai teks tanggal, bukan angka.');
    expect(r.out).toContain(
      '✗ C3     galat: Sel berisi tanggal (2024-12-31) di kolom angka; nilainya tidak dapat dijumlahkan atau diperiksa.',
    );
    expect(r.code).toBe(1);
  });

  it.each([['menyusul', 'Sel berisi teks "menyusul" di kolom angka, bukan angka; nilainya tidak dapat dijumlahkan atau diperiksa.']])(
    'a word (%s) in a money column is an error at its cell',
    (text, message) => {
      const r = periksaLembar(withCells(realisasiAnggaran(), { D3: text }));
      expect(messageAt(r, 'D3')).toBe(message);
      expect(at(r, 'D2')).toEqual([]);
    },
  );

  it('an accounting-style amount (39.845.000) is a negative number: in an Anggaran column that is an error', () => {
    // Issue 13: brackets are the accountant's minus, read as -39.845.000, not as text.
    const r = periksaLembar(withCells(realisasiAnggaran(), { D3: '(39.845.000)' }));
    expect(messageAt(r, 'D3', 'format-angka')).toBe(
      'Anggaran bernilai negatif (-39.845.000); jumlah uang di kolom ini tidak boleh kurang dari nol. Periksa tanda minus atau rumus sel ini.',
    );
  });

  it('TRUE in a money cell is reported instead of silently skipped', () => {
    const r = periksaLembar(withCells(realisasiAnggaran(), { D3: true }));
    expect(messageAt(r, 'D3')).toBe('Nilai logika TRUE bukan angka.');
  });

  it('a negative pagu is an error; the sum and the serapan still say what they see', () => {
    const r = periksaLembar(withCells(realisasiAnggaran(), { D3: -39_845_000 }));
    expect(messageAt(r, 'D3')).toBe(
      'Anggaran bernilai negatif (-39.845.000); jumlah uang di kolom ini tidak boleh kurang dari nol. Periksa tanda minus atau rumus sel ini.',
    );
    expect(messageAt(r, 'D2')).toMatch(
      /^Anggaran program 5\.215\.862\.284 tidak sama dengan jumlah anggaran kegiatannya 5\.136\.172\.284/,
    );
  });
});

describe('size', () => {
  it('10^15 rupiah are summed exactly: a program one rupiah off its kegiatan is caught, an exact one is not', () => {
    // Program 5 (row 16) over kegiatan rows 17–18; the TOTAL follows so only the program differs.
    const total = 24_175_862_284 - 175_000_000 + 1e15;
    const off = periksaLembar(withCells(realisasiAnggaran(), { D16: 1e15, D17: 999_999_999_999_999, D18: 2, D21: total }));
    expect(messageAt(off, 'D16', 'jumlah-induk')).toBe(
      'Anggaran program 1.000.000.000.000.000 tidak sama dengan jumlah anggaran kegiatannya 1.000.000.000.000.001 (selisih 1). ' +
        'Anggaran program ini sesuai dengan total anggaran di D21; kemungkinan ada kegiatan yang salah atau belum tercantum.',
    );
    const exact = periksaLembar(withCells(realisasiAnggaran(), { D16: 1e15, D17: 999_999_999_999_998, D18: 2, D21: total }));
    expect(exact.findings.filter((f) => f.rule === 'jumlah-induk' || f.rule === 'jumlah-total')).toEqual([]);
  });

  it('100,000 sub kegiatan: a progress line, every row checked, the one wrong kegiatan found near the end', async () => {
    const t = renjaTC33({ subKegiatan: 100_000 });
    const last = t.subRows[t.subRows.length - 1];
    const values = t.sheet.values.map((r) => r.slice());
    values[last][t.paguCols[0]] = (values[last][t.paguCols[0]] as number) + 1000;
    const file = writeCsv(path.join(dir, 'besar.csv'), values);
    const r = await periksaBerkas(file);
    expect(r.err).toBe('Memeriksa besar.csv: lembar "besar" (1/1)…\n');
    const rows = t.programRows.length + t.kegiatanRows.length + t.subRows.length;
    expect(r.out).toContain(`A1:Q${values.length}: Renja T-C.33 rencana program dan kegiatan, ${rows} baris data`);
    const parentRow = t.kegiatanRows[t.kegiatanRows.length - 1] + 1;
    expect(r.out).toMatch(
      new RegExp(
        `✗ I${parentRow} galat: Pagu kegiatan [\\d.]+ tidak sama dengan jumlah pagu sub kegiatannya [\\d.]+ \\(selisih 1\\.000\\)\\.`,
      ),
    );
    expect(r.out).toMatch(/Ringkasan: 1 tabel, 1 galat, 0 peringatan, 1 info/);
    expect(r.code).toBe(1);
  }, 60_000);
});

describe('odd shapes', () => {
  it('a sheet that is one giant merged cell has no table and no finding', () => {
    const values: CellValue[][] = Array.from({ length: 40 }, (_, r) =>
      Array.from({ length: 12 }, (_, c) => (r === 0 && c === 0 ? 'RENJA 2024' : null)),
    );
    const sheet: Sheet = { name: 'Sampul', values, typed: true, merges: [{ top: 0, left: 0, bottom: 39, right: 11 }] };
    expect(periksaLembar(sheet).findings).toEqual([]);
    expect(paneSummary(sheet)).toBe(`${NO_TABLE_PANE} · 0,0 detik`);
  });

  it('a hidden kegiatan still counts in its program, and a finding on it says the row is hidden', async () => {
    const file = await writeXlsx(path.join(dir, 'tersembunyi.xlsx'), 'Realisasi', (ws) => {
      ws.addRow(['No.', 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)', '% Capaian']);
      ws.addRow(['1.', 'PROGRAM PEMBERDAYAAN SOSIAL', 150_000_000, 140_000_000, 93.33]);
      ws.addRow(['1.1', 'Kegiatan A', 100_000_000, 90_000_000, 90]);
      ws.addRow(['1.2', 'Kegiatan B', 50_000_000, 50_000_000, 90]);
      ws.getRow(4).hidden = true;
    });
    const r = await periksaBerkas(file, '--json');
    const findings = JSON.parse(r.out).files[0].findings as { cell: string; rule: string; message: string }[];
    expect(findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(['E4 rumus-kolom']);
    expect(findings[0].message).toBe(
      'Serapan tertulis 90 %, seharusnya 100,00 % (50.000.000 / 50.000.000 × 100; realisasi / anggaran × 100). ' +
        'Baris 4 disembunyikan; tampilkan baris itu untuk melihat sel ini.',
    );
  });

  it('in a used range below A1, a hidden row is named by its sheet row, also when a sum adds it', () => {
    // Excel hands over the used range B3:F6 with hidden rows relative to it: row 6 of the sheet.
    const sheet: Sheet = {
      name: 'Realisasi',
      origin: { row: 2, col: 1 },
      typed: true,
      hiddenRows: [3],
      values: [
        ['No.', 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)', '% Capaian'],
        ['1.', 'PROGRAM PEMBERDAYAAN SOSIAL', 150_000_000, 140_000_000, 93.33],
        ['1.1', 'Kegiatan A', 100_000_000, 90_000_000, 90],
        ['1.2', 'Kegiatan B', 60_000_000, 50_000_000, 90],
      ],
    };
    const r = periksaLembar(sheet);
    expect(r.findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(['D4 jumlah-induk', 'F6 rumus-kolom']);
    expect(messageAt(r, 'D4')).toMatch(/ Baris terkait yang disembunyikan: 6\.$/);
    expect(messageAt(r, 'F6')).toMatch(/ Baris 6 disembunyikan; tampilkan baris itu untuk melihat sel ini\.$/);
  });

  it('two tables side by side are both checked, each finding in its own table', () => {
    const left = realisasiAnggaran();
    const right = typedFixture('lkjip_magetan_2024_capaian', 'x');
    const values = left.values.map((row, r) => [...row, null, ...(right.values[r] ?? [])]);
    const sheet = withCells({ name: 'Dua tabel', values, typed: true }, { D4: 3_360_000_000, L3: 0.3 });
    const r = periksaLembar(sheet);
    expect(r.tables.map((t) => `${t.range} ${t.layout}`)).toEqual(['A1:F21 lkjip-anggaran', 'H1:N7 lkjip-capaian']);
    expect(at(r, 'D2', 'jumlah-induk')[0]).toMatchObject({ table: 'A1:F21' });
    expect(at(r, 'L3', 'rumus-kolom')[0]).toMatchObject({ table: 'H1:N7' });
    expect(r.findings.every((f) => (f.cell < 'H' ? f.table === 'A1:F21' : f.table === 'H1:N7'))).toBe(true);
  });

  it('a table below a title in a real workbook is found, its cells named as the planner sees them', async () => {
    const file = await writeXlsx(path.join(dir, 'tengah.xlsx'), 'Realisasi', (ws) => {
      ws.addRow(['REALISASI ANGGARAN DINAS SOSIAL TAHUN 2024']);
      ws.addRow([]);
      ws.addRow(['No.', 'Program/Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)', '% Capaian']);
      ws.addRow(['1.', 'PROGRAM PEMBERDAYAAN SOSIAL', 175_000_000, 170_000_000, 97.14]);
      ws.addRow(['1.1', 'Kegiatan A', 100_000_000, 99_000_000, 99]);
      ws.addRow(['1.2', 'Kegiatan B', 50_000_000, 71_000_000, 142]);
      ws.addRow(['TOTAL', null, 175_000_000, 170_000_000, 97.14]);
    });
    const r = await periksaBerkas(file);
    expect(r.out).toContain('Tabel di lembar "Realisasi" A3:E7');
    expect(r.out).toContain(
      '✗ C4     galat: Anggaran program 175.000.000 tidak sama dengan jumlah anggaran kegiatannya 150.000.000 (selisih 25.000.000).',
    );
    expect(r.code).toBe(1);
  });

  it('names with emoji, other scripts and 40,000 characters change nothing in what is found', () => {
    const sheet = withCells(realisasiAnggaran(), {
      B3: '🚀 Perencanaan ✓ 計画 ' + 'sangat panjang '.repeat(2700),
      B4: '\u202eAdministrasi\u0000 Keuangan',
      D4: 3_360_000_000,
    });
    const r = periksaLembar(sheet);
    expect(r.findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(['D2 jumlah-induk', 'F4 rumus-kolom']);
    expect(messageAt(r, 'D2')).toMatch(
      /^Anggaran program 5\.215\.862\.284 tidak sama dengan jumlah anggaran kegiatannya 5\.215\.000\.000 \(selisih 862\.284\)/,
    );
  });

  it('a money column of nothing but "-" is no value at all: nothing to sum, nothing claimed', () => {
    const sheet = realisasiAnggaran();
    const dashes = Object.fromEntries(sheet.values.slice(1).map((_, i) => [`D${i + 2}`, '-']));
    const r = periksaLembar(withCells(sheet, dashes));
    expect(r.tables).toHaveLength(1);
    expect(r.findings).toEqual([]);
  });
});

describe('sheets and files with no table', () => {
  it('a table with no header row: the planner is told no header was recognised', async () => {
    const body = realisasiAnggaran().values.slice(1);
    expect(paneSummary({ name: 'Tanpa judul', values: body, typed: true })).toBe(`${NO_TABLE_PANE} · 0,0 detik`);
    const r = await periksaBerkas(writeCsv(path.join(dir, 'tanpa-judul.csv'), body));
    expect(r.out).toContain(NO_TABLE_CLI);
    expect(r.out).toContain('Ringkasan: 0 tabel, 0 galat, 0 peringatan, 0 info');
    expect(r.code).toBe(0);
  });

  it('a header with no rows under it (a blank template) is no table yet', () => {
    expect(paneSummary({ name: 'Templat', values: realisasiAnggaran().values.slice(0, 1), typed: true })).toBe(
      `${NO_TABLE_PANE} · 0,0 detik`,
    );
  });

  it('a sheet of text only (minutes of a meeting) has no table', () => {
    const values = [['Notulen rapat Renja 2025'], ['Hadir: Kepala Dinas, Sekretaris'], ['Tidak ada tabel di sini.']];
    expect(paneSummary({ name: 'Notulen', values, typed: true })).toBe(`${NO_TABLE_PANE} · 0,0 detik`);
  });

  it('a one-row sheet has no table', () => {
    expect(paneSummary({ name: 'Satu', values: [['1.', 'PROGRAM PEMBERDAYAAN SOSIAL', 175_000_000]], typed: true })).toBe(
      `${NO_TABLE_PANE} · 0,0 detik`,
    );
  });

  it('an empty sheet has no table', () => {
    expect(paneSummary({ name: 'Kosong', values: [], typed: true })).toBe(`${NO_TABLE_PANE} · 0,0 detik`);
  });

  it('an .xlsx whose only sheet is empty: no table, exit 0', async () => {
    const r = await periksaBerkas(await writeXlsx(path.join(dir, 'lembar-kosong.xlsx'), 'Sheet1', () => undefined));
    expect(r.out).toContain(NO_TABLE_CLI);
    expect(r.code).toBe(0);
  });

  it.each([
    ['kosong.xlsx', Buffer.alloc(0), 'Berkas kosong.'],
    ['kosong.csv', Buffer.alloc(0), 'Berkas kosong.'],
    ['spasi.csv', Buffer.from(' \n\n \n'), 'Berkas kosong.'],
    ['sampah.xlsx', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 'Berkas bukan .xlsx yang sah atau rusak.'],
    ['sampah.csv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256)), null],
    ['laporan.pdf', Buffer.from('%PDF-1.4\n'), 'Jenis berkas tidak dikenal: .pdf (gunakan .xlsx, .csv atau .tsv).'],
  ])('%s cannot be read: exit 2 and one Indonesian sentence', async (name, bytes, message) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    const r = await periksaBerkas(file);
    expect(r.code).toBe(2);
    if (message !== null) expect(r.err).toBe(`${file}: ${message}\n`);
    else expect(r.err).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: Berkas [^\\n]+\\.\\n$`));
  });
});
