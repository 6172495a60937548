import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { KOLOM_ASLI, rencanaKembali } from '../core/rumus-bawaan/asli';
import { jalankan } from '../test/helpers/jalankan-cli';

const bawaan = (...argv: string[]) => jalankan('bawaan', ...argv);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-bawaan-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A LKjIP capaian table as a planner with the add-in saves it: cached results in every formula cell. */
async function bukuContoh(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Capaian 2024');
  ws.addRow(['Indikator', 'Target', 'Realisasi', 'Capaian', 'Predikat', 'Jumlah']);
  ws.addRow(['IKM', 80, 79.72]);
  ws.addRow(['Angka PMKS', 12.84, 13.26]);
  ws.addRow(['Teks', '99,88 %', 99.88]);
  ws.addRow(['Kosong', null, null]);
  ws.getCell('D2').value = { formula: 'SAKIP.CAPAIAN(C2,B2)', result: 99.65 };
  ws.getCell('E2').value = { formula: 'sakip.predikat( D2 , "melampaui" )', result: 'Sangat Tinggi' };
  ws.getCell('D3').value = { formula: 'CAPAIAN(C3,B3,"turun",100)', result: 96.73 };
  ws.getCell('E3').value = { formula: 'PREDIKAT(CAPAIAN(C3,B3,"turun"),"berhasil",2)', result: 'Berhasil' };
  ws.getCell('D4').value = { formula: 'CAPAIAN(C4,B4)', result: 100 };
  ws.getCell('D5').value = { formula: 'CAPAIAN(C5,B5,A1)', result: '' };
  ws.getCell('F2').value = { formula: 'SUM(B2:B5)', result: 92.84 };
  ws.getCell('F3').value = { formula: 'SUM(D2,_xldudf_SAKIP_CAPAIAN(C2,B2))', result: 199.3 };
  ws.getCell('F4').value = { formula: 'CAPAIAN(C2:C3,B2:B3)', result: 99.65 };
  const other = wb.addWorksheet('Anggaran');
  other.addRow(['Pagu', 'Realisasi', 'Serapan']);
  for (let i = 0; i < 3; i++) other.addRow([5215862284 + i, 5064388054 + i]);
  other.getCell('C2').value = {
    formula: 'SERAPAN(B2,A2)',
    shareType: 'shared',
    ref: 'C2:C4',
    result: 97.1,
  } as ExcelJS.CellFormulaValue;
  other.getCell('C3').value = { sharedFormula: 'C2', result: 97.1 } as ExcelJS.CellSharedFormulaValue;
  other.getCell('C4').value = { sharedFormula: 'C2', result: 97.1 } as ExcelJS.CellSharedFormulaValue;
  await wb.xlsx.writeFile(file);
}

async function sheetXml(file: string, n: number): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return zip.file(`xl/worksheets/sheet${n}.xml`)!.async('string');
}

