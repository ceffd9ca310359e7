import { z } from 'zod';
import { defineNode, port } from '../sdk';

export const abs = defineNode({
  type: 'math.abs',
  version: 1,
  category: 'math',
  kind: 'series',
  label: { en: 'Absolute value', zh: '绝对值' },
  description: { en: '|x|', zh: '|x|' },
  inputs: { x: port('number') },
  outputs: { value: port('number') },
  params: z.object({}),
  warmup: () => 0,
  init: () => null,
  step: ({ in: i, out }) => {
    out.value = Math.abs(i.x);
  },
});
