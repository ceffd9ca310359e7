import { z } from 'zod';
import { defineNode, port } from '../sdk';
import { RollingMax, RollingMin, RunningSma } from './kernels/streaming';
import { fastK } from './rsi';

const hlc = { high: port('number'), low: port('number'), close: port('number') };

export const stoch = defineNode({
  type: 'indicator.stoch',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'Stochastic (slow)', zh: '随机指标（慢速）' },
  description: {
    en: 'TA-Lib STOCH with SMA smoothing: fast %K = 100·(C − LL)/(HH − LL) over fastK bars (0 when HH = LL), slow %K = SMA(fast %K, slowK), slow %D = SMA(slow %K, slowD). First value at fastK + slowK + slowD − 3.',
    zh: 'TA-Lib STOCH（SMA 平滑）：快 %K = 100·(C − 最低)/(最高 − 最低)（fastK 根内，区间为 0 时取 0），慢 %K = SMA(快 %K, slowK)，慢 %D = SMA(慢 %K, slowD)。第 fastK + slowK + slowD − 3 根起有值。',
  },
  inputs: hlc,
  outputs: { k: port('number', { label: { en: 'Slow %K', zh: 'K' } }), d: port('number', { label: { en: 'Slow %D', zh: 'D' } }) },
  params: z.object({
    fastK: z.number().int().min(1).max(5000).default(5).describe('%K window'),
    slowK: z.number().int().min(1).max(5000).default(3).describe('slow %K SMA bars'),
    slowD: z.number().int().min(1).max(5000).default(3).describe('slow %D SMA bars'),
  }),
  warmup: (p) => p.fastK - 1 + p.slowK - 1 + p.slowD - 1,
  init: (p) => ({ hi: new RollingMax(p.fastK), lo: new RollingMin(p.fastK), k: new RunningSma(p.slowK), d: new RunningSma(p.slowD) }),
  step: ({ in: i, state: s, out }) => {
    out.k = out.d = NaN;
    const { high, low, close } = i;
    if (high !== high || low !== low || close !== close) return;
    s.hi.push(high);
    s.lo.push(low);
    if (!s.hi.full) return;
    const k = s.k.push(fastK(close, s.hi.value, s.lo.value));
    if (k !== k) return;
    const d = s.d.push(k);
    if (d !== d) return;
    out.k = k;
    out.d = d;
  },
  summary: (p) => `${p.fastK},${p.slowK},${p.slowD}`,
});

export const willr = defineNode({
  type: 'indicator.willr',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'Williams %R', zh: '威廉指标' },
  description: {
    en: 'TA-Lib WILLR: −100·(HH − C)/(HH − LL) over n bars (0 when HH = LL), from −100 to 0. First value at bar n−1. (TongDaXin WR is the same without the minus sign.)',
    zh: 'TA-Lib WILLR：−100·(最高 − C)/(最高 − 最低)（n 根内，区间为 0 时取 0），取值 −100 到 0。第 n−1 根起有值。（通达信 WR 为不带负号的同一数值。）',
  },
  inputs: hlc,
  outputs: { value: port('number') },
  params: z.object({ period: z.number().int().min(2).max(5000).default(14).describe('bars') }),
  warmup: (p) => p.period - 1,
  init: (p) => ({ hi: new RollingMax(p.period), lo: new RollingMin(p.period) }),
  step: ({ in: i, state: s, out }) => {
    const { high, low, close } = i;
    if (high !== high || low !== low || close !== close) {
      out.value = NaN;
      return;
    }
    s.hi.push(high);
    s.lo.push(low);
    if (!s.hi.full) {
      out.value = NaN;
      return;
    }
    const hh = s.hi.value;
    const diff = (hh - s.lo.value) / -100.0;
    out.value = diff !== 0.0 ? (hh - close) / diff : 0.0;
  },
  summary: (p) => String(p.period),
});
