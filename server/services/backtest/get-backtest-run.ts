import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import type { TRunDetail } from './schemas';
import { RUN_SUMMARY_SELECT, toRunDetail } from './to-run-dto';

/** Another user's run is not found: ids leak nothing. */
export async function getBacktestRun(db: TDb, input: { ownerId: string; id: string }): Promise<TRunDetail> {
  const row = await db.backtestRun.findFirst({ where: { id: input.id, ownerId: input.ownerId }, select: { ...RUN_SUMMARY_SELECT, graphJson: true } });
  if (!row) throw new AppError('not_found');
  return toRunDetail(row);
}
