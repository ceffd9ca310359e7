// BarSeries rows → TSeriesInfo, and the order series are offered in.
import { formatBarTime } from '@/server/data/bar-columns';
import type { TAdjustment, TSeriesInfo, TTimeframe } from '@/server/data/market-data';
import { isIntraday, TIMEFRAME_ORDER } from '@/server/data/resample-bars';

export type TSeriesRow = {
  id: number;
  symbol: string;
  timeframe: string;
  adjustment: string;
  source: string;
  barTime: string;
  timeZone: string;
  firstTime: bigint | null;
  lastTime: bigint | null;
  barCount: number;
  revision: number;
};

/**
 * Unadjusted prices first, then forward- and back-adjusted: the same order the bundled reader
 * gives (file names sort `600519.SH_daily` before `600519.SH_daily_qfq`), so a request without
 * an adjustment gets the same series from either reader.
 */
const ADJUSTMENT_RANK: Record<string, number> = { raw: 0, none: 0, 'split-adj': 1, qfq: 2, hfq: 3 };

export function compareSeries(a: TSeriesRow, b: TSeriesRow): number {
  return (
    TIMEFRAME_ORDER.indexOf(a.timeframe as TTimeframe) - TIMEFRAME_ORDER.indexOf(b.timeframe as TTimeframe) ||
    (ADJUSTMENT_RANK[a.adjustment] ?? 9) - (ADJUSTMENT_RANK[b.adjustment] ?? 9) ||
    a.id - b.id
  );
}

export function toSeriesInfo(row: TSeriesRow): TSeriesInfo {
  const intraday = isIntraday(row.timeframe as TTimeframe);
  return {
    symbol: row.symbol,
    timeframe: row.timeframe as TTimeframe,
    adjustment: row.adjustment as TAdjustment,
    from: row.firstTime === null ? '' : formatBarTime(Number(row.firstTime), intraday),
    to: row.lastTime === null ? '' : formatBarTime(Number(row.lastTime), intraday),
    bars: row.barCount,
    source: row.source,
  };
}
