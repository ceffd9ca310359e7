// What the app server does as it boots (instrumentation.ts → bootServer): a trader left running by
// a process that went away trades on without anyone opening a page, and a backtest the old process
// was running is marked failed with the reason. A second database client on the same file plays
// the new process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type TDb } from '@/server/db/client';
import { bootServer } from '@/server/services/app/boot-server';
import { getTraderManager } from '@/server/services/trader/trader-runtime';
import { getTemplate } from '@/templates';
import { createTempSqliteDb, type TTestDb } from './helpers/sqlite';
import { signUpAliceAndBob, type TCaller } from './helpers/users';

const noLimits = { maxOrderValue: null, maxPositionPct: null, maxDailyLossPct: null, maxOrdersPerDay: null };

let t: TTestDb;
let alice: TCaller;
let aliceId: string;
let strategyId: string;
let next: TDb | null = null;

beforeAll(async () => {
  t = await createTempSqliteDb();
  ({ alice, aliceId } = await signUpAliceAndBob(t.db));
  const s = await alice.strategy.create({ name: 'SMA crossover' });
  await alice.strategy.saveGraph({ id: s.id, graph: getTemplate('sma-crossover')!.graph as never });
  strategyId = s.id;
});
afterAll(async () => {
  if (next) {
    await getTraderManager(next).stopAll();
    await next.$disconnect();
  }
  await getTraderManager(t.db).stopAll();
  await t?.cleanup();
});

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('bootServer', () => {
  it('resumes running traders and fails the runs a dead process left behind, with no request', async () => {
    const created = await alice.trader.create({ name: 'boot', strategyId, symbols: ['SPY.US'], timeframe: '1d', initialCash: 100_000, risk: noLimits, dataSource: 'replay', replayFrom: '2005-01-03', replaySpeedMs: 5 });
    await alice.trader.start({ id: created.id });
    const before = await until(() => alice.trader.get({ id: created.id }), (d) => d.fills.length >= 1);
    const stale = await t.db.backtestRun.create({ data: { ownerId: aliceId, paramsJson: '{}', status: 'running' } });
    // The old process goes away: its runs end, the rows still say "running".
    await getTraderManager(t.db).stopAll();

    next = createDb(t.target);
    expect(await bootServer(next)).toEqual({ tradersResumed: true });
    expect(await next.backtestRun.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ status: 'failed' });
    expect(JSON.parse((await next.backtestRun.findUniqueOrThrow({ where: { id: stale.id } })).error!).code).toBe('server_restarted');
    await until(async () => getTraderManager(next!).isRunning(created.id), (running) => running);
    const after = await until(() => alice.trader.get({ id: created.id }), (d) => (d.lastBarTime ?? 0) > (before.lastBarTime ?? 0) + 30 * 86_400_000);
    const ids = after.orders.map((o) => o.clientOrderId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
