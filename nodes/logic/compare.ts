import { z } from 'zod';
import { defineNode, port } from '../sdk';

/** Comparisons of two numbers; NaN on either side (warm-up) is false, never a signal. */
function comparison(type: string, symbol: string, zh: string, fn: (a: number, b: number) => boolean) {
  return defineNode({
    type,
    version: 1,
    category: 'logic',
    kind: 'series',
    label: { en: `a ${symbol} b`, zh: `a ${symbol} b（${zh}）` },
    description: { en: `True when a ${symbol} b.`, zh: `a ${zh} b 时为真。` },
    inputs: { a: port('number'), b: port('number') },
    outputs: { value: port('signal') },
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
      for (let i = from; i < to; i++) out[i] = fn(a[i], b[i]) ? 1 : 0;
    },
  });
}

export const greaterThan = comparison('logic.gt', '>', '大于', (a, b) => a > b);
export const lessThan = comparison('logic.lt', '<', '小于', (a, b) => a < b);
export const greaterOrEqual = comparison('logic.gte', '≥', '大于等于', (a, b) => a >= b);
export const lessOrEqual = comparison('logic.lte', '≤', '小于等于', (a, b) => a <= b);
export const equal = comparison('logic.eq', '=', '等于', (a, b) => a === b);
