import { Dec } from '../angka/desimal';
import { parseCell } from '../angka/parse';

/**
 * A predikat scale: bands from the top down. A value gets the label of the first band whose
 * lower bound it reaches (`> bound` when the band is exclusive). The last band has no lower
 * bound, so every finite value gets exactly one label and no value falls in a gap.
 */
export interface Band {
  label: string;
  /** null for the bottom band (−∞). */
  min: Dec | null;
  /** `x ≥ min` when true, `x > min` when false. */
  inclusive: boolean;
}

export interface Skala {
  /** Canonical name (`permendagri86`) or `kustom`. */
  name: string;
  /** Indonesian title, for messages and help. */
  title: string;
  bands: Band[];
}

const band = (label: string, min: number | null, inclusive = true): Band => ({
  label,
  min: min === null ? null : new Dec(min),
  inclusive,
});

export const SKALA_BAWAAN: Record<string, Skala> = {
  permendagri86: {
    name: 'permendagri86',
    title: 'Permendagri 86/2017',
    bands: [band('Sangat Tinggi', 91), band('Tinggi', 76), band('Sedang', 66), band('Rendah', 51), band('Sangat Rendah', null)],
  },
  melampaui: {
    name: 'melampaui',
    title: 'Permendagri 86/2017 dengan kategori Melampaui Target',
    bands: [
      band('Melampaui Target', 100, false),
      band('Sangat Tinggi', 91),
      band('Tinggi', 76),
      band('Sedang', 66),
      band('Rendah', 51),
      band('Sangat Rendah', null),
    ],
  },
  berhasil: {
    name: 'berhasil',
    title: 'Sangat Berhasil / Berhasil / Cukup Berhasil / Kurang Berhasil',
    bands: [band('Sangat Berhasil', 100), band('Berhasil', 75), band('Cukup Berhasil', 55), band('Kurang Berhasil', null)],
  },
  sakip: {
    name: 'sakip',
    title: 'Nilai evaluasi SAKIP (PermenPAN-RB 88/2021)',
    bands: [
      band('AA', 90, false),
      band('A', 80, false),
      band('BB', 70, false),
      band('B', 60, false),
      band('CC', 50, false),
      band('C', 30, false),
      band('D', null),
    ],
  },
};

export const NAMA_SKALA = Object.keys(SKALA_BAWAAN);

/** Names are case-, space- and hyphen-insensitive: "Permendagri 86" is permendagri86. */
export function normalizeName(s: string): string {
  return s.toLowerCase().replace(/[\s\-_./]+/g, '');
}

/** Other ways the scales are named in documents ("Permendagri 86/2017", "PermenPAN-RB 88/2021"). */
const ALIAS_SKALA: Record<string, string> = {
  permendagri862017: 'permendagri86',
  permendagri: 'permendagri86',
  permenpanrb882021: 'sakip',
  permenpanrb88: 'sakip',
};

export function findSkala(name: string): Skala | undefined {
  const key = normalizeName(name);
  return SKALA_BAWAAN[ALIAS_SKALA[key] ?? key];
}

export function classify(skala: Skala, x: Dec): string {
  for (const b of skala.bands) {
    if (b.min === null) return b.label;
    if (b.inclusive ? x.gte(b.min) : x.gt(b.min)) return b.label;
  }
  // Unreachable for a well-formed scale; a custom one always ends with an open band.
  return skala.bands[skala.bands.length - 1].label;
}

export type SkalaResult = { ok: true; skala: Skala } | { ok: false; message: string };

/**
 * The office's own scale from a range: two columns (lower bound, label) or three
 * (lower, upper, label). Rows are numbered as the user sees them within the range (1-based).
 * Printed scales such as 91–100, 76–90 are contiguous at the printed precision and are
 * accepted; a real hole (76–85, 91–100) or an overlap is rejected.
 */
export function parseSkalaRange(rows: readonly (readonly unknown[])[]): SkalaResult {
  // reduce, not Math.max(...spread): a long range must not overflow the argument stack.
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (width !== 2 && width !== 3) {
    return {
      ok: false,
      message: 'Skala harus berupa rentang 2 kolom (batas bawah, predikat) atau 3 kolom (batas bawah, batas atas, predikat).',
    };
  }
  interface Row {
    n: number;
    lo: Dec | null;
    hi: Dec | null;
    label: string;
    decimals: number;
  }
  const parsed: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const label = String(r[width - 1] ?? '').trim();
    const cells = r.slice(0, width - 1).map((c) => parseCell(c));
    if (label === '' && cells.every((c) => c.kind === 'empty')) continue; // blank row inside the range
    if (label === '') return { ok: false, message: `Skala baris ${i + 1}: predikat kosong.` };
    for (const c of cells) {
      if (c.kind !== 'empty' && c.value === null) {
        return { ok: false, message: `Skala baris ${i + 1}: batas "${c.text}" bukan angka.` };
      }
    }
    const decimals = Math.max(0, ...cells.map((c) => c.decimals ?? decimalsOf(c.value)));
    const lo = cells[0].value;
    const hi = width === 3 ? cells[1].value : null;
    if (lo !== null && hi !== null && hi.lt(lo)) {
      return { ok: false, message: `Skala baris ${i + 1}: batas atas lebih kecil dari batas bawah.` };
    }
    parsed.push({ n: i + 1, lo, hi, label, decimals });
  }
  if (parsed.length === 0) return { ok: false, message: 'Skala kosong.' };
  const unbounded = parsed.filter((r) => r.lo === null);
  if (unbounded.length > 1) {
    return { ok: false, message: `Skala baris ${unbounded.map((r) => r.n).join(' dan ')}: lebih dari satu baris tanpa batas bawah.` };
  }
  parsed.sort((a, b) => (a.lo === null ? -1 : b.lo === null ? 1 : a.lo.comparedTo(b.lo)));
  for (let i = 0; i + 1 < parsed.length; i++) {
    const a = parsed[i];
    const b = parsed[i + 1];
    if (a.lo !== null && b.lo !== null && a.lo.eq(b.lo)) {
      return { ok: false, message: `Skala baris ${rowPair(a.n, b.n)} tumpang tindih: batas bawah sama (${a.lo.toString()}).` };
    }
    if (width === 3 && a.hi !== null && b.lo !== null) {
      const step = new Dec(10).pow(-Math.max(a.decimals, b.decimals));
      if (a.hi.gt(b.lo)) {
        return {
          ok: false,
          message: `Skala baris ${rowPair(a.n, b.n)} tumpang tindih: ${a.hi.toString()} melewati ${b.lo.toString()}.`,
        };
      }
      if (a.hi.plus(step).lt(b.lo)) {
        return {
          ok: false,
          message: `Skala baris ${rowPair(a.n, b.n)} berlubang: tidak ada predikat antara ${a.hi.toString()} dan ${b.lo.toString()}.`,
        };
      }
    }
  }
  // Top band open upward, bottom band open downward: capaian above 100 still gets a label.
  const bands: Band[] = parsed
    .slice()
    .reverse()
    .map((r, i, all) => ({ label: r.label, min: i === all.length - 1 ? null : r.lo, inclusive: true }));
  return { ok: true, skala: { name: 'kustom', title: 'Skala dari lembar kerja', bands } };
}

/** Rows named in the order the user reads them. */
function rowPair(m: number, n: number): string {
  return m < n ? `${m} dan ${n}` : `${n} dan ${m}`;
}

function decimalsOf(d: Dec | null): number {
  return d === null ? 0 : Math.max(0, d.decimalPlaces());
}
