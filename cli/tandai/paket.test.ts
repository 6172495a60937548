import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import ExcelJS from 'exceljs';
import { unzipSync, Zip, ZipDeflate, zipSync } from 'fflate';
import { readXlsxBuffer } from '../baca/xlsx';
import { CellValue } from '../../core/lembar/model';
import { periksaWorkbook } from '../../core/periksa';
import { Finding } from '../../core/periksa/temuan';
import { buildRichWorkbook } from '../../test/fixtures/kaya';
import { renjaTC33 } from '../../test/fixtures/sintetis';
import { JsZipParts } from '../../test/helpers/paket-jszip';
import { lembarXml, paketXlsx } from '../../test/helpers/xlsx-mentah';
import { asZip64, withZip64Entry } from '../../test/helpers/zip64';
import { writeAnnotatedCopy } from './index';
import { markPackage, markXlsx } from './salin-xlsx';

const f = (sheet: string, cell: string, severity: Finding['severity'], message: string): Finding => ({
  sheet,
  cell,
  rule: 'jumlah-induk',
  severity,
  actual: null,
  expected: null,
  message,
  related: [],
});

/** One entry as a zip stores it: where its local header says its data is, and what that says. */
interface Stored {
  name: string;
  flags: number;
  method: number;
  crc: number;
  data: Uint8Array;
  size: number;
}

/**
 * The package walked by its local headers, front to back, as a streaming unzip reads it (no
 * central directory): every header must state the CRC and sizes of the data behind it.
 */
function walkLocalHeaders(zip: Uint8Array): Stored[] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: Stored[] = [];
  let p = 0;
  while (v.getUint32(p, true) === 0x04034b50) {
    const nameLength = v.getUint16(p + 26, true);
    const start = p + 30 + nameLength + v.getUint16(p + 28, true);
    const compressed = v.getUint32(p + 18, true);
    out.push({
      name: Buffer.from(zip.subarray(p + 30, p + 30 + nameLength)).toString('utf8'),
      flags: v.getUint16(p + 6, true),
      method: v.getUint16(p + 8, true),
      crc: v.getUint32(p + 14, true),
      size: v.getUint32(p + 22, true),
      data: zip.subarray(start, start + compressed),
    });
    p = start + compressed;
  }
  expect(v.getUint32(p, true)).toBe(0x02014b50); // the central directory follows the last part
  return out;
}

