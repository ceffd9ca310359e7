import { z } from 'zod';
import { defineNode, port } from '../sdk';
import { primeFeedback, TaEma } from './kernels/streaming';

const ZMacdParams = z.object({
  fast: z.number().int().min(2).max(1000).default(12).describe('fast EMA bars'),
  slow: z.number().int().min(2).max(1000).default(26).describe('slow EMA bars'),
  signal: z.number().int().min(1).max(1000).default(9).describe('signal EMA bars'),
  convention: z
    .enum(['talib', 'tdx'])
    .default('talib')
    .describe('TA-Lib MACD, or TongDaXin/THS: DIF, DEA, MACD = 2×(DIF−DEA) with EMAs seeded from the first bar'),
});

type TMacdParams = z.output<typeof ZMacdParams>;

/** TA-Lib swaps fast and slow when given the wrong way round. */
function periods(p: TMacdParams): { fast: number; slow: number } {
  return p.slow < p.fast ? { fast: p.slow, slow: p.fast } : { fast: p.fast, slow: p.slow };
}

/**
 * MACD.
 * - `talib`: TA-Lib MACD. Both EMAs start at the slow EMA's first bar: the slow EMA is seeded
 *   with the SMA of the first `slow` inputs and the fast one with the SMA of the `fast` inputs
 *   ending on that same bar (TA-Lib's quirk); the signal EMA is seeded with the SMA of the
 *   first `signal` MACD values. First output at slow + signal − 2 (33 for 12/26/9).
 * - `tdx`: DIF = EMA(C,12) − EMA(C,26), DEA = EMA(DIF,9), MACD = (DIF − DEA) × 2 with
 *   TongDaXin EMAs (seeded with the first value), so values start on the first bar.
 */
export const macd = defineNode({
  type: 'indicator.macd',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'MACD', zh: 'MACD 指数平滑异同平均' },
  description: {
    en: 'TA-Lib MACD: macd = EMA(fast) − EMA(slow), signal = EMA(macd, signal), hist = macd − signal; both EMAs start on the slow EMA\'s first bar. Convention "tdx": DIF/DEA as in TongDaXin with hist = 2×(DIF − DEA), values from the first bar.',
    zh: 'TA-Lib MACD：macd = EMA(快) − EMA(慢)，signal = EMA(macd, 信号)，hist = macd − signal；两条 EMA 都从慢线的首值处起算。约定 tdx：通达信 DIF、DEA，柱 MACD = 2×(DIF − DEA)，首根即有值。',
  },
  inputs: { source: port('number') },
  outputs: {
    macd: port('number', { label: { en: 'MACD (DIF)', zh: 'DIF' } }),
    signal: port('number', { label: { en: 'Signal (DEA)', zh: 'DEA' } }),
    hist: port('number', { label: { en: 'Histogram', zh: 'MACD 柱' } }),
  },
  params: ZMacdParams,
  warmup: (p) => (p.convention === 'tdx' ? 0 : periods(p).slow + p.signal - 2),
  init: (p) => {
    const { fast, slow } = periods(p);
    return {
      fast: new TaEma(fast),
      slow: new TaEma(slow),
      sig: new TaEma(p.signal),
      skip: slow - fast,
      count: 0,
      dea: NaN,
      tdx: p.convention === 'tdx',
      tdxFast: fast,
      tdxSlow: slow,
      signalN: p.signal,
      // this bar's outputs
      m: NaN,
      sg: NaN,
      h: NaN,
    };
  },
  step: ({ in: i, state, out }) => {
    advance(state, i.source);
    out.macd = state.m;
    out.signal = state.sg;
    out.hist = state.h;
  },
  // Once all three TA-Lib EMAs are seeded, `advance`'s arithmetic with the EMAs in locals (three
  // objects' fields per bar ran 2.7× the hand loop).
  batch: primeFeedback((a) => periods(a.params).slow + a.params.signal, ({ state, inputs, outputs, from, to }) => {
    const src = inputs[0]!;
    const [om, os, oh] = outputs;
    let i = from;
    for (; i < to && (state.tdx || state.sig.count < state.sig.period); i++) {
      advance(state, src[i]);
      om[i] = state.m;
      os[i] = state.sg;
      oh[i] = state.h;
    }
    if (i === to) return;
    const kf = state.fast.k;
    const ks = state.slow.k;
    const kg = state.sig.k;
    let f = state.fast.value;
    let sl = state.slow.value;
    let g = state.sig.value;
    let m = state.m;
    let sg = state.sg;
    let h = state.h;
    let count = state.count;
    for (; i < to; i++) {
      const x = src[i];
      if (x !== x) {
        om[i] = os[i] = oh[i] = m = sg = h = NaN;
        continue;
      }
      count++;
      sl = (x - sl) * ks + sl;
      f = (x - f) * kf + f;
      m = f - sl;
      g = (m - g) * kg + g;
      sg = g;
      h = m - g;
      om[i] = m;
      os[i] = sg;
      oh[i] = h;
    }
    state.fast.value = f;
    state.slow.value = sl;
    state.sig.value = g;
    state.m = m;
    state.sg = sg;
    state.h = h;
    state.count = count;
  }),
  summary: (p) => `${p.fast},${p.slow},${p.signal}${p.convention === 'tdx' ? ' tdx' : ''}`,
});

type TMacdState = ReturnType<typeof macd.init>;

/** One bar of MACD: leaves this bar's macd/signal/hist in s.m, s.sg, s.h (NaN when none). */
function advance(s: TMacdState, x: number): void {
  s.m = s.sg = s.h = NaN;
  if (x !== x) return;
  if (s.tdx) {
    // TDX EMA(X,N) = (2·X + (N−1)·Y′)/(N+1), every EMA seeded with its first input
    const f = s.tdxFast;
    const sl = s.tdxSlow;
    const n = s.signalN;
    const first = s.count++ === 0;
    s.fast.value = first ? x : (2 * x + (f - 1) * s.fast.value) / (f + 1);
    s.slow.value = first ? x : (2 * x + (sl - 1) * s.slow.value) / (sl + 1);
    const dif = s.fast.value - s.slow.value;
    s.dea = first ? dif : (2 * dif + (n - 1) * s.dea) / (n + 1);
    s.m = dif;
    s.sg = s.dea;
    s.h = (dif - s.dea) * 2;
    return;
  }
  const t = s.count++;
  const slow = s.slow.push(x);
  if (t >= s.skip) s.fast.push(x);
  if (slow !== slow) return;
  const m = s.fast.value - slow;
  const sig = s.sig.push(m);
  if (sig !== sig) return;
  s.m = m;
  s.sg = sig;
  s.h = m - sig;
}
