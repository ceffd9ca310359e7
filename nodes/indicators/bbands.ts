import { z } from 'zod';
import { defineNode, port } from '../sdk';
import { primeFeedback } from './kernels/streaming';

/**
 * Window sums in TA-Lib's order: total += entering, read, then total −= leaving (on the next
 * bar). Both TA_BBANDS (via its precomputed-MA stddev) and TA_STDDEV/TA_VAR keep Σx and Σx²
 * this way and take var = Σx²/n − (Σx/n)², treating anything below 1e-8 as zero.
 */
function createSums(period: number) {
  return { buf: new Float64Array(period), next: 0, count: 0, sum: 0, sumSq: 0 };
}
type TSums = ReturnType<typeof createSums>;

/** Pushes x; returns true once the window is full. */
function pushSums(s: TSums, x: number, period: number): boolean {
  if (s.count === period) {
    const old = s.buf[s.next];
    s.sum -= old;
    s.sumSq -= old * old;
  } else s.count++;
  s.sum += x;
  s.sumSq += x * x;
  s.buf[s.next] = x;
  s.next = s.next + 1 === period ? 0 : s.next + 1;
  return s.count === period;
}

/** One bar of Bollinger bands into s.upper/middle/lower (NaN until the window is full). */
function bands(s: TSums & { sample: boolean; upper: number; middle: number; lower: number }, p: { period: number; devUp: number; devDown: number }, x: number): void {
  if (x !== x || !pushSums(s, x, p.period)) {
    s.upper = s.middle = s.lower = NaN;
    return;
  }
  const n = p.period;
  const mid = s.sum / n;
  let v = s.sumSq / n - mid * mid;
  if (s.sample) v = (v * n) / (n - 1);
  const sd = v < 1e-8 ? 0.0 : Math.sqrt(v);
  s.middle = mid;
  s.upper = mid + sd * p.devUp;
  s.lower = mid - sd * p.devDown;
}

export const bbands = defineNode({
  type: 'indicator.bbands',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'Bollinger Bands', zh: '布林带' },
  description: {
    en: 'TA-Lib BBANDS (SMA middle): middle = SMA(n), upper/lower = middle ± dev·σ with the population σ over n bars. Convention "tdx" is TongDaXin BOLL, whose STD is the sample σ (÷ n−1).',
    zh: 'TA-Lib BBANDS（SMA 中轨）：中轨 = SMA(n)，上/下轨 = 中轨 ± 倍数·σ，σ 为 n 根的总体标准差。约定 tdx 为通达信 BOLL，其 STD 为样本标准差（除以 n−1）。',
  },
  inputs: { source: port('number') },
  outputs: {
    upper: port('number', { label: { en: 'Upper', zh: '上轨' } }),
    middle: port('number', { label: { en: 'Middle', zh: '中轨' } }),
    lower: port('number', { label: { en: 'Lower', zh: '下轨' } }),
  },
  params: z.object({
    period: z.number().int().min(2).max(5000).default(5).describe('bars'),
    devUp: z.number().min(-1000).max(1000).default(2).describe('σ multiplier for the upper band'),
    devDown: z.number().min(-1000).max(1000).default(2).describe('σ multiplier for the lower band'),
    convention: z.enum(['talib', 'tdx']).default('talib').describe('population σ (TA-Lib) or sample σ (TongDaXin BOLL)'),
  }),
  warmup: (p) => p.period - 1,
  init: (p) => ({ ...createSums(p.period), sample: p.convention === 'tdx', upper: NaN, middle: NaN, lower: NaN }),
  step: ({ in: i, params, state, out }) => {
    bands(state, params, i.source);
    out.upper = state.upper;
    out.middle = state.middle;
    out.lower = state.lower;
  },
  // Once the window is full, `bands`' arithmetic with the sums in locals (a call writing six
  // fields per bar ran 2.3× the hand loop).
  batch: primeFeedback((a) => a.params.period, ({ params, state, inputs, outputs, from, to }) => {
    const src = inputs[0]!;
    const [ou, om, ol] = outputs;
    const n = params.period;
    let i = from;
    for (; i < to && state.count < n; i++) {
      bands(state, params, src[i]);
      ou[i] = state.upper;
      om[i] = state.middle;
      ol[i] = state.lower;
    }
    if (i === to) return;
    const buf = state.buf;
    const sample = state.sample;
    const devUp = params.devUp;
    const devDown = params.devDown;
    let { next, sum, sumSq } = state;
    let up = state.upper;
    let mid = state.middle;
    let low = state.lower;
    for (; i < to; i++) {
      const x = src[i];
      if (x !== x) {
        ou[i] = om[i] = ol[i] = up = mid = low = NaN;
        continue;
      }
      const old = buf[next];
      sum -= old;
      sumSq -= old * old;
      sum += x;
      sumSq += x * x;
      buf[next] = x;
      next = next + 1 === n ? 0 : next + 1;
      mid = sum / n;
      let v = sumSq / n - mid * mid;
      if (sample) v = (v * n) / (n - 1);
      const sd = v < 1e-8 ? 0.0 : Math.sqrt(v);
      ou[i] = up = mid + sd * devUp;
      om[i] = mid;
      ol[i] = low = mid - sd * devDown;
    }
    state.next = next;
    state.sum = sum;
    state.sumSq = sumSq;
    state.upper = up;
    state.middle = mid;
    state.lower = low;
  }),
  summary: (p) => `${p.period},${p.devUp}${p.devUp === p.devDown ? '' : `/${p.devDown}`}${p.convention === 'tdx' ? ' tdx' : ''}`,
});

export const stddev = defineNode({
  type: 'indicator.stddev',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'Standard deviation', zh: '标准差' },
  description: {
    en: 'TA-Lib STDDEV: √(Σx²/n − (Σx/n)²) × nbDev, population σ over n bars (0 when the variance is below 1e-8). Convention "sample" divides by n−1 (TongDaXin STD; TDX STDP is the population one).',
    zh: 'TA-Lib STDDEV：√(Σx²/n − (Σx/n)²) × 倍数，n 根的总体标准差（方差小于 1e-8 时为 0）。约定 sample 除以 n−1（通达信 STD；STDP 为总体）。',
  },
  inputs: { source: port('number') },
  outputs: { value: port('number') },
  params: z.object({
    period: z.number().int().min(2).max(5000).default(5).describe('bars'),
    nbDev: z.number().min(-1000).max(1000).default(1).describe('multiplier'),
    convention: z.enum(['population', 'sample']).default('population').describe('divide by n (TA-Lib, TDX STDP) or n−1 (TDX STD)'),
  }),
  warmup: (p) => p.period - 1,
  init: (p) => createSums(p.period),
  step: ({ in: i, params, state, out }) => {
    const x = i.source;
    if (x !== x || !pushSums(state, x, params.period)) {
      out.value = NaN;
      return;
    }
    const n = params.period;
    const mean = state.sum / n;
    let v = state.sumSq / n - mean * mean;
    if (params.convention === 'sample') v = (v * n) / (n - 1);
    out.value = v < 1e-8 ? 0.0 : Math.sqrt(v) * params.nbDev;
  },
  summary: (p) => `${p.period}${p.nbDev === 1 ? '' : `×${p.nbDev}`}`,
});
