// Input schemas and DTOs of the Backtest Lab. Messages are error codes the UI translates.
import { z } from 'zod';
import { ZGraphSchema, type TGraph } from '@/nodes/sdk/graph-schema';
import type { TCompileError } from '@/nodes/compile/types';
import type { TAiRunStats } from '@/server/ai/record/ai-run-stats';
import type { TMetrics } from '@/server/engine/metrics/compute-metrics';

export const MARKET_IDS = ['cn-a', 'hk', 'us', 'crypto'] as const;
export type TBacktestMarket = (typeof MARKET_IDS)[number];
export const TIMEFRAMES = ['1m', '5m', '15m', '1h', '1d', '1w'] as const;
export const ADJUSTMENTS = ['raw', 'qfq', 'hfq', 'split-adj', 'none'] as const;
export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type TRunStatus = (typeof RUN_STATUSES)[number];

export const MAX_SYMBOLS = 20;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

const ZId = z.string({ error: 'invalid_input' }).min(1, 'invalid_input').max(64, 'invalid_input');
const ZDate = z
  .string({ error: 'date_range_invalid' })
  .regex(DATE_RE, 'date_range_invalid')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'date_range_invalid');

export const ZBacktestSymbolSchema = z.object({
  symbol: z.string({ error: 'unknown_symbol' }).trim().min(1, 'unknown_symbol').max(32, 'unknown_symbol'),
  /** market rules to apply; inferred from the code when absent */
  market: z.enum(MARKET_IDS, { error: 'invalid_input' }).optional(),
  /** board lot override (shares per lot); the market's own when absent */
  lotSize: z.number({ error: 'invalid_input' }).int('invalid_input').min(1, 'invalid_input').max(1_000_000, 'invalid_input').optional(),
  /** price adjustment of the series; default: forward-adjusted (qfq) where there is such a series, else the series' own */
  adjustment: z.enum(ADJUSTMENTS, { error: 'invalid_input' }).optional(),
});

export const ZBacktestCostsSchema = z.object({
  /** fraction of traded value, e.g. 0.00025 = 0.025% */
  commissionRate: z.number({ error: 'cost_invalid' }).min(0, 'cost_invalid').max(0.05, 'cost_invalid').optional(),
  minCommission: z.number({ error: 'cost_invalid' }).min(0, 'cost_invalid').max(10_000, 'cost_invalid').optional(),
  slippageBps: z.number({ error: 'cost_invalid' }).min(0, 'cost_invalid').max(1_000, 'cost_invalid').optional(),
});

export const ZStartBacktestSchema = z
  .object({
    strategyId: ZId.optional(),
    /** the graph to run (the editor's current canvas); the strategy's saved graph when absent */
    graph: ZGraphSchema.optional(),
    symbols: z.array(ZBacktestSymbolSchema, { error: 'symbols_required' }).min(1, 'symbols_required').max(MAX_SYMBOLS, 'too_many_symbols'),
    timeframe: z.enum(TIMEFRAMES, { error: 'invalid_input' }).default('1d'),
    adjustment: z.enum(ADJUSTMENTS, { error: 'invalid_input' }).optional(),
    /** exchange-local dates, inclusive */
    from: ZDate.optional(),
    to: ZDate.optional(),
    initialCash: z.number({ error: 'initial_cash_invalid' }).positive('initial_cash_invalid').max(1e13, 'initial_cash_invalid'),
    fillTiming: z.enum(['next-open', 'close'], { error: 'invalid_input' }).default('next-open'),
    costs: ZBacktestCostsSchema.default({}),
    /** a symbol whose closes are the benchmark (alpha/beta, overlay) */
    benchmark: z.string().trim().min(1).max(32).optional(),
    /** per-node param overrides: { nodeId: { param: value } } */
    overrides: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    /** AI nodes: call models (answers cached), or replay cached answers only and fail on a miss */
    aiMode: z.enum(['live', 'replay-only'], { error: 'invalid_input' }).default('live'),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: 'date_range_invalid', path: ['to'] })
  .refine((p) => p.strategyId || p.graph, { message: 'graph_invalid', path: ['graph'] });

export type TStartBacktestInput = z.input<typeof ZStartBacktestSchema>;
export type TBacktestParams = z.output<typeof ZStartBacktestSchema>;
/** What is stored in BacktestRun.paramsJson: the params without the graph (kept in its own column). */
export type TStoredParams = Omit<TBacktestParams, 'graph'> & {
  /** per symbol, as resolved at start: market, zone, tick, currency, names */
  resolved: TResolvedSymbol[];
};

