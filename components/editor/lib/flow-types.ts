// The editor's React Flow shapes. Node data holds only what the saved graph holds (type, params,
// label), so every node on the canvas converts back to the saved format without loss.
import type { Edge, Node } from '@xyflow/react';

export type TStudioNodeData = {
  /** registry type, e.g. "indicator.sma" */
  type: string;
  params: Record<string, unknown>;
  /** display name set by the user */
  label?: string;
};

export type TStudioNode = Node<TStudioNodeData, 'strategy'>;
export type TStudioEdge = Edge;

/** The one React Flow node type: a generic component draws every registry entry. */
export const STUDIO_NODE_TYPE = 'strategy' as const;

export type TLang = 'en' | 'zh';
