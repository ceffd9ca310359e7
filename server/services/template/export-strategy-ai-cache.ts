import type { TCacheExport } from '@/server/ai/cache/cache-entry';
import { exportDecisionCache } from '@/server/ai/cache/transfer-cache';
import { createDbCacheStore } from '@/server/ai/stores/db-decision-cache-store';
import type { TDb } from '@/server/db';
import { aiDeps } from '@/server/services/ai/ai-deps';
import { collectCacheKeys } from '@/server/services/ai/collect-cache-keys';

/** Runs whose answers are shared: the recent ones (a strategy's old runs may have used old prompts). */
const RUNS_CONSIDERED = 50;

/**
 * The cached AI answers the strategy's backtests used (their decision records name the keys), as a
 * nofx-ai-cache export; null when its runs asked no model. Never the whole cache: a user's other
 * strategies' answers are not part of this one.
 */
export async function exportStrategyAiCache(db: TDb, input: { ownerId: string; strategyId: string }): Promise<TCacheExport | null> {
  const runs = await db.backtestRun.findMany({
    where: { ownerId: input.ownerId, strategyId: input.strategyId },
    orderBy: { createdAt: 'desc' },
    take: RUNS_CONSIDERED,
    select: { id: true },
  });
  const keys = new Set<string>();
  for (const run of runs) for (const key of await collectCacheKeys(db, { ownerId: input.ownerId, runId: run.id })) keys.add(key);
  if (keys.size === 0) return null;
  const file = await exportDecisionCache(createDbCacheStore(db, input.ownerId), keys, aiDeps(db).now());
  return file.entries.length > 0 ? file : null;
}
