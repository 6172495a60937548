import { jembatanSheets, ScriptRun } from './jembatan-sheets';

/** google.script.run as Apps Script gives it: chained handlers, answered later, per use. */
function fakeRun(server: Record<string, (...a: unknown[]) => unknown>, delayMs = 1): () => ScriptRun {
  const runner = (ok: (v: unknown) => void, fail: (e: unknown) => void): ScriptRun => {
    const r: ScriptRun = {
      withSuccessHandler: (f) => runner(f, fail),
      withFailureHandler: (f) => runner(ok, f),
    };
    for (const [name, fn] of Object.entries(server)) {
      r[name] = (...args: unknown[]) =>
        setTimeout(() => {
          try {
            ok(JSON.parse(JSON.stringify(fn(...args) ?? null)));
          } catch (e) {
            fail(e);
          }
        }, delayMs);
    }
    return r;
  };
  return () =>
    runner(
      () => undefined,
      () => undefined,
    );
}

test('each method is one call of the server function of the same contract', async () => {
  const calls: [string, unknown[]][] = [];
  const rec =
    (name: string, value: unknown) =>
    (...a: unknown[]) => (calls.push([name, a]), value);
  const j = jembatanSheets(
    fakeRun(
      {
        lkPeriksa: rec('lkPeriksa', { cakupan: 'lembar', tables: [], findings: [], skala: null, marked: 0, ms: 0 }),
        lkHapusTanda: rec('lkHapusTanda', { restored: 3 }),
        lkPilihSel: rec('lkPilihSel', undefined),
        lkBacaPengaturan: rec('lkBacaPengaturan', { skala: 'permendagri86' }),
        lkSimpanPengaturan: rec('lkSimpanPengaturan', undefined),
        lkPohonKinerja: rec('lkPohonKinerja', { status: 'dibuat', sheet: 'Pohon Kinerja', nodes: 4, messages: [] }),
        lkTemplatPohon: rec('lkTemplatPohon', { sheet: 'Kaskade Kinerja' }),
      },
      20,
    ),
  );
  expect(j.host).toBe('Google Sheets');
  const view = await j.periksa('lembar', { skala: null });
  expect(view.cakupan).toBe('lembar');
  // The planner's wait includes the round trip: the server said 0 ms, the answer took ≥ 20 ms.
  expect(view.ms).toBeGreaterThanOrEqual(10);
  expect(await j.hapusTanda()).toEqual({ restored: 3 });
  await j.pilihSel('Renja', 'E4');
  expect(await j.bacaPengaturan()).toEqual({ skala: 'permendagri86' });
  await j.simpanPengaturan({ skala: null });
  expect((await j.pohonKinerja(true)).status).toBe('dibuat');
  expect(await j.templatPohon()).toEqual({ sheet: 'Kaskade Kinerja' });
  expect(calls).toEqual([
    ['lkPeriksa', ['lembar', { skala: null }]],
    ['lkHapusTanda', []],
    ['lkPilihSel', ['Renja', 'E4']],
    ['lkBacaPengaturan', []],
    ['lkSimpanPengaturan', [{ skala: null }]],
    ['lkPohonKinerja', [true]],
    ['lkTemplatPohon', []],
  ]);
});

test("a server exception reaches the pane as its Indonesian sentence, without Apps Script's prefix", async () => {
  const j = jembatanSheets(
    fakeRun({
      lkHapusTanda: () => {
        throw new Error('Exception: Catatan tanda sebelumnya rusak; warna sel tidak dapat dipulihkan otomatis.');
      },
    }),
  );
  await expect(j.hapusTanda()).rejects.toThrow(/^Catatan tanda sebelumnya rusak/);
  // A server without the function (an old script version) gives a sentence, not a TypeError.
  await expect(j.templatPohon()).rejects.toThrow('Fungsi server tidak ditemukan. Muat ulang lembar kerja lalu buka panel lagi.');
});

test('Jadikan rumus bawaan and Kembalikan rumus asli are one call each of their server functions', async () => {
  const calls: [string, unknown[]][] = [];
  const view = {
    cakupan: 'buku',
    converted: [{ sheet: 'Capaian', cell: 'E2', formula: '=CAPAIAN(C2,D2)', native: '=IF(C2="","",C2/D2*100)', note: null }],
    skipped: [{ sheet: 'Capaian', cell: 'E4', formula: '=CAPAIAN(C4:C5,D4)', reason: 'Argumen ke-1 CAPAIAN berupa rentang.' }],
    applied: true,
  };
  const j = jembatanSheets(
    fakeRun({
      lkJadikanRumusBawaan: (...a) => (calls.push(['lkJadikanRumusBawaan', a]), view),
      lkKembalikanRumusAsli: (...a) => (calls.push(['lkKembalikanRumusAsli', a]), { restored: 1, kept: 2 }),
    }),
  );
  expect(await j.jadikanRumusBawaan!('buku', true)).toEqual(view);
  expect(await j.kembalikanRumusAsli!()).toEqual({ restored: 1, kept: 2 });
  expect(calls).toEqual([
    ['lkJadikanRumusBawaan', ['buku', true]],
    ['lkKembalikanRumusAsli', []],
  ]);
  const gagal = jembatanSheets(
    fakeRun({
      lkKembalikanRumusAsli: () => {
        throw new Error(
          'Exception: Rumus di Capaian!E5 tidak dapat ditulis (sel dilindungi). Periksa apakah sel itu dilindungi, lalu coba lagi.',
        );
      },
    }),
  );
  await expect(gagal.kembalikanRumusAsli!()).rejects.toThrow(/^Rumus di Capaian!E5 tidak dapat ditulis/);
});
