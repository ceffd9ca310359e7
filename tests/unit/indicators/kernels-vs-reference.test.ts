import { describe, expect, it } from 'vitest';
import { getNodeDefinition } from '@/nodes/registry';
import { runSeriesNode } from '@/nodes/indicators/run-series';
import { barInputs, firstValue, loadBars, maxError, SYMBOLS } from './helpers';
import * as R from './reference';

/**
 * Indicators that the TA-Lib reference CSVs do not cover, checked on the same three real
 * series against the plain implementations in reference.ts (1e-9, relative above 1e4), with
 * TA-Lib's first-output index = the node's warmup.
 */
type TCols = { h: number[]; l: number[]; c: number[]; v: number[]; t: number[] };
/**
 * How far a kernel may be from the exact maths. TA-Lib's O(1) recurrences (WMA's weighted sum,
 * STDDEV/BBANDS's Σx and Σx²) carry rounding from bar to bar, and the kernels copy TA-Lib's
 * arithmetic on purpose (so they match TA-Lib itself bit for bit, see tests/golden). Against a
 * direct two-pass computation those are judged relative to the magnitude of the running sums.
 */
type TMetric = 'talib' | 'relative' | 'variance';
const CASES: Array<{ type: string; params: Record<string, unknown>; first: number; metric?: TMetric; expect: (s: TCols) => Record<string, number[]> }> = [
  { type: 'indicator.wma', params: { period: 30 }, first: 29, metric: 'relative', expect: (s) => ({ value: R.wmaRef(s.c, 30) }) },
  { type: 'indicator.wma', params: { period: 2 }, first: 1, metric: 'relative', expect: (s) => ({ value: R.wmaRef(s.c, 2) }) },
  { type: 'indicator.dema', params: { period: 30 }, first: 58, expect: (s) => ({ value: R.demaRef(s.c, 30) }) },
  { type: 'indicator.tema', params: { period: 30 }, first: 87, expect: (s) => ({ value: R.temaRef(s.c, 30) }) },
  { type: 'indicator.tema', params: { period: 5 }, first: 12, expect: (s) => ({ value: R.temaRef(s.c, 5) }) },
  { type: 'indicator.stochrsi', params: {}, first: 20, expect: (s) => R.stochRsiRef(s.c, 14, 5, 3) },
  { type: 'indicator.trange', params: {}, first: 1, expect: (s) => ({ value: R.trangeRef(s.h, s.l, s.c) }) },
  { type: 'indicator.natr', params: {}, first: 14, expect: (s) => ({ value: R.atrRef(s.h, s.l, s.c, 14).map((a, i) => (a / s.c[i]) * 100) }) },
  { type: 'indicator.plus-di', params: {}, first: 14, expect: (s) => ({ value: R.diRef(s.h, s.l, s.c, 14).plus }) },
  { type: 'indicator.minus-di', params: {}, first: 14, expect: (s) => ({ value: R.diRef(s.h, s.l, s.c, 14).minus }) },
  { type: 'indicator.roc', params: {}, first: 10, expect: (s) => ({ value: R.rocRef(s.c, 10) }) },
  { type: 'math.change', params: { period: 10 }, first: 10, expect: (s) => ({ value: R.momRef(s.c, 10) }) },
  { type: 'indicator.stddev', params: {}, first: 4, metric: 'variance', expect: (s) => ({ value: R.stddevRef(s.c, 5) }) },
  { type: 'indicator.stddev', params: { period: 20, nbDev: 2 }, first: 19, metric: 'variance', expect: (s) => ({ value: R.stddevRef(s.c, 20).map((v) => 2 * v) }) },
  { type: 'indicator.aroon', params: {}, first: 14, expect: (s) => R.aroonRef(s.h, s.l, 14) },
  { type: 'indicator.ultosc', params: {}, first: 28, expect: (s) => ({ value: R.ultoscRef(s.h, s.l, s.c, 7, 14, 28) }) },
  // periods given out of order are sorted, as TA-Lib does
  { type: 'indicator.ultosc', params: { period1: 28, period2: 7, period3: 14 }, first: 28, expect: (s) => ({ value: R.ultoscRef(s.h, s.l, s.c, 7, 14, 28) }) },
  { type: 'indicator.mfi', params: { period: 5 }, first: 5, expect: (s) => ({ value: R.mfiRef(s.h, s.l, s.c, s.v, 5) }) },
  { type: 'indicator.vwap', params: { mode: 'rolling', period: 10 }, first: 9, expect: (s) => ({ value: R.vwapRollingRef(s.h, s.l, s.c, s.v, 10) }) },
  { type: 'indicator.vwap', params: { mode: 'session' }, first: 0, expect: (s) => ({ value: R.vwapSessionRef(s.h, s.l, s.c, s.v, s.t) }) },
  { type: 'indicator.donchian', params: {}, first: 19, expect: (s) => R.donchianRef(s.h, s.l, 20) },
  { type: 'indicator.kdj', params: {}, first: 0, expect: (s) => R.kdjRef(s.h, s.l, s.c, 9, 3, 3) },
  { type: 'indicator.cn-sma', params: { n: 5, m: 2 }, first: 0, expect: (s) => ({ value: R.cnSmaRef(s.c, 5, 2) }) },
  { type: 'indicator.ema', params: { period: 12, convention: 'tdx' }, first: 0, expect: (s) => ({ value: R.cnSmaRef(s.c, 13, 2) }) },
  {
    type: 'indicator.macd',
    params: { convention: 'tdx' },
    first: 0,
    expect: (s) => {
      const m = R.tdxMacdRef(s.c, 12, 26, 9);
      return { macd: m.dif, signal: m.dea, hist: m.macd };
    },
  },
  {
    type: 'indicator.bbands',
    params: { period: 20, convention: 'tdx' },
    first: 19,
    metric: 'variance',
    expect: (s) => {
      const mid = R.smaRef(s.c, 20);
      const sd = R.stddevRef(s.c, 20, 1);
      return { middle: mid, upper: mid.map((m, i) => m + 2 * sd[i]), lower: mid.map((m, i) => m - 2 * sd[i]) };
    },
  },
];

