import { Dec } from '../../core/angka/desimal';
import { formatNumber } from '../../core/angka/format';
import { parseCell } from '../../core/angka/parse';
import { a1, CellValue, parseA1, Sheet } from '../../core/lembar/model';
import { periksaWorkbook } from '../../core/periksa';
import { Finding } from '../../core/periksa/temuan';
import * as fs from 'fs';
import { parseDelimited } from '../../core/lembar/teks';
import { findTables } from '../../core/tata-letak';
import { fixturePath, loadFixture } from '../fixtures/muat';
import { lkjip, renjaTC33 } from '../fixtures/sintetis';
import { Metric, rng } from './ukur';

/**
 * Fault injection: take tables that are consistent (synthetic ones, and the two clean real
 * tables), change one cell the way people get them wrong, and see whether Periksa points at
 * it. A finding counts as pointing at the fault when its cell or one of its related cells is
 * the changed cell (a wrong child is reported at its parent, with the children as related).
 * Precision counts every error or warning that the change caused (absent from the clean
 * table's run), plus any error or warning on the clean tables themselves.
 */

export interface Injection {
  kind: string;
  sheet: Sheet;
  cell: string;
  /** The base table's layout family, for per-layout figures ("lra", "apbd-perubahan", …). */
  layout?: string;
  /** The base had its headers replaced by neutral words. */
  reworded?: boolean;
}

export interface Score {
  injections: number;
  detected: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
}

export interface CampaignResult {
  injections: number;
  detected: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
  /** Injections that were missed, by kind, for diagnosis. */
  missed: Record<string, number>;
  /** Findings that did not point at the fault, for diagnosis. */
  strays: { kind: string; cell: string; finding: Finding }[];
  /** The same figures per layout family ("lra", "renja-tc33", …; "*-diubah" for reworded copies). */
  byLayout: Record<string, Score>;
  /** All reworded copies together, and all original wordings together. */
  reworded: Score;
  original: Score;
}

function clone(sheet: Sheet): Sheet {
  return {
    ...sheet,
    values: sheet.values.map((r) => r.slice()),
    numberFormats: sheet.numberFormats?.map((r) => r.slice()),
  };
}

function set(sheet: Sheet, row: number, col: number, value: CellValue, kind: string): Injection {
  const s = clone(sheet);
  s.values[row][col] = value;
  return { kind, sheet: s, cell: a1(s, row, col) };
}

const value = (sheet: Sheet, row: number, col: number): Dec => {
  const p = parseCell(sheet.values[row][col]);
  if (p.value === null) throw new Error(`no value at ${a1(sheet, row, col)}`);
  return p.value;
};

/** Write a changed amount in the same style the cell used (number, id-ID or en-US text). */
function restyle(original: CellValue, v: Dec, decimals?: number): CellValue {
  if (typeof original === 'number') return Number(v.toString());
  const text = String(original);
  const en = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text.trim());
  const suffix = /%\s*$/.test(text) ? (/ %$/.test(text) ? ' %' : '%') : '';
  return formatNumber(v, { style: en ? 'en' : 'id', decimals }) + suffix;
}

function pick<T>(xs: readonly T[], n: number, random: () => number): T[] {
  const out: T[] = [];
  for (let i = 0; i < n && xs.length > 0; i++) out.push(xs[Math.floor(random() * xs.length)]);
  return out;
}

