// Groups: named sets of nodes drawn as a frame around them, collapsible to one box whose handles
// are the members' ports that cross the group's edge ("exposed ports"). Groups are saved with the
// graph (its optional `groups` list) but are layout only: the compiler and kernel ignore them.
import { getNodeDefinition } from '@/nodes/registry';
import type { TGraphGroup } from '@/nodes/sdk/graph-schema';
import type { TPortType } from '@/nodes/sdk/ports';
import type { TStudioEdge, TStudioNode } from './flow-types';

export type TStudioGroup = TGraphGroup;

export const GROUP_NODE_TYPE = 'studioGroup' as const;
/** React Flow id of a group's frame / collapsed box; cannot clash with graph node ids (no colon there in practice). */
export const FRAME_PREFIX = 'group:';
export const frameId = (groupId: string) => `${FRAME_PREFIX}${groupId}`;
export const groupIdOfFrame = (id: string): string | null => (id.startsWith(FRAME_PREFIX) ? id.slice(FRAME_PREFIX.length) : null);

/** Exposed handle ids name the member port: "<memberId>.<port>" (node ids have no dots). */
export const exposedHandle = (nodeId: string, port: string) => `${nodeId}.${port}`;
export function memberOfHandle(handle: string): { nodeId: string; port: string } | null {
  const i = handle.indexOf('.');
  return i > 0 ? { nodeId: handle.slice(0, i), port: handle.slice(i + 1) } : null;
}

export const FRAME_PADDING = 20;
/** padding + header is a multiple of the 20 px grid, so a snapped frame keeps its members on the grid */
export const FRAME_HEADER = 40;

export type TFrameData = {
  groupId: string;
  label: string;
  collapsed: boolean;
  memberIds: string[];
  inputs: TExposedPort[];
  outputs: TExposedPort[];
};
export type TFrameNode = import('@xyflow/react').Node<TFrameData, typeof GROUP_NODE_TYPE>;
export type TCanvasNode = TStudioNode | TFrameNode;

export interface TExposedPort {
  handle: string;
  nodeId: string;
  port: string;
  type: TPortType;
  /** the port's own label, e.g. { en: 'when', zh: '触发' } */
  label: { en: string; zh: string };
}

/**
 * Puts `nodeIds` into a new group. A node belongs to one group at most, so they leave the groups
 * they were in; groups left with fewer than two members dissolve.
 */
export function addGroup(groups: readonly TStudioGroup[], nodeIds: readonly string[], label: string): { groups: TStudioGroup[]; group: TStudioGroup } | null {
  const members = [...new Set(nodeIds)];
  if (members.length < 2) return null;
  const taken = new Set(groups.map((g) => g.id));
  let k = 1;
  while (taken.has(`g${k}`)) k++;
  const group: TStudioGroup = { id: `g${k}`, label, nodeIds: members, collapsed: false };
  const set = new Set(members);
  const rest = groups.map((g) => ({ ...g, nodeIds: g.nodeIds.filter((id) => !set.has(id)) })).filter((g) => g.nodeIds.length >= 2);
  return { groups: [...rest, group], group };
}

export function removeGroups(groups: readonly TStudioGroup[], ids: ReadonlySet<string>): TStudioGroup[] {
  return groups.filter((g) => !ids.has(g.id));
}

export function updateGroup(groups: readonly TStudioGroup[], id: string, patch: Partial<Pick<TStudioGroup, 'label' | 'collapsed'>>): TStudioGroup[] {
  return groups.map((g) => (g.id === id ? { ...g, ...patch } : g));
}

/** Drops members that no longer exist and groups left with fewer than two (after deletes, undo, import). */
export function pruneGroups(groups: readonly TStudioGroup[], nodeIds: ReadonlySet<string>): TStudioGroup[] {
  let changed = false;
  const out: TStudioGroup[] = [];
  for (const g of groups) {
    const kept = g.nodeIds.filter((id) => nodeIds.has(id));
    if (kept.length !== g.nodeIds.length) changed = true;
    if (kept.length >= 2) out.push(kept.length === g.nodeIds.length ? g : { ...g, nodeIds: kept });
    else changed = true;
  }
  return changed ? out : (groups as TStudioGroup[]);
}

type TEdgeLike = Pick<TStudioEdge, 'id' | 'source' | 'sourceHandle' | 'target' | 'targetHandle'>;

/**
 * The ports a collapsed group shows: member inputs not fed from inside the group (wired from
 * outside, or still to be wired) and member outputs that leave the group or go nowhere yet.
 */
export function exposedPorts(group: TStudioGroup, nodes: readonly TStudioNode[], edges: readonly TEdgeLike[]): { inputs: TExposedPort[]; outputs: TExposedPort[] } {
  const members = new Set(group.nodeIds);
  const fedInside = new Set<string>();
  const usedInside = new Set<string>();
  for (const e of edges) {
    if (members.has(e.source) && members.has(e.target)) {
      fedInside.add(`${e.target}\u0000${e.targetHandle}`);
      usedInside.add(`${e.source}\u0000${e.sourceHandle}`);
    }
  }
  const usedOutside = new Set(edges.filter((e) => members.has(e.source) && !members.has(e.target)).map((e) => `${e.source}\u0000${e.sourceHandle}`));
  const inputs: TExposedPort[] = [];
  const outputs: TExposedPort[] = [];
  for (const n of nodes) {
    if (!members.has(n.id)) continue;
    const def = getNodeDefinition(n.data.type);
    if (!def) continue;
    for (const [port, spec] of Object.entries(def.inputs)) {
      if (!fedInside.has(`${n.id}\u0000${port}`)) inputs.push({ handle: exposedHandle(n.id, port), nodeId: n.id, port, type: spec.type, label: spec.label ?? { en: port, zh: port } });
    }
    for (const [port, spec] of Object.entries(def.outputs)) {
      const key = `${n.id}\u0000${port}`;
      if (usedOutside.has(key) || !usedInside.has(key)) outputs.push({ handle: exposedHandle(n.id, port), nodeId: n.id, port, type: spec.type, label: spec.label ?? { en: port, zh: port } });
    }
  }
  return { inputs, outputs };
}

