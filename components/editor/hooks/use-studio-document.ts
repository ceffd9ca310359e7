'use client';
// The canvas document: React Flow nodes and edges (controlled), the groups drawn around them, the
// saved-graph form derived from all three, and whether they have settled (no drag in progress) so
// history, compile and autosave see whole edits rather than every pixel of a drag.
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { TGraph } from '@/nodes/sdk/graph-schema';
import type { TStudioEdge, TStudioNode } from '../lib/flow-types';
import { flowToGraph, graphKey, graphToFlow, mergeFlowNodes } from '../lib/graph-flow';
import { pruneGroups, type TStudioGroup } from '../lib/groups';

export interface TStudioDocument {
  nodes: TStudioNode[];
  edges: TStudioEdge[];
  setNodes: React.Dispatch<React.SetStateAction<TStudioNode[]>>;
  setEdges: React.Dispatch<React.SetStateAction<TStudioEdge[]>>;
  onNodesChange: (changes: NodeChange<TStudioNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<TStudioEdge>[]) => void;
  /** groups whose members still exist (a delete dissolves what it empties) */
  groups: TStudioGroup[];
  setGroups: React.Dispatch<React.SetStateAction<TStudioGroup[]>>;
  /** the saved form of what is on the canvas now, groups included */
  graph: TGraph;
  /** graphKey(graph) once no drag is in progress; null while dragging */
  settledKey: string | null;
  /** the latest graph, for callbacks that must not re-create on every change */
  getGraph: () => TGraph;
  nodesRef: React.RefObject<TStudioNode[]>;
  edgesRef: React.RefObject<TStudioEdge[]>;
  /** replace the whole canvas (undo, import, restore); selected ids become the selection when given */
  replaceGraph: (graph: TGraph, select?: ReadonlySet<string>) => void;
}

export function useStudioDocument(initial: TGraph): TStudioDocument {
  const [nodes, setNodes] = useState<TStudioNode[]>(() => graphToFlow(initial).nodes);
  const [edges, setEdges] = useState<TStudioEdge[]>(() => graphToFlow(initial).edges);
  const [storedGroups, setGroups] = useState<TStudioGroup[]>(() => initial.groups ?? []);
  const nodesRef = useRef(nodes);
  const edgesRef = useRef(edges);
  nodesRef.current = nodes;
  edgesRef.current = edges;

  const onNodesChange = useCallback((changes: NodeChange<TStudioNode>[]) => setNodes((ns) => applyNodeChanges(changes, ns)), []);
  const onEdgesChange = useCallback((changes: EdgeChange<TStudioEdge>[]) => setEdges((es) => applyEdgeChanges(changes, es)), []);

  // Pruning depends on the set of ids only, so moving a node does not rebuild the groups.
  const ids = useMemo(() => nodes.map((n) => n.id).join('\u0000'), [nodes]);
  const groups = useMemo(() => pruneGroups(storedGroups, new Set(ids.split('\u0000'))), [storedGroups, ids]);
  const groupsRef = useRef(groups);
  groupsRef.current = groups;

  const graph = useMemo(() => flowToGraph(nodes, edges, groups), [nodes, edges, groups]);
  const dragging = nodes.some((n) => n.dragging);
  const settledKey = useMemo(() => (dragging ? null : graphKey(graph)), [graph, dragging]);
  const getGraph = useCallback(() => flowToGraph(nodesRef.current, edgesRef.current, groupsRef.current), []);

  const replaceGraph = useCallback((next: TGraph, select?: ReadonlySet<string>) => {
    const flow = graphToFlow(next);
    setNodes((prev) => {
      const merged = mergeFlowNodes(prev, flow.nodes);
      return select ? merged.map((n) => ({ ...n, selected: select.has(n.id) })) : merged;
    });
    setEdges(flow.edges);
    setGroups(next.groups ?? []);
  }, []);

  return { nodes, edges, setNodes, setEdges, onNodesChange, onEdgesChange, groups, setGroups, graph, settledKey, getGraph, nodesRef, edgesRef, replaceGraph };
}
