import { Session } from 'inspector';

/**
 * The core guards itself: findTables answers [] for a sheet it cannot read, a check that
 * throws becomes a "tidak dapat diselesaikan" warning, pohonKinerja a message. A fuzz test that
 * only watched for exceptions escaping would miss every crash behind those guards, and the
 * planner would silently lose a table. So the fuzz tests watch every exception thrown while the
 * core runs, caught or not, through the inspector's pause-on-exception, as a debugger does.
 *
 * The only exceptions the core throws on purpose are the formula parser's and the rewriter's
 * refusals (core/rumus-bawaan: plain Error / Tolak carrying an Indonesian reason); they are
 * control flow, not crashes. Any other one is a bug.
 */

export interface GalatTertangkap {
  /** Class and message, as the debugger describes the thrown value. */
  description: string;
  /** Where it was thrown: "cellAt core/tata-letak/grid.ts:42", innermost first (lines of the transpiled file). */
  frames: string[];
}

function deliberate(className: string, frames: string[]): boolean {
  return (className === 'Error' || className === 'Tolak') && / core\/rumus-bawaan\/(urai|index)\.ts:/.test(frames[0] ?? '');
}

function shortUrl(url: string): string {
  const i = url.indexOf('/core/');
  return i >= 0 ? url.slice(i + 1) : url.replace(/^.*\//, '');
}

interface PausedEvent {
  params: {
    reason: string;
    data?: { className?: string; description?: string };
    callFrames: { functionName: string; url: string; location: { scriptId: string; lineNumber: number } }[];
  };
}

export class PengintaiGalat {
  private session: Session | null = null;
  private caught: GalatTertangkap[] = [];
  /** Jest runs files in vm scripts whose frames carry no url: the script's parse event has it. */
  private readonly scripts = new Map<string, string>();

  /** Call in beforeAll: one inspector session per test file. */
  start(): void {
    const session = new Session();
    session.connect();
    session.on('Debugger.paused', (m: PausedEvent) => {
      const { reason, data, callFrames } = m.params;
      if (reason === 'exception' || reason === 'promiseRejection') {
        const frames = callFrames
          .slice(0, 6)
          .map(
            (f) =>
              `${f.functionName || '(anonim)'} ${shortUrl(f.url || this.scripts.get(f.location.scriptId) || '')}:${f.location.lineNumber + 1}`,
          );
        if (!deliberate(data?.className ?? '', frames)) {
          this.caught.push({ description: (data?.description ?? '').split('\n')[0], frames });
        }
      }
      session.post('Debugger.resume');
    });
    session.on('Debugger.scriptParsed', (m: { params: { scriptId: string; url: string } }) =>
      this.scripts.set(m.params.scriptId, m.params.url),
    );
    session.post('Debugger.enable');
    this.session = session;
  }

  /** Call in afterAll. */
  stop(): void {
    this.session?.post('Debugger.disable');
    this.session?.disconnect();
    this.session = null;
  }

  /** Runs `fn` and returns what it returned with every exception thrown inside it. */
  watch<T>(fn: () => T): { value: T; thrown: GalatTertangkap[] } {
    if (this.session === null) throw new Error('PengintaiGalat.start() belum dipanggil.');
    this.caught = [];
    this.session.post('Debugger.setPauseOnExceptions', { state: 'all' });
    try {
      return { value: fn(), thrown: this.caught };
    } finally {
      this.session.post('Debugger.setPauseOnExceptions', { state: 'none' });
    }
  }
}

/** One watcher per test file, started and stopped with the file. */
export function pengintaiBerkas(): PengintaiGalat {
  const p = new PengintaiGalat();
  beforeAll(() => p.start());
  afterAll(() => p.stop());
  return p;
}