export interface TResolvedSymbol {
  symbol: string;
  market: TBacktestMarket;
  /** the market was chosen by the user instead of inferred */
  marketOverridden: boolean;
  timezone: string;
  currency: string;
  tick: number;
  lotSize: number;
  name: { zh?: string; en?: string };
  bars: number;
  adjustment: string;
  /** exchange-local ISO of the first and last bar */
  from: string;
  to: string;
}

export const ZRunRefSchema = z.object({ id: ZId });
export const ZListRunsSchema = z.object({
  strategyId: ZId.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const ZCompareRunsSchema = z.object({ ids: z.array(ZId).min(2, 'compare_needs_two').max(8, 'invalid_input') });
export const ZRunBarsSchema = z.object({ id: ZId, symbol: z.string().trim().min(1).max(32) });
export const ZNodeSeriesSchema = z.object({ id: ZId, symbol: z.string().trim().min(1).max(32), nodeId: z.string().min(1).max(64) });
export const ZSearchSymbolsSchema = z.object({ query: z.string().trim().max(40).default(''), limit: z.number().int().min(1).max(50).default(20) });

/** Failures are stored as a code the UI translates plus a plain-language detail (never a stack). */
export type TRunError = {
  code: 'compile_failed' | 'data_failed' | 'engine_failed' | 'server_restarted' | 'cancelled' | 'timeout' | 'ai_replay_miss';
  message: string;
  /** per-node compile problems, when the graph does not compile */
  nodeErrors?: TCompileError[];
};

export type TRunSummary = {
  id: string;
  strategyId: string | null;
  strategyName: string | null;
  status: TRunStatus;
  progress: number;
  barsDone: number;
  barsTotal: number | null;
  symbols: string[];
  timeframe: string;
  from: string | null;
  to: string | null;
  initialCash: number;
  metrics: TMetrics | null;
  error: TRunError | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type TRunDetail = TRunSummary & { params: TStoredParams; graph: TGraph | null };

export type TEquitySeries = {
  /** exchange-local ms as if UTC */
  times: number[];
  equity: number[];
  /** benchmark scaled to the initial cash, when there is one */
  benchmark: number[] | null;
  /** points in the full curve before downsampling */
  sourcePoints: number;
};

export type TTradeDto = {
  symbol: string;
  side: 'long';
  entryTime: number;
  exitTime: number;
  qty: number;
  entryPrice: number;
  exitPrice: number;
  pnl: number;
  /** pnl ÷ entry value */
  returnPct: number;
  fees: number;
  bars: number;
};
export type TFillDto = { orderId: string; time: number; symbol: string; side: 'buy' | 'sell'; qty: number; price: number; fee: number; feeParts: Record<string, number>; reason: string };
export type TOrderEventDto = { time: number; symbol: string; side: 'buy' | 'sell'; qty: number; status: 'rejected' | 'expired'; reason: string; nodeId: string };

export type TRunResult = {
  equity: TEquitySeries;
  trades: TTradeDto[];
  fills: TFillDto[];
  orderEvents: TOrderEventDto[];
  /** how many were recorded before the lists were capped for storage */
  counts: { trades: number; fills: number; orderEvents: number };
  timing: { compileMs: number; runMs: number; loadMs: number };
  /** AI nodes' calls, cache hits, failures, tokens and cost; null when the graph has no AI node */
  ai: TAiRunStats | null;
};

export type TBarsDto = { symbol: string; times: number[]; open: number[]; high: number[]; low: number[]; close: number[]; volume: number[]; truncated: boolean };

/** One node's outputs over the bars of a run, aligned with TBarsDto.times (null before a value exists). */
export type TNodeSeriesDto = {
  nodeId: string;
  symbol: string;
  times: number[];
  outputs: Array<{ name: string; type: string; label: { en: string; zh: string }; values: Array<number | null> }>;
  /** the node's value depends on the run's positions or AI answers: not recomputed for display */
  unavailable: 'trading_phase' | null;
  truncated: boolean;
};

export type TSymbolOption = {
  symbol: string;
  market: TBacktestMarket;
  name: { zh?: string; en?: string };
  timezone: string;
  currency: string;
  lotSize: number;
  tick: number;
  series: Array<{ timeframe: string; adjustment: string; from: string; to: string; bars: number }>;
};
