import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { Dec } from '../../core/angka/desimal';
import { formatNumber } from '../../core/angka/format';
import { sheetsCustomFunction } from '../../core/fungsi/dokumentasi';
import { FUNGSI } from '../../core/fungsi/registry';
import { Sheet } from '../../core/lembar/model';
import { periksaWorkbook } from '../../core/periksa';
import { SEVERITY_FILL } from '../../core/tanda';
import { pohonKinerja, templatPohon } from '../../core/pohon';
import { rewriteFormula } from '../../core/rumus-bawaan';
import { KOLOM_ASLI, LEMBAR_ASLI } from '../../core/rumus-bawaan/asli';
import { loadGolden } from '../fixtures/muat';

import { LEFT, lembarAnggaran, TOP } from './lembar-anggaran';
import { AppsScriptPalsu, FORMAT_OTOMATIS, isi, potret, Sel, SheetPalsu, TANPA_ISI } from './palsu';
import { bundelUntukBerkas } from '../helpers/untuk-berkas';

/**
 * The BUILT Apps Script bundle (dist/appsscript/Code.js) evaluated in node:vm with fakes of
 * SpreadsheetApp, HtmlService and PropertiesService, as Sheets would run it.
 */

let code = '';
const out = bundelUntukBerkas('lk-appsscript-', (c) => (code = c));

type Fn = (...args: unknown[]) => unknown;

