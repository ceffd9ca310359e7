import type { TDb } from '@/server/db';
import { TMarketDataError, type TMarketDataReader } from '@/server/data/market-data';
import type { TBacktestResult } from '@/server/engine/run-backtest';
import type { TJobContext } from '@/server/jobs/types';
import { AppError } from '@/server/services/errors';
import { downsampleEquity, scaledBenchmark } from './downsample-equity';
import { findSymbol, loadBacktestSymbols } from './resolve-symbols';
import type { TEngineRunner } from './run-engine';
import type { TBacktestMarket, TRunError, TRunResult, TStoredParams, TTradeDto } from './schemas';
import type { TAiRunStats } from '@/server/ai/record/ai-run-stats';
import type { TRunLlmPort } from '@/server/ai/decide/create-llm-port';
import { parseParams } from './to-run-dto';

export const BACKTEST_JOB = 'backtest';
export type TBacktestJobPayload = { runId: string };

/** Stored lists are capped so one pathological run cannot fill the database; counts keep the truth. */
export const MAX_STORED_ROWS = 20_000;
export const MAX_EQUITY_POINTS = 5_000;
const PROGRESS_STEP = 0.05;

export interface TExecuteDeps {
  reader: TMarketDataReader;
  runEngine: TEngineRunner;
  /** the LLM port for graphs with AI nodes (their decisions are recorded under the run id) */
  createLlm: (db: TDb, input: { ownerId: string; runId: string; mode: 'live' | 'replay-only'; signal: AbortSignal; marketOf: (symbol: string) => TBacktestMarket }) => Promise<TRunLlmPort>;
  /** server-side log for failures (the row gets a plain message, never a stack) */
  log?: (message: string, error: unknown) => void;
}

/**
 * The job: load bars, run the engine with progress and cancel, store the outcome. Every write is
 * conditional on the run still being active, so a cancel that lands first always wins.
 */
export async function executeBacktest(db: TDb, runId: string, ctx: TJobContext, deps: TExecuteDeps): Promise<void> {
  const row = await db.backtestRun.findUnique({ where: { id: runId }, select: { status: true, paramsJson: true, graphJson: true, ownerId: true } });
  if (!row || row.status !== 'queued') return;
  const started = await db.backtestRun.updateMany({ where: { id: runId, status: 'queued' }, data: { status: 'running', startedAt: new Date() } });
  if (started.count === 0) return;

  const params = parseParams(row.paramsJson);
  try {
    const t0 = performance.now();
    const loaded = await loadBacktestSymbols(deps.reader, params);
    const benchmark = params.benchmark ? await loadBenchmark(deps.reader, params) : undefined;
    const loadMs = performance.now() - t0;
    const total = loaded.reduce((n, s) => n + s.bars.length, 0);

    let lastWritten = 0;
    let writes = Promise.resolve();
    const onProgress = (done: number, expected: number | undefined) => {
      const all = expected ?? total;
      ctx.reportProgress(done, all);
      const fraction = all > 0 ? Math.min(1, done / all) : 0;
      if (fraction - lastWritten < PROGRESS_STEP || fraction >= 1) return;
      lastWritten = fraction;
      // Chained so writes land in order; a failed progress write must not fail the run.
      writes = writes
        .then(() => db.backtestRun.updateMany({ where: { id: runId, status: 'running' }, data: { progress: fraction, barsDone: done, barsTotal: all } }))
        .then(
          () => undefined,
          () => undefined,
        );
    };

    const graph = JSON.parse(row.graphJson ?? 'null') as { nodes?: Array<{ type: string }> } | null;
    const markets = new Map(loaded.map((s) => [s.resolved.symbol, s.resolved.market]));
    // AI nodes get the owner's providers and decision cache; other graphs run without a port (and off this thread).
    const llm = graph?.nodes?.some((n) => n.type.startsWith('ai.'))
      ? await deps.createLlm(db, { ownerId: row.ownerId, runId, mode: params.aiMode ?? 'live', signal: ctx.signal, marketOf: (s) => markets.get(s) ?? 'us' })
      : null;
    const outcome = await deps.runEngine(
      {
        graph,
        llm,
        overrides: params.overrides,
        symbols: loaded.map((s) => ({ symbol: s.resolved.symbol, market: s.resolved.market, bars: s.bars, instrument: s.instrument })),
        initialCash: params.initialCash,
        costs: params.costs,
        fillTiming: params.fillTiming,
        benchmark: benchmark ?? undefined,
        // ~50 slices: progress every 2% and a cancel noticed quickly, at a negligible cost
        chunkBars: Math.max(250, Math.ceil(Math.max(...loaded.map((s) => s.bars.length)) / 50)),
        runId,
      },
      { onProgress, signal: ctx.signal },
    );
    await writes;

    if (!outcome.ok) {
      await fail(db, runId, { code: 'compile_failed', message: outcome.errors.map((e) => e.message).join('; '), nodeErrors: outcome.errors });
      return;
    }
    const result = outcome.result;
    if (result.cancelled || ctx.signal.aborted) {
      await db.backtestRun.updateMany({ where: { id: runId, status: 'running' }, data: { status: 'cancelled', finishedAt: new Date() } });
      return;
    }
    await storeResult(db, runId, params, result, benchmark ?? null, loadMs, llm?.stats ?? null);
  } catch (error) {
    if (ctx.signal.aborted) {
      await db.backtestRun.updateMany({ where: { id: runId, status: 'running' }, data: { status: 'cancelled', finishedAt: new Date() } });
      return;
    }
    deps.log?.(`backtest ${runId} failed`, error);
    await fail(db, runId, describeFailure(error));
  }
}

