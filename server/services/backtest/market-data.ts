import { bundledMarketData } from '@/server/data/bundled-market-data';
import type { TMarketDataReader } from '@/server/data/market-data';

/**
 * The market-data reader backtests use. One place to switch it: when the database bar store's
 * factory lands in server/data, return it here; every backtest service asks this function.
 */
export function backtestMarketData(): TMarketDataReader {
  return bundledMarketData();
}
