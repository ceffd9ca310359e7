'use client';
// Everything the toolbar, the keyboard, the palette and the inspector can do to the document.
// Each action edits the saved form (or node data) and lets history/compile/autosave follow.
import { useReactFlow, type Connection } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';
import { getNodeDefinition } from '@/nodes/registry';
import type { TGraph } from '@/nodes/sdk/graph-schema';
import { CLIPBOARD_STORAGE_KEY, copySelection, parseClipboard, pasteInto, serializeClipboard, type TClipboard } from '../lib/clipboard';
import { checkConnection, type TConnectionCheck, type TConnectionLike } from '../lib/connection-check';
import type { TStudioNode } from '../lib/flow-types';
import { edgeToFlow, graphToFlow } from '../lib/graph-flow';
import { layeredLayout } from '../lib/layout';
import { baseIdForType, edgeIdAllocator, uniqueId } from '../lib/node-ids';
import { defaultParams } from '../lib/param-fields';
import { useLang } from '../use-lang';
import type { TStudioDocument } from './use-studio-document';

export const GRID = 20;

export type TNotify = (message: string, kind?: 'info' | 'error') => void;

export interface TEditorActions {
  addNode: (type: string, at?: { x: number; y: number }) => string | null;
  connect: (conn: Connection) => void;
  explainRefusal: (check: TConnectionCheck) => string | null;
  checkConnection: (conn: TConnectionLike) => TConnectionCheck;
  setParam: (nodeId: string, name: string, value: unknown) => void;
  setLabel: (nodeId: string, label: string) => void;
  selectOnly: (ids: Iterable<string>) => void;
  focusNode: (id: string) => void;
  selectAll: () => void;
  deleteSelection: () => void;
  copySelection: () => TClipboard | null;
  /** the selection in clipboard form, for the system clipboard (no side effects) */
  clipboardText: () => string | null;
  cutSelection: () => void;
  paste: (text?: string | null) => void;
  duplicateSelection: () => void;
  autoLayout: () => void;
  fitView: () => void;
  loadGraph: (graph: TGraph, message: string) => void;
}

