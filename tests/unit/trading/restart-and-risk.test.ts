import { describe, expect, it } from 'vitest';
import { sliceBarColumns } from '@/server/data/bar-columns';
import { MemoryTraderStore } from '@/server/trading/memory-trader-store';
import { NO_RISK_LIMITS } from '@/server/trading/types';
import { graph, smaCrossGraph } from '../../helpers/graphs';
import { makeBars } from '../../helpers/bars';
import { barsFile, runPaper, spec } from './helpers';

const spy = sliceBarColumns(barsFile('data/market/SPY.US_daily.csv'), 0, 400);
const series = { 'SPY.US': spy };
const base = spec({ graph: smaCrossGraph(), market: 'us', symbols: ['SPY.US'], timeframe: '1d', activeFrom: spy.time[0], costs: { commissionRate: 0.0005 } });

const summary = (store: MemoryTraderStore) => ({
  orders: [...store.orders.values()].map((o) => [o.clientOrderId, o.status, o.filledQty, o.avgFillPrice]).sort(),
  fills: [...store.fills.values()].map((f) => [f.fillKey, f.time, f.qty, f.price, f.fee]).sort(),
  equity: [...store.equity.values()].sort((a, b) => a.time - b.time).map((p) => p.equity),
  positions: store.positions,
  lastBarTime: store.lastBarTime,
});

describe('restart safety (kill -9 style: the store stops accepting writes mid-bar)', () => {
  it('a restarted trader ends exactly where an uninterrupted one does, whatever write it was cut off at', async () => {
    const reference = await runPaper(base, series);
    const want = summary(reference.store);
    expect(want.fills.length).toBeGreaterThan(4);
    const total = reference.store.writes;
    for (const cut of [3, 40, Math.floor(total / 3) + 1, Math.floor(total / 2) + 2, total - 7]) {
      const store = new MemoryTraderStore();
      store.failAfterWrites = cut;
      const crashed = await runPaper(base, series, { store }).then(
        () => null,
        (err: Error) => err,
      );
      expect(crashed?.message).toBe('store unavailable (simulated crash)');
      const crashedAt = store.lastBarTime;
      store.failAfterWrites = Infinity;
      // the process comes back a little later, within the same bar
      const restartAt = crashedAt === null ? undefined : Date.parse(new Date(crashedAt).toISOString().slice(0, 10) + 'T21:00:30Z');
      await runPaper(base, series, { store, startUtc: restartAt });
      expect(store.conflicts).toEqual([]);
      expect(summary(store)).toEqual(want);
    }
  });

  it('a trader restarted after days away replays what it did and does not trade the bars it missed', async () => {
    const store = new MemoryTraderStore();
    const firstPart = { 'SPY.US': sliceBarColumns(spy, 0, 200) };
    await runPaper(base, firstPart, { store });
    const ordersBefore = store.orders.size;
    // back 30 bars later: bars 200..229 are caught up (warm-up only), trading resumes at bar 230
    const startUtc = Date.parse(new Date(spy.time[230]).toISOString().slice(0, 10) + 'T19:00:00Z');
    await runPaper(base, series, { store, startUtc });
    const missed = [...store.orders.values()].filter((o) => o.barTime > spy.time[199] && o.barTime < spy.time[230]);
    expect(missed).toEqual([]);
    expect(store.orders.size).toBeGreaterThan(ordersBefore);
    expect(store.conflicts).toEqual([]);
  });
});

/** Buys `qty` every bar (a constant true signal). */
const buyEveryBar = (qty: number) =>
  graph(
    [
      ['one', 'data.constant', { value: 1 }],
      ['gt', 'logic.gt'],
      ['zero', 'data.constant', { value: 0 }],
      ['buy', 'orders.buy', { size: 'shares', amount: qty }],
    ],
    [['one.value', 'gt.a'], ['zero.value', 'gt.b'], ['gt.value', 'buy.when']],
  );

