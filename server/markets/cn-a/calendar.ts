/**
 * CN A-share trading calendar and sessions (SSE / SZSE / BSE trade the same days and hours).
 *
 * Holidays — how the table was made (re-run `node tests/fixtures/markets/derive-holidays.mjs cn`;
 * tests/unit/markets/calendar.test.ts re-derives it from the fixture copies and compares):
 *  - 2001-08-27 … 2005-04-07: weekdays with no bar in EITHER 600519.SH (SSE) or 000001.SZ (SZSE),
 *    the bundled raw daily files (ganlei333/stockdata). A day both stocks of two different
 *    exchanges lack is taken as a market holiday; a coincident suspension of both would be
 *    misread as a holiday (lower confidence than the index-derived range).
 *  - 2005-04-08 … 2025-05-16: weekdays with no row in the bundled CSI 300 index file 000300.SH
 *    (a Wind export, Billy-Drunkenstein/RL_CSI_300). An index prints on every trading day.
 *  - 2025-05-17 … 2026-12-31: maintained by hand from the exchanges' holiday notices:
 *    《关于2025年部分节假日休市安排的通知》 (SSE/SZSE/BSE, 2024-12-23) and
 *    《关于上海证券交易所2026年部分节假日休市安排的通知》 (SSE, 2025-12-22; SZSE/BSE identical).
 *  - Before 2001-08-27 and after 2026-12-31 the calendar knows no holidays: every weekday counts
 *    as a trading day (`calendar.coverage` tells callers where the table is authoritative).
 *
 * Sessions (trading-hours articles of the SSE and SZSE Trading Rules):
 *  - 09:15–09:25 opening call auction (not a continuous session; orders fill at the 09:30 open)
 *  - 09:30–11:30 continuous trading (morning)
 *  - 13:00–15:00 afternoon; 14:57–15:00 is the closing call auction on SZSE since 2006-07-01
 *    and on SSE since 2018-08-20 — modelled as part of the afternoon session ([13:00, 15:00]).
 *  - STAR after-hours fixed-price trading 15:05–15:30 (from 2019-07-22; extended to all SSE
 *    A-shares/ETFs on 2026-07-06) is not modelled as a session.
 * No half-days on the mainland exchanges.
 */
import { expandHolidayTable, makeCalendar } from '../calendar';
import { clock } from '../dates';

/** Derived from 600519.SH ∪ 000001.SZ bars (see header). */
export const CN_HOLIDAYS_FROM_STOCKS: Readonly<Record<string, string>> = {
  2001: '10-01 10-02 10-03 10-04 10-05',
  2002: '01-01 01-02 01-03 02-11 02-12 02-13 02-14 02-15 02-18 02-19 02-20 02-21 02-22 05-01 05-02 05-03 05-06 05-07 09-30 10-01 10-02 10-03 10-04 10-07',
  2003: '01-01 01-30 01-31 02-03 02-04 02-05 02-06 02-07 05-01 05-02 05-05 05-06 05-07 05-08 05-09 10-01 10-02 10-03 10-06 10-07',
  2004: '01-01 01-19 01-20 01-21 01-22 01-23 01-26 01-27 01-28 05-03 05-04 05-05 05-06 05-07 10-01 10-04 10-05 10-06 10-07',
  2005: '01-03 02-07 02-08 02-09 02-10 02-11 02-14 02-15',
};

