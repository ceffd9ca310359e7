// The trader API through the real tRPC router on a real SQLite database with the bundled data:
// a paper trader replaying SPY through the runtime, pause/resume/stop, the kill switch, a
// process restart that resumes it, owner isolation, and broker credentials kept encrypted.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptSecret } from '@/server/ai/secrets/encrypt-secret';
import { getEnv } from '@/server/env';
import { brokerSecretContext, createTraderRepository, getTraderManager } from '@/server/services/trader/trader-runtime';
import { TraderManager } from '@/server/trading/trader-manager';
import { getTemplate } from '@/templates';
import { createTempSqliteDb, type TTestDb } from './helpers/sqlite';
import { signUpAliceAndBob, type TCaller } from './helpers/users';

const SMA = getTemplate('sma-crossover')!.graph;

let t: TTestDb;
let alice: TCaller;
let bob: TCaller;
let strategyId: string;

beforeAll(async () => {
  t = await createTempSqliteDb();
  ({ alice, bob } = await signUpAliceAndBob(t.db));
  const s = await alice.strategy.create({ name: 'SMA crossover' });
  await alice.strategy.saveGraph({ id: s.id, graph: SMA as never });
  strategyId = s.id;
});
afterAll(async () => {
  await getTraderManager(t.db).stopAll();
  await t?.cleanup();
});

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting; last value: ${JSON.stringify(v).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const noLimits = { maxOrderValue: null, maxPositionPct: null, maxDailyLossPct: null, maxOrdersPerDay: null };

describe('trader API', () => {
  it('creates a paper trader pinned to a version, runs it on a replay, pauses, resumes and stops it', async () => {
    const created = await alice.trader.create({ name: 'SPY replay', strategyId, symbols: ['SPY.US'], timeframe: '1d', initialCash: 100_000, risk: noLimits, dataSource: 'replay', replayFrom: '2010-01-04', replaySpeedMs: 0 });
    expect(created).toMatchObject({ status: 'stopped', market: 'us', symbols: ['SPY.US'], strategyVersion: 1 });
    const started = await alice.trader.start({ id: created.id });
    expect(started.status).toBe('running');
    const busy = await until(
      () => alice.trader.get({ id: created.id }),
      (d) => d.fills.length >= 3 && d.equityCurve.length > 100,
    );
    expect(busy.activeFrom).toBe(Date.UTC(2010, 0, 4));
    expect(busy.orders.every((o) => o.clientOrderId.startsWith(`${created.id}:SPY.US:`))).toBe(true);
    expect(busy.logs.some((l) => l.code === 'started')).toBe(true);
    const candles = await alice.trader.bars({ id: created.id, symbol: 'SPY.US' });
    expect(candles.times.length).toBeGreaterThan(20);
    expect(candles.times[candles.times.length - 1]).toBeLessThanOrEqual(busy.lastBarTime!);
    expect((await alice.trader.bars({ id: created.id, symbol: 'AAPL.US' }).catch((e: TRPCError) => e)) as TRPCError).toMatchObject({ code: 'BAD_REQUEST' });
    expect((await alice.trader.pause({ id: created.id })).status).toBe('paused');
    expect((await alice.trader.resume({ id: created.id })).status).toBe('running');
    const stopped = await alice.trader.stop({ id: created.id });
    expect(stopped.status).toBe('stopped');
    const list = await alice.trader.list();
    expect(list[0]).toMatchObject({ id: created.id, status: 'stopped' });
    expect(list[0].sparkline.length).toBeGreaterThan(10);
    expect(list[0].equity).not.toBeNull();
  });

  it('a trader that was running comes back after a process restart and continues without duplicates', async () => {
    const created = await alice.trader.create({ name: 'restart', strategyId, symbols: ['SPY.US'], timeframe: '1d', initialCash: 100_000, risk: noLimits, dataSource: 'replay', replayFrom: '2005-01-03', replaySpeedMs: 0 });
    await alice.trader.start({ id: created.id });
    const first = await until(() => alice.trader.get({ id: created.id }), (d) => d.fills.length >= 2);
    // the process goes away: runs end, statuses stay "running"
    await getTraderManager(t.db).stopAll();
    expect((await alice.trader.get({ id: created.id })).status).toBe('running');
    const next = new TraderManager(createTraderRepository(t.db));
    expect(await next.resumeAll()).toBeGreaterThanOrEqual(1);
    const later = await until(() => alice.trader.get({ id: created.id }), (d) => (d.lastBarTime ?? 0) > (first.lastBarTime ?? 0) + 200 * 86_400_000);
    await next.stop(created.id);
    const ids = later.orders.map((o) => o.clientOrderId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(later.logs.filter((l) => l.level === 'error')).toEqual([]);
    // fills keep increasing in time: nothing was filled twice
    const times = later.fills.map((f) => f.time);
    expect(new Set(times).size).toBe(times.length);
  });

  it('the kill switch cancels open orders and stops; delete removes the trader with its records', async () => {
    const created = await alice.trader.create({ name: 'kill', strategyId, symbols: ['SPY.US'], timeframe: '1d', initialCash: 100_000, risk: { ...noLimits, maxOrdersPerDay: 1 }, dataSource: 'replay', replayFrom: '2012-01-03', replaySpeedMs: 0 });
    await alice.trader.start({ id: created.id });
    await until(() => alice.trader.get({ id: created.id }), (d) => d.orders.length >= 1);
    const killed = await alice.trader.stop({ id: created.id, cancelOrders: true });
    expect(killed.status).toBe('stopped');
    const detail = await alice.trader.get({ id: created.id });
    expect(detail.orders.some((o) => o.status === 'submitted')).toBe(false);
    expect(detail.logs.some((l) => l.code === 'kill_switch')).toBe(true);
    await alice.trader.delete({ id: created.id });
    expect(await t.db.traderOrder.count({ where: { traderId: created.id } })).toBe(0);
  });

  it('AI nodes answer through the owner’s LLM port (offline: the heuristic analyst) and each decision is journaled once', async () => {
    const s = await alice.strategy.create({ name: 'AI trend gate' });
    await alice.strategy.saveGraph({ id: s.id, graph: getTemplate('ai-trend-gate')!.graph as never });
    const created = await alice.trader.create({ name: 'ai', strategyId: s.id, symbols: ['SPY.US'], timeframe: '1d', initialCash: 100_000, risk: noLimits, dataSource: 'replay', replayFrom: '2013-01-02', replaySpeedMs: 0 });
    await alice.trader.start({ id: created.id });
    const d = await until(() => alice.trader.get({ id: created.id }), (x) => x.decisions.length >= 3);
    await alice.trader.stop({ id: created.id });
    expect(d.decisions[0].reasoning).toContain('Heuristic analyst');
    const keys = d.decisions.map((x) => `${x.nodeId}|${x.barTime}`);
    expect(new Set(keys).size).toBe(keys.length);
    // decided only on active bars: none before the replay's first day
    expect(Math.min(...d.decisions.map((x) => x.barTime))).toBeGreaterThanOrEqual(Date.UTC(2013, 0, 2));
  });

  it('another user sees nothing: NOT_FOUND for get, start and delete', async () => {
    const created = await alice.trader.create({ name: 'private', strategyId, symbols: ['SPY.US'], timeframe: '1d', initialCash: 1000, risk: noLimits });
    for (const call of [() => bob.trader.get({ id: created.id }), () => bob.trader.start({ id: created.id }), () => bob.trader.delete({ id: created.id })]) {
      const err = await call().then(() => null, (e: TRPCError) => e);
      expect(err?.code).toBe('NOT_FOUND');
    }
    expect(await bob.trader.list()).toEqual([]);
    // and bob cannot pin alice's strategy
    const pin = await bob.trader.create({ name: 'x', strategyId, symbols: ['SPY.US'], timeframe: '1d', initialCash: 1000, risk: noLimits }).then(() => null, (e: TRPCError) => e);
    expect(pin?.code).toBe('NOT_FOUND');
  });

  it('rejects mixed markets and a bad timeframe with field errors', async () => {
    const mixed = await alice.trader.create({ name: 'x', strategyId, symbols: ['SPY.US', '600519.SH'], timeframe: '1d', initialCash: 1000, risk: noLimits }).then(() => null, (e: TRPCError) => e);
    expect(mixed?.code).toBe('BAD_REQUEST');
    expect(mixed?.message).toBe('symbol_invalid');
    const tf = await alice.trader.create({ name: 'x', strategyId, symbols: ['SPY.US'], timeframe: '3m' as never, initialCash: 1000, risk: noLimits }).then(() => null, (e: TRPCError) => e);
    expect(tf?.code).toBe('BAD_REQUEST');
  });

  it('keeps Futu credentials encrypted at rest and never returns them', async () => {
    const account = await alice.trader.createBrokerAccount({ name: 'OpenD', websocketKey: 'my-ws-key', unlockPassword: 'trade-pass', env: 'real' });
    expect(JSON.stringify(account)).not.toContain('my-ws-key');
    expect(JSON.stringify(account)).not.toContain('trade-pass');
    expect(account.hasUnlockPassword).toBe(true);
    const row = await t.db.brokerAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.websocketKeyEnc).not.toContain('my-ws-key');
    const owner = (await t.db.user.findUniqueOrThrow({ where: { email: 'alice@example.com' } })).id;
    expect(decryptSecret(row.websocketKeyEnc, getEnv().keyEncryptionKey, brokerSecretContext(owner, account.id, 'websocketKey'))).toBe('my-ws-key');
    expect(await bob.trader.brokerAccounts()).toEqual([]);
    // a live trader on it: starting fails with the reason (no OpenD here), the process carries on
    const live = await alice.trader.create({ name: 'live', strategyId, symbols: ['00700.HK'], timeframe: '1d', initialCash: 1000, risk: noLimits, broker: 'futu', brokerAccountId: account.id });
    await alice.trader.start({ id: live.id });
    const failed = await until(() => alice.trader.get({ id: live.id }), (d) => d.status === 'error');
    expect(failed.statusReason.length).toBeGreaterThan(0);
    expect(failed.logs.some((l) => l.level === 'error')).toBe(true);
  });
});
