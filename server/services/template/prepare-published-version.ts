import { compileGraph } from '@/nodes/compile';
import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import { MAX_GRAPH_JSON_BYTES } from '@/server/services/strategy/schemas';
import { parseStoredGraph } from '@/server/services/strategy/to-strategy-dto';
import { exportStrategyAiCache } from './export-strategy-ai-cache';
import { findReferenceRun } from './find-reference-run';
import { graphUsesAi, sanitizeGraph } from './graph-facts';

export type TPreparedVersion = { graphJson: string; aiCacheJson: string | null; referenceJson: string | null; usesAi: boolean };

/**
 * What a new published version holds, built from the owner's strategy as saved now: the graph must
 * compile (a template others cannot run is no template; per-node errors come back like a backtest's),
 * provider ids are replaced (graph-facts.ts), the reference is the author's matching backtest and the
 * AI cache is included only when asked for. Someone else's strategy is NOT_FOUND.
 */
export async function preparePublishedVersion(db: TDb, input: { ownerId: string; strategyId: string; includeAiCache: boolean }): Promise<TPreparedVersion> {
  const strategy = await db.strategy.findFirst({ where: { id: input.strategyId, ownerId: input.ownerId }, select: { graphJson: true } });
  if (!strategy) throw new AppError('not_found');
  const graph = parseStoredGraph(strategy.graphJson);
  const compiled = compileGraph(graph);
  if (!compiled.ok) throw new AppError('graph_compile_failed', 'graph', { nodeErrors: compiled.errors });
  const providers = await db.aiProvider.findMany({ where: { ownerId: input.ownerId }, select: { id: true, kind: true } });
  const published = sanitizeGraph(graph, new Map(providers.map((p) => [p.id, p.kind])));
  const graphJson = JSON.stringify(published);
  if (Buffer.byteLength(graphJson) > MAX_GRAPH_JSON_BYTES) throw new AppError('graph_too_large', 'graph');
  const [reference, cache] = await Promise.all([
    findReferenceRun(db, { ownerId: input.ownerId, strategyId: input.strategyId, graph }),
    input.includeAiCache ? exportStrategyAiCache(db, { ownerId: input.ownerId, strategyId: input.strategyId }) : Promise.resolve(null),
  ]);
  return {
    graphJson,
    aiCacheJson: cache ? JSON.stringify(cache) : null,
    referenceJson: reference ? JSON.stringify(reference) : null,
    usesAi: graphUsesAi(published),
  };
}
