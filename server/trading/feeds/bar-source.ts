/**
 * Where a live feed gets bars: anything that answers "bars of this symbol and timeframe between
 * two times". A data provider (Tushare, Eastmoney, Yahoo, Futu, Binance — server/data/providers),
 * the bar store, or a replayed series in tests. A provider may return the bar that is still
 * forming; the feed, not the source, decides which bars are finished.
 */
import { rangeBarColumns, type TBarColumns } from '@/server/data/bar-columns';
import { TMarketDataError, type TMarketDataReader } from '@/server/data/market-data';
import { allocBarColumns } from '@/server/data/bar-columns';
import type { TTraderTimeframe } from '../scheduler/bar-schedule';

export interface TFetchBarsRequest {
  symbol: string;
  timeframe: TTraderTimeframe;
  /** exchange-local ms as if UTC, both inclusive */
  from: number;
  to: number;
}

export interface TBarSource {
  /** oldest first; an empty result is not an error (a suspended stock, a quiet market) */
  fetchBars(request: TFetchBarsRequest): Promise<TBarColumns>;
}

/** A recorded series played back as if it were a provider: what `fetchBars` sees is the range asked for. */
export function replayBarSource(series: Readonly<Record<string, TBarColumns>>): TBarSource & { calls: TFetchBarsRequest[] } {
  const calls: TFetchBarsRequest[] = [];
  return {
    calls,
    async fetchBars(request) {
      calls.push(request);
      const bars = series[request.symbol];
      if (!bars) throw new Error(`no replay series for ${request.symbol}`);
      return copy(rangeBarColumns(bars, request.from, request.to));
    },
  };
}

/** The app's market-data reader (bundled CSVs today, the bar store later) as a bar source. */
export function readerBarSource(reader: TMarketDataReader): TBarSource {
  return {
    async fetchBars({ symbol, timeframe, from, to }) {
      try {
        return await reader.loadBars({ symbol, timeframe, from, to });
      } catch (err) {
        if (err instanceof TMarketDataError && err.code === 'no_bars_in_range') return allocBarColumns(0);
        throw err;
      }
    },
  };
}

/** Providers hand back their own arrays; the feed keeps slices of them, so replay returns copies like a network would. */
function copy(bars: TBarColumns): TBarColumns {
  const out = allocBarColumns(bars.length);
  for (const k of ['time', 'open', 'high', 'low', 'close', 'volume', 'amount'] as const) out[k].set(bars[k]);
  return out;
}
