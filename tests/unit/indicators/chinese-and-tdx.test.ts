import { describe, expect, it } from 'vitest';
import { expectClose, run } from './helpers';

const N = NaN;
const T = true;
const F = false;

describe('Chinese (TongDaXin / THS) conventions', () => {
  it('SMA(X,N,M) = (M·X + (N−M)·Y′)/N from the first value, or from a seed', () => {
    expectClose(run('indicator.cn-sma', { n: 3, m: 1 }, { source: [3, 6, 9] }).value, [3, 4, 17 / 3]);
    expectClose(run('indicator.cn-sma', { n: 3, m: 1, seed: 50 }, { source: [80] }).value, [60]);
    expect(() => run('indicator.cn-sma', { n: 2, m: 3 }, { source: [1] })).toThrow();
  });

  it('TDX EMA(X,N) = (2X + (N−1)Y′)/(N+1) from the first bar', () => {
    expectClose(run('indicator.ema', { period: 3, convention: 'tdx' }, { source: [4, 8, 0] }).value, [4, 6, 3]);
  });

  it('KDJ: K and D seeded at 50, RSV over the bars available, J = 3K − 2D', () => {
    const r = run('indicator.kdj', { n: 9, m1: 3, m2: 3 }, { high: [10, 12], low: [8, 9], close: [9, 12] });
    expectClose(r.k, [50, 200 / 3]);
    expectClose(r.d, [50, (200 / 3 + 100) / 3]);
    expectClose(r.j, [50, 3 * (200 / 3) - (2 * (200 / 3 + 100)) / 3]);
  });

  it('KDJ: a one-price window gives RSV 0 instead of NaN', () => {
    const r = run('indicator.kdj', {}, { high: [10], low: [10], close: [10] });
    expectClose(r.k, [100 / 3]);
  });

  it('TDX MACD: DIF, DEA and 2×(DIF−DEA) from the first bar', () => {
    const x = [10, 11, 12, 11];
    const r = run('indicator.macd', { convention: 'tdx' }, { source: x });
    expectClose(r.macd.slice(0, 1), [0]);
    expectClose(r.signal.slice(0, 1), [0]);
    let f = 10;
    let s = 10;
    let dea = 0;
    for (let i = 1; i < x.length; i++) {
      f = (2 * x[i] + 11 * f) / 13;
      s = (2 * x[i] + 25 * s) / 27;
      dea = (2 * (f - s) + 8 * dea) / 10;
      expect(r.macd[i]).toBeCloseTo(f - s, 12);
      expect(r.signal[i]).toBeCloseTo(dea, 12);
      expect(r.hist[i]).toBeCloseTo(2 * (f - s - dea), 12);
    }
  });

  it('TDX BOLL uses the sample σ, TA-Lib BBANDS the population σ', () => {
    const tdx = run('indicator.bbands', { period: 3, convention: 'tdx' }, { source: [1, 2, 3] });
    expectClose(tdx.upper, [N, N, 4]);
    expectClose(tdx.middle, [N, N, 2]);
    expectClose(tdx.lower, [N, N, 0]);
    const ta = run('indicator.bbands', { period: 3 }, { source: [1, 2, 3] });
    expectClose(ta.upper, [N, N, 2 + 2 * Math.sqrt(2 / 3)]);
  });
});

describe('TDX formula nodes', () => {
  it('REF(X,N) is the value N bars ago; upstream NaN bars are skipped', () => {
    expectClose(run('tdx.ref', { period: 2 }, { x: [1, 2, 3, 4] }).value, [N, N, 1, 2]);
    expectClose(run('tdx.ref', { period: 1 }, { x: [N, 5, 6, 7] }).value, [N, N, 5, 6]);
  });

  it('COUNT counts the trues in the last N bars (0 = since the first bar)', () => {
    expect(run('tdx.count', { period: 3 }, { when: [T, F, T, T, F] }).value).toEqual([1, 1, 2, 2, 2]);
    expect(run('tdx.count', { period: 0 }, { when: [T, F, T, T, F] }).value).toEqual([1, 1, 2, 3, 3]);
  });

  it('EVERY needs N bars, all true', () => {
    expect(run('tdx.every', { period: 2 }, { when: [T, T, F, T, T] }).value).toEqual([0, 1, 0, 0, 1]);
    expect(run('tdx.every', { period: 0 }, { when: [T, T, F, T] }).value).toEqual([1, 1, 0, 0]);
  });

  it('EXIST is true when any of the last N bars was', () => {
    expect(run('tdx.exist', { period: 2 }, { when: [F, T, F, F, T] }).value).toEqual([0, 1, 1, 0, 1]);
    expect(run('tdx.exist', { period: 0 }, { when: [F, T, F, F] }).value).toEqual([0, 1, 1, 1]);
  });
});
