import { Sheet } from '../../core/lembar/model';
import { lembarXml, paketXlsx } from '../../test/helpers/xlsx-mentah';
import { ReadResult } from './hasil';
import { readXlsxBuffer } from './xlsx';
import { readXlsxBufferExceljs } from './xlsx-exceljs';

/**
 * Valid files as other producers write them (issue 15, item 5). LibreOffice opens every one;
 * the exceljs reader called each of these "rusak" (the last assertion of each test).
 */
const TABLE = [
  ['Kode', 'Program', 'Pagu'],
  ['1.01', 'Program A', 300],
  ['1.01.1', 'Kegiatan A1', 100],
  ['1.01.2', 'Kegiatan A2', 200],
];

async function read(bytes: Uint8Array): Promise<{ direct: ReadResult; oracle: ReadResult }> {
  return {
    direct: await readXlsxBuffer(bytes, 'produsen.xlsx'),
    oracle: await readXlsxBufferExceljs(Buffer.from(bytes), 'produsen.xlsx'),
  };
}

function sheetsOf(r: ReadResult): Sheet[] {
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  return r.workbook.sheets;
}

describe('the direct reader reads what other producers write', () => {
  it('x:-prefixed elements, as the .NET Open XML SDK writes them', async () => {
    const { direct, oracle } = await read(
      paketXlsx({ sheets: [{ name: 'Renja', xml: lembarXml(TABLE, { merges: ['A1:B1'] }) }], prefixed: true }),
    );
    const [sheet] = sheetsOf(direct);
    expect(sheet.values).toEqual([
      ['Kode', null, 'Pagu'],
      ['1.01', 'Program A', 300],
      ['1.01.1', 'Kegiatan A1', 100],
      ['1.01.2', 'Kegiatan A2', 200],
    ]);
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(oracle.ok && oracle.workbook.sheets[0].values.length).not.toBe(4);
  });

  it('a workbook outside xl/ and sheet parts with their own names, found through the relationships', async () => {
    const bytes = paketXlsx({
      sheets: [
        { name: 'Satu', xml: lembarXml(TABLE) },
        { name: 'Dua', xml: lembarXml([['x']]) },
      ],
      workbookPart: 'buku/utama.xml',
      sheetTarget: (i) => `data/lembar-${['satu', 'dua'][i]}.xml`,
    });
    const { direct, oracle } = await read(bytes);
    expect(sheetsOf(direct).map((s) => s.name)).toEqual(['Satu', 'Dua']);
    expect(sheetsOf(direct)[0].values[3]).toEqual(['1.01.2', 'Kegiatan A2', 200]);
    expect(oracle.ok).toBe(false);
  });

  it('cells and rows without `r` take the next position', async () => {
    const { direct, oracle } = await read(paketXlsx({ sheets: [{ name: 'Renja', xml: lembarXml(TABLE, { withoutRefs: true }) }] }));
    expect(sheetsOf(direct)[0].values).toEqual(TABLE);
    expect(oracle.ok && oracle.workbook.sheets[0].values).not.toEqual(TABLE);
  });

  it('UTF-16 parts', async () => {
    const { direct, oracle } = await read(paketXlsx({ sheets: [{ name: 'Rencana 2025', xml: lembarXml(TABLE) }], utf16: true }));
    expect(sheetsOf(direct)[0].name).toBe('Rencana 2025');
    expect(sheetsOf(direct)[0].values).toEqual(TABLE);
    expect(oracle.ok).toBe(false);
  });

  it('any sheet name the format allows: History, more than 31 characters, / and [ ]', async () => {
    const names = ['History', 'Rencana Kerja Perangkat Daerah Tahun 2025 (perubahan)', 'T-C.33 2025/2026', '[Draf] Renja'];
    const { direct, oracle } = await read(paketXlsx({ sheets: names.map((name) => ({ name, xml: lembarXml(TABLE) })) }));
    expect(sheetsOf(direct).map((s) => s.name)).toEqual(names);
    expect(oracle.ok && oracle.workbook.sheets.map((s) => s.name)).not.toEqual(names);
  });
});