const inflate = (s: Stored) => (s.method === 0 ? s.data : zlib.inflateRawSync(s.data));

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandai-paket-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the marked copy zip', () => {
  test('unchanged parts keep their stored (compressed) bytes; every local header is complete and true', async () => {
    // Deflated at level 1, unlike any writer's level 6: a part deflated again would differ.
    const input = Buffer.from(zipSync(unzipSync(await buildRichWorkbook()), { level: 1 }));
    const r = await markXlsx(input, [f('Ringkasan', 'C4', 'error', 'Pagu berbeda.')], { macroOutput: false });
    const before = new Map(walkLocalHeaders(input).map((s) => [s.name, s]));
    const after = walkLocalHeaders(r.bytes);
    const changed = new Set(r.changedParts);
    expect(after.map((s) => s.name).filter((n) => before.has(n))).toEqual([...before.keys()]); // same order, none lost
    for (const s of after) {
      expect(s.flags & 8).toBe(0);
      const bytes = inflate(s);
      expect(`${s.name} ${bytes.length} ${zlib.crc32(bytes) >>> 0}`).toBe(`${s.name} ${s.size} ${s.crc >>> 0}`);
      if (!changed.has(s.name))
        expect(`${s.name} ${Buffer.from(s.data).equals(Buffer.from(before.get(s.name)!.data))}`).toBe(`${s.name} true`);
    }
    // The charts, pivots, images and shared strings are among the parts copied as stored.
    for (const kept of ['xl/charts/chart1.xml', 'xl/media/image1.png', 'xl/pivotCache/pivotCacheRecords1.xml', 'xl/sharedStrings.xml'])
      expect(changed.has(kept)).toBe(false);
  });

  test('a package from a streamed writer (data descriptors after each part) is copied with complete headers', async () => {
    // fflate's streaming Zip writes every entry as a streamed writer does: zero CRC and sizes
    // in the local header, the real ones in a data descriptor after the data.
    const parts = unzipSync(await buildRichWorkbook());
    const chunks: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      chunks.push(chunk);
    });
    for (const [name, bytes] of Object.entries(parts)) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      entry.push(bytes, true);
    }
    zip.end();
    const streamed = Buffer.concat(chunks);
    expect(new DataView(streamed.buffer, streamed.byteOffset).getUint16(6, true) & 8).toBe(8);
    const r = await markXlsx(streamed, [f('Ringkasan', 'C4', 'error', 'Pagu berbeda.')], { macroOutput: false });
    const copy = r.bytes;
    const stored = walkLocalHeaders(copy);
    for (const name of Object.keys(parts)) expect(stored.some((s) => s.name === name)).toBe(true);
    for (const s of stored) {
      expect(s.flags & 8).toBe(0);
      const bytes = inflate(s);
      expect(`${s.name} ${zlib.crc32(bytes) >>> 0} ${bytes.length}`).toBe(`${s.name} ${s.crc >>> 0} ${s.size}`);
      if (!r.changedParts.includes(s.name))
        expect(`${s.name} ${Buffer.from(bytes).equals(Buffer.from(parts[s.name]))}`).toBe(`${s.name} true`);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(copy as unknown as ExcelJS.Buffer);
    expect((wb.getWorksheet('Ringkasan')!.getCell('C4').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  });

  test('a zip64 package is refused with its own sentence, and nothing is written', async () => {
    const input = path.join(dir, 'zip64.xlsx');
    fs.writeFileSync(input, asZip64(await buildRichWorkbook()));
    const output = path.join(dir, 'zip64-bertanda.xlsx');
    const r = await writeAnnotatedCopy({ path: input }, [f('Ringkasan', 'C4', 'error', 'Pagu berbeda.')], output);
    expect(r).toEqual({
      ok: false,
      message: expect.stringMatching(/^Berkas \.xlsx ini disimpan dalam format zip64, .*simpan ulang di Excel sebagai \.xlsx/),
    });
    expect(fs.existsSync(output)).toBe(false);
  });

  test('a zip64 size in one directory entry (all ones, the real size in an extra field) is refused the same way', async () => {
    const zip = Buffer.from(withZip64Entry(await buildRichWorkbook()));
    await expect(markXlsx(zip, [f('Ringkasan', 'C4', 'error', 'Pagu berbeda.')], { macroOutput: false })).rejects.toThrow(
      /format zip64/,
    );
  });

  test('an .xlsm name for a workbook without macros is refused, naming .xlsx; the .xlsx name works', async () => {
    const input = path.join(dir, 'biasa.xlsx');
    fs.writeFileSync(input, await buildRichWorkbook());
    const xlsm = path.join(dir, 'biasa-bertanda.xlsm');
    const r = await writeAnnotatedCopy({ path: input }, [f('Ringkasan', 'C4', 'error', 'Pagu berbeda.')], xlsm);
    expect(r).toEqual({ ok: false, message: expect.stringContaining('tidak berisi makro; beri nama keluaran berakhiran .xlsx') });
    expect(fs.existsSync(xlsm)).toBe(false);
    expect(
      (
        await writeAnnotatedCopy(
          { path: input },
          [f('Ringkasan', 'C4', 'error', 'Pagu berbeda.')],
          path.join(dir, 'biasa-bertanda.xlsx'),
        )
      ).ok,
    ).toBe(true);
  });
});

