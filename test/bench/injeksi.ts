import { Dec } from '../../core/angka/desimal';
import { formatNumber } from '../../core/angka/format';
import { parseCell } from '../../core/angka/parse';
import { a1, CellValue, Sheet } from '../../core/lembar/model';
import { periksaWorkbook } from '../../core/periksa';
import { Finding } from '../../core/periksa/temuan';
import { loadFixture } from '../fixtures/muat';
import { lkjip, renjaTC33 } from '../fixtures/sintetis';
import { rng } from './ukur';

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
  for (const row of pick(renja.kegiatanRows, 8, random)) list.push(set(r, row, paguN1, Number(value(r, row, paguN1).minus(million)), 'induk'));
  for (const row of pick(renja.programRows, 4, random)) list.push(set(r, row, pagu, Number(value(r, row, pagu).plus(new Dec(250_000))), 'induk'));
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

const serious = (f: Finding) => f.severity === 'error' || f.severity === 'warning';
const key = (f: Finding) => `${f.sheet}|${f.cell}|${f.rule}|${f.message}`;

export function injectionCampaign(seed = 2024): CampaignResult {
  const { bases, list } = injections(seed);
  const baseFindings = new Map<string, Set<string>>();
  let falsePositives = 0;
  const strays: CampaignResult['strays'] = [];
  for (const b of bases) {
    const found = periksaWorkbook({ name: 'basis', sheets: [b] }).findings.filter(serious);
    for (const f of found) strays.push({ kind: 'basis', cell: '-', finding: f });
    falsePositives += found.length;
    baseFindings.set(b.name, new Set(found.map(key)));
  }
  let truePositives = 0;
  let detected = 0;
  const missed: Record<string, number> = {};
  for (const inj of list) {
    const before = baseFindings.get(inj.sheet.name) ?? new Set<string>();
    const caused = periksaWorkbook({ name: 'injeksi', sheets: [inj.sheet] })
      .findings.filter(serious)
      .filter((f) => !before.has(key(f)));
    let hit = false;
    for (const f of caused) {
      if (f.cell === inj.cell || f.related.includes(inj.cell)) {
        truePositives++;
        hit = true;
      } else {
        falsePositives++;
        strays.push({ kind: inj.kind, cell: inj.cell, finding: f });
      }
    }
    if (hit) detected++;
    else missed[inj.kind] = (missed[inj.kind] ?? 0) + 1;
  }
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  return {
    injections: list.length,
    detected,
    truePositives,
    falsePositives,
    precision: Math.round(precision * 1000) / 1000,
    recall: Math.round((detected / list.length) * 1000) / 1000,
    missed,
    strays,
  };
}
