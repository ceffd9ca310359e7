/**
 * Pinned backtests: each case runs a built-in template on a bundled real data file; the exact
 * results live in tests/golden/backtests/<name>.json. Regenerate them only on purpose, with
 * `node scripts/update-golden.mjs`, and explain the change in the commit.
 */
export interface TGoldenCase {
  name: string;
  template: string;
  file: string;
  symbol: string;
  market: 'us' | 'crypto' | 'cn-a' | 'hk';
  cash: number;
  commission: number;
}

export const GOLDEN_CASES: TGoldenCase[] = [
  { name: 'sma-crossover.SPY.US', template: 'sma-crossover', file: 'SPY.US_daily.csv', symbol: 'SPY.US', market: 'us', cash: 1_000_000, commission: 0.00025 },
  { name: 'sma-crossover.ORCL.US', template: 'sma-crossover', file: 'ORCL.US_daily.csv', symbol: 'ORCL.US', market: 'us', cash: 1_000_000, commission: 0.00025 },
  { name: 'sma-crossover.YHOO.US', template: 'sma-crossover', file: 'YHOO.US_daily.csv', symbol: 'YHOO.US', market: 'us', cash: 1_000_000, commission: 0.00025 },
  { name: 'sma-crossover.NVDA.US', template: 'sma-crossover', file: 'NVDA.US_daily.csv', symbol: 'NVDA.US', market: 'us', cash: 1_000_000, commission: 0.00025 },
  { name: 'sma-crossover.BTCUSDT', template: 'sma-crossover', file: 'BTCUSDT_daily.csv', symbol: 'BTCUSDT', market: 'crypto', cash: 100_000, commission: 0.001 },
];
