import fs from 'node:fs';
import path from 'node:path';
import { inferMarket } from '@/server/markets';
import { seedOrInferred } from '@/server/markets/symbols';
import { formatBarTime, rangeBarColumns, type TBarColumns } from './bar-columns';
import { matchesQuery, TMarketDataError, type TAdjustment, type TMarketDataReader, type TSeriesInfo, type TSymbolInfo, type TTimeframe } from './market-data';
import { parseBarsCsv } from './parse-bars-csv';

/**
 * Market data straight from the bundled CSV files in data/market (file names are
 * `<SYMBOL>_<timeframe>[_<adjustment>].csv`). The zero-set-up reader: the database bar store
 * replaces it once the data issue lands, behind the same interface.
 */
const TIMEFRAMES: Record<string, TTimeframe> = { daily: '1d', hourly: '1h', '1min': '1m', '5min': '5m', '15min': '15m', weekly: '1w' };

interface TBundledFile {
  file: string;
  info: TSeriesInfo;
}

export function parseBundledFileName(file: string): { symbol: string; timeframe: TTimeframe; adjustment: TAdjustment } | null {
  const m = /^(.+?)_(daily|hourly|1min|5min|15min|weekly)(?:_(.+))?\.csv$/i.exec(file);
  if (!m) return null;
  const symbol = m[1].toUpperCase();
  const suffix = (m[3] ?? '').toLowerCase();
  const market = inferMarket(symbol);
  // Facts from data/market/SOURCES.md: Tushare/Futu qfq files; Yahoo US/HK closes are split-adjusted;
  // crypto has no adjustment; A-share raw files are unadjusted exchange prices.
  const adjustment: TAdjustment = suffix.includes('qfq') ? 'qfq' : market === 'crypto' ? 'none' : market === 'us' || (market === 'hk' && !symbol.startsWith('HSI')) ? 'split-adj' : 'raw';
  return { symbol, timeframe: TIMEFRAMES[m[2].toLowerCase()], adjustment };
}

/** Tushare's A-share qfq files count volume in lots (手) of 100 shares (SOURCES.md); the store keeps shares. */
export function bundledVolumeMultiplier(file: string): number {
  return /\.(SH|SZ|BJ)_daily_qfq\.csv$/i.test(file) ? 100 : 1;
}

export class BundledMarketData implements TMarketDataReader {
  private files: TBundledFile[] | null = null;
  private readonly cache = new Map<string, TBarColumns>();

  constructor(private readonly dir = path.join(process.cwd(), 'data/market')) {}

  async listSymbols(filter?: { query?: string; market?: string }): Promise<TSymbolInfo[]> {
    const bySymbol = new Map<string, TSymbolInfo>();
    for (const { info } of this.index()) {
      let entry = bySymbol.get(info.symbol);
      if (!entry) {
        const record = seedOrInferred(info.symbol);
        entry = { symbol: info.symbol, market: record.market, name: record.name, series: [] };
        bySymbol.set(info.symbol, entry);
      }
      entry.series.push(info);
    }
    return [...bySymbol.values()]
      .filter((s) => (!filter?.market || s.market === filter.market) && matchesQuery(s, filter?.query))
      .sort((a, b) => a.symbol.localeCompare(b.symbol));
  }

  async loadBars(request: { symbol: string; timeframe: TTimeframe; adjustment?: TAdjustment; from?: number; to?: number }): Promise<TBarColumns> {
    const symbol = request.symbol.toUpperCase();
    const match = this.index().find((f) => f.info.symbol === symbol && f.info.timeframe === request.timeframe && (!request.adjustment || f.info.adjustment === request.adjustment));
    if (!match) throw new TMarketDataError('unknown_series', `no ${request.timeframe} bars for ${symbol}${request.adjustment ? ` (${request.adjustment})` : ''}`);
    const bars = this.read(match.file);
    const ranged = request.from !== undefined || request.to !== undefined ? rangeBarColumns(bars, request.from ?? -Infinity, request.to ?? Infinity) : bars;
    if (ranged.length === 0) throw new TMarketDataError('no_bars_in_range', `${symbol} has no ${request.timeframe} bars in the chosen range`);
    return ranged;
  }

  private index(): TBundledFile[] {
    if (this.files) return this.files;
    const files: TBundledFile[] = [];
    for (const file of fs.existsSync(this.dir) ? fs.readdirSync(this.dir).sort() : []) {
      const parsed = parseBundledFileName(file);
      if (!parsed) continue;
      const bars = this.read(file);
      const intraday = parsed.timeframe !== '1d' && parsed.timeframe !== '1w';
      files.push({
        file,
        info: { ...parsed, from: formatBarTime(bars.time[0], intraday), to: formatBarTime(bars.time[bars.length - 1], intraday), bars: bars.length, source: `bundled:${file}` },
      });
    }
    this.files = files;
    return files;
  }

  private read(file: string): TBarColumns {
    let bars = this.cache.get(file);
    if (!bars) {
      // Real files have the odd broken row (00700.HK_daily has a day with high < low); keep the rest.
      const parsed = parseBarsCsv(fs.readFileSync(path.join(this.dir, file)), { skipBadRows: true });
      if (!parsed.ok) throw new Error(`bundled file ${file} does not parse: ${parsed.errors[0]?.message}`);
      bars = parsed.bars;
      // Tushare's A-share qfq files count volume in lots (手) of 100 shares (SOURCES.md): store shares.
      const multiplier = bundledVolumeMultiplier(file);
      if (multiplier !== 1) for (let i = 0; i < bars.length; i++) bars.volume[i] *= multiplier;
      this.cache.set(file, bars);
    }
    return bars;
  }
}

let shared: BundledMarketData | null = null;
/** The process-wide reader (files are parsed once and kept). */
export function bundledMarketData(): BundledMarketData {
  shared ??= new BundledMarketData();
  return shared;
}
