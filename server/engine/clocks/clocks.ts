import type { TClockPort } from '../kernel/types';

/**
 * Clocks are classes, not closures: the kernel calls `onBar` on every bar, and a call site that
 * sees one class stays monomorphic (and inlined) across runs in one process.
 */

/** Backtests: time is the bar being processed. */
export class SimulatedClock implements TClockPort {
  private current = 0;
  onBar(t: number): void {
    this.current = t;
  }
  now(): number {
    return this.current;
  }
}

/** Paper and live: time is the wall clock. */
export class WallClock implements TClockPort {
  onBar(): void {}
  now(): number {
    return Date.now();
  }
}

export const simulatedClock = (): TClockPort => new SimulatedClock();
export const wallClock = (): TClockPort => new WallClock();