describe('the bundle as Apps Script loads it', () => {
  test('is a plain script (no module syntax) within the size goal, with the manifest and one sidebar file', () => {
    expect(() => new vm.Script(code)).not.toThrow();
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(fs.readdirSync(out).sort()).toEqual(['Code.js', 'appsscript.json', 'sidebar.html']);
    expect(Buffer.byteLength(code) / 1024).toBeLessThanOrEqual(300);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', timeZone: 'Asia/Jakarta' });
    expect(manifest.oauthScopes.sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
    const html = fs.readFileSync(path.join(out, 'sidebar.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toContain('lkPeriksa');
  });

  test('every custom function is a top-level declaration with the registry JSDoc, Indonesian help intact', () => {
    for (const f of FUNGSI) {
      const block = sheetsCustomFunction(f, (g, params) => `return LembarKinerja_.${g.name}(${params.join(', ')});`);
      expect(code).toContain(block);
    }
    expect(code).toContain('@customfunction');
    expect(code).toContain('Menghitung capaian kinerja (%)');
  });

  test('menu, trigger and google.script.run entry points are top-level function declarations', () => {
    const names = [
      'onOpen',
      'onInstall',
      'lkMenuPeriksa',
      'lkMenuHapusTanda',
      'lkMenuPohon',
      'lkMenuBantuan',
      'lkPeriksa',
      'lkHapusTanda',
      'lkPilihSel',
      'lkBacaPengaturan',
      'lkSimpanPengaturan',
      'lkPohonKinerja',
      'lkTemplatPohon',
      'lkJadikanRumusBawaan',
      'lkKembalikanRumusAsli',
    ];
    for (const n of names) expect(code).toMatch(new RegExp(`(^|[;}\\n])function ${n}\\(`));
    const g = new AppsScriptPalsu(out).muat(code);
    for (const n of names) expect(typeof g[n]).toBe('function');
  });
});

describe('custom functions over the golden values, as Sheets passes them', () => {
  const g = () => new AppsScriptPalsu(out).muat(code);
  const golden = loadGolden();
  /** What a number cell holds after typing "5.215.862.284" or "97,10" in an id-ID sheet. */
  const angka = (s: string) => (/^-?[\d.]+(,\d+)?$/.test(s) ? Number(s.replace(/\./g, '').replace(',', '.')) : s);
  const dua = (v: unknown) => formatNumber(new Dec(v as number), { decimals: 2 });

  test.each(golden.map((r) => [`${r.fn}(${r.args.join('; ')})`, r] as const))('%s', (_, r) => {
    const ctx = g();
    const fn = ctx[r.fn] as Fn;
    // Text cells (what a pasted document often holds), number cells, and 2-D ranges.
    expect(dua(fn(...r.args))).toBe(r.expected);
    expect(dua(fn(...r.args.map(angka)))).toBe(r.expected);
    const ranged = fn(...r.args.map((a, i) => (i < 2 ? [[angka(a)], [a], ['']] : a))) as unknown[][];
    expect(ranged.map((row) => row.length)).toEqual([1, 1, 1]);
    expect(dua(ranged[0][0])).toBe(r.expected);
    expect(dua(ranged[1][0])).toBe(r.expected);
    expect(ranged[2][0]).toBe('');
  });

  test('bad input throws an Error with the Indonesian message; blanks give ""', () => {
    const ctx = g();
    const CAPAIAN = ctx.CAPAIAN as Fn;
    expect(() => CAPAIAN('abc', 80)).toThrow("Realisasi bukan angka: 'abc'.");
    expect(() => CAPAIAN(5, 0)).toThrow('Target nol: capaian tidak dapat dihitung.');
    expect(() => CAPAIAN(79.72, 80, 'miring')).toThrow(/arah/i);
    expect(CAPAIAN('', '')).toBe('');
    expect(CAPAIAN(79.72, '')).toBe('');
    // One zero target in a column does not blank the whole column: that cell says why.
    const col = CAPAIAN([[79.72], [5], ['']], [[80], [0], ['']]) as unknown[][];
    expect(col[0][0]).toBeCloseTo(99.65, 10);
    expect(col[1][0]).toBe('#DIV/0! Target nol: capaian tidak dapat dihitung.');
    expect(col[2][0]).toBe('');
    // Every cell failing for the same reason (a bad arah) is an error of the call.
    expect(() => CAPAIAN([[1], [2]], [[1], [2]], 'miring')).toThrow(/arah/i);
    expect((ctx.PREDIKAT as Fn)(90.995, 'permendagri86', 2)).toEqual(expect.any(String));
    expect((ctx.NILAI_EFISIENSI as Fn)('')).toBe('');
    expect(() => (ctx.SERAPAN as Fn)(true, 10)).toThrow(/Realisasi bukan angka/);
  });
});

describe('onOpen', () => {
  test('always adds the add-on menu under Extensions, whose items name functions of the script', () => {
    const gas = new AppsScriptPalsu(out);
    const ctx = gas.muat(code);
    // A published add-on must use createAddonMenu in every AuthMode, LIMITED and FULL too.
    for (const authMode of ['NONE', 'LIMITED', 'FULL']) (ctx.onOpen as Fn)({ authMode });
    (ctx.onInstall as Fn)({ authMode: 'FULL' });
    expect(gas.menus.map((m) => m.name)).toEqual(Array(4).fill('(Ekstensi) Lembar Kinerja'));
    const menu = gas.menus[0];
    const items = menu.items.filter((i): i is { label: string; fn: string } => i !== 'separator');
    expect(items.map((i) => i.label)).toEqual(['Periksa Tabel', 'Hapus Tanda', 'Pohon Kinerja', 'Bantuan']);
    for (const i of items) expect(typeof ctx[i.fn]).toBe('function');
    for (const m of gas.menus) expect(m.items).toEqual(menu.items);
    // onOpen runs before an add-on is authorised: it must touch nothing but the menu.
    expect(gas.log.trips).toBe(0);

    (ctx.lkMenuPeriksa as Fn)();
    expect(gas.sidebars).toHaveLength(1);
    expect(gas.sidebars[0].title).toBe('Lembar Kinerja');
    expect(gas.sidebars[0].getContent()).toContain('id=lembar-kinerja');
    (ctx.lkMenuBantuan as Fn)();
    expect(gas.dialogs[0].html.getContent()).toContain('Hapus Tanda');
  });

  test('the sidebar is safe as HtmlService serves it: no meta tag of the file is relied on', () => {
    const gas = new AppsScriptPalsu(out);
    (gas.muat(code).lkMenuPeriksa as Fn)();
    // HtmlService drops a <meta http-equiv> of the file, so the page must not carry a policy it
    // does not get (README says so); the pane builds its DOM with textContent only (injeksi-panel).
    expect(gas.sidebars[0].getContent()).not.toMatch(/http-equiv/i);
    expect(gas.sidebars[0].disajikan()).not.toMatch(/<meta http-equiv/i);
  });
});

function modelDari(sheet: SheetPalsu, top: number, left: number, rows: number, cols: number): Sheet {
  const pick = <T>(f: (s: Sel) => T) =>
    Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(sheet.sel(top + i, left + j))));
  return {
    name: sheet.name,
    typed: true,
    origin: { row: top - 1, col: left - 1 },
    values: pick((s) => (s.value === '' ? null : s.value)),
    formulas: pick((s) => (s.formula === '' ? null : s.formula)),
    numberFormats: pick((s) => (s.format === FORMAT_OTOMATIS ? null : s.format)),
    bold: pick((s) => s.weight === 'bold'),
    merges: [],
  };
}

describe('Periksa Tabel and Hapus Tanda', () => {
  test('the selection is read in one batch, checked by the core, its findings marked; Hapus Tanda restores exactly', () => {
    const gas = new AppsScriptPalsu(out);
    const sheet = lembarAnggaran(gas);
    const range = sheet.getRange(TOP, LEFT, 20, 6);
    gas.ss.active = { sheet, range };
    const before = potret(sheet);
    const valuesBefore = JSON.stringify(sheet.cells.map((r) => r.map((s) => [s.value, s.formula, s.format, s.weight])));
    const ctx = gas.muat(code);
    gas.log.reset();

    const view = (ctx.lkPeriksa as Fn)('pilihan', { skala: null }) as {
      findings: { cell: string; rule: string; severity: string; message: string }[];
      tables: { range: string }[];
      marked: number;
      cakupan: string;
    };

    // The same findings the core gives for the same cells (the adapter loses nothing).
    const expected = periksaWorkbook({ name: 'x', sheets: [modelDari(sheet, TOP, LEFT, 20, 6)] });
    expect(JSON.parse(JSON.stringify(view.findings))).toEqual(JSON.parse(JSON.stringify(expected.findings)));
    expect(view.tables.map((t) => t.range)).toEqual(['B3:G22']);
    const parent = view.findings.find((f) => f.rule === 'jumlah-induk');
    expect(parent?.cell).toBe('E4');
    expect(parent?.message).toContain('5.215.000.000 (selisih 862.284)');
    expect(view.findings.some((f) => f.cell === 'G6')).toBe(true);

    // Marked: our fill and note on each finding's cell, nothing else changed.
    const cells = new Set(view.findings.map((f) => f.cell));
    expect(view.marked).toBe(cells.size);
    const e4 = sheet.sel(4, 5);
    expect(e4.background).toBe(`#${SEVERITY_FILL.error.toLowerCase()}`);
    // The planner's own note stays first; ours follows it (core/tanda/catatan.ts).
    expect(e4.note).toMatch(/^Sumber: DPA 2024\n\nLembar Kinerja:\nGalat \(jumlah-induk\): /);
    const after = potret(sheet);
    before.forEach((r, i) =>
      r.forEach((c, j) => {
        const addr = `${String.fromCharCode(65 + j)}${i + 1}`;
        if (!cells.has(addr)) expect(after[i][j]).toEqual(c);
      }),
    );
    expect(JSON.stringify(sheet.cells.map((r) => r.map((s) => [s.value, s.formula, s.format, s.weight])))).toBe(valuesBefore);
    // One call per kind of data, whatever the number of rows: the selection, five reads of it,
    // the backup, the marked box's fills and notes, one batch of writes, the backup written.
    // The backup goes on a hidden, warning-protected sheet, written before the marks in the
    // same batch; the planner's sheet and selection stay active.
    expect(
      gas.log.calls.filter(
        (c) => !/getName|getActiveSheet|getSheetByName|getSheets|getRange\b|getRangeList|getActiveSpreadsheet|getMax/.test(c),
      ),
    ).toEqual([
      'Spreadsheet.getActiveRange',
      'Range.getValues',
      'Range.getFormulas',
      'Range.getNumberFormats',
      'Range.getFontWeights',
      'Range.getMergedRanges',
      'Range.getBackgrounds',
      'Range.getNotes',
      'Spreadsheet.insertSheet',
      'Sheet.protect',
      'Protection.setWarningOnly',
      'Sheet.hideSheet',
      'Spreadsheet.setActiveSheet',
      'Range.setValues',
      'Range.setNotes',
      'RangeList.setBackground',
    ]);
    expect(gas.log.trips).toBe(9);
    const cadangan = gas.ss.getSheetByName('Cadangan Tanda Lembar Kinerja')!;
    expect(cadangan.isSheetHidden()).toBe(true);
    expect(cadangan.lindungan).toEqual([{ warningOnly: true }]);
    expect(gas.ss.active).toEqual({ sheet, range });

    // A second Periksa before Hapus Tanda must keep the true originals.
    (ctx.lkPeriksa as Fn)('pilihan', { skala: null });
    const restored = (ctx.lkHapusTanda as Fn)() as { restored: number };
    expect(restored.restored).toBe(cells.size);
    expect(potret(sheet)).toEqual(before);
    expect(sheet.sel(4, 5)).toMatchObject({ background: '#fff2cc', note: 'Sumber: DPA 2024' });
    expect(gas.ss.getSheetByName('Cadangan Tanda Lembar Kinerja')).toBeNull();
    // Nothing left to restore.
    expect(((ctx.lkHapusTanda as Fn)() as { restored: number }).restored).toBe(0);
  });

  test('"Seluruh buku kerja" checks and marks every sheet; the round trips grow with the sheets only', () => {
    const gas = new AppsScriptPalsu(out);
    const a = lembarAnggaran(gas);
    const b = lembarAnggaran(gas);
    b.name = 'Realisasi (2)';
    gas.ss.addSheet('Kosong');
    gas.ss.active = { sheet: a, range: null };
    const ctx = gas.muat(code);
    gas.log.reset();
    const view = (ctx.lkPeriksa as Fn)('buku', { skala: null }) as { findings: { sheet: string; cell: string }[]; marked: number };
    expect(new Set(view.findings.map((f) => f.sheet))).toEqual(new Set(['Realisasi', 'Realisasi (2)']));
    expect(a.sel(4, 5).note).toMatch(/^Sumber: DPA 2024\n\nLembar Kinerja:/);
    expect(b.sel(4, 5).note).toMatch(/^Sumber: DPA 2024\n\nLembar Kinerja:/);
    // Per sheet: its data range and five reads; per marked sheet: its box's fills and notes;
    // the backup and every mark in one batch of writes.
    expect(gas.log.trips).toBe(3 * 6 + 2 * 2 + 1);
    // Our hidden backup sheet is never checked as a table of the planner.
    gas.log.reset();
    const again = (ctx.lkPeriksa as Fn)('buku', { skala: null }) as { findings: { sheet: string }[] };
    expect(new Set(again.findings.map((f) => f.sheet))).toEqual(new Set(['Realisasi', 'Realisasi (2)']));
    // A second Periksa reads the backup too (one call).
    expect(gas.log.trips).toBe(3 * 6 + 2 * 2 + 1 + 1);
  });

  test('with one cell active, "Sel yang dipilih" checks the table around it and says which range', () => {
    const gas = new AppsScriptPalsu(out);
    const sheet = lembarAnggaran(gas);
    const ctx = gas.muat(code);
    // Sheets always has a current cell; here it is E10, inside the table.
    gas.ss.active = { sheet, range: sheet.getRange('E10') };
    gas.log.reset();
    const view = (ctx.lkPeriksa as Fn)('pilihan', { skala: null }) as {
      tables: { range: string }[];
      findings: { cell: string }[];
      wilayah: string;
    };
    expect(view.tables.map((t) => t.range)).toEqual(['B3:G23']);
    expect(view.findings.map((f) => f.cell)).toContain('E4');
    // The title merged over B1:G1 is one blank row away: not part of the table.
    expect(view.wilayah).toBe('sekitar sel E10 (Realisasi!B3:G23)');
    // The selection, the sheet's data range, its five reads, the fills and notes, one write.
    expect(gas.log.trips).toBe(10);
    (ctx.lkHapusTanda as Fn)();

    // A cell with nothing around it: the whole sheet, and the planner is told so.
    gas.ss.active = { sheet, range: sheet.getRange('K40') };
    const jauh = (ctx.lkPeriksa as Fn)('pilihan', { skala: null }) as { tables: { range: string }[]; wilayah: string };
    expect(jauh.tables.map((t) => t.range)).toEqual(['B3:G23']);
    expect(jauh.wilayah).toBe('seluruh lembar "Realisasi" (sel K40 tidak berada di dalam tabel)');
  });

  test('the number of round trips does not grow with the rows', () => {
    const trips = (repeat: number) => {
      const gas = new AppsScriptPalsu(out);
      lembarAnggaran(gas, repeat);
      const ctx = gas.muat(code);
      gas.log.reset();
      (ctx.lkPeriksa as Fn)('lembar', { skala: null });
      return { trips: gas.log.trips, calls: gas.log.calls.length };
    };
    const small = trips(1);
    const big = trips(50);
    expect(big.trips).toBe(small.trips);
    expect(big.calls).toBeLessThanOrEqual(small.calls + 3);
  });

  test("a cell the user changed after marking keeps the user's change", () => {
    const gas = new AppsScriptPalsu(out);
    const sheet = lembarAnggaran(gas);
    gas.ss.active = { sheet, range: null };
    const ctx = gas.muat(code);
    (ctx.lkPeriksa as Fn)('lembar', { skala: null });
    Object.assign(sheet.sel(4, 5), { background: '#00ff00', note: 'Sudah dicek Bappeda' });
    (ctx.lkHapusTanda as Fn)();
    expect(sheet.sel(4, 5)).toMatchObject({ background: '#00ff00', note: 'Sudah dicek Bappeda' });
    expect(sheet.sel(6, 7).background).toBe(TANPA_ISI);
  });

  test('a line the planner typed under our note stays after a second Periksa and after Hapus Tanda', () => {
    const gas = new AppsScriptPalsu(out);
    const sheet = lembarAnggaran(gas);
    gas.ss.active = { sheet, range: null };
    const ctx = gas.muat(code);
    const own = sheet.sel(4, 5).note;
    expect(own).toBe('Sumber: DPA 2024');
    (ctx.lkPeriksa as Fn)('lembar', { skala: null });
    const ours = sheet.sel(4, 5).note.slice(`${own}\n\n`.length);
    expect(ours).toMatch(/^Lembar Kinerja:/);
    sheet.sel(4, 5).note += '\n\nMenunggu data Bidang.';
    (ctx.lkPeriksa as Fn)('lembar', { skala: null });
    expect(sheet.sel(4, 5).note).toBe(`${own}\n\nMenunggu data Bidang.\n\n${ours}`);
    (ctx.lkHapusTanda as Fn)();
    expect(sheet.sel(4, 5).note).toBe(`${own}\n\nMenunggu data Bidang.`);
  });

  test('settings live in the document properties, validated on the way in and out', () => {
    const gas = new AppsScriptPalsu(out);
    const ctx = gas.muat(code);
    expect((ctx.lkBacaPengaturan as Fn)()).toEqual({ skala: null });
    (ctx.lkSimpanPengaturan as Fn)({ skala: 'permendagri86' });
    expect((gas.muat(code).lkBacaPengaturan as Fn)()).toEqual({ skala: 'permendagri86' });
    (ctx.lkSimpanPengaturan as Fn)({ skala: 'tidak-ada' });
    expect((ctx.lkBacaPengaturan as Fn)()).toEqual({ skala: null });
    gas.props.store.set('lembarKinerja.pengaturan', '{rusak');
    expect((ctx.lkBacaPengaturan as Fn)()).toEqual({ skala: null });
  });

  test('a damaged backup is reported in Indonesian and not overwritten', () => {
    const gas = new AppsScriptPalsu(out);
    const sheet = lembarAnggaran(gas);
    gas.ss.active = { sheet, range: null };
    const rusak = gas.ss.addSheet('Cadangan Tanda Lembar Kinerja');
    isi(rusak, 1, 1, [[{ value: '{"versi":2,"sel":[{"sheet":1}]}' }]]);
    const ctx = gas.muat(code);
    const before = potret(sheet);
    expect(() => (ctx.lkHapusTanda as Fn)()).toThrow('Catatan tanda sebelumnya tidak dikenali');
    expect(() => (ctx.lkPeriksa as Fn)('lembar', { skala: null })).toThrow(/tidak dikenali.*tidak menandai sel/);
    expect(rusak.sel(1, 1).value).toBe('{"versi":2,"sel":[{"sheet":1}]}');
    expect(potret(sheet)).toEqual(before);
    expect(() => (ctx.lkPeriksa as Fn)('semua', { skala: null })).toThrow('Cakupan pemeriksaan tidak dikenal.');
    expect(() => (ctx.lkPilihSel as Fn)('Tidak Ada', 'A1')).toThrow('Lembar "Tidak Ada" tidak ditemukan.');
    (ctx.lkPilihSel as Fn)('Realisasi', 'E4');
    expect(gas.ss.active?.range?.getA1Notation()).toBe('E4');
  });

  test('thousands of marked cells are backed up whole (more than the 500 kB property store holds) and restored', () => {
    const gas = new AppsScriptPalsu(out);
    const sheet = lembarAnggaran(gas, 130);
    // Every % cell wrong: over 2,000 marked cells, more than 500 kB of backup.
    for (let r = TOP + 1; r < TOP + 1 + 19 * 130; r++) sheet.sel(r, LEFT + 5).value = 1;
    const before = potret(sheet);
    gas.ss.active = { sheet, range: null };
    const ctx = gas.muat(code);
    const view = (ctx.lkPeriksa as Fn)('lembar', { skala: null }) as { marked: number };
    expect(view.marked).toBeGreaterThan(2000);
    const cadangan = gas.ss.getSheetByName('Cadangan Tanda Lembar Kinerja')!;
    const text = cadangan.cells.map((r) => String(r[0]?.value ?? '')).join('');
    expect(Buffer.byteLength(text)).toBeGreaterThan(500 * 1024);
    expect(gas.props.ukuran()).toBe(0);
    (ctx.lkHapusTanda as Fn)();
    expect(potret(sheet)).toEqual(before);
  });

  test('a backup left in the document properties by an older version is still restored', () => {
    const gas = new AppsScriptPalsu(out);
    const sheet = lembarAnggaran(gas);
    const ours = 'Lembar Kinerja:\nGalat (jumlah-induk): lama.';
    Object.assign(sheet.sel(4, 5), { background: '#ffc7ce', note: `Sumber: DPA 2024\n\n${ours}` });
    const lama = { versi: 1, sel: [{ sheet: 'Realisasi', cell: 'E4', fill: '#fff2cc', note: 'Sumber: DPA 2024', kami: ours }] };
    gas.props.store.set('lembarKinerja.cadangan.0', JSON.stringify(lama));
    gas.props.store.set('lembarKinerja.cadangan.n', '1');
    gas.props.store.set('lembarKinerja.pengaturan', '{"skala":null}');
    const ctx = gas.muat(code);
    expect(((ctx.lkHapusTanda as Fn)() as { restored: number }).restored).toBe(1);
    expect(sheet.sel(4, 5)).toMatchObject({ background: '#fff2cc', note: 'Sumber: DPA 2024' });
    expect([...gas.props.store.keys()]).toEqual(['lembarKinerja.pengaturan']);
  });
});

describe('Jadikan rumus bawaan and Kembalikan rumus asli', () => {
  interface View {
    cakupan: string;
    converted: { sheet: string; cell: string; formula: string; native: string; note: string | null }[];
    skipped: { sheet: string; cell: string; formula: string; reason: string }[];
    applied: boolean;
  }
  /**
   * A capaian table as Sheets gives it (getFormulas answers en-US, `,`): per row kegiatan, a
   * value column, realisasi, target, =CAPAIAN, an unrelated =SUM. Row 3's realisasi is the text
   * "99,88" (pasted); row 4 calls CAPAIAN over a range, which has no native per-cell form.
   */
  function tabel(gas: AppsScriptPalsu, rows: number): SheetPalsu {
    const sheet = gas.ss.addSheet('Capaian');
    isi(sheet, 1, 1, [
      [
        { value: 'Kegiatan' },
        { value: 'Pagu' },
        { value: 'Realisasi' },
        { value: 'Target' },
        { value: 'Capaian (%)' },
        { value: 'Jumlah' },
      ],
    ]);
    for (let r = 2; r <= rows + 1; r++) {
      isi(sheet, r, 1, [
        [
          { value: `Kegiatan ${r - 1}` },
          { value: 1_000_000 * r },
          { value: 70 + (r % 20) },
          { value: 80 },
          { formula: `=CAPAIAN(C${r},D${r})`, value: 99 },
          { formula: `=SUM(C${r}:D${r})`, value: 150 },
        ],
      ]);
    }
    sheet.sel(3, 3).value = '99,88';
    sheet.sel(4, 5).formula = '=CAPAIAN(C4:C5,D4)';
    return sheet;
  }
  const isiSel = (sheet: SheetPalsu) =>
    JSON.stringify(sheet.cells.map((r) => r.map((s) => [s.value, s.formula, s.format, s.background, s.note])));

  test('the preview changes nothing; applying writes exactly the converted cells and the hidden record', () => {
    const gas = new AppsScriptPalsu(out);
    const sheet = tabel(gas, 5);
    const before = isiSel(sheet);
    const ctx = gas.muat(code);
    gas.log.reset();

    const preview = (ctx.lkJadikanRumusBawaan as Fn)('lembar', false) as View;
    expect(isiSel(sheet)).toBe(before);
    expect(gas.ss.sheets.map((s) => s.name)).toEqual(['Capaian']);
    expect(gas.log.calls.filter((c) => /^Range\.set|insertSheet|hideSheet/.test(c))).toEqual([]);
    expect(preview.applied).toBe(false);
    expect(preview.converted.map((c) => c.cell)).toEqual(['E2', 'E5', 'E6']);
    for (const c of preview.converted) {
      const r = rewriteFormula(c.formula);
      expect(r.ok && r.changed && r.formula).toBe(c.native);
      expect(c.native).toMatch(/^=/);
      expect(c.native).not.toMatch(/CAPAIAN/i);
    }
    expect(preview.skipped.map((c) => [c.cell, c.formula])).toEqual([
      ['E3', '=CAPAIAN(C3,D3)'],
      ['E4', '=CAPAIAN(C4:C5,D4)'],
    ]);
    expect(preview.skipped[0].reason).toContain("Sel C3 berisi angka sebagai teks ('99,88')");
    expect(preview.skipped[1].reason).toMatch(/rentang/);

    gas.log.reset();
    const applied = (ctx.lkJadikanRumusBawaan as Fn)('lembar', true) as View;
    expect(applied.applied).toBe(true);
    expect(applied.converted).toEqual(preview.converted);
    const after = JSON.parse(isiSel(sheet)) as unknown[][][];
    const awal = JSON.parse(before) as unknown[][][];
    after.forEach((r, i) =>
      r.forEach((c, j) => {
        const addr = `${String.fromCharCode(65 + j)}${i + 1}`;
        const conv = applied.converted.find((x) => x.cell === addr);
        if (conv) expect(c[1]).toBe(conv.native);
        else expect(c).toEqual(awal[i][j]);
      }),
    );
    // The formulas that could not be converted are exactly as they were.
    expect(sheet.sel(3, 5).formula).toBe('=CAPAIAN(C3,D3)');
    expect(sheet.sel(4, 5).formula).toBe('=CAPAIAN(C4:C5,D4)');

    const asli = gas.ss.getSheetByName(LEMBAR_ASLI)!;
    expect(asli.isSheetHidden()).toBe(true);
    expect(gas.ss.sheets.map((s) => s.name)).toEqual(['Capaian', LEMBAR_ASLI]);
    // The planner stays on their sheet, though Sheets activates a sheet it inserts.
    expect(gas.ss.active?.sheet.name).toBe('Capaian');
    const rows = asli.cells.map((r) => r.map((s) => [s.value, s.formula]));
    expect(rows.map((r) => r.map(([v]) => v))).toEqual([
      [...KOLOM_ASLI],
      ...applied.converted.map((c) => ['Capaian', c.cell, c.formula, c.native, c.note ?? '']),
    ]);
    // Kept as text: the record never computes.
    expect(rows.flat().every(([, f]) => f === '')).toBe(true);

    // A second run finds nothing left to convert but the two it cannot; the record is unchanged.
    const again = (ctx.lkJadikanRumusBawaan as Fn)('buku', true) as View;
    expect(again.converted).toEqual([]);
    expect(again.skipped.map((c) => c.cell)).toEqual(['E3', 'E4']);
    expect(asli.cells.length).toBe(4);
  });

  test('restoring puts the originals back and keeps a cell the user edited since', () => {
    const gas = new AppsScriptPalsu(out);
    const sheet = tabel(gas, 5);
    const before = isiSel(sheet);
    const ctx = gas.muat(code);
    (ctx.lkJadikanRumusBawaan as Fn)('lembar', true);
    // The planner types their own formula over one converted cell.
    sheet.sel(5, 5).formula = '=C5/D5*100';

    expect((ctx.lkKembalikanRumusAsli as Fn)()).toEqual({ restored: 2, kept: 1 });
    expect(sheet.sel(2, 5).formula).toBe('=CAPAIAN(C2,D2)');
    expect(sheet.sel(6, 5).formula).toBe('=CAPAIAN(C6,D6)');
    expect(sheet.sel(5, 5).formula).toBe('=C5/D5*100');
    const asli = gas.ss.getSheetByName(LEMBAR_ASLI)!;
    expect(asli.cells.map((r) => r.map((s) => s.value).slice(0, 3))).toEqual([
      [...KOLOM_ASLI].slice(0, 3),
      ['Capaian', 'E5', '=CAPAIAN(C5,D5)'],
    ]);

    // Once the planner puts the native formula back by hand, the last record goes with the sheet.
    sheet.sel(5, 5).formula = asli.sel(2, 4).value as string;
    expect((ctx.lkKembalikanRumusAsli as Fn)()).toEqual({ restored: 1, kept: 0 });
    expect(gas.ss.sheets.map((s) => s.name)).toEqual(['Capaian']);
    // Every formula and value as typed (a formula's computed value is Sheets' to recompute).
    const ketik = (json: string) => (JSON.parse(json) as unknown[][][]).map((r) => r.map((c) => (c[1] === '' ? c : c.slice(1))));
    expect(ketik(isiSel(sheet))).toEqual(ketik(before));
    expect((ctx.lkKembalikanRumusAsli as Fn)()).toEqual({ restored: 0, kept: 0 });
  });

  test('the selection scope converts only the selected cells; no formula is an empty answer', () => {
    const gas = new AppsScriptPalsu(out);
    const sheet = tabel(gas, 5);
    const ctx = gas.muat(code);
    gas.ss.active = { sheet, range: sheet.getRange('E5:F6') };
    const view = (ctx.lkJadikanRumusBawaan as Fn)('pilihan', true) as View;
    expect(view.converted.map((c) => c.cell)).toEqual(['E5', 'E6']);
    expect(sheet.sel(2, 5).formula).toBe('=CAPAIAN(C2,D2)');
    expect(gas.ss.active?.range?.getA1Notation()).toBe('E5:F6');
    gas.ss.active = { sheet, range: sheet.getRange('A1:B6') };
    expect((ctx.lkJadikanRumusBawaan as Fn)('pilihan', true)).toEqual({
      cakupan: 'pilihan',
      converted: [],
      skipped: [],
      applied: false,
    });
    // Sheets always has a current cell: with the cursor on an empty A1 there is nothing to convert.
    gas.ss.active = { sheet, range: null };
    expect((ctx.lkJadikanRumusBawaan as Fn)('pilihan', false)).toEqual({
      cakupan: 'pilihan',
      converted: [],
      skipped: [],
      applied: false,
    });
    expect(() => (ctx.lkJadikanRumusBawaan as Fn)('semua', false)).toThrow('Cakupan tidak dikenal.');
  });

  test('a protected cell is said in Indonesian; restoring still finds every record', () => {
    const gas = new AppsScriptPalsu(out);
    const sheet = tabel(gas, 5);
    sheet.terlindung.add('E5');
    const ctx = gas.muat(code);
    expect(() => (ctx.lkJadikanRumusBawaan as Fn)('lembar', true)).toThrow(
      /^Rumus di Capaian!E5 tidak dapat ditulis \(You are trying to edit a protected cell.*\)\. Periksa apakah sel itu dilindungi, lalu coba lagi\.$/,
    );
    // E2 was written before E5 failed: its way back is on the record, E5 and E6 are kept as they are.
    expect(sheet.sel(2, 5).formula).not.toMatch(/CAPAIAN/);
    expect(sheet.sel(5, 5).formula).toBe('=CAPAIAN(C5,D5)');
    sheet.terlindung.clear();
    expect((ctx.lkKembalikanRumusAsli as Fn)()).toEqual({ restored: 1, kept: 2 });
    expect(sheet.sel(2, 5).formula).toBe('=CAPAIAN(C2,D2)');
  });

  test('the round trips do not grow with the rows', () => {
    const trips = (rows: number) => {
      const gas = new AppsScriptPalsu(out);
      tabel(gas, rows);
      const ctx = gas.muat(code);
      const t: number[] = [];
      for (const run of [
        () => (ctx.lkJadikanRumusBawaan as Fn)('lembar', false),
        () => (ctx.lkJadikanRumusBawaan as Fn)('lembar', true),
        () => (ctx.lkKembalikanRumusAsli as Fn)(),
      ]) {
        gas.log.reset();
        run();
        t.push(gas.log.trips);
      }
      return t;
    };
    const small = trips(4);
    expect(trips(200)).toEqual(small);
    // Preview: the data range, its formulas, its values. Apply: those, the selection to return
    // to, the new hidden sheet, its last row, then one batch of writes. Restore: the record,
    // the listed cells' formulas, one batch of writes.
    expect(small).toEqual([3, 7, 4]);
  });
});

describe('Pohon Kinerja', () => {
  test('the tree of the active table is drawn on a new sheet, replaced only when asked', () => {
    const gas = new AppsScriptPalsu(out);
    const sheet = lembarAnggaran(gas);
    gas.ss.active = { sheet, range: null };
    const ctx = gas.muat(code);
    gas.log.reset();
    const v = (ctx.lkPohonKinerja as Fn)(false) as { status: string; sheet: string; nodes: number; messages: string[] };
    // Reading the sheet and writing the drawing: a fixed number of round trips.
    expect(gas.log.trips).toBeLessThanOrEqual(7);

    const lastRow = Math.max(...sheet.cells.map((r, i) => (r.some((c) => c.value !== '') ? i + 1 : 0)));
    const lastCol = Math.max(...sheet.cells.map((r) => r.length));
    const expected = pohonKinerja(
      { name: 'Renja 2024', sheets: [modelDari(sheet, 1, 1, lastRow, lastCol)] },
      { lembar: 'Realisasi', singleCells: true },
    );
    expect(v).toEqual({ status: 'dibuat', sheet: 'Pohon Kinerja', nodes: expected.nodes, messages: expected.messages });
    expect(v.nodes).toBeGreaterThan(10);
    const drawn = gas.ss.sheets.find((s) => s.name === 'Pohon Kinerja')!;
    for (const c of expected.drawing.cells) {
      const got = drawn.sel(c.row + 1, c.col + 1);
      expect(got.value).toBe(c.value === null ? '' : c.value);
      if (c.fill) expect(got.background).toBe(`#${c.fill.toLowerCase()}`);
      if (c.font?.bold) expect(got.weight).toBe('bold');
    }
    expect(drawn.merges).toHaveLength(expected.drawing.merges.length);

    // Asked again: the existing sheet is left alone until the user says "ganti".
    drawn.sel(1, 1).value = 'catatan saya';
    gas.ss.active = { sheet, range: null };
    expect(((ctx.lkPohonKinerja as Fn)(false) as { status: string }).status).toBe('sudah-ada');
    expect(gas.ss.sheets.find((s) => s.name === 'Pohon Kinerja')!.sel(1, 1).value).toBe('catatan saya');
    expect(((ctx.lkPohonKinerja as Fn)(true) as { status: string }).status).toBe('dibuat');
    expect(gas.ss.sheets.filter((s) => s.name === 'Pohon Kinerja')).toHaveLength(1);
    expect(gas.ss.sheets.find((s) => s.name === 'Pohon Kinerja')!.sel(1, 1).value).not.toBe('catatan saya');
    // The source table is untouched.
    expect(sheet.sel(TOP + 1, LEFT + 3).value).toBe(5_215_862_284);
  });

  test('the menu asks before replacing; the templat never replaces', () => {
    const gas = new AppsScriptPalsu(out);
    const sheet = lembarAnggaran(gas);
    gas.ss.active = { sheet, range: null };
    const ctx = gas.muat(code);
    (ctx.lkMenuPohon as Fn)();
    expect(gas.alerts.at(-1)?.text).toMatch(/^Pohon kinerja dengan \d+ simpul dibuat di lembar "Pohon Kinerja"\./);
    gas.ss.active = { sheet, range: null };
    gas.jawaban = 'NO';
    (ctx.lkMenuPohon as Fn)();
    expect(gas.alerts.at(-1)?.text).toBe('Lembar "Pohon Kinerja" sudah ada. Ganti dengan pohon yang baru?');

    expect((ctx.lkTemplatPohon as Fn)()).toEqual({ sheet: 'Kaskade Kinerja' });
    expect((ctx.lkTemplatPohon as Fn)()).toEqual({ sheet: 'Kaskade Kinerja (2)' });
    const t = gas.ss.sheets.find((s) => s.name === 'Kaskade Kinerja')!;
    for (const c of templatPohon().cells) expect(t.sel(c.row + 1, c.col + 1).value).toBe(c.value === null ? '' : c.value);
  });
});
