import { injectionCampaign } from './bench/injeksi';

/**
 * The fault-injection campaign of `npm run bench` as a quality guard: every kind of mistake
 * people make (a child, a parent, a total, a percent, a label, a TW share, a text number, a
 * malformed number, a wrong efficiency) is pointed at, and nothing else is raised.
 */
test('Periksa finds injected faults and raises nothing else', () => {
  const r = injectionCampaign();
  expect(r.injections).toBeGreaterThanOrEqual(80);
  // Original wordings, the budget layouts included: every fault found, nothing else raised.
  expect(Object.keys(r.missed).filter((k) => !k.endsWith('(diubah)'))).toEqual([]);
  expect(r.strays.map((s) => `${s.kind} ${s.cell}: ${s.finding.sheet} ${s.finding.cell} ${s.finding.rule}`)).toEqual([]);
  expect(r.recall).toBeGreaterThanOrEqual(0.95);
  expect(r.precision).toBeGreaterThanOrEqual(0.95);
  for (const layout of ['apbd-perubahan', 'lra', 'sipd-label']) expect([layout, r.byLayout[layout].recall]).toEqual([layout, 1]);
});

/**
 * Issue 13: every base again with its value headers replaced by neutral words ("Data C"). No
 * false error may come from guessing; what is still missed there (efisiensi and triwulan
 * copies, whose relations the numbers alone do not give) is reported by the bench.
 */
test('with neutral headers Periksa raises nothing false and finds most faults from the numbers', () => {
  const r = injectionCampaign();
  expect(r.reworded.injections).toBe(r.original.injections);
  expect(r.reworded.precision).toBe(1);
  expect(r.reworded.recall).toBeGreaterThanOrEqual(0.9);
  for (const layout of ['renja-tc33-diubah', 'lkjip-capaian-diubah', 'lkjip-anggaran-diubah', 'apbd-perubahan-diubah', 'lra-diubah']) {
    expect([layout, r.byLayout[layout].recall]).toEqual([layout, 1]);
  }
});
