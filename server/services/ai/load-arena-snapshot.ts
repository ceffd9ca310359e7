import type { TAiSnapshot } from '@/nodes/sdk';
import { arenaSnapshot } from '@/server/ai/debate/arena-snapshot';
import type { TMarketLookup } from '@/server/ai/prompts/describe-market-rules';
import { TMarketDataError, type TMarketDataReader, type TSymbolInfo } from '@/server/data/market-data';
import { inferMarket } from '@/server/markets';
import { dateToLocalMs, findSymbol } from '@/server/services/backtest/resolve-symbols';
import { AppError } from '@/server/services/errors';

export interface TArenaMarket {
  info: TSymbolInfo;
  snapshot: TAiSnapshot;
  lookup: TMarketLookup;
}

/**
 * The market a debate (or a prompt preview) argues about: the symbol found in any spelling, its
 * daily bars up to the chosen day's close (or the latest bar), and the Arena's standard
 * indicators. Errors name the form field.
 */
export async function loadArenaSnapshot(reader: TMarketDataReader, input: { symbol: string; at: string | null | undefined; bars: number }): Promise<TArenaMarket> {
  const info = await findSymbol(reader, input.symbol);
  if (!info || info.series.length === 0) throw new AppError('unknown_symbol', 'symbol', { symbol: input.symbol });
  // daily bars when there are any (the Arena debates a day's close), else the series listed first
  const series = info.series.find((s) => s.timeframe === '1d') ?? info.series[0];
  const to = input.at ? dateToLocalMs(input.at, true) : undefined;
  let bars;
  try {
    bars = await reader.loadBars({ symbol: info.symbol, timeframe: series.timeframe, adjustment: series.adjustment, to });
  } catch (error) {
    if (error instanceof TMarketDataError) throw new AppError(error.code === 'unknown_series' ? 'unknown_symbol' : 'no_bars_in_range', error.code === 'unknown_series' ? 'symbol' : 'at');
    throw error;
  }
  const snapshot = bars.length > 0 ? arenaSnapshot({ symbol: info.symbol, bars, at: to, count: input.bars }) : null;
  if (!snapshot) throw new AppError('no_bars_in_range', 'at', { symbol: info.symbol, from: series.from, to: series.to });
  const market = info.market;
  return { info, snapshot, lookup: (symbol) => (symbol === info.symbol ? market : inferMarket(symbol)) };
}
