import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import type { TStrategyVersionDto } from './schemas';

export async function listStrategyVersions(db: TDb, input: { ownerId: string; id: string }): Promise<TStrategyVersionDto[]> {
  const owned = await db.strategy.findFirst({ where: { id: input.id, ownerId: input.ownerId }, select: { id: true } });
  if (!owned) throw new AppError('not_found');
  const rows = await db.strategyVersion.findMany({
    where: { strategyId: input.id },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, note: true, createdAt: true },
  });
  return rows.map((v) => ({ id: v.id, version: v.version, note: v.note, createdAt: v.createdAt.toISOString() }));
}
