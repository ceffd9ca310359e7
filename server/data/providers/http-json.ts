/**
 * HTTP for the providers: rate limit, timeout, retries with backoff (Retry-After honoured up to
 * a cap) for 429, 5xx, timeouts and refused connections, then a clear TProviderError. A 2xx that
 * is not JSON (an HTML error page from a proxy or a wrong base URL) is an error, not data.
 * Non-2xx JSON bodies are handed back, because providers put their error codes there (Yahoo 404,
 * Binance 400).
 */
import { TProviderError } from './provider-error';
import type { TProviderConfig, TProviderId } from './provider-types';
import { sharedLimiter, sleep } from './rate-limiter';

export interface THttpContext {
  provider: TProviderId;
  config: TProviderConfig;
  rateLimitPerMin: number;
  signal?: AbortSignal;
}

export type TJsonAnswer = { status: number; json: unknown };

export async function requestJson(ctx: THttpContext, url: string, init: RequestInit = {}): Promise<TJsonAnswer> {
  const retries = ctx.config.retries ?? 2;
  const maxWait = ctx.config.maxRetryWaitMs ?? 10_000;
  const timeoutMs = ctx.config.timeoutMs ?? 20_000;
  const host = safeHost(url);
  const limiter = sharedLimiter(`${ctx.provider}|${host}`, ctx.config.rateLimitPerMin ?? ctx.rateLimitPerMin);
  for (let attempt = 0; ; attempt++) {
    if (ctx.signal?.aborted) throw new TProviderError(ctx.provider, 'cancelled');
    await limiter.wait(ctx.signal).catch(() => {
      throw new TProviderError(ctx.provider, 'cancelled');
    });
    let failure: TProviderError;
    let retryAfterMs: number | null = null;
    try {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
      const res = await fetch(url, { ...init, signal, headers: { accept: 'application/json', ...(init.headers ?? {}) } });
      const text = await res.text();
      const contentType = res.headers.get('content-type') ?? '';
      const json = parseJson(text);
      if (res.status === 429 || res.status === 418) {
        const retryAfter = Number(res.headers.get('retry-after'));
        retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null;
        failure = new TProviderError(ctx.provider, 'rate_limited', { status: res.status, ...(retryAfterMs ? { retryAfter } : {}) });
      } else if (res.status >= 500) failure = new TProviderError(ctx.provider, 'http_error', { status: res.status });
      else if (json === undefined) {
        if (res.ok) throw new TProviderError(ctx.provider, 'not_json', { contentType: contentType.split(';')[0], snippet: snippet(text) });
        throw new TProviderError(ctx.provider, 'http_error', { status: res.status });
      } else return { status: res.status, json };
    } catch (error) {
      if (error instanceof TProviderError) throw error;
      if (ctx.signal?.aborted) throw new TProviderError(ctx.provider, 'cancelled');
      const name = (error as Error).name;
      failure =
        name === 'TimeoutError' || name === 'AbortError'
          ? new TProviderError(ctx.provider, 'timeout', { seconds: Math.round(timeoutMs / 100) / 10 })
          : new TProviderError(ctx.provider, 'unreachable', { host, reason: causeOf(error) });
    }
    if (attempt >= retries) throw failure;
    const backoff = Math.min(maxWait, retryAfterMs ?? 500 * 2 ** attempt);
    await sleep(backoff, ctx.signal).catch(() => {
      throw new TProviderError(ctx.provider, 'cancelled');
    });
  }
}

function parseJson(text: string): unknown {
  const t = text.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}

function snippet(text: string): string {
  const title = /<title>([^<]{1,80})<\/title>/i.exec(text)?.[1];
  return (title ?? text.replace(/\s+/g, ' ').trim()).slice(0, 80);
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? 'network error';
}