describe('risk limits', () => {
  const flat = makeBars(Array.from({ length: 10 }, () => [100, 101, 99, 100] as [number, number, number, number]), Date.UTC(2024, 0, 1));

  it('max orders per day, max order value and max position % hold entries back with the reason', async () => {
    const hourly = makeBars(Array.from({ length: 14 }, () => [100, 101, 99, 100] as [number, number, number, number]), Date.UTC(2024, 2, 2), 3_600_000);
    const s = spec({ graph: buyEveryBar(10), market: 'crypto', symbols: ['BTCUSDT'], timeframe: '1h', activeFrom: hourly.time[0], risk: { ...NO_RISK_LIMITS, maxOrdersPerDay: 3 } });
    const { store } = await runPaper(s, { BTCUSDT: hourly });
    const orders = [...store.orders.values()].sort((a, b) => a.barTime - b.barTime);
    expect(orders.filter((o) => o.stage === 'broker').length).toBe(3);
    expect(orders.filter((o) => o.stage === 'guard').every((o) => o.statusReason === 'risk: 3 entry orders per day already sent')).toBe(true);
    expect(store.logs.some((l) => l.code === 'risk_rejected')).toBe(true);

    const value = await runPaper(spec({ graph: buyEveryBar(20), market: 'us', symbols: ['X.US'], timeframe: '1d', activeFrom: flat.time[0], risk: { ...NO_RISK_LIMITS, maxOrderValue: 1500 } }), { 'X.US': flat });
    expect([...value.store.orders.values()].every((o) => o.stage === 'guard' && o.statusReason.startsWith('risk: order value 2000.00 exceeds'))).toBe(true);

    const pct = await runPaper(spec({ graph: buyEveryBar(100), market: 'us', symbols: ['X.US'], timeframe: '1d', activeFrom: flat.time[0], risk: { ...NO_RISK_LIMITS, maxPositionPct: 25 } }), { 'X.US': flat });
    // 100 shares = 10% of 100 000; the third would make 30%
    const sent = [...pct.store.orders.values()].filter((o) => o.stage === 'broker');
    expect(sent.length).toBe(2);
    expect(pct.store.positions[0].qty).toBe(200);
  });

  it('the daily loss limit stops entries for the rest of the day, and they resume the next day', async () => {
    // 1h crypto bars: day 1 falls 10% at 03:00, day 2 is flat
    const rows: Array<[number, number, number, number]> = [];
    for (let h = 0; h < 48; h++) rows.push(h >= 3 && h < 24 ? [90, 91, 89, 90] : h >= 24 ? [90, 91, 89, 90] : [100, 101, 99, 100]);
    const bars = makeBars(rows, Date.UTC(2024, 2, 2), 3_600_000);
    const s = spec({ graph: buyEveryBar(100), market: 'crypto', symbols: ['BTCUSDT'], timeframe: '1h', activeFrom: bars.time[0], risk: { ...NO_RISK_LIMITS, maxDailyLossPct: 2 } });
    const { store } = await runPaper(s, { BTCUSDT: bars });
    const orders = [...store.orders.values()].sort((a, b) => a.barTime - b.barTime);
    const day1 = orders.filter((o) => o.barTime < Date.UTC(2024, 2, 3));
    const day2 = orders.filter((o) => o.barTime >= Date.UTC(2024, 2, 3));
    // bars 0,1,2 buy (the fill of bar 2's order comes at 03:00's open, at 90: −3% of the day's start)
    expect(day1.filter((o) => o.stage === 'broker').length).toBe(3);
    expect(day1.filter((o) => o.stage === 'guard').every((o) => o.statusReason.startsWith('risk: daily loss limit 2%'))).toBe(true);
    expect(day2.filter((o) => o.stage === 'broker').length).toBeGreaterThan(0);
    expect(store.logs.filter((l) => l.code === 'daily_loss_halt').length).toBe(1);
  });
});
