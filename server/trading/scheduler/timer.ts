/**
 * The trading runtime's notion of real time, as a port: the wall clock in the app, a simulated
 * clock in tests (time jumps to whatever the runtime waits for, so a week of 1-minute bars
 * runs in milliseconds).
 */
export interface TTimer {
  /** epoch ms, UTC */
  now(): number;
  /** resolves at `utcMs` (at once if it is past); rejects with the signal's reason when aborted */
  sleepUntil(utcMs: number, signal?: AbortSignal): Promise<void>;
}

const MAX_TIMEOUT = 2_000_000_000; // setTimeout's limit is 2^31-1 ms

export class WallTimer implements TTimer {
  now(): number {
    return Date.now();
  }

  sleepUntil(utcMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      let handle: ReturnType<typeof setTimeout>;
      const onAbort = () => {
        clearTimeout(handle);
        reject(signal!.reason);
      };
      const arm = () => {
        const wait = utcMs - Date.now();
        if (wait <= 0) {
          signal?.removeEventListener('abort', onAbort);
          resolve();
          return;
        }
        handle = setTimeout(arm, Math.min(wait, MAX_TIMEOUT));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      arm();
    });
  }
}

/** Tests: waiting moves time forward instantly. */
export class SimulatedTimer implements TTimer {
  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  async sleepUntil(utcMs: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    if (utcMs > this.current) this.current = utcMs;
    // yield to the event loop so an abort from elsewhere can land between ticks
    await new Promise((r) => setImmediate(r));
    if (signal?.aborted) throw signal.reason;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/**
 * Replays: simulated time that advances one scheduled wait per `paceMs` of real time, so a
 * trader can be watched going through past bars (demos, browser tests).
 */
export class PacedTimer implements TTimer {
  constructor(
    private current: number,
    private readonly paceMs: number,
  ) {}

  now(): number {
    return this.current;
  }

  async sleepUntil(utcMs: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    if (utcMs <= this.current) return;
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(handle);
        reject(signal!.reason);
      };
      const handle = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, this.paceMs);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    this.current = utcMs;
  }
}
