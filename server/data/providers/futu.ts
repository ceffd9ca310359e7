/**
 * Futu OpenD through the `futu-api` npm package: a WebSocket to OpenD's websocket port, logged
 * in with the WebSocket key, then RequestHistoryKL (protocol 3103) page by page (`nextReqKey`).
 * The SDK object is injected (`createSdk`) so tests drive the adapter with a hand-written stub
 * that answers the documented `{retType, retMsg, s2c}` replies; by default the real package is
 * loaded on first use. K-line times are exchange-local already (HK and A-shares in Beijing time,
 * US in US-Eastern); minute bars are stamped at their end; volume arrives as a string.
 */
import { parseSymbol } from '@/server/markets/symbols';
import type { TTimeframe } from '../market-data';
import { BarBuilder, parseLocalTime } from './bar-builder';
import { assertArray, collectPages, num, type TFetchArgs } from './provider-base';
import { TProviderError } from './provider-error';
import { DEFAULT_BASE_URLS, DEFAULT_RATE_LIMITS, type TMarketDataProvider, type TProviderConfig } from './provider-types';
import { sharedLimiter } from './rate-limiter';

const ID = 'futu' as const;

export type TFutuReply = { retType: number; retMsg?: string; errCode?: number; s2c?: unknown };
/** The part of `futu-api`'s ftWebsocket the adapter uses. */
export interface TFutuSdk {
  onlogin: ((ret: boolean, msg: unknown) => void) | null;
  start(host: string, port: number, ssl: boolean, key: string): void;
  stop(): void;
  RequestHistoryKL(req: { c2s: Record<string, unknown> }): Promise<TFutuReply>;
}

const KL_TYPE: Record<TTimeframe, number> = { '1m': 1, '5m': 6, '15m': 7, '1h': 9, '1d': 2, '1w': 3 };
const REHAB = { raw: 0, qfq: 1, hfq: 2 } as const;

/** 00700.HK → {1, '00700'}, 600519.SH → {21, …}, 000001.SZ → {22, …}, AAPL.US → {11, 'AAPL'} */
export function futuSecurity(symbol: string): { market: number; code: string } | null {
  const p = parseSymbol(symbol);
  const [code, suffix] = p.symbol.split('.');
  if (p.market === 'hk' && /^\d{5}$/.test(code)) return { market: 1, code };
  if (p.market === 'us') return { market: 11, code };
  if (p.market === 'cn-a' && (suffix === 'SH' || suffix === 'SZ')) return { market: suffix === 'SH' ? 21 : 22, code };
  return null;
}

async function loadSdk(): Promise<TFutuSdk> {
  // A variable specifier keeps bundlers from pulling the SDK (and protobufjs) into every build.
  const name = 'futu-api';
  const mod = (await import(/* webpackIgnore: true */ name)) as { default: new () => TFutuSdk };
  return new mod.default();
}

