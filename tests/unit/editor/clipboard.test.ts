import { describe, expect, it } from 'vitest';
import { CLIPBOARD_KIND, copySelection, parseClipboard, pasteInto, serializeClipboard } from '@/components/editor/lib/clipboard';
import { baseIdForType, edgeIdAllocator, uniqueId } from '@/components/editor/lib/node-ids';
import { compileGraph } from '@/nodes/compile';
import { ZGraphSchema, type TGraph } from '@/nodes/sdk/graph-schema';
import { getTemplate } from '@/templates';

const sma = (): TGraph => ZGraphSchema.parse(getTemplate('sma-crossover')!.graph);

describe('node ids', () => {
  it('derives readable ids from the type and numbers duplicates', () => {
    expect(baseIdForType('indicator.sma')).toBe('sma');
    expect(baseIdForType('logic.crosses-above')).toBe('crossesAbove');
    expect(baseIdForType('orders.target-percent')).toBe('targetPercent');
    const taken = new Set(['sma', 'sma2']);
    expect(uniqueId('sma', taken)).toBe('sma3');
    expect(uniqueId('ema', taken)).toBe('ema');
    expect(taken.has('sma3') && taken.has('ema')).toBe(true);
  });

  it('allocates edge ids after the highest e<n> in use', () => {
    const next = edgeIdAllocator(['e1', 'e7', 'custom']);
    expect([next(), next()]).toEqual(['e8', 'e9']);
  });
});

describe('clipboard', () => {
  it('copies the selected nodes and only the edges between them', () => {
    const clip = copySelection(sma(), new Set(['close', 'fast', 'crossUp']))!;
    expect(clip.kind).toBe(CLIPBOARD_KIND);
    expect(clip.nodes.map((n) => n.id)).toEqual(['close', 'fast', 'crossUp']);
    expect(clip.edges.map((e) => [e.source, e.target])).toEqual([
      ['close', 'fast'],
      ['fast', 'crossUp'],
    ]);
    expect(copySelection(sma(), new Set())).toBeNull();
  });

  it('survives a trip through text and rejects anything else', () => {
    const clip = copySelection(sma(), new Set(['fast']))!;
    expect(parseClipboard(serializeClipboard(clip))).toEqual(clip);
    expect(parseClipboard('hello')).toBeNull();
    expect(parseClipboard('{"kind":"other"}')).toBeNull();
    expect(parseClipboard(null)).toBeNull();
  });

  it('pastes into the same graph with fresh ids, remapped edges and an offset', () => {
    const graph = sma();
    const clip = copySelection(graph, new Set(['close', 'fast', 'slow', 'crossUp']))!;
    const pasted = pasteInto(graph, clip);
    const ids = pasted.nodes.map((n) => n.id);
    expect(ids).toEqual(['close2', 'fast2', 'slow2', 'crossUp2']);
    for (const id of ids) expect(graph.nodes.some((n) => n.id === id)).toBe(false);
    expect(pasted.nodes[1].position).toEqual({ x: 280, y: 80 });
    expect(pasted.edges.map((e) => `${e.source}.${e.sourceHandle}->${e.target}.${e.targetHandle}`)).toEqual([
      'close2.value->fast2.source',
      'close2.value->slow2.source',
      'fast2.value->crossUp2.a',
      'slow2.value->crossUp2.b',
    ]);
    expect(new Set([...graph.edges, ...pasted.edges].map((e) => e.id)).size).toBe(graph.edges.length + pasted.edges.length);
    // The original is untouched and the combined graph still compiles.
    expect(graph).toEqual(sma());
    const combined = { ...graph, nodes: [...graph.nodes, ...pasted.nodes], edges: [...graph.edges, ...pasted.edges] };
    expect(compileGraph(combined).ok).toBe(true);
  });

  it('keeps the copied ids when pasting into another strategy, and can paste at a point', () => {
    const clip = copySelection(sma(), new Set(['fast', 'slow']))!;
    const empty: TGraph = { version: 1, nodes: [], edges: [] };
    const pasted = pasteInto(empty, clip, { at: { x: 1000, y: 500 } });
    expect(pasted.nodes.map((n) => n.id)).toEqual(['fast', 'slow']);
    expect(pasted.nodes.map((n) => n.position)).toEqual([
      { x: 1000, y: 500 },
      { x: 1000, y: 660 },
    ]);
    expect(pasted.edges).toEqual([]);
  });

  it('pasting twice numbers on from the same base', () => {
    let graph = sma();
    const clip = copySelection(graph, new Set(['fast']))!;
    for (let i = 0; i < 2; i++) {
      const p = pasteInto(graph, clip);
      graph = { ...graph, nodes: [...graph.nodes, ...p.nodes] };
    }
    expect(graph.nodes.map((n) => n.id).slice(-2)).toEqual(['fast2', 'fast3']);
    const again = pasteInto(graph, copySelection(graph, new Set(['fast3']))!);
    expect(again.nodes[0].id).toBe('fast4');
  });
});
