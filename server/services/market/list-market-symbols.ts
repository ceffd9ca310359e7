// The Data page's symbol list: every symbol-master row with its stored series and their ranges,
// matched on code or name in either language.
import type { TSeriesInfo } from '@/server/data/market-data';
import type { TDb } from '@/server/db';
import { parseSymbol, seedOrInferred } from '@/server/markets/symbols';
import { compareSeries, toSeriesInfo } from './series-info';

export type TMarketSymbolDto = {
  symbol: string;
  market: string;
  board: string;
  kind: string;
  currency: string;
  name: { zh?: string; en?: string };
  lotSize: number;
  tick: number;
  listingDate: string | null;
  origin: string;
  series: TSeriesInfo[];
};

export async function listMarketSymbols(db: TDb, input: { query?: string; market?: string; withoutData?: boolean }): Promise<TMarketSymbolDto[]> {
  const [symbols, series] = await Promise.all([db.marketSymbol.findMany(), db.barSeries.findMany({ where: { barCount: { gt: 0 } } })]);
  const bySymbol = new Map<string, TMarketSymbolDto>();
  for (const s of symbols) {
    bySymbol.set(s.symbol, {
      symbol: s.symbol,
      market: s.market,
      board: s.board,
      kind: s.kind,
      currency: s.currency,
      name: { ...(s.nameZh ? { zh: s.nameZh } : {}), ...(s.nameEn ? { en: s.nameEn } : {}) },
      lotSize: s.lotSize,
      tick: s.tick,
      listingDate: s.listingDate,
      origin: s.origin,
      series: [],
    });
  }
  for (const row of [...series].sort(compareSeries)) {
    let entry = bySymbol.get(row.symbol);
    if (!entry) {
      const rec = seedOrInferred(row.symbol);
      entry = { symbol: rec.symbol, market: rec.market, board: rec.board, kind: rec.kind, currency: rec.currency, name: rec.name, lotSize: rec.lotSize, tick: rec.tick, listingDate: rec.listingDate, origin: rec.origin, series: [] };
      bySymbol.set(row.symbol, entry);
    }
    entry.series.push(toSeriesInfo(row));
  }
  const q = input.query?.trim().toLowerCase();
  // A typed code in a vendor style (sh600519, 700.hk) finds the canonical row too.
  const canonical = input.query ? parseSymbol(input.query).symbol.toLowerCase() : undefined;
  return [...bySymbol.values()]
    .filter((s) => input.withoutData || s.series.length > 0)
    .filter((s) => !input.market || s.market === input.market)
    .filter((s) => !q || [s.symbol, s.name.zh ?? '', s.name.en ?? ''].some((x) => x.toLowerCase().includes(q)) || s.symbol.toLowerCase() === canonical)
    .sort((a, b) => a.symbol.localeCompare(b.symbol));
}
