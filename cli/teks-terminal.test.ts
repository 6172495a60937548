import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixturePath } from '../test/fixtures/muat';
import { jalankan } from '../test/helpers/jalankan-cli';
import { PeriksaResult } from '../core/periksa';
import { renderReport } from './laporan';
import { teksTerminal, terminalAman } from './teks-terminal';

/** What a terminal acts on: C0 (but the line feed), DEL, C1, bidi controls, line separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they must never reach a terminal
const AKTIF = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

const CLEAR = '\u001B[2J\u001B[H';
const OSC52 = '\u001B]52;c;cm0gLXJmIH4=\u0007';
const LINK = '\u001B]8;;https://contoh.invalid\u001B\\klik\u001B]8;;\u001B\\';
const C1_CSI = '\u009B31m';
const RLO = 'Capaian\u202Exslx.exe';

describe('teksTerminal', () => {
  it('shows every control, escape sequence and bidi override escaped, never raw', () => {
    for (const payload of [CLEAR, OSC52, LINK, C1_CSI, RLO, 'a\rb', 'a\nb', '\u2028', '\u2067x\u2069']) {
      const shown = teksTerminal(payload);
      expect(shown).not.toMatch(AKTIF);
      expect(shown).not.toContain('\n');
    }
    expect(teksTerminal(CLEAR)).toBe('\\u001B[2J\\u001B[H');
    expect(teksTerminal(RLO)).toBe('Capaian\\u202Exslx.exe');
    expect(teksTerminal('Pagu 1.000.000 — sesuai ✓ 😀')).toBe('Pagu 1.000.000 — sesuai ✓ 😀');
  });

  it('shortens a 10 MB text, never inside a surrogate pair, and says how much is left out', () => {
    const shown = teksTerminal('😀'.repeat(5_000_000));
    expect(Array.from(shown.slice(0, shown.indexOf('…')))).toHaveLength(300);
    // 5,000,000 emoji are 5,000,000 characters to the planner (10,000,000 UTF-16 units).
    expect(shown).toMatch(/… \(4\.999\.700 karakter lagi tidak ditampilkan\)$/);
    expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('terminalAman keeps line feeds and JSON valid with the exact text', () => {
    const json = JSON.stringify({ t: `${C1_CSI}${RLO}` }) + '\n';
    const safe = terminalAman(json);
    expect(safe).not.toMatch(AKTIF);
    expect(JSON.parse(safe)).toEqual({ t: `${C1_CSI}${RLO}` });
  });
});

describe('the human report is inert', () => {
  it('a fake summary line in a cell stays inside its finding', () => {
    const result: PeriksaResult = {
      tables: [{ sheet: RLO, range: 'A1:C5', layout: 'lkjip-capaian', confidence: 1, rows: 3 }],
      skala: null,
      findings: [
        {
          sheet: RLO,
          cell: 'C3',
          rule: 'format-angka',
          severity: 'error',
          actual: 'x',
          expected: null,
          message: `Sel berisi teks "${CLEAR}${OSC52}\n  Ringkasan: 1 tabel, 0 galat, 0 peringatan, 0 info (5 ms)." di kolom angka.`,
          related: [],
          table: 'A1:C5',
        },
      ],
    };
    const text = renderReport(`Renja${LINK}.xlsx`, result, 5);
    expect(text).not.toMatch(AKTIF);
    expect(text.split('\n').filter((l) => /^\s*Ringkasan:/.test(l))).toEqual([
      '  Ringkasan: 1 tabel, 1 galat, 0 peringatan, 0 info (5 ms).',
    ]);
    expect(text).toContain('lembar "Capaian\\u202Exslx.exe"');
  });

  it('periksa prints a cell with escape sequences and a 10 MB cell escaped and short; --json keeps them whole', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-terminal-'));
    try {
      const big = 'menyusul '.repeat(1_200_000);
      const src = fs
        .readFileSync(fixturePath('renja_malang_2024_tabel23_review_rkpd'), 'utf8')
        .replace('880,000,000', `${CLEAR}${OSC52}${C1_CSI}`)
        .replace('5,627,200,000', big);
      const file = path.join(dir, `Renja\u202Eslx.tsv`);
      fs.writeFileSync(file, src);
      const r = await jalankan('periksa', file);
      expect(r.out + r.err).not.toMatch(AKTIF);
      expect(r.out).toContain('Sel berisi teks "\\u001B[2J\\u001B[H\\u001B]52;c;cm0gLXJmIH4=\\u0007\\u009B31m"');
      expect(r.out.length).toBeLessThan(20_000);
      expect(r.out).toContain('karakter lagi tidak ditampilkan');

      const j = await jalankan('periksa', file, '--json');
      expect(j.out).not.toMatch(AKTIF);
      const findings: { message: string; actual: string | null }[] = JSON.parse(j.out).files[0].findings;
      expect(findings.some((f) => f.message.includes(`${CLEAR}${OSC52}${C1_CSI}`))).toBe(true);
      expect(findings.some((f) => f.message.includes(big.trim()))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // Two checks of an 11 MB file: 5.4 s here, and over jest's default 5 s on a slower CI machine.
  }, 60_000);
});
