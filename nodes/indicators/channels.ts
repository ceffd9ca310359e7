import { z } from 'zod';
import { defineNode, port } from '../sdk';
import { RollingMax, RollingMin } from './kernels/streaming';

export const donchian = defineNode({
  type: 'indicator.donchian',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'Donchian channel', zh: '唐奇安通道' },
  description: {
    en: 'Upper = highest high of the last n bars (TA-Lib MAX, TDX HHV), lower = lowest low (MIN, LLV), middle = (upper + lower)/2. The current bar is included. O(1) amortised per bar. First value at bar n−1.',
    zh: '上轨 = 最近 n 根最高价的最大值（TA-Lib MAX，通达信 HHV），下轨 = 最低价的最小值（MIN，LLV），中轨 = (上轨 + 下轨)/2。含当根。第 n−1 根起有值。',
  },
  inputs: { high: port('number'), low: port('number') },
  outputs: {
    upper: port('number', { label: { en: 'Upper', zh: '上轨' } }),
    middle: port('number', { label: { en: 'Middle', zh: '中轨' } }),
    lower: port('number', { label: { en: 'Lower', zh: '下轨' } }),
  },
  params: z.object({ period: z.number().int().min(1).max(5000).default(20).describe('bars') }),
  warmup: (p) => p.period - 1,
  init: (p) => ({ hi: new RollingMax(p.period), lo: new RollingMin(p.period) }),
  step: ({ in: i, state: s, out }) => {
    const { high, low } = i;
    out.upper = out.middle = out.lower = NaN;
    if (high !== high || low !== low) return;
    s.hi.push(high);
    s.lo.push(low);
    if (!s.hi.full) return;
    const u = s.hi.value;
    const l = s.lo.value;
    out.upper = u;
    out.lower = l;
    out.middle = (u + l) / 2;
  },
  summary: (p) => String(p.period),
});
