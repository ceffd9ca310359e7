import { z } from 'zod';
import { defineNode, port } from '../sdk';

function gate(type: string, label: { en: string; zh: string }, fn: (a: boolean, b: boolean) => boolean) {
  return defineNode({
    type,
    version: 1,
    category: 'logic',
    kind: 'series',
    label,
    description: { en: `${label.en} of two signals.`, zh: `两个信号的${label.zh}。` },
    inputs: { a: port('signal'), b: port('signal') },
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
      for (let i = from; i < to; i++) out[i] = fn(a[i] === 1, b[i] === 1) ? 1 : 0;
    },
  });
}

export const and = gate('logic.and', { en: 'AND', zh: '与' }, (a, b) => a && b);
export const or = gate('logic.or', { en: 'OR', zh: '或' }, (a, b) => a || b);

export const not = defineNode({
  type: 'logic.not',
  version: 1,
  category: 'logic',
  kind: 'series',
  label: { en: 'NOT', zh: '非' },
  description: { en: 'True when the input is false.', zh: '输入为假时为真。' },
  inputs: { x: port('signal') },
  outputs: { value: port('signal') },
  params: z.object({}),
  warmup: () => 0,
  init: () => null,
  step: ({ in: i, out }) => {
    out.value = !i.x;
  },
  batch: ({ inputs, outputs, from, to }) => {
    const x = inputs[0]!;
    const out = outputs[0];
    for (let i = from; i < to; i++) out[i] = x[i] === 1 ? 0 : 1;
  },
});
