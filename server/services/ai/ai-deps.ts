// What AI services need besides the database: the key-encryption key, the process-wide LLM
// client, market data and a clock. Tests install their own per database (a test key, a client
// pointed at a local OpenAI-protocol server, bundled bars) the way backtest jobs are installed.
import type { TLlmClient } from '@/server/ai/client/create-llm-client';
import { sharedLlmClient } from '@/server/ai/client/shared-llm-client';
import type { TMarketDataReader } from '@/server/data/market-data';
import type { TDb } from '@/server/db';
import { getEnv } from '@/server/env';
import { getMarketData } from '@/server/services/market/get-market-data';

export interface TAiDeps {
  appKey: Buffer;
  client: TLlmClient;
  reader: TMarketDataReader;
  now: () => Date;
}

const store = globalThis as unknown as { __nofxAiDeps?: WeakMap<TDb, Partial<TAiDeps>> };

export function aiDeps(db: TDb): TAiDeps {
  const installed = store.__nofxAiDeps?.get(db) ?? {};
  return {
    get appKey() {
      return installed.appKey ?? getEnv().keyEncryptionKey;
    },
    get client() {
      return installed.client ?? sharedLlmClient();
    },
    get reader() {
      return installed.reader ?? getMarketData();
    },
    now: installed.now ?? (() => new Date()),
  };
}

/** Tests: use these for a database instead of the process's defaults. */
export function installAiDeps(db: TDb, deps: Partial<TAiDeps>): void {
  store.__nofxAiDeps ??= new WeakMap();
  store.__nofxAiDeps.set(db, { ...store.__nofxAiDeps.get(db), ...deps });
}
