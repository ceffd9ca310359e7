/**
 * A run's progress as a stream (the `backtest.progress` subscription): status, fraction, bars
 * done/total and an ETA, each time the job reports progress, ending with the run's final status.
 * The row is the truth for status (a cancel is written there first, and a run may execute in
 * another process); the runner's in-memory progress is finer than the row's 5 % steps, so both
 * are read. Values never go backwards within a stream.
 */
import type { TDb } from '@/server/db';
import type { TJobRunner } from '@/server/jobs/types';
import { AppError } from '@/server/services/errors';
import { RUN_STATUSES, type TRunStatus } from './schemas';

export interface TBacktestProgress {
  status: TRunStatus;
  /** 0..1 */
  progress: number;
  barsDone: number;
  barsTotal: number | null;
  /** seconds left at the rate so far; null while unknown */
  eta: number | null;
}

const FINAL = new Set<TRunStatus>(['succeeded', 'failed', 'cancelled']);
/** Without news from this process's runner (queued behind others, or running elsewhere) the row is read this often. */
const ROW_POLL_MS = 1_000;
/** At most this often: a worker thread may report every chunk. */
const MIN_GAP_MS = 100;

const SELECT = { status: true, progress: true, barsDone: true, barsTotal: true, startedAt: true } as const;

export async function watchBacktestProgress(db: TDb, deps: { jobs: TJobRunner }, input: { ownerId: string; id: string; signal?: AbortSignal }): Promise<AsyncGenerator<TBacktestProgress, void, unknown>> {
  const first = await db.backtestRun.findFirst({ where: { id: input.id, ownerId: input.ownerId }, select: { id: true } });
  if (!first) throw new AppError('not_found');
  const { signal } = input;
  // Subscribed before the first read, so a report between the read and the wait is not slept through.
  let news = false;
  let wake: (() => void) | null = null;
  const unsubscribe = deps.jobs.subscribe((event) => {
    if (event.job.id !== input.id) return;
    news = true;
    wake?.();
  });

  return (async function* () {
    let last: TBacktestProgress | null = null;
    try {
      while (!signal?.aborted) {
        news = false;
        const row = await db.backtestRun.findUnique({ where: { id: input.id }, select: SELECT });
        if (!row) return; // deleted: nothing more to say
        const next = merge(row, deps.jobs.get(input.id), last);
        if (!last || differs(next, last)) {
          last = next;
          yield next;
        }
        if (FINAL.has(next.status)) return;
        await sleep(MIN_GAP_MS, signal);
        if (!news) {
          await new Promise<void>((resolve) => {
            const done = () => {
              clearTimeout(timer);
              signal?.removeEventListener('abort', done);
              wake = null;
              resolve();
            };
            const timer = setTimeout(done, ROW_POLL_MS);
            signal?.addEventListener('abort', done, { once: true });
            wake = done;
          });
        }
      }
    } finally {
      unsubscribe();
    }
  })();
}

type TRow = { status: string; progress: number; barsDone: number; barsTotal: number | null; startedAt: Date | null };

function merge(row: TRow, job: { state: string; done: number; total: number | undefined } | null, last: TBacktestProgress | null): TBacktestProgress {
  const status: TRunStatus = (RUN_STATUSES as readonly string[]).includes(row.status) ? (row.status as TRunStatus) : 'failed';
  let progress = row.progress;
  let barsDone = row.barsDone;
  let barsTotal = row.barsTotal;
  if (status === 'running' && job && job.state === 'running' && job.total) {
    progress = Math.max(progress, Math.min(1, job.done / job.total));
    barsDone = Math.max(barsDone, job.done);
    barsTotal = job.total;
  }
  if (status === 'succeeded') progress = 1;
  if (last) {
    progress = Math.max(progress, last.progress);
    barsDone = Math.max(barsDone, last.barsDone);
    barsTotal ??= last.barsTotal;
  }
  let eta: number | null = null;
  if (status === 'running' && row.startedAt && progress > 0 && progress < 1) {
    const elapsed = (Date.now() - row.startedAt.getTime()) / 1000;
    eta = Math.max(0, (elapsed * (1 - progress)) / progress);
  }
  return { status, progress, barsDone, barsTotal, eta };
}

function differs(a: TBacktestProgress, b: TBacktestProgress): boolean {
  return a.status !== b.status || a.progress !== b.progress || a.barsDone !== b.barsDone || a.barsTotal !== b.barsTotal;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
