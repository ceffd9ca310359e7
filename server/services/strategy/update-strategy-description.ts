import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import type { TStrategySummary, TUpdateStrategyDescription } from './schemas';
import { toStrategySummary } from './to-strategy-dto';

export async function updateStrategyDescription(
  db: TDb,
  input: TUpdateStrategyDescription & { ownerId: string },
): Promise<TStrategySummary> {
  const { count } = await db.strategy.updateMany({
    where: { id: input.id, ownerId: input.ownerId },
    data: { description: input.description },
  });
  if (count === 0) throw new AppError('not_found');
  return toStrategySummary(await db.strategy.findUniqueOrThrow({ where: { id: input.id } }));
}
