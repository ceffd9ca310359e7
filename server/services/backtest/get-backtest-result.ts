import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import type { TEquitySeries, TFillDto, TOrderEventDto, TRunResult, TTradeDto } from './schemas';

type TStoredEvents = { events: TOrderEventDto[]; counts: TRunResult['counts']; timing: TRunResult['timing']; ai?: TRunResult['ai'] };

/** The stored curve, trades, fills and order events of a finished run; `run_not_finished` before. */
export async function getBacktestResult(db: TDb, input: { ownerId: string; id: string }): Promise<TRunResult> {
  const run = await db.backtestRun.findFirst({ where: { id: input.id, ownerId: input.ownerId }, select: { status: true, result: true } });
  if (!run) throw new AppError('not_found');
  if (!run.result) throw new AppError('run_not_finished', undefined, { status: run.status });
  const events = JSON.parse(run.result.orderEventsJson) as TStoredEvents;
  return {
    equity: JSON.parse(run.result.equityJson) as TEquitySeries,
    trades: JSON.parse(run.result.tradesJson) as TTradeDto[],
    fills: JSON.parse(run.result.fillsJson) as TFillDto[],
    orderEvents: events.events,
    counts: events.counts,
    timing: events.timing,
    ai: events.ai ?? null,
  };
}
