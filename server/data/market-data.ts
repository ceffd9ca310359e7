import type { TMarketId } from '@/server/markets/types';
import type { TBarColumns } from './bar-columns';

/**
 * What the app (backtests, symbol pickers, traders) asks of market data. One interface, so the
 * implementation can move from the bundled CSV files to the database bar store (and a columnar
 * cache) without touching callers.
 */
export type TTimeframe = '1m' | '5m' | '15m' | '1h' | '1d' | '1w';
export type TAdjustment = 'raw' | 'qfq' | 'hfq' | 'split-adj' | 'none';

export interface TSeriesInfo {
  symbol: string;
  timeframe: TTimeframe;
  adjustment: TAdjustment;
  /** first and last bar, exchange-local, ISO (date for daily and coarser, date-time otherwise) */
  from: string;
  to: string;
  bars: number;
  /** where the bars came from, e.g. "bundled:600519.SH_daily.csv", "tushare", "csv-import" */
  source: string;
}

export interface TSymbolInfo {
  symbol: string;
  market: TMarketId;
  name: { zh?: string; en?: string };
  series: TSeriesInfo[];
}

export interface TLoadBarsRequest {
  symbol: string;
  timeframe: TTimeframe;
  /** default: the series' own (the first one listed for this symbol and timeframe) */
  adjustment?: TAdjustment;
  /** exchange-local ms as if UTC, inclusive */
  from?: number;
  to?: number;
}

export interface TMarketDataReader {
  listSymbols(filter?: { query?: string; market?: TMarketId }): Promise<TSymbolInfo[]>;
  /** throws TMarketDataError when the symbol/timeframe has no data */
  loadBars(request: TLoadBarsRequest): Promise<TBarColumns>;
}

export class TMarketDataError extends Error {
  constructor(
    readonly code: 'unknown_series' | 'no_bars_in_range',
    message: string,
  ) {
    super(message);
  }
}

/** Case-insensitive match on code or name in either language ("茅台", "600519", "tencent"). */
export function matchesQuery(info: TSymbolInfo, query: string | undefined): boolean {
  if (!query) return true;
  const q = query.trim().toLowerCase();
  return [info.symbol, info.name.zh ?? '', info.name.en ?? ''].some((s) => s.toLowerCase().includes(q));
}
