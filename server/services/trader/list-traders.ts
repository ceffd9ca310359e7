import type { TDb } from '@/server/db';
import type { TTraderSummary } from './schemas';
import { thin, toTraderSummary } from './to-trader-dto';

const SPARK_POINTS = 40;

/** The owner's traders, newest first, each with an equity sparkline (the leaderboard sorts them by P&L). */
export async function listTraders(db: TDb, input: { ownerId: string }): Promise<TTraderSummary[]> {
  const rows = await db.trader.findMany({ where: { ownerId: input.ownerId }, orderBy: { createdAt: 'desc' } });
  return Promise.all(
    rows.map(async (row) => {
      const points = await db.traderEquity.findMany({ where: { traderId: row.id }, orderBy: { time: 'desc' }, take: 400, select: { equity: true } });
      return toTraderSummary(row, thin(points.reverse().map((p) => p.equity), SPARK_POINTS));
    }),
  );
}
