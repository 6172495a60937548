import { CliIO, processIO } from './io';

/**
 * Progress of a batch. On a terminal: one bar (cli-progress) with the count, the rate and the
 * time left, reports and warnings printed above it. Elsewhere (a log file, a pipe, a test) a
 * plain line at every tenth of a batch of 20 files or more, so logs stay readable.
 */
export interface Kemajuan {
  /** Where reports go while the bar is shown. */
  io: CliIO;
  tick(): void;
  stop(): void;
}

const PLAIN_FROM = 20;

export async function kemajuan(total: number, io: CliIO): Promise<Kemajuan> {
  const started = Date.now();
  let count = 0;
  if (total > 1 && io === processIO && process.stderr.isTTY === true) {
    // Loaded only for a batch on a terminal: a single check starts without it.
    const { MultiBar, Presets } = await import('cli-progress');
    const multi = new MultiBar(
      {
        stream: process.stderr,
        format: 'Memeriksa [{bar}] {value}/{total} berkas | {rate} berkas/detik | sisa {eta_formatted}',
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
      },
      Presets.shades_classic,
    );
    const bar = multi.create(total, 0, { rate: '0' });
    // Reports to a terminal go above the bar; to a file or pipe they go straight there.
    const above = (t: string) => multi.log(t.endsWith('\n') ? t : t + '\n');
    return {
      io: { out: process.stdout.isTTY === true ? above : io.out, err: above },
      tick() {
        count++;
        const rate = count / Math.max((Date.now() - started) / 1000, 0.001);
        bar.update(count, { rate: rate.toFixed(1) });
      },
      stop() {
        multi.stop();
      },
    };
  }
  let nextLine = Math.ceil(total / 10);
  return {
    io,
    tick() {
      count++;
      if (total < PLAIN_FROM || count < nextLine) return;
      nextLine += Math.ceil(total / 10);
      const seconds = (Date.now() - started) / 1000;
      const rate = count / Math.max(seconds, 0.001);
      const left = Math.round((total - count) / rate);
      io.err(`Diperiksa ${count}/${total} berkas (${rate.toFixed(1)} berkas/detik, sisa ± ${left} detik).\n`);
    },
    stop() {},
  };
}
