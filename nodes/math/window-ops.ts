import { z } from 'zod';
import { defineNode, port, RollingWindow } from '../sdk';

const ZPeriod = z.object({ period: z.number().int().min(1).max(5000).default(20).describe('bars in the window') });

/**
 * Window nodes over the last n bars (the current bar included). NaN inputs (upstream warm-up)
 * are skipped, so a window of an indicator starts when the indicator does.
 */
function extreme(type: string, label: { en: string; zh: string }, pick: 'max' | 'min') {
  return defineNode({
    type,
    version: 1,
    category: 'math',
    kind: 'series',
    label,
    description: {
      en: `The ${pick === 'max' ? 'highest' : 'lowest'} value of the input over the last n bars (TA-Lib ${pick.toUpperCase()}, TDX ${pick === 'max' ? 'HHV' : 'LLV'}).`,
      zh: `最近 n 根K线内输入的${pick === 'max' ? '最高' : '最低'}值（通达信 ${pick === 'max' ? 'HHV' : 'LLV'}）。`,
    },
    inputs: { x: port('number') },
    outputs: { value: port('number') },
    params: ZPeriod,
    warmup: (p) => p.period - 1,
    init: (p) => new RollingWindow(p.period),
    step: ({ in: i, state, out }) => {
      if (i.x !== i.x) {
        out.value = NaN;
        return;
      }
      state.push(i.x);
      out.value = state.full ? (pick === 'max' ? state.max() : state.min()) : NaN;
    },
    summary: (p) => String(p.period),
  });
}

export const highest = extreme('math.highest', { en: 'Highest (n)', zh: '最高值(n)' }, 'max');
export const lowest = extreme('math.lowest', { en: 'Lowest (n)', zh: '最低值(n)' }, 'min');

function lagged(type: string, label: { en: string; zh: string }, description: { en: string; zh: string }, fn: (now: number, then: number) => number) {
  return defineNode({
    type,
    version: 1,
    category: 'math',
    kind: 'series',
    label,
    description,
    inputs: { x: port('number') },
    outputs: { value: port('number') },
    params: z.object({ period: z.number().int().min(1).max(5000).default(10).describe('bars back') }),
    warmup: (p) => p.period,
    init: (p) => new RollingWindow(p.period + 1),
    step: ({ in: i, state, out }) => {
      if (i.x !== i.x) {
        out.value = NaN;
        return;
      }
      state.push(i.x);
      out.value = state.full ? fn(i.x, state.ago(state.size - 1)) : NaN;
    },
    summary: (p) => String(p.period),
  });
}

export const change = lagged(
  'math.change',
  { en: 'Change (n)', zh: '变化量(n)' },
  { en: 'x − x n bars ago (TA-Lib MOM).', zh: '当前值减去 n 根K线前的值。' },
  (now, then) => now - then,
);

export const percentChange = lagged(
  'math.percent-change',
  { en: 'Percent change (n)', zh: '变化率(n)' },
  { en: '(x − x n bars ago) ÷ x n bars ago, as a fraction (0.05 = +5%).', zh: '(当前值 − n根前的值) ÷ n根前的值，小数表示（0.05 即 +5%）。' },
  (now, then) => (then === 0 ? NaN : (now - then) / then),
);
