/**
 * When a market trades, in exchange-local time: the sessions of a day. CN-A and HK come from the
 * market calendars (holidays, lunch break, HK half days); crypto trades 24/7; US stocks have no
 * holiday table in server/markets yet, so US hours are 09:30–16:00 New York on weekdays
 * (ASSUMPTION: exchange holidays are not known — on one the feed simply finds no new bar).
 */
import { getMarketRules, type TMarketId, type TSession } from '@/server/markets';
import { DAY_MS } from '@/server/markets/types';

export interface TMarketHours {
  market: TMarketId;
  timezone: string;
  /** continuous sessions of the day containing `localTime`; [] when the market is closed all day */
  sessionsOn(localTime: number): readonly TSession[];
}

const US_OPEN = (9 * 60 + 30) * 60_000;
const US_CLOSE = 16 * 3_600_000;

export function marketHours(market: TMarketId): TMarketHours {
  const rules = getMarketRules(market);
  if (!rules) throw new Error(`market "${market}" has no rules`);
  if (market === 'crypto') {
    return {
      market,
      timezone: 'UTC',
      sessionsOn: (t) => {
        const start = Math.floor(t / DAY_MS) * DAY_MS;
        return [{ name: 'morning', open: start, close: start + DAY_MS }];
      },
    };
  }
  const calendar = rules.calendar;
  if (calendar) return { market, timezone: rules.timezone, sessionsOn: (t) => calendar.sessionsOn(t) };
  return {
    market,
    timezone: rules.timezone,
    sessionsOn: (t) => {
      const start = Math.floor(t / DAY_MS) * DAY_MS;
      const w = new Date(start).getUTCDay();
      if (w === 0 || w === 6) return [];
      return [{ name: 'morning', open: start + US_OPEN, close: start + US_CLOSE }];
    },
  };
}