export function injections(seed = 2024): { bases: Sheet[]; list: Injection[] } {
  const random = rng(seed);
  const list: Injection[] = [];
  const million = new Dec(1_000_000);

  const renja = renjaTC33({ subKegiatan: 160, seed: 11 });
  const r = renja.sheet;
  const [pagu, paguN1] = renja.paguCols;
  for (const row of pick(renja.subRows, 12, random)) list.push(set(r, row, pagu, Number(value(r, row, pagu).plus(million)), 'anak'));
  for (const row of pick(renja.kegiatanRows, 8, random))
    list.push(set(r, row, paguN1, Number(value(r, row, paguN1).minus(million)), 'induk'));
  for (const row of pick(renja.programRows, 4, random))
    list.push(set(r, row, pagu, Number(value(r, row, pagu).plus(new Dec(250_000))), 'induk'));
  list.push(set(r, renja.totalRow, pagu, Number(value(r, renja.totalRow, pagu).plus(1000)), 'total'));
  list.push(set(r, renja.totalRow, paguN1, Number(value(r, renja.totalRow, paguN1).minus(million)), 'total'));
  for (const row of pick(renja.subRows, 8, random)) list.push(set(r, row, pagu, formatNumber(value(r, row, pagu)), 'angka-teks'));
  for (const row of pick(renja.subRows, 6, random)) list.push(set(r, row, paguN1, formatNumber(value(r, row, paguN1)) + '0', 'format'));

  const l = lkjip(5, 10);
  const cap = l.capaian;
  for (let row = 1; row <= 10; row += 2) {
    const c = value(cap, row, 5).plus(3);
    list.push(set(cap, row, 5, restyle(cap.values[row][5], c, 2), 'persen'));
  }
  const labels = ['Sangat Berhasil', 'Berhasil', 'Cukup Berhasil', 'Kurang Berhasil'];
  for (let row = 2; row <= 10; row += 2) {
    const current = String(cap.values[row][6]);
    list.push(set(cap, row, 6, labels[(labels.indexOf(current) + 1) % labels.length], 'predikat'));
  }

  const ang = l.anggaran;
  const kegiatan = ang.values.map((v, i) => (/^\d+\.\d+$/.test(String(v[0])) ? i : -1)).filter((i) => i > 0);
  for (const row of pick(kegiatan, 4, random)) list.push(set(ang, row, 2, Number(value(ang, row, 2).plus(million)), 'anak'));
  for (const row of pick(kegiatan, 4, random)) {
    const s = value(ang, row, 4).plus(2);
    list.push(set(ang, row, 4, restyle(ang.values[row][4], s, 2), 'persen'));
  }
  list.push(set(ang, ang.values.length - 1, 3, Number(value(ang, ang.values.length - 1, 3).plus(500)), 'total'));

  const ef = l.efisiensi;
  for (let row = 1; row <= 10; row += 3) {
    const e = value(ef, row, 8).plus(2);
    list.push(set(ef, row, 8, restyle(ef.values[row][8], e, 2), 'efisiensi'));
  }

  const tw = l.triwulan;
  for (let row = 1; row <= 10; row += 3) list.push(set(tw, row, 5, Number(value(tw, row, 5).plus(5)), 'triwulan'));
  for (let row = 2; row <= 10; row += 4) list.push(set(tw, row, 8, Number(value(tw, row, 8).plus(million)), 'triwulan'));

  const tc33 = loadFixture('renja_magetan_2022_tc33');
  for (const row of [6, 9, 21, 44, 62]) {
    const original = tc33.values[row][8];
    list.push(set(tc33, row, 8, restyle(original, value(tc33, row, 8).plus(million)), 'anak'));
  }
  const realisasi = loadFixture('lkjip_magetan_2024_realisasi_anggaran');
  for (const row of [2, 5, 11, 16]) {
    const original = realisasi.values[row][3];
    list.push(set(realisasi, row, 3, restyle(original, value(realisasi, row, 3).plus(million)), 'anak'));
  }
  for (const row of [3, 12]) {
    const original = realisasi.values[row][5];
    list.push(set(realisasi, row, 5, restyle(original, value(realisasi, row, 5).plus(1), 2), 'persen'));
  }

  return { bases: [r, cap, ang, ef, tw, tc33, realisasi], list };
}

/** Layout family of each original base sheet, by the sheet's name. */
function layoutOf(sheet: Sheet): string {
  return LAYOUT_BY_SHEET.get(sheet.name) ?? sheet.name;
}
const LAYOUT_BY_SHEET = new Map<string, string>();

/**
 * Issue 13 bases: the budget layouts (an APBD revision, an LRA, a SIPD Renja export with label
 * rows), consistent versions of the new fixtures, with the same fault kinds injected.
 */
