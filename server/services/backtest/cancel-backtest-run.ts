import type { TDb } from '@/server/db';
import type { TJobRunner } from '@/server/jobs/types';
import { AppError } from '@/server/services/errors';
import type { TRunStatus } from './schemas';

/**
 * Marks the run cancelled at once (the page reacts immediately) and aborts its job; the job's own
 * writes are conditional on the run still being active, so cancelling always wins. Cancelling a
 * finished run is a no-op that reports the status it has.
 */
export async function cancelBacktestRun(db: TDb, deps: { jobs: TJobRunner }, input: { ownerId: string; id: string }): Promise<{ status: TRunStatus }> {
  const row = await db.backtestRun.findFirst({ where: { id: input.id, ownerId: input.ownerId }, select: { status: true } });
  if (!row) throw new AppError('not_found');
  if (row.status !== 'queued' && row.status !== 'running') return { status: row.status as TRunStatus };
  const { count } = await db.backtestRun.updateMany({
    where: { id: input.id, ownerId: input.ownerId, status: { in: ['queued', 'running'] } },
    data: { status: 'cancelled', finishedAt: new Date() },
  });
  await deps.jobs.cancel(input.id);
  if (count === 0) {
    const now = await db.backtestRun.findFirst({ where: { id: input.id }, select: { status: true } });
    return { status: (now?.status ?? 'cancelled') as TRunStatus };
  }
  return { status: 'cancelled' };
}
