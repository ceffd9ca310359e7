// Whether a connection being drawn may be made, and why not. Port types go through the same
// `canConnect` the compiler uses; the other rules keep the graph compilable (no loops, one way
// for an order). Wiring into an input that is already wired replaces the old edge.
import { getNodeDefinition } from '@/nodes/registry';
import { canConnect, type TPortType } from '@/nodes/sdk/ports';
import type { TLocalText } from '@/nodes/sdk/define-node';

export interface TConnectionLike {
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
}

export interface TGraphLike {
  nodes: ReadonlyArray<{ id: string; type: string }>;
  edges: ReadonlyArray<{ id: string; source: string; sourceHandle?: string | null; target: string; targetHandle?: string | null }>;
}

export type TConnectionRefusal = 'self' | 'unknown_port' | 'type_mismatch' | 'duplicate' | 'order_fanout' | 'cycle';

export type TConnectionCheck =
  | { ok: true; /** id of the edge this one replaces (the input was already wired) */ replaces: string | null }
  | { ok: false; code: TConnectionRefusal; /** for type mismatches: canConnect's own reason */ detail?: TLocalText };

export function checkConnection(graph: TGraphLike, conn: TConnectionLike): TConnectionCheck {
  if (conn.source === conn.target) return { ok: false, code: 'self' };
  const typeOf = (id: string) => graph.nodes.find((n) => n.id === id)?.type;
  const sourceDef = getNodeDefinition(typeOf(conn.source) ?? '');
  const targetDef = getNodeDefinition(typeOf(conn.target) ?? '');
  const out = conn.sourceHandle ? sourceDef?.outputs[conn.sourceHandle] : undefined;
  const inp = conn.targetHandle ? targetDef?.inputs[conn.targetHandle] : undefined;
  if (!out || !inp) return { ok: false, code: 'unknown_port' };
  const types = canConnect(out.type, inp.type);
  if (!types.ok) return { ok: false, code: 'type_mismatch', detail: types.reason };

  let replaces: string | null = null;
  for (const e of graph.edges) {
    if (e.target === conn.target && e.targetHandle === conn.targetHandle) {
      if (e.source === conn.source && e.sourceHandle === conn.sourceHandle) return { ok: false, code: 'duplicate' };
      replaces = e.id;
    }
  }
  if (out.type === 'order' && graph.edges.some((e) => e.source === conn.source && e.sourceHandle === conn.sourceHandle && e.id !== replaces)) {
    return { ok: false, code: 'order_fanout' };
  }
  if (reaches(graph, conn.target, conn.source, replaces)) return { ok: false, code: 'cycle' };
  return { ok: true, replaces };
}

/** Is `to` downstream of `from` along existing edges (ignoring the edge about to be replaced)? */
function reaches(graph: TGraphLike, from: string, to: string, ignoreEdge: string | null): boolean {
  const out = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (e.id === ignoreEdge) continue;
    const list = out.get(e.source);
    if (list) list.push(e.target);
    else out.set(e.source, [e.target]);
  }
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    for (const next of out.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}

/**
 * While dragging from a handle, which handles on other nodes could take the connection (used to
 * highlight compatible handles). `from` is the handle the drag started on.
 */
export function handleAccepts(
  from: { type: 'source' | 'target'; portType: TPortType },
  to: { type: 'source' | 'target'; portType: TPortType },
): boolean {
  if (from.type === to.type) return false;
  const [out, inp] = from.type === 'source' ? [from.portType, to.portType] : [to.portType, from.portType];
  return canConnect(out, inp).ok;
}
