import { describe, expect, it } from 'vitest';
import { checkConnection, handleAccepts } from '@/components/editor/lib/connection-check';
import { ZGraphSchema } from '@/nodes/sdk/graph-schema';
import { getTemplate } from '@/templates';

const graph = () => {
  const g = ZGraphSchema.parse(getTemplate('sma-crossover')!.graph);
  g.nodes.push({ id: 'buy', type: 'orders.buy', params: {}, position: { x: 0, y: 0 } });
  g.nodes.push({ id: 'stop', type: 'risk.cooldown', params: {}, position: { x: 0, y: 0 } });
  g.nodes.push({ id: 'guard', type: 'risk.max-position', params: {}, position: { x: 0, y: 0 } });
  return g;
};
const conn = (source: string, sourceHandle: string, target: string, targetHandle: string) => ({ source, sourceHandle, target, targetHandle });

describe('live connection checks', () => {
  it('accepts same types and signal -> number, like the compiler', () => {
    expect(checkConnection(graph(), conn('fast', 'value', 'buy', 'price'))).toEqual({ ok: true, replaces: null });
    expect(checkConnection(graph(), conn('crossUp', 'value', 'buy', 'price'))).toEqual({ ok: true, replaces: null });
    // Wiring into an input that is already wired replaces its edge.
    expect(checkConnection(graph(), conn('slow', 'value', 'fast', 'source'))).toEqual({ ok: true, replaces: 'e1' });
  });

  it('refuses a number into a signal input and says why in both languages', () => {
    const r = checkConnection(graph(), conn('fast', 'value', 'buy', 'when'));
    expect(r).toMatchObject({ ok: false, code: 'type_mismatch' });
    if (r.ok) throw new Error('unreachable');
    expect(r.detail?.en).toBe('a number output cannot feed a signal input');
    expect(r.detail?.zh).toContain('信号');
  });

  it('refuses self loops, loops through other nodes and duplicates', () => {
    expect(checkConnection(graph(), conn('fast', 'value', 'fast', 'source'))).toMatchObject({ ok: false, code: 'self' });
    // A bar field has no inputs at all.
    expect(checkConnection(graph(), conn('crossUp', 'value', 'close', 'x'))).toMatchObject({ ok: false, code: 'unknown_port' });
    const g = graph();
    g.nodes.push({ id: 'add', type: 'math.add', params: {}, position: { x: 0, y: 0 } });
    g.edges.push({ id: 'e9', source: 'fast', sourceHandle: 'value', target: 'add', targetHandle: 'a' });
    g.edges.push({ id: 'e10', source: 'add', sourceHandle: 'value', target: 'slow', targetHandle: 'source' });
    // slow -> crossUp ... so crossUp -> add would close add -> slow -> crossUp -> add.
    expect(checkConnection(g, conn('crossUp', 'value', 'add', 'b'))).toMatchObject({ ok: false, code: 'cycle' });
    expect(checkConnection(g, conn('fast', 'value', 'add', 'a'))).toMatchObject({ ok: false, code: 'duplicate' });
  });

  it('a loop through the edge being replaced is not a loop', () => {
    const g = graph();
    g.nodes.push({ id: 'add', type: 'math.add', params: {}, position: { x: 0, y: 0 } });
    g.edges.push({ id: 'e9', source: 'add', sourceHandle: 'value', target: 'fast', targetHandle: 'source' });
    g.edges = g.edges.filter((e) => e.id !== 'e1');
    // fast.source is wired from add; wiring crossUp (downstream of fast) into fast.source replaces add->fast: still a loop via fast->crossUp.
    expect(checkConnection(g, conn('crossUp', 'value', 'fast', 'source'))).toMatchObject({ ok: false, code: 'cycle' });
    // add's input from close is fine, and replacing fast.source's edge by close is fine.
    expect(checkConnection(g, conn('close', 'value', 'fast', 'source'))).toEqual({ ok: true, replaces: 'e9' });
  });

  it('an order goes one way only', () => {
    const g = graph();
    g.edges.push({ id: 'e9', source: 'buy', sourceHandle: 'order', target: 'stop', targetHandle: 'order' });
    expect(checkConnection(g, conn('buy', 'order', 'guard', 'order'))).toMatchObject({ ok: false, code: 'order_fanout' });
    // Re-wiring the same order into the same input it already feeds is a duplicate, not a fan-out.
    expect(checkConnection(g, conn('buy', 'order', 'stop', 'order'))).toMatchObject({ ok: false, code: 'duplicate' });
  });

  it('highlights only compatible handles while dragging', () => {
    expect(handleAccepts({ type: 'source', portType: 'signal' }, { type: 'target', portType: 'number' })).toBe(true);
    expect(handleAccepts({ type: 'target', portType: 'signal' }, { type: 'source', portType: 'number' })).toBe(false);
    expect(handleAccepts({ type: 'source', portType: 'number' }, { type: 'source', portType: 'number' })).toBe(false);
    expect(handleAccepts({ type: 'target', portType: 'order' }, { type: 'source', portType: 'order' })).toBe(true);
  });
});
