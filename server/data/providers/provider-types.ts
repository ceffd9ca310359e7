/**
 * One interface for every market-data provider. Times in and out are exchange-local wall-clock
 * ms "as if UTC" (docs/ARCHITECTURE.md); volume is in shares (base asset for crypto), amount in
 * the quote currency. `fetchBarPages` yields ascending pages so a sync can store each page in its
 * own transaction and resume after the last one stored.
 */
import type { TBarColumns } from '../bar-columns';
import type { TAdjustment, TTimeframe } from '../market-data';
import type { TBarTimeLabel } from '../resample-bars';
import type { TMarketId } from '@/server/markets/types';

export type TProviderId = 'tushare' | 'eastmoney' | 'yahoo' | 'futu' | 'binance';

export interface TProviderConfig {
  /** default: the provider's public endpoint */
  baseUrl?: string;
  /** Tushare token, Futu WebSocket key, Binance API key (optional) */
  credential?: string;
  /** requests per minute; default per provider */
  rateLimitPerMin?: number;
  timeoutMs?: number;
  /** retries after 429 / 5xx / timeouts / refused connections (default 2) */
  retries?: number;
  /** longest wait before a retry, also caps Retry-After (default 10 s) */
  maxRetryWaitMs?: number;
}

export interface TFetchBarsOptions {
  adjustment?: TAdjustment;
  signal?: AbortSignal;
}

export interface TProviderSymbol {
  symbol: string;
  market: TMarketId;
  name: { zh?: string; en?: string };
  listingDate?: string | null;
}

export interface TMarketDataProvider {
  id: TProviderId;
  markets: readonly TMarketId[];
  timeframes: readonly TTimeframe[];
  adjustments: readonly TAdjustment[];
  /** the adjustment a fetch without one returns */
  defaultAdjustment(symbol: string): TAdjustment;
  /** whether intraday times are the bar's start or its end */
  barTime: TBarTimeLabel;
  supports(symbol: string, timeframe: TTimeframe): boolean;
  fetchBarPages(symbol: string, timeframe: TTimeframe, from: number, to: number, options?: TFetchBarsOptions): AsyncGenerator<TBarColumns>;
  fetchBars(symbol: string, timeframe: TTimeframe, from: number, to: number, options?: TFetchBarsOptions): Promise<TBarColumns>;
  listSymbols(options?: { signal?: AbortSignal }): Promise<TProviderSymbol[]>;
}

export const DEFAULT_BASE_URLS: Record<TProviderId, string> = {
  tushare: 'http://api.tushare.pro',
  eastmoney: 'https://push2his.eastmoney.com',
  yahoo: 'https://query1.finance.yahoo.com',
  futu: 'ws://127.0.0.1:33333',
  binance: 'https://api.binance.com',
};

/** Documented limits: Tushare basic tier 500/min, Futu 60 history requests per 30 s; the rest are polite guesses. */
export const DEFAULT_RATE_LIMITS: Record<TProviderId, number> = { tushare: 200, eastmoney: 60, yahoo: 60, futu: 100, binance: 600 };
