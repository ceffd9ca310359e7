import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import { MAX_GRAPH_JSON_BYTES, type TSaveStrategyGraph } from './schemas';

/** Stores the graph as the strategy's current state and as a new numbered version (every save). */
export async function saveStrategyGraph(
  db: TDb,
  input: TSaveStrategyGraph & { ownerId: string },
): Promise<{ id: string; version: number; savedAt: string }> {
  const graphJson = JSON.stringify(input.graph);
  if (Buffer.byteLength(graphJson) > MAX_GRAPH_JSON_BYTES) throw new AppError('graph_too_large', 'graph');
  return db.$transaction(async (tx) => {
    const owned = await tx.strategy.findFirst({ where: { id: input.id, ownerId: input.ownerId }, select: { id: true } });
    if (!owned) throw new AppError('not_found');
    const last = await tx.strategyVersion.findFirst({
      where: { strategyId: input.id },
      orderBy: { version: 'desc' },
      select: { version: true },
    });
    const version = (last?.version ?? 0) + 1;
    // (strategyId, version) is unique: a concurrent save of the same strategy fails instead of overwriting.
    const created = await tx.strategyVersion.create({
      data: { strategyId: input.id, version, graphJson, note: input.note ?? '' },
    });
    await tx.strategy.update({ where: { id: input.id }, data: { graphJson } });
    return { id: input.id, version, savedAt: created.createdAt.toISOString() };
  });
}
