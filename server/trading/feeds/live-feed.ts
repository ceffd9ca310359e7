/**
 * The kernel's feed in paper and live mode. It first catches up (everything finished since
 * `from`: warm-up history, or the bars a restarted trader already saw), then polls the bar
 * source on every bar close the scheduler reports. Bars are de-duplicated per symbol (a provider
 * re-sending the last bars is normal), unfinished bars are left for a later tick, and every new
 * bar time becomes one chunk — the one-bar-at-a-time shape the kernel's parity test pins.
 */
import { allocBarColumns, sliceBarColumns, type TBarColumns } from '@/server/data/bar-columns';
import type { TFeed, TFeedChunk } from '@/server/engine/kernel/types';
import { barCloseTicks } from '../scheduler/bar-close-scheduler';
import { lastClosedBarSlot, type TTraderTimeframe } from '../scheduler/bar-schedule';
import type { TMarketHours } from '../scheduler/market-hours';
import type { TTimer } from '../scheduler/timer';
import { toLocalTime } from '../scheduler/zoned-time';
import type { TBarSource } from './bar-source';

export type TFeedEvent =
  | { kind: 'fetch-failed'; symbol: string; error: string }
  | { kind: 'late-bar'; symbol: string; time: number }
  | { kind: 'caught-up'; time: number | null };

export interface TLiveFeedOptions {
  symbols: readonly string[];
  timeframe: TTraderTimeframe;
  hours: TMarketHours;
  source: TBarSource;
  timer: TTimer;
  /** first bar time wanted (local ms): warm-up start, or where a restarted trader began */
  from: number;
  /** how the source stamps intraday bars: at the bar's open (Futu, Yahoo, Binance) or its close (Eastmoney, TDX) */
  stamp?: 'open' | 'close';
  delayMs?: number;
  signal?: AbortSignal;
  /** end the feed after the bar closing at or after this local time (replays, tests) */
  until?: number;
  /** a symbol's fetch failing holds the other symbols back for this many ticks, then they go on without it */
  holdTicks?: number;
  onEvent?(event: TFeedEvent): void;
  /** awaited after the kernel has processed each chunk (the trader flushes writes, syncs the broker) */
  afterChunk?(): Promise<void>;
  /** awaited once, after the catch-up bars and before the first tick */
  onCaughtUp?(): Promise<void>;
}

export function liveFeed(options: TLiveFeedOptions): TFeed {
  const { symbols } = options;
  return {
    symbols,
    async *chunks(): AsyncIterable<TFeedChunk> {
      const poller = new BarPoller(options);
      const cutoffNow = () => lastClosedBarSlot(options.hours, options.timeframe, toLocalTime(options.hours.timezone, options.timer.now() - (options.delayMs ?? 5_000)))?.close ?? -Infinity;
      for (const chunk of await poller.poll(cutoffNow(), true)) {
        yield chunk;
        await options.afterChunk?.();
      }
      options.onEvent?.({ kind: 'caught-up', time: poller.lastTime });
      await options.onCaughtUp?.();
      if (options.until !== undefined && poller.lastTime !== null && poller.lastTime >= options.until) return;
      for await (const tick of barCloseTicks({ hours: options.hours, timeframe: options.timeframe, timer: options.timer, delayMs: options.delayMs, signal: options.signal })) {
        for (const chunk of await poller.poll(tick.bar.close, false)) {
          yield chunk;
          await options.afterChunk?.();
        }
        if (options.until !== undefined && tick.bar.close >= options.until) return;
      }
    },
  };
}

class BarPoller {
  /** per symbol: last bar time handed to the kernel */
  private readonly seen: number[];
  private readonly failedTicks: number[];
  lastTime: number | null = null;

  constructor(private readonly options: TLiveFeedOptions) {
    this.seen = options.symbols.map(() => -Infinity);
    this.failedTicks = options.symbols.map(() => 0);
  }

  /** Fetches what is new and finished at `cutoff` (local close time of the last closed bar). */
  async poll(cutoff: number, catchUp: boolean): Promise<TFeedChunk[]> {
    const { symbols, source, timeframe, onEvent } = this.options;
    const fresh: Array<TBarColumns | null> = await Promise.all(
      symbols.map(async (symbol, s) => {
        const from = Number.isFinite(this.seen[s]) ? this.seen[s] + 1 : this.options.from;
        try {
          const bars = await source.fetchBars({ symbol, timeframe, from, to: cutoff });
          this.failedTicks[s] = 0;
          return this.finished(s, bars, cutoff);
        } catch (err) {
          this.failedTicks[s]++;
          onEvent?.({ kind: 'fetch-failed', symbol, error: err instanceof Error ? err.message : String(err) });
          return null;
        }
      }),
    );
    // A failed symbol holds the others back for a while, so its bars are not skipped as "late".
    const hold = this.options.holdTicks ?? 2;
    if (!catchUp && fresh.some((b, s) => b === null && this.failedTicks[s] <= hold)) return [];
    return this.toChunks(fresh.map((b) => b ?? allocBarColumns(0)));
  }

  /** Bars after the last one seen, finished at the cutoff, in strictly increasing time. */
  private finished(s: number, bars: TBarColumns, cutoff: number): TBarColumns {
    const closeStamped = this.options.stamp === 'close';
    const keep: number[] = [];
    let last = this.seen[s];
    for (let i = 0; i < bars.length; i++) {
      const t = bars.time[i];
      if (!(t > last)) continue; // re-sent or out of order
      if (closeStamped ? t > cutoff : t >= cutoff) break; // still forming
      if (!Number.isFinite(bars.close[i])) continue;
      keep.push(i);
      last = t;
    }
    const out = allocBarColumns(keep.length);
    keep.forEach((i, k) => {
      out.time[k] = bars.time[i];
      out.open[k] = bars.open[i];
      out.high[k] = bars.high[i];
      out.low[k] = bars.low[i];
      out.close[k] = bars.close[i];
      out.volume[k] = bars.volume[i];
      out.amount[k] = bars.amount[i];
    });
    return out;
  }

  /** One chunk per distinct new bar time across symbols; a bar older than one already handed on is dropped. */
  private toChunks(fresh: TBarColumns[]): TFeedChunk[] {
    const { symbols, onEvent } = this.options;
    const floor = this.lastTime ?? -Infinity;
    const times = new Set<number>();
    fresh.forEach((bars, s) => {
      for (let i = 0; i < bars.length; i++) {
        if (bars.time[i] <= floor) onEvent?.({ kind: 'late-bar', symbol: symbols[s], time: bars.time[i] });
        else times.add(bars.time[i]);
      }
    });
    const sorted = [...times].sort((a, b) => a - b);
    const cursor = fresh.map((bars) => {
      let i = 0;
      while (i < bars.length && bars.time[i] <= floor) i++;
      return i;
    });
    const chunks: TFeedChunk[] = [];
    for (const t of sorted) {
      chunks.push({
        bars: fresh.map((bars, s) => {
          const i = cursor[s];
          if (i < bars.length && bars.time[i] === t) {
            cursor[s]++;
            this.seen[s] = t;
            return sliceBarColumns(bars, i, i + 1);
          }
          return sliceBarColumns(bars, i, i);
        }),
      });
      this.lastTime = t;
    }
    // late bars were dropped for good: do not fetch them again
    fresh.forEach((bars, s) => {
      if (bars.length > 0) this.seen[s] = Math.max(this.seen[s], bars.time[bars.length - 1]);
    });
    return chunks;
  }
}
