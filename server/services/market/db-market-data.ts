/**
 * TMarketDataReader over the database bar store. Series rows say what exists; bars come from
 * the columnar cache (DATA_DIR/bar-cache) or the rows. A timeframe that is not stored but can be
 * built from a finer stored one (5m from 1m, 1d from 1m, 1w from 1d) is resampled on request,
 * respecting the exchange's sessions.
 */
import { rangeBarColumns, type TBarColumns } from '@/server/data/bar-columns';
import { matchesQuery, TMarketDataError, type TLoadBarsRequest, type TMarketDataReader, type TSymbolInfo } from '@/server/data/market-data';
import { canResample, resampleBars, TIMEFRAME_ORDER, type TBarTimeLabel } from '@/server/data/resample-bars';
import type { TDb } from '@/server/db';
import { normalizeSymbol, seedOrInferred } from '@/server/markets/symbols';
import type { TMarketId } from '@/server/markets/types';
import { readSeriesBars } from './read-series-bars';
import { compareSeries, toSeriesInfo, type TSeriesRow } from './series-info';

export class DbMarketData implements TMarketDataReader {
  constructor(
    private readonly db: TDb,
    private readonly cacheDir: string | null,
  ) {}

  async listSymbols(filter?: { query?: string; market?: TMarketId }): Promise<TSymbolInfo[]> {
    const [series, symbols] = await Promise.all([this.db.barSeries.findMany({ where: { barCount: { gt: 0 } } }), this.db.marketSymbol.findMany({ select: { symbol: true, market: true, nameZh: true, nameEn: true } })]);
    const names = new Map(symbols.map((s) => [s.symbol, s]));
    const bySymbol = new Map<string, TSymbolInfo>();
    for (const row of [...series].sort(compareSeries)) {
      let entry = bySymbol.get(row.symbol);
      if (!entry) {
        const known = names.get(row.symbol);
        const fallback = known ? null : seedOrInferred(row.symbol);
        entry = {
          symbol: row.symbol,
          market: (known?.market ?? fallback!.market) as TMarketId,
          name: known ? { ...(known.nameZh ? { zh: known.nameZh } : {}), ...(known.nameEn ? { en: known.nameEn } : {}) } : fallback!.name,
          series: [],
        };
        bySymbol.set(row.symbol, entry);
      }
      entry.series.push(toSeriesInfo(row));
    }
    return [...bySymbol.values()]
      .filter((s) => (!filter?.market || s.market === filter.market) && matchesQuery(s, filter?.query))
      .sort((a, b) => a.symbol.localeCompare(b.symbol));
  }

  async loadBars(request: TLoadBarsRequest): Promise<TBarColumns> {
    const symbol = normalizeSymbol(request.symbol) ?? request.symbol.toUpperCase();
    const rows = (await this.db.barSeries.findMany({ where: { symbol, ...(request.adjustment ? { adjustment: request.adjustment } : {}), barCount: { gt: 0 } } })).sort(compareSeries);
    const exact = rows.find((r) => r.timeframe === request.timeframe);
    let bars: TBarColumns;
    if (exact) bars = await readSeriesBars(this.db, exact, this.cacheDir);
    else {
      // The coarsest stored series that can be resampled to the request (fewest rows to read).
      const finer = rows.filter((r) => canResample(r.timeframe as TLoadBarsRequest['timeframe'], request.timeframe)).sort((a, b) => TIMEFRAME_ORDER.indexOf(b.timeframe as never) - TIMEFRAME_ORDER.indexOf(a.timeframe as never))[0];
      if (!finer) throw new TMarketDataError('unknown_series', `no ${request.timeframe} bars for ${symbol}${request.adjustment ? ` (${request.adjustment})` : ''}`);
      bars = await this.resampled(finer, request.timeframe);
    }
    const ranged = request.from !== undefined || request.to !== undefined ? rangeBarColumns(bars, request.from ?? -Infinity, request.to ?? Infinity) : bars;
    if (ranged.length === 0) throw new TMarketDataError('no_bars_in_range', `${symbol} has no ${request.timeframe} bars in the chosen range`);
    return ranged;
  }

  private async resampled(series: TSeriesRow, to: TLoadBarsRequest['timeframe']): Promise<TBarColumns> {
    const source = await readSeriesBars(this.db, series, this.cacheDir);
    return resampleBars(source, { from: series.timeframe as TLoadBarsRequest['timeframe'], to, market: seedOrInferred(series.symbol).market, barTime: series.barTime as TBarTimeLabel });
  }
}
