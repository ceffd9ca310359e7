import { z } from 'zod';
import { defineNode, port } from '../sdk';
import { primeFeedback, taIsZero, trueRange } from './kernels/streaming';

const hlc = { high: port('number'), low: port('number'), close: port('number') };
const ZPeriod14 = z.object({ period: z.number().int().min(2).max(5000).default(14).describe('bars') });

/**
 * Wilder's directional movement as TA-Lib computes it for PLUS_DI, MINUS_DI and ADX:
 * +DM/−DM/TR summed over bars 1..n−1, then from bar n smoothed as v = v − v/n + today.
 * `push` returns true once the smoothed values exist (bar n on).
 */
class DirectionalMovement {
  count = 0;
  prevHigh = NaN;
  prevLow = NaN;
  prevClose = NaN;
  plusDM = 0;
  minusDM = 0;
  tr = 0;

  constructor(readonly period: number) {}

  push(high: number, low: number, close: number): boolean {
    const t = this.count++;
    const n = this.period;
    if (t === 0) {
      this.prevHigh = high;
      this.prevLow = low;
      this.prevClose = close;
      return false;
    }
    const diffP = high - this.prevHigh;
    const diffM = this.prevLow - low;
    const tr = trueRange(high, low, this.prevClose);
    this.prevHigh = high;
    this.prevLow = low;
    this.prevClose = close;
    if (t < n) {
      if (diffM > 0 && diffP < diffM) this.minusDM += diffM;
      else if (diffP > 0 && diffP > diffM) this.plusDM += diffP;
      this.tr += tr;
      return false;
    }
    this.minusDM -= this.minusDM / n;
    this.plusDM -= this.plusDM / n;
    if (diffM > 0 && diffP < diffM) this.minusDM += diffM;
    else if (diffP > 0 && diffP > diffM) this.plusDM += diffP;
    this.tr = this.tr - this.tr / n + tr;
    return true;
  }

  get plusDI(): number {
    return taIsZero(this.tr) ? 0.0 : 100.0 * (this.plusDM / this.tr);
  }

  get minusDI(): number {
    return taIsZero(this.tr) ? 0.0 : 100.0 * (this.minusDM / this.tr);
  }
}

/**
 * +DI or −DI from bar n on (the smoothed sums exist): `push` and the getter with the
 * state in locals. A bar with a NaN input is skipped and leaves the state as it was.
 */
function diSteady(dm: DirectionalMovement, plus: boolean, hi: Float64Array, lo: Float64Array, cl: Float64Array, out: Float64Array, from: number, to: number): void {
  const n = dm.period;
  let count = dm.count;
  let prevHigh = dm.prevHigh;
  let prevLow = dm.prevLow;
  let prevClose = dm.prevClose;
  let plusDM = dm.plusDM;
  let minusDM = dm.minusDM;
  let trs = dm.tr;
  for (let i = from; i < to; i++) {
    const high = hi[i];
    const low = lo[i];
    const close = cl[i];
    if (high !== high || low !== low || close !== close) {
      out[i] = NaN;
      continue;
    }
    count++;
    const diffP = high - prevHigh;
    const diffM = prevLow - low;
    const tr = trueRange(high, low, prevClose);
    prevHigh = high;
    prevLow = low;
    prevClose = close;
    minusDM -= minusDM / n;
    plusDM -= plusDM / n;
    if (diffM > 0 && diffP < diffM) minusDM += diffM;
    else if (diffP > 0 && diffP > diffM) plusDM += diffP;
    trs = trs - trs / n + tr;
    out[i] = taIsZero(trs) ? 0.0 : 100.0 * ((plus ? plusDM : minusDM) / trs);
  }
  dm.count = count;
  dm.prevHigh = prevHigh;
  dm.prevLow = prevLow;
  dm.prevClose = prevClose;
  dm.plusDM = plusDM;
  dm.minusDM = minusDM;
  dm.tr = trs;
}

interface TAdxState {
  dm: DirectionalMovement;
  seen: number;
  sumDX: number;
  adx: number;
}

/** ADX once its first value exists (bar 2n−1 on): `step` with the state in locals. */
function adxSteady(s: TAdxState, hi: Float64Array, lo: Float64Array, cl: Float64Array, out: Float64Array, from: number, to: number): void {
  const dm = s.dm;
  const n = dm.period;
  let count = dm.count;
  let seen = s.seen;
  let prevHigh = dm.prevHigh;
  let prevLow = dm.prevLow;
  let prevClose = dm.prevClose;
  let plusDM = dm.plusDM;
  let minusDM = dm.minusDM;
  let trs = dm.tr;
  let adx = s.adx;
  for (let i = from; i < to; i++) {
    const high = hi[i];
    const low = lo[i];
    const close = cl[i];
    if (high !== high || low !== low || close !== close) {
      out[i] = NaN;
      continue;
    }
    count++;
    seen++;
    const diffP = high - prevHigh;
    const diffM = prevLow - low;
    const tr = trueRange(high, low, prevClose);
    prevHigh = high;
    prevLow = low;
    prevClose = close;
    minusDM -= minusDM / n;
    plusDM -= plusDM / n;
    if (diffM > 0 && diffP < diffM) minusDM += diffM;
    else if (diffP > 0 && diffP > diffM) plusDM += diffP;
    trs = trs - trs / n + tr;
    if (!taIsZero(trs)) {
      const minusDI = 100.0 * (minusDM / trs);
      const plusDI = 100.0 * (plusDM / trs);
      const sum = minusDI + plusDI;
      // a DX that cannot be computed leaves ADX as it was (TA-Lib)
      if (!taIsZero(sum)) adx = (adx * (n - 1) + 100.0 * (Math.abs(minusDI - plusDI) / sum)) / n;
    }
    out[i] = adx;
  }
  dm.count = count;
  s.seen = seen;
  dm.prevHigh = prevHigh;
  dm.prevLow = prevLow;
  dm.prevClose = prevClose;
  dm.plusDM = plusDM;
  dm.minusDM = minusDM;
  dm.tr = trs;
  s.adx = adx;
}