function budgetInjections(): { bases: Sheet[]; list: Injection[] } {
  const list: Injection[] = [];
  const million = new Dec(1_000_000);
  const apbd = loadDocument('apbd_probolinggo_2015_perubahan_pajak', 'apbd-perubahan');
  // Children (money, "120.000.000,00" style), a percent, a difference.
  for (const row of [3, 4, 7, 9])
    list.push(set(apbd, row, 2, restyle(apbd.values[row][2], value(apbd, row, 2).plus(million), 2), 'anak'));
  for (const row of [2, 8, 11]) list.push(set(apbd, row, 5, restyle(apbd.values[row][5], value(apbd, row, 5).plus(2), 2), 'persen'));
  for (const row of [5, 10])
    list.push(set(apbd, row, 4, restyle(apbd.values[row][4], value(apbd, row, 4).plus(million), 2), 'selisih'));

  const lra = loadDocument('lra_rsud_2023_konstruksi', 'lra');
  lra.values[7][2] = '45.180.000.000'; // the planted errors of the note, undone: a clean base
  lra.values[12][5] = '99,15';
  lra.values[7][4] = '(1.700.536.150)';
  lra.values[7][5] = '96,24';
  for (const row of [8, 9, 11, 12]) list.push(set(lra, row, 3, restyle(lra.values[row][3], value(lra, row, 3).plus(million)), 'anak'));
  for (const row of [2, 8, 11]) list.push(set(lra, row, 5, restyle(lra.values[row][5], value(lra, row, 5).plus(1), 2), 'persen'));
  for (const row of [9, 12]) list.push(set(lra, row, 4, restyle(lra.values[row][4], value(lra, row, 4).minus(million)), 'selisih'));

  const sipd = loadDocument('renja_sipd_pendidikan_2025_konstruksi', 'sipd-label');
  sipd.values[3][5] = '6.350.000.000';
  sipd.values[1][5] = '9.500.000.000';
  sipd.values[13][5] = '9.500.000.000';
  for (const row of [5, 6, 7, 11, 12])
    list.push(set(sipd, row, 5, restyle(sipd.values[row][5], value(sipd, row, 5).plus(million)), 'anak'));
  list.push(set(sipd, 9, 5, restyle(sipd.values[9][5], value(sipd, 9, 5).minus(million)), 'induk'));
  list.push(set(sipd, 13, 5, restyle(sipd.values[13][5], value(sipd, 13, 5).plus(1000)), 'total'));
  // A real LRA (RSUD Kudus 2011) whose Lebih / Kurang changes sign between pendapatan and
  // belanja; its rows carry en-US amounts and bracket negatives.
  const kudus = loadDocument('lra_rsud_kudus_2011_semester1', 'lra-kudus');
  for (const row of [10, 11, 12])
    list.push(set(kudus, row, 3, restyle(kudus.values[row][3], value(kudus, row, 3).plus(million)), 'anak'));
  for (const row of [4, 7, 11])
    list.push(set(kudus, row, 4, restyle(kudus.values[row][4], value(kudus, row, 4).minus(million)), 'selisih'));
  list.push(set(kudus, 9, 2, restyle(kudus.values[9][2], value(kudus, 9, 2).plus(million)), 'induk'));
  // A real Sekretariat Daerah table (Setda Sumatera Utara 2021), its printed 80.5 corrected to
  // 77.1 for a clean base; percents written with a decimal point.
  const setda = loadDocument('lkj_setda_sumut_2021_realisasi_keuangan_ss3', 'lkj-setda');
  setda.values[8][5] = '77.1';
  for (const row of [4, 6, 7]) list.push(set(setda, row, 5, value(setda, row, 5).plus(2).toFixed(1), 'persen'));
  for (const row of [4, 8])
    list.push(set(setda, row, 4, restyle(setda.values[row][4], value(setda, row, 4).plus(million)), 'realisasi'));
  // A real Kecamatan APBD-revision form (Sukodono 2019): codes "5 1 1", a header of two rows.
  const prka = loadDocument('prka_kecamatan_sukodono_2019_ringkasan', 'prka-kecamatan');
  list.push(set(prka, 5, 2, restyle(prka.values[5][2], value(prka, 5, 2).plus(million), 2), 'anak'));
  list.push(set(prka, 3, 3, restyle(prka.values[3][3], value(prka, 3, 3).plus(million), 2), 'induk'));
  list.push(set(prka, 4, 4, restyle(prka.values[4][4], value(prka, 4, 4).plus(million), 2), 'selisih'));
  list.push(set(prka, 6, 5, restyle(prka.values[6][5], value(prka, 6, 5).plus(1), 2), 'persen'));
  return { bases: [apbd, lra, sipd, kudus, setda, prka], list };
}

