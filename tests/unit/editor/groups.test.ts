import { describe, expect, it } from 'vitest';
import { flowToGraph, graphToFlow } from '@/components/editor/lib/graph-flow';
import { compileGraph } from '@/nodes/compile';
import {
  addGroup,
  connectionToGraph,
  exposedPorts,
  frameId,
  groupBounds,
  pruneGroups,
  toCanvas,
  type TStudioGroup,
} from '@/components/editor/lib/groups';
import { ZGraphSchema } from '@/nodes/sdk/graph-schema';
import { getTemplate } from '@/templates';

const flow = () => graphToFlow(ZGraphSchema.parse(getTemplate('sma-crossover')!.graph));
const averages: TStudioGroup = { id: 'g1', label: 'Averages', nodeIds: ['fast', 'slow'], collapsed: false };

describe('groups', () => {
  it('groups two or more nodes; a node leaves its old group; small groups dissolve', () => {
    expect(addGroup([], ['fast'], 'x')).toBeNull();
    const a = addGroup([], ['fast', 'slow', 'fast'], 'Averages')!;
    expect(a.group).toEqual(averages);
    const b = addGroup(a.groups, ['slow', 'crossUp'], 'Signals')!;
    expect(b.group.id).toBe('g2');
    // g1 kept only "fast": dissolved.
    expect(b.groups.map((g) => [g.id, g.nodeIds])).toEqual([['g2', ['slow', 'crossUp']]]);
  });

  it('prunes members that no longer exist, keeping the same array when nothing changed', () => {
    const groups = [averages];
    expect(pruneGroups(groups, new Set(['fast', 'slow', 'close']))).toBe(groups);
    expect(pruneGroups(groups, new Set(['fast']))).toEqual([]);
    const three = [{ ...averages, nodeIds: ['fast', 'slow', 'close'] }];
    expect(pruneGroups(three, new Set(['fast', 'slow']))[0].nodeIds).toEqual(['fast', 'slow']);
  });

  it('is saved with the graph only when there are groups, and survives the schema round trip', () => {
    const { nodes, edges } = flow();
    const plain = flowToGraph(nodes, edges);
    expect('groups' in plain).toBe(false);
    const saved = ZGraphSchema.parse(JSON.parse(JSON.stringify(flowToGraph(nodes, edges, [averages]))));
    expect(saved.groups).toEqual([averages]);
    expect(graphToFlow(saved).nodes.map((n) => n.id)).toEqual(nodes.map((n) => n.id));
    // A group of one node is not a group: the schema refuses it (the editor dissolves such groups).
    expect(ZGraphSchema.safeParse({ ...saved, groups: [{ ...averages, nodeIds: ['fast'] }] }).success).toBe(false);
  });

  it('is layout only: the compiler gives the same plan with or without groups', () => {
    const graph = ZGraphSchema.parse(getTemplate('sma-crossover')!.graph);
    const grouped = { ...graph, groups: [averages] };
    const a = compileGraph(graph);
    const b = compileGraph(grouped);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.plan.nodes.map((n) => n.id)).toEqual(a.plan.nodes.map((n) => n.id));
  });

  it('exposes the ports that cross the group edge', () => {
    const { nodes, edges } = flow();
    const p = exposedPorts({ ...averages, nodeIds: ['fast', 'slow', 'crossUp'] }, nodes, edges);
    // Inputs fed from outside (close -> fast/slow); crossUp's a/b are fed inside.
    expect(p.inputs.map((x) => x.handle)).toEqual(['fast.source', 'slow.source']);
    // fast/slow also feed crossDown outside; crossUp feeds the order outside.
    expect(p.outputs.map((x) => [x.handle, x.type])).toEqual([
      ['fast.value', 'number'],
      ['slow.value', 'number'],
      ['crossUp.value', 'signal'],
    ]);
  });

  it('draws a frame around expanded members, under them', () => {
    const { nodes, edges } = flow();
    const c = toCanvas(nodes, edges, [averages], new Set([frameId('g1')]));
    // React Flow lifts a selected node by 1000: a selected frame sits 1000 lower to stay under its members.
    expect(c.nodes[0]).toMatchObject({ id: 'group:g1', type: 'studioGroup', selected: true, zIndex: -1001, data: { label: 'Averages', collapsed: false } });
    expect(toCanvas(nodes, edges, [averages], new Set()).nodes[0]).toMatchObject({ selected: false, zIndex: -1 });
    const box = groupBounds(averages, nodes)!;
    expect(c.nodes[0].position).toEqual({ x: box.x, y: box.y });
    expect(c.nodes.slice(1)).toEqual(nodes);
    expect(c.edges).toEqual(edges);
  });

  it('collapses to one box: members hidden, inner edges gone, crossing edges re-attached', () => {
    const { nodes, edges } = flow();
    const collapsed = { ...averages, collapsed: true };
    const c = toCanvas(nodes, edges, [collapsed], new Set());
    expect(c.nodes.filter((n) => n.hidden).map((n) => n.id)).toEqual(['fast', 'slow']);
    const e1 = c.edges.find((e) => e.id === 'e1')!;
    expect([e1.source, e1.target, e1.targetHandle]).toEqual(['close', 'group:g1', 'fast.source']);
    const e3 = c.edges.find((e) => e.id === 'e3')!;
    expect([e3.source, e3.sourceHandle, e3.target]).toEqual(['group:g1', 'fast.value', 'crossUp']);
    expect(c.edges).toHaveLength(edges.length);
    // Same hidden objects on the next render (stable for React Flow).
    expect(toCanvas(nodes, edges, [collapsed], new Set()).nodes[2]).toBe(c.nodes[2]);
    const group = { ...collapsed, nodeIds: ['fast', 'slow', 'crossUp', 'crossDown'] };
    expect(toCanvas(nodes, edges, [group], new Set()).edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e7', 'e8']);
  });

  it('maps a connection to a collapsed box back to the member port', () => {
    expect(connectionToGraph({ source: 'group:g1', sourceHandle: 'fast.value', target: 'buy', targetHandle: 'price' })).toEqual({
      source: 'fast',
      sourceHandle: 'value',
      target: 'buy',
      targetHandle: 'price',
    });
    expect(connectionToGraph({ source: 'close', sourceHandle: 'value', target: 'group:g1', targetHandle: 'slow.source' })).toMatchObject({ target: 'slow', targetHandle: 'source' });
  });
});
