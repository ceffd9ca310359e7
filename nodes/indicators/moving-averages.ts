import { z } from 'zod';
import { defineNode, port } from '../sdk';
import { primeFeedback, Ring, TaEma } from './kernels/streaming';

const ZPeriod30 = z.object({ period: z.number().int().min(2).max(5000).default(30).describe('bars') });

/**
 * TA-Lib WMA in TA-Lib's O(1) form: keep the plain sum of the window and the weighted sum,
 * add n·x for the newest value and subtract the plain sum to age every weight by one.
 */
export const wma = defineNode({
  type: 'indicator.wma',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'WMA', zh: '加权移动平均' },
  description: {
    en: 'Linearly weighted moving average (TA-Lib WMA): Σ w·x / Σ w with weights n (newest) … 1 (oldest). First value at bar n−1.',
    zh: '线性加权移动平均（TA-Lib WMA）：权重最新为 n、最旧为 1，Σw·x / Σw。第 n−1 根起有值。',
  },
  inputs: { source: port('number') },
  outputs: { value: port('number') },
  params: ZPeriod30,
  warmup: (p) => p.period - 1,
  init: (p) => ({ window: new Ring(p.period), count: 0, sub: 0, sum: 0, trailing: 0, divider: (p.period * (p.period + 1)) / 2 }),
  step: ({ in: i, params, state: s, out }) => {
    const x = i.source;
    if (x !== x) {
      out.value = NaN;
      return;
    }
    const n = params.period;
    s.window.push(x);
    s.count++;
    if (s.count < n) {
      s.sub += x;
      s.sum += x * s.count;
      out.value = NaN;
      return;
    }
    s.sub += x;
    s.sub -= s.trailing;
    s.sum += x * n;
    s.trailing = s.window.ago(n - 1);
    out.value = s.sum / s.divider;
    s.sum -= s.sub;
  },
  summary: (p) => String(p.period),
});

export const dema = defineNode({
  type: 'indicator.dema',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'DEMA', zh: '双重指数移动平均' },
  description: {
    en: 'Double EMA (TA-Lib DEMA): 2·EMA(x) − EMA(EMA(x)), both EMAs TA-Lib-seeded. First value at bar 2(n−1).',
    zh: '双重指数移动平均（TA-Lib DEMA）：2·EMA(x) − EMA(EMA(x))。第 2(n−1) 根起有值。',
  },
  inputs: { source: port('number') },
  outputs: { value: port('number') },
  params: ZPeriod30,
  warmup: (p) => 2 * (p.period - 1),
  init: (p) => ({ e1: new TaEma(p.period), e2: new TaEma(p.period) }),
  step: ({ in: i, state, out }) => {
    const x = i.source;
    if (x !== x) {
      out.value = NaN;
      return;
    }
    const a = state.e1.push(x);
    if (a !== a) {
      out.value = NaN;
      return;
    }
    const b = state.e2.push(a);
    out.value = b !== b ? NaN : 2.0 * a - b;
  },
  summary: (p) => String(p.period),
});

export const tema = defineNode({
  type: 'indicator.tema',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'TEMA', zh: '三重指数移动平均' },
  description: {
    en: 'Triple EMA (TA-Lib TEMA): 3·EMA1 − 3·EMA2 + EMA3, where EMA2 = EMA(EMA1), EMA3 = EMA(EMA2). First value at bar 3(n−1).',
    zh: '三重指数移动平均（TA-Lib TEMA）：3·EMA1 − 3·EMA2 + EMA3。第 3(n−1) 根起有值。',
  },
  inputs: { source: port('number') },
  outputs: { value: port('number') },
  params: ZPeriod30,
  warmup: (p) => 3 * (p.period - 1),
  init: (p) => ({ e1: new TaEma(p.period), e2: new TaEma(p.period), e3: new TaEma(p.period) }),
  step: ({ in: i, state, out }) => {
    const x = i.source;
    out.value = NaN;
    if (x !== x) return;
    const a = state.e1.push(x);
    if (a !== a) return;
    const b = state.e2.push(a);
    if (b !== b) return;
    const c = state.e3.push(b);
    if (c !== c) return;
    out.value = c + (3.0 * a - 3.0 * b);
  },
  summary: (p) => String(p.period),
});

/**
 * KAMA's streaming state. The doubles carried from bar to bar live in a Float64Array rather than
 * object fields: the column loop writes them back once per call, and with tagged fields V8 at
 * times compiled that loop with the carried values boxed (a heap number per bar: 2× the
 * scavenges and 2–3× the time in the same process, depending on when the optimiser ran).
 */
const SUM_ROC1 = 0;
const TRAILING = 1;
const PREV = 2;
const KAMA = 3;
class KamaState {
  readonly window: Ring;
  count = 0;
  readonly f = new Float64Array(4);

  constructor(period: number) {
    this.window = new Ring(period + 1);
    this.f[TRAILING] = NaN;
    this.f[PREV] = NaN;
    this.f[KAMA] = NaN;
  }
}

const KAMA_SLOWEST = 2.0 / (30.0 + 1.0);
const KAMA_SPAN = 2.0 / (2.0 + 1.0) - KAMA_SLOWEST;

/**
 * KAMA's steady loop (from bar n+1 on): `step`'s arithmetic with the state in locals, written
 * back after the loop.
 */
