import { describe, expect, it } from 'vitest';
import { NODE_LIST } from '@/nodes/registry';
import { randomSeries, runNode } from '../../helpers/run-node';

/**
 * Every node in the registry passes the same checks (house rule 4): its defaults parse, it is
 * deterministic, and running on the first N bars gives exactly the first N outputs of a full
 * run — so no node can look ahead.
 */
const BARS = 300;

describe.each(NODE_LIST.map((def) => [def.type, def] as const))('node %s', (_type, def) => {
  const params = def.params.parse({});

  it('has a well-formed definition and parsing defaults', () => {
    expect(def.label.en.length).toBeGreaterThan(0);
    expect(def.label.zh.length).toBeGreaterThan(0);
    expect(def.description.en.length).toBeGreaterThan(0);
    expect(def.description.zh.length).toBeGreaterThan(0);
    const warmup = def.warmup(params as never);
    expect(Number.isInteger(warmup) && warmup >= 0).toBe(true);
    expect(Object.keys(def.outputs).length).toBeGreaterThan(0);
  });

  it('is deterministic and resets with init', async () => {
    const series = randomSeries(def, BARS);
    const first = await runNode(def, params, series);
    const second = await runNode(def, params, series);
    expect(second).toEqual(first);
  });

  it('cannot look ahead (truncation invariance)', async () => {
    const series = randomSeries(def, BARS, 11);
    const full = await runNode(def, params, series);
    for (const n of [1, 37, 150, BARS - 1]) {
      const truncated = await runNode(def, params, series, n);
      expect(truncated).toEqual(full.slice(0, n));
    }
  });

  if (def.barColumn) {
    it('gives the same values as the bar column it stands for', async () => {
      const series = randomSeries(def, 20);
      const field = def.barColumn!(params as never);
      const out = await runNode(def, params, series);
      const key = Object.keys(def.outputs)[0];
      expect(out.map((s) => JSON.parse(s)[key])).toEqual(series.bars.map((b) => (Number.isFinite(b[field]) ? b[field] : String(b[field]))));
    });
  }
});

/** Column (batch) forms must equal stepping, including when a run is split into chunks. */
describe.each(NODE_LIST.filter((d) => d.batch).map((def) => [def.type, def] as const))('batch form of %s', (_type, def) => {
  it('equals step bar for bar, across chunk boundaries', async () => {
    const params = def.params.parse({});
    const series = randomSeries(def, BARS, 23);
    const stepped = (await runNode(def, params, series)).map((s) => JSON.parse(s) as Record<string, unknown>);
    const inputs = Object.entries(def.inputs).map(([name, spec]) =>
      Float64Array.from(series.inputs[name] as Array<number | boolean>, (v) => (spec.type === 'signal' ? (v ? 1 : 0) : (v as number))),
    );
    const outNames = Object.keys(def.outputs);
    const outputs = outNames.map(() => new Float64Array(BARS));
    const state = def.init(params as never);
    for (const [from, to] of [[0, 1], [1, 97], [97, 98], [98, BARS]]) def.batch!({ params, state, inputs, outputs, from, to });
    outNames.forEach((name, o) => {
      const type = def.outputs[name].type;
      const expected = stepped.map((s) => (type === 'signal' ? (s[name] ? 1 : 0) : s[name] === 'NaN' ? NaN : s[name]));
      expect(Array.from(outputs[o])).toEqual(expected);
    });
  });
});
