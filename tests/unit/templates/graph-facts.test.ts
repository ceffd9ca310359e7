// Pure helpers behind publishing: which provider values may leave the author, what counts as the
// same strategy for the reference run, and the reference growth curve.
import { describe, expect, it } from 'vitest';
import { growthCurve } from '@/server/services/template/find-reference-run';
import { graphUsesAi, logicSignature, sanitizeGraph } from '@/server/services/template/graph-facts';
import { graph, smaCrossGraph } from '../../helpers/graphs';

const DAY = 86_400_000;

describe('sanitizeGraph', () => {
  const g = graph(
    [
      ['close', 'data.bar', { field: 'close' }],
      ['ai', 'ai.decision', { provider: 'cprovider-row-id-of-the-author', model: 'm' }],
      ['auto', 'ai.decision', { provider: 'auto' }],
      ['kind', 'ai.decision', { provider: 'deepseek' }],
      ['debate', 'ai.debate', { judgeProvider: 'cjudge-row', participants: [{ role: 'bull', provider: 'cbull-row', model: '' }, { role: 'bear', provider: 'heuristic', model: '' }] }],
    ],
    [],
  );

  it('turns the author’s provider row ids into their kind (or auto when unknown) and keeps shared values', () => {
    const out = sanitizeGraph(g, new Map([['cprovider-row-id-of-the-author', 'openai'], ['cbull-row', 'qwen']]));
    const params = Object.fromEntries(out.nodes.map((n) => [n.id, n.params]));
    expect(params.ai).toEqual({ provider: 'openai', model: 'm' });
    expect(params.auto).toEqual({ provider: 'auto' });
    expect(params.kind).toEqual({ provider: 'deepseek' });
    expect(params.debate).toEqual({ judgeProvider: 'auto', participants: [{ role: 'bull', provider: 'qwen', model: '' }, { role: 'bear', provider: 'heuristic', model: '' }] });
    expect(JSON.stringify(out)).not.toMatch(/c(provider|judge|bull)-row/);
    // the input is not modified
    expect(g.nodes[1].params.provider).toBe('cprovider-row-id-of-the-author');
  });

  it('leaves non-AI nodes alone and knows which graphs use AI', () => {
    const sma = smaCrossGraph();
    expect(sanitizeGraph(sma)).toEqual(sma);
    expect(graphUsesAi(sma)).toBe(false);
    expect(graphUsesAi(g)).toBe(true);
  });
});

describe('logicSignature', () => {
  it('ignores layout and key order, not params or wiring', () => {
    const a = smaCrossGraph(5, 20);
    const moved = { ...a, nodes: [...a.nodes].reverse().map((n) => ({ ...n, position: { x: 1, y: 2 }, label: 'x' })), edges: [...a.edges].reverse() };
    expect(logicSignature(moved)).toBe(logicSignature(a));
    expect(logicSignature(smaCrossGraph(5, 21))).not.toBe(logicSignature(a));
    const rewired = { ...a, edges: a.edges.map((e, k) => (k === 0 ? { ...e, targetHandle: 'other' } : e)) };
    expect(logicSignature(rewired)).not.toBe(logicSignature(a));
  });
});

describe('growthCurve', () => {
  it('samples at most 120 points with exact ends, as growth of 1 on trading dates', () => {
    const times = Array.from({ length: 1000 }, (_, i) => Date.UTC(2020, 0, 1) + i * DAY);
    const equity = times.map((_, i) => 1_000_000 + i * 1000);
    const curve = growthCurve({ times, equity }, 1_000_000);
    expect(curve).toHaveLength(120);
    expect(curve[0]).toEqual(['2020-01-01', 1]);
    expect(curve.at(-1)).toEqual([new Date(times[999]).toISOString().slice(0, 10), 1.999]);
    expect(growthCurve({ times: times.slice(0, 3), equity: equity.slice(0, 3) }, 1_000_000)).toHaveLength(3);
    expect(growthCurve({ times: [], equity: [] }, 1_000_000)).toEqual([]);
  });
});
