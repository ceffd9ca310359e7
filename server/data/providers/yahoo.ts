/**
 * Yahoo Finance chart v8. Timestamps are UTC seconds at the bar's start; they become
 * exchange-local with meta.exchangeTimezoneName. Price arrays may hold nulls (halted or empty
 * bars): those bars are skipped. `quote.close` is split-adjusted only ('split-adj'); 'qfq' scales
 * OHLC by adjclose/close (split + dividend, latest price unchanged), daily and weekly only.
 */
import { parseSymbol } from '@/server/markets/symbols';
import { DAY_MS } from '@/server/markets/types';
import type { TTimeframe } from '../market-data';
import { fromWallClock, toWallClock } from '../time-zones';
import { BarBuilder, dateWindows } from './bar-builder';
import { requestJson } from './http-json';
import { assertArray, collectPages, field, type TFetchArgs } from './provider-base';
import { TProviderError } from './provider-error';
import { DEFAULT_BASE_URLS, DEFAULT_RATE_LIMITS, type TMarketDataProvider, type TProviderConfig } from './provider-types';

const ID = 'yahoo' as const;
const INTERVAL: Record<TTimeframe, string> = { '1m': '1m', '5m': '5m', '15m': '15m', '1h': '60m', '1d': '1d', '1w': '1wk' };
/** Yahoo serves 1m for 7 days per call and 5m/15m/60m for 60 days back only; daily has no limit. */
const WINDOW_DAYS: Record<TTimeframe, number> = { '1m': 7, '5m': 59, '15m': 59, '1h': 59, '1d': 3650, '1w': 20 * 365 };
const INDEX_CODES: Record<string, string> = { 'HSI.HK': '^HSI', 'SPX.US': '^GSPC', 'NDX.US': '^NDX' };
const ZONES = { hk: 'Asia/Hong_Kong', us: 'America/New_York', 'cn-a': 'Asia/Shanghai', crypto: 'UTC' } as const;

/** 00700.HK → 0700.HK, 600519.SH → 600519.SS, AAPL.US → AAPL, HSI.HK → ^HSI */
export function yahooSymbol(symbol: string): string | null {
  const p = parseSymbol(symbol);
  if (INDEX_CODES[p.symbol]) return INDEX_CODES[p.symbol];
  const [code, suffix] = p.symbol.split('.');
  if (p.market === 'hk') return /^\d{5}$/.test(code) ? `${code.slice(1)}.HK` : null;
  if (p.market === 'us') return code;
  if (p.market === 'cn-a') return suffix === 'SH' ? `${code}.SS` : suffix === 'SZ' ? `${code}.SZ` : null;
  return null;
}