export function useEditorActions(doc: TStudioDocument, opts: { tagNext: (tag: string) => void; notify: TNotify; snapToGrid: boolean }): TEditorActions {
  const t = useT();
  const lang = useLang();
  const flow = useReactFlow<TStudioNode>();
  const { setNodes, setEdges, nodesRef, edgesRef, getGraph, replaceGraph } = doc;
  const { tagNext, notify, snapToGrid } = opts;

  const selectedIds = useCallback(() => new Set(nodesRef.current.filter((n) => n.selected).map((n) => n.id)), [nodesRef]);

  const selectOnly = useCallback(
    (ids: Iterable<string>) => {
      const set = new Set(ids);
      setNodes((ns) => ns.map((n) => (Boolean(n.selected) === set.has(n.id) ? n : { ...n, selected: set.has(n.id) })));
      setEdges((es) => (es.some((e) => e.selected) ? es.map((e) => (e.selected ? { ...e, selected: false } : e)) : es));
    },
    [setNodes, setEdges],
  );

  /** Where a new node goes when it is not dropped: the middle of the canvas, stepped so nodes do not stack. */
  const freeSpot = useCallback(() => {
    const pane = document.querySelector('.studio-canvas .react-flow');
    const rect = pane?.getBoundingClientRect();
    const center = rect ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2 - 100, y: rect.top + rect.height / 2 - 40 }) : { x: 0, y: 0 };
    const taken = new Set(nodesRef.current.map((n) => `${Math.round(n.position.x / GRID)},${Math.round(n.position.y / GRID)}`));
    let p = { x: Math.round(center.x / GRID) * GRID, y: Math.round(center.y / GRID) * GRID };
    for (let k = 0; k < 50 && taken.has(`${p.x / GRID},${p.y / GRID}`); k++) p = { x: p.x + 2 * GRID, y: p.y + 2 * GRID };
    return p;
  }, [flow, nodesRef]);

  const addNode = useCallback(
    (type: string, at?: { x: number; y: number }) => {
      const def = getNodeDefinition(type);
      if (!def) return null;
      const id = uniqueId(baseIdForType(type), new Set(nodesRef.current.map((n) => n.id)));
      let position = at ?? freeSpot();
      if (snapToGrid) position = { x: Math.round(position.x / GRID) * GRID, y: Math.round(position.y / GRID) * GRID };
      const node: TStudioNode = { id, type: 'strategy', position, data: { type, params: defaultParams(def.params) }, selected: true };
      setNodes((ns) => [...ns.map((n) => (n.selected ? { ...n, selected: false } : n)), node]);
      return id;
    },
    [freeSpot, nodesRef, setNodes, snapToGrid],
  );

  const check = useCallback(
    (conn: Parameters<TEditorActions['checkConnection']>[0]) =>
      checkConnection({ nodes: nodesRef.current.map((n) => ({ id: n.id, type: n.data.type })), edges: edgesRef.current }, conn),
    [nodesRef, edgesRef],
  );

  const explainRefusal = useCallback(
    (c: TConnectionCheck) => {
      if (c.ok) return null;
      if (c.code === 'type_mismatch') return t.editor.connect.type_mismatch(c.detail?.[lang] ?? '');
      return t.editor.connect[c.code];
    },
    [t, lang],
  );

  const connect = useCallback(
    (conn: Connection) => {
      const c = check(conn);
      if (!c.ok) {
        notify(explainRefusal(c) ?? '', 'error');
        return;
      }
      const sourceType = nodesRef.current.find((n) => n.id === conn.source)?.data.type;
      const nextId = edgeIdAllocator(edgesRef.current.map((e) => e.id));
      const edge = edgeToFlow(
        { id: nextId(), source: conn.source, sourceHandle: conn.sourceHandle ?? '', target: conn.target, targetHandle: conn.targetHandle ?? '' },
        sourceType,
      );
      setEdges((es) => [...es.filter((e) => e.id !== c.replaces), edge]);
      if (c.replaces) notify(t.editor.connect.replaced);
    },
    [check, explainRefusal, notify, nodesRef, edgesRef, setEdges, t],
  );

  const updateNodeData = useCallback(
    (nodeId: string, update: (data: TStudioNode['data']) => TStudioNode['data']) => {
      setNodes((ns) => ns.map((n) => (n.id === nodeId ? { ...n, data: update(n.data) } : n)));
    },
    [setNodes],
  );

  const setParam = useCallback(
    (nodeId: string, name: string, value: unknown) => {
      tagNext(`param:${nodeId}:${name}`);
      updateNodeData(nodeId, (d) => {
        const params = { ...d.params };
        if (value === undefined) delete params[name];
        else params[name] = value;
        return { ...d, params };
      });
    },
    [tagNext, updateNodeData],
  );

  const setLabel = useCallback(
    (nodeId: string, label: string) => {
      tagNext(`label:${nodeId}`);
      updateNodeData(nodeId, (d) => {
        const { label: _old, ...rest } = d;
        return label.trim() === '' ? rest : { ...rest, label: label.slice(0, 80) };
      });
    },
    [tagNext, updateNodeData],
  );

  const focusNode = useCallback(
    (id: string) => {
      selectOnly([id]);
      // Centre it at the current zoom (a zoom jump loses the user's bearings), zooming in only when far out.
      const n = flow.getInternalNode(id);
      if (!n) return;
      const { x, y } = n.internals.positionAbsolute;
      const zoom = Math.max(flow.getZoom(), 0.75);
      void flow.setCenter(x + (n.measured.width ?? 200) / 2, y + (n.measured.height ?? 80) / 2, { zoom, duration: 300 });
    },
    [flow, selectOnly],
  );

  const selectAll = useCallback(() => selectOnly(nodesRef.current.map((n) => n.id)), [nodesRef, selectOnly]);

  const deleteSelection = useCallback(() => {
    const ids = selectedIds();
    const selectedEdges = new Set(edgesRef.current.filter((e) => e.selected).map((e) => e.id));
    if (ids.size === 0 && selectedEdges.size === 0) return;
    setNodes((ns) => ns.filter((n) => !ids.has(n.id)));
    setEdges((es) => es.filter((e) => !selectedEdges.has(e.id) && !ids.has(e.source) && !ids.has(e.target)));
  }, [edgesRef, selectedIds, setEdges, setNodes]);

  const copy = useCallback(() => {
    const clip = copySelection(getGraph(), selectedIds());
    if (!clip) return null;
    try {
      localStorage.setItem(CLIPBOARD_STORAGE_KEY, serializeClipboard(clip));
    } catch {
      // Storage full or disabled: the system clipboard (copy event) still carries it.
    }
    notify(t.editor.clipboard.copied(clip.nodes.length));
    return clip;
  }, [getGraph, notify, selectedIds, t]);

  const clipboardText = useCallback(() => {
    const clip = copySelection(getGraph(), selectedIds());
    return clip ? serializeClipboard(clip) : null;
  }, [getGraph, selectedIds]);

  const insert = useCallback(
    (clip: TClipboard, opts2: { offset?: { x: number; y: number }; at?: { x: number; y: number } }) => {
      const graph = getGraph();
      const pasted = pasteInto(graph, clip, opts2);
      const added = graphToFlow({ version: graph.version, nodes: pasted.nodes, edges: [] }).nodes.map((n) => ({ ...n, selected: true }));
      const typeOf = new Map([...graph.nodes, ...pasted.nodes].map((n) => [n.id, n.type]));
      const addedEdges = pasted.edges.map((e) => edgeToFlow(e, typeOf.get(e.source)));
      setNodes((ns) => [...ns.map((n) => (n.selected ? { ...n, selected: false } : n)), ...added]);
      setEdges((es) => [...es, ...addedEdges]);
      return pasted.nodes.length;
    },
    [getGraph, setEdges, setNodes],
  );

  const paste = useCallback(
    (text?: string | null) => {
      let clip = parseClipboard(text);
      if (!clip) {
        try {
          clip = parseClipboard(localStorage.getItem(CLIPBOARD_STORAGE_KEY));
        } catch {
          clip = null;
        }
      }
      if (!clip) {
        notify(t.editor.clipboard.nothingToPaste, 'error');
        return;
      }
      // Into the same strategy next to the originals; elsewhere at the middle of the canvas.
      const graph = getGraph();
      const here = clip.nodes.some((n) => graph.nodes.some((g) => g.id === n.id));
      const n = insert(clip, here ? { offset: { x: 2 * GRID, y: 2 * GRID } } : { at: freeSpot() });
      notify(t.editor.clipboard.pasted(n));
    },
    [freeSpot, getGraph, insert, notify, t],
  );

  const cutSelection = useCallback(() => {
    if (copy()) deleteSelection();
  }, [copy, deleteSelection]);

  const duplicateSelection = useCallback(() => {
    const clip = copySelection(getGraph(), selectedIds());
    if (clip) insert(clip, { offset: { x: 2 * GRID, y: 2 * GRID } });
  }, [getGraph, insert, selectedIds]);

  const fitView = useCallback(() => {
    void flow.fitView({ duration: 300, maxZoom: 1.2, padding: 0.15 });
  }, [flow]);

  const autoLayout = useCallback(() => {
    const graph = getGraph();
    const size = new Map(nodesRef.current.map((n) => [n.id, n.measured]));
    const positions = layeredLayout(
      graph.nodes.map((n) => ({ id: n.id, width: size.get(n.id)?.width, height: size.get(n.id)?.height })),
      graph.edges,
      { grid: GRID, columnGap: 60, rowGap: 30 },
    );
    setNodes((ns) => ns.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })));
    notify(t.editor.layoutDone);
    requestAnimationFrame(() => fitView());
  }, [fitView, getGraph, nodesRef, notify, setNodes, t]);

  const loadGraph = useCallback(
    (graph: TGraph, message: string) => {
      replaceGraph(graph, new Set());
      notify(message);
      requestAnimationFrame(() => requestAnimationFrame(() => fitView()));
    },
    [fitView, notify, replaceGraph],
  );

  return useMemo(
    () => ({
      addNode,
      connect,
      explainRefusal,
      checkConnection: check,
      setParam,
      setLabel,
      selectOnly,
      focusNode,
      selectAll,
      deleteSelection,
      copySelection: copy,
      clipboardText,
      cutSelection,
      paste,
      duplicateSelection,
      autoLayout,
      fitView,
      loadGraph,
    }),
    [addNode, connect, explainRefusal, check, setParam, setLabel, selectOnly, focusNode, selectAll, deleteSelection, copy, clipboardText, cutSelection, paste, duplicateSelection, autoLayout, fitView, loadGraph],
  );
}
