import type { TDb } from '@/server/db';
import { getJobRunner } from '@/server/jobs';
import type { TJobRunner } from '@/server/jobs/types';
import { BACKTEST_JOB, executeBacktest, type TBacktestJobPayload, type TExecuteDeps } from './execute-backtest';
import { backtestMarketData } from './market-data';
import { runEngineAuto, warmEngineWorker } from './run-engine';
import { createRunLlmPort } from '@/server/services/ai/create-run-llm-port';
import type { TRunError } from './schemas';

export interface TBacktestJobs {
  runner: TJobRunner;
  /** which load of this module registered the handler (dev hot reloads register the new code) */
  token?: symbol;
  /** resolves once stale runs of a previous process are marked failed */
  ready: Promise<void>;
}

/**
 * Runs queued or running when this process starts belong to a process that is gone (the
 * in-process runner keeps nothing across restarts): they are marked failed, with the reason.
 */
export async function recoverStaleRuns(db: TDb): Promise<number> {
  const error: TRunError = { code: 'server_restarted', message: 'The server restarted while this backtest was queued or running. Run it again.' };
  const { count } = await db.backtestRun.updateMany({
    where: { status: { in: ['queued', 'running'] } },
    data: { status: 'failed', error: JSON.stringify(error), finishedAt: new Date() },
  });
  return count;
}

/** Wires the backtest handler into a runner (tests build their own runner and database). */
export function createBacktestJobs(db: TDb, runner: TJobRunner, deps?: Partial<TExecuteDeps>): TBacktestJobs {
  registerBacktestHandler(db, runner, deps);
  return { runner, ready: recoverStaleRuns(db).then(() => undefined) };
}

function registerBacktestHandler(db: TDb, runner: TJobRunner, deps?: Partial<TExecuteDeps>): void {
  const full: TExecuteDeps = {
    reader: deps?.reader ?? backtestMarketData(db),
    runEngine: deps?.runEngine ?? runEngineAuto,
    createLlm: deps?.createLlm ?? ((database, input) => createRunLlmPort(database, input)),
    log: deps?.log ?? ((message, error) => console.error(`[backtest] ${message}:`, error)),
  };
  runner.register<TBacktestJobPayload>(BACKTEST_JOB, (payload, ctx) => executeBacktest(db, payload.runId, ctx, full));
}

const MODULE_TOKEN = Symbol('backtest-jobs');

// Per database, on globalThis so `next dev` hot reloads keep the runner with its running jobs.
const store = globalThis as unknown as { __nofxBacktestJobs?: WeakMap<TDb, TBacktestJobs> };

/** The process-wide backtest jobs for a database (first use marks a previous process's runs failed). */
export function backtestJobs(db: TDb): TBacktestJobs {
  store.__nofxBacktestJobs ??= new WeakMap();
  let jobs = store.__nofxBacktestJobs.get(db);
  if (!jobs) {
    warmEngineWorker();
    jobs = { ...createBacktestJobs(db, getJobRunner()), token: MODULE_TOKEN };
    store.__nofxBacktestJobs.set(db, jobs);
  } else if (jobs.token !== MODULE_TOKEN && jobs.token !== undefined) {
    // `next dev` reloaded this module: the runner (and its running jobs) stays, the handler is new
    registerBacktestHandler(db, jobs.runner);
    jobs.token = MODULE_TOKEN;
  }
  return jobs;
}

/** Tests: use this runner (and engine) for a database instead of the process's default. */
export function installBacktestJobs(db: TDb, jobs: TBacktestJobs): void {
  store.__nofxBacktestJobs ??= new WeakMap();
  store.__nofxBacktestJobs.set(db, jobs);
}
