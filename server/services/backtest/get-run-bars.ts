import type { TDb } from '@/server/db';
import type { TMarketDataReader } from '@/server/data/market-data';
import { AppError } from '@/server/services/errors';
import { loadBacktestSymbols } from './resolve-symbols';
import type { TBarsDto } from './schemas';
import { parseParams } from './to-run-dto';

/** Most bars the K-line chart gets; longer (intraday) series send their last ones. */
export const MAX_CHART_BARS = 50_000;

/** The bars a run traded on, for the K-line chart (read again from the data store, not stored per run). */
export async function getRunBars(db: TDb, deps: { reader: TMarketDataReader }, input: { ownerId: string; id: string; symbol: string }): Promise<TBarsDto> {
  const run = await db.backtestRun.findFirst({ where: { id: input.id, ownerId: input.ownerId }, select: { paramsJson: true } });
  if (!run) throw new AppError('not_found');
  const params = parseParams(run.paramsJson);
  const wanted = params.symbols.find((s, k) => s.symbol === input.symbol || params.resolved?.[k]?.symbol === input.symbol);
  if (!wanted) throw new AppError('not_found', 'symbol');
  const [loaded] = await loadBacktestSymbols(deps.reader, { ...params, symbols: [wanted] });
  const bars = loaded.bars;
  const from = Math.max(0, bars.length - MAX_CHART_BARS);
  const slice = (a: Float64Array) => Array.from(a.subarray(from));
  return { symbol: loaded.resolved.symbol, times: slice(bars.time), open: slice(bars.open), high: slice(bars.high), low: slice(bars.low), close: slice(bars.close), volume: slice(bars.volume), truncated: from > 0 };
}