export function createYahooProvider(config: TProviderConfig): TMarketDataProvider {
  const base = (config.baseUrl || DEFAULT_BASE_URLS.yahoo).replace(/\/$/, '');
  const provider: TMarketDataProvider = {
    id: ID,
    markets: ['hk', 'us', 'cn-a'],
    timeframes: ['1m', '5m', '15m', '1h', '1d', '1w'],
    adjustments: ['split-adj', 'qfq'],
    defaultAdjustment: () => 'split-adj',
    barTime: 'start',
    supports: (symbol) => yahooSymbol(symbol) !== null,
    async *fetchBarPages(symbol, timeframe, from, to, options = {}) {
      const code = yahooSymbol(symbol);
      if (!code) throw new TProviderError(ID, 'unsupported', { what: symbol });
      const adjustment = options.adjustment ?? 'split-adj';
      if (!provider.adjustments.includes(adjustment) || (adjustment === 'qfq' && (timeframe !== '1d' && timeframe !== '1w'))) throw new TProviderError(ID, 'unsupported', { what: `adjustment ${adjustment} for ${timeframe}` });
      const market = parseSymbol(symbol).market;
      const zone = ZONES[market];
      const daily = timeframe === '1d' || timeframe === '1w';
      for (const [start, end] of dateWindows(from, to, WINDOW_DAYS[timeframe] * DAY_MS)) {
        const period1 = Math.floor(fromWallClock(start, zone) / 1000);
        const period2 = Math.floor(fromWallClock(end + (daily ? DAY_MS : 0), zone) / 1000);
        const url = `${base}/v8/finance/chart/${encodeURIComponent(code)}?period1=${period1}&period2=${period2}&interval=${INTERVAL[timeframe]}&events=div%7Csplit`;
        const { json, status } = await requestJson({ provider: ID, config, rateLimitPerMin: DEFAULT_RATE_LIMITS.yahoo, signal: options.signal }, url, { headers: { 'user-agent': 'Mozilla/5.0 (NOFX Studio)' } });
        const chart = field<Record<string, unknown>>(ID, json, 'chart');
        const error = chart.error as { code?: string; description?: string } | null | undefined;
        if (error) {
          if (error.code === 'Not Found' || status === 404) throw new TProviderError(ID, 'unknown_symbol', { symbol: code });
          throw new TProviderError(ID, 'api_error', { code: String(error.code ?? status), msg: String(error.description ?? '') });
        }
        if (status >= 400) throw new TProviderError(ID, 'http_error', { status });
        const result = assertArray(ID, field(ID, chart, 'result', 'chart.result'), 'chart.result')[0];
        if (!result) continue;
        const meta = field<Record<string, unknown>>(ID, result, 'meta', 'chart.result[0].meta');
        const exchangeZone = typeof meta.exchangeTimezoneName === 'string' ? meta.exchangeTimezoneName : zone;
        // No timestamps = no bars in the window (Yahoo omits the arrays then).
        const timestamps = (result as { timestamp?: unknown }).timestamp;
        if (timestamps === undefined) continue;
        const times = assertArray(ID, timestamps, 'chart.result[0].timestamp');
        const indicators = field(ID, result, 'indicators', 'chart.result[0].indicators');
        const quote = assertArray(ID, field(ID, indicators, 'quote', 'indicators.quote'), 'indicators.quote')[0] as Record<string, unknown> | undefined;
        if (!quote) throw new TProviderError(ID, 'missing_field', { field: 'indicators.quote[0]' });
        const col = (name: string) => {
          const v = assertArray(ID, field(ID, quote, name, `indicators.quote[0].${name}`), `indicators.quote[0].${name}`);
          if (v.length !== times.length) throw new TProviderError(ID, 'bad_value', { field: `indicators.quote[0].${name}`, value: `${v.length} values for ${times.length} timestamps` });
          return v as (number | null)[];
        };
        const [open, high, low, close, volume] = ['open', 'high', 'low', 'close', 'volume'].map(col);
        let adj: (number | null)[] | null = null;
        if (adjustment === 'qfq') {
          const adjclose = assertArray(ID, field(ID, indicators, 'adjclose', 'indicators.adjclose'), 'indicators.adjclose')[0];
          adj = assertArray(ID, field(ID, adjclose, 'adjclose', 'indicators.adjclose[0].adjclose'), 'indicators.adjclose[0].adjclose') as (number | null)[];
        }
        const page = new BarBuilder();
        for (let i = 0; i < times.length; i++) {
          const ts = times[i];
          if (typeof ts !== 'number') throw new TProviderError(ID, 'bad_value', { field: `timestamp[${i}]`, value: String(ts) });
          const o = open[i], h = high[i], l = low[i], c = close[i];
          if (o === null || h === null || l === null || c === null) continue;
          const local = toWallClock(ts * 1000, exchangeZone);
          const t = daily ? Math.floor(local / DAY_MS) * DAY_MS : local;
          if (t < from || t > to) continue;
          const scale = adj ? (adj[i] ?? c) / c : 1;
          page.push(t, o * scale, h * scale, l * scale, c * scale, volume[i] ?? 0, NaN);
        }
        if (page.length > 0) yield page.build();
      }
    },
    fetchBars: (...args: TFetchArgs) => collectPages(provider, ...args),
    async listSymbols() {
      throw new TProviderError(ID, 'unsupported', { what: 'listing symbols' });
    },
  };
  return provider;
}