function kamaSteady(s: KamaState, src: Float64Array, out: Float64Array, from: number, to: number): void {
  const ring = s.window;
  const buf = ring.buf;
  const size = ring.size; // n + 1: the slot after the newest holds the value n bars ago
  const f = s.f;
  let head = ring.head;
  let count = s.count;
  let sumRoc1 = f[SUM_ROC1];
  let trailing = f[TRAILING];
  let prev = f[PREV];
  let kv = f[KAMA];
  for (let i = from; i < to; i++) {
    const x = src[i];
    if (x !== x) {
      out[i] = NaN;
      continue;
    }
    count++;
    head = head + 1 === size ? 0 : head + 1;
    buf[head] = x;
    const leaving = buf[head + 1 === size ? 0 : head + 1];
    sumRoc1 -= Math.abs(trailing - leaving);
    sumRoc1 += Math.abs(x - prev);
    trailing = leaving;
    const periodRoc = x - leaving;
    let er: number;
    if (sumRoc1 <= periodRoc || (sumRoc1 > -1e-8 && sumRoc1 < 1e-8)) er = 1.0;
    else er = Math.abs(periodRoc / sumRoc1);
    let sc = er * KAMA_SPAN + KAMA_SLOWEST;
    sc *= sc;
    kv = (x - kv) * sc + kv;
    prev = x;
    out[i] = kv;
  }
  ring.head = head;
  s.count = count;
  f[SUM_ROC1] = sumRoc1;
  f[TRAILING] = trailing;
  f[PREV] = prev;
  f[KAMA] = kv;
}


/**
 * Kaufman adaptive MA, TA-Lib's way: the efficiency ratio compares the n-bar change with the
 * sum of the n one-bar changes; sc = (ER·(2/3 − 2/31) + 2/31)²; the first KAMA starts from the
 * previous close. TA-Lib's quirks kept: ER is 1 when the path sum ≤ the (signed) change.
 */
export const kama = defineNode({
  type: 'indicator.kama',
  version: 1,
  category: 'indicators',
  kind: 'series',
  label: { en: 'KAMA', zh: '考夫曼自适应均线' },
  description: {
    en: "Kaufman adaptive moving average (TA-Lib KAMA): ER = |x − x[n]| / Σ|Δx| over n bars, sc = (ER·(2/3 − 2/31) + 2/31)², KAMA += sc·(x − KAMA). First value at bar n.",
    zh: '考夫曼自适应均线（TA-Lib KAMA）：效率 ER = |x − x[n]| / n 根内 Σ|Δx|，sc = (ER·(2/3 − 2/31) + 2/31)²，KAMA += sc·(x − KAMA)。第 n 根起有值。',
  },
  inputs: { source: port('number') },
  outputs: { value: port('number') },
  params: ZPeriod30,
  warmup: (p) => p.period,
  init: (p) => new KamaState(p.period),
  step: ({ in: i, params, state: s, out }) => {
    const x = i.source;
    if (x !== x) {
      out.value = NaN;
      return;
    }
    const n = params.period;
    const f = s.f;
    const constMax = 2.0 / (30.0 + 1.0);
    const constDiff = 2.0 / (2.0 + 1.0) - constMax;
    s.window.push(x);
    const t = s.count++;
    if (t === 0) {
      f[PREV] = x;
      out.value = NaN;
      return;
    }
    if (t <= n) {
      f[SUM_ROC1] += Math.abs(f[PREV] - x);
      if (t < n) {
        f[PREV] = x;
        out.value = NaN;
        return;
      }
      f[KAMA] = f[PREV]; // TA-Lib starts from yesterday's price
      f[TRAILING] = s.window.ago(n);
    } else {
      const leaving = s.window.ago(n);
      f[SUM_ROC1] -= Math.abs(f[TRAILING] - leaving);
      f[SUM_ROC1] += Math.abs(x - f[PREV]);
      f[TRAILING] = leaving;
    }
    const periodRoc = x - s.window.ago(n);
    let er: number;
    if (f[SUM_ROC1] <= periodRoc || (f[SUM_ROC1] > -1e-8 && f[SUM_ROC1] < 1e-8)) er = 1.0;
    else er = Math.abs(periodRoc / f[SUM_ROC1]);
    let sc = er * constDiff + constMax;
    sc *= sc;
    f[KAMA] = (x - f[KAMA]) * sc + f[KAMA];
    f[PREV] = x;
    out.value = f[KAMA];
  },
  // From bar n+1 on, `step`'s arithmetic with the state in locals (a frame and a Ring per bar
  // ran 4× the hand loop); earlier bars go through `step` itself.
  batch: primeFeedback((a) => a.params.period, ({ params, state: s, inputs, outputs, from, to }) => {
    const src = inputs[0]!;
    const out = outputs[0];
    const n = params.period;
    let i = from;
    if (s.count <= n) {
      const frame = { nodeId: '', params, state: s, in: { source: NaN }, out: { value: NaN }, ctx: undefined as never };
      for (; i < to && s.count <= n; i++) {
        frame.in.source = src[i];
        kama.step(frame);
        out[i] = frame.out.value;
      }
    }
    if (i < to) kamaSteady(s, src, out, i, to);
  }),
  summary: (p) => String(p.period),
});
