import { z } from 'zod';
import { defineNode, port } from '../sdk';

/**
 * Crossings use the last non-zero difference (as backtrader's CrossOver does): a touch
 * (a == b) followed by a move back to the same side is not a cross, and a cross that passes
 * through equality is counted once, on the bar where a moves strictly past b.
 */
function crossing(type: string, label: { en: string; zh: string }, direction: 1 | -1) {
  return defineNode({
    type,
    version: 1,
    category: 'logic',
    kind: 'series',
    label,
    description: {
      en: `True on the bar where a moves ${direction === 1 ? 'above' : 'below'} b (golden/dead cross).`,
      zh: `a ${direction === 1 ? '上穿' : '下穿'} b 的那根K线为真（${direction === 1 ? '金叉' : '死叉'}）。`,
    },
    inputs: { a: port('number'), b: port('number') },
    outputs: { value: port('signal') },
    params: z.object({}),
    warmup: () => 1,
    init: () => ({ lastDiff: 0 }),
    step: ({ in: i, state, out }) => {
      const diff = i.a - i.b;
      if (diff !== diff) {
        out.value = false;
        return;
      }
      out.value = direction === 1 ? state.lastDiff < 0 && diff > 0 : state.lastDiff > 0 && diff < 0;
      if (diff !== 0) state.lastDiff = diff;
    },
    batch: ({ state, inputs, outputs, from, to }) => {
      const a = inputs[0]!;
      const b = inputs[1]!;
      const out = outputs[0];
      let lastDiff = state.lastDiff;
      for (let i = from; i < to; i++) {
        const diff = a[i] - b[i];
        if (diff !== diff) {
          out[i] = 0;
          continue;
        }
        out[i] = (direction === 1 ? lastDiff < 0 && diff > 0 : lastDiff > 0 && diff < 0) ? 1 : 0;
        if (diff !== 0) lastDiff = diff;
      }
      state.lastDiff = lastDiff;
    },
  });
}

export const crossesAbove = crossing('logic.crosses-above', { en: 'Crosses above', zh: '上穿' }, 1);
export const crossesBelow = crossing('logic.crosses-below', { en: 'Crosses below', zh: '下穿' }, -1);
