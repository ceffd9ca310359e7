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
  // Built-in templates, each on the first of its suggested symbols. A-shares run on the forward-adjusted
  // (qfq) files where there is one, so dividends and bonus issues do not show up as price gaps; 300750.SZ
  // is raw, but it had no split or bonus issue in its range and its dividends were about 0.1% a year.
  { name: 'ema-ribbon.NDX.US', template: 'ema-ribbon', file: 'NDX.US_daily.csv', symbol: 'NDX.US', market: 'us', cash: 1_000_000, commission: 0.00025 },
  { name: 'macd-cross.601318.SH', template: 'macd-cross', file: '601318.SH_daily_qfq.csv', symbol: '601318.SH', market: 'cn-a', cash: 1_000_000, commission: 0.00025 },
  { name: 'rsi-reversion.SPY.US', template: 'rsi-reversion', file: 'SPY.US_daily.csv', symbol: 'SPY.US', market: 'us', cash: 1_000_000, commission: 0.00025 },
  { name: 'bollinger-breakout.BTCUSDT', template: 'bollinger-breakout', file: 'BTCUSDT_daily.csv', symbol: 'BTCUSDT', market: 'crypto', cash: 100_000, commission: 0.001 },
  { name: 'kdj-cross.600519.SH', template: 'kdj-cross', file: '600519.SH_daily_qfq.csv', symbol: '600519.SH', market: 'cn-a', cash: 1_000_000, commission: 0.00025 },
  { name: 'turtle-breakout.AAPL.US', template: 'turtle-breakout', file: 'AAPL.US_daily.csv', symbol: 'AAPL.US', market: 'us', cash: 1_000_000, commission: 0.00025 },
  { name: 'turtle-breakout.BTCUSDT', template: 'turtle-breakout', file: 'BTCUSDT_daily.csv', symbol: 'BTCUSDT', market: 'crypto', cash: 100_000, commission: 0.001 },
  { name: 'dual-thrust.BTCUSDT', template: 'dual-thrust', file: 'BTCUSDT_daily.csv', symbol: 'BTCUSDT', market: 'crypto', cash: 100_000, commission: 0.001 },
  { name: 'volume-breakout.300750.SZ', template: 'volume-breakout', file: '300750.SZ_daily.csv', symbol: '300750.SZ', market: 'cn-a', cash: 1_000_000, commission: 0.00025 },
  { name: 'trend-trailing-stop.HSI.HK', template: 'trend-trailing-stop', file: 'HSI.HK_daily.csv', symbol: 'HSI.HK', market: 'hk', cash: 1_000_000, commission: 0.00025 },
  { name: 'boll-reversion.000001.SZ', template: 'boll-reversion', file: '000001.SZ_daily_qfq.csv', symbol: '000001.SZ', market: 'cn-a', cash: 1_000_000, commission: 0.00025 },
  { name: 'candle-reversal.BTCUSDT', template: 'candle-reversal', file: 'BTCUSDT_daily.csv', symbol: 'BTCUSDT', market: 'crypto', cash: 100_000, commission: 0.001 },
  // AI templates: no provider is configured in tests, so "auto" resolves to the heuristic analyst
  // (fixed rules, labelled as such) and the results are deterministic.
  { name: 'ai-trend-gate.SPY.US', template: 'ai-trend-gate', file: 'SPY.US_daily.csv', symbol: 'SPY.US', market: 'us', cash: 1_000_000, commission: 0.00025 },
  { name: 'ai-debate-risk-gate.600519.SH', template: 'ai-debate-risk-gate', file: '600519.SH_daily_qfq.csv', symbol: '600519.SH', market: 'cn-a', cash: 1_000_000, commission: 0.00025 },
];
