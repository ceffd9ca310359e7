/**
 * HKEX securities-market trading calendar and sessions.
 *
 * Holidays — how the table was made (re-run `node tests/fixtures/markets/derive-holidays.mjs hk`;
 * tests/unit/markets/calendar.test.ts re-derives it from the fixture copy and compares):
 *  - 1990-01-02 … 2026-07-24: weekdays with no row in the bundled Hang Seng Index file HSI.HK
 *    (WSJ export, clamx4/stockdata). These include whole-day typhoon / black-rainstorm closures
 *    (e.g. 2023-09-01, 2023-09-08); partial-day closures are not known to the calendar.
 *  - 2026-07-25 … 2026-12-31: maintained by hand from the General Holidays Ordinance (Cap. 149,
 *    Schedule): National Day 10-01 (Thu); Chung Yeung (9th day of 9th lunar month = 2026-10-18,
 *    a Sunday → the following day, 10-19); Christmas Day 12-25 (Fri); "the first weekday after
 *    Christmas Day" is Saturday 12-26, so no weekday closure. ASSUMPTION: not yet checked
 *    against HKEX's own 2026 trading calendar. Since 2024-09-23 HKEX keeps trading under
 *    typhoon signal 8 / black rainstorm, so no weather closures are expected.
 *  - Outside 1990-01-02 … 2026-12-31 every weekday counts as a trading day.
 *
 * Half-day trading (morning session only) on Christmas Eve, New Year's Eve and Lunar New Year's
 * Eve when that day is a trading day (HKEX: "no afternoon trading session on the eves of
 * Christmas, New Year and Lunar New Year"). Lunar New Year dates below are the 1st day of the
 * 1st lunar month; each was checked against the HSI-derived holidays (the LNY closure starts on
 * or right after that date). The bundled 1-minute file shows the 2019-02-04 half day.
 *
 * Sessions (continuous trading; HKEX news releases 2010-11-23, 2011-01-24, 2012-03-01):
 *  - before 2011-03-07: 10:00–12:30 and 14:30–16:00 (pre-opening 09:30–10:00)
 *  - 2011-03-07 … 2012-03-02: 09:30–12:00 and 13:30–16:00 (pre-opening 09:00–09:30)
 *  - from 2012-03-05: 09:30–12:00 and 13:00–16:00
 *  - closing auction session 16:00–16:10 (random close 16:08–16:10) from 2016-07-25; it is
 *    not a continuous session — a 16:00 bar closes the day.
 */
import { expandHolidayTable, makeCalendar, type TSessionSpec } from '../calendar';
import { clock, day, isoDate, type TDated, inForce } from '../dates';

