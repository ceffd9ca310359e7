import { compileGraph } from '@/server/engine/compile';
import type { TDb } from '@/server/db';
import type { TMarketDataReader } from '@/server/data/market-data';
import type { TJobRunner } from '@/server/jobs/types';
import { AppError } from '@/server/services/errors';
import { parseStoredGraph } from '@/server/services/strategy/to-strategy-dto';
import { BACKTEST_JOB, type TBacktestJobPayload } from './execute-backtest';
import { loadBacktestSymbols } from './resolve-symbols';
import type { TBacktestParams, TStoredParams } from './schemas';

/**
 * Checks everything a user can get wrong before a run exists (graph compiles, symbols are known,
 * the range has bars), so those come back as 400s with the field or node; then stores the run as
 * queued and hands it to the job runner. Returns at once: progress is polled.
 */
export async function startBacktest(db: TDb, deps: { jobs: TJobRunner; reader: TMarketDataReader }, input: TBacktestParams & { ownerId: string }): Promise<{ id: string }> {
  const { ownerId, graph: inputGraph, ...params } = input;

  let graph = inputGraph;
  if (params.strategyId) {
    const strategy = await db.strategy.findFirst({ where: { id: params.strategyId, ownerId }, select: { graphJson: true } });
    if (!strategy) throw new AppError('not_found', 'strategyId');
    graph ??= parseStoredGraph(strategy.graphJson);
  }
  if (!graph) throw new AppError('graph_invalid', 'graph');

  const compiled = compileGraph(graph, params.overrides);
  if (!compiled.ok) throw new AppError('graph_compile_failed', 'graph', { nodeErrors: compiled.errors });

  const loaded = await loadBacktestSymbols(deps.reader, params);
  if (params.benchmark) await loadBacktestSymbols(deps.reader, { ...params, symbols: [{ symbol: params.benchmark }] }).catch((error: unknown) => {
    if (error instanceof AppError) throw new AppError(error.code, 'benchmark', error.details);
    throw error;
  });

  const stored: TStoredParams = { ...params, resolved: loaded.map((s) => s.resolved) };
  const run = await db.backtestRun.create({
    data: {
      ownerId,
      strategyId: params.strategyId ?? null,
      paramsJson: JSON.stringify(stored),
      graphJson: JSON.stringify(graph),
      status: 'queued',
      barsTotal: loaded.reduce((n, s) => n + s.bars.length, 0),
    },
    select: { id: true },
  });
  try {
    await deps.jobs.enqueue<TBacktestJobPayload>(BACKTEST_JOB, run.id, { runId: run.id });
  } catch (error) {
    await db.backtestRun.update({ where: { id: run.id }, data: { status: 'failed', error: JSON.stringify({ code: 'engine_failed', message: 'The job queue did not accept the run.' }), finishedAt: new Date() } });
    throw error;
  }
  return { id: run.id };
}
