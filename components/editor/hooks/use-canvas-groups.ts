'use client';
// Groups on the canvas: what React Flow draws (frames, hidden members, re-attached edges), how
// its changes to a frame map back to the members (move, select, delete), and the group actions.
// Groups are part of the document (saved with the graph), so undo, autosave and export carry them.
import type { NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';
import { getNodeDefinition } from '@/nodes/registry';
import type { TStudioNode } from '../lib/flow-types';
import { addGroup, groupIdOfFrame, frameId, removeGroups, toCanvas, updateGroup, type TCanvasNode, type TFrameNode } from '../lib/groups';
import { useLang } from '../use-lang';
import type { TNotify } from './use-editor-actions';
import type { TStudioDocument } from './use-studio-document';

export function useCanvasGroups(doc: TStudioDocument, notify: TNotify) {
  const t = useT();
  const lang = useLang();
  const { nodes, edges, groups, setGroups, setNodes, setEdges, onNodesChange: onDocNodesChange } = doc;
  const [selectedFrames, setSelectedFrames] = useState<ReadonlySet<string>>(new Set());

  const canvas = useMemo(() => toCanvas(nodes, edges, groups, selectedFrames), [nodes, edges, groups, selectedFrames]);
  const frames = useMemo(() => new Map(canvas.nodes.filter((n): n is TFrameNode => groupIdOfFrame(n.id) !== null).map((n) => [n.id, n])), [canvas.nodes]);

  const deleteMembers = useCallback(
    (memberIds: Set<string>) => {
      setNodes((ns) => ns.filter((n) => !memberIds.has(n.id)));
      setEdges((es) => es.filter((e) => !memberIds.has(e.source) && !memberIds.has(e.target)));
    },
    [setEdges, setNodes],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<TCanvasNode>[]) => {
      const rest: NodeChange<TStudioNode>[] = [];
      const moves = new Map<string, { dx: number; dy: number; dragging: boolean | undefined }>();
      const selection = new Map<string, boolean>();
      const removed = new Set<string>();
      for (const c of changes) {
        const fid = 'id' in c ? c.id : null;
        if (!fid || groupIdOfFrame(fid) === null) {
          rest.push(c as NodeChange<TStudioNode>);
          continue;
        }
        const frame = frames.get(fid);
        if (!frame) continue;
        if (c.type === 'select') selection.set(fid, c.selected);
        else if (c.type === 'remove') for (const m of frame.data.memberIds) removed.add(m);
        else if (c.type === 'position') {
          const dx = c.position ? c.position.x - frame.position.x : 0;
          const dy = c.position ? c.position.y - frame.position.y : 0;
          for (const m of frame.data.memberIds) moves.set(m, { dx, dy, dragging: c.dragging });
        }
      }
      if (rest.length > 0) onDocNodesChange(rest);
      if (selection.size > 0) {
        setSelectedFrames((s) => {
          const next = new Set(s);
          for (const [id, on] of selection) {
            if (on) next.add(id);
            else next.delete(id);
          }
          return next;
        });
      }
      if (moves.size > 0) {
        setNodes((ns) =>
          ns.map((n) => {
            const m = moves.get(n.id);
            return m ? { ...n, position: { x: n.position.x + m.dx, y: n.position.y + m.dy }, dragging: m.dragging } : n;
          }),
        );
      }
      if (removed.size > 0) deleteMembers(removed);
    },
    [deleteMembers, frames, onDocNodesChange, setNodes],
  );

  const group = useCallback(() => {
    const ids = nodes.filter((n) => n.selected).map((n) => n.id);
    const created = addGroup(groups, ids, `${t.editor.groups.defaultName} ${groups.length + 1}`);
    if (!created) {
      notify(t.editor.groups.needTwo, 'error');
      return;
    }
    setGroups(created.groups);
    setNodes((ns) => ns.map((n) => (n.selected ? { ...n, selected: false } : n)));
    setSelectedFrames(new Set([frameId(created.group.id)]));
  }, [groups, nodes, notify, setGroups, setNodes, t]);

  /** Ungroups the selected frames, or the groups the selected nodes are in. */
  const ungroup = useCallback(() => {
    const ids = new Set<string>();
    for (const f of selectedFrames) {
      const g = groupIdOfFrame(f);
      if (g) ids.add(g);
    }
    const selectedNodes = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
    for (const g of groups) if (g.nodeIds.some((m) => selectedNodes.has(m))) ids.add(g.id);
    if (ids.size === 0) return;
    const members = groups.filter((g) => ids.has(g.id)).flatMap((g) => g.nodeIds);
    setGroups(removeGroups(groups, ids));
    setSelectedFrames(new Set());
    setNodes((ns) => ns.map((n) => (members.includes(n.id) ? { ...n, selected: true } : n)));
  }, [groups, nodes, selectedFrames, setGroups, setNodes]);

  const toggleCollapsed = useCallback(
    (groupId: string) => {
      const g = groups.find((x) => x.id === groupId);
      if (g) setGroups(updateGroup(groups, groupId, { collapsed: !g.collapsed }));
    },
    [groups, setGroups],
  );

  const rename = useCallback((groupId: string, label: string) => setGroups((gs) => updateGroup(gs, groupId, { label: label.slice(0, 80) })), [setGroups]);

  /** Before focusing a node hidden in a collapsed group, open the group. */
  const reveal = useCallback(
    (nodeId: string) => {
      const g = groups.find((x) => x.collapsed && x.nodeIds.includes(nodeId));
      if (g) setGroups(updateGroup(groups, g.id, { collapsed: false }));
    },
    [groups, setGroups],
  );

  const nodeTitle = useCallback(
    (id: string) => {
      const n = nodes.find((x) => x.id === id);
      const def = n ? getNodeDefinition(n.data.type) : undefined;
      return n?.data.label || (def ? def.label[lang] : id);
    },
    [lang, nodes],
  );

  const selectedGroups = useMemo(() => groups.filter((g) => selectedFrames.has(frameId(g.id))), [groups, selectedFrames]);

  return { canvas, onNodesChange, group, ungroup, toggleCollapsed, rename, reveal, nodeTitle, selectedGroups, clearFrameSelection: () => setSelectedFrames(new Set()) };
}
