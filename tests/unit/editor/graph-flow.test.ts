import { describe, expect, it } from 'vitest';
import { edgeToFlow, flowToGraph, graphKey, graphToFlow, mergeFlowNodes } from '@/components/editor/lib/graph-flow';
import { ZGraphSchema, type TGraph } from '@/nodes/sdk/graph-schema';
import { TEMPLATES } from '@/templates';

describe('graph <-> React Flow', () => {
  it('round-trips every built-in template exactly', () => {
    for (const t of TEMPLATES) {
      const graph = ZGraphSchema.parse(t.graph);
      const flow = graphToFlow(graph);
      expect(flowToGraph(flow.nodes, flow.edges), t.id).toStrictEqual(graph);
    }
  });

  it('maps nodes to the one generic node type with serialisable data', () => {
    const graph: TGraph = {
      version: 1,
      nodes: [
        { id: 'close', type: 'data.bar', params: { field: 'close' }, position: { x: 0, y: 10 }, label: 'Close' },
        { id: 'sma', type: 'indicator.sma', params: { period: 5 }, position: { x: 240, y: 10 } },
      ],
      edges: [{ id: 'e1', source: 'close', sourceHandle: 'value', target: 'sma', targetHandle: 'source' }],
    };
    const { nodes, edges } = graphToFlow(graph);
    expect(nodes[0]).toEqual({ id: 'close', type: 'strategy', position: { x: 0, y: 10 }, data: { type: 'data.bar', params: { field: 'close' }, label: 'Close' } });
    expect(nodes[1].data).not.toHaveProperty('label');
    expect(JSON.parse(JSON.stringify(nodes))).toEqual(nodes);
    expect(edges[0]).toMatchObject({ id: 'e1', source: 'close', sourceHandle: 'value', target: 'sma', targetHandle: 'source' });
    expect(edges[0].className).toContain('studio-edge--number');
  });

  it('drops view state and empty labels when saving, and rounds positions', () => {
    const { nodes, edges } = graphToFlow({ version: 1, nodes: [{ id: 'a', type: 'data.constant', params: { value: 1 }, position: { x: 0, y: 0 } }], edges: [] });
    const moved = [{ ...nodes[0], selected: true, measured: { width: 200, height: 60 }, dragging: false, position: { x: 10.123456, y: -3.98765 }, data: { ...nodes[0].data, label: '' } }];
    expect(flowToGraph(moved, edges)).toStrictEqual({ version: 1, nodes: [{ id: 'a', type: 'data.constant', params: { value: 1 }, position: { x: 10.1, y: -4 } }], edges: [] });
  });

  it('colours edges by the type their source port carries', () => {
    expect(edgeToFlow({ id: 'e', source: 'x', sourceHandle: 'value', target: 'y', targetHandle: 'when' }, 'logic.crosses-above').className).toContain('--signal');
    expect(edgeToFlow({ id: 'e', source: 'x', sourceHandle: 'order', target: 'y', targetHandle: 'order' }, 'orders.buy').className).toContain('--order');
    expect(edgeToFlow({ id: 'e', source: 'x', sourceHandle: 'nope', target: 'y', targetHandle: 'a' }, 'no.such').className).toContain('--unknown');
  });

  it('keeps selection and measured size of surviving nodes when the canvas is replaced', () => {
    const before = graphToFlow({ version: 1, nodes: [{ id: 'a', type: 'data.constant', params: {}, position: { x: 0, y: 0 } }], edges: [] }).nodes;
    before[0] = { ...before[0], selected: true, measured: { width: 200, height: 50 } };
    const after = graphToFlow({
      version: 1,
      nodes: [
        { id: 'a', type: 'data.constant', params: { value: 2 }, position: { x: 5, y: 5 } },
        { id: 'b', type: 'data.constant', params: {}, position: { x: 0, y: 0 } },
      ],
      edges: [],
    }).nodes;
    const merged = mergeFlowNodes(before, after);
    expect(merged[0]).toMatchObject({ selected: true, measured: { width: 200, height: 50 }, position: { x: 5, y: 5 }, data: { params: { value: 2 } } });
    expect(merged[1].selected).toBeUndefined();
  });

  it('graphKey tells equal graphs from different ones', () => {
    const g = ZGraphSchema.parse(TEMPLATES[0].graph);
    expect(graphKey(structuredClone(g))).toBe(graphKey(g));
    const h = structuredClone(g);
    h.nodes[0].position.x += 1;
    expect(graphKey(h)).not.toBe(graphKey(g));
  });
});