/** Derived from CSI 300 (000300.SH) index rows (see header). */
export const CN_HOLIDAYS_FROM_INDEX: Readonly<Record<string, string>> = {
  2005: '05-02 05-03 05-04 05-05 05-06 10-03 10-04 10-05 10-06 10-07',
  2006: '01-02 01-03 01-26 01-27 01-30 01-31 02-01 02-02 02-03 05-01 05-02 05-03 05-04 05-05 10-02 10-03 10-04 10-05 10-06',
  2007: '01-01 01-02 01-03 02-19 02-20 02-21 02-22 02-23 05-01 05-02 05-03 05-04 05-07 10-01 10-02 10-03 10-04 10-05 12-31',
  2008: '01-01 02-06 02-07 02-08 02-11 02-12 04-04 05-01 05-02 06-09 09-15 09-29 09-30 10-01 10-02 10-03',
  2009: '01-01 01-02 01-26 01-27 01-28 01-29 01-30 04-06 05-01 05-28 05-29 10-01 10-02 10-05 10-06 10-07 10-08',
  2010: '01-01 02-15 02-16 02-17 02-18 02-19 04-05 05-03 06-14 06-15 06-16 09-22 09-23 09-24 10-01 10-04 10-05 10-06 10-07',
  2011: '01-03 02-02 02-03 02-04 02-07 02-08 04-04 04-05 05-02 06-06 09-12 10-03 10-04 10-05 10-06 10-07',
  2012: '01-02 01-03 01-23 01-24 01-25 01-26 01-27 04-02 04-03 04-04 04-30 05-01 06-22 10-01 10-02 10-03 10-04 10-05',
  2013: '01-01 01-02 01-03 02-11 02-12 02-13 02-14 02-15 04-04 04-05 04-29 04-30 05-01 06-10 06-11 06-12 09-19 09-20 10-01 10-02 10-03 10-04 10-07',
  2014: '01-01 01-31 02-03 02-04 02-05 02-06 04-07 05-01 05-02 06-02 09-08 10-01 10-02 10-03 10-06 10-07',
  2015: '01-01 01-02 02-18 02-19 02-20 02-23 02-24 04-06 05-01 06-22 09-03 09-04 10-01 10-02 10-05 10-06 10-07',
  2016: '01-01 02-08 02-09 02-10 02-11 02-12 04-04 05-02 06-09 06-10 09-15 09-16 10-03 10-04 10-05 10-06 10-07',
  2017: '01-02 01-27 01-30 01-31 02-01 02-02 04-03 04-04 05-01 05-29 05-30 10-02 10-03 10-04 10-05 10-06',
  2018: '01-01 02-15 02-16 02-19 02-20 02-21 04-05 04-06 04-30 05-01 06-18 09-24 10-01 10-02 10-03 10-04 10-05 12-31',
  2019: '01-01 02-04 02-05 02-06 02-07 02-08 04-05 05-01 05-02 05-03 06-07 09-13 10-01 10-02 10-03 10-04 10-07',
  2020: '01-01 01-24 01-27 01-28 01-29 01-30 01-31 04-06 05-01 05-04 05-05 06-25 06-26 10-01 10-02 10-05 10-06 10-07 10-08',
  2021: '01-01 02-11 02-12 02-15 02-16 02-17 04-05 05-03 05-04 05-05 06-14 09-20 09-21 10-01 10-04 10-05 10-06 10-07',
  2022: '01-03 01-31 02-01 02-02 02-03 02-04 04-04 04-05 05-02 05-03 05-04 06-03 09-12 10-03 10-04 10-05 10-06 10-07',
  2023: '01-02 01-23 01-24 01-25 01-26 01-27 04-05 05-01 05-02 05-03 06-22 06-23 09-29 10-02 10-03 10-04 10-05 10-06',
  2024: '01-01 02-09 02-12 02-13 02-14 02-15 02-16 04-04 04-05 05-01 05-02 05-03 06-10 09-16 09-17 10-01 10-02 10-03 10-04 10-07',
  2025: '01-01 01-28 01-29 01-30 01-31 02-03 02-04 04-04 05-01 05-02 05-05',
};

/** Maintained from the exchanges' holiday notices (see header); weekdays only. */
export const CN_HOLIDAYS_FROM_NOTICES: Readonly<Record<string, string>> = {
  // 2025 notice: 端午 05-31(Sat)…06-02(Mon); 国庆/中秋 10-01…10-08
  2025: '06-02 10-01 10-02 10-03 10-06 10-07 10-08',
  // 2026 notice: 元旦 01-01…01-03; 春节 02-15…02-23; 清明 04-04…04-06; 劳动节 05-01…05-05;
  // 端午 06-19…06-21; 中秋 09-25…09-27; 国庆 10-01…10-07
  2026: '01-01 01-02 02-16 02-17 02-18 02-19 02-20 02-23 04-06 05-01 05-04 05-05 06-19 09-25 10-01 10-02 10-05 10-06 10-07',
};

export const CN_CALENDAR_SEGMENTS = [
  { from: '2001-08-27', to: '2005-04-07', source: 'weekdays missing from both 600519.SH and 000001.SZ bundled daily bars' },
  { from: '2005-04-08', to: '2025-05-16', source: 'weekdays missing from the bundled CSI 300 (000300.SH) daily index file' },
  { from: '2025-05-17', to: '2026-12-31', source: 'SSE/SZSE/BSE holiday notices for 2025 and 2026' },
] as const;

export const CN_SESSIONS = [
  { name: 'morning', open: clock('09:30'), close: clock('11:30') },
  { name: 'afternoon', open: clock('13:00'), close: clock('15:00') },
] as const;

/** Call auctions, for display (not sessions of their own). */
export const CN_AUCTIONS = {
  opening: { from: '09:15', to: '09:25', note: 'opening call auction; cancellations not accepted 09:20–09:25' },
  closing: { from: '14:57', to: '15:00', note: 'closing call auction (SZSE since 2006-07-01, SSE since 2018-08-20)' },
} as const;

export const cnCalendar = makeCalendar({
  holidays: [
    ...expandHolidayTable(CN_HOLIDAYS_FROM_STOCKS),
    ...expandHolidayTable(CN_HOLIDAYS_FROM_INDEX),
    ...expandHolidayTable(CN_HOLIDAYS_FROM_NOTICES),
  ],
  coverage: { from: '2001-08-27', to: '2026-12-31' },
  sessionsFor: () => CN_SESSIONS,
});
