import type { TDb } from '@/server/db';
import type { TJobRunner } from '@/server/jobs/types';
import { deleteRunAiRecords } from '@/server/services/ai/delete-run-ai-records';
import { AppError } from '@/server/services/errors';

/** Deletes a run and its results (cascade); a run still going is cancelled first. */
export async function deleteBacktestRun(db: TDb, deps: { jobs: TJobRunner }, input: { ownerId: string; id: string }): Promise<{ id: string }> {
  const row = await db.backtestRun.findFirst({ where: { id: input.id, ownerId: input.ownerId }, select: { status: true } });
  if (!row) throw new AppError('not_found');
  if (row.status === 'queued' || row.status === 'running') await deps.jobs.cancel(input.id);
  const { count } = await db.backtestRun.deleteMany({ where: { id: input.id, ownerId: input.ownerId } });
  if (count === 0) throw new AppError('not_found');
  // the run's AI decisions and debate transcripts go with it (cached answers stay the user's)
  await deleteRunAiRecords(db, { ownerId: input.ownerId, runId: input.id });
  return { id: input.id };
}
