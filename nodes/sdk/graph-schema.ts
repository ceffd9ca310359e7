import { z } from 'zod';

/** The saved form of a strategy graph: what the editor saves, the CLI reads and templates hold. */
export const CURRENT_GRAPH_VERSION = 1;

export const ZGraphNodeSchema = z.object({
  id: z.string().min(1).max(64),
  type: z.string().min(1).max(100),
  params: z.record(z.string(), z.unknown()).default({}),
  position: z.object({ x: z.number(), y: z.number() }).default({ x: 0, y: 0 }),
  /** optional display name set by the user */
  label: z.string().max(80).optional(),
});

export const ZGraphEdgeSchema = z.object({
  id: z.string().min(1).max(140),
  source: z.string().min(1),
  sourceHandle: z.string().min(1),
  target: z.string().min(1),
  targetHandle: z.string().min(1),
});

/**
 * A named, collapsible set of nodes drawn as one frame in the editor. Groups are layout only:
 * the compiler and the kernel ignore them, so grouping never changes what a strategy does.
 * Optional, so graphs saved before groups existed (and the CLI's files) stay version 1.
 */
export const ZGraphGroupSchema = z.object({
  id: z.string().min(1).max(64),
  label: z.string().max(80),
  nodeIds: z.array(z.string().min(1).max(64)).min(2).max(2000),
  collapsed: z.boolean().default(false),
});

export const ZGraphSchema = z.object({
  version: z.number().int().min(1),
  nodes: z.array(ZGraphNodeSchema).max(2000),
  edges: z.array(ZGraphEdgeSchema).max(10000),
  groups: z.array(ZGraphGroupSchema).max(500).optional(),
});

export type TGraphNode = z.infer<typeof ZGraphNodeSchema>;
export type TGraphEdge = z.infer<typeof ZGraphEdgeSchema>;
export type TGraphGroup = z.infer<typeof ZGraphGroupSchema>;
export type TGraph = z.infer<typeof ZGraphSchema>;

export function emptyGraph(): TGraph {
  return { version: CURRENT_GRAPH_VERSION, nodes: [], edges: [] };
}
