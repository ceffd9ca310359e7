import { describe, expect, it } from 'vitest';
import { NODE_LIST } from '@/nodes/registry';
import { runSeriesNode } from '@/nodes/indicators/run-series';
import { expectClose, run } from './helpers';

const N = NaN;

/** Values worked out by hand from TA-Lib's definitions (seeding included). */
describe('TA-Lib kernels on small hand-computed series', () => {
  it('EMA is seeded with the SMA of the first n values', () => {
    expectClose(run('indicator.ema', { period: 3 }, { source: [1, 2, 3, 4, 5] }).value, [N, N, 2, 3, 4]);
  });

  it('WMA weights the newest bar n, the oldest 1', () => {
    expectClose(run('indicator.wma', { period: 3 }, { source: [1, 2, 3, 4, 5] }).value, [N, N, 14 / 6, 20 / 6, 26 / 6]);
  });

  it('DEMA and TEMA follow a straight line exactly once seeded (at 2(n−1) and 3(n−1))', () => {
    expectClose(run('indicator.dema', { period: 2 }, { source: [1, 2, 3, 4, 5] }).value, [N, N, 3, 4, 5]);
    expectClose(run('indicator.tema', { period: 2 }, { source: [1, 2, 3, 4, 5, 6] }).value, [N, N, N, 4, 5, 6]);
  });

  it('RSI: Wilder averages seeded with the plain mean; 0 on flat prices, 100 when only rising', () => {
    expectClose(run('indicator.rsi', { period: 2 }, { source: [1, 2, 1, 2] }).value, [N, N, 50, 75]);
    const flat = run('indicator.rsi', { period: 14 }, { source: new Array(20).fill(10) }).value;
    expect(flat.slice(0, 14).every((v) => Number.isNaN(v))).toBe(true);
    expect(flat.slice(14)).toEqual(new Array(6).fill(0));
    const up = run('indicator.rsi', { period: 14 }, { source: Array.from({ length: 16 }, (_, i) => i + 1) }).value;
    expectClose(up.slice(14), [100, 100]);
  });

  it('MACD: first value at slow + signal − 2; fast and slow given the wrong way round are swapped', () => {
    const x = Array.from({ length: 60 }, (_, i) => 100 + Math.sin(i / 3) * 5 + i * 0.1);
    const a = run('indicator.macd', { fast: 12, slow: 26, signal: 9 }, { source: x });
    const b = run('indicator.macd', { fast: 26, slow: 12, signal: 9 }, { source: x });
    expect(a.macd.findIndex((v) => !Number.isNaN(v))).toBe(33);
    expect(b).toEqual(a);
    // hist = macd − signal
    for (let i = 33; i < 60; i++) expect(a.hist[i]).toBe(a.macd[i] - a.signal[i]);
  });

  it('MOM (math.change) is x − x[n]', () => {
    expectClose(run('math.change', { period: 1 }, { x: [1, 4, 9] }).value, [N, 3, 5]);
  });

  it('STOCHRSI: fast %K of RSI over fastK RSI values, %D their SMA', () => {
    // RSI(2) of [1,2,1,2,1] = [–, –, 50, 75, 37.5]
    const r = run('indicator.stochrsi', { period: 2, fastK: 2, fastD: 1 }, { source: [1, 2, 1, 2, 1] });
    expectClose(r.k, [N, N, N, 100, 0]);
    expectClose(r.d, [N, N, N, 100, 0]);
  });

  it('ULTOSC weights the shortest average 4, the middle 2, the longest 1', () => {
    // BP = [–, 2, 1, 2], TR = [–, 3, 2, 3]; A1 = 2/3, A2 = 3/5, A3 = 5/8
    const r = run('indicator.ultosc', { period1: 1, period2: 2, period3: 3 }, { high: [10, 12, 11, 13], low: [8, 9, 9, 10], close: [9, 11, 10, 12] });
    expectClose(r.value, [N, N, N, (100 * 77) / 120]);
  });

  it('ROC is (x / x[n] − 1) × 100 and 0 when the old value is 0', () => {
    expectClose(run('indicator.roc', { period: 1 }, { source: [10, 11, 0, 5] }).value, [N, 10, -100, 0]);
  });

  it('STDDEV is the population σ (0 on flat prices)', () => {
    expectClose(run('indicator.stddev', { period: 2 }, { source: [1, 3, 5, 5, 5] }).value, [N, 1, 1, 0, 0]);
    expectClose(run('indicator.stddev', { period: 2, nbDev: 3 }, { source: [1, 3] }).value, [N, 3]);
  });

  const h = [10, 12, 11, 9];
  const l = [8, 11, 7, 8];
  const c = [9, 11.5, 8, 8.5];

  it('TRANGE, ATR (Wilder, first value the mean of n TRs) and NATR', () => {
    expectClose(run('indicator.trange', {}, { high: h, low: l, close: c }).value, [N, 3, 4.5, 1]);
    expectClose(run('indicator.atr', { period: 2 }, { high: h, low: l, close: c }).value, [N, N, 3.75, 2.375]);
    expectClose(run('indicator.natr', { period: 2 }, { high: h, low: l, close: c }).value, [N, N, (3.75 / 8) * 100, (2.375 / 8.5) * 100]);
  });

  it('+DI and −DI start at bar n', () => {
    // bar1: +DM 2 (12−10 > 8−11), TR 3; bar2: −DM 4 (11−7 > 11−12), TR 4.5
    // n = 2: sums over bar 1, then v − v/2 + today on bar 2
    const plus = run('indicator.plus-di', { period: 2 }, { high: h.slice(0, 3), low: l.slice(0, 3), close: c.slice(0, 3) }).value;
    const minus = run('indicator.minus-di', { period: 2 }, { high: h.slice(0, 3), low: l.slice(0, 3), close: c.slice(0, 3) }).value;
    const tr = 3 - 3 / 2 + 4.5;
    expectClose(plus, [N, N, (100 * (2 - 2 / 2)) / tr]);
    expectClose(minus, [N, N, (100 * 4) / tr]);
  });

  it('STOCH (fast %K over 2 bars, no smoothing) and WILLR', () => {
    const hh = [10, 12, 11];
    const ll = [8, 9, 10];
    const cc = [9, 11, 10.5];
    const s = run('indicator.stoch', { fastK: 2, slowK: 1, slowD: 1 }, { high: hh, low: ll, close: cc });
    expectClose(s.k, [N, 75, 50]);
    expectClose(s.d, [N, 75, 50]);
    expectClose(run('indicator.willr', { period: 2 }, { high: hh, low: ll, close: cc }).value, [N, -25, -50]);
    // a window with no range gives 0 (TA-Lib), not NaN
    expectClose(run('indicator.willr', { period: 2 }, { high: [5, 5], low: [5, 5], close: [5, 5] }).value, [N, 0]);
  });

  it('CCI of typical prices', () => {
    const r = run('indicator.cci', { period: 2 }, { high: [10, 12], low: [8, 9], close: [9, 11] }).value;
    expectClose(r, [N, (32 / 3 - (9 + 32 / 3) / 2) / (0.015 * Math.abs(32 / 3 - (9 + 32 / 3) / 2))]);
    expect(r[1]).toBeCloseTo(66.6667, 3);
  });

  it('OBV starts at the first volume', () => {
    expectClose(run('indicator.obv', {}, { close: [10, 11, 11, 9], volume: [100, 200, 300, 400] }).value, [100, 300, 300, -100]);
  });

  it('MFI is 0 when the money flow total is below 1 (TA-Lib), e.g. no volume', () => {
    const r = run('indicator.mfi', { period: 2 }, { high: [2, 3, 4], low: [1, 2, 3], close: [1.5, 2.5, 3.5], volume: [0, 0, 0] }).value;
    expectClose(r, [N, N, 0]);
  });

  it('AROON takes the most recent bar on ties', () => {
    const r = run('indicator.aroon', { period: 2 }, { high: [1, 3, 2, 2, 1], low: [5, 4, 4, 6, 7] });
    expectClose(r.up, [N, N, 50, 0, 50]);
    expectClose(r.down, [N, N, 100, 50, 0]);
  });

  it('Donchian channel', () => {
    const r = run('indicator.donchian', { period: 2 }, { high: [1, 3, 2, 2], low: [5, 4, 4, 6] });
    expectClose(r.upper, [N, 3, 3, 2]);
    expectClose(r.lower, [N, 4, 4, 4]);
    expectClose(r.middle, [N, 3.5, 3.5, 3]);
  });

  it('SAR: first SAR is bar 0\'s low in an up move, AF grows with each new high', () => {
    const r = run('indicator.sar', {}, { high: [10, 11, 12, 13], low: [9, 10, 11, 12] }).value;
    expectClose(r, [N, 9, 9.04, 9.04 + 0.04 * (12 - 9.04)]);
  });

  it('VWAP restarts each session (day) and rolls over n bars', () => {
    const day = 86_400_000;
    const time = [0, 3_600_000, day, day + 3_600_000];
    const bars = { time, open: [1, 1, 1, 1], high: [3, 6, 9, 12], low: [3, 6, 9, 12], close: [3, 6, 9, 12], volume: [1, 2, 1, 3], length: 4 };
    const def = NODE_LIST.find((d) => d.type === 'indicator.vwap')!;
    const inputs = { high: bars.high, low: bars.low, close: bars.close, volume: bars.volume };
    expectClose(Array.from(runSeriesNode(def, { mode: 'session' }, inputs, 4, bars).value), [3, 5, 9, (9 + 36) / 4]);
    expectClose(Array.from(runSeriesNode(def, { mode: 'rolling', period: 2 }, inputs, 4, bars).value), [N, 5, (12 + 9) / 3, (9 + 36) / 4]);
  });
});

