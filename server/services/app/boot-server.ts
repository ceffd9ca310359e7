// What the app server starts as it boots (called from instrumentation.ts), instead of at the first
// request that happens to need it: traders that were running resume at once (a live trader must
// not wait for someone to open the Traders page after a restart), backtest runs a dead process
// left behind are marked failed, and the backtest engine's worker bundle is built before the
// first click needs it.
import { getDb, type TDb } from '@/server/db';
import { getEnv } from '@/server/env';
import { backtestJobs } from '@/server/services/backtest/backtest-jobs';
import { getTraderManager } from '@/server/services/trader/trader-runtime';

export async function bootServer(db: TDb = getDb()): Promise<{ tradersResumed: boolean }> {
  // In worker mode `nofx worker` runs the traders; this process must not run them too.
  const tradersHere = getEnv().tradersMode === 'app';
  if (tradersHere) getTraderManager(db);
  await backtestJobs(db).ready;
  return { tradersResumed: tradersHere };
}
