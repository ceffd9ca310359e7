import { z } from 'zod';
import { defineNode, port } from '../sdk';

const DAY_MS = 86_400_000;

export const barIndex = defineNode({
  type: 'data.bar-index',
  version: 1,
  category: 'data',
  kind: 'series',
  label: { en: 'Bar index / time', zh: 'K线序号/时间' },
  description: {
    en: 'The bar number (0 = first bar), its time in epoch milliseconds and the UTC weekday (0 = Sunday).',
    zh: 'K线序号（首根为0）、时间（毫秒时间戳）与星期（UTC，0为周日）。',
  },
  inputs: {},
  outputs: {
    index: port('number', { label: { en: 'index', zh: '序号' } }),
    time: port('number', { label: { en: 'time', zh: '时间' } }),
    weekday: port('number', { label: { en: 'weekday', zh: '星期' } }),
  },
  params: z.object({}),
  warmup: () => 0,
  readsBar: true,
  init: () => null,
  step: ({ ctx, out }) => {
    out.index = ctx.bar.index;
    out.time = ctx.bar.time;
    // 1970-01-01 was a Thursday (4).
    out.weekday = (Math.floor(ctx.bar.time / DAY_MS) + 4) % 7;
  },
});
