import type { TDb } from '@/server/db';

/** Forgets cached answers (all, or one provider's): the next run asks the models again. */
export async function clearAiCache(db: TDb, input: { ownerId: string; provider?: string }): Promise<{ deleted: number }> {
  const { count } = await db.aiCacheEntry.deleteMany({ where: { ownerId: input.ownerId, ...(input.provider ? { provider: input.provider } : {}) } });
  return { deleted: count };
}
