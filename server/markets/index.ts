import type { TMarketId, TMarketRules } from './types';
import { usRules } from './us';
import { cryptoRules } from './crypto';
import { cnARules } from './cn-a';
import { hkRules } from './hk';
import { parseSymbol } from './symbols';

/** One line per market. */
const MARKETS: Partial<Record<TMarketId, TMarketRules>> = {
  us: usRules,
  crypto: cryptoRules,
  'cn-a': cnARules,
  hk: hkRules,
};

export function getMarketRules(id: TMarketId): TMarketRules | undefined {
  return MARKETS[id];
}

export function availableMarkets(): TMarketId[] {
  return Object.keys(MARKETS) as TMarketId[];
}

/**
 * Guesses the market from a symbol's code: 600519.SH → cn-a, 00700.HK → hk, BTCUSDT → crypto,
 * AAPL.US / AAPL → us. Vendor spellings are understood too (sh600519, 600519.SS, 0700.HK,
 * HK.00700, bare 6-digit A-share codes) — see normalizeSymbol in ./symbols.
 */
export function inferMarket(symbol: string): TMarketId {
  return parseSymbol(symbol).market;
}

export * from './types';