/** Derived from HSI.HK rows (see header). */
export const HK_HOLIDAYS_FROM_INDEX: Readonly<Record<string, string>> = {
  1990: '01-26 01-29 04-05 04-13 04-16 05-28 06-18 08-27 10-01 10-26 12-25 12-26',
  1991: '01-01 02-14 02-15 03-29 04-01 04-05 06-17 06-18 08-26 09-23 10-16 12-25 12-26',
  1992: '01-01 02-04 02-05 02-06 04-20 06-05 06-15 08-31 10-05 12-25',
  1993: '01-01 01-22 01-25 04-05 04-09 04-12 06-14 06-24 08-30 10-01 12-27',
  1994: '02-10 02-11 04-01 04-04 04-05 06-13 06-14 08-29 09-21 10-13 12-26 12-27',
  1995: '01-02 01-31 02-01 02-02 04-05 04-14 04-17 06-02 06-19 08-28 11-01 12-25 12-26',
  1996: '01-01 02-19 02-20 02-21 04-04 04-05 04-08 06-17 06-20 08-26 10-21 12-25 12-26',
  1997: '01-01 02-06 02-07 03-28 03-31 06-09 06-30 07-01 07-02 08-18 09-17 10-01 10-02 10-10 12-25 12-26',
  1998: '01-01 01-28 01-29 01-30 04-06 04-10 04-13 07-01 08-17 10-01 10-02 10-06 10-28 12-25',
  1999: '01-01 02-16 02-17 02-18 04-02 04-05 04-06 06-18 07-01 09-16 10-01 10-18 12-27 12-31',
  2000: '02-04 02-07 04-04 04-21 04-24 05-01 05-11 06-06 09-13 10-02 10-06 12-25 12-26',
  2001: '01-01 01-24 01-25 01-26 04-05 04-13 04-16 04-30 05-01 06-25 07-02 07-06 07-25 10-01 10-02 10-25 12-25 12-26',
  2002: '01-01 02-12 02-13 02-14 03-29 04-01 04-05 05-01 05-20 07-01 10-01 10-14 12-25 12-26',
  2003: '01-01 01-31 02-03 04-18 04-21 05-01 05-08 06-04 07-01 09-12 10-01 12-25 12-26',
  2004: '01-01 01-22 01-23 04-05 04-09 04-12 05-26 06-22 07-01 09-29 10-01 10-22 12-27',
  2005: '02-09 02-10 02-11 03-25 03-28 04-05 05-02 05-16 07-01 09-19 10-11 12-26 12-27',
  2006: '01-02 01-30 01-31 04-05 04-14 04-17 05-01 05-05 05-31 10-02 10-30 12-25 12-26',
  2007: '01-01 02-19 02-20 04-05 04-06 04-09 05-01 05-24 06-19 07-02 09-26 10-01 10-19 12-25 12-26',
  2008: '01-01 02-07 02-08 03-21 03-24 04-04 05-01 05-12 06-09 07-01 08-06 08-22 09-15 10-01 10-07 12-25 12-26',
  2009: '01-01 01-26 01-27 01-28 04-10 04-13 05-01 05-28 07-01 10-01 10-26 12-25',
  2010: '01-01 02-15 02-16 04-02 04-05 04-06 05-21 06-16 07-01 09-23 10-01 12-27',
  2011: '02-03 02-04 04-05 04-22 04-25 05-02 05-10 06-06 07-01 09-13 09-29 10-05 12-26 12-27',
  2012: '01-02 01-23 01-24 01-25 04-04 04-06 04-09 05-01 07-02 10-01 10-02 10-23 12-25 12-26',
  2013: '01-01 02-11 02-12 02-13 03-29 04-01 04-04 05-01 05-17 06-12 07-01 08-14 09-20 10-01 10-14 12-25 12-26',
  2014: '01-01 01-31 02-03 04-18 04-21 05-01 05-06 06-02 07-01 09-09 10-01 10-02 12-25 12-26',
  2015: '01-01 02-19 02-20 04-03 04-06 04-07 05-01 05-25 07-01 09-03 09-28 10-01 10-21 12-25',
  2016: '01-01 02-08 02-09 02-10 03-25 03-28 04-04 05-02 06-09 07-01 08-02 09-16 10-10 10-21 12-26 12-27',
  2017: '01-02 01-30 01-31 04-04 04-14 04-17 05-01 05-03 05-30 08-23 10-02 10-05 12-25 12-26',
  2018: '01-01 02-16 02-19 03-30 04-02 04-05 05-01 05-22 06-18 07-02 09-25 10-01 10-17 12-25 12-26',
  2019: '01-01 02-05 02-06 02-07 04-05 04-19 04-22 05-01 05-13 06-07 07-01 10-01 10-07 12-25 12-26',
  2020: '01-01 01-27 01-28 04-10 04-13 04-30 05-01 06-25 07-01 10-01 10-02 10-13 10-26 12-25',
  2021: '01-01 02-12 02-15 04-02 04-05 04-06 05-19 06-14 07-01 09-22 10-01 10-13 10-14 12-27',
  2022: '02-01 02-02 02-03 04-05 04-15 04-18 05-02 05-09 06-03 07-01 09-12 10-04 12-26 12-27',
  2023: '01-02 01-23 01-24 01-25 04-05 04-07 04-10 05-01 05-26 06-22 09-01 09-08 10-02 10-23 12-25 12-26',
  2024: '01-01 02-12 02-13 03-29 04-01 04-04 05-01 05-15 06-10 07-01 09-06 09-18 10-01 10-11 12-25 12-26',
  2025: '01-01 01-29 01-30 01-31 04-04 04-18 04-21 05-01 05-05 07-01 10-01 10-07 10-29 12-25 12-26',
  2026: '01-01 02-17 02-18 02-19 04-03 04-06 04-07 05-01 05-25 06-19 07-01',
};

