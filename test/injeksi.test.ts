import { injectionCampaign } from './bench/injeksi';

/**
 * The fault-injection campaign of `npm run bench` as a quality guard: every kind of mistake
 * people make (a child, a parent, a total, a percent, a label, a TW share, a text number, a
 * malformed number, a wrong efficiency) is pointed at, and nothing else is raised.
 */
test('Periksa finds injected faults and raises nothing else', () => {
  const r = injectionCampaign();
  expect(r.injections).toBeGreaterThanOrEqual(80);
  expect(r.missed).toEqual({});
  expect(r.strays.map((s) => `${s.kind} ${s.cell}: ${s.finding.cell} ${s.finding.rule}`)).toEqual([]);
  expect(r.recall).toBeGreaterThanOrEqual(0.95);
  expect(r.precision).toBeGreaterThanOrEqual(0.95);
});
