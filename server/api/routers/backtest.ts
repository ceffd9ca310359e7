// Backtest Lab: every procedure is protected and owner-scoped; runs execute as jobs, progress streams
// to the page over SSE (`progress`, ending with the run's final status).
import type { TDb } from '@/server/db';
import { backtestJobs } from '@/server/services/backtest/backtest-jobs';
import { cancelBacktestRun } from '@/server/services/backtest/cancel-backtest-run';
import { compareBacktestRuns } from '@/server/services/backtest/compare-backtest-runs';
import { deleteBacktestRun } from '@/server/services/backtest/delete-backtest-run';
import { getBacktestResult } from '@/server/services/backtest/get-backtest-result';
import { getBacktestRun } from '@/server/services/backtest/get-backtest-run';
import { getRunBars } from '@/server/services/backtest/get-run-bars';
import { getRunRules } from '@/server/services/backtest/get-run-rules';
import { inspectRunNode } from '@/server/services/backtest/inspect-run-node';
import { listBacktestRuns } from '@/server/services/backtest/list-backtest-runs';
import { backtestMarketData } from '@/server/services/backtest/market-data';
import {
  ZCompareRunsSchema,
  ZListRunsSchema,
  ZNodeSeriesSchema,
  ZRunBarsSchema,
  ZRunRefSchema,
  ZSearchSymbolsSchema,
  ZStartBacktestSchema,
} from '@/server/services/backtest/schemas';
import { searchSymbols } from '@/server/services/backtest/search-symbols';
import { startBacktest } from '@/server/services/backtest/start-backtest';
import { watchBacktestProgress } from '@/server/services/backtest/watch-backtest-progress';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/** The process's runner, after runs a previous process left behind are marked failed. */
async function jobs(db: TDb) {
  const j = backtestJobs(db);
  await j.ready;
  return j.runner;
}

export const backtestRouter = createTRPCRouter({
  symbols: protectedProcedure.input(ZSearchSymbolsSchema).query(({ ctx, input }) => searchSymbols(backtestMarketData(ctx.db), input)),
  start: protectedProcedure
    .input(ZStartBacktestSchema)
    .mutation(async ({ ctx, input }) => startBacktest(ctx.db, { jobs: await jobs(ctx.db), reader: backtestMarketData(ctx.db) }, { ...input, ownerId: ctx.userId })),
  list: protectedProcedure.input(ZListRunsSchema).query(async ({ ctx, input }) => {
    await jobs(ctx.db);
    return listBacktestRuns(ctx.db, { ...input, ownerId: ctx.userId });
  }),
  get: protectedProcedure.input(ZRunRefSchema).query(async ({ ctx, input }) => {
    await jobs(ctx.db);
    return getBacktestRun(ctx.db, { ...input, ownerId: ctx.userId });
  }),
  progress: protectedProcedure
    .input(ZRunRefSchema)
    .subscription(async ({ ctx, input, signal }) => watchBacktestProgress(ctx.db, { jobs: await jobs(ctx.db) }, { ownerId: ctx.userId, id: input.id, signal })),
  result: protectedProcedure.input(ZRunRefSchema).query(({ ctx, input }) => getBacktestResult(ctx.db, { ...input, ownerId: ctx.userId })),
  /** the market rules in force for each symbol of a run (and what changed during it) */
  rules: protectedProcedure.input(ZRunRefSchema).query(({ ctx, input }) => getRunRules(ctx.db, { ...input, ownerId: ctx.userId })),
  /** one node's output series over a run's bars (node inspection under the K-line) */
  nodeSeries: protectedProcedure
    .input(ZNodeSeriesSchema)
    .query(({ ctx, input }) => inspectRunNode(ctx.db, { reader: backtestMarketData(ctx.db) }, { ...input, ownerId: ctx.userId })),
  bars: protectedProcedure.input(ZRunBarsSchema).query(({ ctx, input }) => getRunBars(ctx.db, { reader: backtestMarketData(ctx.db) }, { ...input, ownerId: ctx.userId })),
  cancel: protectedProcedure
    .input(ZRunRefSchema)
    .mutation(async ({ ctx, input }) => cancelBacktestRun(ctx.db, { jobs: await jobs(ctx.db) }, { ...input, ownerId: ctx.userId })),
  delete: protectedProcedure
    .input(ZRunRefSchema)
    .mutation(async ({ ctx, input }) => deleteBacktestRun(ctx.db, { jobs: await jobs(ctx.db) }, { ...input, ownerId: ctx.userId })),
  compare: protectedProcedure.input(ZCompareRunsSchema).query(({ ctx, input }) => compareBacktestRuns(ctx.db, { ...input, ownerId: ctx.userId })),
});
