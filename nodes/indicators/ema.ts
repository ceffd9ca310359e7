import { z } from 'zod';
import { defineNode, port } from '../sdk';

/**
 * Exponential moving average, TA-Lib's way: seeded with the SMA of the first `period` inputs,
 * then ema += (x − ema) × 2 / (period + 1). First output at index period − 1.
 */
export const ema = defineNode({
  type: 'indicator.ema',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'EMA', zh: '指数移动平均' },
  description: {
    en: 'Exponential moving average, seeded with the SMA of the first `period` bars (TA-Lib EMA).',
    zh: '指数移动平均，以前 period 根的简单平均为初值（TA-Lib EMA）。',
  },
  inputs: { source: port('number') },
  outputs: { value: port('number') },
  params: z.object({ period: z.number().int().min(1).max(1000).default(20).describe('bars') }),
  warmup: (p) => p.period - 1,
  init: (p) => ({ k: 2 / (p.period + 1), count: 0, seedSum: 0, value: NaN }),
  step: ({ in: i, params, state, out }) => {
    const x = i.source;
    if (x !== x) {
      out.value = NaN;
      return;
    }
    if (state.count < params.period) {
      state.count++;
      state.seedSum += x;
      if (state.count === params.period) state.value = state.seedSum / params.period;
    } else {
      state.value = (x - state.value) * state.k + state.value;
    }
    out.value = state.value;
  },
  summary: (p) => String(p.period),
});
