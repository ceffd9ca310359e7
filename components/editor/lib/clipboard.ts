// Copy/paste of a selection in the saved-graph format, so it works across strategies and tabs
// (through localStorage and the system clipboard). Pasting gives every node a fresh id and
// rewires the copied edges between the copies.
import { z } from 'zod';
import { ZGraphEdgeSchema, ZGraphNodeSchema, type TGraph, type TGraphEdge, type TGraphNode } from '@/nodes/sdk/graph-schema';
import { baseIdForType, edgeIdAllocator, uniqueId } from './node-ids';

export const CLIPBOARD_KIND = 'nofx-studio/nodes';
export const CLIPBOARD_STORAGE_KEY = 'nofx-studio:clipboard';

const ZClipboardSchema = z.object({
  kind: z.literal(CLIPBOARD_KIND),
  version: z.literal(1),
  nodes: z.array(ZGraphNodeSchema).min(1).max(2000),
  edges: z.array(ZGraphEdgeSchema).max(10000),
});
export type TClipboard = z.infer<typeof ZClipboardSchema>;

/** The selected nodes and the edges between them (edges to unselected nodes are left behind). */
export function copySelection(graph: TGraph, selected: ReadonlySet<string>): TClipboard | null {
  const nodes = graph.nodes.filter((n) => selected.has(n.id));
  if (nodes.length === 0) return null;
  const edges = graph.edges.filter((e) => selected.has(e.source) && selected.has(e.target));
  return { kind: CLIPBOARD_KIND, version: 1, nodes: structuredClone(nodes), edges: structuredClone(edges) };
}

export function serializeClipboard(clip: TClipboard): string {
  return JSON.stringify(clip);
}

/** Anything that is not our clipboard format (other apps' text, old junk) reads as null. */
export function parseClipboard(text: string | null | undefined): TClipboard | null {
  if (!text) return null;
  try {
    const parsed = ZClipboardSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface TPasteOptions {
  /** where the top-left of the pasted block goes; default: the copied positions + `offset` */
  at?: { x: number; y: number };
  offset?: { x: number; y: number };
}

export interface TPasteResult {
  nodes: TGraphNode[];
  edges: TGraphEdge[];
  /** old id -> new id */
  idMap: Map<string, string>;
}

/** New nodes and edges to add to `graph`; ids never collide with what `graph` already has. */
export function pasteInto(graph: TGraph, clip: TClipboard, opts: TPasteOptions = {}): TPasteResult {
  const taken = new Set(graph.nodes.map((n) => n.id));
  const idMap = new Map<string, string>();
  for (const n of clip.nodes) {
    // Keep the copied id when it is free (pasting into another strategy), else number it.
    const base = taken.has(n.id) ? stripNumber(n.id) || baseIdForType(n.type) : n.id;
    idMap.set(n.id, uniqueId(base, taken));
  }
  const minX = Math.min(...clip.nodes.map((n) => n.position.x));
  const minY = Math.min(...clip.nodes.map((n) => n.position.y));
  const dx = opts.at ? opts.at.x - minX : (opts.offset?.x ?? 40);
  const dy = opts.at ? opts.at.y - minY : (opts.offset?.y ?? 40);
  const nodes = clip.nodes.map((n) => ({
    ...structuredClone(n),
    id: idMap.get(n.id)!,
    position: { x: n.position.x + dx, y: n.position.y + dy },
  }));
  const nextEdgeId = edgeIdAllocator(graph.edges.map((e) => e.id));
  const edges = clip.edges
    .filter((e) => idMap.has(e.source) && idMap.has(e.target))
    .map((e) => ({ ...e, id: nextEdgeId(), source: idMap.get(e.source)!, target: idMap.get(e.target)! }));
  return { nodes, edges, idMap };
}

/** "sma3" -> "sma": copies of copies number from the same base. */
function stripNumber(id: string): string {
  return id.replace(/\d+$/, '');
}
