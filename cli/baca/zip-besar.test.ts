import { paketXlsx } from '../../test/helpers/xlsx-mentah';
import { readXlsxBuffer } from './xlsx';

/**
 * A sheet part above 8 MB is inflated by node:zlib in pieces on its thread pool (`readLarge`):
 * it must read what a small part reads, and refuse what a small part refuses, including a
 * refusal raised by the sheet reader in the middle of the stream.
 */
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const ROWS = 220_000;
const RUSAK = 'Berkas bukan .xlsx yang sah atau rusak.';
const CRC = 'Berkas .xlsx rusak: isi salah satu bagiannya tidak cocok dengan kode pemeriksanya (CRC). Minta salinan asli berkas.';

function bigSheet(extraRows = ''): string {
  const rows: string[] = [];
  for (let r = 1; r <= ROWS; r++)
    rows.push(`<row r="${r}"><c r="A${r}"><v>${r}.5</v></c><c r="B${r}" t="inlineStr"><is><t>Kab. Contoh</t></is></c></row>`);
  return `<worksheet xmlns="${NS}"><sheetData>${rows.join('')}${extraRows}</sheetData></worksheet>`;
}

const SHEET_PART = 'xl/worksheets/sheet1.xml';

/** Where the sheet's central directory record and its deflated bytes are. */
function locate(bytes: Uint8Array): { record: number; dataStart: number; dataEnd: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let p = 0; p + 46 < bytes.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(p + 28, true);
    if (Buffer.from(bytes.subarray(p + 46, p + 46 + nameLength)).toString('utf8') !== SHEET_PART) continue;
    const local = view.getUint32(p + 42, true);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    return { record: p, dataStart, dataEnd: dataStart + view.getUint32(p + 20, true) };
  }
  throw new Error('zip-besar: sheet part not found');
}

const read = (bytes: Uint8Array) => readXlsxBuffer(bytes, 'renja.xlsx');

// Each test reads a 22 MB sheet: seconds on a busy 2-core machine, past Jest's default 5 s.
describe('a sheet part above 8 MB', () => {
  let bytes: Uint8Array;
  beforeAll(() => {
    bytes = paketXlsx({ sheets: [{ name: 'Renja', xml: bigSheet() }] });
  }, 60_000);

  it('is read whole', async () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(locate(bytes).record + 24, true)).toBeGreaterThan(8 * 1024 * 1024);
    const r = await read(bytes);
    if (!r.ok) throw new Error(r.message);
    const values = r.workbook.sheets[0].values;
    expect(values).toHaveLength(ROWS);
    expect(values[0]).toEqual([1.5, 'Kab. Contoh']);
    expect(values[ROWS - 1]).toEqual([ROWS + 0.5, 'Kab. Contoh']);
  }, 60_000);

  it('is refused when its CRC does not match', async () => {
    const copy = bytes.slice();
    const view = new DataView(copy.buffer);
    const at = locate(copy).record + 16;
    view.setUint32(at, view.getUint32(at, true) ^ 1, true);
    expect(await read(copy)).toEqual({ ok: false, message: CRC });
  }, 60_000);

  it('is refused when its deflated bytes are broken, and when they end early', async () => {
    const { dataStart, dataEnd } = locate(bytes);
    const broken = bytes.slice();
    broken.fill(0xff, dataStart + 1000, dataStart + 2000);
    const r = await read(broken);
    expect(r.ok).toBe(false);
    expect([RUSAK, CRC]).toContain(!r.ok && r.message);
    const cut = bytes.slice();
    // The rest of the stream as a stored, unfinished block: the inflater runs out of input.
    cut.fill(0, Math.floor((dataStart + dataEnd) / 2), dataEnd);
    const c = await read(cut);
    expect(c.ok).toBe(false);
    expect([RUSAK, CRC]).toContain(!c.ok && c.message);
  }, 60_000);

  it('gives the sheet reader’s own refusal when it stops the stream half way', async () => {
    const past = paketXlsx({ sheets: [{ name: 'Renja', xml: bigSheet('<row r="99999999"><c r="A99999999"><v>1</v></c></row>') }] });
    expect(await read(past)).toEqual({
      ok: false,
      message: 'Lembar "Renja": baris 99.999.999 melewati batas 1.048.576 baris; berkas dilewati.',
    });
  }, 60_000);
});
