/**
 * The CN-A price-limit rules run against the real bundled bars (fixture copies in
 * tests/fixtures/markets of data/market, raw prices): no bar may trade outside the band computed from the
 * previous bar's close, except on days where the exchange's reference price differs from that
 * close (ex-rights / ex-dividend days, listed in the data's SOURCES.md, and one documented
 * resumption). Limit-up closes must hit our computed limit to the cent.
 */
import { describe, expect, it } from 'vitest';
import { cnARules } from '@/server/markets/cn-a';
import { cnCalendar } from '@/server/markets/cn-a/calendar';
import { lockedSide } from '@/server/markets/cn-a/price-limits';
import { SymbolMaster } from '@/server/markets/symbols';
import { readBars } from '../../fixtures/markets/load';

const master = new SymbolMaster();

/** Ex-rights dates from 2005 on, where the exchange's pre_close ≠ the previous close (SOURCES.md). */
const EX_RIGHTS: Record<string, string[]> = {
  '600519.SH': '2005-08-05 2006-05-25 2007-07-13 2008-06-16 2009-07-01 2010-07-05 2011-07-01 2012-07-05 2013-06-07 2014-06-25 2015-07-17 2016-07-01 2017-07-07 2018-06-15 2019-06-28 2020-06-24 2021-06-25'.split(' '),
  '000001.SZ': '2008-10-31 2012-10-19 2013-06-20 2014-06-12 2015-04-13 2016-06-16 2017-07-21 2018-07-12 2019-06-26 2020-05-28 2021-05-14'.split(' '),
  '601318.SH': '2007-06-22 2007-09-03 2008-05-23 2008-10-06 2009-09-01 2010-09-02 2010-09-09 2011-07-21 2011-09-02 2012-07-16 2012-09-26 2013-05-20 2013-09-10 2014-06-27 2014-09-12 2015-07-27 2015-09-09 2016-07-05 2016-09-05 2017-07-11 2017-09-04 2018-06-07 2018-09-06 2019-05-23 2019-09-04 2020-05-08 2020-09-16 2021-04-22 2021-10-25'.split(' '),
  '300750.SZ': ['2019-07-22', '2020-06-04', '2021-07-05'],
  '688981.SH': [],
};

/** 000001.SZ resumed on 2007-06-20 after 13 suspended sessions with a +16% high: the reference price used that day is not in the data. */
const OTHER_EXCEPTIONS: Record<string, string[]> = { '000001.SZ': ['2007-06-20'] };

function scan(symbol: string, from = '2005-01-01') {
  const instrument = master.instrument(symbol);
  const bars = readBars(`${symbol}_daily.csv`);
  const violations: string[] = [];
  const closesAtUp: string[] = [];
  const locked: string[] = [];
  for (let i = 0; i < bars.length; i++) {
    const b = bars[i];
    if (b.date < from) continue;
    const sessionIndex = cnCalendar.tradingDaysBetween(instrument.listingDate, b.time);
    const prevClose = i > 0 ? bars[i - 1].close : NaN;
    const band = cnARules.priceBand({ instrument, prevClose, time: b.time, sessionIndex });
    if (!band) continue;
    if (b.high > band.up + 1e-9 || b.low < band.down - 1e-9) violations.push(b.date);
    if (Math.abs(b.close - band.up) < 1e-9) closesAtUp.push(b.date);
    const side = lockedSide(band, b);
    if (side) locked.push(`${b.date}:${side}`);
  }
  return { violations, closesAtUp, locked };
}

describe('CN-A bands against the bundled real bars', () => {
  for (const symbol of Object.keys(EX_RIGHTS)) {
    it(`${symbol}: no bar outside the band except on ex-rights days`, () => {
      const { violations } = scan(symbol);
      const allowed = new Set([...EX_RIGHTS[symbol], ...(OTHER_EXCEPTIONS[symbol] ?? [])]);
      expect(violations.filter((d) => !allowed.has(d))).toEqual([]);
    });
  }

  it('300750.SZ: the IPO day hits +44% of the 25.14 offer (36.20) and 7 locked limit-up days follow, each equal to our limit to the cent', () => {
    const { violations, closesAtUp, locked } = scan('300750.SZ');
    expect(violations).toEqual([]);
    expect(closesAtUp.slice(0, 8)).toEqual(['2018-06-11', '2018-06-12', '2018-06-13', '2018-06-14', '2018-06-15', '2018-06-19', '2018-06-20', '2018-06-21']);
    expect(closesAtUp.length).toBe(15);
    expect(locked).toEqual(['2018-06-12:up', '2018-06-13:up', '2018-06-14:up', '2018-06-15:up', '2018-06-19:up', '2018-06-20:up', '2018-06-21:up']);
  });

  it('300750.SZ: the +15.09% close of 2021-01-04 is legal under ±20%; the first ±20% day is 2020-08-24', () => {
    const bars = readBars('300750.SZ_daily.csv');
    const i = bars.findIndex((b) => b.date === '2021-01-04');
    const band = cnARules.priceBand({ instrument: master.instrument('300750.SZ'), prevClose: bars[i - 1].close, time: bars[i].time, sessionIndex: 600 })!;
    expect(((bars[i].close / bars[i - 1].close - 1) * 100).toFixed(2)).toBe('15.09');
    expect(bars[i].high).toBeLessThanOrEqual(band.up);
  });

  it('688981.SH: no limit in the first five sessions (+246% high on the 27.46 offer on day one), ±20% afterwards', () => {
    const bars = readBars('688981.SH_daily.csv');
    const smic = master.instrument('688981.SH');
    const bands = bars.slice(0, 7).map((b, i) =>
      cnARules.priceBand({ instrument: smic, prevClose: i > 0 ? bars[i - 1].close : NaN, time: b.time, sessionIndex: cnCalendar.tradingDaysBetween(smic.listingDate, b.time) }),
    );
    expect(bands.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(bands[5]).toEqual({ up: 95.48, down: 63.66 }); // 2020-07-23, prev close 79.57
    expect(bars[0].high / 27.46).toBeGreaterThan(3);
  });

  it('600519.SH and 000001.SZ: limit-down locks are found (both sides of the band are exercised)', () => {
    expect(scan('600519.SH').locked.some((l) => l.endsWith(':down'))).toBe(true);
    expect(scan('000001.SZ').locked.some((l) => l.endsWith(':down'))).toBe(true);
  });
});
