import { z } from 'zod';
import { defineNode, port } from '../sdk';
import { primeFeedback, taIsZero, trueRange } from './kernels/streaming';

const hlc = { high: port('number'), low: port('number'), close: port('number') };
const ZPeriod14 = z.object({ period: z.number().int().min(1).max(5000).default(14).describe('bars') });

export const trange = defineNode({
  type: 'indicator.trange',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'True range', zh: '真实波幅' },
  description: {
    en: 'TA-Lib TRANGE: max(H − L, |H − C′|, |L − C′|) with C′ the previous close. First value at bar 1.',
    zh: 'TA-Lib TRANGE：max(H − L, |H − 昨收|, |L − 昨收|)。第 1 根起有值。',
  },
  inputs: hlc,
  outputs: { value: port('number') },
  params: z.object({}),
  warmup: () => 1,
  init: () => ({ prevClose: NaN }),
  step: ({ in: i, state, out }) => {
    const { high, low, close } = i;
    if (high !== high || low !== low || close !== close) {
      out.value = NaN;
      return;
    }
    out.value = state.prevClose === state.prevClose ? trueRange(high, low, state.prevClose) : NaN;
    state.prevClose = close;
  },
});

/** Wilder ATR as TA-Lib computes it: first value the plain mean of n true ranges. */
class WilderAtr {
  count = 0;
  prevClose = NaN;
  atr = 0;

  constructor(readonly period: number) {}

  push(high: number, low: number, close: number): number {
    const t = this.count++;
    const n = this.period;
    if (t === 0) {
      this.prevClose = close;
      return NaN;
    }
    const tr = trueRange(high, low, this.prevClose);
    this.prevClose = close;
    if (t <= n) {
      this.atr += tr;
      if (t < n) return NaN;
      this.atr = this.atr / n;
      return this.atr;
    }
    this.atr *= n - 1;
    this.atr += tr;
    this.atr /= n;
    return this.atr;
  }
}

export const atr = defineNode({
  type: 'indicator.atr',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'ATR', zh: '平均真实波幅' },
  description: {
    en: 'TA-Lib ATR (Wilder): first value the mean of the first n true ranges (bars 1..n), then ATR = (ATR·(n−1) + TR)/n. First value at bar n.',
    zh: 'TA-Lib ATR（Wilder 平滑）：首值为前 n 个真实波幅（第 1..n 根）的均值，之后 ATR = (ATR·(n−1) + TR)/n。第 n 根起有值。',
  },
  inputs: hlc,
  outputs: { value: port('number') },
  params: ZPeriod14,
  warmup: (p) => p.period,
  init: (p) => new WilderAtr(p.period),
  step: ({ in: i, state, out }) => {
    const { high, low, close } = i;
    out.value = high !== high || low !== low || close !== close ? NaN : state.push(high, low, close);
  },
  batch: primeFeedback((a) => a.params.period + 1, ({ state, inputs, outputs, from, to }) => {
    const hi = inputs[0]!;
    const lo = inputs[1]!;
    const cl = inputs[2]!;
    const out = outputs[0];
    for (let i = from; i < to; i++) {
      const high = hi[i];
      const low = lo[i];
      const close = cl[i];
      out[i] = high !== high || low !== low || close !== close ? NaN : state.push(high, low, close);
    }
  }),
  summary: (p) => String(p.period),
});

export const natr = defineNode({
  type: 'indicator.natr',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'NATR', zh: '归一化平均真实波幅' },
  description: {
    en: 'TA-Lib NATR: ATR(n) / close × 100 (0 when the close is 0). First value at bar n.',
    zh: 'TA-Lib NATR：ATR(n) / 收盘价 × 100（收盘价为 0 时取 0）。第 n 根起有值。',
  },
  inputs: hlc,
  outputs: { value: port('number') },
  params: ZPeriod14,
  warmup: (p) => p.period,
  init: (p) => new WilderAtr(p.period),
  step: ({ in: i, state, out }) => {
    const { high, low, close } = i;
    if (high !== high || low !== low || close !== close) {
      out.value = NaN;
      return;
    }
    const a = state.push(high, low, close);
    out.value = a !== a ? NaN : taIsZero(close) ? 0.0 : (a / close) * 100.0;
  },
  summary: (p) => String(p.period),
});
