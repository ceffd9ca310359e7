'use client';
// A read-only canvas of a template's graph, drawn with the editor's own node component so a
// template looks exactly like it will in the editor after "Use template".
import '@xyflow/react/dist/style.css';
import '@/components/editor/editor.css';
import { ReactFlow, ReactFlowProvider, type NodeTypes } from '@xyflow/react';
import { useMemo } from 'react';
import { StrategyNode } from '@/components/editor/canvas/StrategyNode';
import { graphToFlow } from '@/components/editor/lib/graph-flow';
import { EMPTY_PROBLEMS_STORE, ProblemsStoreContext } from '@/components/editor/problems-store';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import type { TGraph } from '@/nodes/sdk/graph-schema';

const NODE_TYPES: NodeTypes = { strategy: StrategyNode };

export function TemplateGraph({ graph, label }: { graph: TGraph; label: string }) {
  const flow = useMemo(() => graphToFlow(graph), [graph]);
  const { theme } = usePreferences();
  return (
    <div className="tpl-graph" role="img" aria-label={label} data-testid="template-graph">
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