/** The box around the members (measured sizes where known), with room for the frame's header. */
export function groupBounds(group: TStudioGroup, nodes: readonly TStudioNode[]): { x: number; y: number; width: number; height: number } | null {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  const members = new Set(group.nodeIds);
  for (const n of nodes) {
    if (!members.has(n.id)) continue;
    const w = n.measured?.width ?? 200;
    const h = n.measured?.height ?? 80;
    x1 = Math.min(x1, n.position.x);
    y1 = Math.min(y1, n.position.y);
    x2 = Math.max(x2, n.position.x + w);
    y2 = Math.max(y2, n.position.y + h);
  }
  if (x1 === Infinity) return null;
  return { x: x1 - FRAME_PADDING, y: y1 - FRAME_PADDING - FRAME_HEADER, width: x2 - x1 + 2 * FRAME_PADDING, height: y2 - y1 + 2 * FRAME_PADDING + FRAME_HEADER };
}

/**
 * What the canvas draws: a frame per group (first, so it lies under its members), members of
 * collapsed groups hidden, and edges that cross a collapsed group's edge re-attached to its box.
 * Edge ids stay the graph's, so selecting or deleting a re-attached edge acts on the real one.
 */
export function toCanvas(
  nodes: readonly TStudioNode[],
  edges: readonly TStudioEdge[],
  groups: readonly TStudioGroup[],
  selectedFrames: ReadonlySet<string>,
): { nodes: TCanvasNode[]; edges: TStudioEdge[] } {
  if (groups.length === 0) return { nodes: nodes as TStudioNode[], edges: edges as TStudioEdge[] };
  const frames: TFrameNode[] = [];
  const hiddenIn = new Map<string, string>();
  for (const g of groups) {
    const box = groupBounds(g, nodes);
    if (!box) continue;
    const ports = g.collapsed ? exposedPorts(g, nodes, edges) : { inputs: [], outputs: [] };
    const id = frameId(g.id);
    frames.push({
      id,
      type: GROUP_NODE_TYPE,
      position: { x: box.x, y: box.y },
      selected: selectedFrames.has(id),
      // React Flow lifts a selected node by 1000: an expanded frame must stay behind its members.
      ...(g.collapsed ? {} : { width: box.width, height: box.height, zIndex: selectedFrames.has(id) ? -1001 : -1 }),
      data: { groupId: g.id, label: g.label, collapsed: g.collapsed, memberIds: g.nodeIds, inputs: ports.inputs, outputs: ports.outputs },
    });
    if (g.collapsed) for (const m of g.nodeIds) hiddenIn.set(m, id);
  }
  const shownNodes = nodes.map((n) => (hiddenIn.has(n.id) ? hiddenCopy(n) : n));
  const shownEdges: TStudioEdge[] = [];
  for (const e of edges) {
    const s = hiddenIn.get(e.source);
    const t = hiddenIn.get(e.target);
    if (s && s === t) continue; // inside one collapsed group
    if (!s && !t) {
      shownEdges.push(e);
      continue;
    }
    shownEdges.push({
      ...e,
      ...(s ? { source: s, sourceHandle: exposedHandle(e.source, e.sourceHandle ?? '') } : {}),
      ...(t ? { target: t, targetHandle: exposedHandle(e.target, e.targetHandle ?? '') } : {}),
    });
  }
  return { nodes: [...frames, ...shownNodes], edges: shownEdges };
}

const hiddenCache = new WeakMap<TStudioNode, TStudioNode>();
/** One hidden copy per node object, so React Flow sees a stable object while nothing changes. */
function hiddenCopy(n: TStudioNode): TStudioNode {
  let h = hiddenCache.get(n);
  if (!h) {
    h = { ...n, hidden: true, selected: false };
    hiddenCache.set(n, h);
  }
  return h;
}

/** A connection drawn on the canvas, mapped back to graph nodes (a collapsed box's handle names its member). */
export function connectionToGraph<C extends { source: string; sourceHandle?: string | null; target: string; targetHandle?: string | null }>(c: C): C {
  const out = { ...c };
  if (groupIdOfFrame(c.source) && c.sourceHandle) {
    const m = memberOfHandle(c.sourceHandle);
    if (m) Object.assign(out, { source: m.nodeId, sourceHandle: m.port });
  }
  if (groupIdOfFrame(c.target) && c.targetHandle) {
    const m = memberOfHandle(c.targetHandle);
    if (m) Object.assign(out, { target: m.nodeId, targetHandle: m.port });
  }
  return out;
}

/** The port type behind a handle of any canvas node (a graph node, or a collapsed group's exposed port). */
export function canvasHandleType(node: { type?: string; data: unknown }, side: 'source' | 'target', handle: string | null | undefined): TPortType | null {
  if (!handle) return null;
  if (node.type === GROUP_NODE_TYPE) {
    const d = node.data as TFrameData;
    return (side === 'source' ? d.outputs : d.inputs).find((p) => p.handle === handle)?.type ?? null;
  }
  const def = getNodeDefinition((node.data as TStudioNode['data']).type);
  return (side === 'source' ? def?.outputs[handle] : def?.inputs[handle])?.type ?? null;
}
