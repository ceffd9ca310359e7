import { z } from 'zod';
import { compileGraph } from '@/nodes/compile';
import { ZGraphSchema } from '@/nodes/sdk/graph-schema';
import { migrateGraph } from '@/nodes/sdk/migrate-graph';
import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import { MAX_GRAPH_JSON_BYTES, ZStrategyDescriptionSchema } from '@/server/services/strategy/schemas';
import { STRATEGY_FILE_FORMAT, STRATEGY_FILE_VERSION, type TFileProblem } from './schemas';
import { checkCacheExport, writeCacheEntries } from './write-cache-entries';

const ZFileSchema = z.object({
  name: z.string().trim().min(1).max(80),
  description: ZStrategyDescriptionSchema.default(''),
  graph: z.unknown(),
  exportedAt: z.string().max(64).optional(),
  aiCache: z.unknown().optional(),
});

/** `graph.nodes[2].type` from zod's path. */
function pathText(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(file)';
}

type TIssue = z.core.$ZodIssue;

/** Each schema problem named by its field, in both languages (the UI picks one; the CLI prints English). */
function problemOf(issue: TIssue, prefix: string[] = []): TFileProblem {
  const path = pathText([...prefix, ...issue.path]);
  const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
  if (missing) return { path, code: 'missing', message: `${path}: missing`, messageZh: `${path}：缺少此字段` };
  switch (issue.code) {
    case 'invalid_type':
      return { path, code: 'wrong_type', message: `${path}: expected ${issue.expected}`, messageZh: `${path}：类型应为 ${issue.expected}` };
    case 'too_big':
      return { path, code: 'too_big', message: `${path}: too long or too large (at most ${String(issue.maximum)})`, messageZh: `${path}：过长或过大（最多 ${String(issue.maximum)}）` };
    case 'too_small':
      return { path, code: 'too_small', message: `${path}: empty or too small (at least ${String(issue.minimum)})`, messageZh: `${path}：为空或过小（至少 ${String(issue.minimum)}）` };
    default:
      return { path, code: 'invalid', message: `${path}: not a valid value`, messageZh: `${path}：取值无效` };
  }
}

function fail(code: 'strategy_file_invalid', problems: TFileProblem[]): never {
  throw new AppError(code, 'file', { problems: problems.slice(0, 50), problemCount: problems.length });
}

/**
 * Creates a strategy from a strategy file, all or nothing. Everything is checked before the first
 * write — JSON, format and version, fields, the graph's schema, the compiler (per-node errors like a
 * backtest's), the AI cache entries' integrity — then the strategy, its first version and the cache
 * entries are written in one transaction. A bad file names each problem's field or node.
 */
export async function importStrategyFile(db: TDb, input: { ownerId: string; text: string }): Promise<{ id: string; name: string; aiCacheImported: number }> {
  let value: unknown;
  try {
    value = JSON.parse(input.text);
  } catch {
    throw new AppError('strategy_file_not_json', 'file');
  }
  const head = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  if (!head || head.format !== STRATEGY_FILE_FORMAT || head.formatVersion !== STRATEGY_FILE_VERSION) {
    throw new AppError('strategy_file_unsupported', 'file', { format: head?.format ?? null, formatVersion: head?.formatVersion ?? null });
  }
  const file = ZFileSchema.safeParse(head);
  if (!file.success) fail('strategy_file_invalid', file.error.issues.map((i) => problemOf(i)));

  const migrated = migrateGraph(file.data.graph);
  if (!migrated.ok) {
    fail('strategy_file_invalid', [{ path: 'graph', code: 'graph_version', message: `graph: ${migrated.message}`, messageZh: `graph：无法读取此图（${migrated.message}）` }]);
  }
  const graph = ZGraphSchema.safeParse(migrated.graph);
  if (!graph.success) fail('strategy_file_invalid', graph.error.issues.map((i) => problemOf(i, ['graph'])));
  const graphJson = JSON.stringify(graph.data);
  if (Buffer.byteLength(graphJson) > MAX_GRAPH_JSON_BYTES) throw new AppError('graph_too_large', 'graph');
  const compiled = compileGraph(graph.data);
  if (!compiled.ok) throw new AppError('graph_compile_failed', 'graph', { nodeErrors: compiled.errors });

  const cache = file.data.aiCache === undefined ? null : checkCacheExport(file.data.aiCache, 'aiCache');
  if (cache && !cache.ok) fail('strategy_file_invalid', cache.problems);
  const entries = cache?.ok ? cache.entries : [];

  return db.$transaction(async (tx) => {
    const s = await tx.strategy.create({
      data: { ownerId: input.ownerId, name: file.data.name, description: file.data.description, graphJson },
    });
    await tx.strategyVersion.create({ data: { strategyId: s.id, version: 1, graphJson, note: 'import' } });
    const aiCacheImported = await writeCacheEntries(tx, input.ownerId, entries);
    return { id: s.id, name: s.name, aiCacheImported };
  });
}