export function createFutuProvider(config: TProviderConfig, createSdk: () => Promise<TFutuSdk> | TFutuSdk = loadSdk): TMarketDataProvider {
  const url = new URL(config.baseUrl || DEFAULT_BASE_URLS.futu);
  const timeoutMs = config.timeoutMs ?? 15_000;

  async function connect(signal?: AbortSignal): Promise<TFutuSdk> {
    if (!config.credential) throw new TProviderError(ID, 'not_configured', { what: 'the OpenD WebSocket key' });
    const sdk = await createSdk();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new TProviderError(ID, 'unreachable', { host: url.host, reason: 'no login answer from OpenD (is it running, is the WebSocket key right?)' })), timeoutMs);
      signal?.addEventListener('abort', () => reject(new TProviderError(ID, 'cancelled')), { once: true });
      sdk.onlogin = (ok, msg) => {
        clearTimeout(timer);
        if (ok) resolve();
        else reject(new TProviderError(ID, 'api_error', { code: 'login', msg: String(msg ?? '') }));
      };
      sdk.start(url.hostname, Number(url.port || 33333), url.protocol === 'wss:', config.credential!);
    }).catch((error) => {
      sdk.stop();
      throw error;
    });
    return sdk;
  }

  const provider: TMarketDataProvider = {
    id: ID,
    markets: ['hk', 'us', 'cn-a'],
    timeframes: ['1m', '5m', '15m', '1h', '1d', '1w'],
    adjustments: ['raw', 'qfq', 'hfq'],
    defaultAdjustment: () => 'qfq',
    barTime: 'end',
    supports: (symbol) => futuSecurity(symbol) !== null,
    async *fetchBarPages(symbol, timeframe, from, to, options = {}) {
      const security = futuSecurity(symbol);
      if (!security) throw new TProviderError(ID, 'unsupported', { what: symbol });
      const adjustment = options.adjustment ?? 'qfq';
      if (!(adjustment in REHAB)) throw new TProviderError(ID, 'unsupported', { what: `adjustment ${adjustment}` });
      const limiter = sharedLimiter(`futu|${url.host}`, config.rateLimitPerMin ?? DEFAULT_RATE_LIMITS.futu);
      const daily = timeframe === '1d' || timeframe === '1w';
      const sdk = await connect(options.signal);
      try {
        let nextReqKey: unknown = undefined;
        for (let page = 0; ; page++) {
          if (options.signal?.aborted) throw new TProviderError(ID, 'cancelled');
          await limiter.wait(options.signal);
          const c2s: Record<string, unknown> = {
            rehabType: REHAB[adjustment as keyof typeof REHAB],
            klType: KL_TYPE[timeframe],
            security,
            beginTime: new Date(from).toISOString().slice(0, 10),
            endTime: new Date(to).toISOString().slice(0, 10),
            maxAckKLNum: 1000,
          };
          if (nextReqKey !== undefined) c2s.nextReqKey = nextReqKey;
          const reply = await withTimeout(sdk.RequestHistoryKL({ c2s }), timeoutMs);
          if (reply.retType !== 0) throw new TProviderError(ID, reply.retType === -100 ? 'timeout' : 'api_error', reply.retType === -100 ? { seconds: timeoutMs / 1000 } : { code: String(reply.errCode ?? reply.retType), msg: String(reply.retMsg ?? '') });
          const s2c = reply.s2c as { klList?: unknown; nextReqKey?: unknown } | undefined;
          if (!s2c) throw new TProviderError(ID, 'missing_field', { field: 's2c' });
          const list = s2c.klList === undefined ? [] : assertArray(ID, s2c.klList, 's2c.klList');
          const bars = new BarBuilder();
          list.forEach((item, k) => {
            const kl = item as Record<string, unknown>;
            if (kl.isBlank) return;
            if (typeof kl.time !== 'string') throw new TProviderError(ID, 'missing_field', { field: `s2c.klList[${k}].time` });
            const local = parseLocalTime(kl.time);
            if (Number.isNaN(local)) throw new TProviderError(ID, 'bad_value', { field: `s2c.klList[${k}].time`, value: kl.time });
            const t = daily ? Math.floor(local / 86_400_000) * 86_400_000 : local;
            const f = (name: string) => num(ID, kl[name], `s2c.klList[${k}].${name}`);
            bars.push(t, f('openPrice'), f('highPrice'), f('lowPrice'), f('closePrice'), f('volume'), kl.turnover === undefined ? NaN : f('turnover'));
          });
          if (bars.length > 0) yield bars.build();
          nextReqKey = s2c.nextReqKey;
          if (nextReqKey === undefined || nextReqKey === null || (nextReqKey as { length?: number }).length === 0) return;
        }
      } finally {
        sdk.stop();
      }
    },
    fetchBars: (...args: TFetchArgs) => collectPages(provider, ...args),
    async listSymbols() {
      throw new TProviderError(ID, 'unsupported', { what: 'listing symbols' });
    },
  };
  return provider;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new TProviderError(ID, 'timeout', { seconds: ms / 1000 })), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e instanceof TProviderError ? e : new TProviderError(ID, 'unreachable', { host: 'OpenD', reason: String((e as Error)?.message ?? e) }))),
    );
  });
}
