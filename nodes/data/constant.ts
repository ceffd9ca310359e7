import { z } from 'zod';
import { defineNode, port } from '../sdk';

export const constant = defineNode({
  type: 'data.constant',
  version: 1,
  category: 'data',
  kind: 'series',
  label: { en: 'Constant', zh: '常数' },
  description: { en: 'A fixed number, e.g. a threshold like 30 for RSI.', zh: '固定数值，例如 RSI 阈值 30。' },
  inputs: {},
  outputs: { value: port('number') },
  params: z.object({ value: z.number().finite().default(0).describe('the number') }),
  warmup: () => 0,
  init: () => null,
  step: ({ params, out }) => {
    out.value = params.value;
  },
  summary: (p) => String(p.value),
});
