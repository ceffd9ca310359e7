import { exportDecisionCache } from '@/server/ai/cache/transfer-cache';
import type { TCacheExport } from '@/server/ai/cache/cache-entry';
import { createDbCacheStore } from '@/server/ai/stores/db-decision-cache-store';
import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import { collectCacheKeys } from './collect-cache-keys';
import { aiDeps } from './ai-deps';

/**
 * The user's cached answers as a file to share with a strategy: a run's, a trader's or a
 * debate's answers (the keys its records name), or everything when no scope is given.
 */
export async function exportAiCache(db: TDb, input: { ownerId: string; runId?: string; traderId?: string; debateId?: string }): Promise<TCacheExport> {
  const store = createDbCacheStore(db, input.ownerId);
  const scoped = !!(input.runId || input.traderId || input.debateId);
  if (input.debateId && !(await db.aiDebate.findFirst({ where: { id: input.debateId, ownerId: input.ownerId }, select: { id: true } }))) throw new AppError('not_found');
  const keys = scoped ? await collectCacheKeys(db, input) : undefined;
  return exportDecisionCache(store, keys, aiDeps(db).now());
}
