/**
 * Tushare Pro (HTTP POST `{api_name, token, params, fields}` → `{code, msg, data:{fields, items}}`).
 * `daily` gives unadjusted A-share bars newest first, vol in lots and amount in thousand CNY;
 * qfq/hfq are computed the way the SDK's pro_bar does: hfq = price × adj_factor,
 * qfq = price × adj_factor / the latest adj_factor of the range.
 */
import { DAY_MS } from '@/server/markets/types';
import { parseSymbol } from '@/server/markets/symbols';
import type { TTimeframe } from '../market-data';
import { BarBuilder, compactDate, dateWindows, parseLocalTime } from './bar-builder';
import { requestJson, type THttpContext } from './http-json';
import { assertArray, collectPages, field, num, type TFetchArgs } from './provider-base';
import { TProviderError } from './provider-error';
import { DEFAULT_BASE_URLS, DEFAULT_RATE_LIMITS, type TMarketDataProvider, type TProviderConfig, type TProviderSymbol } from './provider-types';

const ID = 'tushare' as const;
/** ~10 years of trading days per call stays under the 6000-row cap */
const WINDOW_MS = 3650 * DAY_MS;

export function createTushareProvider(config: TProviderConfig): TMarketDataProvider {
  const base = config.baseUrl || DEFAULT_BASE_URLS.tushare;

  async function call(apiName: string, params: Record<string, string>, fields: string, signal?: AbortSignal): Promise<Record<string, unknown>[]> {
    if (!config.credential) throw new TProviderError(ID, 'not_configured', { what: 'the Tushare token' });
    const ctx: THttpContext = { provider: ID, config, rateLimitPerMin: DEFAULT_RATE_LIMITS.tushare, signal };
    const { json } = await requestJson(ctx, base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ api_name: apiName, token: config.credential, params, fields }) });
    const code = field<number>(ID, json, 'code');
    if (code !== 0) throw new TProviderError(ID, 'api_error', { code, msg: String((json as { msg?: unknown }).msg ?? '') });
    const data = field(ID, json, 'data');
    const names = assertArray(ID, field(ID, data, 'fields', 'data.fields'), 'data.fields') as string[];
    const items = assertArray(ID, field(ID, data, 'items', 'data.items'), 'data.items');
    return items.map((item, k) => {
      const row = assertArray(ID, item, `data.items[${k}]`);
      return Object.fromEntries(names.map((n, i) => [n, row[i]]));
    });
  }

  const need = (row: Record<string, unknown>, name: string, k: number) => {
    if (!(name in row)) throw new TProviderError(ID, 'missing_field', { field: `data.fields: ${name}` });
    return num(ID, row[name], `data.items[${k}].${name}`);
  };

  const provider: TMarketDataProvider = {
    id: ID,
    markets: ['cn-a'],
    timeframes: ['1d'],
    adjustments: ['raw', 'qfq', 'hfq'],
    defaultAdjustment: () => 'raw',
    barTime: 'end',
    supports: (symbol, timeframe: TTimeframe) => parseSymbol(symbol).market === 'cn-a' && timeframe === '1d',
    async *fetchBarPages(symbol, timeframe, from, to, options = {}) {
      if (!provider.supports(symbol, timeframe)) throw new TProviderError(ID, 'unsupported', { what: `${symbol} ${timeframe}` });
      const adjustment = options.adjustment ?? 'raw';
      if (!provider.adjustments.includes(adjustment)) throw new TProviderError(ID, 'unsupported', { what: `adjustment ${adjustment}` });
      // qfq divides by the latest factor of the whole request, so it is fetched before the pages.
      let latestFactor = NaN;
      const factors = new Map<number, number>();
      if (adjustment !== 'raw') {
        const rows = await call('adj_factor', { ts_code: symbol, start_date: compactDate(from), end_date: compactDate(to) }, 'ts_code,trade_date,adj_factor', options.signal);
        let latest = -Infinity;
        rows.forEach((r, k) => {
          const t = parseLocalTime(String(field(ID, r, 'trade_date', 'data.fields: trade_date')));
          if (Number.isNaN(t)) throw new TProviderError(ID, 'bad_value', { field: `data.items[${k}].trade_date`, value: String(r.trade_date) });
          factors.set(t, need(r, 'adj_factor', k));
          if (t > latest) {
            latest = t;
            latestFactor = factors.get(t)!;
          }
        });
      }
      for (const [start, end] of dateWindows(from, to, WINDOW_MS)) {
        const rows = await call('daily', { ts_code: symbol, start_date: compactDate(start), end_date: compactDate(end) }, 'ts_code,trade_date,open,high,low,close,vol,amount', options.signal);
        const page = new BarBuilder();
        rows.forEach((r, k) => {
          const t = parseLocalTime(String(field(ID, r, 'trade_date', 'data.fields: trade_date')));
          if (Number.isNaN(t)) throw new TProviderError(ID, 'bad_value', { field: `data.items[${k}].trade_date`, value: String(r.trade_date) });
          let scale = 1;
          if (adjustment !== 'raw') {
            const f = factors.get(t);
            if (f === undefined) throw new TProviderError(ID, 'missing_field', { field: `adj_factor for ${compactDate(t)}` });
            scale = adjustment === 'hfq' ? f : f / latestFactor;
          }
          // vol: lots of 100 shares; amount: thousand CNY (Tushare doc 27).
          page.push(t, need(r, 'open', k) * scale, need(r, 'high', k) * scale, need(r, 'low', k) * scale, need(r, 'close', k) * scale, need(r, 'vol', k) * 100, need(r, 'amount', k) * 1000);
        });
        if (page.length > 0) yield page.build();
      }
    },
    fetchBars: (...args: TFetchArgs) => collectPages(provider, ...args),
    async listSymbols(options = {}) {
      const rows = await call('stock_basic', { list_status: 'L' }, 'ts_code,name,list_date', options.signal);
      return rows.map((r): TProviderSymbol => {
        const listed = String(r.list_date ?? '');
        return { symbol: String(field(ID, r, 'ts_code', 'data.fields: ts_code')), market: 'cn-a', name: { zh: String(r.name ?? '') }, listingDate: /^\d{8}$/.test(listed) ? `${listed.slice(0, 4)}-${listed.slice(4, 6)}-${listed.slice(6)}` : null };
      });
    },
  };
  return provider;
}
