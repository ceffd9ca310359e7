import type { TLlmPort } from '@/nodes/sdk';
import type { TBarColumns } from '@/server/data/bar-columns';
import { getMarketRules } from '@/server/markets';
import { costsFor, type TCostConfig, type TInstrument, type TMarketId } from '@/server/markets/types';
import { compileGraph } from './compile';
import type { TCompileError, TPlan } from './compile';
import { runKernel } from './kernel/run-kernel';
import type { TFillTiming } from './kernel/sim-broker';
import type { TFill, TOrderEvent, TTrade } from './kernel/types';
import { computeMetrics, type TMetrics } from './metrics/compute-metrics';
import { backtestPorts } from './modes';

export interface TBacktestSymbol {
  symbol: string;
  market: TMarketId;
  bars: TBarColumns;
  /** instrument facts; inferred from the code by the market's rules when absent */
  instrument?: TInstrument;
}

export interface TBacktestRequest {
  graph: unknown;
  /** per-node param overrides: { nodeId: { param: value } } */
  overrides?: Record<string, Record<string, unknown>>;
  symbols: TBacktestSymbol[];
  initialCash: number;
  costs?: Partial<TCostConfig>;
  fillTiming?: TFillTiming;
  riskFreeRate?: number;
  /** benchmark closes, by time; aligned to the equity curve */
  benchmark?: TBarColumns;
  llm?: TLlmPort | null;
  chunkBars?: number;
  onProgress?: (done: number, total: number | undefined) => void;
  signal?: AbortSignal;
  runId?: string;
}

export interface TBacktestResult {
  metrics: TMetrics;
  trades: TTrade[];
  fills: TFill[];
  orderEvents: TOrderEvent[];
  times: Float64Array;
  equity: Float64Array;
  warmup: number;
  bars: number;
  cancelled: boolean;
  timing: { compileMs: number; runMs: number };
}

export type TBacktestOutcome = { ok: true; result: TBacktestResult } | { ok: false; errors: TCompileError[] };

/** Compile → ports for backtest mode → the kernel → metrics. Used by the CLI, the API and the jobs. */
export async function runBacktest(request: TBacktestRequest): Promise<TBacktestOutcome> {
  const t0 = performance.now();
  const compiled = compileGraph(request.graph, request.overrides);
  if (!compiled.ok) return compiled;
  const compileMs = performance.now() - t0;
  return { ok: true, result: await runPlan(compiled.plan, request, compileMs) };
}

export async function runPlan(plan: TPlan, request: TBacktestRequest, compileMs = 0): Promise<TBacktestResult> {
  const rules = request.symbols.map((s) => {
    const r = getMarketRules(s.market);
    if (!r) throw new Error(`market "${s.market}" has no rules yet`);
    return r;
  });
  const instruments = request.symbols.map((s, k) => s.instrument ?? rules[k].inferInstrument(s.symbol));
  const fills: TFill[] = [];
  const orderEvents: TOrderEvent[] = [];
  const ports = backtestPorts({
    symbols: request.symbols.map((s) => s.symbol),
    bars: request.symbols.map((s) => s.bars),
    market: {
      rules,
      instruments,
      // each market's own defaults (e.g. CN-A's 5 CNY minimum commission) under what the user set
      costs: rules.map((r) => costsFor(r, request.costs)),
      fillTiming: request.fillTiming ?? 'next-open',
    },
    sink: { fill: (f) => fills.push(f), order: (e) => orderEvents.push(e), progress: request.onProgress },
    llm: request.llm,
    chunkBars: request.chunkBars,
    signal: request.signal,
    runId: request.runId,
  });
  const run = await runKernel(plan, ports, { initialCash: request.initialCash });
  const account = run.portfolio.account;
  const metrics = computeMetrics({
    times: run.times,
    equity: run.equity,
    initialCash: request.initialCash,
    trades: run.portfolio.trades,
    fees: account.feesPaid,
    tradedValue: account.tradedValue,
    exposedPoints: run.exposedPoints,
    tradingDaysPerYear: Math.min(...rules.map((r) => r.tradingDaysPerYear)),
    riskFreeRate: request.riskFreeRate,
    benchmark: request.benchmark ? alignCloses(run.times, request.benchmark) : undefined,
  });
  return {
    metrics,
    trades: run.portfolio.trades,
    fills,
    orderEvents,
    times: run.times,
    equity: run.equity,
    warmup: run.warmup,
    bars: run.bars,
    cancelled: run.cancelled,
    timing: { compileMs, runMs: run.runMs },
  };
}


/** The benchmark's last close at or before each time (NaN before its first bar). */
function alignCloses(times: Float64Array, benchmark: TBarColumns): Float64Array {
  const out = new Float64Array(times.length).fill(NaN);
  let j = -1;
  for (let i = 0; i < times.length; i++) {
    while (j + 1 < benchmark.length && benchmark.time[j + 1] <= times[i]) j++;
    if (j >= 0) out[i] = benchmark.close[j];
  }
  return out;
}
