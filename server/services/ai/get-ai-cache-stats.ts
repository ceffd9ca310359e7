import type { TDb } from '@/server/db';
import type { TCacheStatsDto } from './schemas';

/** How many answers the user's cache holds, per provider and model. */
export async function getAiCacheStats(db: TDb, input: { ownerId: string }): Promise<TCacheStatsDto> {
  const where = { ownerId: input.ownerId };
  const [groups, range] = await Promise.all([
    db.aiCacheEntry.groupBy({ by: ['provider', 'model'], where, _count: { _all: true }, orderBy: [{ provider: 'asc' }, { model: 'asc' }] }),
    db.aiCacheEntry.aggregate({ where, _min: { createdAt: true }, _max: { createdAt: true }, _count: { _all: true } }),
  ]);
  return {
    entries: range._count._all,
    byModel: groups.map((g) => ({ provider: g.provider, model: g.model, entries: g._count._all })),
    oldest: range._min.createdAt?.toISOString() ?? null,
    newest: range._max.createdAt?.toISOString() ?? null,
  };
}
