import { z } from 'zod';
import { defineNode, port } from '../sdk';
import { primeFeedback, RESCAN, rescanFull, RollingMax, RollingMin, RunningSma } from './kernels/streaming';
import { fastK } from './rsi';

const hlc = { high: port('number'), low: port('number'), close: port('number') };

export const stoch = defineNode({
  type: 'indicator.stoch',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'Stochastic (slow)', zh: '随机指标（慢速）' },
  description: {
    en: 'TA-Lib STOCH with SMA smoothing: fast %K = 100·(C − LL)/(HH − LL) over fastK bars (0 when HH = LL), slow %K = SMA(fast %K, slowK), slow %D = SMA(slow %K, slowD). First value at fastK + slowK + slowD − 3.',
    zh: 'TA-Lib STOCH（SMA 平滑）：快 %K = 100·(C − 最低)/(最高 − 最低)（fastK 根内，区间为 0 时取 0），慢 %K = SMA(快 %K, slowK)，慢 %D = SMA(慢 %K, slowD)。第 fastK + slowK + slowD − 3 根起有值。',
  },
  inputs: hlc,
  outputs: { k: port('number', { label: { en: 'Slow %K', zh: 'K' } }), d: port('number', { label: { en: 'Slow %D', zh: 'D' } }) },
  params: z.object({
    fastK: z.number().int().min(1).max(5000).default(5).describe('%K window'),
    slowK: z.number().int().min(1).max(5000).default(3).describe('slow %K SMA bars'),
    slowD: z.number().int().min(1).max(5000).default(3).describe('slow %D SMA bars'),
  }),
  warmup: (p) => p.fastK - 1 + p.slowK - 1 + p.slowD - 1,
  init: (p) => ({ hi: new RollingMax(p.fastK), lo: new RollingMin(p.fastK), k: new RunningSma(p.slowK), d: new RunningSma(p.slowD) }),
  step: ({ in: i, state: s, out }) => {
    out.k = out.d = NaN;
    const { high, low, close } = i;
    if (high !== high || low !== low || close !== close) return;
    s.hi.push(high);
    s.lo.push(low);
    if (!s.hi.full) return;
    const k = s.k.push(fastK(close, s.hi.value, s.lo.value));
    if (k !== k) return;
    const d = s.d.push(k);
    if (d !== d) return;
    out.k = k;
    out.d = d;
  },
  // `step`'s arithmetic in a plain loop: the same pushes while any window is filling, then the
  // windows and sums in locals (a method call and field writes per value cost 2–4× the hand
  // loop in bench/indicators-bench.ts).
  batch: primeFeedback((a) => a.params.fastK + a.params.slowK + a.params.slowD, ({ params, state: s, inputs, outputs, from, to }) => {
    const hi = inputs[0]!;
    const lo = inputs[1]!;
    const cl = inputs[2]!;
    const [ok, od] = outputs;
    let i = from;
    for (; i < to && !(s.hi.full && s.k.count === params.slowK && s.d.count === params.slowD); i++) {
      const high = hi[i];
      const low = lo[i];
      const close = cl[i];
      let k = NaN;
      let d = NaN;
      if (high === high && low === low && close === close) {
        s.hi.push(high);
        s.lo.push(low);
        if (s.hi.full) {
          k = s.k.push(fastK(close, s.hi.value, s.lo.value));
          if (k === k) d = s.d.push(k);
          if (d !== d) k = NaN;
        }
      }
      ok[i] = k;
      od[i] = d;
    }
    if (i === to) return;
    const n = params.fastK;
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
    const nk = params.slowK;
    const nd = params.slowD;
    const kb = s.k.buf;
    const db = s.d.buf;
    let kNext = s.k.next;
    let kSum = s.k.sum;
    let dNext = s.d.next;
    let dSum = s.d.sum;
    for (; i < to; i++) {
      const high = hi[i];
      const low = lo[i];
      const close = cl[i];
      if (high !== high || low !== low || close !== close) {
        ok[i] = od[i] = NaN;
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
      const f = fastK(close, hExt, -lExt);
      kSum -= kb[kNext];
      kSum += f;
      kb[kNext] = f;
      kNext = kNext + 1 === nk ? 0 : kNext + 1;
      const k = kSum / nk;
      dSum -= db[dNext];
      dSum += k;
      db[dNext] = k;
      dNext = dNext + 1 === nd ? 0 : dNext + 1;
      ok[i] = k;
      od[i] = dSum / nd;
    }
    H.pos = hPos;
    H.extreme = hExt;
    H.age = hAge;
    H.seen = L.seen = seen;
    L.pos = lPos;
    L.extreme = lExt;
    L.age = lAge;
    s.k.next = kNext;
    s.k.sum = kSum;
    s.d.next = dNext;
    s.d.sum = dSum;
  }),
  summary: (p) => `${p.fastK},${p.slowK},${p.slowD}`,
});

export const willr = defineNode({
  type: 'indicator.willr',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'Williams %R', zh: '威廉指标' },
  description: {
    en: 'TA-Lib WILLR: −100·(HH − C)/(HH − LL) over n bars (0 when HH = LL), from −100 to 0. First value at bar n−1. (TongDaXin WR is the same without the minus sign.)',
    zh: 'TA-Lib WILLR：−100·(最高 − C)/(最高 − 最低)（n 根内，区间为 0 时取 0），取值 −100 到 0。第 n−1 根起有值。（通达信 WR 为不带负号的同一数值。）',
  },
  inputs: hlc,
  outputs: { value: port('number') },
  params: z.object({ period: z.number().int().min(2).max(5000).default(14).describe('bars') }),
  warmup: (p) => p.period - 1,
  init: (p) => ({ hi: new RollingMax(p.period), lo: new RollingMin(p.period) }),
  step: ({ in: i, state: s, out }) => {
    const { high, low, close } = i;
    if (high !== high || low !== low || close !== close) {
      out.value = NaN;
      return;
    }
    s.hi.push(high);
    s.lo.push(low);
    if (!s.hi.full) {
      out.value = NaN;
      return;
    }
    const hh = s.hi.value;
    const diff = (hh - s.lo.value) / -100.0;
    out.value = diff !== 0.0 ? (hh - close) / diff : 0.0;
  },
  summary: (p) => String(p.period),
});
