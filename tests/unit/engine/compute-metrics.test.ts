import { describe, expect, it } from 'vitest';
import { computeMetrics, periodsPerYear } from '@/server/engine/metrics/compute-metrics';
import type { TTrade } from '@/server/engine/kernel/types';

const DAY = 86_400_000;
const days = (n: number, start = Date.UTC(2024, 0, 1)) => Array.from({ length: n }, (_, i) => start + i * DAY);

function trade(pnl: number): TTrade {
  return { symbol: 'X', side: 'long', entryTime: 0, exitTime: 0, qty: 1, entryPrice: 1, exitPrice: 1, pnl, fees: 1, bars: 1 };
}

describe('computeMetrics on a hand-computed curve 100 → 110 → 99 → 121', () => {
  // returns: 0, +10%, −10%, +22.2…%; mean 0.0555…, population std 0.119412…
  const m = computeMetrics({
    times: days(4),
    equity: [100, 110, 99, 121],
    initialCash: 100,
    trades: [trade(30), trade(-10), trade(5)],
    fees: 3,
    tradedValue: 430,
    exposedPoints: 3,
    tradingDaysPerYear: 252,
  });

  it('returns, drawdown and its duration', () => {
    expect(m.finalEquity).toBe(121);
    expect(m.totalReturn).toBeCloseTo(0.21, 12);
    expect(m.maxDrawdown).toBeCloseTo(0.1, 12); // 110 → 99
    expect(m.maxDrawdownBars).toBe(1);
    expect(m.annualReturn).toBeCloseTo(Math.pow(1.21, 252 / 4) - 1, 6);
  });

  it('volatility, Sharpe, Sortino, Calmar annualised with 252 bars per year', () => {
    expect(m.periodsPerYear).toBe(252);
    expect(m.volatility).toBeCloseTo(1.8956089610817248, 12);
    expect(m.sharpe).toBeCloseTo(7.385489458759968, 12);
    expect(m.sortino).toBeCloseTo(17.638342073763962, 12);
    expect(m.calmar).toBeCloseTo(m.annualReturn / 0.1, 6);
  });

  it('trade statistics, exposure, turnover, fees', () => {
    expect(m.trades).toBe(3);
    expect(m.winRate).toBeCloseTo(2 / 3, 12);
    expect(m.profitFactor).toBeCloseTo(35 / 10, 12);
    expect(m.avgWin).toBeCloseTo(17.5, 12);
    expect(m.avgLoss).toBeCloseTo(-10, 12);
    expect(m.exposure).toBeCloseTo(0.75, 12);
    expect(m.turnover).toBeCloseTo(430 / 107.5, 12); // traded value ÷ average equity
    expect(m.fees).toBe(3);
  });
});

describe('computeMetrics edge cases', () => {
  it('no trades and a flat curve give zeros, not NaN or Infinity', () => {
    const m = computeMetrics({ times: days(3), equity: [100, 100, 100], initialCash: 100, trades: [], fees: 0, tradedValue: 0, exposedPoints: 0, tradingDaysPerYear: 252 });
    expect([m.sharpe, m.sortino, m.calmar, m.maxDrawdown, m.winRate, m.volatility]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(m.profitFactor).toBeNull();
  });

  it('a risk-free rate lowers the Sharpe ratio', () => {
    const base = { times: days(4), equity: [100, 110, 99, 121], initialCash: 100, trades: [], fees: 0, tradedValue: 0, exposedPoints: 0, tradingDaysPerYear: 252 };
    const rf = computeMetrics({ ...base, riskFreeRate: 0.0252 }); // 0.0001 per bar
    expect(rf.sharpe).toBeCloseTo(((0.05555555555555561 - 0.0001) / 0.11941214033447047) * Math.sqrt(252), 10);
  });

  it('benchmark return, beta and alpha: a strategy that is exactly 2× the benchmark has beta 2', () => {
    const bench = [100, 101, 99, 102, 103];
    const eq = [1000];
    for (let i = 1; i < bench.length; i++) eq.push(eq[i - 1] * (1 + 2 * (bench[i] / bench[i - 1] - 1)));
    const m = computeMetrics({ times: days(5), equity: eq, initialCash: 1000, trades: [], fees: 0, tradedValue: 0, exposedPoints: 5, tradingDaysPerYear: 252, benchmark: bench });
    expect(m.benchmarkReturn).toBeCloseTo(0.03, 12);
    expect(m.beta).toBeCloseTo(2, 10);
    expect(m.alpha).toBeCloseTo(0, 10);
  });
});

describe('periodsPerYear follows the bar spacing', () => {
  it('daily stock bars: 252; crypto daily: 365', () => {
    expect(periodsPerYear(days(10), 252)).toBe(252);
    expect(periodsPerYear(days(10), 365)).toBe(365);
  });
  it('intraday: bars per day × trading days', () => {
    const t: number[] = [];
    for (let d = 0; d < 5; d++) for (let k = 0; k < 48; k++) t.push(Date.UTC(2024, 0, 1 + d, 9, 30) + k * 5 * 60_000);
    expect(periodsPerYear(t, 252)).toBe(48 * 252);
  });
  it('weekly and monthly bars', () => {
    expect(periodsPerYear(days(10).map((_, i) => Date.UTC(2024, 0, 1) + i * 7 * DAY), 252)).toBe(52);
    expect(periodsPerYear(Array.from({ length: 12 }, (_, i) => Date.UTC(2024, i, 1)), 252)).toBe(12);
  });
});
