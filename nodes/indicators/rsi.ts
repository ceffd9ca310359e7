import { z } from 'zod';
import { defineNode, port } from '../sdk';
import { primeFeedback, RollingMax, RollingMin, RunningSma, taIsZero } from './kernels/streaming';

/** Wilder RSI in TA-Lib's arithmetic; returns NaN until `period` changes have been seen. */
class WilderRsi {
  count = 0;
  prev = NaN;
  gain = 0;
  loss = 0;

  constructor(readonly period: number) {}

  push(x: number): number {
    const n = this.period;
    const t = this.count++;
    if (t === 0) {
      this.prev = x;
      return NaN;
    }
    const d = x - this.prev;
    this.prev = x;
    if (t <= n) {
      if (d < 0) this.loss -= d;
      else this.gain += d;
      if (t < n) return NaN;
      this.loss /= n;
      this.gain /= n;
    } else {
      this.loss *= n - 1;
      this.gain *= n - 1;
      if (d < 0) this.loss -= d;
      else this.gain += d;
      this.loss /= n;
      this.gain /= n;
    }
    const total = this.gain + this.loss;
    // TA-Lib: no gain and no loss (flat prices) gives 0, not 50
    return taIsZero(total) ? 0.0 : 100.0 * (this.gain / total);
  }
}

export const rsi = defineNode({
  type: 'indicator.rsi',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'RSI', zh: '相对强弱指标' },
  description: {
    en: "TA-Lib RSI (Wilder): average gain/loss seeded with the mean of the first n changes, then avg = (avg·(n−1) + change)/n; RSI = 100·gain/(gain+loss), 0 when both are 0. First value at bar n.",
    zh: 'TA-Lib RSI（Wilder 平滑）：前 n 个涨跌的均值为初值，之后 avg = (avg·(n−1) + 当日)/n；RSI = 100·涨/(涨+跌)，涨跌皆 0 时为 0。第 n 根起有值。',
  },
  inputs: { source: port('number') },
  outputs: { value: port('number') },
  params: z.object({ period: z.number().int().min(2).max(5000).default(14).describe('bars') }),
  warmup: (p) => p.period,
  init: (p) => new WilderRsi(p.period),
  step: ({ in: i, state, out }) => {
    const x = i.source;
    out.value = x !== x ? NaN : state.push(x);
  },
  batch: primeFeedback((a) => a.params.period + 1, ({ state, inputs, outputs, from, to }) => {
    const src = inputs[0]!;
    const out = outputs[0];
    for (let i = from; i < to; i++) {
      const x = src[i];
      out[i] = x !== x ? NaN : state.push(x);
    }
  }),
  summary: (p) => String(p.period),
});

/** TA-Lib STOCHF's fast %K of one value against its window's range (0 when the range is 0). */
export function fastK(x: number, highest: number, lowest: number): number {
  const diff = (highest - lowest) / 100.0;
  return diff !== 0.0 ? (x - lowest) / diff : 0.0;
}

export const stochRsi = defineNode({
  type: 'indicator.stochrsi',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'Stochastic RSI', zh: '随机相对强弱' },
  description: {
    en: 'TA-Lib STOCHRSI: STOCHF applied to RSI(n): k = 100·(RSI − min)/(max − min) over fastK RSI values, d = SMA(k, fastD). First value at n + fastK + fastD − 2.',
    zh: 'TA-Lib STOCHRSI：对 RSI(n) 求快速随机值：k = 100·(RSI − 最低)/(最高 − 最低)（fastK 个 RSI 内），d = SMA(k, fastD)。第 n + fastK + fastD − 2 根起有值。',
  },
  inputs: { source: port('number') },
  outputs: { k: port('number', { label: { en: '%K', zh: 'K' } }), d: port('number', { label: { en: '%D', zh: 'D' } }) },
  params: z.object({
    period: z.number().int().min(2).max(5000).default(14).describe('RSI bars'),
    fastK: z.number().int().min(1).max(5000).default(5).describe('%K window over RSI'),
    fastD: z.number().int().min(1).max(5000).default(3).describe('%D SMA bars'),
  }),
  warmup: (p) => p.period + p.fastK - 1 + p.fastD - 1,
  init: (p) => ({ rsi: new WilderRsi(p.period), hi: new RollingMax(p.fastK), lo: new RollingMin(p.fastK), d: new RunningSma(p.fastD) }),
  step: ({ in: i, state: s, out }) => {
    out.k = out.d = NaN;
    const x = i.source;
    if (x !== x) return;
    const r = s.rsi.push(x);
    if (r !== r) return;
    s.hi.push(r);
    s.lo.push(r);
    if (!s.hi.full) return;
    const k = fastK(r, s.hi.value, s.lo.value);
    const d = s.d.push(k);
    if (d !== d) return;
    out.k = k;
    out.d = d;
  },
  summary: (p) => `${p.period},${p.fastK},${p.fastD}`,
});
