import type { TTrade } from '../kernel/types';

/**
 * Performance statistics of a run. Returns are simple per-bar returns of the equity curve;
 * annualisation uses the real bar frequency (see periodsPerYear). Conventions, chosen to match
 * what the reference tools print: population standard deviation; Sortino's downside deviation
 * over all bars (returns above the target count as 0); drawdown as a fraction of the running peak.
 */
export interface TMetrics {
  initialCash: number;
  finalEquity: number;
  totalReturn: number;
  annualReturn: number;
  maxDrawdown: number;
  /** longest stretch, in bars, spent below a previous equity peak */
  maxDrawdownBars: number;
  volatility: number;
  sharpe: number;
  sortino: number;
  calmar: number;
  trades: number;
  winRate: number;
  profitFactor: number | null;
  avgWin: number;
  avgLoss: number;
  exposure: number;
  turnover: number;
  fees: number;
  periodsPerYear: number;
  benchmarkReturn: number | null;
  alpha: number | null;
  beta: number | null;
}

export interface TMetricsInput {
  times: ArrayLike<number>;
  equity: ArrayLike<number>;
  initialCash: number;
  trades: readonly TTrade[];
  fees: number;
  tradedValue: number;
  exposedPoints: number;
  /** trading days per year of the market (252 stocks, 365 crypto) */
  tradingDaysPerYear: number;
  /** annual risk-free rate as a fraction */
  riskFreeRate?: number;
  /** benchmark closes aligned with `times` (NaN where missing) */
  benchmark?: ArrayLike<number>;
}

const DAY_MS = 86_400_000;
const SMALL_RUNS = 4096;

/**
 * Bars per year from the bar spacing: intraday = median bars per day × trading days, daily =
 * trading days, weekly 52, monthly 12. Times are sorted, so days are runs; one pass, no sorting.
 */
export function periodsPerYear(times: ArrayLike<number>, tradingDaysPerYear: number): number {
  const n = times.length;
  if (n < 2) return tradingDaysPerYear;
  // bars-per-day counts: an array for the usual counts (a Map update per day was most of the
  // cost on a million daily bars), a Map for the rare day with more bars than that
  const histogram = new Float64Array(SMALL_RUNS);
  const largeRuns = new Map<number, number>();
  let days = 0;
  let run = 1;
  let weeklyGaps = 0;
  let monthlyGaps = 0;
  let prevDay = Math.floor(times[0] / DAY_MS);
  for (let i = 1; i <= n; i++) {
    let sameDay = false;
    if (i < n) {
      const day = Math.floor(times[i] / DAY_MS);
      sameDay = day === prevDay;
      prevDay = day;
      const gap = (times[i] - times[i - 1]) / DAY_MS;
      if (gap >= 5) weeklyGaps++;
      if (gap >= 20) monthlyGaps++;
    }
    if (sameDay) run++;
    else {
      if (run < SMALL_RUNS) histogram[run]++;
      else largeRuns.set(run, (largeRuns.get(run) ?? 0) + 1);
      days++;
      run = 1;
    }
  }
  const counts: Array<[number, number]> = [];
  for (let c = 1; c < SMALL_RUNS; c++) if (histogram[c] > 0) counts.push([c, histogram[c]]);
  counts.push(...[...largeRuns].sort((a, b) => a[0] - b[0]));
  let seen = 0;
  let medianPerDay = 1;
  for (const [count, freq] of counts) {
    seen += freq;
    if (seen > days / 2) {
      medianPerDay = count;
      break;
    }
  }
  if (medianPerDay > 1) return medianPerDay * tradingDaysPerYear;
  if (monthlyGaps > (n - 1) / 2) return 12;
  if (weeklyGaps > (n - 1) / 2) return 52;
  return tradingDaysPerYear;
}

