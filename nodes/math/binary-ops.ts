import { z } from 'zod';
import { defineNode, port } from '../sdk';

/**
 * The two-input arithmetic nodes. They share a shape, so one factory builds them; each keeps
 * its own stable `type`. A missing input (NaN during warm-up) gives NaN.
 */
function binaryOp(
  type: string,
  label: { en: string; zh: string },
  description: { en: string; zh: string },
  fn: (a: number, b: number) => number,
) {
  return defineNode({
    type,
    version: 1,
    category: 'math',
    kind: 'series',
    label,
    description,
    inputs: { a: port('number'), b: port('number') },
    outputs: { value: port('number') },
    params: z.object({}),
    warmup: () => 0,
    init: () => null,
    step: ({ in: i, out }) => {
      out.value = fn(i.a, i.b);
    },
    batch: ({ inputs, outputs, from, to }) => {
      const a = inputs[0]!;
      const b = inputs[1]!;
      const out = outputs[0];
      for (let i = from; i < to; i++) out[i] = fn(a[i], b[i]);
    },
  });
}

export const add = binaryOp('math.add', { en: 'Add', zh: '加' }, { en: 'a + b', zh: 'a + b' }, (a, b) => a + b);
export const subtract = binaryOp('math.subtract', { en: 'Subtract', zh: '减' }, { en: 'a − b', zh: 'a − b' }, (a, b) => a - b);
export const multiply = binaryOp('math.multiply', { en: 'Multiply', zh: '乘' }, { en: 'a × b', zh: 'a × b' }, (a, b) => a * b);
export const divide = binaryOp(
  'math.divide',
  { en: 'Divide', zh: '除' },
  { en: 'a ÷ b; NaN when b is 0', zh: 'a ÷ b；b 为 0 时无值' },
  (a, b) => (b === 0 ? NaN : a / b),
);
export const min = binaryOp('math.min', { en: 'Min', zh: '较小值' }, { en: 'the smaller of a and b', zh: 'a 与 b 中较小者' }, (a, b) =>
  a < b ? a : b !== b ? NaN : b,
);
export const max = binaryOp('math.max', { en: 'Max', zh: '较大值' }, { en: 'the larger of a and b', zh: 'a 与 b 中较大者' }, (a, b) =>
  a > b ? a : b !== b ? NaN : b,
);
