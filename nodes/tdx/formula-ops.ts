import { z } from 'zod';
import { defineNode, port } from '../sdk';

/**
 * TongDaXin formula functions that have no node elsewhere, so a TDX formula can be rebuilt on
 * the canvas. The others map to existing nodes: HHV/LLV = math.highest/math.lowest,
 * BARSLAST = logic.bars-since, CROSS = logic.crosses-above, MA = indicator.sma,
 * EMA = indicator.ema (convention tdx), SMA(X,N,M) = indicator.cn-sma.
 */

export const ref = defineNode({
  type: 'tdx.ref',
  version: 1,
  category: 'math',
  kind: 'series',
  label: { en: 'REF (value n bars ago)', zh: 'REF 引用n周期前' },
  description: {
    en: 'TDX REF(X,N): the input N bars ago (no value for the first N bars). NaN inputs (upstream warm-up) are skipped.',
    zh: '通达信 REF(X,N)：N 根K线之前的输入值（前 N 根无值）。上游预热期的空值被跳过。',
  },
  inputs: { x: port('number') },
  outputs: { value: port('number') },
  params: z.object({ period: z.number().int().min(1).max(5000).default(1).describe('bars back') }),
  warmup: (p) => p.period,
  init: (p) => ({ buf: new Float64Array(p.period + 1), head: -1, count: 0 }),
  step: ({ in: i, params, state: s, out }) => {
    if (i.x !== i.x) {
      out.value = NaN;
      return;
    }
    const size = params.period + 1;
    s.head = s.head + 1 === size ? 0 : s.head + 1;
    s.buf[s.head] = i.x;
    if (s.count < size) s.count++;
    // the slot after head holds the value `period` bars ago once the ring is full
    out.value = s.count === size ? s.buf[s.head + 1 === size ? 0 : s.head + 1] : NaN;
  },
  summary: (p) => String(p.period),
});

const ZWindow = z.object({
  period: z.number().int().min(0).max(100000).default(5).describe('bars (0 = every bar so far)'),
});

/** Ring of booleans with a running count of trues; period 0 = unbounded. */
function createCounter(period: number) {
  return { buf: new Uint8Array(Math.max(period, 1)), next: 0, seen: 0, trues: 0 };
}
type TCounter = ReturnType<typeof createCounter>;

function pushCounter(s: TCounter, v: boolean, period: number): void {
  s.seen++;
  if (period === 0) {
    if (v) s.trues++;
    return;
  }
  if (s.seen > period) s.trues -= s.buf[s.next];
  s.buf[s.next] = v ? 1 : 0;
  if (v) s.trues++;
  s.next = s.next + 1 === period ? 0 : s.next + 1;
}

export const count = defineNode({
  type: 'tdx.count',
  version: 1,
  category: 'logic',
  kind: 'series',
  label: { en: 'COUNT (times true in n bars)', zh: 'COUNT 统计满足条件的周期数' },
  description: {
    en: 'TDX COUNT(X,N): how many of the last N bars (this one included) had the signal true; N = 0 counts from the first bar. Before N bars exist it counts the bars there are.',
    zh: '通达信 COUNT(X,N)：最近 N 根（含当根）中条件成立的次数；N=0 表示从第一根起。不足 N 根时按已有K线统计。',
  },
  inputs: { when: port('signal') },
  outputs: { value: port('number') },
  params: ZWindow,
  warmup: () => 0,
  init: (p) => createCounter(p.period),
  step: ({ in: i, params, state, out }) => {
    pushCounter(state, i.when, params.period);
    out.value = state.trues;
  },
  summary: (p) => String(p.period),
});

export const every = defineNode({
  type: 'tdx.every',
  version: 1,
  category: 'logic',
  kind: 'series',
  label: { en: 'EVERY (true on all n bars)', zh: 'EVERY 一直存在' },
  description: {
    en: 'TDX EVERY(X,N): true when the signal was true on each of the last N bars (this one included); false until N bars exist. N = 0: on every bar so far.',
    zh: '通达信 EVERY(X,N)：最近 N 根（含当根）条件都成立时为真；不足 N 根时为假。N=0 表示从第一根起一直成立。',
  },
  inputs: { when: port('signal') },
  outputs: { value: port('signal') },
  params: ZWindow,
  warmup: (p) => Math.max(p.period - 1, 0),
  init: (p) => createCounter(p.period),
  step: ({ in: i, params, state, out }) => {
    pushCounter(state, i.when, params.period);
    const n = params.period === 0 ? state.seen : params.period;
    out.value = state.seen >= n && state.trues === n;
  },
  summary: (p) => String(p.period),
});

export const exist = defineNode({
  type: 'tdx.exist',
  version: 1,
  category: 'logic',
  kind: 'series',
  label: { en: 'EXIST (true in n bars)', zh: 'EXIST 是否存在' },
  description: {
    en: 'TDX EXIST(X,N): true when the signal was true on at least one of the last N bars (this one included). N = 0: at any bar so far.',
    zh: '通达信 EXIST(X,N)：最近 N 根（含当根）中至少一根条件成立时为真。N=0 表示从第一根起任一根成立。',
  },
  inputs: { when: port('signal') },
  outputs: { value: port('signal') },
  params: ZWindow,
  warmup: () => 0,
  init: (p) => createCounter(p.period),
  step: ({ in: i, params, state, out }) => {
    pushCounter(state, i.when, params.period);
    out.value = state.trues > 0;
  },
  summary: (p) => String(p.period),
});