describe('edge cases', () => {
  it('upstream warm-up (NaN inputs) is skipped: the indicator starts when its input does', () => {
    const x = [N, N, 1, 2, 3, 4, 5];
    expectClose(run('indicator.sma', { period: 3 }, { source: x }).value, [N, N, N, N, 2, 3, 4]);
    expectClose(run('indicator.ema', { period: 3 }, { source: x }).value, [N, N, N, N, 2, 3, 4]);
    expectClose(run('indicator.wma', { period: 3 }, { source: x }).value, [N, N, N, N, 14 / 6, 20 / 6, 26 / 6]);
    expectClose(run('indicator.rsi', { period: 2 }, { source: [N, 1, 2, 1, 2] }).value, [N, N, N, 50, 75]);
  });

  it('a NaN in the middle gives NaN on that bar and leaves the state alone', () => {
    expectClose(run('indicator.sma', { period: 2 }, { source: [1, 3, N, 5] }).value, [N, 2, N, 4]);
    const hlc = { high: [10, 12, N, 11], low: [8, 11, N, 7], close: [9, 11.5, N, 8] };
    expectClose(run('indicator.trange', {}, hlc).value, [N, 3, N, 4.5]);
  });

  it('a single bar gives no value (or the first value where the lookback is 0) and no error', () => {
    for (const def of NODE_LIST.filter((d) => d.type.startsWith('indicator.') || d.type.startsWith('candle.') || d.type.startsWith('tdx.'))) {
      const params = def.params.parse({}) as Record<string, unknown>;
      const inputs: Record<string, number[] | boolean[]> = {};
      for (const [name, p] of Object.entries(def.inputs)) inputs[name] = p.type === 'signal' ? [true] : [name === 'low' ? 9 : name === 'high' ? 11 : 10];
      const bars = { time: [0], open: [10], high: [11], low: [9], close: [10], volume: [100], length: 1 };
      const out = runSeriesNode(def, params, inputs, 1, bars);
      const warm = def.warmup(params as never);
      for (const [port, values] of Object.entries(out)) {
        if (def.outputs[port].type === 'signal') continue;
        expect(Number.isNaN(values[0]), `${def.type}.${port} (warmup ${warm})`).toBe(warm > 0);
      }
    }
  });

  it('flat prices never give NaN after warm-up (divisions by a zero range are defined)', () => {
    const flat = new Array(80).fill(10);
    const vol = new Array(80).fill(0);
    const bars = { time: flat.map((_, i) => i * 86_400_000), open: flat, high: flat, low: flat, close: flat, volume: vol, length: 80 };
    for (const def of NODE_LIST.filter((d) => d.type.startsWith('indicator.'))) {
      const params = def.params.parse({}) as Record<string, unknown>;
      const inputs: Record<string, number[]> = {};
      for (const name of Object.keys(def.inputs)) inputs[name] = name === 'volume' ? vol : flat;
      const out = runSeriesNode(def, params, inputs, 80, bars);
      const warm = def.warmup(params as never);
      for (const [port, values] of Object.entries(out)) {
        for (let i = warm; i < 80; i++) expect(Number.isFinite(values[i]), `${def.type}.${port}[${i}]`).toBe(true);
      }
    }
  });
});
