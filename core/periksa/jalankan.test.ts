import { loadFixture } from '../../test/fixtures/muat';
import { periksaWorkbook } from './index';
import { Finding } from './temuan';
import * as jumlahInduk from './jumlah-induk';

// The real jumlah-induk unless a test makes it misbehave.
jest.mock('./jumlah-induk', () => {
  const real = jest.requireActual('./jumlah-induk');
  return { ...real, check: jest.fn(real.check) };
});
const mocked = jumlahInduk.check as jest.MockedFunction<typeof jumlahInduk.check>;
const realCheck = jest.requireActual('./jumlah-induk').check as typeof jumlahInduk.check;

const workbook = () => ({ name: 'malang.tsv', sheets: [loadFixture('renja_malang_2024_tabel23_review_rkpd')] });

afterEach(() => mocked.mockImplementation(realCheck));

describe('the runner (periksaWorkbook)', () => {
  it('turns a rule that throws into one warning naming the rule and the table, and runs every other rule', () => {
    const normal = periksaWorkbook(workbook());
    const others = normal.findings.filter((f) => f.rule !== 'jumlah-induk');
    expect(others.length).toBeGreaterThan(0);

    mocked.mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'row')");
    });
    const result = periksaWorkbook(workbook());
    const warnings = result.findings.filter((f) => f.rule === 'jumlah-induk');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].severity).toBe('warning');
    expect(warnings[0].message).toContain('"jumlah-induk"');
    expect(warnings[0].message).toContain(`tabel ${result.tables[0].range}`);
    expect(warnings[0].message).toContain('renja_malang_2024_tabel23_review_rkpd');
    // The planner gets no English program text.
    expect(warnings[0].message).not.toMatch(/Cannot read|undefined/);
    expect(result.findings.filter((f) => f.rule !== 'jumlah-induk')).toEqual(others);
  });

  it('keeps 200,000 findings of one rule (a spread push overflows the call stack at ~125,000)', () => {
    const many = (ctx: Parameters<typeof realCheck>[0]): Finding[] =>
      Array.from({ length: 200_000 }, (_, i) =>
        ctx.finding({ row: i, col: 0, rule: 'jumlah-induk', severity: 'info', actual: null, expected: null, message: `temuan ${i}` }),
      );
    mocked.mockImplementation(many);
    const result = periksaWorkbook(workbook());
    expect(result.findings.filter((f) => f.rule === 'jumlah-induk')).toHaveLength(200_000);
  });
});
