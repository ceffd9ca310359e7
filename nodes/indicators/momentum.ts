import { z } from 'zod';
import { defineNode, port } from '../sdk';
import { RollingMax, RollingMin, Ring, taIsZero } from './kernels/streaming';

export const roc = defineNode({
  type: 'indicator.roc',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'ROC', zh: '变动率' },
  description: {
    en: 'TA-Lib ROC: (x / x[n bars ago] − 1) × 100 (0 when the old value is 0). First value at bar n. (TA-Lib MOM, x − x[n], is the "Change (n)" math node.)',
    zh: 'TA-Lib ROC：(x / n 根前的 x − 1) × 100（旧值为 0 时取 0）。第 n 根起有值。（TA-Lib MOM 即数学节点"变化量(n)"。）',
  },
  inputs: { source: port('number') },
  outputs: { value: port('number') },
  params: z.object({ period: z.number().int().min(1).max(5000).default(10).describe('bars back') }),
  warmup: (p) => p.period,
  init: (p) => new Ring(p.period + 1),
  step: ({ in: i, params, state, out }) => {
    const x = i.source;
    if (x !== x) {
      out.value = NaN;
      return;
    }
    state.push(x);
    if (state.count <= params.period) {
      out.value = NaN;
      return;
    }
    const then = state.ago(params.period);
    out.value = then !== 0.0 ? (x / then - 1.0) * 100.0 : 0.0;
  },
  summary: (p) => String(p.period),
});

export const aroon = defineNode({
  type: 'indicator.aroon',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'Aroon', zh: '阿隆指标' },
  description: {
    en: 'TA-Lib AROON: over the last n+1 bars, up = 100/n · (n − bars since the highest high), down = 100/n · (n − bars since the lowest low); ties go to the most recent bar. First value at bar n.',
    zh: 'TA-Lib AROON：最近 n+1 根内，up = 100/n · (n − 距最高价的K线数)，down = 100/n · (n − 距最低价的K线数)；并列取最近一根。第 n 根起有值。',
  },
  inputs: { high: port('number'), low: port('number') },
  outputs: { up: port('number', { label: { en: 'Aroon up', zh: '阿隆上' } }), down: port('number', { label: { en: 'Aroon down', zh: '阿隆下' } }) },
  params: z.object({ period: z.number().int().min(2).max(5000).default(14).describe('bars') }),
  warmup: (p) => p.period,
  init: (p) => ({ hi: new RollingMax(p.period + 1), lo: new RollingMin(p.period + 1), factor: 100.0 / p.period }),
  step: ({ in: i, params, state: s, out }) => {
    const { high, low } = i;
    out.up = out.down = NaN;
    if (high !== high || low !== low) return;
    s.hi.push(high);
    s.lo.push(low);
    if (!s.hi.full) return;
    const n = params.period;
    out.up = s.factor * (n - s.hi.ago);
    out.down = s.factor * (n - s.lo.ago);
  },
  summary: (p) => String(p.period),
});

/**
 * TA-Lib ULTOSC. Periods are sorted (weights 4, 2, 1 go to the shortest, middle, longest).
 * Each window's sums start where TA-Lib primes them (the bars just before the first output)
 * and then slide, so the arithmetic matches TA-Lib's.
 */
export const ultosc = defineNode({
  type: 'indicator.ultosc',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'Ultimate oscillator', zh: '终极波动指标' },
  description: {
    en: 'TA-Lib ULTOSC: BP = C − min(L, C′), TR = true range; A_k = ΣBP/ΣTR over each period; ULTOSC = 100·(4·A_short + 2·A_mid + A_long)/7. First value at bar max(periods).',
    zh: 'TA-Lib ULTOSC：BP = C − min(L, 昨收)，TR 为真实波幅；各周期 A = ΣBP/ΣTR；ULTOSC = 100·(4·A短 + 2·A中 + A长)/7。第 max(周期) 根起有值。',
  },
  inputs: { high: port('number'), low: port('number'), close: port('number') },
  outputs: { value: port('number') },
  params: z.object({
    period1: z.number().int().min(1).max(5000).default(7).describe('short bars'),
    period2: z.number().int().min(1).max(5000).default(14).describe('middle bars'),
    period3: z.number().int().min(1).max(5000).default(28).describe('long bars'),
  }),
  warmup: (p) => Math.max(p.period1, p.period2, p.period3),
  init: (p) => {
    const sorted = [p.period1, p.period2, p.period3].sort((a, b) => a - b);
    const longest = sorted[2];
    return { periods: sorted, bp: new Ring(longest + 1), tr: new Ring(longest + 1), a: [0, 0, 0], b: [0, 0, 0], count: 0, prevClose: NaN };
  },
  step: ({ in: i, state: s, out }) => {
    const { high, low, close } = i;
    out.value = NaN;
    if (high !== high || low !== low || close !== close) return;
    const t = s.count++;
    const prevClose = s.prevClose;
    s.prevClose = close;
    if (t === 0) return;
    const trueLow = low < prevClose ? low : prevClose;
    const bp = close - trueLow;
    let tr = high - low;
    let d = Math.abs(prevClose - high);
    if (d > tr) tr = d;
    d = Math.abs(prevClose - low);
    if (d > tr) tr = d;
    s.bp.push(bp);
    s.tr.push(tr);
    const longest = s.periods[2];
    for (let k = 0; k < 3; k++) {
      const p = s.periods[k];
      if (t > longest) {
        // the term leaving this window (TA-Lib subtracts it after the previous output)
        s.a[k] -= s.bp.ago(p);
        s.b[k] -= s.tr.ago(p);
      }
      if (t > longest - p) {
        s.a[k] += bp;
        s.b[k] += tr;
      }
    }
    if (t < longest) return;
    let v = 0.0;
    if (!taIsZero(s.b[0])) v += 4.0 * (s.a[0] / s.b[0]);
    if (!taIsZero(s.b[1])) v += 2.0 * (s.a[1] / s.b[1]);
    if (!taIsZero(s.b[2])) v += s.a[2] / s.b[2];
    out.value = 100.0 * (v / 7.0);
  },
  summary: (p) => `${p.period1},${p.period2},${p.period3}`,
});
