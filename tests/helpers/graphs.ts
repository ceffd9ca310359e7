import type { TGraph } from '@/nodes/sdk';

type TNodeSpec = [id: string, type: string, params?: Record<string, unknown>];
type TEdgeSpec = [from: string, to: string];

/** Builds a graph from terse specs: edges as "node.port" → "node.port". */
export function graph(nodes: TNodeSpec[], edges: TEdgeSpec[]): TGraph {
  return {
    version: 1,
    nodes: nodes.map(([id, type, params], k) => ({ id, type, params: params ?? {}, position: { x: k * 100, y: 0 } })),
    edges: edges.map(([from, to], k) => {
      const [source, sourceHandle] = from.split('.');
      const [target, targetHandle] = to.split('.');
      return { id: `e${k}`, source, sourceHandle, target, targetHandle };
    }),
  };
}

/** close → SMA(fast) / SMA(slow) → crosses → target 95% / target 0%. */
export function smaCrossGraph(fast = 10, slow = 30): TGraph {
  return graph(
    [
      ['close', 'data.bar', { field: 'close' }],
      ['fast', 'indicator.sma', { period: fast }],
      ['slow', 'indicator.sma', { period: slow }],
      ['up', 'logic.crosses-above'],
      ['down', 'logic.crosses-below'],
      ['enter', 'orders.target-percent', { percent: 95 }],
      ['exit', 'orders.target-percent', { percent: 0 }],
    ],
    [
      ['close.value', 'fast.source'],
      ['close.value', 'slow.source'],
      ['fast.value', 'up.a'],
      ['slow.value', 'up.b'],
      ['fast.value', 'down.a'],
      ['slow.value', 'down.b'],
      ['up.value', 'enter.when'],
      ['down.value', 'exit.when'],
    ],
  );
}
