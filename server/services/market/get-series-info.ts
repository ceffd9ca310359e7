// One stored series' coverage (first/last bar, count, source), or not_found.
import type { TSeriesInfo } from '@/server/data/market-data';
import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import { toSeriesInfo } from './series-info';

export async function getSeriesInfo(db: TDb, input: { symbol: string; timeframe: string; adjustment: string }): Promise<TSeriesInfo> {
  const row = await db.barSeries.findUnique({ where: { symbol_timeframe_adjustment: input } });
  if (!row || row.barCount === 0) throw new AppError('not_found');
  return toSeriesInfo(row);
}
