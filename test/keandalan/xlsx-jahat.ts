import { CellValue } from '../../core/lembar/model';
import { renjaTC33 } from '../fixtures/sintetis';
import { lembarXml, paketXlsx } from '../helpers/xlsx-mentah';

/**
 * Hostile .xlsx files of a few kilobytes that claim a huge address space or ask for quadratic
 * work (issue 15, item 1), generated here so that no binary is committed. Each says what the
 * reader must answer: read it (the sparse model makes it cheap), or refuse it with the cap's
 * Indonesian sentence. `xlsx-jahat.test.ts` runs each in a child process with a time and
 * memory limit.
 */
export interface BerkasJahat {
  name: string;
  build: () => Uint8Array;
  /** null: must be read and checked; otherwise the refusal must match. */
  refused: RegExp | null;
  /** Time limit of the child when not the default (a 100,000-row check takes a while on a busy machine). */
  timeLimitMs?: number;
}

const TABLE: CellValue[][] = [
  ['Kode', 'Program/Kegiatan', 'Pagu'],
  ['1.01', 'Program A', 300],
  ['1.01.1', 'Kegiatan A1', 100],
  ['1.01.2', 'Kegiatan A2', 200],
];

const one = (xml: string, name = 'Renja') => paketXlsx({ sheets: [{ name, xml }] });

function rowsWithStrayXfd(rows: number, everyRow: boolean): string {
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++) {
    const stray = everyRow || r === 5 ? `<c r="XFD${r}"><v>1</v></c>` : '';
    parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c>${stray}</row>`);
  }
  return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${parts.join('')}</sheetData></worksheet>`;
}

function manyMerges(n: number): string {
  const values: CellValue[][] = [];
  const merges: string[] = [];
  for (let r = 0; r < n; r++) {
    values.push([`Kegiatan ${r + 1}`, null, r]);
    merges.push(`A${r + 1}:B${r + 1}`);
  }
  return lembarXml(values, { merges });
}

/** A Renja T-C.33 of about `rows` rows as a planner's file holds it (numbers typed, text inline). */
export function renjaXlsx(rows: number, sheets = 1): Uint8Array {
  const sheet = renjaTC33({ subKegiatan: Math.round(rows / 1.3) }).sheet;
  return paketXlsx({
    sheets: Array.from({ length: sheets }, (_, i) => ({ name: i === 0 ? 'T-C.33' : `Lembar ${i + 1}`, xml: lembarXml(sheet.values) })),
  });
}

/** The central directory claims a part inflates to 2 GB: refused before anything is inflated. */
function claimedHuge(): Uint8Array {
  const bytes = one(lembarXml(TABLE));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let p = 0; p + 46 < bytes.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(p + 28, true);
    const name = Buffer.from(bytes.subarray(p + 46, p + 46 + nameLength)).toString('utf8');
    if (name.includes('worksheets/')) view.setUint32(p + 24, 2_000_000_000, true);
  }
  return bytes;
}

/** One digit of a stored (uncompressed) sheet changed after the zip was written: the CRC no longer matches. */
export function tamperedDigit(): Uint8Array {
  const bytes = paketXlsx({ sheets: [{ name: 'Renja', xml: lembarXml(TABLE) }], level: 0 });
  const text = Buffer.from(bytes).toString('latin1');
  const at = text.indexOf('<v>300</v>');
  if (at < 0) throw new Error('xlsx-jahat: <v>300</v> tidak ditemukan');
  bytes[at + 3] = '9'.charCodeAt(0);
  return bytes;
}

export const BERKAS_JAHAT: BerkasJahat[] = [
  { name: 'gabungan A1:XFD1048576', build: () => one(lembarXml(TABLE, { merges: ['A1:XFD1048576'] })), refused: null },
  { name: 'gabungan H1:XFD1048576', build: () => one(lembarXml(TABLE, { merges: ['H1:XFD1048576'] })), refused: null },
  {
    name: 'baris bernomor 99.999.999',
    build: () => one(lembarXml(TABLE, { extraRows: '<row r="99999999"><c r="A99999999"><v>1</v></c></row>' })),
    refused: /^Lembar "Renja": baris 99\.999\.999 melewati batas 1\.048\.576 baris; berkas dilewati\.$/,
  },
  { name: 'satu sel liar di XFD di antara 20.000 baris', build: () => one(rowsWithStrayXfd(20_000, false)), refused: null },
  {
    name: 'sel liar di XFD pada tiap baris dari 20.000 baris',
    build: () => one(rowsWithStrayXfd(20_000, true)),
    refused: /^Buku kerja memuat lebih dari 20\.000\.000 sel .*berkas dilewati\.$/,
  },
  { name: '50.000 gabungan dua sel', build: () => one(manyMerges(50_000)), refused: null },
  {
    name: '5.000 lembar',
    build: () => paketXlsx({ sheets: Array.from({ length: 5_000 }, (_, i) => ({ name: `L${i + 1}`, xml: lembarXml([[i]]) })) }),
    refused: /^Buku kerja memuat lebih dari 1\.000 lembar/,
  },
  { name: 'ukuran bagian diaku 2 GB', build: claimedHuge, refused: /melebihi batas 1024 MB XML/ },
  { name: 'satu angka diubah sesudah zip ditulis (CRC)', build: tamperedDigit, refused: /kode pemeriksanya \(CRC\)/ },
  { name: 'Renja 100.000 baris', build: () => renjaXlsx(100_000), refused: null, timeLimitMs: 300_000 },
];
