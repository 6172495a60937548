/**
 * What a benchmark module offers the runner: named metrics, each measured on demand. Later
 * issues add their own modules to the list in run.ts.
 */
export interface Metric {
  /** Stable name, printed as `metric`; the runner's argv filter matches on it. */
  name: string;
  unit: string;
  /** Measures and returns the value in `unit`; a metric that drives a browser or child processes may be async. */
  measure(): number | Promise<number>;
}

export interface TimingOptions {
  /** Runs thrown away so the JIT has compiled the hot paths. */
  warmup?: number;
  runs?: number;
}

/** Median wall time of `fn` in milliseconds, after warm-up runs. */
export function medianMs(fn: () => unknown, options: TimingOptions = {}): number {
  const warmup = options.warmup ?? 3;
  const runs = options.runs ?? 9;
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    sink = fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  keep(sink);
  return median(times);
}

/**
 * Median times of `a` and `b` measured alternately, so both see the same machine load and the
 * same garbage collector state; for a ratio of the two.
 */
export function pairedMedianMs(a: () => unknown, b: () => unknown, options: TimingOptions = {}): [number, number] {
  const warmup = options.warmup ?? 3;
  const runs = options.runs ?? 15;
  let sink: unknown;
  for (let i = 0; i < warmup; i++) {
    sink = a();
    sink = b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = process.hrtime.bigint();
    sink = a();
    ta.push(Number(process.hrtime.bigint() - t0) / 1e6);
    t0 = process.hrtime.bigint();
    sink = b();
    tb.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  keep(sink);
  return [median(ta), median(tb)];
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Results are kept reachable so the optimiser cannot drop the work being timed. */
let kept: unknown;
function keep(x: unknown): void {
  kept = x;
}
export function lastKept(): unknown {
  return kept;
}

/** Deterministic pseudo-random numbers (mulberry32): the same data on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
