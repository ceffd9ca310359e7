import type { TCacheExport } from '@/server/ai/cache/cache-entry';
import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import type { TStrategyGraph } from '@/server/services/strategy/schemas';
import { parseStoredGraph } from '@/server/services/strategy/to-strategy-dto';
import { aiDeps } from '@/server/services/ai/ai-deps';
import { exportStrategyAiCache } from './export-strategy-ai-cache';
import { STRATEGY_FILE_FORMAT, STRATEGY_FILE_VERSION } from './schemas';

/** One file holds a whole strategy: what the editor shows plus, optionally, the AI answers its runs got. */
export type TStrategyFile = {
  format: typeof STRATEGY_FILE_FORMAT;
  formatVersion: typeof STRATEGY_FILE_VERSION;
  name: string;
  description: string;
  graph: TStrategyGraph;
  exportedAt: string;
  aiCache?: TCacheExport;
};

/**
 * The caller's strategy as a strategy file. The graph is exported as saved (the file is the owner's;
 * `nofx validate` and the editor read its `graph`). Nothing about the account is written: no e-mail,
 * no provider settings, no keys.
 */
export async function exportStrategyFile(db: TDb, input: { ownerId: string; id: string; includeAiCache: boolean }): Promise<TStrategyFile> {
  const row = await db.strategy.findFirst({ where: { id: input.id, ownerId: input.ownerId }, select: { name: true, description: true, graphJson: true } });
  if (!row) throw new AppError('not_found');
  const file: TStrategyFile = {
    format: STRATEGY_FILE_FORMAT,
    formatVersion: STRATEGY_FILE_VERSION,
    name: row.name,
    description: row.description,
    graph: parseStoredGraph(row.graphJson),
    exportedAt: aiDeps(db).now().toISOString(),
  };
  if (input.includeAiCache) {
    const cache = await exportStrategyAiCache(db, { ownerId: input.ownerId, strategyId: input.id });
    if (cache) file.aiCache = cache;
  }
  return file;
}