function loadDocument(name: string, layout: string): Sheet {
  const sheet = parseDelimited(fs.readFileSync(fixturePath(name), 'utf8'), name, '\t');
  LAYOUT_BY_SHEET.set(name, layout);
  return sheet;
}

/** Header words no layout knows, one per column; label columns (No, Kode, Uraian) keep theirs. */
const NEUTRAL = [
  'Data A',
  'Data B',
  'Data C',
  'Data D',
  'Data E',
  'Data F',
  'Data G',
  'Data H',
  'Data I',
  'Data J',
  'Data K',
  'Data L',
];
/**
 * The columns whose headers a reworded copy keeps. Deliberately the bench's own list, not the
 * checker's `LABEL_ROLES` in core/tata-letak/relasi.ts: the measure must not move when the
 * thing measured changes, and predikat is reworded here (the checker must find it by its values).
 */
const LABEL_ROLES = new Set([
  'nomor',
  'kode',
  'kode-urusan',
  'kode-bidang',
  'kode-program',
  'kode-kegiatan',
  'kode-sub',
  'uraian',
  'sasaran',
  'indikator',
  'satuan',
  'lokasi',
  'sumber-dana',
  'pj',
  'keterangan',
]);

/**
 * The same base with the header of every value column replaced by a neutral word ("Data C"),
 * as a copy of a known table with its headers reworded: the checker must then rely on the
 * table's numbers. Returns null when the base has no table to reword.
 */
function reword(sheet: Sheet): Sheet | null {
  const table = findTables(sheet)[0];
  if (table === undefined) return null;
  const copy = clone(sheet);
  copy.name = `${sheet.name}-diubah`;
  let k = 0;
  for (const c of table.columns) {
    if (LABEL_ROLES.has(c.role)) continue;
    const word = NEUTRAL[k++ % NEUTRAL.length];
    for (let r = table.headerTop; r <= table.headerBottom; r++) {
      if (copy.values[r][c.col] !== null && copy.values[r][c.col] !== '')
        copy.values[r][c.col] = r === table.headerBottom ? word : 'Data';
    }
  }
  LAYOUT_BY_SHEET.set(copy.name, `${layoutOf(sheet)}-diubah`);
  return copy;
}

/** Every base, original and reworded, with its injections carried over to the reworded copy. */
export function allInjections(seed = 2024): { bases: Sheet[]; list: Injection[] } {
  const first = injections(seed);
  const names = [
    'renja-tc33',
    'lkjip-capaian',
    'lkjip-anggaran',
    'lkjip-efisiensi',
    'renja-triwulan',
    'renja-tc33-magetan',
    'lkjip-anggaran-magetan',
  ];
  first.bases.forEach((b, i) => LAYOUT_BY_SHEET.set(b.name, names[i]));
  const budget = budgetInjections();
  const bases = [...first.bases, ...budget.bases];
  const list = [...first.list, ...budget.list].map((inj) => ({ ...inj, layout: layoutOf(inj.sheet) }));
  const reworded: Sheet[] = [];
  for (const b of bases) {
    const copy = reword(b);
    if (copy === null) continue;
    reworded.push(copy);
    for (const inj of list.filter((x) => x.sheet.name === b.name)) {
      const s = clone(copy);
      // The injected cell, carried over: only the header differs between base and copy.
      const pos = parseA1(inj.cell)!;
      const r = pos.row - (b.origin?.row ?? 0);
      const c = pos.col - (b.origin?.col ?? 0);
      s.values[r][c] = inj.sheet.values[r][c];
      list.push({ kind: inj.kind, sheet: s, cell: inj.cell, layout: layoutOf(copy), reworded: true });
    }
  }
  return { bases: [...bases, ...reworded], list };
}

const serious = (f: Finding) => f.severity === 'error' || f.severity === 'warning';
const key = (f: Finding) => `${f.sheet}|${f.cell}|${f.rule}|${f.message}`;

const CAMPAIGNS = new Map<number, CampaignResult>();

/** The campaign runs once per seed and process: several metrics read its figures. */
export function injectionCampaign(seed = 2024): CampaignResult {
  let r = CAMPAIGNS.get(seed);
  if (r === undefined) CAMPAIGNS.set(seed, (r = runCampaign(seed)));
  return r;
}

