import { z } from 'zod';
import { defineNode, port } from '../sdk';
import { primeFeedback } from './kernels/streaming';

/**
 * TA-Lib SAR. The first direction comes from bar 1's directional movement (short when −DM1 > 0);
 * the first SAR is bar 0's low (long) or high (short) and the first extreme point bar 1's high
 * (long) or low (short). Each bar outputs the SAR computed on the previous one (or, on a
 * reversal, the extreme point clamped to the last two bars' range).
 */
export const sar = defineNode({
  type: 'indicator.sar',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'Parabolic SAR', zh: '抛物线转向' },
  description: {
    en: 'TA-Lib SAR: SAR += AF·(EP − SAR), AF starting at `acceleration`, growing by it on each new extreme up to `maximum`; the SAR is kept outside the last two bars\' range and flips to the extreme point on penetration. First value at bar 1.',
    zh: 'TA-Lib SAR：SAR += AF·(EP − SAR)，AF 从 acceleration 起，每创新极值加一次，最多到 maximum；SAR 不进入前两根K线的区间，被穿越时翻转到极值点。第 1 根起有值。',
  },
  inputs: { high: port('number'), low: port('number') },
  outputs: { value: port('number') },
  params: z.object({
    acceleration: z.number().min(0).max(1).default(0.02).describe('AF start and step'),
    maximum: z.number().min(0).max(1).default(0.2).describe('AF cap'),
  }),
  warmup: () => 1,
  init: (p) => ({
    count: 0,
    isLong: true,
    sar: NaN,
    ep: NaN,
    accel: p.acceleration > p.maximum ? p.maximum : p.acceleration,
    af: p.acceleration > p.maximum ? p.maximum : p.acceleration,
    prevHigh: NaN,
    prevLow: NaN,
  }),
  step: ({ in: i, params, state: s, out }) => {
    const { high, low } = i;
    if (high !== high || low !== low) {
      out.value = NaN;
      return;
    }
    const t = s.count++;
    if (t === 0) {
      s.prevHigh = high;
      s.prevLow = low;
      out.value = NaN;
      return;
    }
    if (t === 1) {
      const diffP = high - s.prevHigh;
      const diffM = s.prevLow - low;
      s.isLong = !(diffM > 0 && diffP < diffM);
      if (s.isLong) {
        s.ep = high;
        s.sar = s.prevLow;
      } else {
        s.ep = low;
        s.sar = s.prevHigh;
      }
      // TA-Lib treats bar 1 as its own previous bar for the range clamp
      s.prevHigh = high;
      s.prevLow = low;
    }
    const accel = s.accel;
    const max = params.maximum;
    const prevHigh = s.prevHigh;
    const prevLow = s.prevLow;
    let sarv = s.sar;
    if (s.isLong) {
      if (low <= sarv) {
        s.isLong = false;
        sarv = s.ep;
        if (sarv < prevHigh) sarv = prevHigh;
        if (sarv < high) sarv = high;
        out.value = sarv;
        s.af = accel;
        s.ep = low;
        sarv = sarv + s.af * (s.ep - sarv);
        if (sarv < prevHigh) sarv = prevHigh;
        if (sarv < high) sarv = high;
      } else {
        out.value = sarv;
        if (high > s.ep) {
          s.ep = high;
          s.af += accel;
          if (s.af > max) s.af = max;
        }
        sarv = sarv + s.af * (s.ep - sarv);
        if (sarv > prevLow) sarv = prevLow;
        if (sarv > low) sarv = low;
      }
    } else if (high >= sarv) {
      s.isLong = true;
      sarv = s.ep;
      if (sarv > prevLow) sarv = prevLow;
      if (sarv > low) sarv = low;
      out.value = sarv;
      s.af = accel;
      s.ep = high;
      sarv = sarv + s.af * (s.ep - sarv);
      if (sarv > prevLow) sarv = prevLow;
      if (sarv > low) sarv = low;
    } else {
      out.value = sarv;
      if (low < s.ep) {
        s.ep = low;
        s.af += accel;
        if (s.af > max) s.af = max;
      }
      sarv = sarv + s.af * (s.ep - sarv);
      if (sarv < prevHigh) sarv = prevHigh;
      if (sarv < high) sarv = high;
    }
    s.sar = sarv;
    s.prevHigh = high;
    s.prevLow = low;
  },
  // From bar 2 on, `step`'s arithmetic with the state in locals (field reads and writes per bar
  // through a frame ran 3× the hand loop); bars 0 and 1 go through `step` itself.
  batch: primeFeedback(() => 2, ({ params, state: s, inputs, outputs, from, to }) => {
    const hi = inputs[0]!;
    const lo = inputs[1]!;
    const out = outputs[0];
    let i = from;
    if (s.count < 2) {
      const frame = { nodeId: '', params, state: s, in: { high: NaN, low: NaN }, out: { value: NaN }, ctx: undefined as never };
      for (; i < to && s.count < 2; i++) {
        frame.in.high = hi[i];
        frame.in.low = lo[i];
        sar.step(frame);
        out[i] = frame.out.value;
      }
    }
    if (i === to) return;
    const accel = s.accel;
    const max = params.maximum;
    let isLong = s.isLong;
    let sarv = s.sar;
    let ep = s.ep;
    let af = s.af;
    let prevHigh = s.prevHigh;
    let prevLow = s.prevLow;
    let count = s.count;
    for (; i < to; i++) {
      const high = hi[i];
      const low = lo[i];
      if (high !== high || low !== low) {
        out[i] = NaN;
        continue;
      }
      count++;
      if (isLong) {
        if (low <= sarv) {
          isLong = false;
          sarv = ep;
          if (sarv < prevHigh) sarv = prevHigh;
          if (sarv < high) sarv = high;
          out[i] = sarv;
          af = accel;
          ep = low;
          sarv = sarv + af * (ep - sarv);
          if (sarv < prevHigh) sarv = prevHigh;
          if (sarv < high) sarv = high;
        } else {
          out[i] = sarv;
          if (high > ep) {
            ep = high;
            af += accel;
            if (af > max) af = max;
          }
          sarv = sarv + af * (ep - sarv);
          if (sarv > prevLow) sarv = prevLow;
          if (sarv > low) sarv = low;
        }
      } else if (high >= sarv) {
        isLong = true;
        sarv = ep;
        if (sarv > prevLow) sarv = prevLow;
        if (sarv > low) sarv = low;
        out[i] = sarv;
        af = accel;
        ep = high;
        sarv = sarv + af * (ep - sarv);
        if (sarv > prevLow) sarv = prevLow;
        if (sarv > low) sarv = low;
      } else {
        out[i] = sarv;
        if (low < ep) {
          ep = low;
          af += accel;
          if (af > max) af = max;
        }
        sarv = sarv + af * (ep - sarv);
        if (sarv < prevHigh) sarv = prevHigh;
        if (sarv < high) sarv = high;
      }
      prevHigh = high;
      prevLow = low;
    }
    s.isLong = isLong;
    s.sar = sarv;
    s.ep = ep;
    s.af = af;
    s.prevHigh = prevHigh;
    s.prevLow = prevLow;
    s.count = count;
  }),
  summary: (p) => `${p.acceleration},${p.maximum}`,
});
