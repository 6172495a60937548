import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readXlsxBuffer } from '../../cli/baca/xlsx';
import { writeAnnotatedCopy } from '../../cli/tandai';
import { periksaWorkbook } from '../../core/periksa';
import { buildRichWorkbook } from '../fixtures/kaya';
import { renjaTC33 } from '../fixtures/sintetis';
import { lembarXml, paketXlsx } from '../helpers/xlsx-mentah';

/**
 * A marked copy written by the new zip writer (parts copied as stored, marked rows spliced in)
 * opened by a real spreadsheet program: LibreOffice headless converts the input and the copy
 * to CSV, and the two must be the same table (the marks change formats and notes, never a
 * value). Runs where `soffice` is installed, as test/libreoffice/bawaan.test.ts does.
 */
const SOFFICE = ['soffice', 'libreoffice'].find((b) => spawnSync('sh', ['-c', `command -v ${b}`]).status === 0);
const jalankan = SOFFICE ? describe : describe.skip;

jalankan('--tandai copies opened by LibreOffice', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-lo-tandai-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('converts each copy to the same CSV as its input (a Renja with its real findings, the rich workbook)', async () => {
    const r = renjaTC33({ subKegiatan: 300, seed: 11 });
    const values = r.sheet.values.map((row) => row.slice());
    for (const row of [r.subRows[3], r.subRows[40], r.subRows[200]])
      values[row][r.paguCols[0]] = (values[row][r.paguCols[0]] as number) + 1000;
    const renja = paketXlsx({ sheets: [{ name: 'T-C.33', xml: lembarXml(values) }] });
    const read = await readXlsxBuffer(renja, 'renja.xlsx');
    if (!read.ok) throw new Error(read.message);
    const findings = periksaWorkbook(read.workbook).findings;
    expect(findings.length).toBeGreaterThan(2);

    const files: string[] = [];
    for (const [name, bytes, list] of [
      ['renja', renja, findings],
      ['kaya', await buildRichWorkbook(), [{ ...findings[0], sheet: 'Ringkasan', cell: 'C4' }]],
    ] as const) {
      const input = path.join(dir, `${name}.xlsx`);
      fs.writeFileSync(input, bytes);
      const output = path.join(dir, `${name}-bertanda.xlsx`);
      expect(await writeAnnotatedCopy({ path: input }, [...list], output)).toMatchObject({ ok: true });
      files.push(input, output);
    }
    const out = path.join(dir, 'csv');
    const profile = `file://${path.join(dir, 'profil')}`;
    execFileSync(SOFFICE!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv', '--outdir', out, ...files], {
      stdio: 'pipe',
      timeout: 120_000,
    });
    for (const name of ['renja', 'kaya']) {
      const before = fs.readFileSync(path.join(out, `${name}.csv`), 'utf8');
      const after = fs.readFileSync(path.join(out, `${name}-bertanda.csv`), 'utf8');
      expect(before.split('\n').length).toBeGreaterThan(name === 'renja' ? 300 : 5);
      expect(after).toBe(before);
    }
  }, 180_000);
});
