/**
 * A trading calendar built from a holiday table and a per-day session function. Pure and
 * allocation-light: the broker may ask `isTradingDay` / `sessionOf` for every bar.
 */
import { DAY_MS, type TSession, type TTradingCalendar } from './types';
import { day, startOfDay } from './dates';

export interface TSessionSpec {
  name: TSession['name'];
  /** ms after local midnight */
  open: number;
  close: number;
}

export interface TCalendarSpec {
  /** weekdays the exchange was (or will be) closed, 'YYYY-MM-DD' */
  holidays: Iterable<string>;
  /** first and last day the holiday list is authoritative for, 'YYYY-MM-DD' */
  coverage: { from: string; to: string };
  /** continuous sessions of a trading day (given as local ms at 00:00) */
  sessionsFor(dayStart: number): readonly TSessionSpec[];
}

/** Monday–Friday among day numbers [0, n) counted from 1970-01-01 (a Thursday). */
function weekdaysBefore(n: number): number {
  const weeks = Math.floor(n / 7);
  const rest = n - weeks * 7;
  let count = weeks * 5;
  for (let j = 0; j < rest; j++) {
    const w = (4 + j) % 7; // day 7k is a Thursday
    if (w !== 0 && w !== 6) count++;
  }
  return count;
}

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function makeCalendar(spec: TCalendarSpec): TTradingCalendar {
  const dayNumbers = new Set<number>();
  for (const iso of spec.holidays) {
    const d = day(iso) / DAY_MS;
    const w = new Date(d * DAY_MS).getUTCDay();
    if (w !== 0 && w !== 6) dayNumbers.add(d); // weekend entries change nothing
  }
  const sortedHolidays = [...dayNumbers].sort((a, b) => a - b);
  const coverage = { from: day(spec.coverage.from), to: day(spec.coverage.to) };

  const isTradingDayNumber = (d: number): boolean => {
    const w = (((d + 4) % 7) + 7) % 7;
    return w !== 0 && w !== 6 && !dayNumbers.has(d);
  };

  const sessionsOn = (time: number): TSession[] => {
    const start = startOfDay(time);
    if (!isTradingDayNumber(start / DAY_MS)) return [];
    return spec.sessionsFor(start).map((s) => ({ name: s.name, open: start + s.open, close: start + s.close }));
  };

  return {
    coverage,
    isTradingDay: (time) => isTradingDayNumber(Math.floor(time / DAY_MS)),
    sessionsOn,
    sessionOf(time) {
      for (const s of sessionsOn(time)) if (time >= s.open && time <= s.close) return s;
      return null;
    },
    nextSessionOpen(time) {
      let start = startOfDay(time);
      for (let i = 0; i < 400; i++, start += DAY_MS) {
        for (const s of sessionsOn(start)) if (s.open > time) return s.open;
      }
      throw new Error('no trading session within 400 days');
    },
    nextTradingDay(time) {
      let d = Math.floor(time / DAY_MS) + 1;
      while (!isTradingDayNumber(d)) d++;
      return d * DAY_MS;
    },
    tradingDaysBetween(from, to) {
      const a = Math.floor(from / DAY_MS);
      const b = Math.floor(to / DAY_MS);
      if (b <= a) return 0;
      const holidays = lowerBound(sortedHolidays, b) - lowerBound(sortedHolidays, a);
      return weekdaysBefore(b) - weekdaysBefore(a) - holidays;
    },
  };
}

/**
 * Trading sessions since listing: 0 on the listing day, 1 on the next trading day, … — the
 * `sessionIndex` that `priceBand` expects. NaN when the listing date is unknown.
 */
export function sessionsSinceListing(calendar: TTradingCalendar, listingDate: number, time: number): number {
  if (!Number.isFinite(listingDate)) return NaN;
  return calendar.tradingDaysBetween(listingDate, time);
}

/** Parses a holiday table written as { 'YYYY': 'MM-DD MM-DD …' } into ISO dates. */
export function expandHolidayTable(table: Readonly<Record<string, string>>): string[] {
  const out: string[] = [];
  for (const [year, days] of Object.entries(table)) {
    for (const md of days.split(/\s+/).filter(Boolean)) out.push(`${year}-${md}`);
  }
  return out;
}
