// Equity curves stored for the UI: ≤ 5,000 points, extremes kept, exact first and last values.
import { describe, expect, it } from 'vitest';
import { downsampleEquity, scaledBenchmark } from '@/server/services/backtest/downsample-equity';
import { pickSeries } from '@/server/services/backtest/resolve-symbols';

describe('downsampleEquity', () => {
  it('returns short curves unchanged', () => {
    const r = downsampleEquity([1, 2, 3], [10, 11, 12], 5_000, [5, 6, 7]);
    expect(r).toEqual({ times: [1, 2, 3], equity: [10, 11, 12], extra: [5, 6, 7] });
  });

  it('keeps at most maxPoints, the exact ends, the peak and the trough, in time order', () => {
    const n = 200_000;
    const times = Float64Array.from({ length: n }, (_, i) => i * 60_000);
    const equity = Float64Array.from({ length: n }, (_, i) => 1e6 + Math.sin(i / 1000) * 1e4 + i * 0.1);
    equity[123_457] = 2e6; // a spike
    equity[77_777] = 1; // a crash
    equity[n - 1] = 1578294.487658635;
    const r = downsampleEquity(times, equity, 5_000);
    expect(r.times.length).toBeLessThanOrEqual(5_000);
    expect(r.times.length).toBeGreaterThan(4_000);
    expect(r.equity[0]).toBe(equity[0]);
    expect(r.equity.at(-1)).toBe(1578294.487658635);
    expect(r.times.at(-1)).toBe(times[n - 1]);
    expect(r.equity).toContain(2e6);
    expect(r.equity).toContain(1);
    for (let i = 1; i < r.times.length; i++) expect(r.times[i]).toBeGreaterThan(r.times[i - 1]);
  });

  it('scales a benchmark to the start value, null before it has data', () => {
    const out = scaledBenchmark([1, 2, 3, 4], [2, 4], [50, 75], 1000);
    expect(out).toEqual([null, 1000, 1000, 1500]);
  });
});

describe('pickSeries (which bars a run uses by default)', () => {
  const raw = { adjustment: 'raw', from: '2001-08-27', to: '2022-01-14', bars: 4874 };
  const qfq = { adjustment: 'qfq', from: '2020-01-02', to: '2025-09-30', bars: 1395 };
  it('takes the series with the most bars in the range, qfq on a tie', () => {
    expect(pickSeries([raw, qfq]).adjustment).toBe('raw');
    expect(pickSeries([raw, qfq], '2015-01-01').adjustment).toBe('raw');
    expect(pickSeries([raw, qfq], '2021-01-01').adjustment).toBe('qfq');
    expect(pickSeries([raw, { ...raw, adjustment: 'qfq' }]).adjustment).toBe('qfq');
  });
});
