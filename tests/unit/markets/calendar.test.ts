import { describe, expect, it } from 'vitest';
import { expandHolidayTable, sessionsSinceListing } from '@/server/markets/calendar';
import { CN_HOLIDAYS_FROM_INDEX, CN_HOLIDAYS_FROM_STOCKS, cnCalendar } from '@/server/markets/cn-a/calendar';
import { HK_HOLIDAYS_FROM_INDEX, hkCalendar, isHalfDayEve, LUNAR_NEW_YEAR } from '@/server/markets/hk/calendar';
import { isoDate } from '@/server/markets/dates';
import { cnARules } from '@/server/markets/cn-a';
import { hkRules } from '@/server/markets/hk';
import { missingWeekdays, readBars, t } from '../../fixtures/markets/load';

const dates = (file: string) => new Set(readBars(file).map((b) => b.date));

describe('holiday tables are derived honestly from the bundled bars', () => {
  it('CN 2005-04-08 … 2025-05-16 = weekdays missing from CSI 300 (000300.SH)', () => {
    const derived = missingWeekdays(dates('000300.SH_daily.csv'), '2005-04-08', '2025-05-16');
    expect(expandHolidayTable(CN_HOLIDAYS_FROM_INDEX)).toEqual(derived);
    expect(derived.length).toBe(362);
  });
  it('CN 2001-08-27 … 2005-04-07 = weekdays missing from both 600519.SH and 000001.SZ', () => {
    const union = new Set([...dates('600519.SH_daily.csv'), ...dates('000001.SZ_daily.csv')]);
    expect(expandHolidayTable(CN_HOLIDAYS_FROM_STOCKS)).toEqual(missingWeekdays(union, '2001-08-27', '2005-04-07'));
  });
  it('HK 1990-01-02 … 2026-07-24 = weekdays missing from the Hang Seng Index file', () => {
    expect(expandHolidayTable(HK_HOLIDAYS_FROM_INDEX)).toEqual(missingWeekdays(dates('HSI.HK_daily.csv'), '1990-01-02', '2026-07-24'));
  });
  it('no bundled A-share bar falls on a day the calendar calls closed', () => {
    for (const file of ['600519.SH_daily.csv', '000001.SZ_daily.csv', '601318.SH_daily.csv', '300750.SZ_daily.csv', '688981.SH_daily.csv']) {
      const bad = readBars(file).filter((b) => b.time >= cnCalendar.coverage.from && !cnCalendar.isTradingDay(b.time));
      expect(bad.map((b) => `${file} ${b.date}`)).toEqual([]);
    }
  });
  it('the Lunar New Year table agrees with the HSI closures (each LNY closure starts within a day of LNY day 1, or LNY falls on a weekend)', () => {
    for (const iso of LUNAR_NEW_YEAR.filter((d) => d <= '2026-07-24')) {
      const d0 = t(iso);
      const window = [-1, 0, 1, 2, 3].map((k) => d0 + k * 86_400_000);
      const weekdaysClosed = window.filter((d) => ![0, 6].includes(new Date(d).getUTCDay()) && !hkCalendar.isTradingDay(d));
      expect(weekdaysClosed.length, iso).toBeGreaterThan(0);
    }
  });
});

