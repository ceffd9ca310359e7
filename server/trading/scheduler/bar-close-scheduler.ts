/**
 * Fires once per bar close of a timeframe inside the market's sessions and calendar: nothing
 * outside trading hours, at lunch, on weekends or holidays. Each tick comes `delayMs` after the
 * close, giving the data provider time to publish the finished bar. If the process was asleep
 * past several closes, it fires once for the latest one (the feed fetches everything missed).
 */
import { lastClosedBarSlot, nextBarSlot, type TBarSlot, type TTraderTimeframe } from './bar-schedule';
import type { TMarketHours } from './market-hours';
import type { TTimer } from './timer';
import { toLocalTime, toUtcTime } from './zoned-time';

export interface TScheduleTick {
  /** the bar that just closed, exchange-local ms */
  bar: TBarSlot;
  /** when the tick fired, epoch ms UTC */
  firedAt: number;
}

export interface TSchedulerOptions {
  hours: TMarketHours;
  timeframe: TTraderTimeframe;
  timer: TTimer;
  /** wait after the close before firing (default 5 s) */
  delayMs?: number;
  signal?: AbortSignal;
}

export async function* barCloseTicks(options: TSchedulerOptions): AsyncGenerator<TScheduleTick> {
  const { hours, timeframe, timer, signal } = options;
  const delay = options.delayMs ?? 5_000;
  let cursor = toLocalTime(hours.timezone, timer.now() - delay);
  while (!signal?.aborted) {
    const slot = nextBarSlot(hours, timeframe, cursor);
    const fireAt = toUtcTime(hours.timezone, slot.close) + delay;
    try {
      await timer.sleepUntil(fireAt, signal);
    } catch (err) {
      if (signal?.aborted) return;
      throw err;
    }
    // woke late (sleep, suspended VM)? report the latest closed bar, once
    const localNow = toLocalTime(hours.timezone, timer.now() - delay);
    const latest = lastClosedBarSlot(hours, timeframe, localNow) ?? slot;
    const bar = latest.close > slot.close ? latest : slot;
    yield { bar, firedAt: timer.now() };
    cursor = bar.close;
  }
}
