import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import type { TEquitySeries, TRunSummary } from './schemas';
import { RUN_SUMMARY_SELECT, toRunSummary } from './to-run-dto';

export type TCompareRuns = { runs: Array<TRunSummary & { equity: TEquitySeries | null }> };

/** Two or more of the user's runs with metrics and equity curves, in the order asked. */
export async function compareBacktestRuns(db: TDb, input: { ownerId: string; ids: string[] }): Promise<TCompareRuns> {
  const ids = [...new Set(input.ids)];
  if (ids.length < 2) throw new AppError('compare_needs_two', 'ids');
  const rows = await db.backtestRun.findMany({
    where: { id: { in: ids }, ownerId: input.ownerId },
    select: { ...RUN_SUMMARY_SELECT, result: { select: { equityJson: true } } },
  });
  if (rows.length !== ids.length) throw new AppError('not_found');
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    runs: ids.map((id) => {
      const row = byId.get(id)!;
      return { ...toRunSummary(row), equity: row.result ? (JSON.parse(row.result.equityJson) as TEquitySeries) : null };
    }),
  };
}
