import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import type { TStrategyDetail } from './schemas';
import { parseStoredGraph, toStrategySummary } from './to-strategy-dto';

/** Someone else's strategy is reported as not found, so ids of other users leak nothing. */
export async function getStrategy(db: TDb, input: { ownerId: string; id: string }): Promise<TStrategyDetail> {
  const row = await db.strategy.findFirst({
    where: { id: input.id, ownerId: input.ownerId },
    include: { versions: { orderBy: { version: 'desc' }, take: 1, select: { version: true } } },
  });
  if (!row) throw new AppError('not_found');
  return { ...toStrategySummary(row), graph: parseStoredGraph(row.graphJson), latestVersion: row.versions[0]?.version ?? null };
}
