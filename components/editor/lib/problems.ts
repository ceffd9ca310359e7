// Compiler output arranged for the editor: errors per node (badges, inspector) and one ordered
// list (the problems panel), each in the user's language.
import { compileGraph, type TCompileError } from '@/nodes/compile';
import type { TGraph } from '@/nodes/sdk/graph-schema';
import type { TLang } from './flow-types';

export interface TProblems {
  all: TCompileError[];
  byNode: Map<string, TCompileError[]>;
  /** graph-level problems (no node to pin them on) */
  general: TCompileError[];
  /** nodes that compile but feed no order: they will not run */
  pruned: string[];
}

export const NO_PROBLEMS: TProblems = { all: [], byNode: new Map(), general: [], pruned: [] };

export function collectProblems(graph: TGraph): TProblems {
  const result = compileGraph(graph);
  if (result.ok) return { ...NO_PROBLEMS, byNode: new Map(), pruned: result.plan.pruned };
  const byNode = new Map<string, TCompileError[]>();
  const general: TCompileError[] = [];
  for (const e of result.errors) {
    if (e.nodeId === null) general.push(e);
    else {
      const list = byNode.get(e.nodeId);
      if (list) list.push(e);
      else byNode.set(e.nodeId, [e]);
    }
  }
  // Graph-level problems first, then by the node's place in the graph.
  const order = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const all = [...general, ...result.errors.filter((e) => e.nodeId !== null).sort((a, b) => (order.get(a.nodeId!) ?? 0) - (order.get(b.nodeId!) ?? 0))];
  return { all, byNode, general, pruned: [] };
}

export function problemText(e: TCompileError, lang: TLang): string {
  return lang === 'zh' ? e.messageZh : e.message;
}