describe('the new zip writer against the former jszip path (test/helpers/paket-jszip.ts)', () => {
  const renja = (rows: number, faults: number) => {
    const r = renjaTC33({ subKegiatan: Math.round(rows / 1.3), seed: 5 });
    const values = r.sheet.values.map((row) => row.slice());
    for (let i = 0; i < faults; i++) {
      const row = r.subRows[Math.floor((i + 1) * (r.subRows.length / (faults + 1)))];
      values[row][r.paguCols[0]] = (values[row][r.paguCols[0]] as number) + 1000;
    }
    return values;
  };
  const small: CellValue[][] = [
    ['No', 'Program', 'Pagu'],
    [1, 'A', 10],
    [2, 'B', '=C2*2'],
  ];
  const cases: {
    name: string;
    exceljs: boolean;
    bytes: () => Promise<Uint8Array>;
    findings: (bytes: Uint8Array) => Promise<Finding[]>;
  }[] = [
    {
      name: 'the rich workbook',
      exceljs: true,
      bytes: buildRichWorkbook,
      findings: async () => [
        f('Ringkasan', 'A4', 'warning', 'Nomor program ganda.'),
        f('Ringkasan', 'C11', 'info', 'Di sel gabungan.'),
        f('Ringkasan', 'G5', 'warning', 'Sel kosong.'),
        f('Ringkasan', 'H20', 'error', 'Baris baru.'),
        f('Rincian', 'E3', 'info', 'Rumus bersama.'),
        f('Kosong', 'B2', 'info', 'Lembar kosong.'),
      ],
    },
    {
      name: 'a Renja of 400 rows with its real findings',
      exceljs: true,
      bytes: async () => paketXlsx({ sheets: [{ name: 'T-C.33', xml: lembarXml(renja(400, 4), { merges: ['A1:A2'] }) }] }),
      findings: async (bytes) => {
        const read = await readXlsxBuffer(bytes, 'renja.xlsx');
        if (!read.ok) throw new Error(read.message);
        return periksaWorkbook(read.workbook).findings;
      },
    },
    {
      name: 'x:-prefixed parts outside xl/, cells without r',
      exceljs: false,
      bytes: async () =>
        paketXlsx({
          prefixed: true,
          workbookPart: 'buku/kerja.xml',
          sheetTarget: (i) => `lembar/isi${i}.xml`,
          sheets: [{ name: 'Data', xml: lembarXml(small, { withoutRefs: true }) }],
        }),
      findings: async () => [
        f('Data', 'C2', 'error', 'Pagu.'),
        f('Data', 'B3', 'warning', 'Nama.'),
        f('Data', 'E5', 'info', 'Di luar.'),
      ],
    },
  ];

  test.each(cases.map((c) => [c.name, c] as const))(
    '%s: same cells (project reader), values, fills and notes (exceljs)',
    async (_name, c) => {
      const bytes = Buffer.from(await c.bytes());
      const findings = await c.findings(bytes);
      expect(findings.length).toBeGreaterThan(0);
      const now = (await markXlsx(bytes, findings, { macroOutput: false })).bytes;
      const oldParts = await JsZipParts.load(bytes);
      await markPackage(oldParts, findings, { macroOutput: false });
      const before = await oldParts.generate();

      // Part for part the same bytes: only the zip around them differs.
      const partsNow = unzipSync(now);
      const partsBefore = unzipSync(before);
      // jszip also lists the folders (`xl/`) of the parts it adds; a zip needs no folder entries.
      const files = (o: Record<string, Uint8Array>) =>
        Object.keys(o)
          .filter((n) => !n.endsWith('/'))
          .sort();
      expect(files(partsNow)).toEqual(files(partsBefore));
      for (const name of files(partsBefore))
        expect(`${name} ${Buffer.from(partsNow[name]).equals(Buffer.from(partsBefore[name]))}`).toBe(`${name} true`);

      const a = await readXlsxBuffer(now, 'bertanda.xlsx');
      const b = await readXlsxBuffer(before, 'bertanda.xlsx');
      expect(a.ok && b.ok).toBe(true);
      if (a.ok && b.ok) expect(a.workbook).toEqual(b.workbook);

      const [x, y] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
      await x.xlsx.load(now as unknown as ExcelJS.Buffer);
      await y.xlsx.load(before as unknown as ExcelJS.Buffer);
      expect(x.worksheets.map((w) => w.name)).toEqual(y.worksheets.map((w) => w.name));
      let compared = 0;
      for (const ws of y.worksheets) {
        const other = x.getWorksheet(ws.name)!;
        ws.eachRow({ includeEmpty: true }, (row, r) =>
          row.eachCell({ includeEmpty: true }, (cell, col) => {
            const them = other.getCell(r, col);
            const look = (z: ExcelJS.Cell) => JSON.stringify([z.value, z.fill, z.note, z.numFmt, z.font, z.border]);
            expect(`${ws.name}!${cell.address} ${look(them)}`).toBe(`${ws.name}!${cell.address} ${look(cell)}`);
            compared++;
          }),
        );
      }
      // exceljs reads neither x: prefixes nor a workbook outside xl/; the parts compared above hold there.
      if (c.exceljs) expect(compared).toBeGreaterThan(10);
    },
  );
});
