import { importDecisionCache, type TCacheImportResult } from '@/server/ai/cache/transfer-cache';
import { createDbCacheStore } from '@/server/ai/stores/db-decision-cache-store';
import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';

/**
 * Adds someone's exported answers to the user's cache, so their shared AI backtest replays here
 * with zero calls. Each entry's key is recomputed from its content: edited answers are rejected.
 */
export async function importAiCache(db: TDb, input: { ownerId: string; data: unknown }): Promise<TCacheImportResult> {
  const outcome = await importDecisionCache(createDbCacheStore(db, input.ownerId), input.data);
  if (!outcome.ok) throw new AppError('cache_import_invalid', 'data');
  return outcome.result;
}
