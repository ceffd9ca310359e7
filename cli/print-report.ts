import type { TBacktestResult } from '@/server/engine/run-backtest';
import { formatBarTime } from '@/server/data/bar-columns';

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)}%`;
const num = (x: number | null, d = 2) => (x === null ? '—' : x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));

/** The human-readable summary of `nofx backtest` (without --json). */
export function printBacktestReport(result: TBacktestResult, timing: { bars: number; loadMs: number; compileMs: number; runMs: number }, intraday: boolean): void {
  const m = result.metrics;
  const rows: Array<[string, string]> = [
    ['Final equity', num(m.finalEquity)],
    ['Total return', pct(m.totalReturn)],
    ['Annual return', pct(m.annualReturn)],
    ['Max drawdown', `${pct(-m.maxDrawdown)} (${m.maxDrawdownBars} bars under water)`],
    ['Volatility', pct(m.volatility)],
    ['Sharpe / Sortino / Calmar', `${num(m.sharpe)} / ${num(m.sortino)} / ${num(m.calmar)}`],
    ['Trades (closed)', String(m.trades)],
    ['Win rate', pct(m.winRate)],
    ['Profit factor', num(m.profitFactor)],
    ['Avg win / loss', `${num(m.avgWin)} / ${num(m.avgLoss)}`],
    ['Exposure', pct(m.exposure)],
    ['Turnover', `${num(m.turnover)}×`],
    ['Fees', num(m.fees)],
  ];
  if (m.benchmarkReturn !== null) rows.push(['Benchmark return', pct(m.benchmarkReturn)], ['Alpha / Beta', `${num(m.alpha, 4)} / ${num(m.beta, 3)}`]);
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  const first = result.times[0];
  const last = result.times[result.times.length - 1];
  console.log(`\n${timing.bars} bars ${formatBarTime(first, intraday)} → ${formatBarTime(last, intraday)}, warm-up ${result.warmup}; load ${timing.loadMs} ms, compile ${timing.compileMs} ms, run ${timing.runMs} ms`);
  const rejected = result.orderEvents.filter((e) => e.status === 'rejected').length;
  if (rejected > 0) console.log(`${rejected} order(s) rejected (run with --json to see why)`);
}
