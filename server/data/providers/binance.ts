/**
 * Binance spot klines (`GET /api/v3/klines`, arrays of 12; prices as strings, times in UTC ms =
 * crypto "exchange-local"). Up to 1000 per call, paged by open time; a kline whose close time
 * is still in the future is unfinished and dropped. Errors come as `{code, msg}` JSON.
 */
import { parseSymbol } from '@/server/markets/symbols';
import type { TTimeframe } from '../market-data';
import { BarBuilder } from './bar-builder';
import { requestJson, type TJsonAnswer } from './http-json';
import { assertArray, collectPages, field, num, type TFetchArgs } from './provider-base';
import { TProviderError } from './provider-error';
import { DEFAULT_BASE_URLS, DEFAULT_RATE_LIMITS, type TMarketDataProvider, type TProviderConfig, type TProviderSymbol } from './provider-types';

const ID = 'binance' as const;
const LIMIT = 1000;

export function createBinanceProvider(config: TProviderConfig): TMarketDataProvider {
  const base = (config.baseUrl || DEFAULT_BASE_URLS.binance).replace(/\/$/, '');
  const headers: Record<string, string> = config.credential ? { 'X-MBX-APIKEY': config.credential } : {};
  const get = async (path: string, signal?: AbortSignal): Promise<unknown> => {
    const answer: TJsonAnswer = await requestJson({ provider: ID, config, rateLimitPerMin: DEFAULT_RATE_LIMITS.binance, signal }, `${base}${path}`, { headers });
    if (answer.status >= 400) {
      const body = answer.json as { code?: number; msg?: string };
      if (body && body.code === -1121) throw new TProviderError(ID, 'unknown_symbol', { symbol: path.match(/symbol=([A-Z0-9]+)/)?.[1] ?? '?' });
      throw new TProviderError(ID, 'api_error', { code: String(body?.code ?? answer.status), msg: String(body?.msg ?? '') });
    }
    return answer.json;
  };
  const provider: TMarketDataProvider = {
    id: ID,
    markets: ['crypto'],
    timeframes: ['1m', '5m', '15m', '1h', '1d', '1w'],
    adjustments: ['none'],
    defaultAdjustment: () => 'none',
    barTime: 'start',
    supports: (symbol) => parseSymbol(symbol).market === 'crypto',
    async *fetchBarPages(symbol, timeframe: TTimeframe, from, to, options = {}) {
      if (!provider.supports(symbol, timeframe)) throw new TProviderError(ID, 'unsupported', { what: symbol });
      if ((options.adjustment ?? 'none') !== 'none') throw new TProviderError(ID, 'unsupported', { what: `adjustment ${options.adjustment}` });
      let start = from;
      for (;;) {
        const json = await get(`/api/v3/klines?symbol=${encodeURIComponent(symbol)}&interval=${timeframe}&startTime=${start}&endTime=${to}&limit=${LIMIT}`, options.signal);
        const rows = assertArray(ID, json, 'klines');
        const page = new BarBuilder();
        const now = Date.now();
        let lastOpen = -Infinity;
        rows.forEach((row, k) => {
          const r = assertArray(ID, row, `klines[${k}]`);
          if (r.length < 7) throw new TProviderError(ID, 'missing_field', { field: `klines[${k}][${r.length}]` });
          const open = num(ID, r[0], `klines[${k}] open time`);
          lastOpen = Math.max(lastOpen, open);
          if (num(ID, r[6], `klines[${k}] close time`) >= now) return;
          page.push(open, num(ID, r[1], `klines[${k}] open`), num(ID, r[2], `klines[${k}] high`), num(ID, r[3], `klines[${k}] low`), num(ID, r[4], `klines[${k}] close`), num(ID, r[5], `klines[${k}] volume`), r.length > 7 ? num(ID, r[7], `klines[${k}] quote volume`) : NaN);
        });
        if (page.length > 0) yield page.build();
        if (rows.length < LIMIT || lastOpen >= to) return;
        start = lastOpen + 1;
      }
    },
    fetchBars: (...args: TFetchArgs) => collectPages(provider, ...args),
    async listSymbols(options = {}) {
      const info = await get('/api/v3/exchangeInfo', options.signal);
      const symbols = assertArray(ID, field(ID, info, 'symbols'), 'symbols');
      return symbols
        .filter((s) => (s as { status?: string }).status === 'TRADING')
        .map((s, k): TProviderSymbol => {
          const sym = String(field(ID, s, 'symbol', `symbols[${k}].symbol`));
          const baseAsset = String((s as { baseAsset?: string }).baseAsset ?? '');
          const quoteAsset = String((s as { quoteAsset?: string }).quoteAsset ?? '');
          return { symbol: sym, market: 'crypto', name: { en: baseAsset && quoteAsset ? `${baseAsset} / ${quoteAsset}` : sym } };
        });
    },
  };
  return provider;
}
