import type { TDb } from '@/server/db';
import type { TRunSummary } from './schemas';
import { RUN_SUMMARY_SELECT, toRunSummary } from './to-run-dto';

/** Newest first; optionally one strategy's runs (the editor's history). */
export async function listBacktestRuns(db: TDb, input: { ownerId: string; strategyId?: string; limit?: number }): Promise<TRunSummary[]> {
  const rows = await db.backtestRun.findMany({
    where: { ownerId: input.ownerId, ...(input.strategyId ? { strategyId: input.strategyId } : {}) },
    orderBy: { createdAt: 'desc' },
    take: input.limit ?? 50,
    select: RUN_SUMMARY_SELECT,
  });
  return rows.map(toRunSummary);
}
