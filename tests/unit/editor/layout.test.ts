import { describe, expect, it } from 'vitest';
import { layeredLayout, topoDepths } from '@/components/editor/lib/layout';
import { ZGraphSchema } from '@/nodes/sdk/graph-schema';
import { TEMPLATES } from '@/templates';

const boxes = (pos: Map<string, { x: number; y: number }>, h = 80, w = 200) =>
  [...pos].map(([id, p]) => ({ id, x1: p.x, y1: p.y, x2: p.x + w, y2: p.y + h }));

describe('auto-layout', () => {
  it('puts each node one column right of its deepest input', () => {
    const nodes = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
    const edges = [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'a', target: 'c' },
      { source: 'd', target: 'c' },
    ];
    expect(Object.fromEntries(topoDepths(nodes, edges))).toEqual({ a: 0, b: 1, c: 2, d: 0 });
    const pos = layeredLayout(nodes, edges, { columnGap: 40 });
    expect(pos.get('a')!.x).toBe(0);
    expect(pos.get('b')!.x).toBe(240);
    expect(pos.get('c')!.x).toBe(480);
    expect(pos.get('d')!.x).toBe(0);
  });

  it('never overlaps nodes, flows left to right, and snaps to the grid (every template)', () => {
    for (const t of TEMPLATES) {
      const g = ZGraphSchema.parse(t.graph);
      const pos = layeredLayout(g.nodes.map((n) => ({ id: n.id, width: 200, height: 80 })), g.edges, { grid: 20 });
      expect(pos.size, t.id).toBe(g.nodes.length);
      for (const e of g.edges) expect(pos.get(e.source)!.x, `${t.id} ${e.id}`).toBeLessThan(pos.get(e.target)!.x);
      const b = boxes(pos);
      for (let i = 0; i < b.length; i++)
        for (let j = i + 1; j < b.length; j++) {
          const overlap = b[i].x1 < b[j].x2 && b[j].x1 < b[i].x2 && b[i].y1 < b[j].y2 && b[j].y1 < b[i].y2;
          expect(overlap, `${t.id}: ${b[i].id} overlaps ${b[j].id}`).toBe(false);
        }
      for (const p of pos.values()) expect([p.x % 20, p.y % 20]).toEqual([0, 0]);
    }
  });

  it('lines a chain up straight and puts a source next to what it feeds', () => {
    const nodes = ['src', 'x', 'y', 'late'].map((id) => ({ id, height: 60 }));
    const edges = [
      { source: 'src', target: 'x' },
      { source: 'x', target: 'y' },
      { source: 'late', target: 'y' },
    ];
    const pos = layeredLayout(nodes, edges, { rowGap: 20 });
    expect(pos.get('x')!.y).toBe(pos.get('src')!.y);
    // 'late' sits in column 0 near y, not stacked at an arbitrary place.
    expect(Math.abs(pos.get('late')!.y - pos.get('y')!.y)).toBeLessThanOrEqual(80);
  });

  it('still places every node of a graph with a loop', () => {
    const nodes = ['a', 'b', 'c'].map((id) => ({ id }));
    const pos = layeredLayout(nodes, [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'c', target: 'b' },
    ]);
    expect(pos.size).toBe(3);
    expect(pos.get('a')!.x).toBeLessThan(pos.get('b')!.x);
  });

  it('lays out 300 nodes quickly', () => {
    const nodes = Array.from({ length: 300 }, (_, i) => ({ id: `n${i}` }));
    const edges = nodes.slice(1).map((n, i) => ({ source: `n${Math.floor(i / 3)}`, target: n.id }));
    const t0 = performance.now();
    const pos = layeredLayout(nodes, edges);
    expect(pos.size).toBe(300);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