/** Maintained from the General Holidays Ordinance (see header); weekdays only. */
export const HK_HOLIDAYS_MAINTAINED: Readonly<Record<string, string>> = {
  2026: '10-01 10-19 12-25',
};

export const HK_CALENDAR_SEGMENTS = [
  { from: '1990-01-02', to: '2026-07-24', source: 'weekdays missing from the bundled Hang Seng Index (HSI.HK) daily file' },
  { from: '2026-07-25', to: '2026-12-31', source: 'General Holidays Ordinance (Cap. 149) — ASSUMPTION, not checked against HKEX 2026 calendar' },
] as const;

/** Lunar New Year's Day (1st day of the 1st lunar month), 1990–2027. */
export const LUNAR_NEW_YEAR: readonly string[] = [
  '1990-01-27', '1991-02-15', '1992-02-04', '1993-01-23', '1994-02-10', '1995-01-31', '1996-02-19', '1997-02-07',
  '1998-01-28', '1999-02-16', '2000-02-05', '2001-01-24', '2002-02-12', '2003-02-01', '2004-01-22', '2005-02-09',
  '2006-01-29', '2007-02-18', '2008-02-07', '2009-01-26', '2010-02-14', '2011-02-03', '2012-01-23', '2013-02-10',
  '2014-01-31', '2015-02-19', '2016-02-08', '2017-01-28', '2018-02-16', '2019-02-05', '2020-01-25', '2021-02-12',
  '2022-02-01', '2023-01-22', '2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06',
];

const HALF_DAY_EVES = new Set<string>(LUNAR_NEW_YEAR.map((d) => isoDate(day(d) - 86_400_000)));

/** True when `iso` is an eve with morning-only trading (if the exchange is open that day). */
export function isHalfDayEve(iso: string): boolean {
  const md = iso.slice(5);
  return md === '12-24' || md === '12-31' || HALF_DAY_EVES.has(iso);
}

export const HK_SESSION_TABLE: readonly TDated<{ morning: [string, string]; afternoon: [string, string] }>[] = [
  { from: '1900-01-01', value: { morning: ['10:00', '12:30'], afternoon: ['14:30', '16:00'] }, source: 'HKEX trading hours before the 2011 extension (HKEX news release 2010-11-23, "current" hours)' },
  { from: '2011-03-07', value: { morning: ['09:30', '12:00'], afternoon: ['13:30', '16:00'] }, source: 'HKEX news release 2011-01-24: phase 1 of the trading-hours extension from 7 March 2011' },
  { from: '2012-03-05', value: { morning: ['09:30', '12:00'], afternoon: ['13:00', '16:00'] }, source: 'HKEX news release 2012-03-01: phase 2 from 5 March 2012' },
];

export const HK_AUCTIONS = {
  preOpening: { from: '09:00', to: '09:30', note: 'pre-opening session (09:30–10:00 before 2011-03-07); the open is its match' },
  closing: { from: '16:00', to: '16:10', note: 'closing auction session, from 2016-07-25' },
} as const;

function sessionsFor(dayStart: number): TSessionSpec[] {
  const hours = inForce(HK_SESSION_TABLE, dayStart).value;
  const morning: TSessionSpec = { name: 'morning', open: clock(hours.morning[0]), close: clock(hours.morning[1]) };
  if (isHalfDayEve(isoDate(dayStart))) return [morning];
  return [morning, { name: 'afternoon', open: clock(hours.afternoon[0]), close: clock(hours.afternoon[1]) }];
}

export const hkCalendar = makeCalendar({
  holidays: [...expandHolidayTable(HK_HOLIDAYS_FROM_INDEX), ...expandHolidayTable(HK_HOLIDAYS_MAINTAINED)],
  coverage: { from: '1990-01-02', to: '2026-12-31' },
  sessionsFor,
});
