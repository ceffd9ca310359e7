import { z } from 'zod';
import { defineNode, port } from '../sdk';

export const obv = defineNode({
  type: 'indicator.obv',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'OBV', zh: '能量潮' },
  description: {
    en: 'TA-Lib OBV: starts at the first bar\'s volume, then adds the volume when the close rises and subtracts it when the close falls. Value from the first bar.',
    zh: 'TA-Lib OBV：以首根成交量起算，收盘上涨加成交量，下跌减成交量。首根即有值。',
  },
  inputs: { close: port('number'), volume: port('number') },
  outputs: { value: port('number') },
  params: z.object({}),
  warmup: () => 0,
  init: () => ({ obv: NaN, prev: NaN }),
  step: ({ in: i, state, out }) => {
    const { close, volume } = i;
    if (close !== close || volume !== volume) {
      out.value = NaN;
      return;
    }
    if (state.obv !== state.obv) state.obv = volume;
    else if (close > state.prev) state.obv += volume;
    else if (close < state.prev) state.obv -= volume;
    state.prev = close;
    out.value = state.obv;
  },
});

export const mfi = defineNode({
  type: 'indicator.mfi',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'MFI', zh: '资金流量指标' },
  description: {
    en: 'TA-Lib MFI: money flow TP·V with TP = (H+L+C)/3, positive when TP rose, negative when it fell; MFI = 100·Σpos/(Σpos + Σneg) over n bars (0 when the total is below 1, as TA-Lib does). First value at bar n.',
    zh: 'TA-Lib MFI：资金流 = TP·V（TP = (H+L+C)/3），TP 上升记为正、下降记为负；MFI = 100·Σ正/(Σ正 + Σ负)（n 根内；合计小于 1 时取 0，与 TA-Lib 一致）。第 n 根起有值。',
  },
  inputs: { high: port('number'), low: port('number'), close: port('number'), volume: port('number') },
  outputs: { value: port('number') },
  params: z.object({ period: z.number().int().min(2).max(5000).default(14).describe('bars') }),
  warmup: (p) => p.period,
  init: (p) => ({ pos: new Float64Array(p.period), neg: new Float64Array(p.period), next: 0, count: 0, posSum: 0, negSum: 0, prevTP: NaN }),
  step: ({ in: i, params, state: s, out }) => {
    const { high, low, close, volume } = i;
    if (high !== high || low !== low || close !== close || volume !== volume) {
      out.value = NaN;
      return;
    }
    const n = params.period;
    const t = s.count++;
    const tp = (high + low + close) / 3.0;
    if (t === 0) {
      s.prevTP = tp;
      out.value = NaN;
      return;
    }
    if (t > n) {
      s.posSum -= s.pos[s.next];
      s.negSum -= s.neg[s.next];
    }
    const change = tp - s.prevTP;
    s.prevTP = tp;
    const flow = tp * volume;
    if (change < 0) {
      s.neg[s.next] = flow;
      s.negSum += flow;
      s.pos[s.next] = 0.0;
    } else if (change > 0) {
      s.pos[s.next] = flow;
      s.posSum += flow;
      s.neg[s.next] = 0.0;
    } else {
      s.pos[s.next] = 0.0;
      s.neg[s.next] = 0.0;
    }
    s.next = s.next + 1 === n ? 0 : s.next + 1;
    if (t < n) {
      out.value = NaN;
      return;
    }
    const total = s.posSum + s.negSum;
    out.value = total < 1.0 ? 0.0 : 100.0 * (s.posSum / total);
  },
  summary: (p) => String(p.period),
});

const DAY_MS = 86_400_000;

/**
 * VWAP of the typical price. Session mode restarts on each new exchange-local day (bar times
 * are local wall-clock time encoded as UTC, so the day is time ÷ 86 400 000); rolling mode
 * covers the last n bars.
 */
export const vwap = defineNode({
  type: 'indicator.vwap',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'VWAP', zh: '成交量加权均价' },
  description: {
    en: 'Volume-weighted average price Σ(TP·V)/ΣV with TP = (H+L+C)/3, either since the session (day) open or over the last n bars. Not in TA-Lib. With zero volume so far it is the typical price.',
    zh: '成交量加权均价 Σ(TP·V)/ΣV，TP = (H+L+C)/3；按交易日（当日开盘起）或最近 n 根计算。TA-Lib 无此函数。累计成交量为 0 时取 TP。',
  },
  inputs: { high: port('number'), low: port('number'), close: port('number'), volume: port('number') },
  outputs: { value: port('number') },
  params: z.object({
    mode: z.enum(['session', 'rolling']).default('session').describe('reset each trading day, or a rolling window'),
    period: z.number().int().min(1).max(100000).default(20).describe('bars (rolling mode)'),
  }),
  warmup: (p) => (p.mode === 'rolling' ? p.period - 1 : 0),
  // session mode needs the bar's time to see a new day
  readsBar: true,
  init: (p) => ({ pv: new Float64Array(p.mode === 'rolling' ? p.period : 1), v: new Float64Array(p.mode === 'rolling' ? p.period : 1), next: 0, count: 0, sumPV: 0, sumV: 0, day: NaN }),
  step: ({ in: i, params, state: s, out, ctx }) => {
    const { high, low, close, volume } = i;
    if (high !== high || low !== low || close !== close || volume !== volume) {
      out.value = NaN;
      return;
    }
    const tp = (high + low + close) / 3;
    const pv = tp * volume;
    if (params.mode === 'session') {
      const day = Math.floor(ctx.bar.time / DAY_MS);
      if (day !== s.day) {
        s.day = day;
        s.sumPV = 0;
        s.sumV = 0;
      }
      s.sumPV += pv;
      s.sumV += volume;
      out.value = s.sumV > 0 ? s.sumPV / s.sumV : tp;
      return;
    }
    const n = params.period;
    if (s.count === n) {
      s.sumPV -= s.pv[s.next];
      s.sumV -= s.v[s.next];
    } else s.count++;
    s.pv[s.next] = pv;
    s.v[s.next] = volume;
    s.sumPV += pv;
    s.sumV += volume;
    s.next = s.next + 1 === n ? 0 : s.next + 1;
    out.value = s.count < n ? NaN : s.sumV > 0 ? s.sumPV / s.sumV : tp;
  },
  summary: (p) => (p.mode === 'rolling' ? `rolling ${p.period}` : 'session'),
});
