import { describe, expect, it } from 'vitest';
import { compileGraph, type TCompileError } from '@/server/engine/compile';
import { graph, smaCrossGraph } from '../../helpers/graphs';

function errorsOf(input: unknown): TCompileError[] {
  const result = compileGraph(input);
  if (result.ok) throw new Error('expected the graph to fail');
  return result.errors;
}

describe('compileGraph', () => {
  it('compiles a valid graph into a topologically ordered plan with warm-up', () => {
    const result = compileGraph(smaCrossGraph());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ids = result.plan.nodes.map((n) => n.id);
    expect(ids.indexOf('close')).toBeLessThan(ids.indexOf('fast'));
    expect(ids.indexOf('slow')).toBeLessThan(ids.indexOf('up'));
    expect(ids.indexOf('up')).toBeLessThan(ids.indexOf('enter'));
    expect(result.plan.warmup).toBe(30); // SMA(30) lookback 29 + 1 for the cross
    expect(result.plan.orderSinks.map((s) => result.plan.nodes[s.node].id).sort()).toEqual(['enter', 'exit']);
    expect(result.plan.nodes.find((n) => n.id === 'enter')!.phase).toBe('trading');
    expect(result.plan.nodes.find((n) => n.id === 'fast')!.phase).toBe('series');
  });

  it('prunes branches that feed no order', () => {
    const g = smaCrossGraph();
    g.nodes.push({ id: 'lonely', type: 'indicator.ema', params: { period: 5 }, position: { x: 0, y: 0 } });
    g.edges.push({ id: 'ex', source: 'close', sourceHandle: 'value', target: 'lonely', targetHandle: 'source' });
    const result = compileGraph(g);
    expect(result.ok && result.plan.pruned).toEqual(['lonely']);
  });

  it('unknown_node_type names the node', () => {
    const errors = errorsOf(graph([['x', 'indicator.nope'], ['buy', 'orders.buy']], []));
    expect(errors).toContainEqual(expect.objectContaining({ nodeId: 'x', code: 'unknown_node_type' }));
  });

  it('invalid_param names the node and the field', () => {
    const g = smaCrossGraph();
    g.nodes[1].params = { period: 0 };
    const errors = errorsOf(g);
    expect(errors).toEqual([expect.objectContaining({ nodeId: 'fast', code: 'invalid_param', field: 'period' })]);
    expect(errors[0].message).toContain('period');
    expect(errors[0].messageZh).toContain('period');
  });

  it('required_input_missing when an input is not wired', () => {
    const g = smaCrossGraph();
    g.edges = g.edges.filter((e) => !(e.target === 'up' && e.targetHandle === 'b'));
    expect(errorsOf(g)).toEqual([expect.objectContaining({ nodeId: 'up', code: 'required_input_missing', field: 'b' })]);
  });

  it('a limit order needs its price wired', () => {
    const g = graph(
      [['close', 'data.bar'], ['sig', 'logic.rising'], ['buy', 'orders.buy', { orderType: 'limit' }]],
      [['close.value', 'sig.x'], ['sig.value', 'buy.when']],
    );
    expect(errorsOf(g)).toEqual([expect.objectContaining({ nodeId: 'buy', code: 'required_input_missing', field: 'price' })]);
  });

  it('type_mismatch when a number feeds a signal input', () => {
    const g = graph([['close', 'data.bar'], ['buy', 'orders.buy']], [['close.value', 'buy.when']]);
    expect(errorsOf(g)).toContainEqual(expect.objectContaining({ nodeId: 'buy', code: 'type_mismatch', field: 'when' }));
  });

  it('a signal may feed a number input', () => {
    const g = graph(
      [['close', 'data.bar'], ['sig', 'logic.rising'], ['sum', 'math.add'], ['gt', 'logic.gt'], ['buy', 'orders.buy']],
      [['close.value', 'sig.x'], ['sig.value', 'sum.a'], ['close.value', 'sum.b'], ['sum.value', 'gt.a'], ['close.value', 'gt.b'], ['gt.value', 'buy.when']],
    );
    expect(compileGraph(g).ok).toBe(true);
  });

  it('cycle marks every node on the loop', () => {
    const g = graph(
      [['a', 'math.add'], ['b', 'math.add'], ['c', 'data.constant'], ['gt', 'logic.gt'], ['buy', 'orders.buy']],
      [['a.value', 'b.a'], ['b.value', 'a.a'], ['c.value', 'a.b'], ['c.value', 'b.b'], ['a.value', 'gt.a'], ['c.value', 'gt.b'], ['gt.value', 'buy.when']],
    );
    const cyc = errorsOf(g).filter((e) => e.code === 'cycle').map((e) => e.nodeId);
    expect(cyc.sort()).toEqual(['a', 'b']);
  });

  it('dangling_edge for a missing node or a missing handle', () => {
    const g = smaCrossGraph();
    g.edges.push({ id: 'ghost', source: 'nowhere', sourceHandle: 'value', target: 'fast', targetHandle: 'source2' });
    g.edges.push({ id: 'bad-handle', source: 'close', sourceHandle: 'nope', target: 'up', targetHandle: 'a' });
    const errors = errorsOf(g);
    expect(errors).toContainEqual(expect.objectContaining({ nodeId: 'fast', code: 'dangling_edge' }));
    expect(errors).toContainEqual(expect.objectContaining({ nodeId: 'close', code: 'dangling_edge', field: 'nope' }));
  });

  it('no_order_output when nothing can trade', () => {
    const g = graph([['close', 'data.bar'], ['sma', 'indicator.sma']], [['close.value', 'sma.source']]);
    expect(errorsOf(g)).toEqual([expect.objectContaining({ nodeId: null, code: 'no_order_output' })]);
  });

  it('multiple_inputs and order_fanout', () => {
    const g = graph(
      [['c1', 'data.constant'], ['c2', 'data.constant'], ['gt', 'logic.gt'], ['buy', 'orders.buy'], ['g1', 'risk.max-position'], ['g2', 'risk.cooldown']],
      [['c1.value', 'gt.a'], ['c2.value', 'gt.a'], ['c2.value', 'gt.b'], ['gt.value', 'buy.when'], ['buy.order', 'g1.order'], ['buy.order', 'g2.order']],
    );
    const codes = errorsOf(g).map((e) => e.code);
    expect(codes).toContain('multiple_inputs');
    expect(codes).toContain('order_fanout');
  });

  it('never throws on garbage and says what is wrong', () => {
    for (const junk of [null, 42, 'graph', [], { nodes: 'x' }, { version: 99, nodes: [], edges: [] }, { version: 1, nodes: [{ id: 5 }], edges: [] }]) {
      const result = compileGraph(junk);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0].message.length).toBeGreaterThan(5);
    }
  });

  it('duplicate node ids are reported', () => {
    const g = smaCrossGraph();
    g.nodes.push({ ...g.nodes[1] });
    expect(errorsOf(g)).toContainEqual(expect.objectContaining({ nodeId: 'fast', code: 'duplicate_node_id' }));
  });

  it('param overrides apply and are validated', () => {
    const ok = compileGraph(smaCrossGraph(), { fast: { period: 5 } });
    expect(ok.ok && ok.plan.nodes.find((n) => n.id === 'fast')!.params).toEqual({ period: 5 });
    const bad = compileGraph(smaCrossGraph(), { fast: { period: -1 } });
    expect(bad.ok).toBe(false);
  });

  it('a guard with its input unwired becomes a global guard, not a new order source', () => {
    const g = smaCrossGraph();
    g.nodes.push({ id: 'daily', type: 'risk.max-daily-loss', params: {}, position: { x: 0, y: 0 } });
    const result = compileGraph(g);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const daily = result.plan.nodes.findIndex((n) => n.id === 'daily');
    expect(result.plan.nodes[daily].globalGuard).toBe(true);
    expect(result.plan.orderSinks.some((s) => s.node === daily)).toBe(false);
  });
});