describe('CN trading days', () => {
  it('National Day 2023: closed 2023-09-29 … 2023-10-06, open 2023-10-09', () => {
    expect(cnCalendar.isTradingDay(t('2023-09-28'))).toBe(true);
    for (const d of ['2023-09-29', '2023-10-02', '2023-10-06']) expect(cnCalendar.isTradingDay(t(d))).toBe(false);
    expect(cnCalendar.isTradingDay(t('2023-10-09'))).toBe(true);
  });
  it('2026 from the SSE notice: Spring Festival 02-16 … 02-23 closed, 02-24 open', () => {
    expect(cnCalendar.isTradingDay(t('2026-02-13'))).toBe(true);
    expect(cnCalendar.isTradingDay(t('2026-02-16'))).toBe(false);
    expect(cnCalendar.isTradingDay(t('2026-02-23'))).toBe(false);
    expect(cnCalendar.isTradingDay(t('2026-02-24'))).toBe(true);
  });
  it('weekends are closed; outside coverage weekdays count as open', () => {
    expect(cnCalendar.isTradingDay(t('2023-08-26'))).toBe(false);
    expect(isoDate(cnCalendar.coverage.from)).toBe('2001-08-27');
    expect(isoDate(cnCalendar.coverage.to)).toBe('2026-12-31');
    expect(cnCalendar.isTradingDay(t('2027-01-01'))).toBe(true); // not known yet: weekday fallback
  });
  it('nextTradingDay and tradingDaysBetween', () => {
    expect(isoDate(cnCalendar.nextTradingDay(t('2023-09-28 15:00')))).toBe('2023-10-09');
    // 688981 listed 2020-07-16: 07-16, 17, 20, 21, 22 are sessions 0–4; 07-23 is session 5
    expect(cnCalendar.tradingDaysBetween(t('2020-07-16'), t('2020-07-23'))).toBe(5);
    expect(sessionsSinceListing(cnCalendar, t('2020-07-16'), t('2020-07-16 10:00'))).toBe(0);
    expect(sessionsSinceListing(cnCalendar, NaN, t('2020-07-16'))).toBeNaN();
  });
  it('tradingDaysBetween counts the bars of a stock that was never suspended (300750, 877 bars)', () => {
    const bars = readBars('300750.SZ_daily.csv');
    const listed = bars[0].time;
    bars.forEach((b, i) => expect(cnCalendar.tradingDaysBetween(listed, b.time)).toBe(i));
  });
});

describe('CN sessions', () => {
  const at = (s: string) => cnCalendar.sessionOf(t(s))?.name ?? null;
  it('09:30–11:30 and 13:00–15:00, both ends inclusive; auctions and lunch are outside', () => {
    expect(at('2023-08-28 09:25')).toBeNull();
    expect(at('2023-08-28 09:30')).toBe('morning');
    expect(at('2023-08-28 11:30')).toBe('morning');
    expect(at('2023-08-28 11:31')).toBeNull();
    expect(at('2023-08-28 13:00')).toBe('afternoon');
    expect(at('2023-08-28 14:58')).toBe('afternoon'); // closing call auction, part of the afternoon
    expect(at('2023-08-28 15:00')).toBe('afternoon');
    expect(at('2023-08-28 15:01')).toBeNull();
    expect(at('2023-10-02 10:00')).toBeNull(); // holiday
  });
  it('nextSessionOpen: lunch → 13:00, before open → 09:30, after the last close before a holiday → next open', () => {
    expect(cnCalendar.nextSessionOpen(t('2023-08-28 11:30'))).toBe(t('2023-08-28 13:00'));
    expect(cnCalendar.nextSessionOpen(t('2023-08-28 08:00'))).toBe(t('2023-08-28 09:30'));
    expect(cnCalendar.nextSessionOpen(t('2023-09-28 15:00'))).toBe(t('2023-10-09 09:30'));
    expect(cnCalendar.nextSessionOpen(t('2023-08-25 15:00'))).toBe(t('2023-08-28 09:30')); // Friday → Monday
  });
  it('every 5-minute bar of 510300.SH (bar end times) lies inside a session', () => {
    const bars = readBars('510300.SH_5min_2022-01-18_19.csv');
    expect(bars.length).toBe(96);
    for (const b of bars) expect(cnCalendar.sessionOf(b.time), b.date).not.toBeNull();
  });
  it('the market exposes its calendar', () => {
    expect(cnARules.calendar).toBe(cnCalendar);
  });
});

