import { z } from 'zod';
import { defineNode, port } from '../sdk';

export const BAR_FIELDS = ['open', 'high', 'low', 'close', 'volume', 'amount'] as const;

const ZBarFieldParams = z.object({
  field: z.enum(BAR_FIELDS).default('close').describe('which field of the bar'),
});

export const barField = defineNode({
  type: 'data.bar',
  version: 1,
  category: 'data',
  kind: 'series',
  label: { en: 'Bar field', zh: 'K线字段' },
  description: {
    en: 'Open, high, low, close, volume or amount of the current bar.',
    zh: '当前K线的开盘、最高、最低、收盘、成交量或成交额。',
  },
  inputs: {},
  outputs: { value: port('number') },
  params: ZBarFieldParams,
  warmup: () => 0,
  readsBar: true,
  init: () => null,
  step: ({ ctx, params, out }) => {
    out.value = ctx.bar[params.field];
  },
  barColumn: (p) => p.field,
  summary: (p) => p.field,
});
