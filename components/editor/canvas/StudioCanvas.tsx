'use client';
// The canvas: React Flow with the one generic node type, live connection checks, drops from the
// palette, snap to grid, box select (Shift-drag), minimap and zoom controls.
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import { useCallback, useMemo, type DragEvent } from 'react';
import { usePreferences, useT } from '@/components/preferences/PreferencesProvider';
import { getNodeDefinition } from '@/nodes/registry';
import type { TStudioEdge, TStudioNode } from '../lib/flow-types';
import { connectionToGraph, GROUP_NODE_TYPE, type TCanvasNode } from '../lib/groups';
import type { TEditorActions, TNotify } from '../hooks/use-editor-actions';
import { GRID } from '../hooks/use-editor-actions';
import type { TStudioDocument } from '../hooks/use-studio-document';
import { PALETTE_DRAG_TYPE } from '../panels/NodePalette';
import { GroupActionsContext, GroupNode, type TGroupActions } from './GroupNode';
import { StrategyNode } from './StrategyNode';
import { ExplainConnectionContext, StudioConnectionLine, type TExplainConnection } from './StudioConnectionLine';

const NODE_TYPES: NodeTypes = { strategy: StrategyNode, [GROUP_NODE_TYPE]: GroupNode };
const SNAP: [number, number] = [GRID, GRID];
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Meta', 'Control'];
const MINIMAP_STYLE = { width: 180, height: 110 };
const FIT_OPTIONS = { maxZoom: 1.1, padding: 0.2 };

const CATEGORY_COLORS: Record<string, string> = {
  data: '#64748b',
  indicators: '#3b82f6',
  math: '#0ea5e9',
  logic: '#f59e0b',
  ai: '#a855f7',
  risk: '#ef4444',
  orders: '#10b981',
};

export function StudioCanvas({
  doc,
  nodes,
  edges,
  onNodesChange,
  groupActions,
  actions,
  notify,
  snapToGrid,
  showMinimap,
  children,
}: {
  doc: TStudioDocument;
  /** what is drawn: the document's nodes plus group frames, edges re-attached to collapsed groups */
  nodes: TCanvasNode[];
  edges: TStudioEdge[];
  onNodesChange: (changes: NodeChange<TCanvasNode>[]) => void;
  groupActions: TGroupActions;
  actions: TEditorActions;
  notify: TNotify;
  snapToGrid: boolean;
  showMinimap: boolean;
  /** overlays drawn over the canvas (notices) */
  children?: React.ReactNode;
}) {
  const t = useT();
  const { theme } = usePreferences();
  const flow = useReactFlow<TCanvasNode, TStudioEdge>();

  // A collapsed group's handles stand for member ports: every check and edge uses the member.
  const isValidConnection: IsValidConnection<TStudioEdge> = useCallback((conn) => actions.checkConnection(connectionToGraph(conn)).ok, [actions]);
  const explain: TExplainConnection = useCallback((conn) => actions.explainRefusal(actions.checkConnection(connectionToGraph(conn))), [actions]);
  const onConnect = useCallback((conn: Connection) => actions.connect(connectionToGraph(conn)), [actions]);

  // Dropped on a port that refuses: say why (the line already showed it while hovering).
  const onConnectEnd = useCallback(
    (_: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid !== false || !state.toHandle || !state.fromHandle) return;
      const [src, tgt] = state.fromHandle.type === 'source' ? [state.fromHandle, state.toHandle] : [state.toHandle, state.fromHandle];
      const why = explain({ source: src.nodeId, sourceHandle: src.id ?? null, target: tgt.nodeId, targetHandle: tgt.id ?? null });
      if (why) notify(why, 'error');
    },
    [explain, notify],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(PALETTE_DRAG_TYPE);
      if (!type || !getNodeDefinition(type)) return;
      e.preventDefault();
      // The node's top-left lands a little up-left of the pointer, so the pointer sits on its header.
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      actions.addNode(type, { x: p.x - 40, y: p.y - 16 });
    },
    [actions, flow],
  );

  const minimapColor = useCallback((n: TCanvasNode) => (n.type === GROUP_NODE_TYPE ? 'transparent' : (CATEGORY_COLORS[getNodeDefinition((n as TStudioNode).data.type)?.category ?? ''] ?? '#999')), []);
  const defaultEdgeOptions = useMemo(() => ({ interactionWidth: 18 }), []);

  return (
    <div className="studio-canvas" data-testid="studio-canvas">
      <GroupActionsContext.Provider value={groupActions}>
      <ExplainConnectionContext.Provider value={explain}>
        <ReactFlow<TCanvasNode, TStudioEdge>
          nodes={nodes}
          edges={edges}
          onNodesChange={onNodesChange}
          onEdgesChange={doc.onEdgesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          nodeTypes={NODE_TYPES}
          connectionLineComponent={StudioConnectionLine}
          defaultEdgeOptions={defaultEdgeOptions}
          snapToGrid={snapToGrid}
          snapGrid={SNAP}
          deleteKeyCode={DELETE_KEYS}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          onDragOver={onDragOver}
          onDrop={onDrop}
          fitView
          fitViewOptions={FIT_OPTIONS}
          minZoom={0.1}
          maxZoom={2}
          colorMode={theme}
          aria-label={t.editor.canvas.label}
        >
          <Background variant={BackgroundVariant.Dots} gap={GRID} size={1} />
          <Controls showInteractive={false} />
          {showMinimap ? <MiniMap<TCanvasNode> pannable zoomable nodeColor={minimapColor} ariaLabel={t.editor.toolbar.minimap} style={MINIMAP_STYLE} /> : null}
        </ReactFlow>
      </ExplainConnectionContext.Provider>
      </GroupActionsContext.Provider>
      {doc.nodes.length === 0 ? (
        <div className="studio-canvas__empty" data-testid="canvas-empty">
          <h2>{t.editor.canvas.emptyTitle}</h2>
          <p>{t.editor.canvas.emptyBody}</p>
        </div>
      ) : null}
      {children}
    </div>
  );
}
