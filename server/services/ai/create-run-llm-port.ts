import type { TCacheMode } from '@/server/ai/decide/ask-model';
import { createLlmPort, type TRunLlmPort } from '@/server/ai/decide/create-llm-port';
import type { TMarketLookup } from '@/server/ai/prompts/describe-market-rules';
import { createProviderDirectory } from '@/server/ai/providers/create-provider-directory';
import { createDbAiRecordStore } from '@/server/ai/stores/db-ai-record-store';
import { createDbCacheStore } from '@/server/ai/stores/db-decision-cache-store';
import { createDbProviderSettingsStore } from '@/server/ai/stores/db-provider-settings-store';
import type { TDb } from '@/server/db';
import { aiDeps } from './ai-deps';

export interface TRunLlmPortInput {
  ownerId: string;
  /** a backtest run: its decisions are stored with this id (the run page's Decisions tab reads them) */
  runId?: string | null;
  /** a paper or live trader */
  traderId?: string | null;
  /** 'replay-only' fails the run on a cache miss instead of calling a model */
  mode?: TCacheMode;
  signal?: AbortSignal;
  /** the market of each symbol as the run resolved it; inferred from the code otherwise */
  marketOf?: TMarketLookup;
}

/**
 * The LLM port for one run of a user's graph (backtest or trader): their providers (keys
 * decrypted in memory only), their decision cache, and records written to AiDecision/AiDebate.
 * Pass it as `llm` to the engine; read `port.stats` afterwards for calls, cache hits, failures,
 * tokens and cost.
 */
export async function createRunLlmPort(db: TDb, input: TRunLlmPortInput): Promise<TRunLlmPort> {
  const deps = aiDeps(db);
  const mode = input.mode ?? 'live';
  const settings = await createDbProviderSettingsStore(db).list(input.ownerId);
  return createLlmPort({
    client: deps.client,
    directory: createProviderDirectory(settings, deps.appKey, { replay: mode === 'replay-only' }),
    cache: createDbCacheStore(db, input.ownerId),
    mode,
    records: createDbAiRecordStore(db, { ownerId: input.ownerId, traderId: input.traderId ?? null }),
    runId: input.runId ?? null,
    marketOf: input.marketOf,
    signal: input.signal,
    now: deps.now,
  });
}
