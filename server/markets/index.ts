import type { TMarketId, TMarketRules } from './types';
import { usRules } from './us';
import { cryptoRules } from './crypto';

/** One line per market. CN-A and HK land with the market-rules issue. */
const MARKETS: Partial<Record<TMarketId, TMarketRules>> = {
  us: usRules,
  crypto: cryptoRules,
};

export function getMarketRules(id: TMarketId): TMarketRules | undefined {
  return MARKETS[id];
}

export function availableMarkets(): TMarketId[] {
  return Object.keys(MARKETS) as TMarketId[];
}

/** Guesses the market from a symbol's code: 600519.SH → cn-a, 00700.HK → hk, BTCUSDT → crypto. */
export function inferMarket(symbol: string): TMarketId {
  const s = symbol.toUpperCase();
  if (/\.(SH|SZ|BJ)$/.test(s)) return 'cn-a';
  if (/\.HK$/.test(s)) return 'hk';
  if (/(USDT|USDC|BUSD|BTC|ETH)$/.test(s) && !s.includes('.')) return 'crypto';
  return 'us';
}

export * from './types';
