import fc from 'fast-check';

/**
 * Property tests explore new random cases on every developer run; in CI they replay a fixed
 * seed so that a landing never depends on luck. A failure prints its seed and path either way.
 */
if (process.env.CI === 'true' || process.env.LK_FC_SEED !== undefined) {
  fc.configureGlobal({ seed: Number(process.env.LK_FC_SEED ?? 20261122) });
}
