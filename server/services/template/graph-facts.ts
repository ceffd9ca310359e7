// Small facts about a graph that templates need: does it call a model, what a published copy may
// carry, and whether two graphs compute the same thing.
import { getNodeDefinition } from '@/nodes/registry';
import type { TGraph } from '@/nodes/sdk/graph-schema';
import { PROVIDER_KINDS } from '@/server/ai/providers/provider-presets';

export function graphUsesAi(graph: TGraph): boolean {
  return graph.nodes.some((n) => getNodeDefinition(n.type)?.category === 'ai');
}

/** Provider values that mean the same for every user; anything else names one of the author's providers. */
const SHARED_PROVIDER_VALUES = new Set<string>(['auto', 'heuristic', ...PROVIDER_KINDS]);
/** AI node params that may hold a provider (ai.decision's, the debate's judge and participants). */
const PROVIDER_KEYS = ['provider', 'judgeProvider'];

/**
 * The graph as others may see it. An AI node may name one of the author's provider rows by id
 * (private: it says which accounts they configured, and means nothing to anyone else), so such a
 * value becomes that provider's kind ("deepseek", …): the cache keys name the kind, so a fork
 * still replays the author's shared answers, and a live run uses the reader's own provider of
 * that kind. An id that is not one of theirs becomes "auto". Keys never live in graphs.
 */
export function sanitizeGraph(graph: TGraph, providerKinds: ReadonlyMap<string, string> = new Map()): TGraph {
  const sharedProvider = (value: unknown): unknown =>
    typeof value === 'string' && !SHARED_PROVIDER_VALUES.has(value) ? (providerKinds.get(value) ?? 'auto') : value;
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      if (getNodeDefinition(n.type)?.category !== 'ai') return n;
      const params: Record<string, unknown> = { ...n.params };
      for (const key of PROVIDER_KEYS) if (key in params) params[key] = sharedProvider(params[key]);
      if (Array.isArray(params.participants)) {
        params.participants = params.participants.map((p: unknown) =>
          p && typeof p === 'object' && 'provider' in p ? { ...(p as Record<string, unknown>), provider: sharedProvider((p as { provider: unknown }).provider) } : p,
        );
      }
      return { ...n, params };
    }),
  };
}

/**
 * What a graph computes, without layout (positions, labels, groups): a backtest run on the canvas
 * counts as a run of the saved strategy even if a node was dragged afterwards.
 */
export function logicSignature(graph: TGraph): string {
  const nodes = [...graph.nodes].sort((a, b) => a.id.localeCompare(b.id)).map((n) => [n.id, n.type, sortKeys(n.params)]);
  const edges = graph.edges.map((e) => `${e.source}.${e.sourceHandle}>${e.target}.${e.targetHandle}`).sort();
  return JSON.stringify([nodes, edges]);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value as object).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}
