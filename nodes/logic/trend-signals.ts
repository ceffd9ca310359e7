import { z } from 'zod';
import { defineNode, port } from '../sdk';

/** True when x rose (or fell) strictly on each of the last n bars. */
function monotone(type: string, label: { en: string; zh: string }, up: boolean) {
  return defineNode({
    type,
    version: 1,
    category: 'logic',
    kind: 'series',
    label,
    description: {
      en: `True when the input ${up ? 'rose' : 'fell'} on each of the last n bars.`,
      zh: `输入在最近 n 根K线中每根都${up ? '上升' : '下降'}时为真。`,
    },
    inputs: { x: port('number') },
    outputs: { value: port('signal') },
    params: z.object({ period: z.number().int().min(1).max(500).default(3).describe('bars') }),
    warmup: (p) => p.period,
    init: (p) => ({ prev: NaN, run: 0, period: p.period }),
    step: ({ in: i, state, out }) => {
      if (i.x !== i.x) {
        out.value = false;
        return;
      }
      const moved = up ? i.x > state.prev : i.x < state.prev;
      state.run = moved ? state.run + 1 : 0;
      state.prev = i.x;
      out.value = state.run >= state.period;
    },
    summary: (p) => String(p.period),
  });
}

export const rising = monotone('logic.rising', { en: 'Rising (n)', zh: '连续上升(n)' }, true);
export const falling = monotone('logic.falling', { en: 'Falling (n)', zh: '连续下降(n)' }, false);

export const barsSince = defineNode({
  type: 'logic.bars-since',
  version: 1,
  category: 'logic',
  kind: 'series',
  label: { en: 'Bars since', zh: '距上次信号K线数' },
  description: {
    en: 'Bars since the signal was last true (0 on that bar; no value before the first time). TDX BARSLAST.',
    zh: '距离信号上次为真的K线数（当根为0；从未出现则无值）。通达信 BARSLAST。',
  },
  inputs: { when: port('signal') },
  outputs: { value: port('number') },
  params: z.object({}),
  warmup: () => 0,
  init: () => ({ since: NaN }),
  step: ({ in: i, state, out }) => {
    state.since = i.when ? 0 : state.since + 1;
    out.value = state.since;
  },
});

export const latch = defineNode({
  type: 'logic.latch',
  version: 1,
  category: 'logic',
  kind: 'series',
  label: { en: 'Latch (flip-flop)', zh: '锁存（触发器）' },
  description: {
    en: 'Turns on when "set" is true and stays on until "reset" is true. When both fire on one bar, the priority param decides.',
    zh: '"置位"为真时打开并保持，直到"复位"为真。两者同时出现时按优先级参数处理。',
  },
  inputs: { set: port('signal'), reset: port('signal') },
  outputs: { value: port('signal') },
  params: z.object({ priority: z.enum(['reset', 'set']).default('reset').describe('which wins when both fire') }),
  warmup: () => 0,
  init: () => ({ on: false }),
  step: ({ in: i, params, state, out }) => {
    if (i.set && i.reset) state.on = params.priority === 'set';
    else if (i.set) state.on = true;
    else if (i.reset) state.on = false;
    out.value = state.on;
  },
});

