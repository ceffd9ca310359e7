import { describe, expect, it } from 'vitest';
import { getNodeDefinition } from '@/nodes/registry';
import { runSeriesNode } from '@/nodes/indicators/run-series';

/**
 * The column forms keep their state in locals once warmed up and test for NaN in their own way
 * (some on the result rather than the input), so check them against `step` on inputs with NaN
 * gaps in the middle (an upstream node's gap), split into chunks that end inside the gaps.
 */
const N = 600;

function series(seed: number): { high: Float64Array; low: Float64Array; close: Float64Array } {
  let a = seed;
  const rand = () => ((a = (a * 1103515245 + 12345) % 2147483648) / 2147483648);
  const high = new Float64Array(N);
  const low = new Float64Array(N);
  const close = new Float64Array(N);
  let p = 100;
  for (let i = 0; i < N; i++) {
    p *= 1 + (rand() - 0.5) * 0.04;
    close[i] = p;
    high[i] = p * (1 + rand() * 0.02);
    low[i] = p * (1 - rand() * 0.02);
    // NaN gaps: single bars and a run of 40, plus a stretch of equal prices (zero range)
    if (i % 97 === 50 || (i >= 300 && i < 340)) high[i] = low[i] = close[i] = NaN;
    if (i >= 400 && i < 420) high[i] = low[i] = close[i] = 50;
  }
  return { high, low, close };
}

const cases: Array<[string, Record<string, unknown>]> = [
  ['indicator.sma', { period: 20 }],
  ['indicator.ema', { period: 20 }],
  ['indicator.ema', { period: 12, convention: 'tdx' }],
  ['indicator.stoch', { fastK: 14 }],
  ['indicator.stoch', { fastK: 5, slowK: 1, slowD: 4 }],
  ['indicator.kdj', {}],
  ['indicator.kdj', { n: 1 }],
  ['indicator.kama', {}],
  ['indicator.kama', { period: 3 }],
  ['indicator.sar', {}],
  ['indicator.sar', { acceleration: 0.3, maximum: 0.2 }],
  ['indicator.macd', {}],
  ['indicator.bbands', { period: 20 }],
  ['indicator.bbands', { period: 5, convention: 'tdx' }],
  ['indicator.adx', {}],
  ['indicator.adx', { period: 2 }],
  ['indicator.plus-di', {}],
  ['indicator.minus-di', {}],
  ['indicator.minus-di', { period: 3 }],
];

describe.each(cases)('column form of %s %j with NaN gaps', (type, params) => {
  it('equals step bar for bar, across chunks that end inside gaps', () => {
    const def = getNodeDefinition(type)!;
    const parsed = def.params.parse(params);
    const cols = series(7);
    const inputs = Object.keys(def.inputs).map((name) => (name === 'source' ? cols.close : cols[name as 'high' | 'low' | 'close']));
    const stepped = runSeriesNode(def, params, Object.fromEntries(Object.keys(def.inputs).map((name, k) => [name, inputs[k]])), N);
    const outputs = Object.keys(def.outputs).map(() => new Float64Array(N));
    const state = def.init(parsed);
    const cuts = [0, 1, 2, 30, 51, 52, 148, 310, 311, 345, 410, N];
    for (let c = 0; c + 1 < cuts.length; c++) def.batch!({ params: parsed, state, inputs, outputs, from: cuts[c], to: cuts[c + 1] });
    Object.keys(def.outputs).forEach((name, o) => expect(Array.from(outputs[o])).toEqual(Array.from(stepped[name])));
  });
});
