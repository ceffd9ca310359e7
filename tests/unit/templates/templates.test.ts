import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZGraphSchema } from '@/nodes/sdk';
import { getNodeDefinition } from '@/nodes/registry';
import { compileGraph } from '@/server/engine/compile';
import { TEMPLATE_VARIABLES } from '@/server/ai/prompts/prompt-texts';
import { renderTemplate } from '@/server/ai/prompts/render-template';
import { parseBundledFileName } from '@/server/data/bundled-market-data';
import { availableMarkets } from '@/server/markets';
import { getTemplate, TEMPLATES, type TTemplate } from '@/templates';
import { GOLDEN_CASES } from '../../golden/golden-cases';

const root = process.cwd();
/** The gallery filters on these; every template carries at least one. */
const STYLE_TAGS = ['trend', 'mean-reversion', 'breakout', 'ai'];
const TIMEFRAMES = ['1m', '5m', '15m', '30m', '1h', '4h', '1d', '1w'];
const CJK = /[\u4e00-\u9fff]/;
/** Canvas grid: columns 240 px apart, so a node box (about 200 px wide) never touches the next column. */
const COLUMN = 240;
const NODE_WIDTH = 200;
/** A node is drawn as a header plus one row per port on its longer side. */
const nodeHeight = (type: string) => {
  const def = getNodeDefinition(type)!;
  return 40 + 22 * Math.max(1, Object.keys(def.inputs).length, Object.keys(def.outputs).length);
};

type TGraph = ReturnType<typeof ZGraphSchema.parse>;
const graphOf = (t: TTemplate): TGraph => ZGraphSchema.parse(t.graph);