describe('HK trading days, half days and sessions', () => {
  const at = (s: string) => hkCalendar.sessionOf(t(s))?.name ?? null;
  it('09:30–12:00 and 13:00–16:00 from 2012-03-05', () => {
    expect(at('2019-02-01 09:30')).toBe('morning');
    expect(at('2019-02-01 12:00')).toBe('morning');
    expect(at('2019-02-01 12:30')).toBeNull();
    expect(at('2019-02-01 13:00')).toBe('afternoon');
    expect(at('2019-02-01 16:00')).toBe('afternoon');
    expect(at('2019-02-01 16:05')).toBeNull(); // closing auction session, not continuous trading
  });
  it('before 2011-03-07: 10:00–12:30 and 14:30–16:00; 2011-03-07 … 2012-03-02: afternoon from 13:30', () => {
    expect(at('2010-06-01 09:45')).toBeNull();
    expect(at('2010-06-01 12:15')).toBe('morning');
    expect(at('2010-06-01 14:00')).toBeNull();
    expect(at('2010-06-01 14:30')).toBe('afternoon');
    expect(at('2011-03-07 09:30')).toBe('morning');
    expect(at('2011-06-01 13:15')).toBeNull();
    expect(at('2012-03-02 13:15')).toBeNull();
    expect(at('2012-03-05 13:15')).toBe('afternoon');
  });
  it('half days: Lunar New Year eve 2019-02-04, Christmas Eve 2020-12-24, New Year\'s Eve 2021-12-31 have mornings only', () => {
    for (const d of ['2019-02-04', '2020-12-24', '2021-12-31', '2026-02-16']) {
      expect(isHalfDayEve(d)).toBe(true);
      expect(hkCalendar.sessionsOn(t(d)).map((s) => s.name)).toEqual(['morning']);
    }
    expect(at('2019-02-04 13:30')).toBeNull();
    expect(hkCalendar.sessionsOn(t('2019-02-01')).length).toBe(2);
  });
  it('the bundled 1-minute bars agree: 331 bars on 2019-02-01, 151 on the 2019-02-04 half day, all inside sessions', () => {
    const bars = readBars('00700.HK_1min_2019-02-01_04.csv');
    const byDay = (d: string) => bars.filter((b) => b.date.startsWith(d));
    expect(byDay('2019-02-01').length).toBe(331);
    expect(byDay('2019-02-04').length).toBe(151);
    for (const b of bars) expect(hkCalendar.sessionOf(b.time), b.date).not.toBeNull();
    expect(Math.max(...byDay('2019-02-04').map((b) => b.time))).toBe(t('2019-02-04 12:00'));
  });
  it('nextSessionOpen over Lunar New Year: 2019-02-04 12:00 → 2019-02-08 09:30', () => {
    expect(hkCalendar.nextSessionOpen(t('2019-02-04 12:00'))).toBe(t('2019-02-08 09:30'));
    expect(hkCalendar.nextSessionOpen(t('2019-02-01 12:00'))).toBe(t('2019-02-01 13:00'));
  });
  it('typhoon closures from the HSI file are holidays (2023-09-01 Saola, 2023-09-08 black rainstorm)', () => {
    expect(hkCalendar.isTradingDay(t('2023-09-01'))).toBe(false);
    expect(hkCalendar.isTradingDay(t('2023-09-08'))).toBe(false);
    expect(hkCalendar.isTradingDay(t('2023-09-04'))).toBe(true);
  });
  it('maintained 2026 tail: Chung Yeung moved to Mon 2026-10-19; 2026-12-28 open (the day after Christmas is a Saturday)', () => {
    expect(hkCalendar.isTradingDay(t('2026-10-19'))).toBe(false);
    expect(hkCalendar.isTradingDay(t('2026-12-25'))).toBe(false);
    expect(hkCalendar.isTradingDay(t('2026-12-28'))).toBe(true);
  });
  it('the market exposes its calendar', () => {
    expect(hkRules.calendar).toBe(hkCalendar);
  });
});
