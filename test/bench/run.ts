import * as cli from './cli';
import * as excel from './excel';
import * as fungsi from './fungsi';
import * as injeksi from './injeksi';
import * as keandalan from './keandalan';
import * as periksa from './periksa';
import * as pohon from './pohon';
import * as sheets from './sheets';
import { Metric } from './ukur';

/**
 * `npm run bench [NAME…]`: prints one JSON object per line on stdout and nothing else,
 * `{"metric": NAME, "value": N, "unit": U}`. With names, only the metrics whose name contains
 * one of them run. Each issue adds its own module here.
 */
const MODULES: { metrics: Metric[] }[] = [fungsi, periksa, injeksi, pohon, sheets, excel, cli, keandalan];

export function selectMetrics(filter: readonly string[]): Metric[] {
  const all = MODULES.flatMap((m) => m.metrics);
  return filter.length === 0 ? all : all.filter((m) => filter.some((f) => m.name.includes(f)));
}

export async function main(argv: readonly string[], write: (line: string) => void): Promise<number> {
  const chosen = selectMetrics(argv);
  if (chosen.length === 0) {
    process.stderr.write(`Tidak ada metrik yang cocok dengan: ${argv.join(', ')}\n`);
    return 2;
  }
  for (const m of chosen) {
    const value = Math.round((await m.measure()) * 1000) / 1000;
    write(JSON.stringify({ metric: m.name, value, unit: m.unit }));
  }
  return 0;
}

if (require.main === module) {
  void main(process.argv.slice(2), (line) => process.stdout.write(line + '\n')).then((code) => {
    process.exitCode = code;
  });
}