describe('built-in templates', () => {
  it('lists at least 12 templates with unique ids, each the same as its JSON file', () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(12);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    for (const t of TEMPLATES) {
      const file = path.join(root, 'templates', `${t.id}.json`);
      expect(fs.existsSync(file), `${t.id}: templates/${t.id}.json`).toBe(true);
      expect(JSON.parse(fs.readFileSync(file, 'utf8')), t.id).toEqual(t);
      expect(getTemplate(t.id)).toBe(t);
    }
  });

  it('every JSON file in templates/ is listed in templates/index.ts', () => {
    const files = fs.readdirSync(path.join(root, 'templates')).filter((f) => f.endsWith('.json') && f !== 'reference-results.json');
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(TEMPLATES.map((t) => t.id).sort());
  });

  describe.each(TEMPLATES.map((t) => [t.id, t] as const))('%s', (id, t) => {
    it('has title, description and idea in both languages; the idea is two sentences', () => {
      for (const field of ['title', 'description', 'idea'] as const) {
        expect(t[field].en.trim().length, `${id}.${field}.en`).toBeGreaterThan(0);
        expect(t[field].zh.trim().length, `${id}.${field}.zh`).toBeGreaterThan(0);
        expect(CJK.test(t[field].zh), `${id}.${field}.zh is Chinese`).toBe(true);
        expect(CJK.test(t[field].en.replace(/（[^）]*）|\([^)]*\)/g, '')), `${id}.${field}.en is English`).toBe(false);
      }
      expect(t.idea.en.split(/(?<=[.!?])\s+/).filter(Boolean), `${id}.idea.en`).toHaveLength(2);
      expect(t.idea.zh.match(/[。！？]/g), `${id}.idea.zh`).toHaveLength(2);
    });

    it('has a style tag, known markets and suggested symbols with a timeframe', () => {
      expect(t.tags.some((tag) => STYLE_TAGS.includes(tag)), `${id}: one of ${STYLE_TAGS.join(', ')}`).toBe(true);
      expect(t.markets.length).toBeGreaterThan(0);
      for (const m of t.markets) expect(availableMarkets()).toContain(m);
      expect(t.suggested.symbols.length).toBeGreaterThan(0);
      expect(TIMEFRAMES).toContain(t.suggested.timeframe);
    });

    it('parses and compiles, with every node feeding an order', () => {
      const graph = graphOf(t);
      const compiled = compileGraph(graph);
      if (!compiled.ok) throw new Error(`${id} does not compile: ${JSON.stringify(compiled.errors)}`);
      expect(compiled.plan.orderSinks.length).toBeGreaterThan(0);
      expect(compiled.plan.pruned, `${id}: nodes that feed no order`).toEqual([]);
      expect(graph.nodes.map((n) => n.type).filter((type) => type.startsWith('ai.')).length > 0, `${id}: "ai" tag iff AI nodes`).toBe(
        t.tags.includes('ai'),
      );
    });

    it('AI nodes: prompt templates use only known {{placeholders}} and labels name every wired value', () => {
      const graph = graphOf(t);
      for (const n of graph.nodes.filter((node) => node.type.startsWith('ai.'))) {
        const template = String(n.params.template ?? '');
        const values = Object.fromEntries(TEMPLATE_VARIABLES.map((v) => [v, 'x']));
        const { text, unknown } = renderTemplate(template, values);
        expect(unknown, `${id}.${n.id}: unknown placeholders`).toEqual([]);
        expect(/[{}]/.test(text), `${id}.${n.id}: stray braces after rendering`).toBe(false);
        const labels = (n.params.labels ?? []) as string[];
        const wired = graph.edges.filter((e) => e.target === n.id && /^v\d$/.test(e.targetHandle)).map((e) => Number(e.targetHandle.slice(1)));
        for (const k of wired) expect(labels[k - 1]?.trim(), `${id}.${n.id}: label for v${k}`).toBeTruthy();
      }
    });

    it('is laid out left to right on the 240 px grid without overlapping nodes', () => {
      const graph = graphOf(t);
      const at = new Map(graph.nodes.map((n) => [n.id, n.position]));
      for (const n of graph.nodes) expect(n.position.x % COLUMN, `${id}.${n.id}: x on the column grid`).toBe(0);
      for (const e of graph.edges) expect(at.get(e.source)!.x, `${id}: edge ${e.source} → ${e.target} runs left to right`).toBeLessThan(at.get(e.target)!.x);
      const boxes = graph.nodes.map((n) => ({ id: n.id, x: n.position.x, y: n.position.y, h: nodeHeight(n.type) }));
      for (const a of boxes) {
        for (const b of boxes) {
          if (a.id >= b.id) continue;
          const overlap = a.x < b.x + NODE_WIDTH && b.x < a.x + NODE_WIDTH && a.y < b.y + b.h && b.y < a.y + a.h;
          expect(overlap, `${id}: ${a.id} and ${b.id} overlap`).toBe(false);
        }
      }
    });

    it('has a golden backtest on its first suggested symbol that trades a sensible number of times', () => {
      const cases = GOLDEN_CASES.filter((c) => c.template === id);
      expect(cases.length, `${id}: a case in tests/golden/golden-cases.ts`).toBeGreaterThan(0);
      expect(cases[0].symbol).toBe(t.suggested.symbols[0]);
      expect(t.markets).toContain(cases[0].market);
      for (const c of cases) {
        const pinned = JSON.parse(fs.readFileSync(path.join(root, 'tests/golden/backtests', `${c.name}.json`), 'utf8'));
        expect(pinned.metrics.trades, `${c.name}: closed trades`).toBeGreaterThanOrEqual(10);
        expect(pinned.metrics.trades, `${c.name}: closed trades`).toBeLessThanOrEqual(400);
      }
    });
  });

  describe('reference-results.json (what the gallery shows without running a backtest)', () => {
    const refs = JSON.parse(fs.readFileSync(path.join(root, 'templates/reference-results.json'), 'utf8'));
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

    it.each(TEMPLATES.map((t) => [t.id] as const))('%s: matches its pinned golden backtest (else run scripts/update-template-references.mjs)', (id) => {
      const ref = refs[id];
      expect(ref, `${id}: entry`).toBeDefined();
      const c = GOLDEN_CASES.find((g) => g.template === id)!;
      expect(ref.golden).toBe(c.name);
      expect([ref.symbol, ref.market, ref.file, ref.initialCash, ref.commission]).toEqual([c.symbol, c.market, `data/market/${c.file}`, c.cash, c.commission]);
      const series = parseBundledFileName(c.file)!;
      expect([ref.symbol, ref.timeframe, ref.adjustment]).toEqual([series.symbol, series.timeframe, series.adjustment]);
      const pinned = JSON.parse(fs.readFileSync(path.join(root, 'tests/golden/backtests', `${c.name}.json`), 'utf8')).metrics;
      for (const [key, value] of Object.entries(ref.metrics as Record<string, number>)) {
        expect(close(value, pinned[key]), `${id}.metrics.${key}: ${value} vs pinned ${pinned[key]}`).toBe(true);
      }
      const curve = ref.equityCurve as Array<[string, number]>;
      expect(curve.length).toBeGreaterThan(50);
      expect(curve.length).toBeLessThanOrEqual(120);
      expect(curve[0]).toEqual([ref.from, 1]);
      expect(curve.at(-1)![1]).toBeCloseTo(ref.metrics.finalEquity / ref.initialCash, 4);
      for (let k = 1; k < curve.length; k++) expect(curve[k][0] > curve[k - 1][0], `${id}: curve dates ascend`).toBe(true);
    });

    it('has no entries for templates that no longer exist', () => {
      expect(Object.keys(refs).sort()).toEqual(TEMPLATES.map((t) => t.id).sort());
    });
  });
});
