import type { TCacheEntry } from '../cache/cache-entry';
import { cacheProviderId } from '../cache/cache-provider-id';
import type { TDecisionCacheStore } from '../cache/decision-cache-store';
import { hashCacheKey } from '../cache/hash-cache-key';
import type { TChatMessage } from '../client/chat-types';
import type { TLlmClient } from '../client/create-llm-client';
import { parseDecisionAnswer } from '../parse/parse-decision-answer';
import type { TResolvedProvider } from '../providers/resolved-provider';
import type { TAnswerRecord } from '../record/ai-records';
import { ReplayMissError } from './replay-miss-error';

export type TCacheMode = 'live' | 'replay-only';

export interface TAskModelDeps {
  client: TLlmClient;
  cache: TDecisionCacheStore;
  mode: TCacheMode;
  now: () => Date;
}

export interface TAskModelRequest {
  provider: TResolvedProvider;
  model: string;
  messages: TChatMessage[];
  temperature: number;
  /** for the replay-miss message */
  where: { nodeId: string; symbol: string; barTime: number };
  onDelta?: (text: string) => void;
  signal?: AbortSignal;
}

/**
 * One question to a model through the decision cache: a hit answers without a call (and is
 * re-parsed, so parser fixes reach old answers); a miss calls the model in live mode and stores
 * what it said, or throws in replay-only mode. Transport failures are not cached: the same
 * question may succeed next time.
 */
export async function askModel(deps: TAskModelDeps, request: TAskModelRequest): Promise<TAnswerRecord> {
  const { provider, model, messages, temperature } = request;
  const params = { temperature, jsonMode: provider.jsonMode, maxTokens: null };
  const keyParts = { provider: cacheProviderId(provider), model, messages, params };
  const key = hashCacheKey(keyParts);
  const base = { provider: provider.kind, model, cacheKey: key, messages };

  const hit = await deps.cache.get(key);
  if (hit) {
    request.onDelta?.(hit.answer);
    const parsed = parseDecisionAnswer(hit.answer, hit.refusal);
    return {
      ...base,
      source: 'cache',
      rawAnswer: hit.answer,
      parsed: parsed.ok ? parsed.decision : null,
      parseNotes: parsed.ok ? parsed.notes : [],
      failure: parsed.ok ? null : parsed.failure,
      latencyMs: 0,
      attempts: 0,
      promptTokens: hit.promptTokens,
      completionTokens: hit.completionTokens,
      tokensEstimated: false,
      cost: null,
    };
  }
  if (deps.mode === 'replay-only') throw new ReplayMissError({ ...request.where, provider: provider.kind, model });

  const outcome = await deps.client.chat(provider, { model, messages, temperature, jsonMode: true, onDelta: request.onDelta, signal: request.signal });
  if (!outcome.ok) {
    return {
      ...base,
      cacheKey: null,
      source: 'model',
      rawAnswer: '',
      parsed: null,
      parseNotes: [],
      failure: outcome.failure,
      latencyMs: outcome.latencyMs,
      attempts: outcome.attempts,
      promptTokens: 0,
      completionTokens: 0,
      tokensEstimated: false,
      cost: null,
    };
  }
  // a content-filter stop is a refusal even when the provider has no `refusal` field
  const refusal = outcome.refusal ?? (outcome.finishReason === 'content_filter' ? 'stopped by the provider’s content filter' : null);
  const entry: TCacheEntry = {
    ...keyParts,
    key,
    answer: outcome.text,
    refusal,
    promptTokens: outcome.usage.promptTokens,
    completionTokens: outcome.usage.completionTokens,
    createdAt: deps.now().toISOString(),
  };
  await deps.cache.put(entry);
  const parsed = parseDecisionAnswer(outcome.text, refusal);
  return {
    ...base,
    source: 'model',
    rawAnswer: outcome.text,
    parsed: parsed.ok ? parsed.decision : null,
    parseNotes: parsed.ok ? parsed.notes : [],
    failure: parsed.ok ? null : parsed.failure,
    latencyMs: outcome.latencyMs,
    attempts: outcome.attempts,
    promptTokens: outcome.usage.promptTokens,
    completionTokens: outcome.usage.completionTokens,
    tokensEstimated: outcome.usage.estimated,
    cost: outcome.cost,
  };
}
