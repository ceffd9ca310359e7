import { CURRENT_GRAPH_VERSION } from './graph-schema';

/**
 * Graph migrations by version. A saved graph is JSON of some older version; each step turns
 * version n into n+1. Add a step here whenever a node definition changes incompatibly
 * (renamed param, split port); never edit an old step.
 */
type TMigrationStep = (graph: Record<string, unknown>) => Record<string, unknown>;

const STEPS: Record<number, TMigrationStep> = {
  // 1 -> 2 goes here when needed.
};

export type TMigrateResult =
  | { ok: true; graph: unknown; from: number }
  | { ok: false; message: string };

export function migrateGraph(input: unknown): TMigrateResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, message: 'graph must be a JSON object with version, nodes and edges' };
  }
  let graph = input as Record<string, unknown>;
  const from = graph.version === undefined ? 1 : graph.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    return { ok: false, message: `graph version must be a positive integer, got ${JSON.stringify(graph.version)}` };
  }
  if (from > CURRENT_GRAPH_VERSION) {
    return { ok: false, message: `graph version ${from} is newer than this app understands (${CURRENT_GRAPH_VERSION})` };
  }
  for (let v = from; v < CURRENT_GRAPH_VERSION; v++) {
    const step = STEPS[v];
    if (!step) return { ok: false, message: `no migration from graph version ${v}` };
    graph = step(graph);
  }
  return { ok: true, graph: { ...graph, version: CURRENT_GRAPH_VERSION }, from };
}
