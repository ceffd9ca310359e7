import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import type { TRenameStrategy, TStrategySummary } from './schemas';
import { toStrategySummary } from './to-strategy-dto';

export async function renameStrategy(db: TDb, input: TRenameStrategy & { ownerId: string }): Promise<TStrategySummary> {
  // updateMany with the owner in the filter: one statement that cannot touch another user's row.
  const { count } = await db.strategy.updateMany({ where: { id: input.id, ownerId: input.ownerId }, data: { name: input.name } });
  if (count === 0) throw new AppError('not_found');
  return toStrategySummary(await db.strategy.findUniqueOrThrow({ where: { id: input.id } }));
}
