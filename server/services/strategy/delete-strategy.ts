import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';

/** Versions go with the strategy (cascade); backtest runs keep their results (strategyId -> null). */
export async function deleteStrategy(db: TDb, input: { ownerId: string; id: string }): Promise<{ id: string }> {
  const { count } = await db.strategy.deleteMany({ where: { id: input.id, ownerId: input.ownerId } });
  if (count === 0) throw new AppError('not_found');
  return { id: input.id };
}
