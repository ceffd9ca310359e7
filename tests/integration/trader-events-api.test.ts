// The traders' live feed through the real tRPC router on a real SQLite database: a paper trader
// replaying SPY announces its bars, orders, fills and status on `trader.events` as it trades (and
// the rows are there when the event arrives); another user gets NOT_FOUND and hears nothing; a
// reconnect with the last event id resumes exactly after it; an id from elsewhere resyncs.
import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TTraderEvent } from '@/server/services/trader/schemas';
import { getTraderManager } from '@/server/services/trader/trader-runtime';
import { getTemplate } from '@/templates';
import { createTempSqliteDb, type TTestDb } from './helpers/sqlite';
import { signUpAliceAndBob, type TCaller } from './helpers/users';

const SMA = getTemplate('sma-crossover')!.graph;
const noLimits = { maxOrderValue: null, maxPositionPct: null, maxDailyLossPct: null, maxOrdersPerDay: null };

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

type TBatch = { id: string; events: TTraderEvent[] };

/** The server-side caller yields tracked() envelopes: [id, data, marker]. */
function reader(stream: AsyncIterable<unknown>) {
  const it = stream[Symbol.asyncIterator]();
  return {
    /** the next batch, or null when none comes within `ms` */
    async next(ms = 20_000): Promise<TBatch | null> {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
      const item = await Promise.race([it.next(), timeout]);
      clearTimeout(timer);
      if (item === null || item.done) return null;
      const [id, data] = item.value as [string, { events: TTraderEvent[] }];
      return { id, events: data.events };
    },
    close: () => void it.return?.(undefined),
  };
}

async function createReplay(name: string, replayFrom: string, replaySpeedMs: number) {
  return alice.trader.create({ name, strategyId, symbols: ['SPY.US'], timeframe: '1d', initialCash: 100_000, risk: noLimits, dataSource: 'replay', replayFrom, replaySpeedMs });
}

describe('trader.events', () => {
  it('a replayed paper trader’s bars, orders, fills and status arrive as it trades, after their rows', async () => {
    const trader = await createReplay('live feed', '2010-01-04', 5);
    const feed = reader(await alice.trader.events({ traderId: trader.id }));
    await alice.trader.start({ id: trader.id });
    const seen: TTraderEvent[] = [];
    const ids: string[] = [];
    while (!(seen.some((e) => e.type === 'fill') && seen.filter((e) => e.type === 'bar').length >= 50)) {
      const batch = await feed.next();
      expect(batch, 'no event within 20 s').not.toBeNull();
      ids.push(batch!.id);
      seen.push(...batch!.events);
      const fill = batch!.events.find((e) => e.type === 'fill');
      if (fill && fill.type === 'fill') {
        // the event follows the write: the page that refetches on it finds the fill
        const detail = await alice.trader.get({ id: trader.id });
        expect(detail.fills.some((f) => f.time === fill.time && f.price === fill.price)).toBe(true);
      }
    }
    feed.close();
    await alice.trader.stop({ id: trader.id });
    expect(seen.every((e) => e.type !== 'resync' && e.traderId === trader.id)).toBe(true);
    expect(seen.find((e) => e.type === 'status')).toMatchObject({ type: 'status', status: 'running' });
    expect(seen.some((e) => e.type === 'log' && e.code === 'started')).toBe(true);
    expect(seen.some((e) => e.type === 'order')).toBe(true);
    const bars = seen.flatMap((e) => (e.type === 'bar' ? [e.barTime] : []));
    expect(bars[0]).toBeGreaterThanOrEqual(Date.UTC(2010, 0, 4) - 400 * 86_400_000);
    expect(bars).toEqual([...bars].sort((x, y) => x - y)); // bars in order, none twice
    expect(new Set(bars).size).toBe(bars.length);
    // ids rise within one process epoch
    const seqs = ids.map((id) => Number(id.split('.')[1]));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(ids.map((id) => id.split('.')[0])).size).toBe(1);
  });

  it('another user gets NOT_FOUND before any stream starts, and their own feed stays silent', async () => {
    const trader = await createReplay('private feed', '2011-01-03', 5);
    const denied = await bob.trader.events({ traderId: trader.id }).then(
      () => null,
      (e: TRPCError) => e,
    );
    expect(denied?.code).toBe('NOT_FOUND');
    const bobs = reader(await bob.trader.events({}));
    const alices = reader(await alice.trader.events({}));
    await alice.trader.start({ id: trader.id });
    const first = await alices.next();
    expect(first?.events.length).toBeGreaterThan(0);
    expect(await bobs.next(1_500)).toBeNull();
    bobs.close();
    alices.close();
    await alice.trader.stop({ id: trader.id });
  });

  it('resumes after the last event id it saw; an id from another process starts with a resync', async () => {
    const trader = await createReplay('resume', '2012-01-03', 30);
    const feed = reader(await alice.trader.events({ traderId: trader.id }));
    await alice.trader.start({ id: trader.id });
    const first = await feed.next();
    const second = await feed.next();
    expect(first && second).toBeTruthy();
    feed.close();
    // the browser reconnects with the id of the first batch it handled
    const resumed = reader(await alice.trader.events({ traderId: trader.id, lastEventId: first!.id }));
    const again = await resumed.next();
    resumed.close();
    expect(again!.events.slice(0, second!.events.length)).toEqual(second!.events);
    expect(Number(again!.id.split('.')[1])).toBeGreaterThanOrEqual(Number(second!.id.split('.')[1]));

    const stale = reader(await alice.trader.events({ traderId: trader.id, lastEventId: 'otherprocess.42' }));
    expect((await stale.next())!.events[0]).toEqual({ type: 'resync' });
    stale.close();
    await alice.trader.stop({ id: trader.id });
  });
});
