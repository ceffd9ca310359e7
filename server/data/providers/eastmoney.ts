/**
 * Eastmoney push2his K-line endpoint (what AkShare's stock_zh_a_hist calls). Each kline is one
 * string `date,open,CLOSE,HIGH,LOW,volume,amount,…` — close comes before high and low.
 * A-share volume is in lots (×100 → shares); HK volume is in shares; amount in the quote currency.
 * Times are Beijing time = exchange-local for SH/SZ/BJ and HK; minute bars are stamped at their end.
 */
import { parseSymbol } from '@/server/markets/symbols';
import { DAY_MS } from '@/server/markets/types';
import type { TTimeframe } from '../market-data';
import { BarBuilder, compactDate, dateWindows, parseLocalTime } from './bar-builder';
import { requestJson } from './http-json';
import { assertArray, collectPages, field, num, type TFetchArgs } from './provider-base';
import { TProviderError } from './provider-error';
import { DEFAULT_BASE_URLS, DEFAULT_RATE_LIMITS, type TMarketDataProvider, type TProviderConfig } from './provider-types';

const ID = 'eastmoney' as const;
const KLT: Partial<Record<TTimeframe, string>> = { '5m': '5', '15m': '15', '1h': '60', '1d': '101', '1w': '102' };
const FQT = { raw: '0', qfq: '1', hfq: '2' } as const;
const WINDOW_DAYS: Partial<Record<TTimeframe, number>> = { '5m': 30, '15m': 90, '1h': 365, '1d': 3650, '1w': 20 * 365 };

/** 600519.SH → 1.600519, 000001.SZ → 0.000001, 00700.HK → 116.00700 (AkShare's secid rule) */
export function eastmoneySecId(symbol: string): string | null {
  const p = parseSymbol(symbol);
  const code = p.symbol.split('.')[0];
  if (p.market === 'hk' && /^\d{5}$/.test(code)) return `116.${code}`;
  if (p.market === 'cn-a') return `${code.startsWith('6') ? '1' : '0'}.${code}`;
  return null;
}

export function createEastmoneyProvider(config: TProviderConfig): TMarketDataProvider {
  const base = (config.baseUrl || DEFAULT_BASE_URLS.eastmoney).replace(/\/$/, '');
  const provider: TMarketDataProvider = {
    id: ID,
    markets: ['cn-a', 'hk'],
    timeframes: ['5m', '15m', '1h', '1d', '1w'],
    adjustments: ['raw', 'qfq', 'hfq'],
    defaultAdjustment: () => 'raw',
    barTime: 'end',
    supports: (symbol, timeframe) => eastmoneySecId(symbol) !== null && KLT[timeframe] !== undefined,
    async *fetchBarPages(symbol, timeframe, from, to, options = {}) {
      const secid = eastmoneySecId(symbol);
      if (!secid || !KLT[timeframe]) throw new TProviderError(ID, 'unsupported', { what: `${symbol} ${timeframe}` });
      const adjustment = options.adjustment ?? 'raw';
      if (!(adjustment in FQT)) throw new TProviderError(ID, 'unsupported', { what: `adjustment ${adjustment}` });
      const lots = parseSymbol(symbol).market === 'cn-a';
      for (const [start, end] of dateWindows(from, to, WINDOW_DAYS[timeframe]! * DAY_MS)) {
        const q = new URLSearchParams({
          secid,
          klt: KLT[timeframe]!,
          fqt: FQT[adjustment as keyof typeof FQT],
          beg: compactDate(start),
          end: compactDate(end),
          fields1: 'f1,f2,f3,f4,f5,f6',
          fields2: 'f51,f52,f53,f54,f55,f56,f57,f58,f59,f60,f61',
          ut: '7eea3edcaed734bea9cbfc24409ed989',
        });
        const { json, status } = await requestJson({ provider: ID, config, rateLimitPerMin: DEFAULT_RATE_LIMITS.eastmoney, signal: options.signal }, `${base}/api/qt/stock/kline/get?${q}`);
        if (status >= 400) throw new TProviderError(ID, 'http_error', { status });
        const rc = field(ID, json, 'rc');
        if (rc !== 0) throw new TProviderError(ID, 'api_error', { code: String(rc), msg: '' });
        const data = field<Record<string, unknown> | null>(ID, json, 'data');
        // `data: null` or no klines = nothing in this window (e.g. before listing), not an error.
        if (data === null) continue;
        const klines = assertArray(ID, field(ID, data, 'klines', 'data.klines'), 'data.klines');
        const page = new BarBuilder();
        klines.forEach((line, k) => {
          const cells = String(line).split(',');
          if (cells.length < 7) throw new TProviderError(ID, 'bad_value', { field: `data.klines[${k}]`, value: String(line).slice(0, 40) });
          const t = parseLocalTime(cells[0]);
          if (Number.isNaN(t)) throw new TProviderError(ID, 'bad_value', { field: `data.klines[${k}] date`, value: cells[0] });
          const at = (i: number, name: string) => num(ID, cells[i], `data.klines[${k}] ${name}`);
          page.push(t, at(1, 'open'), at(3, 'high'), at(4, 'low'), at(2, 'close'), at(5, 'volume') * (lots ? 100 : 1), at(6, 'amount'));
        });
        if (page.length > 0) yield page.build();
      }
    },
    fetchBars: (...args: TFetchArgs) => collectPages(provider, ...args),
    async listSymbols() {
      // The kline host has no symbol list (that is another Eastmoney service, not covered here).
      throw new TProviderError(ID, 'unsupported', { what: 'listing symbols' });
    },
  };
  return provider;
}
