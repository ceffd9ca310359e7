import type { TClockPort } from '../kernel/types';

/** Backtests: time is the bar being processed. */
export function simulatedClock(): TClockPort {
  let now = 0;
  return {
    onBar: (t) => {
      now = t;
    },
    now: () => now,
  };
}

/** Paper and live: time is the wall clock. */
export function wallClock(): TClockPort {
  return { onBar: () => {}, now: () => Date.now() };
}
