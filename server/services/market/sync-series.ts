/**
 * Incremental sync of one series from a provider: fetch only what the store lacks, one
 * transaction per page, so a failure keeps every page already stored and the next sync resumes
 * after it. The first page starts at the last stored bar (inclusive): if the provider's value
 * for that bar differs, the history was re-adjusted (a dividend moved qfq prices), and the whole
 * series is fetched again and replaced in ONE transaction — never left half old, half new.
 */
import type { TBarColumns } from '@/server/data/bar-columns';
import type { TAdjustment, TTimeframe } from '@/server/data/market-data';
import { TProviderError } from '@/server/data/providers/provider-error';
import type { TMarketDataProvider } from '@/server/data/providers/provider-types';
import { isIntraday } from '@/server/data/resample-bars';
import { exchangeTimeZone, toWallClock } from '@/server/data/time-zones';
import type { TDb } from '@/server/db';
import { inferMarket } from '@/server/markets';
import { DAY_MS } from '@/server/markets/types';
import { ensureMarketSymbol } from './ensure-market-symbol';
import { writeBars } from './write-bars';

export type TSyncRequest = { symbol: string; timeframe: TTimeframe; adjustment: TAdjustment; from?: number };
export type TSyncProgress = { progress: number; rowsWritten: number };
export type TSyncResult = { status: 'succeeded' | 'failed' | 'cancelled'; rowsWritten: number; refreshed: boolean; error: TProviderError | null };

/** How far back a first sync goes when the user gives no start. */
const FIRST_SYNC_DAYS: Record<TTimeframe, number> = { '1m': 7, '5m': 59, '15m': 59, '1h': 365, '1d': 365 * 20, '1w': 365 * 20 };

export async function syncSeries(db: TDb, provider: TMarketDataProvider, request: TSyncRequest, hooks: { signal?: AbortSignal; onProgress?: (p: TSyncProgress) => Promise<void> | void; now?: number } = {}): Promise<TSyncResult> {
  const { symbol, timeframe, adjustment } = request;
  const market = inferMarket(symbol);
  const zone = exchangeTimeZone(market);
  const key = { symbol, timeframe, adjustment };
  const meta = { source: provider.id, barTime: provider.barTime, timeZone: zone };
  const nowLocal = toWallClock(hooks.now ?? Date.now(), zone);
  const to = isIntraday(timeframe) ? nowLocal : Math.floor(nowLocal / DAY_MS) * DAY_MS;
  const series = await db.barSeries.findUnique({ where: { symbol_timeframe_adjustment: key } });
  const last = series?.lastTime != null ? Number(series.lastTime) : null;
  const from = last ?? request.from ?? to - FIRST_SYNC_DAYS[timeframe] * DAY_MS;
  let rowsWritten = 0;
  let refreshed = false;
  try {
    await ensureMarketSymbol(db, symbol);
    let first = true;
    for await (const page of provider.fetchBarPages(symbol, timeframe, from, to, { adjustment, signal: hooks.signal })) {
      if (first && last !== null && series) {
        first = false;
        if (await historyChanged(db, series.id, last, page)) {
          refreshed = true;
          const all = await provider.fetchBars(symbol, timeframe, Number(series.firstTime), to, { adjustment, signal: hooks.signal });
          await writeBars(db, key, meta, all, { replace: true });
          rowsWritten = all.length;
          await hooks.onProgress?.({ progress: 1, rowsWritten });
          break;
        }
      }
      first = false;
      await writeBars(db, key, meta, page);
      rowsWritten += page.length;
      const reached = page.time[page.length - 1];
      await hooks.onProgress?.({ progress: to > from ? Math.min(1, (reached - from) / (to - from)) : 1, rowsWritten });
    }
    return { status: 'succeeded', rowsWritten, refreshed, error: null };
  } catch (error) {
    if (hooks.signal?.aborted || (error instanceof TProviderError && error.code === 'cancelled')) return { status: 'cancelled', rowsWritten, refreshed, error: null };
    if (error instanceof TProviderError) return { status: 'failed', rowsWritten, refreshed, error };
    throw error;
  }
}

/** Whether the provider's bar at the store's last time disagrees with the stored one (relative 1e-6). */
async function historyChanged(db: TDb, seriesId: number, last: number, page: TBarColumns): Promise<boolean> {
  const i = page.time.indexOf(last);
  if (i < 0) return false;
  const stored = await db.bar.findUnique({ where: { seriesId_time: { seriesId, time: BigInt(last) } }, select: { close: true } });
  if (!stored) return false;
  return Math.abs(page.close[i] - stored.close) > 1e-6 * Math.max(1, Math.abs(stored.close));
}

