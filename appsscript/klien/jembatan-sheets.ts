import type { Jembatan } from '../../ui/jembatan';
import type { ServerApi, ServerName } from '../server/api';

/**
 * The Sheets side of the UI bridge: every method is one google.script.run call to a server
 * function of the same contract (server/api.ts), wrapped in a promise. A server exception
 * arrives as an Error; Apps Script may prefix its message with "Error: " or "Exception: ",
 * which the planner need not read.
 */

/** The part of google.script.run this bridge uses (typed here: the page has no Apps Script types). */
export interface ScriptRun {
  withSuccessHandler(f: (value: unknown) => void): ScriptRun;
  withFailureHandler(f: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

type Args<K extends ServerName> = Parameters<ServerApi[K]>;
type Result<K extends ServerName> = ReturnType<ServerApi[K]>;

function galat(e: unknown): Error {
  const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : String((e as { message?: unknown })?.message ?? '');
  return new Error(raw.replace(/^(Error|Exception|Galat):\s*/, ''));
}

export function panggil(run: () => ScriptRun) {
  return <K extends ServerName>(name: K, ...args: Args<K>): Promise<Result<K>> =>
    new Promise((resolve, reject) => {
      const runner = run()
        .withSuccessHandler((v) => resolve(v as Result<K>))
        .withFailureHandler((e) => reject(galat(e)));
      const fn = runner[name];
      if (typeof fn !== 'function') {
        reject(new Error('Fungsi server tidak ditemukan. Muat ulang lembar kerja lalu buka panel lagi.'));
        return;
      }
      (fn as (...a: unknown[]) => void).apply(runner, args);
    });
}

/** `run` gives a fresh google.script.run each call: its handlers are per-call state. */
export function jembatanSheets(run: () => ScriptRun): Jembatan {
  const call = panggil(run);
  return {
    host: 'Google Sheets',
    // Apps Script returns only at the end of a call: there is no progress to report. The time
    // shown is the planner's wait, the round trip to Google included.
    periksa: async (cakupan, pengaturan) => {
      const t0 = Date.now();
      const view = await call('lkPeriksa', cakupan, pengaturan);
      return { ...view, ms: Date.now() - t0 };
    },
    hapusTanda: () => call('lkHapusTanda'),
    pilihSel: (sheet, cell) => call('lkPilihSel', sheet, cell),
    bacaPengaturan: () => call('lkBacaPengaturan'),
    simpanPengaturan: (p) => call('lkSimpanPengaturan', p),
    pohonKinerja: (ganti) => call('lkPohonKinerja', ganti),
    templatPohon: () => call('lkTemplatPohon'),
    jadikanRumusBawaan: (cakupan, terapkan) => call('lkJadikanRumusBawaan', cakupan, terapkan),
    kembalikanRumusAsli: () => call('lkKembalikanRumusAsli'),
  };
}
