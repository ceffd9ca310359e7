// Saved graph <-> React Flow. The saved graph is the source of truth for undo, autosave, export
// and the compiler; React Flow nodes add only view state (selection, measured size).
import type { TGraph, TGraphEdge, TGraphGroup, TGraphNode } from '@/nodes/sdk/graph-schema';
import { CURRENT_GRAPH_VERSION } from '@/nodes/sdk/graph-schema';
import type { TPortType } from '@/nodes/sdk/ports';
import { getNodeDefinition } from '@/nodes/registry';
import { STUDIO_NODE_TYPE, type TStudioEdge, type TStudioNode } from './flow-types';

export function nodeToFlow(node: TGraphNode): TStudioNode {
  const data: TStudioNode['data'] = { type: node.type, params: node.params ?? {} };
  if (node.label !== undefined) data.label = node.label;
  return { id: node.id, type: STUDIO_NODE_TYPE, position: { x: node.position.x, y: node.position.y }, data };
}

/** The type an output port carries, or null when the node type or port is unknown. */
export function outputPortType(nodeType: string | undefined, handle: string | null | undefined): TPortType | null {
  if (!nodeType || !handle) return null;
  return getNodeDefinition(nodeType)?.outputs[handle]?.type ?? null;
}

export function inputPortType(nodeType: string | undefined, handle: string | null | undefined): TPortType | null {
  if (!nodeType || !handle) return null;
  return getNodeDefinition(nodeType)?.inputs[handle]?.type ?? null;
}

/** Edges are coloured by what they carry (CSS classes in editor.css). */
export function edgeClassName(portType: TPortType | null): string {
  return `studio-edge studio-edge--${portType ?? 'unknown'}`;
}

export function edgeToFlow(edge: TGraphEdge, sourceType: string | undefined): TStudioEdge {
  return {
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourceHandle,
    target: edge.target,
    targetHandle: edge.targetHandle,
    className: edgeClassName(outputPortType(sourceType, edge.sourceHandle)),
  };
}

export function graphToFlow(graph: TGraph): { nodes: TStudioNode[]; edges: TStudioEdge[] } {
  const typeOf = new Map(graph.nodes.map((n) => [n.id, n.type]));
  return {
    nodes: graph.nodes.map(nodeToFlow),
    edges: graph.edges.map((e) => edgeToFlow(e, typeOf.get(e.source))),
  };
}

export function flowNodeToGraph(node: TStudioNode): TGraphNode {
  const out: TGraphNode = {
    id: node.id,
    type: node.data.type,
    params: node.data.params,
    position: { x: round(node.position.x), y: round(node.position.y) },
  };
  if (node.data.label !== undefined && node.data.label !== '') out.label = node.data.label;
  return out;
}

export function flowEdgeToGraph(edge: TStudioEdge): TGraphEdge {
  return {
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourceHandle ?? '',
    target: edge.target,
    targetHandle: edge.targetHandle ?? '',
  };
}

/** Groups are written only when there are some, so an ungrouped graph saves exactly as before. */
export function flowToGraph(nodes: readonly TStudioNode[], edges: readonly TStudioEdge[], groups: readonly TGraphGroup[] = []): TGraph {
  const graph: TGraph = { version: CURRENT_GRAPH_VERSION, nodes: nodes.map(flowNodeToGraph), edges: edges.map(flowEdgeToGraph) };
  if (groups.length > 0) graph.groups = groups.map((g) => ({ id: g.id, label: g.label, nodeIds: [...g.nodeIds], collapsed: g.collapsed }));
  return graph;
}

/**
 * Replaces the canvas with a graph but keeps view state of nodes that survive (selection,
 * measured size), so undo does not flicker nodes through an unmeasured frame.
 */
export function mergeFlowNodes(previous: readonly TStudioNode[], next: readonly TStudioNode[]): TStudioNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  return next.map((n) => {
    const old = before.get(n.id);
    if (!old) return n;
    return { ...n, selected: old.selected, measured: old.measured, width: old.width, height: old.height };
  });
}

/** Positions are kept to a tenth of a pixel: drags produce long fractions nobody needs saved. */
function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** A stable text form used to tell whether two graphs differ (history, autosave). */
export function graphKey(graph: TGraph): string {
  return JSON.stringify(graph);
}
