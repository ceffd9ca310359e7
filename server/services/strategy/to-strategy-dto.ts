import { migrateGraph } from '@/nodes/sdk/migrate-graph';
import { AppError } from '@/server/services/errors';
import { ZStrategyGraphSchema, type TStrategyGraph, type TStrategySummary } from './schemas';

type TStrategyRow = { id: string; name: string; description: string; createdAt: Date; updatedAt: Date };

export function toStrategySummary(s: TStrategyRow): TStrategySummary {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/**
 * Stored graphs are migrated to the current graph version and re-validated on read: a row written
 * by an older build must not crash the editor.
 */
export function parseStoredGraph(json: string): TStrategyGraph {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new AppError('graph_invalid');
  }
  const migrated = migrateGraph(value);
  if (!migrated.ok) throw new AppError('graph_invalid');
  const parsed = ZStrategyGraphSchema.safeParse(migrated.graph);
  if (!parsed.success) throw new AppError('graph_invalid');
  return parsed.data;
}
