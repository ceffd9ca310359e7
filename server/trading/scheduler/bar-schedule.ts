/**
 * Which bars a market prints for a timeframe, and when each one closes. Intraday bars are cut
 * from each continuous session starting at its open (CN-A 1h: 10:30, 11:30, 14:00, 15:00 — the
 * lunch break belongs to no bar); a session whose length is not a multiple of the timeframe ends
 * with a shorter bar at the close. A daily bar closes with the day's last session.
 * All times are exchange-local ms "as if UTC" (see server/markets/types.ts).
 */
import { DAY_MS } from '@/server/markets/types';
import type { TMarketHours } from './market-hours';

export const TRADER_TIMEFRAMES = ['1m', '5m', '15m', '1h', '1d'] as const;
export type TTraderTimeframe = (typeof TRADER_TIMEFRAMES)[number];

export const TIMEFRAME_MS: Record<TTraderTimeframe, number> = {
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '1d': DAY_MS,
};

export interface TBarSlot {
  /** local ms */
  open: number;
  close: number;
}

/** The bars of the day containing `localTime`, in order ([] on a holiday or weekend). */
export function barSlotsOn(hours: TMarketHours, timeframe: TTraderTimeframe, localTime: number): TBarSlot[] {
  const sessions = hours.sessionsOn(localTime);
  if (sessions.length === 0) return [];
  if (timeframe === '1d') return [{ open: sessions[0].open, close: sessions[sessions.length - 1].close }];
  const step = TIMEFRAME_MS[timeframe];
  const out: TBarSlot[] = [];
  for (const s of sessions) {
    for (let open = s.open; open < s.close; open += step) out.push({ open, close: Math.min(open + step, s.close) });
  }
  return out;
}

/** The first bar whose close is strictly after `localTime` (searching up to 400 days ahead). */
export function nextBarSlot(hours: TMarketHours, timeframe: TTraderTimeframe, localTime: number): TBarSlot {
  let day = Math.floor(localTime / DAY_MS) * DAY_MS;
  // a bar may close at the next day's 00:00 (crypto), so the previous day is looked at too
  for (let k = -1; k < 400; k++) {
    for (const slot of barSlotsOn(hours, timeframe, day + k * DAY_MS)) if (slot.close > localTime) return slot;
  }
  throw new Error(`no ${timeframe} bar of ${hours.market} closes within 400 days`);
}

/** The last bar whose close is at or before `localTime`, or null when none within 400 days. */
export function lastClosedBarSlot(hours: TMarketHours, timeframe: TTraderTimeframe, localTime: number): TBarSlot | null {
  const day = Math.floor(localTime / DAY_MS) * DAY_MS;
  for (let k = 0; k < 400; k++) {
    const slots = barSlotsOn(hours, timeframe, day - k * DAY_MS);
    for (let j = slots.length - 1; j >= 0; j--) if (slots[j].close <= localTime) return slots[j];
  }
  return null;
}
