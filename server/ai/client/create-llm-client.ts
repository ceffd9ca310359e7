import { estimateCost, findModelPrice } from '../providers/model-pricing';
import type { TResolvedProvider } from '../providers/resolved-provider';
import { aiFailure, isRetryable, type TAiFailure } from './ai-failure';
import type { TChatOutcome, TChatRequest } from './chat-types';
import { classifyLlmError } from './classify-llm-error';
import { computeBackoff, DEFAULT_BACKOFF, type TBackoffPolicy } from './compute-backoff';
import { createConcurrencyLimiter, type TConcurrencyLimiter } from './create-concurrency-limiter';
import { sendChatRequest, type TRawAnswer, type TSendFeatures } from './send-chat-request';

export interface TLlmClientOptions {
  backoff?: Partial<TBackoffPolicy>;
  /** injectable for tests: real waits, real jitter by default */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** where each attempt actually goes; tests of retry logic can swap the transport */
  send?: (provider: TResolvedProvider, request: TChatRequest, features: TSendFeatures) => Promise<TRawAnswer>;
}

/** Totals over every call this client made (HTTP requests, not cache hits). */
export interface TLlmClientCounters {
  calls: number;
  attempts: number;
  failures: number;
  promptTokens: number;
  completionTokens: number;
}

export interface TLlmClient {
  chat(provider: TResolvedProvider, request: TChatRequest): Promise<TChatOutcome>;
  readonly counters: Readonly<TLlmClientCounters>;
}

/**
 * The one way to call a model. Create one per server process: the concurrency limit per
 * provider only means something if every run and every debate shares it.
 */
export function createLlmClient(options: TLlmClientOptions = {}): TLlmClient {
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const send = options.send ?? sendChatRequest;
  const limiters = new Map<string, { limit: number; limiter: TConcurrencyLimiter }>();
  // Endpoints that answered 400 to an optional feature: later calls go without it.
  const rejected = { jsonMode: new Set<string>(), streamUsage: new Set<string>() };
  const counters: TLlmClientCounters = { calls: 0, attempts: 0, failures: 0, promptTokens: 0, completionTokens: 0 };

  const limiterFor = (provider: TResolvedProvider) => {
    const entry = limiters.get(provider.id);
    if (entry && entry.limit === provider.concurrency) return entry.limiter;
    const limiter = createConcurrencyLimiter(provider.concurrency);
    limiters.set(provider.id, { limit: provider.concurrency, limiter });
    return limiter;
  };

  async function attemptAll(provider: TResolvedProvider, request: TChatRequest, started: number): Promise<TChatOutcome> {
    const endpoint = `${provider.id}\u0000${provider.baseURL}`;
    let attempts = 0;
    let retries = 0;
    for (;;) {
      attempts++;
      counters.attempts++;
      const features: TSendFeatures = {
        jsonMode: request.jsonMode && provider.jsonMode && !rejected.jsonMode.has(endpoint),
        streamUsage: !rejected.streamUsage.has(endpoint),
      };
      try {
        const answer = await send(provider, request, features);
        const price = findModelPrice(provider.kind, request.model, provider.pricing);
        counters.promptTokens += answer.usage.promptTokens;
        counters.completionTokens += answer.usage.completionTokens;
        return {
          ok: true,
          ...answer,
          cost: estimateCost(price, answer.usage.promptTokens, answer.usage.completionTokens),
          latencyMs: Math.round(performance.now() - started),
          attempts,
        };
      } catch (error) {
        const classified = classifyLlmError(error, provider, request.model);
        const feature = classified.rejectedFeature;
        if (feature && features[feature]) {
          rejected[feature].add(endpoint);
          continue; // the same request without that feature; not a retry of a transient error
        }
        const canRetry = isRetryable(classified.failure.code) && retries < provider.maxRetries && !request.signal?.aborted;
        if (!canRetry) return failed(classified.failure, attempts, started);
        retries++;
        await sleep(computeBackoff(retries, classified.retryAfterMs, backoff, random), request.signal);
      }
    }
  }

  function failed(failure: TAiFailure, attempts: number, started: number): TChatOutcome {
    counters.failures++;
    return { ok: false, failure, attempts, latencyMs: Math.round(performance.now() - started) };
  }

  return {
    counters,
    async chat(provider, request) {
      const started = performance.now();
      counters.calls++;
      if (!provider.baseURL) {
        return failed(aiFailure('not_configured', `${provider.name} has no base URL`, `${provider.name} 未设置 Base URL`), 0, started);
      }
      if (provider.needsKey && !provider.apiKey) {
        return failed(
          aiFailure('missing_key', `${provider.name} has no API key; add one in Settings → AI providers`, `${provider.name} 未配置 API Key；请在 设置 → AI 服务 中添加`),
          0,
          started,
        );
      }
      if (!request.model) {
        return failed(aiFailure('unknown_model', `no model chosen for ${provider.name}`, `未为 ${provider.name} 选择模型`), 0, started);
      }
      // the slot is held through backoff waits too: a provider that is rate limiting us should
      // not get the next queued request while this one waits to retry
      return limiterFor(provider).run(() => attemptAll(provider, request, started));
    },
  };
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
