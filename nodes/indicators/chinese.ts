import { z } from 'zod';
import { defineNode, port } from '../sdk';
import { primeFeedback, RESCAN, rescanFull, RollingMax, RollingMin } from './kernels/streaming';

/**
 * TongDaXin / THS SMA(X,N,M): Y = (M·X + (N−M)·Y′) / N, an exponential smoothing with weight
 * M/N, seeded with the first value (or `seed` when given). Not TA-Lib's SMA.
 */
export const cnSma = defineNode({
  type: 'indicator.cn-sma',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'SMA(X,N,M) (TDX)', zh: '扩展移动平均 SMA(X,N,M)' },
  description: {
    en: 'TongDaXin SMA(X,N,M): Y = (M·X + (N−M)·Y′)/N, seeded with the first value (or the `seed` param). Value from the first bar. Used by KDJ, RSI (TDX) and many TDX formulas.',
    zh: '通达信 SMA(X,N,M)：Y = (M·X + (N−M)·Y′)/N，以首个值（或 seed 参数）为初值。首根即有值。KDJ、通达信 RSI 等公式使用。',
  },
  inputs: { source: port('number') },
  outputs: { value: port('number') },
  params: z
    .object({
      n: z.number().int().min(1).max(5000).default(3).describe('N'),
      m: z.number().int().min(1).max(5000).default(1).describe('M (weight of the new value, M ≤ N)'),
      seed: z.number().optional().describe('starting value; the first input when empty'),
    })
    .refine((p) => p.m <= p.n, { message: 'M must not exceed N', path: ['m'] }),
  warmup: () => 0,
  init: (p) => ({ y: p.seed ?? NaN }),
  step: ({ in: i, params, state, out }) => {
    const x = i.source;
    if (x !== x) {
      out.value = NaN;
      return;
    }
    const { n, m } = params;
    state.y = state.y !== state.y ? x : (m * x + (n - m) * state.y) / n;
    out.value = state.y;
  },
  summary: (p) => `${p.n},${p.m}`,
});

/**
 * KDJ as TongDaXin/THS draw it:
 *   RSV = (C − LLV(L,n)) / (HHV(H,n) − LLV(L,n)) × 100
 *   K = SMA(RSV,m1,1), D = SMA(K,m2,1) with K and D seeded at 50, J = 3K − 2D.
 * Until n bars exist the range covers the bars there are, so values start on the first bar, as
 * Chinese charting software draws KDJ. A zero range (one-price bars, e.g. a new listing locked
 * at its limit) gives RSV 0 rather than NaN, matching TDX's rule that x/0 is 0.
 */
