import type { TDb } from '@/server/db';
import { EMPTY_GRAPH, type TCreateStrategy, type TStrategySummary } from './schemas';
import { toStrategySummary } from './to-strategy-dto';

export async function createStrategy(db: TDb, input: TCreateStrategy & { ownerId: string }): Promise<TStrategySummary> {
  const row = await db.strategy.create({
    data: {
      ownerId: input.ownerId,
      name: input.name,
      description: input.description ?? '',
      graphJson: JSON.stringify(EMPTY_GRAPH),
    },
  });
  return toStrategySummary(row);
}
