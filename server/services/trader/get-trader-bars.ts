import type { TMarketDataReader } from '@/server/data/market-data';
import type { TDb } from '@/server/db';
import type { TBarsDto } from '@/server/services/backtest/schemas';
import { AppError } from '@/server/services/errors';
import { createMarketData } from '@/server/services/market/get-market-data';

const MAX_BARS = 1500;
const DAY_MS = 86_400_000;

/** Candles of one of the trader's symbols over the bars it has traded (for the K-line with its fills). */
export async function getTraderBars(db: TDb, input: { ownerId: string; id: string; symbol: string }, reader: TMarketDataReader = createMarketData(db)): Promise<TBarsDto> {
  const row = await db.trader.findFirst({ where: { id: input.id, ownerId: input.ownerId }, select: { symbolsJson: true, timeframe: true, activeFrom: true, lastBarTime: true } });
  if (!row) throw new AppError('not_found');
  if (!(JSON.parse(row.symbolsJson) as string[]).includes(input.symbol)) throw new AppError('symbol_invalid', 'symbol');
  const empty: TBarsDto = { symbol: input.symbol, times: [], open: [], high: [], low: [], close: [], volume: [], truncated: false };
  if (row.activeFrom === null || row.lastBarTime === null) return empty;
  // a little context before the first traded bar
  const from = row.activeFrom - (row.timeframe === '1d' ? 30 * DAY_MS : DAY_MS);
  let bars;
  try {
    bars = await reader.loadBars({ symbol: input.symbol, timeframe: row.timeframe as never, from, to: row.lastBarTime });
  } catch {
    return empty;
  }
  const start = Math.max(0, bars.length - MAX_BARS);
  const pick = (col: Float64Array) => Array.from(col.subarray(start, bars.length));
  return { symbol: input.symbol, times: pick(bars.time), open: pick(bars.open), high: pick(bars.high), low: pick(bars.low), close: pick(bars.close), volume: pick(bars.volume), truncated: start > 0 };
}