describe.each(SYMBOLS)('streaming kernels vs plain reference on %s', (symbol) => {
  const bars = loadBars(symbol);
  const cols: TCols = { h: Array.from(bars.high), l: Array.from(bars.low), c: Array.from(bars.close), v: Array.from(bars.volume), t: Array.from(bars.time) };

  it.each(CASES.map((c) => [`${c.type} ${JSON.stringify(c.params)}`, c] as const))('%s', (_name, c) => {
    const def = getNodeDefinition(c.type)!;
    const params = def.params.parse(c.params) as Record<string, unknown>;
    expect(def.warmup(params)).toBe(c.first);
    const out = runSeriesNode(def, params, barInputs(c.type, bars), bars.length, bars);
    for (const [port, expected] of Object.entries(c.expect(cols))) {
      const exp = Float64Array.from(expected);
      expect(firstValue(out[port]), `${port} first value`).toBe(c.first);
      expect(firstValue(exp), `reference ${port} first value`).toBe(c.first);
      if (c.metric === 'variance') expect(varianceError(exp, out[port], out.middle ?? new Float64Array(bars.length), cols.c), port).toBeLessThanOrEqual(1e-11);
      else if (c.metric === 'relative') expect(relativeError(exp, out[port]), port).toBeLessThanOrEqual(1e-11);
      else expect(maxError(exp, out[port]), port).toBeLessThanOrEqual(1e-9);
    }
  });
});

function relativeError(expected: Float64Array, actual: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    if (expected[i] !== expected[i]) continue;
    worst = Math.max(worst, Math.abs(expected[i] - actual[i]) / Math.max(1, Math.abs(expected[i])));
  }
  return worst;
}

/**
 * For σ-based outputs (k·σ, or a band centre ± k·σ): the error of (k·σ)², which is what the
 * running sums determine, relative to price².
 */
function varianceError(expected: Float64Array, actual: Float64Array, centre: Float64Array, price: number[]): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    if (expected[i] !== expected[i]) continue;
    const d = Math.abs(expected[i] - actual[i]) * (Math.abs(expected[i] - centre[i]) + Math.abs(actual[i] - centre[i]));
    worst = Math.max(worst, d / Math.max(1, price[i] * price[i]));
  }
  return worst;
}
