import type { TDb } from '@/server/db';
import type { TStrategySummary } from './schemas';
import { toStrategySummary } from './to-strategy-dto';

export async function listStrategies(db: TDb, input: { ownerId: string }): Promise<TStrategySummary[]> {
  const rows = await db.strategy.findMany({
    where: { ownerId: input.ownerId },
    orderBy: { updatedAt: 'desc' },
    select: { id: true, name: true, description: true, createdAt: true, updatedAt: true },
  });
  return rows.map(toStrategySummary);
}
