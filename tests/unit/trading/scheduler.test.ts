import { describe, expect, it } from 'vitest';
import { barCloseTicks } from '@/server/trading/scheduler/bar-close-scheduler';
import { barSlotsOn } from '@/server/trading/scheduler/bar-schedule';
import { marketHours } from '@/server/trading/scheduler/market-hours';
import { SimulatedTimer } from '@/server/trading/scheduler/timer';
import { toLocalTime, toUtcTime } from '@/server/trading/scheduler/zoned-time';
import type { TMarketId } from '@/server/markets';
import type { TTraderTimeframe } from '@/server/trading/scheduler/bar-schedule';

const iso = (localMs: number) => new Date(localMs).toISOString().slice(0, 16).replace('T', ' ');

/** The first `n` ticks from a real instant, in simulated time, as local 'YYYY-MM-DD HH:MM' bar closes. */
async function ticks(market: TMarketId, timeframe: TTraderTimeframe, startUtc: string, n: number) {
  const timer = new SimulatedTimer(Date.parse(startUtc));
  const out: Array<{ close: string; firedUtc: string }> = [];
  for await (const tick of barCloseTicks({ hours: marketHours(market), timeframe, timer, delayMs: 2000 })) {
    out.push({ close: iso(tick.bar.close), firedUtc: new Date(tick.firedAt).toISOString() });
    if (out.length === n) break;
  }
  return out;
}

describe('bar-close scheduler (simulated time)', () => {
  it('CN-A 5m: 24 bars in the morning, lunch break silent, 24 in the afternoon, 2 s after each close', async () => {
    // 2022-01-18 09:00 Shanghai = 01:00 UTC
    const t = await ticks('cn-a', '5m', '2022-01-18T01:00:00Z', 49);
    expect(t[0]).toEqual({ close: '2022-01-18 09:35', firedUtc: '2022-01-18T01:35:02.000Z' });
    expect(t[23].close).toBe('2022-01-18 11:30');
    expect(t[24].close).toBe('2022-01-18 13:05');
    expect(t[47].close).toBe('2022-01-18 15:00');
    expect(t[48].close).toBe('2022-01-19 09:35');
    expect(t.some((x) => x.close > '2022-01-18 11:30' && x.close < '2022-01-18 13:05')).toBe(false);
  });

  it('CN-A 1h bars are cut from each session: 10:30, 11:30, 14:00, 15:00', () => {
    const day = Date.UTC(2022, 0, 18);
    expect(barSlotsOn(marketHours('cn-a'), '1h', day).map((s) => iso(s.close).slice(11))).toEqual(['10:30', '11:30', '14:00', '15:00']);
  });

  it('skips the Spring Festival holidays (CN-A daily)', async () => {
    // Thursday 2024-02-08 after the close: the next daily bar is Monday 2024-02-19
    const t = await ticks('cn-a', '1d', '2024-02-08T08:00:00Z', 2);
    expect(t.map((x) => x.close)).toEqual(['2024-02-19 15:00', '2024-02-20 15:00']);
    expect(t[0].firedUtc).toBe('2024-02-19T07:00:02.000Z');
  });

  it('nothing fires on a weekend or outside hours (a Saturday start waits for Monday)', async () => {
    const t = await ticks('cn-a', '15m', '2022-01-15T03:00:00Z', 1); // Saturday noon Shanghai
    expect(t[0].close).toBe('2022-01-17 09:45');
  });

  it('HK 1h: the 12:00 close ends a short bar, lunch 12:00–13:00 is silent; half day on Lunar New Year’s Eve', async () => {
    const hk = marketHours('hk');
    expect(barSlotsOn(hk, '1h', Date.UTC(2019, 1, 1)).map((s) => iso(s.close).slice(11))).toEqual(['10:30', '11:30', '12:00', '14:00', '15:00', '16:00']);
    expect(barSlotsOn(hk, '1h', Date.UTC(2019, 1, 4)).map((s) => iso(s.close).slice(11))).toEqual(['10:30', '11:30', '12:00']);
    const t = await ticks('hk', '1h', '2019-02-04T03:31:00Z', 2); // 11:31 HK on the half day
    expect(t.map((x) => x.close)).toEqual(['2019-02-04 12:00', '2019-02-08 10:30']); // 02-05…02-07 closed
  });

  it('crypto 1h fires 24 times a day, weekends included, on UTC hours', async () => {
    const t = await ticks('crypto', '1h', '2024-03-02T00:00:05Z', 48); // a Saturday
    expect(t[0].close).toBe('2024-03-02 01:00');
    expect(t[23].close).toBe('2024-03-03 00:00');
    expect(t[47].close).toBe('2024-03-04 00:00');
    expect(new Set(t.map((x) => x.close)).size).toBe(48);
  });

  it('US daily closes at 16:00 New York, across the DST change', async () => {
    const winter = await ticks('us', '1d', '2024-03-08T12:00:00Z', 2);
    expect(winter.map((x) => x.firedUtc)).toEqual(['2024-03-08T21:00:02.000Z', '2024-03-11T20:00:02.000Z']);
  });

  it('a late wake-up fires once, for the latest closed bar', async () => {
    const timer = new SimulatedTimer(Date.parse('2022-01-18T01:34:00Z'));
    const it = barCloseTicks({ hours: marketHours('cn-a'), timeframe: '5m', timer, delayMs: 0 });
    const first = await it.next();
    expect(iso(first.value!.bar.close)).toBe('2022-01-18 09:35');
    timer.advance(17 * 60_000); // asleep until 09:52
    const second = await it.next();
    expect(iso(second.value!.bar.close)).toBe('2022-01-18 09:50');
    const third = await it.next();
    expect(iso(third.value!.bar.close)).toBe('2022-01-18 09:55');
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const timer = new SimulatedTimer(Date.parse('2022-01-18T01:00:00Z'));
    let n = 0;
    for await (const _ of barCloseTicks({ hours: marketHours('cn-a'), timeframe: '1m', timer, signal: controller.signal })) {
      if (++n === 3) controller.abort();
    }
    expect(n).toBe(3);
  });

  it('converts between zones (New York has DST, Shanghai does not)', () => {
    expect(toLocalTime('Asia/Shanghai', Date.parse('2024-07-01T00:00:00Z'))).toBe(Date.UTC(2024, 6, 1, 8));
    expect(toUtcTime('America/New_York', Date.UTC(2024, 6, 1, 9, 30))).toBe(Date.parse('2024-07-01T13:30:00Z'));
    expect(toUtcTime('America/New_York', Date.UTC(2024, 0, 2, 9, 30))).toBe(Date.parse('2024-01-02T14:30:00Z'));
  });
});
