/**
 * Finer bars → coarser bars, respecting the exchange's sessions: an A-share hour is
 * 09:30–10:30, 10:30–11:30, 13:00–14:00, 14:00–15:00 (no bar spans the lunch break), a HK hour
 * ends at 10:30, 11:30, 12:00 (the morning's short last hour), 14:00, 15:00, 16:00, the way
 * TongDaXin, Wind and Futu cut them. Crypto buckets are aligned to UTC midnight.
 *
 * A bar's time is either its end (Chinese vendors, Futu, TDX: `barTime: 'end'`) or its start
 * (Binance, Yahoo: 'start'); the result keeps the input's convention. Bars outside the sessions
 * (an opening-auction bar stamped 09:30, a closing-auction bar after 16:00) join the nearest
 * bucket of their day, so no traded volume is dropped.
 */
import { cnCalendar, CN_SESSIONS } from '@/server/markets/cn-a/calendar';
import { HK_SESSION_TABLE, hkCalendar } from '@/server/markets/hk/calendar';
import { clock, inForce } from '@/server/markets/dates';
import { DAY_MS, type TMarketId } from '@/server/markets/types';
import { allocBarColumns, type TBarColumns } from './bar-columns';
import type { TTimeframe } from './market-data';

export type TBarTimeLabel = 'start' | 'end';

export const TIMEFRAME_MS: Record<TTimeframe, number> = { '1m': 60_000, '5m': 300_000, '15m': 900_000, '1h': 3_600_000, '1d': DAY_MS, '1w': 7 * DAY_MS };
export const TIMEFRAME_ORDER: readonly TTimeframe[] = ['1m', '5m', '15m', '1h', '1d', '1w'];

export function isIntraday(tf: TTimeframe): boolean {
  return tf !== '1d' && tf !== '1w';
}

/** Whether `to` can be built from `from` (coarser, and the buckets line up). */
export function canResample(from: TTimeframe, to: TTimeframe): boolean {
  return TIMEFRAME_ORDER.indexOf(to) > TIMEFRAME_ORDER.indexOf(from) && (to === '1d' || to === '1w' || TIMEFRAME_MS[to] % TIMEFRAME_MS[from] === 0);
}

type TSpan = { open: number; close: number };

/** Continuous sessions of a day (ms after local midnight); the calendar first, the standard hours when it has none. */
function sessionsOfDay(market: TMarketId, dayStart: number): TSpan[] {
  if (market === 'crypto') return [{ open: 0, close: DAY_MS }];
  if (market === 'us') return [{ open: clock('09:30'), close: clock('16:00') }];
  const calendar = market === 'cn-a' ? cnCalendar : hkCalendar;
  const listed = calendar.sessionsOn(dayStart);
  // Data beats the holiday table: a bar on a day the calendar calls closed keeps the usual hours.
  if (listed.length > 0) return listed.map((s) => ({ open: s.open - dayStart, close: s.close - dayStart }));
  if (market === 'cn-a') return CN_SESSIONS.map((s) => ({ open: s.open, close: s.close }));
  const hours = inForce(HK_SESSION_TABLE, dayStart).value;
  return [
    { open: clock(hours.morning[0]), close: clock(hours.morning[1]) },
    { open: clock(hours.afternoon[0]), close: clock(hours.afternoon[1]) },
  ];
}

/** Label of the intraday bucket that holds the bar covering [p, p + width) on its day. */
function intradayBucket(p: number, width: number, sessions: TSpan[], dayStart: number, label: TBarTimeLabel): number {
  const t = p - dayStart;
  let s = sessions[0];
  let offset = 0;
  if (t >= s.open) {
    // The last session that opened at or before t; a bar after its close joins its last bucket.
    for (const candidate of sessions) if (candidate.open <= t) s = candidate;
    offset = Math.min(t, s.close - 1) - s.open;
  }
  const start = s.open + Math.floor(offset / width) * width;
  const end = Math.min(start + width, s.close);
  return dayStart + (label === 'end' ? end : start);
}

export function resampleBars(bars: TBarColumns, options: { from: TTimeframe; to: TTimeframe; market: TMarketId; barTime: TBarTimeLabel }): TBarColumns {
  const { from, to, market, barTime } = options;
  if (!canResample(from, to)) throw new Error(`cannot resample ${from} bars to ${to}`);
  const fromMs = TIMEFRAME_MS[from];
  const toMs = TIMEFRAME_MS[to];
  const out = allocBarColumns(bars.length);
  let n = -1;
  let lastKey = NaN;
  let sessionsDay = NaN;
  let sessions: TSpan[] = [];
  for (let i = 0; i < bars.length; i++) {
    // The instant the bar starts; daily bars start at their date's midnight.
    const start = isIntraday(from) && barTime === 'end' ? bars.time[i] - fromMs : bars.time[i];
    const day = Math.floor(start / DAY_MS) * DAY_MS;
    let key: number;
    if (to === '1w') key = Math.floor((day / DAY_MS + 3) / 7); // Monday-based week number
    else if (to === '1d') key = day;
    else {
      if (day !== sessionsDay) {
        sessions = sessionsOfDay(market, day);
        sessionsDay = day;
      }
      key = intradayBucket(start, toMs, sessions, day, barTime);
    }
    if (key !== lastKey) {
      n++;
      lastKey = key;
      out.open[n] = bars.open[i];
      out.high[n] = bars.high[i];
      out.low[n] = bars.low[i];
      out.volume[n] = 0;
      out.amount[n] = 0;
    }
    if (bars.high[i] > out.high[n]) out.high[n] = bars.high[i];
    if (bars.low[i] < out.low[n]) out.low[n] = bars.low[i];
    out.close[n] = bars.close[i];
    out.volume[n] += bars.volume[i];
    out.amount[n] += bars.amount[i]; // NaN stays NaN: a partial sum would understate the value
    // Daily and weekly bars are labelled by the date of their last trading day.
    out.time[n] = to === '1d' ? day : to === '1w' ? day : key;
  }
  const length = n + 1;
  return {
    time: out.time.slice(0, length),
    open: out.open.slice(0, length),
    high: out.high.slice(0, length),
    low: out.low.slice(0, length),
    close: out.close.slice(0, length),
    volume: out.volume.slice(0, length),
    amount: out.amount.slice(0, length),
    length,
  };
}