async function loadBenchmark(reader: TMarketDataReader, params: TStoredParams) {
  const [bench] = await loadBacktestSymbols(reader, { ...params, symbols: [{ symbol: params.benchmark! }] }).catch(async (error) => {
    // A benchmark outside the run's range is not worth failing the run for.
    if (error instanceof AppError && error.code === 'no_bars_in_range') return [];
    if (error instanceof AppError && error.code === 'unknown_symbol' && (await findSymbol(reader, params.benchmark!))) return [];
    throw error;
  });
  return bench?.bars ?? null;
}

async function storeResult(db: TDb, runId: string, params: TStoredParams, result: TBacktestResult, benchmark: { time: Float64Array; close: Float64Array } | null, loadMs: number, ai: TAiRunStats | null) {
  const bench = benchmark ? Float64Array.from(scaledBenchmark(result.times, benchmark.time, benchmark.close, params.initialCash), (v) => v ?? NaN) : undefined;
  const curve = downsampleEquity(result.times, result.equity, MAX_EQUITY_POINTS, bench);
  const trades: TTradeDto[] = result.trades.slice(0, MAX_STORED_ROWS).map((t) => ({ ...t, returnPct: t.entryPrice * t.qty > 0 ? t.pnl / (t.entryPrice * t.qty) : 0 }));
  const stored: TRunResult = {
    equity: { times: curve.times, equity: curve.equity, benchmark: curve.extra, sourcePoints: result.times.length },
    trades,
    fills: result.fills.slice(0, MAX_STORED_ROWS),
    orderEvents: result.orderEvents.slice(0, MAX_STORED_ROWS),
    counts: { trades: result.trades.length, fills: result.fills.length, orderEvents: result.orderEvents.length },
    timing: { compileMs: result.timing.compileMs, runMs: result.timing.runMs, loadMs },
    ai,
  };
  // NaN/±Infinity are not JSON: stored as null, read back as "not available".
  const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? null : x));
  await db.$transaction(async (tx) => {
    const done = await tx.backtestRun.updateMany({
      where: { id: runId, status: 'running' },
      data: { status: 'succeeded', progress: 1, barsDone: result.bars, barsTotal: result.bars, metricsJson: json(result.metrics), finishedAt: new Date() },
    });
    if (done.count === 0) return; // cancelled meanwhile
    await tx.backtestResult.create({
      data: {
        runId,
        equityJson: json(stored.equity),
        tradesJson: json(stored.trades),
        fillsJson: json(stored.fills),
        orderEventsJson: json({ events: stored.orderEvents, counts: stored.counts, timing: stored.timing, ai: stored.ai }),
      },
    });
  });
}

async function fail(db: TDb, runId: string, error: TRunError) {
  await db.backtestRun.updateMany({ where: { id: runId, status: { in: ['queued', 'running'] } }, data: { status: 'failed', error: JSON.stringify(error), finishedAt: new Date() } });
}

/** A message a user can act on; internal errors keep only their first line (never a stack). */
export function describeFailure(error: unknown): TRunError {
  if (error instanceof AppError) {
    const details = error.details as { symbol?: string } | undefined;
    return { code: 'data_failed', message: `${error.code}${details?.symbol ? `: ${details.symbol}` : ''}` };
  }
  if (error instanceof TMarketDataError) return { code: 'data_failed', message: error.message };
  if (error instanceof Error && error.name === 'ReplayMissError') return { code: 'ai_replay_miss', message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'engine_failed', message: message.split('\n')[0].slice(0, 500) || 'engine error' };
}