export const kdj = defineNode({
  type: 'indicator.kdj',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'KDJ', zh: 'KDJ 随机指标' },
  description: {
    en: 'KDJ (TongDaXin): RSV = 100·(C − LLV(L,n))/(HHV(H,n) − LLV(L,n)); K = SMA(RSV,m1,1), D = SMA(K,m2,1), both seeded at 50; J = 3K − 2D. Values from the first bar (the window uses the bars available). Zero range → RSV 0. Not TA-Lib STOCH (which uses SMA smoothing and no seed).',
    zh: 'KDJ（通达信）：RSV = 100·(C − LLV(L,n))/(HHV(H,n) − LLV(L,n))；K = SMA(RSV,m1,1)，D = SMA(K,m2,1)，初值均为 50；J = 3K − 2D。首根即有值（不足 n 根时用已有K线）。区间为 0 时 RSV 取 0。',
  },
  inputs: { high: port('number'), low: port('number'), close: port('number') },
  outputs: { k: port('number', { label: { en: 'K', zh: 'K' } }), d: port('number', { label: { en: 'D', zh: 'D' } }), j: port('number', { label: { en: 'J', zh: 'J' } }) },
  params: z.object({
    n: z.number().int().min(1).max(5000).default(9).describe('RSV window'),
    m1: z.number().int().min(1).max(5000).default(3).describe('K smoothing'),
    m2: z.number().int().min(1).max(5000).default(3).describe('D smoothing'),
  }),
  warmup: () => 0,
  init: (p) => ({ hi: new RollingMax(p.n), lo: new RollingMin(p.n), k: 50, d: 50 }),
  step: ({ in: i, params, state: s, out }) => {
    const { high, low, close } = i;
    if (high !== high || low !== low || close !== close) {
      out.k = out.d = out.j = NaN;
      return;
    }
    s.hi.push(high);
    s.lo.push(low);
    const ll = s.lo.value;
    const range = s.hi.value - ll;
    const rsv = range !== 0 ? ((close - ll) / range) * 100 : 0;
    const { m1, m2 } = params;
    s.k = (rsv + (m1 - 1) * s.k) / m1;
    s.d = (s.k + (m2 - 1) * s.d) / m2;
    out.k = s.k;
    out.d = s.d;
    out.j = 3 * s.k - 2 * s.d;
  },
  // `step`'s arithmetic in a plain loop: the same pushes until the window is full, then the
  // window in locals (method calls and field writes per bar ran 3.5× the hand loop).
  batch: primeFeedback((a) => a.params.n, ({ params, state: s, inputs, outputs, from, to }) => {
    const hi = inputs[0]!;
    const lo = inputs[1]!;
    const cl = inputs[2]!;
    const [ok, od, oj] = outputs;
    const { n, m1, m2 } = params;
    let k = s.k;
    let d = s.d;
    let i = from;
    for (; i < to && !s.hi.full; i++) {
      const high = hi[i];
      const low = lo[i];
      const close = cl[i];
      if (high !== high || low !== low || close !== close) {
        ok[i] = od[i] = oj[i] = NaN;
        continue;
      }
      s.hi.push(high);
      s.lo.push(low);
      const ll = s.lo.value;
      const range = s.hi.value - ll;
      const rsv = range !== 0 ? ((close - ll) / range) * 100 : 0;
      k = (rsv + (m1 - 1) * k) / m1;
      d = (k + (m2 - 1) * d) / m2;
      ok[i] = k;
      od[i] = d;
      oj[i] = 3 * k - 2 * d;
    }
    if (i < to) {
      const H = s.hi;
      const L = s.lo.max; // holds −low
      const hb = H.buf;
      const lb = L.buf;
      let hPos = H.pos;
      let hExt = H.extreme;
      let hAge = H.age;
      let lPos = L.pos;
      let lExt = L.extreme;
      let lAge = L.age;
      let seen = H.seen;
      for (; i < to; i++) {
        const high = hi[i];
        const low = lo[i];
        const close = cl[i];
        if (high !== high || low !== low || close !== close) {
          ok[i] = od[i] = oj[i] = NaN;
          continue;
        }
        seen++;
        hb[hPos] = high;
        hPos = hPos + 1 === n ? 0 : hPos + 1;
        if (++hAge >= n) {
          hAge = rescanFull(hb, hPos, n);
          hExt = RESCAN[0];
        } else if (high >= hExt) {
          hExt = high;
          hAge = 0;
        }
        const nlow = -low;
        lb[lPos] = nlow;
        lPos = lPos + 1 === n ? 0 : lPos + 1;
        if (++lAge >= n) {
          lAge = rescanFull(lb, lPos, n);
          lExt = RESCAN[0];
        } else if (nlow >= lExt) {
          lExt = nlow;
          lAge = 0;
        }
        const ll = -lExt;
        const range = hExt - ll;
        const rsv = range !== 0 ? ((close - ll) / range) * 100 : 0;
        k = (rsv + (m1 - 1) * k) / m1;
        d = (k + (m2 - 1) * d) / m2;
        ok[i] = k;
        od[i] = d;
        oj[i] = 3 * k - 2 * d;
      }
      H.pos = hPos;
      H.extreme = hExt;
      H.age = hAge;
      H.seen = L.seen = seen;
      L.pos = lPos;
      L.extreme = lExt;
      L.age = lAge;
    }
    s.k = k;
    s.d = d;
  }),
  summary: (p) => `${p.n},${p.m1},${p.m2}`,
});
