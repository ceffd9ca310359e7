'use client';
// A read-only canvas of a saved graph, drawn with the editor's own node component (so a version
// preview or a template looks exactly as it will in the editor). Its own React Flow instance.
import '@xyflow/react/dist/style.css';
import '../editor.css';
import { ReactFlow, ReactFlowProvider, type NodeTypes } from '@xyflow/react';
import { useMemo } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import type { TGraph } from '@/nodes/sdk/graph-schema';
import { graphToFlow } from '../lib/graph-flow';
import { EMPTY_PROBLEMS_STORE, ProblemsStoreContext } from '../problems-store';
import { StrategyNode } from './StrategyNode';

const NODE_TYPES: NodeTypes = { strategy: StrategyNode };

export function ReadOnlyGraph({ graph }: { graph: TGraph }) {
  const flow = useMemo(() => graphToFlow(graph), [graph]);
  const { theme } = usePreferences();
  return (
    <div className="studio-readonly">
      <ProblemsStoreContext.Provider value={EMPTY_PROBLEMS_STORE}>
        <ReactFlowProvider>
          <ReactFlow
            nodes={flow.nodes}
            edges={flow.edges}
            nodeTypes={NODE_TYPES}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            fitView
            minZoom={0.05}
            colorMode={theme}
            proOptions={{ hideAttribution: true }}
          />
        </ReactFlowProvider>
      </ProblemsStoreContext.Provider>
    </div>
  );
}
