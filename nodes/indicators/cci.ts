import { z } from 'zod';
import { defineNode, port } from '../sdk';

/**
 * TA-Lib CCI. The mean deviation needs the whole window every bar, so this is O(n) per bar
 * like TA-Lib's; the sums run over the ring in slot order exactly as TA-Lib's circular buffer
 * does, which keeps the result bit-identical.
 */
export const cci = defineNode({
  type: 'indicator.cci',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'CCI', zh: '顺势指标' },
  description: {
    en: 'TA-Lib CCI: TP = (H+L+C)/3; CCI = (TP − SMA(TP,n)) / (0.015 · mean |TP − SMA|) over n bars (0 when either part is 0). First value at bar n−1.',
    zh: 'TA-Lib CCI：TP = (H+L+C)/3；CCI = (TP − SMA(TP,n)) / (0.015 · n 根内 |TP − SMA| 的均值)（任一为 0 时取 0）。第 n−1 根起有值。',
  },
  inputs: { high: port('number'), low: port('number'), close: port('number') },
  outputs: { value: port('number') },
  params: z.object({ period: z.number().int().min(2).max(5000).default(14).describe('bars') }),
  warmup: (p) => p.period - 1,
  init: (p) => ({ buf: new Float64Array(p.period), next: 0, count: 0 }),
  step: ({ in: i, params, state: s, out }) => {
    const { high, low, close } = i;
    if (high !== high || low !== low || close !== close) {
      out.value = NaN;
      return;
    }
    const n = params.period;
    const tp = (high + low + close) / 3;
    const buf = s.buf;
    buf[s.next] = tp;
    s.next = s.next + 1 === n ? 0 : s.next + 1;
    if (s.count < n) s.count++;
    if (s.count < n) {
      out.value = NaN;
      return;
    }
    let avg = 0;
    for (let j = 0; j < n; j++) avg += buf[j];
    avg /= n;
    let dev = 0;
    for (let j = 0; j < n; j++) dev += Math.abs(buf[j] - avg);
    const d = tp - avg;
    out.value = d !== 0.0 && dev !== 0.0 ? d / (0.015 * (dev / n)) : 0.0;
  },
  summary: (p) => String(p.period),
});
