// Probe plans (node inspection): only the probed node and what feeds it, nothing that trades.
import { describe, expect, it } from 'vitest';
import { compileGraph } from '@/nodes/compile';
import { getTemplate } from '@/templates';

const sma = () => getTemplate('sma-crossover')!.graph;

describe('compileGraph with a probe', () => {
  it('keeps the probed node and its ancestors in topological order, with no order sinks', () => {
    const r = compileGraph(sma(), {}, { probe: 'crossUp' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.nodes.map((n) => n.id).sort()).toEqual(['close', 'crossUp', 'fast', 'slow']);
    expect(r.plan.nodes.at(-1)!.id).toBe('crossUp');
    expect(r.plan.orderSinks).toEqual([]);
    expect(r.plan.warmup).toBe(30);
    expect(r.plan.pruned.sort()).toEqual(['crossDown', 'enter', 'exit']);
  });

  it('applies param overrides like a run does', () => {
    const r = compileGraph(sma(), { fast: { period: 5 } }, { probe: 'fast' });
    expect(r.ok && r.plan.nodes.map((n) => [n.id, (n.params as { period: number }).period])).toEqual([
      ['close', undefined],
      ['fast', 5],
    ]);
  });

  it('probing an order node computes it but never trades', () => {
    const r = compileGraph(sma(), {}, { probe: 'enter' });
    expect(r.ok && r.plan.orderSinks).toEqual([]);
  });

  it('names a node that does not exist, and still needs a valid graph', () => {
    const missing = compileGraph(sma(), {}, { probe: 'nope' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.errors[0].message).toMatch(/no node "nope"/);
    const broken = compileGraph({ version: 1, nodes: [{ id: 'x', type: 'no.such' }], edges: [] }, {}, { probe: 'x' });
    expect(!broken.ok && broken.errors.map((e) => e.code)).toEqual(['unknown_node_type']);
  });
});
