import { z } from 'zod';
import { defineNode, port } from '../sdk';
import { taIsZero, trueRange } from './kernels/streaming';

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

function diNode(type: string, plus: boolean) {
  const name = plus ? '+DI' : '−DI';
  return defineNode({
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
    summary: (p) => String(p.period),
  });
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
  init: (p) => ({ dm: new DirectionalMovement(p.period), seen: 0, sumDX: 0, adx: NaN }),
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
  summary: (p) => String(p.period),
});
