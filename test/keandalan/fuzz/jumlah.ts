/*
 * How many cases each fuzz property runs, in one place so the closing figures can be read off
 * (and so CI time is tuned here). "Sheets" are the sheets that go through table finding and
 * every check (Periksa Tabel) or through the tree builders (Pohon Kinerja).
 *
 * `LK_FUZZ_KALI=10 npx jest test/keandalan/fuzz` runs ten times as many cases: a deeper search
 * before a release, outside CI's time budget.
 */
const KALI = Math.max(1, Number(process.env.LK_FUZZ_KALI ?? 1) || 1);

const BASE = {
  /** dokumen.test.ts: one real fixture, cropped and mutated. */
  dokumenTunggal: 3000,
  /** dokumen.test.ts: workbooks of three mutated real fixtures (antar-tabel compares them). */
  dokumenGanda: 300,
  /** sintetis.test.ts: a synthetic Renja/LKjIP table, mutated. */
  sintetis: 3000,
  /** acak.test.ts: table-like sheets built from scratch, mutated. */
  acakTabel: 1500,
  /** acak.test.ts: two such tables side by side or one below the other, mutated. */
  acakDuaTabel: 400,
  /** acak.test.ts: workbooks of a scale sheet and a table sheet (two sheets each). */
  acakSkala: 250,
  /** acak.test.ts: sheets of arbitrary cells. */
  acakBebas: 500,
  /** geser.test.ts: a mutated table at A1 and the same block moved (each case is two sheets). */
  geserAsal: 200,
  /** geser.test.ts: workbooks of two mutated tables, checked together, reversed and alone (two sheets counted). */
  geserUrutan: 150,
  /** pohon.test.ts: cascading sheets built from scratch, mutated. */
  pohonKaskade: 700,
  /** pohon.test.ts: real fixtures and synthetic tables, mutated, as the tree's source. */
  pohonTabel: 500,
  /** terminal.test.ts: fixtures and synthetic tables with escape sequences in cells and names, through Periksa and the terminal report. */
  terminal: 400,
  /** jahat.test.ts: real and synthetic tables with a hostile structure (whole-grid merge, thousands of merges, a cell in XFD). */
  jahat: 150,
  /** angka.test.ts: docs/angka.md strings mutated, per property. */
  angka: 4000,
  /** fungsi.test.ts: calls per registered function. */
  fungsi: 1500,
  /** rumus-bawaan.test.ts: formula texts. */
  rumus: 3000,
};

export const RUNS: typeof BASE = Object.fromEntries(Object.entries(BASE).map(([k, n]) => [k, n * KALI])) as typeof BASE;

export const SHEETS_PER_WORKBOOK_GANDA = 3;

/**
 * Sheets each fuzz test puts through Periksa Tabel or Pohon Kinerja: every test asserts that
 * the harness counted exactly its entry (`fuzzPeriksa`/`fuzzPohon` return what really ran),
 * so the total below is a sum of measured counts, not of intentions.
 */
export const LEMBAR = {
  dokumenTunggal: RUNS.dokumenTunggal,
  dokumenGanda: RUNS.dokumenGanda * SHEETS_PER_WORKBOOK_GANDA,
  sintetis: RUNS.sintetis,
  acakTabel: RUNS.acakTabel,
  acakDuaTabel: RUNS.acakDuaTabel,
  acakSkala: RUNS.acakSkala * 2,
  acakBebas: RUNS.acakBebas,
  geserAsal: RUNS.geserAsal * 2,
  geserUrutan: RUNS.geserUrutan * 2,
  pohonKaskade: RUNS.pohonKaskade,
  pohonTabel: RUNS.pohonTabel,
  terminal: RUNS.terminal,
  jahat: RUNS.jahat,
};

/** Sheets per jest run through Periksa Tabel or Pohon Kinerja (12,250 with LK_FUZZ_KALI unset). */
export const SHEETS = Object.values(LEMBAR).reduce((a, b) => a + b, 0);
