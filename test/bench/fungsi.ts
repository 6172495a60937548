import { parseCell } from '../../core/angka/parse';
import { CAPAIAN } from '../../core/fungsi/spreadsheet';
import { medianMs, Metric, pairedMedianMs, rng } from './ukur';

/**
 * Speed of the spreadsheet functions and of the number parser they rely on. Goals (issue):
 * capaian-100k-ms ≤ 150, capaian-over-float ≤ 10, parse-200k-ms ≤ 300.
 */

const ROWS = 100_000;
const MONEY = 200_000;

/** Typical LKjIP values: realisasi and target 0,01 … 1.000,00 with two decimals. */
function capaianData(): { realisasi: number[][]; target: number[][] } {
  const next = rng(20240601);
  const twoDec = () => Math.round(1 + next() * 99_999) / 100;
  const realisasi: number[][] = [];
  const target: number[][] = [];
  for (let i = 0; i < ROWS; i++) {
    realisasi.push([twoDec()]);
    target.push([twoDec()]);
  }
  return { realisasi, target };
}

/** Rupiah amounts as id-ID documents print them. */
function moneyStrings(): string[] {
  const next = rng(86);
  const grouped = (n: number) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const forms = [
    (n: number) => grouped(n),
    (n: number) => `Rp ${grouped(n)}`,
    (n: number) => `Rp. ${grouped(n)},00`,
    (n: number) => `Rp.${grouped(n)},00`,
    (n: number) => `${grouped(n)},-`,
  ];
  const out: string[] = [];
  for (let i = 0; i < MONEY; i++) {
    const n = Math.floor(1_000_000 + next() * 50_000_000_000);
    out.push(forms[i % forms.length](n));
  }
  return out;
}

let data: ReturnType<typeof capaianData> | undefined;
const getData = () => (data ??= capaianData());

function timeCapaian(): number {
  const { realisasi, target } = getData();
  return medianMs(() => CAPAIAN(realisasi, target), { warmup: 3, runs: 11 });
}

/** What a naive custom function does: same range in, same shape out, plain float arithmetic. */
function capaianOverFloat(): number {
  const { realisasi, target } = getData();
  const [exact, float] = pairedMedianMs(
    () => CAPAIAN(realisasi, target),
    () => realisasi.map((row, i) => [(row[0] / target[i][0]) * 100]),
    { warmup: 5, runs: 21 },
  );
  return exact / float;
}

export const metrics: Metric[] = [
  { name: 'capaian-100k-ms', unit: 'ms', measure: timeCapaian },
  { name: 'capaian-over-float', unit: 'ratio', measure: capaianOverFloat },
  {
    name: 'parse-200k-ms',
    unit: 'ms',
    measure: () => {
      const money = moneyStrings();
      return medianMs(
        () => {
          let ok = 0;
          for (let i = 0; i < money.length; i++) if (parseCell(money[i]).value !== null) ok++;
          return ok;
        },
        { warmup: 2, runs: 7 },
      );
    },
  },
];