describe('lembar-kinerja bawaan', () => {
  it('rewrites our formulas, keeps the others byte for byte, lists the originals on a hidden sheet', async () => {
    const input = path.join(dir, 'capaian.xlsx');
    const output = path.join(dir, 'capaian-bawaan.xlsx');
    await bukuContoh(input);
    const before = crypto.createHash('sha256').update(fs.readFileSync(input)).digest('hex');
    const r = await bawaan(input, '--keluar', output);
    expect(crypto.createHash('sha256').update(fs.readFileSync(input)).digest('hex')).toBe(before);
    expect(r.code).toBe(1); // some cells were kept as they were
    expect(r.out).toMatch(/^8 sel diubah menjadi rumus bawaan/);
    expect(r.out).toContain('3 sel dibiarkan seperti semula');
    expect(r.out).toContain('Capaian 2024!D4: Sel B4 berisi angka sebagai teks');
    expect(r.out).toContain('Capaian 2024!D5: Arah diambil dari sel');
    expect(r.out).toContain('Capaian 2024!F4: Argumen ke-1 CAPAIAN berupa rentang');

    const xml = await sheetXml(output, 1);
    const orig = await sheetXml(input, 1);
    const f = (x: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*>(.*?)</c>`).exec(x)?.[1] ?? '';
    expect(f(xml, 'D2')).toMatch(/^<f>IF\(AND\(ISNUMBER\(C2\),ISNUMBER\(B2\)\),ROUND\(C2\/B2\*100,10\)/);
    expect(f(xml, 'D2')).not.toContain('<v>');
    expect(f(xml, 'F3')).toMatch(/^<f>SUM\(D2,IF\(/);
    for (const kept of ['D4', 'D5', 'F2', 'F4']) expect(f(xml, kept)).toBe(f(orig, kept));
    for (const done of ['D2', 'E2', 'D3', 'E3', 'F3']) expect(f(xml, done)).not.toMatch(/CAPAIAN|PREDIKAT|SAKIP|_xldudf_/i);

    // Shared formula: the master's text changes, the members follow it and lose their cached values.
    const ang = await sheetXml(output, 2);
    expect(f(ang, 'C2')).toMatch(/^<f t="shared" ref="C2:C4" si="0">IF\(AND\(ISNUMBER\(B2\),ISNUMBER\(A2\)\)/);
    expect(f(ang, 'C3')).toBe('<f t="shared" si="0"/>');

    const zip = await JSZip.loadAsync(fs.readFileSync(output));
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toMatch(/<sheet name="Rumus Asli" sheetId="3" [^>]*state="hidden"/);
    expect(workbook).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);

    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(output);
    const asli = read.getWorksheet('Rumus Asli')!;
    const rows = asli
      .getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    expect(rows[0]).toEqual([...KOLOM_ASLI]);
    const baris = (sheet: string, cell: string) => rows.find((r) => r[0] === sheet && r[1] === cell)!;
    expect(baris('Capaian 2024', 'D2').slice(0, 3)).toEqual(['Capaian 2024', 'D2', '=SAKIP.CAPAIAN(C2,B2)']);
    expect(baris('Capaian 2024', 'E3').slice(0, 3)).toEqual(['Capaian 2024', 'E3', '=PREDIKAT(CAPAIAN(C3,B3,"turun"),"berhasil",2)']);
    expect(baris('Anggaran', 'C2')).toEqual([
      'Anggaran',
      'C2',
      '=SERAPAN(B2,A2)',
      `=${read.getWorksheet('Anggaran')!.getCell('C2').formula}`,
      'rumus bersama untuk C2:C4',
    ]);

    // The copy is restorable by the panes: they read these rows with the core's rencanaKembali,
    // and every listed cell still holds the native formula written there.
    const formulaAt = (sheet: string, cell: string) => {
      const f = read.getWorksheet(sheet)?.getCell(cell).formula;
      return f ? `=${f}` : null;
    };
    const { restore, kept } = rencanaKembali(rows as unknown[][], formulaAt);
    expect(kept).toEqual([]);
    expect(restore).toContainEqual({ sheet: 'Capaian 2024', cell: 'D2', formula: '=SAKIP.CAPAIAN(C2,B2)' });
    expect(restore).toContainEqual({ sheet: 'Anggaran', cell: 'C2', formula: '=SERAPAN(B2,A2)' });
    expect(restore).toHaveLength(rows.length - 1);
  });

  it('converts a one-cell array formula (how Excel 365 saves spilling functions) and reports a multi-cell one', async () => {
    const input = path.join(dir, 'larik.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Larik');
    ws.addRow([79.72, 80]);
    ws.addRow([13.26, 12.84]);
    ws.getCell('C1').value = { formula: 'CAPAIAN(A1,B1)', shareType: 'array', ref: 'C1', result: 99.65 } as ExcelJS.CellFormulaValue;
    // exceljs writes t="array" with the shareType argument its type declarations leave out.
    (ws as unknown as { fillFormula: (...a: unknown[]) => void }).fillFormula(
      'D1:D2',
      'SAKIP.CAPAIAN(A1:A2,B1:B2)',
      [99.65, 103.27],
      'array',
    );
    ws.getCell('E1').value = { formula: 'SUM(A1:B2)', shareType: 'array', ref: 'E1:E2', result: 1 } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(input);
    const output = path.join(dir, 'larik-bawaan.xlsx');
    const r = await bawaan(input, '--keluar', output);
    expect(r.out).toMatch(/^1 sel diubah/);
    expect(r.out).toContain('Larik!D1: Rumus larik untuk beberapa sel (D1:D2) dibiarkan');
    expect(r.out).not.toContain('Larik!E1'); // not ours: nothing to say
    const xml = await sheetXml(output, 1);
    expect(xml).toMatch(/<c r="C1"[^>]*><f t="array" ref="C1">IF\(AND\(ISNUMBER\(A1\)/);
    expect(xml).toMatch(/<c r="D1"[^>]*><f t="array" ref="D1:D2">SAKIP\.CAPAIAN\(A1:A2,B1:B2\)<\/f>/);
  });

  it('writes nothing when there is nothing to convert, and refuses bad usage in Indonesian', async () => {
    const input = path.join(dir, 'polos.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').addRow([1, 2, { formula: 'A1+B1', result: 3 }]);
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, 'polos-bawaan.xlsx');
    const r = await bawaan(input, '--keluar', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/tidak ada rumus CAPAIAN/);
    expect(fs.existsSync(out)).toBe(false);

    expect((await bawaan(input)).err).toMatch(/--keluar wajib/);
    expect((await bawaan(input, '--keluar', input)).err).toMatch(/tidak boleh sama/);
    expect((await bawaan(input, '--keluar', path.join(dir, 'x.csv'))).err).toMatch(/harus berakhiran .xlsx/);
    const rusak = path.join(dir, 'rusak.xlsx');
    fs.writeFileSync(rusak, 'bukan zip');
    const bad = await bawaan(rusak, '--keluar', path.join(dir, 'y.xlsx'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/bukan .xlsx yang sah/);
    expect(bad.err).not.toMatch(/\n\s+at /);
  });
});