export function computeMetrics(input: TMetricsInput): TMetrics {
  const { equity, times, initialCash, trades } = input;
  const n = equity.length;
  const finalEquity = n > 0 ? equity[n - 1] : initialCash;
  const ppy = periodsPerYear(times, input.tradingDaysPerYear);
  const rfPerBar = (input.riskFreeRate ?? 0) / ppy;

  // Per-bar returns, recomputed in each pass rather than stored: an 8 MB array per million bars
  // costs more in first-touch page faults than the arithmetic (same values either way).
  const returnAt = (i: number) => {
    const prev = i === 0 ? initialCash : equity[i - 1];
    return prev > 0 ? equity[i] / prev - 1 : 0;
  };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += returnAt(i);
  const mean = n > 0 ? sum / n : 0;
  let squares = 0;
  let downSquares = 0;
  for (let i = 0; i < n; i++) {
    const r = returnAt(i);
    squares += (r - mean) ** 2;
    downSquares += Math.min(0, r - rfPerBar) ** 2;
  }
  const std = Math.sqrt(n > 0 ? squares / n : 0);
  const downside = Math.sqrt(n > 0 ? downSquares / n : 0);

  let peak = initialCash;
  let maxDrawdown = 0;
  let underwater = 0;
  let maxDrawdownBars = 0;
  for (let i = 0; i < n; i++) {
    if (equity[i] >= peak) {
      peak = equity[i];
      underwater = 0;
    } else {
      underwater++;
      if (underwater > maxDrawdownBars) maxDrawdownBars = underwater;
      const dd = (peak - equity[i]) / peak;
      if (dd > maxDrawdown) maxDrawdown = dd;
    }
  }

  const totalReturn = finalEquity / initialCash - 1;
  const annualReturn = n > 0 && finalEquity > 0 ? Math.pow(finalEquity / initialCash, ppy / n) - 1 : -1;
  const wins = trades.filter((t) => t.pnl > 0);
  const losses = trades.filter((t) => t.pnl <= 0);
  const grossWin = wins.reduce((a, t) => a + t.pnl, 0);
  const grossLoss = -losses.reduce((a, t) => a + t.pnl, 0);
  const avgEquity = n > 0 ? average(equity) : initialCash;

  let benchmarkReturn: number | null = null;
  let alpha: number | null = null;
  let beta: number | null = null;
  if (input.benchmark && input.benchmark.length === n && n > 1) {
    const b = input.benchmark;
    const pairs: Array<[number, number]> = [];
    let first = NaN;
    let last = NaN;
    for (let i = 0; i < n; i++) {
      if (b[i] === b[i]) {
        if (first !== first) first = b[i];
        last = b[i];
      }
      if (i > 0 && b[i] === b[i] && b[i - 1] === b[i - 1] && b[i - 1] > 0) pairs.push([returnAt(i), b[i] / b[i - 1] - 1]);
    }
    if (first === first && first > 0) benchmarkReturn = last / first - 1;
    if (pairs.length > 1) {
      const mr = pairs.reduce((a, p) => a + p[0], 0) / pairs.length;
      const mb = pairs.reduce((a, p) => a + p[1], 0) / pairs.length;
      const cov = pairs.reduce((a, p) => a + (p[0] - mr) * (p[1] - mb), 0) / pairs.length;
      const varB = pairs.reduce((a, p) => a + (p[1] - mb) ** 2, 0) / pairs.length;
      beta = varB > 0 ? cov / varB : null;
      alpha = beta === null ? null : (mr - rfPerBar - beta * (mb - rfPerBar)) * ppy;
    }
  }

  return {
    initialCash,
    finalEquity,
    totalReturn,
    annualReturn,
    maxDrawdown,
    maxDrawdownBars,
    volatility: std * Math.sqrt(ppy),
    sharpe: std > 0 ? ((mean - rfPerBar) / std) * Math.sqrt(ppy) : 0,
    sortino: downside > 0 ? ((mean - rfPerBar) / downside) * Math.sqrt(ppy) : 0,
    calmar: maxDrawdown > 0 ? annualReturn / maxDrawdown : 0,
    trades: trades.length,
    winRate: trades.length > 0 ? wins.length / trades.length : 0,
    profitFactor: grossLoss > 0 ? grossWin / grossLoss : null,
    avgWin: wins.length > 0 ? grossWin / wins.length : 0,
    avgLoss: losses.length > 0 ? -grossLoss / losses.length : 0,
    exposure: n > 0 ? input.exposedPoints / n : 0,
    turnover: avgEquity > 0 ? input.tradedValue / avgEquity : 0,
    fees: input.fees,
    periodsPerYear: ppy,
    benchmarkReturn,
    alpha,
    beta,
  };
}

function average(values: ArrayLike<number>, f?: (v: number) => number): number {
  const n = values.length;
  if (n === 0) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += f ? f(values[i]) : values[i];
  return sum / n;
}
