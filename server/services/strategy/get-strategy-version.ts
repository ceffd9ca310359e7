import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import type { TStrategyVersionDetail } from './schemas';
import { parseStoredGraph } from './to-strategy-dto';

/** One saved version with its graph (the editor's history preview and restore). */
export async function getStrategyVersion(
  db: TDb,
  input: { ownerId: string; id: string; version: number },
): Promise<TStrategyVersionDetail> {
  const row = await db.strategyVersion.findFirst({
    where: { strategyId: input.id, version: input.version, strategy: { ownerId: input.ownerId } },
    select: { id: true, version: true, note: true, createdAt: true, graphJson: true },
  });
  if (!row) throw new AppError('not_found');
  return { id: row.id, version: row.version, note: row.note, createdAt: row.createdAt.toISOString(), graph: parseStoredGraph(row.graphJson) };
}