function runCampaign(seed: number): CampaignResult {
  const { bases, list } = allInjections(seed);
  const baseFindings = new Map<string, Set<string>>();
  const strays: CampaignResult['strays'] = [];
  const tally = new Map<string, Score>();
  const score = (key: string): Score => {
    let t = tally.get(key);
    if (t === undefined)
      tally.set(key, (t = { injections: 0, detected: 0, truePositives: 0, falsePositives: 0, precision: 1, recall: 1 }));
    return t;
  };
  const keysOf = (layout: string) => ['*', layout, layout.endsWith('-diubah') ? '*diubah' : '*asli'];
  for (const b of bases) {
    const found = periksaWorkbook({ name: 'basis', sheets: [b] }).findings.filter(serious);
    for (const f of found) strays.push({ kind: 'basis', cell: '-', finding: f });
    for (const k of keysOf(layoutOf(b))) score(k).falsePositives += found.length;
    baseFindings.set(b.name, new Set(found.map(key)));
  }
  const missed: Record<string, number> = {};
  for (const inj of list) {
    const before = baseFindings.get(inj.sheet.name) ?? new Set<string>();
    const caused = periksaWorkbook({ name: 'injeksi', sheets: [inj.sheet] })
      .findings.filter(serious)
      .filter((f) => !before.has(key(f)));
    let hit = false;
    let tp = 0;
    let fp = 0;
    for (const f of caused) {
      if (f.cell === inj.cell || f.related.includes(inj.cell)) {
        tp++;
        hit = true;
      } else {
        fp++;
        strays.push({ kind: inj.kind, cell: inj.cell, finding: f });
      }
    }
    for (const k of keysOf(inj.layout ?? '?')) {
      const t = score(k);
      t.injections++;
      t.truePositives += tp;
      t.falsePositives += fp;
      if (hit) t.detected++;
    }
    if (!hit) {
      const label = inj.reworded ? `${inj.kind} (diubah)` : inj.kind;
      missed[label] = (missed[label] ?? 0) + 1;
    }
  }
  for (const t of tally.values()) {
    t.precision = round3(t.truePositives + t.falsePositives === 0 ? 1 : t.truePositives / (t.truePositives + t.falsePositives));
    t.recall = round3(t.injections === 0 ? 1 : t.detected / t.injections);
  }
  const all = score('*');
  const byLayout: Record<string, Score> = {};
  for (const [k, v] of tally) if (!k.startsWith('*')) byLayout[k] = v;
  return {
    injections: all.injections,
    detected: all.detected,
    truePositives: all.truePositives,
    falsePositives: all.falsePositives,
    precision: all.precision,
    recall: all.recall,
    missed,
    strays,
    byLayout,
    reworded: score('*diubah'),
    original: score('*asli'),
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Layout families of the campaign, each also as a reworded copy ("-diubah"). */
export const LAYOUT_FAMILIES = [
  'renja-tc33',
  'lkjip-capaian',
  'lkjip-anggaran',
  'lkjip-efisiensi',
  'renja-triwulan',
  'renja-tc33-magetan',
  'lkjip-anggaran-magetan',
  'apbd-perubahan',
  'lra',
  'sipd-label',
  'lra-kudus',
  'lkj-setda',
  'prka-kecamatan',
] as const;

/**
 * `npm run bench fault-`: precision and recall for the reworded copies together, the original
 * wordings together, and per layout family (issue 13). The overall figures are
 * fault-precision / fault-recall in periksa.ts.
 */
export const metrics: Metric[] = [
  { name: 'fault-precision-asli', unit: 'ratio', measure: () => injectionCampaign().original.precision },
  { name: 'fault-recall-asli', unit: 'ratio', measure: () => injectionCampaign().original.recall },
  { name: 'fault-precision-diubah', unit: 'ratio', measure: () => injectionCampaign().reworded.precision },
  { name: 'fault-recall-diubah', unit: 'ratio', measure: () => injectionCampaign().reworded.recall },
  ...LAYOUT_FAMILIES.flatMap((l) =>
    [l, `${l}-diubah`].flatMap((name) => [
      { name: `fault-precision-${name}`, unit: 'ratio', measure: () => injectionCampaign().byLayout[name]?.precision ?? Number.NaN },
      { name: `fault-recall-${name}`, unit: 'ratio', measure: () => injectionCampaign().byLayout[name]?.recall ?? Number.NaN },
    ]),
  ),
];
