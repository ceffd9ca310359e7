import { formatBarTime, type TBarColumns } from '@/server/data/bar-columns';
import { TMarketDataError, type TMarketDataReader, type TSymbolInfo, type TTimeframe } from '@/server/data/market-data';
import { getMarketRules, inferMarket } from '@/server/markets';
import { normalizeSymbol, seedOrInferred } from '@/server/markets/symbols';
import type { TInstrument } from '@/server/markets/types';
import { AppError } from '@/server/services/errors';
import type { TBacktestMarket, TBacktestParams, TResolvedSymbol, TSymbolOption } from './schemas';

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' → exchange-local ms as if UTC (the engine's time convention); `end` = last ms of the day. */
export function dateToLocalMs(date: string, end = false): number {
  return Date.parse(`${date}T00:00:00Z`) + (end ? DAY_MS - 1 : 0);
}

/** The listing of one symbol by its code, in any vendor spelling ("600519", "sh600519", "spy"). */
export async function findSymbol(reader: TMarketDataReader, input: string): Promise<TSymbolInfo | null> {
  const wanted = new Set([input.trim().toUpperCase(), normalizeSymbol(input) ?? '']);
  const candidates = await reader.listSymbols({ query: input.trim() });
  const hit = candidates.find((c) => wanted.has(c.symbol.toUpperCase()));
  if (hit) return hit;
  // A bare code a search by name would miss (e.g. "600519" when the listing is "600519.SH").
  const canonical = normalizeSymbol(input);
  if (!canonical) return null;
  return (await reader.listSymbols({ query: canonical })).find((c) => c.symbol.toUpperCase() === canonical) ?? null;
}

export function symbolOption(info: TSymbolInfo): TSymbolOption {
  const market = info.market as TBacktestMarket;
  const rules = getMarketRules(market);
  const instrument = rules?.inferInstrument(info.symbol);
  return {
    symbol: info.symbol,
    market,
    name: info.name,
    timezone: rules?.timezone ?? 'UTC',
    currency: instrument?.currency ?? '',
    lotSize: instrument?.lotSize ?? 1,
    tick: instrument?.tick ?? 0.01,
    series: info.series.map((s) => ({ timeframe: s.timeframe, adjustment: s.adjustment, from: s.from, to: s.to, bars: s.bars })),
  };
}

/**
 * The series a run uses when none is chosen: the one with the most bars in the range (estimated
 * from its span), ties going to forward-adjusted (qfq) bars, where dividends and bonus issues do
 * not show up as price gaps. The bundled A-share files are long raw series and short qfq ones.
 */
export function pickSeries<T extends { adjustment: string; from: string; to: string; bars: number }>(series: T[], from?: string, to?: string): T {
  const day = (s: string) => Date.parse(`${s.slice(0, 10)}T00:00:00Z`);
  const score = (s: T) => {
    const span = Math.max(1, day(s.to) - day(s.from));
    const overlap = Math.max(0, Math.min(day(s.to), to ? day(to) : Infinity) - Math.max(day(s.from), from ? day(from) : -Infinity));
    return (overlap / span) * s.bars;
  };
  let best = series[0];
  for (const s of series.slice(1)) {
    const d = score(s) - score(best);
    if (d > 0 || (d === 0 && s.adjustment === 'qfq')) best = s;
  }
  return best;
}

export interface TLoadedSymbol {
  resolved: TResolvedSymbol;
  instrument: TInstrument;
  bars: TBarColumns;
}

/**
 * Finds each requested symbol in the data store, applies the market override, and loads its bars
 * for the range. Errors name the field (`symbols.<k>.symbol`, `from`) so the form can point at it.
 */
export async function loadBacktestSymbols(reader: TMarketDataReader, params: Pick<TBacktestParams, 'timeframe' | 'adjustment' | 'from' | 'to'> & { symbols: TBacktestParams['symbols'] }): Promise<TLoadedSymbol[]> {
  const out: TLoadedSymbol[] = [];
  for (const [k, wanted] of params.symbols.entries()) {
    const field = `symbols.${k}.symbol`;
    const info = await findSymbol(reader, wanted.symbol);
    if (!info) throw new AppError('unknown_symbol', field, { symbol: wanted.symbol });
    const series = info.series.filter((s) => s.timeframe === params.timeframe);
    if (series.length === 0) throw new AppError('unknown_symbol', field, { symbol: info.symbol, timeframe: params.timeframe });
    const adjustment = wanted.adjustment ?? params.adjustment ?? pickSeries(series, params.from, params.to).adjustment;
    let bars: TBarColumns;
    try {
      bars = await reader.loadBars({
        symbol: info.symbol,
        timeframe: params.timeframe as TTimeframe,
        adjustment,
        from: params.from ? dateToLocalMs(params.from) : undefined,
        to: params.to ? dateToLocalMs(params.to, true) : undefined,
      });
    } catch (error) {
      if (error instanceof TMarketDataError) {
        const available = series.find((s) => s.adjustment === adjustment) ?? series[0];
        if (error.code === 'no_bars_in_range') throw new AppError('no_bars_in_range', 'from', { symbol: info.symbol, available: { from: available.from, to: available.to } });
        throw new AppError('unknown_symbol', field, { symbol: info.symbol, adjustment });
      }
      throw error;
    }
    const inferred = inferMarket(info.symbol) as TBacktestMarket;
    const market = wanted.market ?? (info.market as TBacktestMarket) ?? inferred;
    const rules = getMarketRules(market);
    if (!rules) throw new AppError('invalid_input', `symbols.${k}.market`);
    const base = rules.inferInstrument(info.symbol);
    const instrument: TInstrument = { ...base, market, lotSize: wanted.lotSize ?? base.lotSize };
    const intraday = params.timeframe !== '1d' && params.timeframe !== '1w';
    out.push({
      instrument,
      bars,
      resolved: {
        symbol: info.symbol,
        market,
        marketOverridden: wanted.market !== undefined && wanted.market !== info.market,
        timezone: rules.timezone,
        currency: instrument.currency,
        tick: instrument.tick,
        lotSize: instrument.lotSize,
        name: info.name.zh || info.name.en ? info.name : (seedOrInferred(info.symbol).name ?? {}),
        bars: bars.length,
        adjustment,
        from: formatBarTime(bars.time[0], intraday),
        to: formatBarTime(bars.time[bars.length - 1], intraday),
      },
    });
  }
  return out;
}
