import { describe, expect, it } from 'vitest';
import { exportFileName, graphFileText, parseGraphText } from '@/components/editor/lib/import-graph';
import { matchScore, paletteGroups } from '@/components/editor/lib/palette';
import { collectProblems } from '@/components/editor/lib/problems';
import { createSaveQueue, type TSaveState } from '@/components/editor/lib/save-queue';
import { getNodeDefinition, NODE_LIST } from '@/nodes/registry';
import { ZGraphSchema } from '@/nodes/sdk/graph-schema';
import { getTemplate } from '@/templates';

describe('palette', () => {
  it('lists every registry node once, grouped by category in a fixed order', () => {
    const groups = paletteGroups(NODE_LIST, '');
    expect(groups.map((g) => g.category)).toEqual(['data', 'indicators', 'math', 'logic', 'ai', 'risk', 'orders'].filter((c) => NODE_LIST.some((d) => d.category === c)));
    expect(groups.flatMap((g) => g.items).length).toBe(NODE_LIST.length);
  });

  it('finds nodes by English or Chinese name, type id or description', () => {
    const find = (q: string) => paletteGroups(NODE_LIST, q).flatMap((g) => g.items.map((d) => d.type));
    expect(find('sma')[0]).toBe('indicator.sma');
    expect(find('简单移动平均')).toContain('indicator.sma');
    expect(find('上穿')).toContain('logic.crosses-above');
    expect(find('crosses above')).toEqual(['logic.crosses-above']);
    expect(find('target-percent')).toContain('orders.target-percent');
    expect(find('zzzz-nothing')).toEqual([]);
    // A label match ranks above a description match.
    expect(matchScore(getNodeDefinition('indicator.sma')!, 'sma')).toBeGreaterThan(matchScore(getNodeDefinition('indicator.ema')!, 'sma'));
  });
});

describe('import / export', () => {
  it('reads an exported graph, a template file, and migrates old versions', () => {
    const graph = ZGraphSchema.parse(getTemplate('sma-crossover')!.graph);
    expect(parseGraphText(graphFileText(graph))).toEqual({ ok: true, graph });
    expect(parseGraphText(JSON.stringify(getTemplate('macd-cross')))).toMatchObject({ ok: true, templateId: 'macd-cross' });
    const { version: _v, ...unversioned } = graph;
    expect(parseGraphText(JSON.stringify(unversioned))).toMatchObject({ ok: true, graph: { version: 1 } });
  });

  it('says why a file cannot be read', () => {
    expect(parseGraphText('{nope')).toMatchObject({ ok: false, problem: 'not_json' });
    expect(parseGraphText('[1,2]')).toMatchObject({ ok: false, problem: 'not_a_graph' });
    expect(parseGraphText('{"version":99,"nodes":[],"edges":[]}')).toMatchObject({ ok: false, problem: 'not_a_graph', detail: expect.stringContaining('newer') });
    expect(parseGraphText('{"version":1,"nodes":[{"id":""}],"edges":[]}')).toMatchObject({ ok: false, problem: 'not_a_graph', detail: expect.stringContaining('nodes.0') });
  });

  it('exports under a safe file name', () => {
    expect(exportFileName('MA / crossover: v2?')).toBe('MA-crossover-v2-.json');
    expect(exportFileName('  ')).toBe('strategy.json');
    expect(exportFileName('双均线 策略')).toBe('双均线-策略.json');
  });
});

describe('problems', () => {
  it('pins compiler errors on nodes and keeps graph-level ones apart', () => {
    const graph = ZGraphSchema.parse(getTemplate('sma-crossover')!.graph);
    expect(collectProblems(graph).all).toEqual([]);
    graph.edges = graph.edges.filter((e) => e.id !== 'e4');
    const p = collectProblems(graph);
    expect(p.byNode.get('crossUp')?.map((e) => [e.code, e.field])).toEqual([['required_input_missing', 'b']]);
    expect(collectProblems({ version: 1, nodes: [], edges: [] }).general.map((e) => e.code)).toEqual(['no_order_output']);
  });

  it('lists nodes that feed no order as pruned', () => {
    const graph = ZGraphSchema.parse(getTemplate('sma-crossover')!.graph);
    graph.nodes.push({ id: 'lonely', type: 'data.constant', params: { value: 1 }, position: { x: 0, y: 0 } });
    expect(collectProblems(graph).pruned).toEqual(['lonely']);
  });
});

describe('autosave queue', () => {
  function setup() {
    const calls: Array<{ key: string; resolve: (v: { version: number }) => void; reject: (e: unknown) => void }> = [];
    const states: TSaveState[] = [];
    const q = createSaveQueue<string>(
      (req) => new Promise((resolve, reject) => calls.push({ key: req.key, resolve, reject })),
      (s) => states.push(s),
    );
    return { q, calls, states };
  }
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it('keeps one save in flight and saves only the newest change afterwards', async () => {
    const { q, calls, states } = setup();
    q.markSaved('k0', 3);
    q.request({ graph: 'g1', key: 'k1' });
    q.request({ graph: 'g2', key: 'k2' });
    q.request({ graph: 'g3', key: 'k3' });
    expect(calls.map((c) => c.key)).toEqual(['k1']);
    expect(q.hasUnsaved()).toBe(true);
    calls[0].resolve({ version: 4 });
    await tick();
    expect(calls.map((c) => c.key)).toEqual(['k1', 'k3']);
    calls[1].resolve({ version: 5 });
    await tick();
    expect(q.hasUnsaved()).toBe(false);
    expect(states.at(-1)).toEqual({ status: 'saved', version: 5 });
  });

  it('does not save what is already saved', () => {
    const { q, calls } = setup();
    q.markSaved('k0', 1);
    q.request({ graph: 'g0', key: 'k0' });
    expect(calls).toEqual([]);
  });

  it('keeps a failed save pending and retries on flush', async () => {
    const { q, calls, states } = setup();
    q.request({ graph: 'g1', key: 'k1' });
    calls[0].reject(new Error('offline'));
    await tick();
    expect(states.at(-1)?.status).toBe('error');
    expect(q.hasUnsaved()).toBe(true);
    q.flush();
    expect(calls.map((c) => c.key)).toEqual(['k1', 'k1']);
    calls[1].resolve({ version: 1 });
    await tick();
    expect(q.savedKey()).toBe('k1');
  });

  it('going back to the saved graph while a save is in flight ends as saved', async () => {
    const { q, calls } = setup();
    q.markSaved('k0', 1);
    q.request({ graph: 'g1', key: 'k1' });
    q.request({ graph: 'g0', key: 'k0' });
    calls[0].resolve({ version: 2 });
    await tick();
    // k0 is no longer what the server has (v2 is k1), so it must be saved again.
    expect(calls.map((c) => c.key)).toEqual(['k1', 'k0']);
  });
});