function diNode(type: string, plus: boolean) {
  const name = plus ? '+DI' : '−DI';
  const node = defineNode({
    type,
    version: 1,
    category: 'indicators',
    kind: 'series',
    label: { en: name, zh: plus ? '上升方向线 +DI' : '下降方向线 −DI' },
    description: {
      en: `TA-Lib ${plus ? 'PLUS_DI' : 'MINUS_DI'}: 100 · Wilder-smoothed ${plus ? '+DM' : '−DM'} / Wilder-smoothed TR over n bars (sums of bars 1..n−1, then v − v/n + today). First value at bar n.`,
      zh: `TA-Lib ${plus ? 'PLUS_DI' : 'MINUS_DI'}：100 · Wilder 平滑的 ${plus ? '+DM' : '−DM'} / Wilder 平滑的 TR（n 根）。第 n 根起有值。通达信 DMI 的 ${plus ? 'PDI' : 'MDI'}。`,
    },
    inputs: hlc,
    outputs: { value: port('number') },
    params: ZPeriod14,
    warmup: (p) => p.period,
    init: (p) => new DirectionalMovement(p.period),
    step: ({ in: i, state, out }) => {
      const { high, low, close } = i;
      if (high !== high || low !== low || close !== close || !state.push(high, low, close)) {
        out.value = NaN;
        return;
      }
      out.value = plus ? state.plusDI : state.minusDI;
    },
    // Bars until the smoothed sums exist go through `step`; from bar n on, diSteady.
    batch: primeFeedback((a) => a.params.period + 1, ({ params, state, inputs, outputs, from, to }) => {
      const hi = inputs[0]!;
      const lo = inputs[1]!;
      const cl = inputs[2]!;
      const out = outputs[0];
      let i = from;
      if (state.count <= state.period) {
        const frame = { nodeId: '', params, state, in: { high: NaN, low: NaN, close: NaN }, out: { value: NaN }, ctx: undefined as never };
        for (; i < to && state.count <= state.period; i++) {
          frame.in.high = hi[i];
          frame.in.low = lo[i];
          frame.in.close = cl[i];
          node.step(frame);
          out[i] = frame.out.value;
        }
      }
      if (i < to) diSteady(state, plus, hi, lo, cl, out, i, to);
    }),
    summary: (p) => String(p.period),
  });
  return node;
}

export const plusDi = diNode('indicator.plus-di', true);
export const minusDi = diNode('indicator.minus-di', false);

export const adx = defineNode({
  type: 'indicator.adx',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'ADX', zh: '平均趋向指数' },
  description: {
    en: 'TA-Lib ADX: DX = 100·|−DI − +DI|/(−DI + +DI); first ADX the mean of the first n DX (bars n..2n−1), then ADX = (ADX·(n−1) + DX)/n. First value at bar 2n−1 (27 for n = 14).',
    zh: 'TA-Lib ADX：DX = 100·|−DI − +DI|/(−DI + +DI)；首个 ADX 为前 n 个 DX 的均值，之后 ADX = (ADX·(n−1) + DX)/n。第 2n−1 根起有值（n=14 时为 27）。',
  },
  inputs: hlc,
  outputs: { value: port('number') },
  params: ZPeriod14,
  warmup: (p) => 2 * p.period - 1,
  init: (p): TAdxState => ({ dm: new DirectionalMovement(p.period), seen: 0, sumDX: 0, adx: NaN }),
  step: ({ in: i, params, state: s, out }) => {
    const { high, low, close } = i;
    out.value = NaN;
    if (high !== high || low !== low || close !== close || !s.dm.push(high, low, close)) return;
    const n = params.period;
    const k = ++s.seen; // 1 on bar n
    let dx = NaN;
    if (!taIsZero(s.dm.tr)) {
      const minusDI = 100.0 * (s.dm.minusDM / s.dm.tr);
      const plusDI = 100.0 * (s.dm.plusDM / s.dm.tr);
      const sum = minusDI + plusDI;
      if (!taIsZero(sum)) dx = 100.0 * (Math.abs(minusDI - plusDI) / sum);
    }
    if (k <= n) {
      // a DX that cannot be computed counts as 0 in the first average (TA-Lib)
      if (dx === dx) s.sumDX += dx;
      if (k < n) return;
      s.adx = s.sumDX / n;
    } else if (dx === dx) {
      s.adx = (s.adx * (n - 1) + dx) / n;
    }
    out.value = s.adx;
  },
  // Bars until the first ADX go through `step` (the first average of n DX); then adxSteady.
  batch: primeFeedback((a) => 2 * a.params.period, ({ params, state, inputs, outputs, from, to }) => {
    const hi = inputs[0]!;
    const lo = inputs[1]!;
    const cl = inputs[2]!;
    const out = outputs[0];
    const n = params.period;
    let i = from;
    if (state.seen < n) {
      const frame = { nodeId: '', params, state, in: { high: NaN, low: NaN, close: NaN }, out: { value: NaN }, ctx: undefined as never };
      for (; i < to && state.seen < n; i++) {
        frame.in.high = hi[i];
        frame.in.low = lo[i];
        frame.in.close = cl[i];
        adx.step(frame);
        out[i] = frame.out.value;
      }
    }
    if (i < to) adxSteady(state, hi, lo, cl, out, i, to);
  }),
  summary: (p) => String(p.period),
});
